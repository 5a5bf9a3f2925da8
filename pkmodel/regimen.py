"""Dosing regimens as data: what is given, how, and when.

A :class:`Regimen` is an immutable, time-sorted tuple of :class:`Dose` records. Builders make the
common shapes (single, repeated, tapering); methods return changed copies (a loading dose, a
missed or late dose, stopping). Doses are applied at exactly their times by
:func:`pkmodel.simulate`. Times in hours from the start of the simulation, amounts in mg.

These describe regimens used in published studies, for illustration; nothing here recommends a
dose for anyone.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import Iterable, Sequence

from . import _validate as check

ROUTES = ("oral", "iv", "infusion")


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
        elif self.duration not in (0, 0.0):
            raise ValueError(f"duration applies to infusions only; got duration={self.duration!r} "
                             f"for route {self.route!r}")
        if self.route == "oral" and self.compartment is not None:
            raise ValueError("an oral dose goes to the absorption depot; compartment must be None, "
                             f"got {self.compartment!r}")


@dataclass(frozen=True)
class Regimen:
    """A time-sorted, immutable sequence of doses. Combine regimens with ``+``."""

    doses: tuple[Dose, ...] = ()

    def __post_init__(self):
        doses = tuple(self.doses)
        for d in doses:
            if not isinstance(d, Dose):
                raise ValueError(f"doses must be Dose records; got {d!r}")
        object.__setattr__(self, "doses", tuple(sorted(doses, key=lambda d: d.time)))

    def __add__(self, other: "Regimen") -> "Regimen":
        if not isinstance(other, Regimen):
            return NotImplemented
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
        if not isinstance(index, int) or isinstance(index, bool) or not -n <= index < n:
            raise ValueError(f"dose index must be an integer in [{-n}, {n - 1}]; got {index!r}")
        return index % n

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
        d = self.doses[i]
        return Regimen(self.doses[:i] + (replace(d, time=d.time + delay),) + self.doses[i + 1:])

    def stopped_at(self, time: float) -> "Regimen":
        """Only the doses given before ``time`` (h): the regimen stopped at that moment."""
        time = check.non_negative("stop time (h)", time)
        return Regimen(tuple(d for d in self.doses if d.time < time))

    def shifted(self, delay: float) -> "Regimen":
        """Every dose ``delay`` hours later."""
        delay = check.non_negative("delay (h)", delay)
        return Regimen(tuple(replace(d, time=d.time + delay) for d in self.doses))


def single_dose(amount: float, *, time: float = 0.0, route: str = "oral", duration: float = 0.0,
                compartment: str | None = None) -> Regimen:
    """One dose of ``amount`` mg at ``time`` h."""
    return Regimen((Dose(time, amount, route, duration, compartment),))


def repeated(amount: float, interval: float, *, count: int | None = None, until: float | None = None,
             start: float = 0.0, route: str = "oral", duration: float = 0.0,
             compartment: str | None = None) -> Regimen:
    """``amount`` mg every ``interval`` h from ``start``: ``count`` doses, or every dose before ``until``.

    Exactly one of ``count`` (an integer >= 1) and ``until`` (h, > start) must be given.
    Dose *i* is at ``start + i * interval``.
    """
    check.non_negative("amount (mg)", amount)
    interval = check.positive("interval (h)", interval)
    start = check.non_negative("start (h)", start)
    if (count is None) == (until is None):
        raise ValueError(f"give exactly one of count and until; got count={count!r}, until={until!r}")
    if count is not None:
        if isinstance(count, bool) or not isinstance(count, int) or count < 1:
            raise ValueError(f"count must be an integer >= 1; got {count!r}")
    else:
        until = check.number("until (h)", until, low=start, low_open=True,
                             allowed=f"a finite time > start ({start:g} h)")
        count = math.ceil((until - start) / interval)
        if start + (count - 1) * interval >= until:  # guard the float edge exactly on `until`
            count -= 1
        count = max(count, 1)
    return Regimen(tuple(Dose(start + i * interval, amount, route, duration, compartment)
                         for i in range(count)))


@dataclass(frozen=True)
class TaperStep:
    """One step of a stepwise taper: ``dose`` mg every ``interval`` h for ``duration`` h."""

    duration: float
    dose: float
    interval: float

    def __post_init__(self):
        object.__setattr__(self, "duration", check.positive("taper step duration (h)", self.duration))
        object.__setattr__(self, "dose", check.non_negative("taper step dose (mg)", self.dose))
        object.__setattr__(self, "interval", check.positive("taper step interval (h)", self.interval))


def taper(steps: Sequence[TaperStep | tuple] | Iterable, *, start: float = 0.0,
          route: str = "oral") -> Regimen:
    """Consecutive steps, each ``(duration, dose, interval)``; step *j* starts where step *j-1* ends.

    A pharmacokinetic illustration of stepwise reduction; not a schedule to follow.
    """
    start = check.non_negative("start (h)", start)
    steps = [s if isinstance(s, TaperStep) else TaperStep(*s) for s in steps]
    if not steps:
        raise ValueError("taper needs at least one step; got none")
    doses: list[Dose] = []
    t0 = start
    for s in steps:
        if s.dose > 0:
            doses.extend(repeated(s.dose, s.interval, until=t0 + s.duration, start=t0, route=route).doses)
        t0 += s.duration
    return Regimen(tuple(doses))
