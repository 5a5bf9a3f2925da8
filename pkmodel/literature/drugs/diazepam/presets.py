r"""Young-adult, elderly and any-age diazepam models (two compartments) from published group means.

The presets describe **published group means**, for teaching: not any one person; nothing here
recommends or adjusts a dose. Every derived value says how it was derived.

* **Half-lives** (terminal) are G21's means: diazepam (DZ) 31 h young vs 86 h elderly,
  desmethyldiazepam (DMDZ) 40 h vs 80 h. ``at_age`` puts DZ on K75's line (20 h at 20 y to 90 h
  at 80 y).
* **Clearance anchors.** Young DZ CL = 26.6 mL/min (G89, 48 healthy men 18-44 y; inside K75's
  20-32 mL/min), referred to 70 kg (``REFERENCE_WEIGHT_KG``) and scaled with ``weight_kg``. Young
  DMDZ CL = 0.24 mL/min/kg (CZ1, 17 volunteers 21-66 y; preferred to K77's n=4, which supplies
  the CV). Elderly clearances are the young ones divided by 1.325, the midpoint of G21's 30-35 %
  higher Css (average Css = F·dose/(CL·τ)).
* **Distribution.** DZ has a central (plasma, V1) and a peripheral compartment; V1/Vss and Q/CL
  are calibrated once to the published single-dose peaks (see
  :mod:`~pkmodel.literature.drugs.diazepam.distribution`) and held fixed, so the volumes follow
  from CL and the terminal t½ at every age. ``diazepam.volume`` is the apparent volume
  :math:`CL\,t_{1/2}/\ln 2` (K75's and G89's V). DMDZ is one compartment, V = CL·t½/ln 2.
* **Absorption** (ABS): lag 12 min, ka = ln 2/(19 min), F = 0.97, no age effect.
* **Metabolites**: ``FRACTION_DZ_TO_DMDZ`` (teaching assumption, 0.6) of DZ clearance forms DMDZ;
  with ``full=True`` DZ also forms temazepam and DMDZ and temazepam form oxazepam (named
  assumptions), with temazepam's and oxazepam's own disposition from their modules (TZ1, OX1;
  no age effect).
"""

from __future__ import annotations

from functools import lru_cache

from ....model import Absorption, Compartment, Model, Transfer
from ...covariates import age_input, flag, interpolate, sex_input, warn_outside, weight_input
from ...presets import Preset
from ...values import (REFERENCE_WEIGHT_KG, Value, derived, per_kg_times_weight, per_min_to_per_h, scaled,
                       user_input, volume_from)
from .. import oxazepam, temazepam
from . import values as v
from .distribution import calibrate, volumes

#: "G21 Css 30-35 % higher", from its records (the elderly clearance divisor's source).
_CSS_RISE = (f"G21 Css {round((v.G21_CSS_RISE_LOW.value - 1) * 100, 1):g}-"
             f"{round((v.G21_CSS_RISE_HIGH.value - 1) * 100, 1):g} % "
             "higher")
MOLAR_MASS = {"diazepam": 284.74, "desmethyldiazepam": 270.71}  #: g/mol (C16H13ClN2O, C15H11ClN2O)


def dz_clearance_anchor(weight: Value) -> Value:
    """G89 26.6 mL/min, referred to REFERENCE_WEIGHT_KG and scaled to ``weight`` (L/h)."""
    factor = derived(weight.value / REFERENCE_WEIGHT_KG.value, "1",
                     "weight / reference weight (CL and V proportional to body weight)", weight, REFERENCE_WEIGHT_KG)
    return scaled(per_min_to_per_h(v.G89_CL), factor, "DZ CL = G89 26.6 mL/min x 0.06 x weight/70 kg")


def dmdz_clearance_anchor(weight: Value) -> Value:
    """CZ1 0.24 mL/min/kg x weight (L/h)."""
    return per_kg_times_weight(v.CZ1_DMDZ_CL, weight, "DMDZ CL (CZ1)")


def elderly(cl: Value, what: str) -> Value:
    return derived(cl.value / v.ELDERLY_CL_DIVISOR.value, "L/h",
                   f"elderly {what} CL = young CL / {v.ELDERLY_CL_DIVISOR.value:g} ({_CSS_RISE})", cl, v.ELDERLY_CL_DIVISOR)


