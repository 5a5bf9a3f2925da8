"""Dosing regimens as data: what is given, how, and when.

A :class:`Regimen` is an immutable, time-sorted tuple of :class:`Dose` records. Builders make the
common shapes (single, repeated, tapering); methods return changed copies (a loading dose, a
missed or late dose, stopping). Doses are applied at exactly their times by
:func:`pkmodel.simulate`. Times in hours from the start of the simulation, amounts in mg.

A regimen holds at most :data:`MAX_DOSES` doses; builders refuse longer ones before building
anything (a dose every second for a year is 31.5 million doses and would exhaust the machine).

Bad input raises ``TypeError`` (wrong type) or ``ValueError`` (wrong value), naming the
parameter, the value and what is allowed.

These describe regimens used in published studies, for illustration; nothing here recommends a
dose for anyone.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass, replace
from typing import Iterable, Sequence

from . import _validate as check

ROUTES = ("oral", "iv", "infusion")

#: Most doses one regimen may hold: 100,000 is 11 years of hourly doses (or 274 years daily),
#: far beyond any teaching scenario; that many build in under a second.
MAX_DOSES = 100_000


def _check_dose_count(count: int | float, what: str) -> None:
    """Refuse more than :data:`MAX_DOSES` doses (``count`` may be a float estimate or inf)."""
    if not count <= MAX_DOSES:
        if isinstance(count, int):
            shown = f"{count:,}"
        else:
            shown = f"about {math.ceil(count):,}" if count < 1e15 else f"about {count:.3g}"
        raise ValueError(f"{what} would give {shown} doses; a regimen may hold at most "
                         f"MAX_DOSES = {MAX_DOSES:,}")


@dataclass(frozen=True)
class Dose:
    """One administration.

    Parameters
    ----------
    time : when it is given (infusions: when they start), h >= 0.
    amount : mg >= 0 (a zero dose is allowed and does nothing).
    route : ``"oral"`` (into the model's absorption depot, with its F and lag),
        ``"iv"`` (bolus) or ``"infusion"`` (zero-order over ``duration``).
    duration : infusion length, h > 0 (only for infusions).
    compartment : where an IV bolus or infusion goes (default: the model's dose compartment).
    """

    time: float
    amount: float
    route: str = "oral"
    duration: float = 0.0
    compartment: str | None = None

    def __post_init__(self):
        object.__setattr__(self, "time", check.non_negative("dose time (h)", self.time))
        object.__setattr__(self, "amount", check.non_negative("dose amount (mg)", self.amount))
        check.choice("route", self.route, ROUTES)
        if self.route == "infusion":
            object.__setattr__(self, "duration", check.positive("infusion duration (h)", self.duration))
        else:
            duration = check.number("duration (h)", self.duration, allowed="0 (infusions only have a duration)")
            if duration != 0:
                raise ValueError(f"duration applies to infusions only; got duration={self.duration!r} "
                                 f"for route {self.route!r}")
            object.__setattr__(self, "duration", 0.0)
        if self.compartment is not None:
            check.text("compartment", self.compartment, allowed="None or a compartment name (str)")
        if self.route == "oral" and self.compartment is not None:
            raise ValueError("an oral dose goes to the absorption depot; compartment must be None, "
                             f"got {self.compartment!r}")


@dataclass(frozen=True)
class Regimen:
    """A time-sorted, immutable sequence of doses. Combine regimens with ``+``."""

    doses: tuple[Dose, ...] = ()

    def __post_init__(self):
        doses = self.doses
        if isinstance(doses, (str, bytes, Dose)) or not hasattr(doses, "__iter__"):
            raise TypeError(f"doses must be a sequence of Dose records; got {doses!r} "
                            f"({type(doses).__name__})")
        if hasattr(doses, "__len__"):
            _check_dose_count(len(doses), "this regimen")
        # never read more than MAX_DOSES + 1 items, even from an endless iterator
        doses = tuple(itertools.islice(iter(doses), MAX_DOSES + 1))
        if len(doses) > MAX_DOSES:
            raise ValueError(f"this regimen would hold more than {MAX_DOSES:,} doses; a regimen may "
                             f"hold at most MAX_DOSES = {MAX_DOSES:,}")
        for i, d in enumerate(doses):
            if not isinstance(d, Dose):
                raise TypeError(f"doses must be Dose records; got {d!r} ({type(d).__name__}) at index {i}")
        object.__setattr__(self, "doses", tuple(sorted(doses, key=lambda d: d.time)))

    def __add__(self, other: "Regimen") -> "Regimen":
        if not isinstance(other, Regimen):
            return NotImplemented
        _check_dose_count(len(self.doses) + len(other.doses), "the combined regimen")
        return Regimen(self.doses + other.doses)

    def __len__(self) -> int:
        return len(self.doses)

    def __iter__(self):
        return iter(self.doses)

    @property
    def times(self) -> tuple[float, ...]:
        """Dose times, h."""
        return tuple(d.time for d in self.doses)

    @property
    def total_amount(self) -> float:
        """Sum of all doses, mg."""
        return sum(d.amount for d in self.doses)

    @property
    def last_dose_time(self) -> float:
        """Time of the last dose (the end of the last infusion), h; 0 for an empty regimen."""
        if not self.doses:
            return 0.0
        return max(d.time + d.duration for d in self.doses)

    def _check_index(self, index: int) -> int:
        n = len(self.doses)
        if n == 0:
            check.integer("dose index", index)
            raise ValueError(f"dose index must point at a dose, but this regimen has none; got {index!r}")
        return check.integer("dose index", index, low=-n, high=n - 1) % n

    @staticmethod
    def _moved(doses: tuple, delay: float) -> tuple:
        """``doses`` moved ``delay`` h later; refuse a delay that pushes a time past the float range."""
        latest = max(d.time for d in doses)
        if not math.isfinite(latest + delay):
            raise ValueError(f"delay (h) must keep every dose time finite (the latest dose is at "
                             f"{latest:g} h); got {delay!r}")
        return tuple(replace(d, time=d.time + delay) for d in doses)

    def with_loading_dose(self, amount: float) -> "Regimen":
        """The first dose replaced by a dose of ``amount`` mg (same time and route)."""
        if not self.doses:
            raise ValueError("with_loading_dose needs a regimen with at least one dose")
        amount = check.non_negative("loading dose amount (mg)", amount)
        return Regimen((replace(self.doses[0], amount=amount),) + self.doses[1:])

    def missed(self, index: int) -> "Regimen":
        """The regimen without dose number ``index`` (0-based, negative counts from the end)."""
        i = self._check_index(index)
        return Regimen(self.doses[:i] + self.doses[i + 1:])

    def late(self, index: int, delay: float) -> "Regimen":
        """Dose number ``index`` taken ``delay`` hours late (the others unchanged)."""
        i = self._check_index(index)
        delay = check.non_negative("delay (h)", delay)
        return Regimen(self.doses[:i] + self._moved((self.doses[i],), delay) + self.doses[i + 1:])

    def stopped_at(self, time: float) -> "Regimen":
        """Only the doses given before ``time`` (h): the regimen stopped at that moment."""
        time = check.non_negative("stop time (h)", time)
        return Regimen(tuple(d for d in self.doses if d.time < time))

    def shifted(self, delay: float) -> "Regimen":
        """Every dose ``delay`` hours later."""
        delay = check.non_negative("delay (h)", delay)
        if not self.doses:
            return self
        return Regimen(self._moved(self.doses, delay))


def single_dose(amount: float, *, time: float = 0.0, route: str = "oral", duration: float = 0.0,
                compartment: str | None = None) -> Regimen:
    """One dose of ``amount`` mg at ``time`` h."""
    return Regimen((Dose(time, amount, route, duration, compartment),))


def repeated(amount: float, interval: float, *, count: int | None = None, until: float | None = None,
             start: float = 0.0, route: str = "oral", duration: float = 0.0,
             compartment: str | None = None) -> Regimen:
    """``amount`` mg every ``interval`` h from ``start``: ``count`` doses, or every dose before ``until``.

    Exactly one of ``count`` (an integer in [1, :data:`MAX_DOSES`], numpy integers too) and
    ``until`` (h, > start) must be given. Dose *i* is at ``start + i * interval``. A regimen of
    more than :data:`MAX_DOSES` doses is refused before anything is built.
    """
    check.non_negative("amount (mg)", amount)
    interval = check.positive("interval (h)", interval)
    start = check.non_negative("start (h)", start)
    check.choice("route", route, ROUTES)
    if (count is None) == (until is None):
        raise ValueError(f"give exactly one of count and until; got count={count!r}, until={until!r}")
    if count is not None:
        count = check.integer("count", count, low=1, high=MAX_DOSES,
                              allowed=f"an integer in [1, {MAX_DOSES:,}] (MAX_DOSES)")
    else:
        until = check.number("until (h)", until, low=start, low_open=True,
                             allowed=f"a finite time > start ({start:g} h)")
        count = _count_before(start, until, interval)
    if not math.isfinite(start + (count - 1) * interval):
        raise ValueError(f"interval (h) must keep the last dose time, start + (count - 1) * interval, "
                         f"finite; got {interval!r} with count={count} and start={start:g}")
    first = Dose(start, amount, route, duration, compartment)  # validates amount, route, duration
    return Regimen((first,) + tuple(_at_time(first, start + i * interval) for i in range(1, count)))


def _at_time(dose: Dose, time: float) -> Dose:
    """A copy of the validated ``dose`` at ``time`` (finite, >= 0: the caller guarantees it), unchecked."""
    new = object.__new__(Dose)
    new.__dict__.update(dose.__dict__, time=time)
    return new


def _count_before(start: float, until: float, interval: float) -> int:
    """Number of doses ``start + i * interval`` before ``until`` (at least 1), refused above MAX_DOSES.

    The estimate ``(until - start) / interval`` is checked against the limit before any loop, so
    a tiny interval (even 1e-300 h) is refused at once.
    """
    what = f"interval (h) = {interval:g} from {start:g} h until {until:g} h"
    estimate = (until - start) / interval  # may be inf for a subnormal interval
    if not estimate <= MAX_DOSES + 1:
        _check_dose_count(estimate, what)
    count = math.ceil(estimate)
    if start + (count - 1) * interval >= until:  # guard the float edge exactly on `until`
        count -= 1
    count = max(count, 1)
    _check_dose_count(count, what)
    return count


@dataclass(frozen=True)
class TaperStep:
    """One step of a stepwise taper: ``dose`` mg every ``interval`` h for ``duration`` h.

    All three are required; ``interval`` defaults to ``None`` only so that a missing one is
    reported in the same words as a wrong one.
    """

    duration: float
    dose: float
    interval: float = None  # type: ignore[assignment]

    def __post_init__(self):
        object.__setattr__(self, "duration", check.positive("taper step duration (h)", self.duration))
        object.__setattr__(self, "dose", check.non_negative("taper step dose (mg)", self.dose))
        object.__setattr__(self, "interval", check.positive("taper step interval (h)", self.interval))


def taper(steps: Sequence[TaperStep | tuple] | Iterable, *, start: float = 0.0,
          route: str = "oral") -> Regimen:
    """Consecutive steps, each ``(duration, dose, interval)``; step *j* starts where step *j-1* ends.

    A pharmacokinetic illustration of stepwise reduction; not a schedule to follow. More than
    :data:`MAX_DOSES` doses in all is refused before any dose is built.
    """
    start = check.non_negative("start (h)", start)
    check.choice("route", route, ROUTES)
    allowed = "a sequence of TaperStep records or (duration, dose, interval) tuples"
    if isinstance(steps, (str, bytes, TaperStep)) or not hasattr(steps, "__iter__"):
        raise TypeError(f"steps must be {allowed}; got {steps!r} ({type(steps).__name__})")
    parsed = []
    for i, s in enumerate(steps):
        if i >= MAX_DOSES:  # also stops an endless iterator
            raise ValueError(f"steps must number at most MAX_DOSES = {MAX_DOSES:,}; got more")
        if isinstance(s, TaperStep):
            parsed.append(s)
        elif isinstance(s, (tuple, list)):
            if len(s) != 3:
                raise ValueError(f"steps[{i}] must be (duration, dose, interval), three numbers; got {s!r}")
            parsed.append(TaperStep(*s))
        else:
            raise TypeError(f"steps[{i}] must be a TaperStep or a (duration, dose, interval) tuple; "
                            f"got {s!r} ({type(s).__name__})")
    if not parsed:
        raise ValueError("taper needs at least one step; got none")
    # plan every step (times and dose counts) before building any dose
    plan = []
    t0, total = start, 0
    for i, s in enumerate(parsed):
        end = t0 + s.duration
        if not math.isfinite(end):
            raise ValueError(f"the taper steps' durations must add up to a finite time; step {i} "
                             f"(duration {s.duration:g} h) ends at {end!r}")
        if s.dose > 0:
            total += _count_before(t0, end, s.interval)
            _check_dose_count(total, f"the taper steps 0 to {i}")
            plan.append((s, t0, end))
        t0 = end
    doses: list[Dose] = []
    for s, t0, end in plan:
        doses.extend(repeated(s.dose, s.interval, until=end, start=t0, route=route).doses)
    return Regimen(tuple(doses))
