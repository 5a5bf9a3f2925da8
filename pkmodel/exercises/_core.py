"""The machinery every exercise kind shares: problems, verdicts, mistakes, seeds and cases.

A :class:`Problem` holds its true answer privately. :meth:`Problem.check` compares an answer with
it (relative error within the kind's tolerance), and when the answer is wrong, with each listed
:class:`Mistake` (the value a common slip would give, e.g. hours instead of days) to name the slip.
Neither the feedback of a wrong answer nor a problem's display shows the answer or its digits;
the worked solution comes only with a right answer or :meth:`Problem.reveal`.
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass, field
from functools import lru_cache
from numbers import Integral, Real

import numpy as np

from .. import literature as lit


# ----- cases: the (drug, group) pairs problems are drawn from ----------------------------------
def _cases() -> tuple[tuple[str, str], ...]:
    """Every (drug, group) pair a problem can be built on: every registered drug in every group."""
    return tuple((drug, group) for drug in lit.drugs() for group in lit.groups(drug))


@dataclass(frozen=True)
class Case:
    """One drug in one published group: its preset, true terminal half-life and clearance.

    ``half_life`` is ``preset.half_life(drug)`` (h, terminal), ``clearance`` ``preset.clearance(drug)``
    (L/h, the published-derived metabolic clearance), ``bioavailability`` the oral F of the model.
    """

    drug: str
    group: str
    preset: object = field(repr=False)
    half_life: float
    clearance: float
    bioavailability: float

    @property
    def model(self):
        return self.preset.model

    @property
    def label(self) -> str:
        """E.g. ``"diazepam, Young adult (21-33 y, G21), 70 kg"`` (the drug is named once)."""
        return self.preset.label if self.drug in self.preset.label else f"{self.drug}, {self.preset.label}"

    def provenance(self, what: str, key: str | None = None) -> str:
        """``"<value>: <what was reported> [sources]"`` for parameter ``key`` (default ``"<drug>.<what>"``)."""
        try:
            return cited(self.preset.value(key or f"{self.drug}.{what}"))
        except ValueError:  # a preset without this parameter: say so rather than fail
            return f"(the preset lists no {what})"

    def sources(self) -> tuple[str, ...]:
        """The sources the group's clearance and half-life rest on (e.g. ``("G89", "G21")``, ``("OX1",)``)."""
        keys = []
        for what in ("clearance", "half_life"):
            try:
                keys.extend(self.preset.value(f"{self.drug}.{what}").source_keys())
            except ValueError:  # a preset without this parameter
                pass
        return tuple(dict.fromkeys(keys))


def cited(value) -> str:
    """A :class:`~pkmodel.literature.Value` described, ending in what it rests on: ``[G21]``,
    ``[G89, G21]`` for a derived value, ``[teaching assumption NAME]`` for an assumption."""
    text = value.describe()
    parts = list(value.source_keys()) + [f"teaching assumption {n}" for n in value.assumptions()]
    if value.kind == "reported" and len(parts) == 1:  # describe() already ends in "[KEY]"
        return text
    return f"{text} [{'; '.join(parts)}]" if parts else text


def _preset(drug: str, group: str):
    return lit.preset(group, drug=drug)


@lru_cache(maxsize=None)
def case(drug: str, group: str) -> Case:
    """The :class:`Case` for ``drug`` in ``group`` (cached: presets are immutable)."""
    p = _preset(drug, group)
    absorption = p.model.absorption
    return Case(drug, group, p, half_life=float(p.half_life(drug)), clearance=float(p.clearance(drug)),
                bioavailability=1.0 if absorption is None else float(absorption.bioavailability))


#: Individuals are drawn within this many SDs of the group median (typical members of the group).
INDIVIDUAL_Z_MAX = 1.5
#: A subject's t½ or CL is kept more than this far (relative) from every group's in :func:`_cases`,
#: so that its value to 3 significant digits is never a number another problem of a set prints.
DISTINCT_FROM_GROUPS = 0.02


