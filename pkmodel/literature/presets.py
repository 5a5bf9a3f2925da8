r"""Young-adult and elderly diazepam models from published group means (G21), for teaching.

A :class:`Preset` is a ready-made :class:`~pkmodel.model.Model` plus every parameter as a
:class:`~pkmodel.literature.values.Value` that names its source. The presets describe
**published group means**, for teaching: they are not a description of any one person and nothing
here recommends or adjusts a dose.

How the two G21 presets are built (all derived values say so in their ``Value``):

* **Half-lives** are G21's means: diazepam (DZ) 31 h young vs 86 h elderly, desmethyldiazepam
  (DMDZ) 40 h vs 80 h.
* **Clearance anchors.** Young DZ CL = 26.6 mL/min (G89, 48 healthy men 18-44 y; inside K75's
  20-32 mL/min), referred to a 70 kg body weight (teaching assumption ``REFERENCE_WEIGHT_KG``) and
  scaled in proportion to ``weight_kg``. Young DMDZ CL = 0.24 mL/min/kg (CZ1, 17 volunteers
  21-66 y) times ``weight_kg``. CZ1 is preferred to K77's 11.3 mL/min (n=4) because its sample is
  larger; K77 supplies the variability (CV) instead. The volume that follows with G21's young
  DMDZ t½ of 40 h is 0.83 L/kg, below CZ1's 1.24 and CZ3's 1.13 L/kg, because G21's half-life is
  shorter than theirs (65 h, 53 h): the studies differ, and the presets follow G21's half-lives.
* **Elderly clearances** are the young ones divided by 1.325, the midpoint of G21's "Css 30-35 %
  higher in the elderly" (average Css = F·dose/(CL·τ), so Css ratio = CL ratio), for both DZ and
  DMDZ.
* **Volumes** follow: V = CL·t½/ln 2.
* **Absorption** (ABS): lag 12 min, ka = ln 2/(19 min), F = 0.97, no age effect.
* **Metabolite formation**: a fraction ``FRACTION_DZ_TO_DMDZ`` (teaching assumption, 0.6) of DZ
  clearance forms DMDZ (molar, through a :class:`~pkmodel.model.Transfer`); the rest leaves the
  body. With ``full=True`` DZ also forms temazepam, and DMDZ and temazepam form oxazepam (fractions
  are named teaching assumptions); temazepam (TZ1) and oxazepam (OX1) disposition has no age effect.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .. import _validate as check
from ..model import Absorption, Compartment, Model, Transfer
from . import values as v
from .species import SPECIES
from ..units import half_life
from .values import Value, derived, per_min_to_per_h, scaled, user_input, volume_from

#: Names accepted by :func:`preset`.
PRESETS: tuple[str, ...] = ("young adult", "elderly")


@dataclass(frozen=True)
class Preset:
    """A diazepam model built from published group means, for teaching.

    Attributes
    ----------
    name : the preset's name (``"young adult"``, ``"elderly"``, ``"age 45"``, ...).
    label : a human-readable label with the source (e.g. ``"Elderly (61-78 y, G21)"``).
    model : the :class:`~pkmodel.model.Model` (compartments ``"diazepam"``,
        ``"desmethyldiazepam"`` and, with ``full``, ``"temazepam"``, ``"oxazepam"``).
    parameters : every number used, as :class:`~pkmodel.literature.values.Value` with provenance,
        keyed ``"diazepam.half_life"``, ``"diazepam.clearance"``, ``"diazepam.volume"``, ...
    age : representative age in years (a group's range midpoint for the G21 presets).
    weight_kg : body weight the clearances and volumes are scaled to.
    sources : keys of every source the parameters rest on.
    description : what the preset describes and how it was built.
    sex : ``None``, ``"male"`` or ``"female"``.
    full : whether temazepam and oxazepam are included.
    modifiers : names of modifiers applied (see :func:`pkmodel.literature.apply`).
    """

    name: str
    label: str
    model: Model
    parameters: dict[str, Value] = field(repr=False)
    age: float
    weight_kg: float
    sources: tuple[str, ...]
    description: str = field(repr=False, default="")
    sex: str | None = None
    full: bool = False
    modifiers: tuple[str, ...] = ()

    __hash__ = None  # parameters is a dict

    def value(self, key: str) -> Value:
        """The parameter ``key`` (e.g. ``"diazepam.half_life"``); ``ValueError`` lists the keys."""
        try:
            return self.parameters[key]
        except KeyError:
            raise ValueError(f"unknown parameter {key!r}; this preset has {sorted(self.parameters)}") from None

    def cite(self, key: str) -> str:
        """Provenance and citations of parameter ``key``."""
        return self.value(key).cite()

    def half_life(self, drug: str) -> float:
        """Half-life of ``drug`` in this model, h (``ln2·V/CL_out``)."""
        return self.model.half_life(drug)


# ----- building blocks shared with covariates.py ---------------------------------------------
def _weight(weight_kg) -> Value:
    w = check.positive("weight_kg", weight_kg)
    return user_input(w, "kg", "body weight")


def _fraction(value, name: str) -> Value:
    f = check.fraction(name, value, zero_ok=True)
    return user_input(f, "1", f"{name} (overrides teaching assumption FRACTION_DZ_TO_DMDZ)")


def _dz_clearance_anchor(weight: Value) -> Value:
    """G89 26.6 mL/min, referred to REFERENCE_WEIGHT_KG and scaled to ``weight`` (L/h)."""
    cl = per_min_to_per_h(v.G89_CL)
    factor = derived(weight.value / v.REFERENCE_WEIGHT_KG.value, "1",
                     "weight / reference weight (CL and V proportional to body weight)",
                     weight, v.REFERENCE_WEIGHT_KG)
    return scaled(cl, factor, "DZ CL = G89 26.6 mL/min x 0.06 x weight/70 kg")


def _dmdz_clearance_anchor(weight: Value) -> Value:
    """CZ1 0.24 mL/min/kg x weight (L/h)."""
    return scaled(per_min_to_per_h(v.CZ1_DMDZ_CL), weight, "DMDZ CL = CZ1 0.24 mL/min/kg x 0.06 x weight",
                  unit="L/h")


def _elderly(cl: Value) -> Value:
    return derived(cl.value / v.ELDERLY_CL_DIVISOR.value, "L/h",
                   "elderly CL = young CL / 1.325 (G21 Css 30-35 % higher)", cl, v.ELDERLY_CL_DIVISOR)


def _conjugated(sex: str | None, weight: Value) -> dict[str, Value]:
    """Temazepam (TZ1) and oxazepam (OX1) CL and V, scaled to ``weight``; no age effect."""
    out: dict[str, Value] = {}
    if sex is None:
        tz_cl = derived((v.TZ1_CL["male"].value + v.TZ1_CL["female"].value) / 2, "mL/min/kg",
                        "mean of TZ1 men and women (equal weight)", v.TZ1_CL["male"], v.TZ1_CL["female"])
        ox_cl = derived((v.OX1_CL["male"].value + v.OX1_CL["female"].value) / 2, "mL/min/kg",
                        "mean of OX1 men and women (equal weight)", v.OX1_CL["male"], v.OX1_CL["female"])
        ox_v = derived((v.OX1_V["male"].value + v.OX1_V["female"].value) / 2, "L/kg",
                       "mean of OX1 men and women (equal weight)", v.OX1_V["male"], v.OX1_V["female"])
    else:
        tz_cl, ox_cl, ox_v = v.TZ1_CL[sex], v.OX1_CL[sex], v.OX1_V[sex]
    for drug, cl, vol in (("temazepam", tz_cl, v.TZ1_V), ("oxazepam", ox_cl, ox_v)):
        cl_h = scaled(per_min_to_per_h(cl), weight, f"{drug} CL per kg x 0.06 x weight", unit="L/h")
        vol_w = scaled(vol, weight, f"{drug} V per kg x weight", unit="L")
        out[f"{drug}.clearance"] = cl_h
        out[f"{drug}.volume"] = vol_w
        out[f"{drug}.half_life"] = derived(half_life(vol_w.value, cl_h.value), "h", "t1/2 = ln2*V/CL", vol_w, cl_h)
    return out


def assemble(*, name: str, label: str, description: str, age: Value, weight: Value, sex: str | None,
             full: bool, dz: dict[str, Value], dmdz: dict[str, Value], fraction_to_dmdz=None,
             extra: dict[str, Value] | None = None) -> Preset:
    """Build a :class:`Preset` from DZ and DMDZ ``{"clearance", "volume", "half_life"}`` Values (L/h, L, h).

    Internal helper shared by :func:`preset` and :func:`pkmodel.literature.at_age`.
    """
    fm = v.FRACTION_DZ_TO_DMDZ if fraction_to_dmdz is None else _fraction(fraction_to_dmdz, "fraction_to_dmdz")
    p: dict[str, Value] = {}
    for drug, d in (("diazepam", dz), ("desmethyldiazepam", dmdz)):
        for k in ("clearance", "volume", "half_life"):
            p[f"{drug}.{k}"] = d[k]
    p["fraction.diazepam_to_desmethyldiazepam"] = fm
    p["absorption.lag"] = v.ABS_LAG_H
    p["absorption.ka"] = v.ABS_KA
    p["absorption.bioavailability"] = v.ABS_F
    p["age"] = age
    p["weight_kg"] = weight
    ft = f_dmdz_ox = f_tz_ox = 0.0
    if full:
        p.update(_conjugated(sex, weight))
        p["fraction.diazepam_to_temazepam"] = v.FRACTION_DZ_TO_TEMAZEPAM
        p["fraction.desmethyldiazepam_to_oxazepam"] = v.FRACTION_DMDZ_TO_OXAZEPAM
        p["fraction.temazepam_to_oxazepam"] = v.FRACTION_TEMAZEPAM_TO_OXAZEPAM
        ft = v.FRACTION_DZ_TO_TEMAZEPAM.value
        f_dmdz_ox = v.FRACTION_DMDZ_TO_OXAZEPAM.value
        f_tz_ox = v.FRACTION_TEMAZEPAM_TO_OXAZEPAM.value
        if fm.value + ft > 1.0:
            raise ValueError(f"fraction_to_dmdz must be in [0, {1 - ft:g}] with full=True (temazepam takes "
                             f"{ft:g} of diazepam clearance); got {fm.value!r}")
    if extra:
        p.update(extra)
    p = _checked(p)
    model = build_model(p, full=full, name=label)
    keys = tuple(dict.fromkeys(k for val in p.values() for k in val.source_keys()))
    return Preset(name=name, label=label, model=model, parameters=p, age=age.value, weight_kg=weight.value,
                  sources=keys, description=description, sex=sex, full=full)


def _checked(p: dict[str, Value]) -> dict[str, Value]:
    for k, val in p.items():
        if k.endswith((".clearance", ".volume", ".half_life")) and not val.value > 0:
            raise ValueError(f"{k} must be > 0; got {val.value!r} ({val.reported})")
    return p


def build_model(p: dict[str, Value], *, full: bool, name: str = "") -> Model:
    """The :class:`~pkmodel.model.Model` for a parameter dict (see :func:`assemble`)."""
    fm = p["fraction.diazepam_to_desmethyldiazepam"].value
    ft = p["fraction.diazepam_to_temazepam"].value if full else 0.0
    cl_dz = p["diazepam.clearance"].value
    cl_dmdz = p["desmethyldiazepam.clearance"].value
    f_dmdz_ox = p["fraction.desmethyldiazepam_to_oxazepam"].value if full else 0.0
    mw = {d: s.molar_mass for d, s in SPECIES.items()}
    comps = [Compartment("diazepam", p["diazepam.volume"].value, (1.0 - fm - ft) * cl_dz, mw["diazepam"]),
             Compartment("desmethyldiazepam", p["desmethyldiazepam.volume"].value, (1.0 - f_dmdz_ox) * cl_dmdz,
                         mw["desmethyldiazepam"])]
    transfers = [Transfer("diazepam", "desmethyldiazepam", fm * cl_dz)]
    if full:
        f_tz_ox = p["fraction.temazepam_to_oxazepam"].value
        cl_tz = p["temazepam.clearance"].value
        comps += [Compartment("temazepam", p["temazepam.volume"].value, (1.0 - f_tz_ox) * cl_tz, mw["temazepam"]),
                  Compartment("oxazepam", p["oxazepam.volume"].value, p["oxazepam.clearance"].value,
                              mw["oxazepam"])]
        transfers += [Transfer("diazepam", "temazepam", ft * cl_dz),
                      Transfer("desmethyldiazepam", "oxazepam", f_dmdz_ox * cl_dmdz),
                      Transfer("temazepam", "oxazepam", f_tz_ox * cl_tz)]
    absorption = Absorption("diazepam", p["absorption.ka"].value, p["absorption.bioavailability"].value,
                            p["absorption.lag"].value)
    return Model(tuple(comps), tuple(transfers), absorption, dose_compartment="diazepam", name=name)


def _drug(cl: Value, t_half: Value) -> dict[str, Value]:
    return {"clearance": cl, "half_life": t_half, "volume": volume_from(cl, t_half)}


def preset(name: str, *, weight_kg: float = 70.0, full: bool = False, fraction_to_dmdz: float | None = None) -> Preset:
    """A young-adult or elderly diazepam model from G21's published group means, for teaching.

    Parameters
    ----------
    name : ``"young adult"`` (G21, 21-33 y) or ``"elderly"`` (G21, 61-78 y); see :data:`PRESETS`.
    weight_kg : body weight (kg, > 0); clearances and volumes scale in proportion, half-lives do not.
    full : include temazepam and oxazepam (DZ → DMDZ, DZ → temazepam, both → oxazepam).
    fraction_to_dmdz : override the teaching assumption ``FRACTION_DZ_TO_DMDZ`` (0.6), in [0, 1].

    The presets describe published group means, for teaching; they recommend nothing for anyone.
    Half-lives equal G21's (DZ 31 vs 86 h, DMDZ 40 vs 80 h); clearances are anchored on G89 (DZ)
    and CZ1 (DMDZ) and are 1.325x lower in the elderly (G21's 30-35 % higher Css); volumes are
    derived as CL·t½/ln2. See the module docstring for every choice.
    """
    if not isinstance(name, str) or name.strip().lower() not in PRESETS:
        raise ValueError(f"unknown preset {name!r}; choose one of {', '.join(map(repr, PRESETS))}")
    name = name.strip().lower()
    if not isinstance(full, bool):
        raise ValueError(f"full must be True or False; got {full!r}")
    weight = _weight(weight_kg)
    dz_cl = _dz_clearance_anchor(weight)
    dmdz_cl = _dmdz_clearance_anchor(weight)
    if name == "young adult":
        dz = _drug(dz_cl, v.G21_T_HALF_DZ_YOUNG)
        dmdz = _drug(dmdz_cl, v.G21_T_HALF_DMDZ_YOUNG)
        age, ages = v.G21_YOUNG_AGE, "21-33 y"
        label = f"Young adult ({ages}, G21), {weight.value:g} kg"
    else:
        dz = _drug(_elderly(dz_cl), v.G21_T_HALF_DZ_ELDERLY)
        dmdz = _drug(_elderly(dmdz_cl), v.G21_T_HALF_DMDZ_ELDERLY)
        age, ages = v.G21_ELDERLY_AGE, "61-78 y"
        label = f"Elderly ({ages}, G21), {weight.value:g} kg"
    description = (f"Published group means of G21's {name} group ({ages}), for teaching: DZ t1/2 "
                   f"{dz['half_life'].value:g} h, DMDZ t1/2 {dmdz['half_life'].value:g} h; clearances anchored on "
                   "G89 (DZ) and CZ1 (DMDZ)" + (", divided by 1.325 for the elderly (G21 Css 30-35 % higher)"
                                               if name == "elderly" else "")
                   + "; V = CL*t1/2/ln2; absorption from ABS. Not a description of any one person.")
    return assemble(name=name, label=label, description=description, age=age, weight=weight, sex=None,
                    full=full, dz=dz, dmdz=dmdz, fraction_to_dmdz=fraction_to_dmdz)
