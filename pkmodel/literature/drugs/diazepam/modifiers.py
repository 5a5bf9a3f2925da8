"""Diazepam's published modifiers: CYP2C19 genotype (Q99), cirrhosis (K75, K77), cimetidine (FC),
fluvoxamine (P94), rifampin regimen (O81b). Each states its baseline; the generic rule for
applying and combining them is in :mod:`pkmodel.literature.modifiers`.

* ``"cyp2c19"`` (genotype ``"wt/wt"``, ``"wt/m1"``, ``"m1/m1"``; baseline wt/wt): DZ CL ratio to
  wt/wt (19.5, 7.2, 2.8 mL/min), DZ volume factor so the t½ ratio matches (20.0, 62.9, 84.0 h);
  DMDZ t½ ratio (99.2, 132.1, 176.0 h) through its clearance, DMDZ volume unchanged.
* ``"cirrhosis"`` (baseline: K75's age-matched controls): DZ CL halved, t½ 105.6/46.6; DMDZ CL
  x 4.6/11.3 (K77, liver disease, n=4), volume unchanged.
* ``"cimetidine"`` (baseline: FC's control phase): DZ CL x 0.20/0.28, volume unchanged. DMDZ left
  unchanged (FC gives no DMDZ clearance), so the modelled DZ + DMDZ rise is below G84's 57 %.
* ``"fluvoxamine"`` (baseline: P94's volunteers before fluvoxamine): CL x 0.14/0.40, t½ 51 -> 118 h.
* ``"rifampin"`` (baseline: O81b's controls): CL x 1.50/0.37, t½ 58 -> 14 h.
"""

from __future__ import annotations

from ...naming import unknown
from ...modifiers import Modifier, make
from ...values import derived, ratio
from . import values as v
from .interactions import MODIFIERS as INTERACTION_MODIFIERS
from .interactions import _no_options

#: CYP2C19 genotypes of Q99 (wild type, one or two m1 alleles).
GENOTYPES: tuple[str, ...] = ("wt/wt", "wt/m1", "m1/m1")


def _change(before, after) -> str:
    """``"0.4 -> 0.14 mL/min/kg"``, read from the two reported Values (never retyped)."""
    return f"{before.value:g} -> {after.value:g} {after.unit}"


def cyp2c19(*, genotype: str = "wt/wt") -> Modifier:
    """CYP2C19 genotype (Q99), as ratios to wt/wt."""
    if not isinstance(genotype, str):
        raise TypeError(f"genotype must be one of {', '.join(map(repr, GENOTYPES))}; got {genotype!r} "
                        f"({type(genotype).__name__})")
    if genotype not in GENOTYPES:
        raise unknown("genotype", genotype, GENOTYPES)
    cl = ratio(v.Q99_DZ_CL[genotype], v.Q99_DZ_CL["wt/wt"], f"Q99 DZ CL {genotype} / wt/wt")
    t = ratio(v.Q99_DZ_T_HALF[genotype], v.Q99_DZ_T_HALF["wt/wt"], f"Q99 DZ t1/2 {genotype} / wt/wt")
    t_m = ratio(v.Q99_DMDZ_T_HALF[genotype], v.Q99_DMDZ_T_HALF["wt/wt"], f"Q99 DMDZ t1/2 {genotype} / wt/wt")
    cl_m = derived(1.0 / t_m.value, "1", "DMDZ CL factor = 1 / DMDZ t1/2 ratio (volume unchanged)", t_m)
    return make("cyp2c19", f"CYP2C19 {genotype} (Q99)", "Q99", "CYP2C19 wt/wt (Q99)",
                "Ratios to wt/wt from Q99's group means (18 Chinese men, 5 mg oral); the preset is read as wt/wt. "
                "DMDZ volume assumed unchanged.",
                {"diazepam": (cl, None), "desmethyldiazepam": (cl_m, None)}, {"diazepam": t})


