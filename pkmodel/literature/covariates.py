r"""Age (and, optionally, sex) as a continuous covariate, for teaching.

``at_age(age)`` (``sex=None``) follows K75's lifespan picture: diazepam t½ rises linearly from
about 20 h at 20 y to about 90 h at 80 y while clearance stays constant, so the volume grows with
age:

.. math::

    t_{1/2}(a) = 20 + (a - 20)\,\frac{90 - 20}{80 - 20}\ \text{h}, \qquad
    CL = 26.6\ \text{mL/min (G89)}\times\frac{w}{70\ \text{kg}}, \qquad V = CL\,t_{1/2}/\ln 2 .

``at_age(age, sex="male"|"female")`` follows G80: per-kg diazepam clearance interpolated linearly
in age between the young and elderly group means (men 0.39 → 0.24, women 0.51 → 0.48 mL/min/kg).
G80's group mean ages are not in the verified figures; the midpoints of the reported ranges are
used (young 21-37 → 29 y, elderly 61-84 → 72.5 y; marked derived) and clearance is held at the
group value outside them. The half-life stays on K75's line and the volume follows,
V = CL·t½/ln2: taking K75's volume as well would count the age effect twice (K75's volume was
derived with clearance held constant) and give elderly men t½ ≈ 140 h, beyond any published group
mean. So women, with higher clearance at the same t½, get larger volumes, as G80 reports; the
sex difference shows in clearance and volume, not in t½ (G80's t½ by group are not in the
verified figures).

Desmethyldiazepam (both views) is interpolated linearly in age between G21's young and elderly
presets (t½ 40 → 80 h, CL ÷ 1.325) at the midpoints of G21's age ranges (27 y and 69.5 y), and
held at the group values outside them (no extrapolation beyond the group means). Temazepam and
oxazepam (``full=True``) have no age effect (TZ1, OX1).

Ages outside the study's range (K75 15-82 y; G80 21-84 y) give an :class:`ExtrapolationWarning`;
ages outside 18-100 y are refused.
"""

from __future__ import annotations

import warnings

from .. import _validate as check
from . import values as v
from .presets import Preset, _dmdz_clearance_anchor, _dz_clearance_anchor, _weight, assemble
from .values import Value, derived, per_min_to_per_h, scaled, user_input, volume_from

AGE_LIMITS = (18.0, 100.0)  #: ages accepted by at_age (y)
SEXES = ("male", "female")


class ExtrapolationWarning(UserWarning):
    """A figure was computed outside the age range of the study it comes from."""


def _age(age) -> Value:
    a = check.number("age", age, low=AGE_LIMITS[0], high=AGE_LIMITS[1],
                     allowed=f"a number of years in [{AGE_LIMITS[0]:g}, {AGE_LIMITS[1]:g}]")
    return user_input(a, "y", "age")


def _warn_outside(age: float, low: Value, high: Value, what: str) -> None:
    if not low.value <= age <= high.value:
        warnings.warn(f"age {age:g} y is outside the {low.value:g}-{high.value:g} y range of {low.source_key} "
                      f"({what}); the figure is an extrapolation", ExtrapolationWarning, stacklevel=3)


def _interp(age: Value, a0: Value, a1: Value, y0: Value, y1: Value, what: str, unit: str) -> Value:
    """Linear interpolation of y between (a0, y0) and (a1, y1), held constant outside [a0, a1]."""
    t = min(max((age.value - a0.value) / (a1.value - a0.value), 0.0), 1.0)
    return derived(y0.value + t * (y1.value - y0.value), unit,
                   f"{what}: linear in age between {a0.value:g} y and {a1.value:g} y, held constant outside",
                   age, a0, a1, y0, y1)


def k75_half_life(age: Value) -> Value:
    """DZ t½ on K75's line: 20 h at 20 y to 90 h at 80 y (extended linearly), h."""
    slope = (v.K75_T_HALF_AT_80.value - v.K75_T_HALF_AT_20.value) / (v.K75_AGE_80.value - v.K75_AGE_20.value)
    return derived(v.K75_T_HALF_AT_20.value + (age.value - v.K75_AGE_20.value) * slope, "h",
                   "K75 line: t1/2 = 20 h + (age - 20 y) x 70 h / 60 y",
                   age, v.K75_T_HALF_AT_20, v.K75_T_HALF_AT_80, v.K75_AGE_20, v.K75_AGE_80)