@lru_cache(maxsize=1)
def distribution_shape() -> tuple[Value, Value]:
    """V1/Vss and Q/CL, calibrated once on the young-adult preset at 70 kg (cached)."""
    w = user_input(REFERENCE_WEIGHT_KG.value, "kg", "body weight")
    return calibrate(dz_clearance_anchor(w), v.G21_T_HALF_DZ_YOUNG, v.ABS_KA, v.ABS_F, v.ABS_LAG_H,
                     ((v.G89_DOSE_MG, v.G89_PEAK), (v.ABS_DOSE_MG, v.ABS_PEAK)), v.ABS_TMAX)


def diazepam_disposition(cl: Value, t_half: Value) -> dict[str, Value]:
    """Every DZ parameter from CL and terminal t½ (two compartments, shape from :func:`distribution_shape`)."""
    r, q = distribution_shape()
    v1, v2, cl_d = volumes(cl.value, t_half.value, r.value, q.value)
    how = "closed form for a two-compartment model with this CL, terminal t1/2, V1/Vss and Q/CL"
    return {"diazepam.clearance": cl, "diazepam.half_life": t_half, "diazepam.volume": volume_from(cl, t_half),
            "diazepam.central_volume": derived(float(v1), "L", "V1: " + how, cl, t_half, r, q),
            "diazepam.peripheral_volume": derived(float(v2), "L", "V2: " + how, cl, t_half, r, q),
            "diazepam.intercompartmental_clearance": derived(float(cl_d), "L/h", "Q = (Q/CL) x CL", cl, q),
            "distribution.central_fraction": r, "distribution.q_over_cl": q}


def _fraction(value) -> Value:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"fraction_to_dmdz must be a number in [0, 1]; got {value!r} ({type(value).__name__})")
    if not 0.0 <= float(value) <= 1.0:
        raise ValueError(f"fraction_to_dmdz must be a number in [0, 1]; got {value!r}")
    return user_input(float(value), "1", "fraction_to_dmdz (overrides teaching assumption FRACTION_DZ_TO_DMDZ)")


def assemble(*, name: str, label: str, description: str, age: Value, weight: Value, sex: str | None, full: bool,
             dz: dict[str, Value], dmdz: dict[str, Value], fraction_to_dmdz=None) -> Preset:
    """A diazepam :class:`Preset` from DZ parameters (:func:`diazepam_disposition`) and DMDZ ones."""
    fm = v.FRACTION_DZ_TO_DMDZ if fraction_to_dmdz is None else _fraction(fraction_to_dmdz)
    p: dict[str, Value] = dict(dz)
    p.update({f"desmethyldiazepam.{k}": dmdz[k] for k in ("clearance", "volume", "half_life")})
    p["fraction.diazepam_to_desmethyldiazepam"] = fm
    p["absorption.lag"] = v.ABS_LAG_H
    p["absorption.ka"] = v.ABS_KA
    p["absorption.bioavailability"] = v.ABS_F
    p["age"] = age
    p["weight_kg"] = weight
    if full:
        p.update(temazepam.disposition(sex, weight))
        p.update(oxazepam.disposition(sex, weight))
        p["fraction.diazepam_to_temazepam"] = v.FRACTION_DZ_TO_TEMAZEPAM
        p["fraction.desmethyldiazepam_to_oxazepam"] = v.FRACTION_DMDZ_TO_OXAZEPAM
        p["fraction.temazepam_to_oxazepam"] = v.FRACTION_TEMAZEPAM_TO_OXAZEPAM
        ft = v.FRACTION_DZ_TO_TEMAZEPAM.value
        if fm.value + ft > 1.0:
            raise ValueError(f"fraction_to_dmdz must be in [0, {1 - ft:g}] with full=True (temazepam takes "
                             f"{ft:g} of diazepam clearance); got {fm.value!r}")
    return Preset(name=name, label=label, model=build_model(p, full=full, name=label), parameters=p, age=age.value,
                  weight_kg=weight.value, description=description, sex=sex, full=full, drug="diazepam")


