r"""What else changes exposure: CYP2C19 genotype, cirrhosis, interacting drugs (for teaching).

A :class:`Modifier` is a set of factors on clearance and volume per compartment, each derived from
a published before/after (or group vs group) comparison and carried as a
:class:`~pkmodel.literature.values.Value`. :func:`apply` multiplies them into a preset:

.. math::  CL' = CL \cdot f_{CL}, \qquad V' = V \cdot f_V, \qquad t_{1/2}' = t_{1/2}\, f_V / f_{CL}.

Each study reports group means in its own population; the package transfers them as **ratios**
to whoever the preset describes. Combining several modifiers multiplies their factors, which
assumes they act independently: a teaching assumption, not a published finding.

* ``"cyp2c19"`` (Q99, genotype ``"wt/wt"``, ``"wt/m1"``, ``"m1/m1"``): DZ CL ratio to wt/wt
  (19.5, 7.2, 2.8 mL/min) and DZ volume ratio chosen so the t½ ratio matches (20.0, 62.9, 84.0 h);
  DMDZ t½ ratio (99.2, 132.1, 176.0 h) through its clearance, DMDZ volume unchanged (Q99 gives no
  DMDZ clearance).
* ``"cirrhosis"`` (K75): DZ CL halved ("about half of normal"); DZ volume x 1.13 so that t½ rises by
  105.6/46.6 as reported. DMDZ CL x 4.6/11.3 from K77 (liver disease, n=4; volume unchanged, as K77
  reports no significant change).
* ``"cimetidine"`` (FC): DZ CL x 0.20/0.28, volume unchanged (FC: Vd unchanged). FC reports t½
  72 vs 55 h (x1.31), a little less than CL alone implies (x1.40). FC also reports a higher DMDZ
  AUC but no DMDZ clearance, so DMDZ is left unchanged: the modelled rise of DZ + DMDZ is therefore
  smaller than G84's 57 % in patients (a cross-check worth discussing).
* ``"fluvoxamine"`` (P94): DZ CL x 0.14/0.40; volume factor so t½ rises 51 → 118 h.
* ``"rifampin"`` (O81b, rifampin + isoniazid + ethambutol): DZ CL x 1.50/0.37 (about 4-fold);
  volume factor so t½ falls 58 → 14 h.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace

from . import values as v
from .presets import Preset, build_model
from ..units import half_life
from .values import Value, derived, ratio

#: Names accepted by :func:`modifier`.
MODIFIERS: tuple[str, ...] = ("cyp2c19", "cirrhosis", "cimetidine", "fluvoxamine", "rifampin")
GENOTYPES: tuple[str, ...] = ("wt/wt", "wt/m1", "m1/m1")


@dataclass(frozen=True)
class Modifier:
    """Factors on clearance and volume per compartment, from one published comparison.

    Attributes
    ----------
    name : ``"cyp2c19"``, ``"cirrhosis"``, ...
    label : human-readable (e.g. ``"CYP2C19 m1/m1 (Q99)"``).
    clearance_factor : compartment → factor on every clearance out of it.
    volume_factor : compartment → factor on its volume.
    source_key : the main source.
    note : how the factors were derived and what they leave out.
    parameters : the factors as :class:`Value` with provenance, keyed ``"<compartment>.clearance_factor"``
        and ``"<compartment>.volume_factor"``.
    """

    name: str
    label: str
    clearance_factor: dict[str, float]
    volume_factor: dict[str, float]
    source_key: str
    note: str = ""
    parameters: dict[str, Value] = field(default_factory=dict, repr=False)

    __hash__ = None


def _vol_for_half_life(t_ratio: Value, cl_factor: Value) -> Value:
    return derived(t_ratio.value * cl_factor.value, "1",
                   "volume factor = t1/2 ratio x CL factor (so t1/2 changes as reported)", t_ratio, cl_factor)


def _make(name, label, source_key, note, factors: dict[str, tuple[Value | None, Value | None]]) -> Modifier:
    params: dict[str, Value] = {}
    cf: dict[str, float] = {}
    vf: dict[str, float] = {}
    for comp, (c, vol) in factors.items():
        if c is not None:
            params[f"{comp}.clearance_factor"] = c
            cf[comp] = c.value
        if vol is not None:
            params[f"{comp}.volume_factor"] = vol
            vf[comp] = vol.value
    return Modifier(name, label, cf, vf, source_key, note, params)


def modifier(name: str, **kw) -> Modifier:
    """A published modifier of diazepam disposition, for teaching (see the module docstring).

    ``modifier("cyp2c19", genotype="m1/m1")``, ``modifier("cirrhosis")``, ``modifier("cimetidine")``,
    ``modifier("fluvoxamine")``, ``modifier("rifampin")``. Unknown names or keywords raise ``ValueError``.
    """
    if name not in MODIFIERS:
        raise ValueError(f"unknown modifier {name!r}; choose one of {', '.join(map(repr, MODIFIERS))}")
    allowed = {"cyp2c19": {"genotype"}}.get(name, set())
    extra = set(kw) - allowed
    if extra:
        raise ValueError(f"modifier {name!r} takes {sorted(allowed) or 'no keywords'}; got {sorted(extra)}")
    if name == "cyp2c19":
        g = kw.get("genotype", "wt/wt")
        if g not in GENOTYPES:
            raise ValueError(f"genotype must be one of {', '.join(map(repr, GENOTYPES))}; got {g!r}")
        cl = ratio(v.Q99_DZ_CL[g], v.Q99_DZ_CL["wt/wt"], f"Q99 DZ CL {g} / wt/wt")
        t = ratio(v.Q99_DZ_T_HALF[g], v.Q99_DZ_T_HALF["wt/wt"], f"Q99 DZ t1/2 {g} / wt/wt")
        t_dmdz = ratio(v.Q99_DMDZ_T_HALF[g], v.Q99_DMDZ_T_HALF["wt/wt"], f"Q99 DMDZ t1/2 {g} / wt/wt")
        cl_dmdz = derived(1.0 / t_dmdz.value, "1", "DMDZ CL factor = 1 / DMDZ t1/2 ratio (volume unchanged)",
                          t_dmdz)
        return _make(name, f"CYP2C19 {g} (Q99)", "Q99",
                     "Ratios to wt/wt from Q99's group means (18 Chinese men, 5 mg oral), applied to the "
                     "preset's values; DMDZ volume assumed unchanged.",
                     {"diazepam": (cl, _vol_for_half_life(t, cl)), "desmethyldiazepam": (cl_dmdz, None)})
    if name == "cirrhosis":
        cl = v.K75_CIRRHOSIS_CL_FACTOR
        t = ratio(v.K75_CIRRHOSIS_T_HALF, v.K75_CONTROL_T_HALF, "K75 t1/2 cirrhosis / age-matched controls")
        cl_dmdz = ratio(v.K77_DMDZ_CL_LIVER, v.K77_DMDZ_CL, "K77 DMDZ CL liver disease / healthy")
        return _make(name, "Alcoholic cirrhosis (K75)", "K75",
                     "DZ: CL about halved and t1/2 105.6 vs 46.6 h (K75, n=9); DMDZ CL 4.6 vs 11.3 mL/min "
                     "(K77, liver disease, n=4), volume unchanged.",
                     {"diazepam": (cl, _vol_for_half_life(t, cl)), "desmethyldiazepam": (cl_dmdz, None)})
    if name == "cimetidine":
        cl = ratio(v.FC_CL_CIMETIDINE, v.FC_CL_CONTROL, "FC DZ CL with cimetidine / control")
        return _make(name, "Cimetidine (FC)", "FC",
                     "DZ CL 0.28 -> 0.20 mL/min/kg, Vd unchanged (FC, 11 men). DMDZ left unchanged (no DMDZ "
                     "CL reported), so the modelled DZ + DMDZ rise is below G84's 57 % (cross-check).",
                     {"diazepam": (cl, v.FC_V_UNCHANGED)})
    if name == "fluvoxamine":
        cl = ratio(v.P94_CL_AFTER, v.P94_CL_BEFORE, "P94 DZ CL with fluvoxamine / before")
        t = ratio(v.P94_T_HALF_AFTER, v.P94_T_HALF_BEFORE, "P94 DZ t1/2 with fluvoxamine / before")
        return _make(name, "Fluvoxamine (P94)", "P94",
                     "DZ oral CL 0.40 -> 0.14 mL/min/kg and t1/2 51 -> 118 h (P94, 8 volunteers).",
                     {"diazepam": (cl, _vol_for_half_life(t, cl))})
    cl = ratio(v.O81B_CL_RIFAMPIN, v.O81B_CL_CONTROL, "O81b DZ CL on rifampin regimen / controls")
    t = ratio(v.O81B_T_HALF_RIFAMPIN, v.O81B_T_HALF_CONTROL, "O81b DZ t1/2 on rifampin regimen / controls")
    return _make("rifampin", "Rifampin + isoniazid + ethambutol (O81b)", "O81b",
                 "DZ CL 0.37 -> 1.50 mL/min/kg (about 4-fold), t1/2 58 -> 14 h (O81b).",
                 {"diazepam": (cl, _vol_for_half_life(t, cl))})


def apply(preset: Preset, *modifiers: Modifier) -> Preset:
    """``preset`` with ``modifiers`` applied, in order; factors multiply.

    Combining modifiers (or a modifier with an age or elderly preset) assumes their effects are
    independent and multiplicative: a teaching assumption, not a published finding. The label lists
    every modifier; each changed parameter is a derived :class:`Value` naming the factor.
    """
    if not isinstance(preset, Preset):
        raise ValueError(f"preset must be a Preset (from lit.preset or lit.at_age); got {type(preset).__name__}")
    p = dict(preset.parameters)
    label = preset.label
    names = list(preset.modifiers)
    for m in modifiers:
        if not isinstance(m, Modifier):
            raise ValueError(f"modifiers must be Modifier objects (from lit.modifier); got {m!r}")
        for comp in set(m.clearance_factor) | set(m.volume_factor):
            if f"{comp}.clearance" not in p:
                continue  # e.g. a compartment not in this (reduced) model
            cl, vol = p[f"{comp}.clearance"], p[f"{comp}.volume"]
            if comp in m.clearance_factor:
                f = m.parameters[f"{comp}.clearance_factor"]
                cl = derived(cl.value * f.value, cl.unit, f"CL x {m.label} factor {f.value:.4g}", cl, f)
            if comp in m.volume_factor:
                f = m.parameters[f"{comp}.volume_factor"]
                vol = derived(vol.value * f.value, vol.unit, f"V x {m.label} factor {f.value:.4g}", vol, f)
            p[f"{comp}.clearance"] = cl
            p[f"{comp}.volume"] = vol
            p[f"{comp}.half_life"] = derived(half_life(vol.value, cl.value), "h", "t1/2 = ln2*V/CL", vol, cl)
        label += f" + {m.label}"
        names.append(m.name)
    keys = tuple(dict.fromkeys(k for val in p.values() for k in val.source_keys()))
    return replace(preset, label=label, model=build_model(p, full=preset.full, name=label), parameters=p,
                   sources=keys, modifiers=tuple(names),
                   description=preset.description + (" Modified by: " + ", ".join(m.label for m in modifiers)
                                                     + " (factors multiplied; assumed independent)."
                                                     if modifiers else ""))