@dataclass(frozen=True)
class Individual:
    """One simulated member of a group: the case's model with its drug's CL and V times log-normal
    factors (median 1, the between-subject CVs of :func:`pkmodel.literature.default_cvs`: published
    for diazepam (K77, K75), a named teaching assumption for the comparators).

    ``half_life`` is ``model.half_life(drug)``, ``clearance`` the case's clearance × its factor.
    """

    case: Case
    model: object = field(repr=False)
    clearance_factor: float
    volume_factor: float
    cv_clearance: float
    cv_volume: float
    cv_sources: tuple[str, ...] = ()

    @property
    def half_life(self) -> float:
        return float(self.model.half_life(self.case.drug))

    @property
    def clearance(self) -> float:
        return self.case.clearance * self.clearance_factor

    def describe(self) -> str:
        """How this subject differs from the group (for worked solutions), with the sources."""
        group = f"group's [{', '.join(self.case.sources())}]" if self.case.sources() else "group's"
        cvs = f"between-subject CV {self.cv_clearance:.0%} and {self.cv_volume:.0%}"
        if self.cv_sources:
            cvs += f": {' and '.join(self.cv_sources)}"
        return (f"this simulated subject's CL and V are the {group} × {self.clearance_factor:.2f} and × "
                f"{self.volume_factor:.2f} ({cvs})")


def _cvs(c: Case) -> list:
    """The CVs (Values) of the drug's clearance and volume, from :func:`pkmodel.literature.default_cvs`."""
    cvs = lit.default_cvs(c.preset)
    return [cvs[f"{c.drug}.clearance"], cvs[f"{c.drug}.volume"]]


def individual(rng: np.random.Generator, c: Case, *, apart: tuple[str, float] | None = None,
               quoted: tuple[float, ...] = ()) -> Individual:
    """A typical member of ``c``'s group (log-normal factors within ±1.5 SD, redrawn otherwise).

    The factors apply to every compartment of the drug (as in :func:`pkmodel.literature.virtual_population`),
    so a two-compartment drug's terminal half-life scales by exactly f_V / f_CL.

    ``apart=("half_life", 0.18)`` redraws until the group's half-life (or ``"clearance"``) is
    more than 18 % away from the subject's (relative to the subject's, as checks measure), so
    that the group's published value, printed in other problems, is never right for this subject;
    and until the subject's is more than :data:`DISTINCT_FROM_GROUPS` from every group's in
    :func:`_cases` (any drug) and from each value in ``quoted`` (e.g. the half-lives a study's
    finding quotes in another problem's text), so that no number another problem of a set prints
    is its answer.
    """
    cv_values = _cvs(c)
    cvs = [float(v.value) for v in cv_values]
    cv_sources = tuple(dict.fromkeys([k for v in cv_values for k in v.source_keys()]
                                     + [f"teaching assumption {n}" for v in cv_values for n in v.assumptions()]))
    others = [] if apart is None else [getattr(case(*dg), apart[0]) for dg in _cases()] + list(quoted)
    own = [k.name for k in c.model.compartments if k.species == c.drug]  # central (+ peripheral)
    own_cl = own + [f"{t.source}->{t.target}" for t in c.model.transfers if t.source in own and t.target in own]
    for _ in range(1000):
        factors = []
        for cv in cvs:
            z = rng.standard_normal()
            while abs(z) > INDIVIDUAL_Z_MAX:
                z = rng.standard_normal()
            factors.append(math.exp(math.sqrt(math.log1p(cv ** 2)) * z))
        model = c.model.scaled(clearance=dict.fromkeys(own_cl, factors[0]), volume=dict.fromkeys(own, factors[1]))
        subject = Individual(c, model, factors[0], factors[1], cvs[0], cvs[1], cv_sources)
        if apart is None:
            return subject
        mine = getattr(subject, apart[0])
        if (relative_error(getattr(c, apart[0]), mine) > apart[1]
                and all(relative_error(g, mine) > DISTINCT_FROM_GROUPS for g in others)):
            return subject
    raise RuntimeError(f"no subject of {c.label} differs from the group's {apart[0]} by more than {apart[1]:.0%}")


#: Single doses (mg) a problem may use, per drug; teaching numbers for the arithmetic, not advice.
DOSES_MG = {"diazepam": (2.0, 2.5, 5.0, 10.0), "oxazepam": (10.0, 15.0, 30.0), "temazepam": (10.0, 20.0),
            "lorazepam": (1.0, 2.0)}
#: Dosing intervals (h) a problem may use.
INTERVALS_H = (6.0, 8.0, 12.0, 24.0)