def build_model(p, *, full: bool, name: str = "") -> Model:
    """The :class:`~pkmodel.model.Model` for a parameter mapping (see :func:`assemble`)."""
    val = {k: x.value for k, x in p.items()}
    fm = val["fraction.diazepam_to_desmethyldiazepam"]
    ft = val["fraction.diazepam_to_temazepam"] if full else 0.0
    f_mo = val["fraction.desmethyldiazepam_to_oxazepam"] if full else 0.0
    cl_dz, cl_m, q = val["diazepam.clearance"], val["desmethyldiazepam.clearance"], val["diazepam.intercompartmental_clearance"]
    comps = [Compartment("diazepam", val["diazepam.central_volume"], (1.0 - fm - ft) * cl_dz, MOLAR_MASS["diazepam"]),
             Compartment("diazepam_peripheral", val["diazepam.peripheral_volume"], 0.0, MOLAR_MASS["diazepam"],
                         species="diazepam"),
             Compartment("desmethyldiazepam", val["desmethyldiazepam.volume"], (1.0 - f_mo) * cl_m,
                         MOLAR_MASS["desmethyldiazepam"])]
    transfers = [Transfer("diazepam", "diazepam_peripheral", q), Transfer("diazepam_peripheral", "diazepam", q),
                 Transfer("diazepam", "desmethyldiazepam", fm * cl_dz)]
    if full:
        f_to = val["fraction.temazepam_to_oxazepam"]
        cl_t = val["temazepam.clearance"]
        comps += [Compartment("temazepam", val["temazepam.volume"], (1.0 - f_to) * cl_t, temazepam.MOLAR_MASS),
                  Compartment("oxazepam", val["oxazepam.volume"], val["oxazepam.clearance"], oxazepam.MOLAR_MASS)]
        transfers += [Transfer("diazepam", "temazepam", ft * cl_dz),
                      Transfer("desmethyldiazepam", "oxazepam", f_mo * cl_m),
                      Transfer("temazepam", "oxazepam", f_to * cl_t)]
    absorption = Absorption("diazepam", val["absorption.ka"], val["absorption.bioavailability"], val["absorption.lag"])
    return Model(tuple(comps), tuple(transfers), absorption, dose_compartment="diazepam", name=name)


def _one(cl: Value, t_half: Value) -> dict[str, Value]:
    return {"clearance": cl, "half_life": t_half, "volume": volume_from(cl, t_half)}


def build_preset(group: str, *, weight_kg: float = 70.0, full: bool = False,
                 fraction_to_dmdz: float | None = None) -> Preset:
    """G21's young (21-33 y) or elderly (61-78 y) group means; see the module docstring."""
    flag("full", full)
    weight = weight_input(weight_kg)
    dz_cl, dmdz_cl = dz_clearance_anchor(weight), dmdz_clearance_anchor(weight)
    if group == "young adult":
        dz = diazepam_disposition(dz_cl, v.G21_T_HALF_DZ_YOUNG)
        dmdz = _one(dmdz_cl, v.G21_T_HALF_DMDZ_YOUNG)
        age, ages = v.G21_YOUNG_AGE, "21-33 y"
    else:
        dz = diazepam_disposition(elderly(dz_cl, "DZ"), v.G21_T_HALF_DZ_ELDERLY)
        dmdz = _one(elderly(dmdz_cl, "DMDZ"), v.G21_T_HALF_DMDZ_ELDERLY)
        age, ages = v.G21_ELDERLY_AGE, "61-78 y"
    label = f"{group.capitalize()} ({ages}, G21), {weight.value:g} kg"
    description = (f"Published group means of G21's {group} group ({ages}), for teaching: DZ t1/2 "
                   f"{dz['diazepam.half_life'].value:g} h, DMDZ t1/2 {dmdz['half_life'].value:g} h; clearances anchored "
                   "on G89 (DZ) and CZ1 (DMDZ)" + (f", divided by {v.ELDERLY_CL_DIVISOR.value:g} for the elderly ({_CSS_RISE})"
                                                   if group == "elderly" else "")
                   + "; two-compartment DZ with V1/Vss and Q/CL calibrated to single-dose peaks (G89, ABS); "
                     "absorption from ABS. Not a description of any one person.")
    return assemble(name=group, label=label, description=description, age=age, weight=weight, sex=None, full=full,
                    dz=dz, dmdz=dmdz, fraction_to_dmdz=fraction_to_dmdz)


