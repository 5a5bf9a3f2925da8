"""Numbers with provenance: every parameter the package uses is a :class:`Value`.

A :class:`Value` is either

* **reported**: it carries the ``source_key`` of a :class:`~pkmodel.literature.sources.Source` and
  what the paper reported (``reported="mean t1/2 31 h, young (21-33 y), n=7"``);
* **derived**: ``derived_from`` names the input Values and ``reported`` says how (``"V = CL*t1/2/ln2"``);
* an explicit **teaching assumption**: ``assumption=True`` with a ``name`` listed in
  :data:`TEACHING_ASSUMPTIONS`, used where no primary source was found (e.g. the fraction of a
  diazepam dose converted to desmethyldiazepam).

:meth:`Value.cite` prints the provenance of any number, down to the citations.
The published figures themselves live in their drug's module (:mod:`pkmodel.literature.drugs`);
this module holds the record type, the helpers that derive one value from others, and the
registry of named teaching assumptions (every :func:`assumption` adds itself to
:data:`TEACHING_ASSUMPTIONS`).
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import _validate as check
from ..units import ML_MIN_TO_L_H, volume_for_half_life
from .sources import SOURCES, cite


@dataclass(frozen=True)
class Value:
    """A number, its unit and where it comes from.

    Parameters
    ----------
    value : the number (finite).
    unit : its unit (``"h"``, ``"L"``, ``"L/h"``, ``"mL/min/kg"``, ``"1"`` for fractions, ...).
    source_key : key of the source that reported it (``None`` for derived values and assumptions).
    reported : what was reported, for whom (or, for a derived value, the formula).
    derived_from : the input Values of a derived value.
    assumption : ``True`` for a named teaching assumption (see :data:`TEACHING_ASSUMPTIONS`).
    name : the assumption's name (required when ``assumption`` is true).
    user_input : ``True`` for a value the user chose (body weight, age, an overridden fraction).
    """

    value: float
    unit: str
    source_key: str | None = None
    reported: str = ""
    derived_from: tuple["Value", ...] | None = None
    assumption: bool = False
    name: str = ""
    user_input: bool = False

    def __post_init__(self):
        what = f"the value of {self.name or self.reported or 'a Value'}"
        object.__setattr__(self, "value", check.number(what, self.value))
        if self.source_key is not None and self.source_key not in SOURCES:
            raise ValueError(f"source_key must be one of {', '.join(SOURCES)}; got {self.source_key!r}")
        if self.derived_from is not None:
            inputs = tuple(self.derived_from)
            if not inputs or not all(isinstance(v, Value) for v in inputs):
                raise ValueError("derived_from must be a non-empty tuple of Value")
            object.__setattr__(self, "derived_from", inputs)
        if self.assumption and not self.name:
            raise ValueError("a teaching assumption needs a name (listed in TEACHING_ASSUMPTIONS)")

    def __float__(self) -> float:
        return self.value

    @property
    def kind(self) -> str:
        """``"reported"``, ``"derived"``, ``"assumption"``, ``"input"`` or ``"orphan"`` (no provenance)."""
        if self.user_input:
            return "input"
        if self.assumption:
            return "assumption"
        if self.source_key is not None:
            return "reported"
        if self.derived_from:
            return "derived"
        return "orphan"

    def source_keys(self) -> tuple[str, ...]:
        """Every source this value rests on (recursively through ``derived_from``), in order."""
        keys: list[str] = []
        if self.source_key:
            keys.append(self.source_key)
        for v in self.derived_from or ():
            keys.extend(v.source_keys())
        return tuple(dict.fromkeys(keys))

    def assumptions(self) -> tuple[str, ...]:
        """Names of the teaching assumptions this value rests on (recursively)."""
        names: list[str] = [self.name] if self.assumption else []
        for v in self.derived_from or ():
            names.extend(v.assumptions())
        return tuple(dict.fromkeys(names))

    def leaves(self) -> tuple["Value", ...]:
        """The reported values and assumptions at the roots of this value."""
        if not self.derived_from or self.kind in ("reported", "assumption"):
            return (self,)
        out: list[Value] = []
        for v in self.derived_from:
            out.extend(v.leaves())
        return tuple(out)

    def describe(self) -> str:
        """``"<value> <unit>: <what was reported or how it was derived>"``."""
        tag = {"reported": f"[{self.source_key}]", "derived": "(derived)",
               "assumption": "(teaching assumption)", "input": "(your input)", "orphan": "(NO SOURCE)"}[self.kind]
        unit = "" if self.unit == "1" else f" {self.unit}"
        return f"{self.value:.6g}{unit}: {self.reported} {tag}".strip()

    def cite(self) -> str:
        """Human-readable provenance, ending in full citations (with DOI/PMID) of every source."""
        lines = [self.describe()]
        if self.kind == "derived":
            for v in self.derived_from:
                lines.extend("    " + line for line in v.describe_tree())
        keys = self.source_keys()
        if keys:
            lines.append("Sources:")
            lines.extend(f"  {k}: {cite(k)}" for k in keys)
        return "\n".join(lines)

    def describe_tree(self) -> list[str]:
        """The derivation as indented lines (used by :meth:`cite`)."""
        lines = ["- " + self.describe()]
        if self.kind == "derived":
            for v in self.derived_from:
                lines.extend("    " + line for line in v.describe_tree())
        return lines


def reported(value: float, unit: str, source_key: str, text: str) -> Value:
    """A value read from a source."""
    return Value(value, unit, source_key=source_key, reported=text)


def user_input(value: float, unit: str, what: str) -> Value:
    """A value chosen by the user (age, body weight, an overridden fraction)."""
    return Value(value, unit, reported="input: " + what, user_input=True)


def derived(value: float, unit: str, how: str, *inputs: Value) -> Value:
    """A value computed from ``inputs``; ``how`` gives the formula."""
    return Value(value, unit, reported=how, derived_from=tuple(inputs))


#: Every named teaching assumption (name -> Value): filled by :func:`assumption`, so a drug
#: module's assumptions are listed as soon as it is imported.
TEACHING_ASSUMPTIONS: dict[str, "Value"] = {}


def assumption(name: str, value: float, unit: str, text: str) -> Value:
    """A named teaching assumption, registered in :data:`TEACHING_ASSUMPTIONS` (a name is used once)."""
    val = Value(value, unit, reported="teaching assumption: " + text, assumption=True, name=name)
    old = TEACHING_ASSUMPTIONS.get(name)
    if old is not None and old != val:
        raise ValueError(f"teaching assumption {name!r} is already defined differently: {old.describe()}")
    TEACHING_ASSUMPTIONS[name] = val
    return val


def per_min_to_per_h(v: Value) -> Value:
    """A clearance in mL/min (or mL/min/kg) as L/h (or L/h/kg), derived."""
    unit = "L/h/kg" if v.unit.endswith("/kg") else "L/h"
    return derived(v.value * ML_MIN_TO_L_H, unit, f"{v.value:g} {v.unit} x 60 min/h / 1000 mL/L", v)


def volume_from(cl: Value, t_half: Value) -> Value:
    """V = CL * t1/2 / ln 2 (L, or L/kg), derived."""
    unit = "L/kg" if cl.unit.endswith("/kg") else "L"
    return derived(volume_for_half_life(cl.value, t_half.value), unit, "V = CL*t1/2/ln2", cl, t_half)



def ratio(a: Value, b: Value, how: str = "") -> Value:
    """a / b (dimensionless), derived."""
    return derived(a.value / b.value, "1", how or f"ratio {a.value:g}/{b.value:g}", a, b)


def scaled(v: Value, factor: Value, how: str = "", unit: str | None = None) -> Value:
    """v * factor, derived."""
    return derived(v.value * factor.value, unit or v.unit, how or f"{v.value:g} x {factor.value:g}", v, factor)


def mean_of(a: Value, b: Value, how: str) -> Value:
    """(a + b) / 2, derived (e.g. the mean of a study's men and women, or of a reported range)."""
    return derived((a.value + b.value) / 2, a.unit, how, a, b)


def per_kg_times_weight(v: Value, weight: Value, what: str) -> Value:
    """A per-kg clearance (mL/min/kg) or volume (L/kg) times body weight, as L/h or L (derived)."""
    if v.unit.startswith("mL/min"):
        return scaled(per_min_to_per_h(v), weight, f"{what}: {v.value:g} {v.unit} x 0.06 x weight", unit="L/h")
    return scaled(v, weight, f"{what}: {v.value:g} {v.unit} x weight", unit=v.unit.replace("/kg", ""))


# ----- generic teaching assumptions (no primary source; named, documented, overridable) -----------
REFERENCE_WEIGHT_KG = assumption(
    "REFERENCE_WEIGHT_KG", 70.0, "kg",
    "body weight to which absolute clearances (mL/min) are referred when a preset is scaled to another "
    "body weight (CL and V proportional to weight); the verified figures do not give the groups' mean "
    "weights.")
CV_CONJUGATED_METABOLITES = assumption(
    "CV_CONJUGATED_METABOLITES", 0.30, "1",
    "between-subject CV of CL and V for the conjugated benzodiazepines (temazepam, oxazepam, lorazepam) "
    "in virtual populations; the verified figures give ranges but no SDs for these.")
NO_ABSORPTION_LAG = assumption(
    "NO_ABSORPTION_LAG", 0.0, "h",
    "no lag before oral absorption, for drugs whose sources here report none; absorption starts at the dose.")