def cirrhosis(**options) -> Modifier:
    """Alcoholic cirrhosis (K75; DMDZ from K77)."""
    _no_options("cirrhosis", options)
    cl = v.K75_CIRRHOSIS_CL_FACTOR
    t = ratio(v.K75_CIRRHOSIS_T_HALF, v.K75_CONTROL_T_HALF, "K75 t1/2 cirrhosis / age-matched controls")
    cl_m = ratio(v.K77_DMDZ_CL_LIVER, v.K77_DMDZ_CL, "K77 DMDZ CL liver disease / healthy")
    return make("cirrhosis", "Alcoholic cirrhosis (K75)", "K75", "age-matched healthy controls (K75; K77 for DMDZ)",
                f"DZ: CL x {cl.value:g} and t1/2 {_change(v.K75_CONTROL_T_HALF, v.K75_CIRRHOSIS_T_HALF)} (K75, n=9); "
                f"DMDZ CL {_change(v.K77_DMDZ_CL, v.K77_DMDZ_CL_LIVER)} (K77, liver disease, n=4), volume unchanged.",
                {"diazepam": (cl, None), "desmethyldiazepam": (cl_m, None)}, {"diazepam": t})


def cimetidine(**options) -> Modifier:
    """Cimetidine 300 mg four times daily (FC)."""
    _no_options("cimetidine", options)
    cl = ratio(v.FC_CL_CIMETIDINE, v.FC_CL_CONTROL, "FC DZ CL with cimetidine / control")
    return make("cimetidine", "Cimetidine (FC)", "FC", "the same men without cimetidine (FC control phase)",
                f"DZ CL {_change(v.FC_CL_CONTROL, v.FC_CL_CIMETIDINE)}, Vd unchanged (FC, 11 men). DMDZ left unchanged "
                f"(no DMDZ CL reported), so the modelled DZ + DMDZ rise is below G84's {v.G84_RISE.value:g}x "
                "(cross-check).",
                {"diazepam": (cl, v.FC_V_UNCHANGED)})


def fluvoxamine(**options) -> Modifier:
    """Fluvoxamine 100-150 mg daily (P94)."""
    _no_options("fluvoxamine", options)
    cl = ratio(v.P94_CL_AFTER, v.P94_CL_BEFORE, "P94 DZ CL with fluvoxamine / before")
    t = ratio(v.P94_T_HALF_AFTER, v.P94_T_HALF_BEFORE, "P94 DZ t1/2 with fluvoxamine / before")
    return make("fluvoxamine", "Fluvoxamine (P94)", "P94", "the same volunteers before fluvoxamine (P94)",
                f"DZ oral CL {_change(v.P94_CL_BEFORE, v.P94_CL_AFTER)} and t1/2 "
                f"{_change(v.P94_T_HALF_BEFORE, v.P94_T_HALF_AFTER)} (P94, 8 volunteers).",
                {"diazepam": (cl, None)}, {"diazepam": t})


def rifampin(**options) -> Modifier:
    """Rifampin + isoniazid + ethambutol (O81b)."""
    _no_options("rifampin", options)
    cl = ratio(v.O81B_CL_RIFAMPIN, v.O81B_CL_CONTROL, "O81b DZ CL on rifampin regimen / controls")
    t = ratio(v.O81B_T_HALF_RIFAMPIN, v.O81B_T_HALF_CONTROL, "O81b DZ t1/2 on rifampin regimen / controls")
    return make("rifampin", "Rifampin + isoniazid + ethambutol (O81b)", "O81b", "controls without the TB drugs (O81b)",
                f"DZ CL {_change(v.O81B_CL_CONTROL, v.O81B_CL_RIFAMPIN)} (about 4-fold), t1/2 "
                f"{_change(v.O81B_T_HALF_CONTROL, v.O81B_T_HALF_RIFAMPIN)} (O81b).",
                {"diazepam": (cl, None)}, {"diazepam": t})


MODIFIERS = {"cyp2c19": cyp2c19, "cirrhosis": cirrhosis, "cimetidine": cimetidine, "fluvoxamine": fluvoxamine,
             "rifampin": rifampin, **INTERACTION_MODIFIERS}  # alcohol (S80), omeprazole (OME90): .interactions