def k75_half_life(age: Value) -> Value:
    """DZ t½ on K75's line: 20 h at 20 y to 90 h at 80 y (extended linearly), h."""
    slope = (v.K75_T_HALF_AT_80.value - v.K75_T_HALF_AT_20.value) / (v.K75_AGE_80.value - v.K75_AGE_20.value)
    return derived(v.K75_T_HALF_AT_20.value + (age.value - v.K75_AGE_20.value) * slope, "h",
                   "K75 line: t1/2 = 20 h + (age - 20 y) x 70 h / 60 y",
                   age, v.K75_T_HALF_AT_20, v.K75_T_HALF_AT_80, v.K75_AGE_20, v.K75_AGE_80)


def _dmdz_at(age: Value, weight: Value) -> dict[str, Value]:
    young_cl = dmdz_clearance_anchor(weight)
    cl = interpolate(age, v.G21_YOUNG_AGE, v.G21_ELDERLY_AGE, young_cl, elderly(young_cl, "DMDZ"), "DMDZ CL", "L/h")
    t_half = interpolate(age, v.G21_YOUNG_AGE, v.G21_ELDERLY_AGE, v.G21_T_HALF_DMDZ_YOUNG, v.G21_T_HALF_DMDZ_ELDERLY,
                         "DMDZ t1/2 (G21 40 h young, 80 h elderly)", "h")
    return _one(cl, t_half)


def build_at_age(age: float, *, sex: str | None = None, weight_kg: float = 70.0, full: bool = False,
                 fraction_to_dmdz: float | None = None) -> Preset:
    r"""Diazepam at ``age`` from published group trends (K75; G80 by sex), for teaching.

    ``sex=None``: K75's lifespan picture, t½ linear from 20 h at 20 y to 90 h at 80 y with CL
    constant (G89 anchor), so the volumes grow with age. ``sex="male"|"female"``: G80's per-kg
    clearance interpolated between the group midpoints (29 y, 72.5 y; held outside), t½ still on
    K75's line (taking K75's volume as well would count the age effect twice). DMDZ: linear in
    age between G21's groups (27 y, 69.5 y), held outside. Outside K75's 15-82 y (G80's 21-84 y
    with ``sex``) an :class:`~pkmodel.literature.ExtrapolationWarning` is issued.
    """
    a = age_input(age)
    sex = sex_input(sex)
    flag("full", full)
    weight = weight_input(weight_kg)
    t_half = k75_half_life(a)
    if sex is None:
        warn_outside(a.value, v.K75_AGE_MIN, v.K75_AGE_MAX, "K75 lifespan model of diazepam t1/2")
        cl = dz_clearance_anchor(weight)
        label = f"Age {a.value:g} y, {weight.value:g} kg (K75 lifespan model)"
        how = ("DZ t1/2 on K75's line (20 h at 20 y to 90 h at 80 y) with CL constant with age (G89 26.6 mL/min "
               "per 70 kg), so V1 and Vss grow with age")
    else:
        warn_outside(a.value, v.G80_YOUNG_AGE_MIN, v.G80_ELDERLY_AGE_MAX, "G80 clearance by age and sex")
        warn_outside(a.value, v.K75_AGE_MIN, v.K75_AGE_MAX, "K75 lifespan model of the diazepam volume")
        per_kg = interpolate(a, v.G80_YOUNG_AGE, v.G80_ELDERLY_AGE, v.G80_CL[(sex, "young")],
                             v.G80_CL[(sex, "elderly")], f"G80 DZ CL per kg, {sex}", "mL/min/kg")
        cl = per_kg_times_weight(per_kg, weight, "DZ CL (G80 per kg)")
        who = "Man" if sex == "male" else "Woman"
        label = f"{who}, {a.value:g} y, {weight.value:g} kg (G80 clearance, K75 half-life)"
        how = (f"DZ CL per kg from G80 ({sex}), linear in age between the group midpoints 29 y and 72.5 y; t1/2 on "
               "K75's line; volumes follow")
    description = (f"Published group trends at {a.value:g} y, for teaching: {how}; two-compartment DZ shape calibrated "
                   "to single-dose peaks; DMDZ interpolated between G21's young and elderly group means; absorption "
                   "from ABS. Not a description of any one person.")
    return assemble(name=f"age {a.value:g}" + (f" {sex}" if sex else ""), label=label, description=description,
                    age=a, weight=weight, sex=sex, full=full, dz=diazepam_disposition(cl, t_half),
                    dmdz=_dmdz_at(a, weight), fraction_to_dmdz=fraction_to_dmdz)