def _dmdz(age: Value, weight: Value) -> dict[str, Value]:
    young_cl = _dmdz_clearance_anchor(weight)
    old_cl = derived(young_cl.value / v.ELDERLY_CL_DIVISOR.value, "L/h",
                     "elderly DMDZ CL = young / 1.325 (G21 Css 30-35 % higher)", young_cl, v.ELDERLY_CL_DIVISOR)
    cl = _interp(age, v.G21_YOUNG_AGE, v.G21_ELDERLY_AGE, young_cl, old_cl, "DMDZ CL", "L/h")
    t_half = _interp(age, v.G21_YOUNG_AGE, v.G21_ELDERLY_AGE, v.G21_T_HALF_DMDZ_YOUNG,
                     v.G21_T_HALF_DMDZ_ELDERLY, "DMDZ t1/2 (G21 40 h young, 80 h elderly)", "h")
    return {"clearance": cl, "half_life": t_half, "volume": volume_from(cl, t_half)}


def at_age(age: float, *, sex: str | None = None, weight_kg: float = 70.0, full: bool = False,
           fraction_to_dmdz: float | None = None) -> Preset:
    """A diazepam model for a given age, built from published group trends, for teaching.

    Parameters
    ----------
    age : years, 18-100 (outside the study's range an :class:`ExtrapolationWarning` is issued).
    sex : ``None`` (K75 lifespan model, CL constant with age), ``"male"`` or ``"female"`` (G80
        per-kg clearance, interpolated between young and elderly group means).
    weight_kg : body weight, kg (> 0).
    full : include temazepam and oxazepam.
    fraction_to_dmdz : override the teaching assumption ``FRACTION_DZ_TO_DMDZ``.

    Like the presets, these describe published group means, not any one person; they recommend
    nothing. See the module docstring for every choice.
    """
    a = _age(age)
    if sex is not None and sex not in SEXES:
        raise ValueError(f"sex must be None, 'male' or 'female'; got {sex!r}")
    if not isinstance(full, bool):
        raise ValueError(f"full must be True or False; got {full!r}")
    weight = _weight(weight_kg)
    k75_cl = _dz_clearance_anchor(weight)
    k75_t_half = k75_half_life(a)
    k75_v = volume_from(k75_cl, k75_t_half)
    if sex is None:
        _warn_outside(a.value, v.K75_AGE_MIN, v.K75_AGE_MAX, "K75 lifespan model of diazepam t1/2")
        dz = {"clearance": k75_cl, "half_life": k75_t_half, "volume": k75_v}
        label = f"Age {a.value:g} y, {weight.value:g} kg (K75 lifespan model)"
        how = ("DZ t1/2 on K75's line (20 h at 20 y to 90 h at 80 y) with CL constant with age (G89 26.6 "
               "mL/min per 70 kg), so V grows with age")
    else:
        _warn_outside(a.value, v.G80_YOUNG_AGE_MIN, v.G80_ELDERLY_AGE_MAX, "G80 clearance by age and sex")
        _warn_outside(a.value, v.K75_AGE_MIN, v.K75_AGE_MAX, "K75 lifespan model of the diazepam volume")
        per_kg = _interp(a, v.G80_YOUNG_AGE, v.G80_ELDERLY_AGE, v.G80_CL[(sex, "young")],
                         v.G80_CL[(sex, "elderly")], f"G80 DZ CL per kg, {sex}", "mL/min/kg")
        cl = scaled(per_min_to_per_h(per_kg), weight, "DZ CL = G80 per-kg CL x 0.06 x weight", unit="L/h")
        # t1/2 stays on K75's line; the volume follows from G80's clearance. Taking K75's volume
        # instead would count the age effect twice (K75's volume was derived with CL held
        # constant) and give elderly men t1/2 ~140 h, beyond any published group mean.
        volume = volume_from(cl, k75_t_half)
        dz = {"clearance": cl, "half_life": k75_t_half, "volume": volume}
        who = "Man" if sex == "male" else "Woman"
        label = f"{who}, {a.value:g} y, {weight.value:g} kg (G80 clearance, K75 half-life)"
        how = (f"DZ CL per kg from G80 ({sex}), linear in age between the group midpoints 29 y and 72.5 y; "
               "t1/2 on K75's line; V = CL*t1/2/ln2")
    description = (f"Published group trends at {a.value:g} y, for teaching: {how}; DMDZ interpolated between "
                   "G21's young and elderly group means; absorption from ABS. Not a description of any one "
                   "person.")
    return assemble(name=f"age {a.value:g}" + (f" {sex}" if sex else ""), label=label, description=description,
                    age=a, weight=weight, sex=sex, full=full, dz=dz, dmdz=_dmdz(a, weight),
                    fraction_to_dmdz=fraction_to_dmdz)