def doses(drug: str) -> tuple[float, ...]:
    return DOSES_MG.get(drug, (1.0, 5.0, 10.0))


# ----- seeds -------------------------------------------------------------------------------------
def validate_seed(seed) -> int:
    """``seed`` as a Python int; TypeError for a non-integer, ValueError for a negative one."""
    if isinstance(seed, (bool, np.bool_)) or not isinstance(seed, Integral):
        raise TypeError(f"seed must be a non-negative integer (e.g. exercises.seed_for('your name')); "
                        f"got {seed!r} ({type(seed).__name__})")
    seed = int(seed)
    if seed < 0:
        raise ValueError(f"seed must be a non-negative integer (>= 0); got {seed}")
    return seed


def seed_for(name: str) -> int:
    """A stable seed in [0, 2**32) from a name or student number (SHA-256; case and spaces ignored).

    Python's own ``hash`` is salted per process, so it would give a new problem set every session.
    """
    if not isinstance(name, str):
        raise TypeError(f"name must be a string (a name or student number); got {name!r} ({type(name).__name__})")
    key = " ".join(name.split()).casefold()
    if not key:
        raise ValueError("name must not be empty; got an empty string")
    return int.from_bytes(hashlib.sha256(key.encode("utf-8")).digest()[:4], "big")


def rng_for(seed, kind: str) -> np.random.Generator:
    """The random stream of one problem: the seed and the kind's name together (stable)."""
    salt = int.from_bytes(hashlib.sha256(kind.encode("utf-8")).digest()[:4], "big")
    return np.random.default_rng([validate_seed(seed), salt])


def pick(rng: np.random.Generator, options):
    """One element of ``options`` (any sequence), drawn with ``rng``."""
    options = tuple(options)
    return options[int(rng.integers(len(options)))]


def noisy(rng: np.random.Generator, values, cv: float) -> np.ndarray:
    """``values`` times log-normal noise of coefficient of variation ``cv`` (mean 1)."""
    sigma = math.sqrt(math.log1p(cv ** 2))
    return np.asarray(values, dtype=float) * rng.lognormal(-sigma ** 2 / 2, sigma, np.shape(values))


# ----- numbers as the solutions show them --------------------------------------------------------
def fmt(x: float, digits: int = 3) -> str:
    """``x`` to ``digits`` significant digits, trailing zeros kept (``31.0``, ``0.970``, ``286``)."""
    x = float(x)
    if x == 0 or not math.isfinite(x):
        return f"{x:g}"
    if abs(x) >= 10 ** digits:
        return f"{x:.0f}"
    s = f"{x:#.{digits}g}"
    if "e" in s:
        s = f"{x:.{max(digits - 1 - math.floor(math.log10(abs(x))), 0)}f}"
    return s.rstrip(".")


def rounded(x: float, digits: int = 3) -> float:
    """``x`` rounded to ``digits`` significant digits (the number a prompt shows)."""
    return float(fmt(x, digits))


# ----- answers, mistakes and verdicts ------------------------------------------------------------
def validate_answer(answer) -> float:
    """A finite positive number; TypeError/ValueError naming ``answer`` otherwise."""
    if isinstance(answer, (bool, np.bool_)) or not isinstance(answer, Real):
        raise TypeError(f"answer must be a number (e.g. 12.5, in the unit the question asks for); "
                        f"got {answer!r} ({type(answer).__name__})")
    a = float(answer)
    if not math.isfinite(a) or a <= 0:
        raise ValueError(f"answer must be a finite number > 0 (in the unit the question asks for); got {a!r}")
    return a


@dataclass(frozen=True)
class Mistake:
    """A common slip: its name, the value it leads to, and the hint that names it."""

    name: str
    value: float
    hint: str

    def __post_init__(self):
        object.__setattr__(self, "value", float(self.value))


def relative_error(answer: float, target: float) -> float:
    return abs(answer - target) / abs(target)


def distinct_mistakes(truth: float, tolerance: float, candidates) -> tuple[Mistake, ...]:
    """The candidates a check can tell apart: finite, positive, more than 2 tolerances from the
    truth and from every mistake kept before them (so an answer matches at most one)."""
    kept: list[Mistake] = []
    for m in candidates:
        if not (math.isfinite(m.value) and m.value > 0):
            continue
        if relative_error(m.value, truth) <= 2 * tolerance or relative_error(truth, m.value) <= 2 * tolerance:
            continue
        if any(relative_error(m.value, k.value) <= 2 * tolerance or relative_error(k.value, m.value) <= 2 * tolerance
               for k in kept):
            continue
        kept.append(m)
    return tuple(kept)


