"""Numbers with provenance: every parameter the package uses is a :class:`Value`.

A :class:`Value` is either

* **reported**: it carries the ``source_key`` of a :class:`~pkmodel.literature.sources.Source` and
  what the paper reported (``reported="mean t1/2 31 h, young (21-33 y), n=7"``);
* **derived**: ``derived_from`` names the input Values and ``reported`` says how (``"V = CL*t1/2/ln2"``);
* an explicit **teaching assumption**: ``assumption=True`` with a ``name`` listed in
  :data:`TEACHING_ASSUMPTIONS`, used where no primary source was found (e.g. the fraction of a
  diazepam dose converted to desmethyldiazepam).

:meth:`Value.cite` prints the provenance of any number, down to the citations.
The published figures themselves are defined once, here, as module constants.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .. import _validate as check
from .sources import SOURCES, cite

from ..units import LN2, half_life, volume_for_half_life
ML_MIN_TO_L_H = 60.0 / 1000.0  #: 1 mL/min = 0.06 L/h (unit conversion, exact)


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
        object.__setattr__(self, "value", check.number("Value.value", self.value))
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


def assumption(name: str, value: float, unit: str, text: str) -> Value:
    """A named teaching assumption (must also be listed in :data:`TEACHING_ASSUMPTIONS`)."""
    return Value(value, unit, reported="teaching assumption: " + text, assumption=True, name=name)


def per_min_to_per_h(v: Value) -> Value:
    """A clearance in mL/min (or mL/min/kg) as L/h (or L/h/kg), derived."""
    unit = "L/h/kg" if v.unit.endswith("/kg") else "L/h"
    return derived(v.value * ML_MIN_TO_L_H, unit, f"{v.value:g} {v.unit} x 0.06", v)


def volume_from(cl: Value, t_half: Value) -> Value:
    """V = CL * t1/2 / ln 2 (L, or L/kg), derived."""
    unit = "L/kg" if cl.unit.endswith("/kg") else "L"
    return derived(volume_for_half_life(cl.value, t_half.value), unit, "V = CL*t1/2/ln2", cl, t_half)


def half_life_from(volume: Value, cl: Value) -> Value:
    """t1/2 = ln 2 * V / CL (h), derived."""
    return derived(half_life(volume.value, cl.value), "h", "t1/2 = ln2*V/CL", volume, cl)


def ratio(a: Value, b: Value, how: str = "") -> Value:
    """a / b (dimensionless), derived."""
    return derived(a.value / b.value, "1", how or f"ratio {a.value:g}/{b.value:g}", a, b)


def scaled(v: Value, factor: Value, how: str = "", unit: str | None = None) -> Value:
    """v * factor, derived."""
    return derived(v.value * factor.value, unit or v.unit, how or f"{v.value:g} x {factor.value:g}", v, factor)


# ----- teaching assumptions (no primary source; named, documented, overridable) ---------------
FRACTION_DZ_TO_DMDZ = assumption(
    "FRACTION_DZ_TO_DMDZ", 0.6, "1",
    "fraction of diazepam clearance that forms desmethyldiazepam (molar). No primary source for this "
    "fraction was found; 0.6 makes DMDZ the major metabolite, as the sources describe it. Override with "
    "preset(..., fraction_to_dmdz=...): DMDZ steady state scales with it, DZ curves do not change.")
FRACTION_DZ_TO_TEMAZEPAM = assumption(
    "FRACTION_DZ_TO_TEMAZEPAM", 0.05, "1",
    "fraction of diazepam clearance that forms temazepam (3-hydroxylation), full model only; a minor "
    "route, value chosen for illustration.")
FRACTION_DMDZ_TO_OXAZEPAM = assumption(
    "FRACTION_DMDZ_TO_OXAZEPAM", 0.9, "1",
    "fraction of desmethyldiazepam clearance that forms oxazepam (3-hydroxylation), full model only; "
    "chosen to make hydroxylation DMDZ's main route, for illustration.")
FRACTION_TEMAZEPAM_TO_OXAZEPAM = assumption(
    "FRACTION_TEMAZEPAM_TO_OXAZEPAM", 0.1, "1",
    "fraction of temazepam clearance that forms oxazepam (N-demethylation), full model only; "
    "temazepam is mainly glucuronidated directly, so a small value is chosen for illustration.")
REFERENCE_WEIGHT_KG = assumption(
    "REFERENCE_WEIGHT_KG", 70.0, "kg",
    "body weight to which absolute clearances (mL/min) are referred when a preset is scaled to another "
    "body weight (CL and V proportional to weight); the verified figures do not give the groups' mean "
    "weights.")
CV_CONJUGATED_METABOLITES = assumption(
    "CV_CONJUGATED_METABOLITES", 0.30, "1",
    "between-subject CV of CL and V for temazepam and oxazepam in virtual populations; the verified "
    "figures give ranges but no SDs for these.")
ILLUSTRATIVE_EC50_AT_20Y = assumption(
    "ILLUSTRATIVE_EC50_AT_20Y", 500.0, "ng/mL",
    "INVENTED concentration for half-maximal illustrative effect at 20 y; shape only, not a clinical "
    "threshold.")
ILLUSTRATIVE_EC50_HALVING_YEARS = assumption(
    "ILLUSTRATIVE_EC50_HALVING_YEARS", 60.0, "y",
    "INVENTED: the illustrative EC50 halves every 60 years of age (so between 20 and 80 y), a shape "
    "chosen to show the direction R78 reports (more sensitivity with age), not its size.")

#: Names of every value that is a teaching assumption rather than a published figure.
TEACHING_ASSUMPTIONS: tuple[str, ...] = (
    "FRACTION_DZ_TO_DMDZ", "FRACTION_DZ_TO_TEMAZEPAM", "FRACTION_DMDZ_TO_OXAZEPAM",
    "FRACTION_TEMAZEPAM_TO_OXAZEPAM", "REFERENCE_WEIGHT_KG", "CV_CONJUGATED_METABOLITES",
    "ILLUSTRATIVE_EC50_AT_20Y", "ILLUSTRATIVE_EC50_HALVING_YEARS",
)

# ----- published figures (one source of truth) ---------------------------------------------
# G21: the young vs elderly study the presets reproduce
G21_T_HALF_DZ_YOUNG = reported(31.0, "h", "G21", "mean diazepam t1/2, young (21-33 y), n=7")
G21_T_HALF_DZ_ELDERLY = reported(86.0, "h", "G21", "mean diazepam t1/2, elderly (61-78 y), n=8")
G21_T_HALF_DMDZ_YOUNG = reported(40.0, "h", "G21", "mean desmethyldiazepam t1/2, young (21-33 y), n=7")
G21_T_HALF_DMDZ_ELDERLY = reported(80.0, "h", "G21", "mean desmethyldiazepam t1/2, elderly (61-78 y), n=8")
G21_CSS_RISE_LOW = reported(1.30, "1", "G21", "Css of DZ and DMDZ 30-35 % higher in the elderly (low end)")
G21_CSS_RISE_HIGH = reported(1.35, "1", "G21", "Css of DZ and DMDZ 30-35 % higher in the elderly (high end)")
G21_YOUNG_AGE_MIN = reported(21.0, "y", "G21", "youngest of the young group")
G21_YOUNG_AGE_MAX = reported(33.0, "y", "G21", "oldest of the young group")
G21_ELDERLY_AGE_MIN = reported(61.0, "y", "G21", "youngest of the elderly group")
G21_ELDERLY_AGE_MAX = reported(78.0, "y", "G21", "oldest of the elderly group")
G21_DOSE_MG = reported(2.5, "mg", "G21", "diazepam 2.5 mg orally twice daily for 15 days")
G21_INTERVAL_H = reported(12.0, "h", "G21", "twice daily dosing")
G21_DAYS = reported(15.0, "d", "G21", "15 days of dosing")

#: Elderly/young clearance ratio: the midpoint of G21's 30-35 % higher Css (Css = F*D/(CL*tau)).
ELDERLY_CL_DIVISOR = derived((G21_CSS_RISE_LOW.value + G21_CSS_RISE_HIGH.value) / 2, "1",
                             "midpoint of G21's 30-35 % higher Css; Css ~ 1/CL, so elderly CL = young CL / 1.325",
                             G21_CSS_RISE_LOW, G21_CSS_RISE_HIGH)
G21_YOUNG_AGE = derived((G21_YOUNG_AGE_MIN.value + G21_YOUNG_AGE_MAX.value) / 2, "y",
                        "midpoint of the young group's age range (group mean not in the verified figures)",
                        G21_YOUNG_AGE_MIN, G21_YOUNG_AGE_MAX)
G21_ELDERLY_AGE = derived((G21_ELDERLY_AGE_MIN.value + G21_ELDERLY_AGE_MAX.value) / 2, "y",
                          "midpoint of the elderly group's age range (group mean not in the verified figures)",
                          G21_ELDERLY_AGE_MIN, G21_ELDERLY_AGE_MAX)

# K75: age and liver disease
K75_T_HALF_AT_20 = reported(20.0, "h", "K75", "DZ t1/2 about 20 h at 20 y (linear in age)")
K75_T_HALF_AT_80 = reported(90.0, "h", "K75", "DZ t1/2 about 90 h at 80 y (linear in age)")
K75_AGE_20 = reported(20.0, "y", "K75", "age at which t1/2 is about 20 h")
K75_AGE_80 = reported(80.0, "y", "K75", "age at which t1/2 is about 90 h")
K75_AGE_MIN = reported(15.0, "y", "K75", "youngest of 33 healthy volunteers")
K75_AGE_MAX = reported(82.0, "y", "K75", "oldest of 33 healthy volunteers")
K75_CL_LOW = reported(20.0, "mL/min", "K75", "CL of most normal subjects between 20 and 32 mL/min, not age-related")
K75_CL_HIGH = reported(32.0, "mL/min", "K75", "CL of most normal subjects between 20 and 32 mL/min, not age-related")
K75_BINDING = reported(0.974, "1", "K75", "plasma binding 97.4 +/- 1.2 %, no age change, n=33")
K75_CIRRHOSIS_T_HALF = reported(105.6, "h", "K75", "DZ t1/2 105.6 +/- 15.2 h, alcoholic cirrhosis, n=9")
K75_CIRRHOSIS_T_HALF_SD = reported(15.2, "h", "K75", "SD of t1/2 in cirrhosis, n=9")
K75_CONTROL_T_HALF = reported(46.6, "h", "K75", "DZ t1/2 46.6 +/- 14.2 h, age-matched controls")
K75_CONTROL_T_HALF_SD = reported(14.2, "h", "K75", "SD of t1/2 in age-matched controls")
K75_CIRRHOSIS_CL = reported(13.8, "mL/min", "K75", "DZ CL 13.8 +/- 2.4 mL/min in cirrhosis, n=9")
K75_CIRRHOSIS_CL_FACTOR = reported(0.5, "1", "K75", "cirrhosis CL 'about half of normal'")

# G89: large-sample study (clearance anchor for diazepam)
G89_CL = reported(26.6, "mL/min", "G89", "mean DZ CL 26.6 mL/min, 48 healthy men 18-44 y, 10 mg oral")
G89_T_HALF = reported(44.2, "h", "G89", "mean DZ t1/2 44.2 h, 48 healthy men 18-44 y")
G89_V = reported(83.0, "L", "G89", "mean DZ V 83 L, 48 healthy men 18-44 y")

# G80: sex and age, per-kg clearance
G80_CL = {
    ("male", "young"): reported(0.39, "mL/min/kg", "G80", "DZ CL, young men (21-37 y), n=11"),
    ("male", "elderly"): reported(0.24, "mL/min/kg", "G80", "DZ CL, elderly men (61-84 y), n=11"),
    ("female", "young"): reported(0.51, "mL/min/kg", "G80", "DZ CL, young women (21-37 y), n=11"),
    ("female", "elderly"): reported(0.48, "mL/min/kg", "G80", "DZ CL, elderly women (61-84 y), n=11"),
}
G80_YOUNG_AGE_MIN = reported(21.0, "y", "G80", "youngest of the young groups")
G80_YOUNG_AGE_MAX = reported(37.0, "y", "G80", "oldest of the young groups")
G80_ELDERLY_AGE_MIN = reported(61.0, "y", "G80", "youngest of the elderly groups")
G80_ELDERLY_AGE_MAX = reported(84.0, "y", "G80", "oldest of the elderly groups")
G80_YOUNG_AGE = derived(29.0, "y", "midpoint of 21-37 y, taken as the young groups' mean age (not reported)",
                        G80_YOUNG_AGE_MIN, G80_YOUNG_AGE_MAX)
G80_ELDERLY_AGE = derived(72.5, "y", "midpoint of 61-84 y, taken as the elderly groups' mean age (not reported)",
                          G80_ELDERLY_AGE_MIN, G80_ELDERLY_AGE_MAX)

# Absorption (ABS)
ABS_LAG_MIN = reported(12.0, "min", "ABS", "mean lag before absorption ~12 min, n=37, 19-79 y")
ABS_T_HALF_ABS_MIN = reported(19.0, "min", "ABS", "mean first-order absorption t1/2 19 min (0-96), n=37")
ABS_F = reported(0.97, "1", "ABS", "absolute bioavailability ~97 % (n=7 with IV reference)")
ABS_LAG_H = derived(ABS_LAG_MIN.value / 60.0, "h", "12 min / 60", ABS_LAG_MIN)
ABS_KA = derived(LN2 / (ABS_T_HALF_ABS_MIN.value / 60.0), "1/h", "ka = ln2 / (19 min / 60)", ABS_T_HALF_ABS_MIN)

# Binding
AB79_FU = reported(0.0125, "1", "AB79", "diazepam free fraction mean 1.25 % in men (0.97-1.99 %)")
K75_FU = derived(1.0 - K75_BINDING.value, "1", "fu = 1 - bound fraction 0.974", K75_BINDING)

# K77 and CZ1: desmethyldiazepam
K77_DMDZ_CL = reported(11.3, "mL/min", "K77", "DMDZ CL 11.3 +/- 3.1 mL/min, 4 healthy subjects, DMDZ 0.1 mg/kg IV")
K77_DMDZ_CL_SD = reported(3.1, "mL/min", "K77", "SD of DMDZ CL, 4 healthy subjects")
K77_DMDZ_T_HALF = reported(50.9, "h", "K77", "DMDZ t1/2 50.9 +/- 6.2 h, 4 healthy subjects")
K77_DMDZ_T_HALF_SD = reported(6.2, "h", "K77", "SD of DMDZ t1/2, 4 healthy subjects")
K77_DZ_CL = reported(32.3, "mL/min", "K77", "DZ CL 32.3 +/- 11.0 mL/min, same 4 healthy subjects")
K77_DZ_CL_SD = reported(11.0, "mL/min", "K77", "SD of DZ CL, 4 healthy subjects")
K77_DMDZ_CL_LIVER = reported(4.6, "mL/min", "K77", "DMDZ CL 4.6 +/- 1.1 mL/min, 4 patients with liver disease")
CZ1_DMDZ_CL = reported(0.24, "mL/min/kg", "CZ1", "DMDZ CL 0.24 mL/min/kg, 17 volunteers 21-66 y, clorazepate 20 mg IV")
CZ1_DMDZ_V = reported(1.24, "L/kg", "CZ1", "DMDZ Vd 1.24 L/kg, 17 volunteers 21-66 y")
CZ1_DMDZ_T_HALF = reported(65.0, "h", "CZ1", "DMDZ t1/2 65 h, 17 volunteers 21-66 y")
CZ3_DMDZ_T_HALF = reported(53.0, "h", "CZ3", "DMDZ t1/2 53 +/- 6 h (SEM), 12 volunteers 22-38 y, 14 days")
CZ3_DMDZ_V = reported(1.13, "L/kg", "CZ3", "DMDZ Vbeta 1.13 +/- 0.08 L/kg (SEM), 12 volunteers 22-38 y")

# Temazepam and oxazepam (conjugated; no age effect)
TZ1_CL = {"male": reported(1.35, "mL/min/kg", "TZ1", "temazepam CL, men, 24-84 y"),
          "female": reported(1.02, "mL/min/kg", "TZ1", "temazepam CL, women, 24-84 y")}
TZ1_V = reported(1.40, "L/kg", "TZ1", "temazepam Vd 1.40 L/kg, 32 people 24-84 y")
TZ1_T_HALF = {"male": reported(12.3, "h", "TZ1", "temazepam mean t1/2, men"),
              "female": reported(16.8, "h", "TZ1", "temazepam mean t1/2, women")}
TZ1_FU = reported(0.026, "1", "TZ1", "temazepam unbound fraction 2.6 %")
TZ_CIM_T_HALF = reported(9.9, "h", "TZ_CIM", "temazepam t1/2 9.9 h (control phase), n=9")
TZ_CIM_CL = reported(1.59, "mL/min/kg", "TZ_CIM", "temazepam CL 1.59 mL/min/kg, unchanged by cimetidine")
OX1_CL = {"male": reported(1.48, "mL/min/kg", "OX1", "oxazepam CL, 22 men 20-86 y"),
          "female": reported(1.70, "mL/min/kg", "OX1", "oxazepam CL, 9 women 20-86 y")}
OX1_V = {"male": reported(0.96, "L/kg", "OX1", "oxazepam Vd, 22 men 20-86 y"),
         "female": reported(1.17, "L/kg", "OX1", "oxazepam Vd, 9 women 20-86 y")}
OX1_T_HALF = {"male": reported(7.5, "h", "OX1", "oxazepam mean t1/2, men"),
              "female": reported(8.5, "h", "OX1", "oxazepam mean t1/2, women")}

# Modifiers
Q99_DZ_T_HALF = {"wt/wt": reported(20.0, "h", "Q99", "DZ t1/2 20.0 +/- 10.8 h, wt/wt, n=6"),
                 "wt/m1": reported(62.9, "h", "Q99", "DZ t1/2 62.9 +/- 9.8 h, wt/m1, n=6"),
                 "m1/m1": reported(84.0, "h", "Q99", "DZ t1/2 84.0 +/- 13.7 h, m1/m1, n=6")}
Q99_DZ_CL = {"wt/wt": reported(19.5, "mL/min", "Q99", "DZ CL 19.5 +/- 9.8 mL/min, wt/wt, n=6"),
             "wt/m1": reported(7.2, "mL/min", "Q99", "DZ CL 7.2 +/- 2.6 mL/min, wt/m1, n=6"),
             "m1/m1": reported(2.8, "mL/min", "Q99", "DZ CL 2.8 +/- 0.9 mL/min, m1/m1, n=6")}
Q99_DMDZ_T_HALF = {"wt/wt": reported(99.2, "h", "Q99", "DMDZ t1/2 99.2 +/- 21.7 h, wt/wt, n=6"),
                   "wt/m1": reported(132.1, "h", "Q99", "DMDZ t1/2 132.1 +/- 24.9 h, wt/m1, n=6"),
                   "m1/m1": reported(176.0, "h", "Q99", "DMDZ t1/2 176.0 +/- 28.9 h, m1/m1, n=6")}
FC_CL_CONTROL = reported(0.28, "mL/min/kg", "FC", "DZ CL 0.28 mL/min/kg, control, 11 healthy men, 10 mg IV")
FC_CL_CIMETIDINE = reported(0.20, "mL/min/kg", "FC", "DZ CL 0.20 mL/min/kg with cimetidine 300 mg four times daily")
FC_T_HALF_CONTROL = reported(55.0, "h", "FC", "DZ t1/2 55 h, control")
FC_T_HALF_CIMETIDINE = reported(72.0, "h", "FC", "DZ t1/2 72 h with cimetidine")
FC_V_UNCHANGED = reported(1.0, "1", "FC", "DZ Vd unchanged by cimetidine (no significant difference)")
G84_RISE = reported(1.57, "1", "G84", "cimetidine raised DZ + DMDZ concentrations by 57 % on average, n=10")
P94_CL_BEFORE = reported(0.40, "mL/min/kg", "P94", "oral DZ CL 0.40 mL/min/kg before fluvoxamine, n=8")
P94_CL_AFTER = reported(0.14, "mL/min/kg", "P94", "oral DZ CL 0.14 mL/min/kg with fluvoxamine, n=8")
P94_T_HALF_BEFORE = reported(51.0, "h", "P94", "DZ t1/2 51 h before fluvoxamine")
P94_T_HALF_AFTER = reported(118.0, "h", "P94", "DZ t1/2 118 h with fluvoxamine")
O81B_CL_CONTROL = reported(0.37, "mL/min/kg", "O81b", "DZ CL 0.37 mL/min/kg, controls")
O81B_CL_RIFAMPIN = reported(1.50, "mL/min/kg", "O81b", "DZ CL 1.50 mL/min/kg on rifampin + isoniazid + ethambutol")
O81B_T_HALF_CONTROL = reported(58.0, "h", "O81b", "DZ t1/2 58 h, controls")
O81B_T_HALF_RIFAMPIN = reported(14.0, "h", "O81b", "DZ t1/2 14 h on rifampin + isoniazid + ethambutol")