@dataclass(frozen=True)
class Verdict:
    """What a check says. ``solution`` and ``answer`` are ``None`` unless the answer was right or
    the solution was revealed. ``bool(verdict)`` is ``verdict.correct``."""

    correct: bool
    feedback: str
    solution: str | None = None
    answer: float | None = None
    unit: str = ""
    mistake: str | None = None
    revealed: bool = False

    def __bool__(self) -> bool:
        return self.correct

    def _repr_markdown_(self) -> str:
        mark = "✅ **Right.**" if self.correct else ("📖 **Solution.**" if self.revealed else "❌ **Not yet.**")
        text = f"{mark} {self.feedback}"
        if self.solution:
            text += "\n\n**Worked solution.** " + self.solution
        return text

    def __str__(self) -> str:
        return self._repr_markdown_()


@dataclass(eq=False)
class Problem:
    """One exercise: a Markdown ``prompt`` (with units), the ``data`` to work on, and :meth:`check`.

    ``data`` maps labels with units (``"time (h)"``) to arrays or numbers. The true answer, the
    worked solution and the mistakes' values are kept out of the display.
    """

    kind: str
    seed: int
    title: str
    prompt: str
    data: dict
    unit: str
    tolerance: float
    _answer: float = field(repr=False)
    _solution: str = field(repr=False)
    mistakes: tuple[Mistake, ...] = field(repr=False, default=())
    hint: str = field(repr=False, default="")
    source: str = field(repr=False, default="")
    revealed: bool = field(repr=False, default=False)

    def check(self, answer) -> Verdict:
        """Compare ``answer`` (a number in :attr:`unit`) with the true answer; see the module doc."""
        a = validate_answer(answer)
        shown = f"{fmt(a)} {self.unit}".strip()
        if relative_error(a, self._answer) <= self.tolerance:
            return Verdict(True, f"Your {shown} is within the ±{self.tolerance:.0%} this exercise accepts.",
                           self._solution, self._answer, self.unit, revealed=self.revealed)
        side = "too high" if a > self._answer else "too low"
        for m in self.mistakes:
            if relative_error(a, m.value) <= self.tolerance:
                return Verdict(False, f"{shown} is {side}. {m.hint}", unit=self.unit, mistake=m.name,
                               **self._shown_if_revealed())
        return Verdict(False, f"{shown} is {side}. {self.hint}", unit=self.unit, **self._shown_if_revealed())

    def _shown_if_revealed(self) -> dict:
        return {"solution": self._solution, "answer": self._answer, "revealed": True} if self.revealed else {}

    def reveal(self) -> Verdict:
        """Show the worked solution and the answer (the problem then stays revealed for scoring)."""
        self.revealed = True
        return Verdict(False, f"The answer is {fmt(self._answer)} {self.unit}.".replace("  ", " "),
                       self._solution, self._answer, self.unit, revealed=True)

    def _repr_markdown_(self) -> str:
        return (f"### {self.title}\n\n{self.prompt}\n\n{data_markdown(self.data)}\n\n"
                f"*Answer in **{self.unit}**; answers within ±{self.tolerance:.0%} count as right.*")

    def __str__(self) -> str:
        return self._repr_markdown_()


def data_markdown(data: dict) -> str:
    """Arrays as one Markdown table (columns side by side), numbers and text as a list."""
    arrays = {k: np.asarray(v) for k, v in data.items() if np.ndim(v) == 1}
    scalars = {k: v for k, v in data.items() if np.ndim(v) == 0}
    parts = []
    if scalars:
        parts.append("\n".join(f"- {k}: **{v if isinstance(v, str) else f'{v:.4g}'}**" for k, v in scalars.items()))
    if arrays:
        keys = list(arrays)
        rows = [" | ".join(keys), " | ".join("---:" for _ in keys)]
        rows += [" | ".join(f"{arrays[k][i]:.4g}" for k in keys) for i in range(len(arrays[keys[0]]))]
        parts.append("\n".join(f"| {r} |" for r in rows))
    return "\n\n".join(parts)
