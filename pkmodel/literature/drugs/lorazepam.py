"""Lorazepam: a conjugated benzodiazepine whose kinetics change little with age (G79L).

G79L (15 elderly 60-84 y vs 15 young 19-38 y, 1.5-3 mg IV): t½ 15.9 vs 14.1 h (not significant);
CL 0.77 vs 0.99 mL/min/kg (22 % lower, partly because more of the young smoked); Vd 0.99 vs
1.11 L/kg. Oral and IM in the elderly: peaks within 2.5 h, absorption t½ at most 45 min, 80-100 %
absorbed.

The presets take each group's CL per kg and t½; V = CL·t½/ln2 comes out 7-9 % above the reported
Vd (a mean of ratios is not a ratio of means). :func:`build_at_age` interpolates CL and t½
linearly between the group midpoints (28.5 y, 72 y), held constant outside them; ages outside
19-84 y warn. Oral absorption: ka the slowest that puts the elderly peak within 2.5 h
(absorption t½ about 29 min, inside "at most 45 min"), F the midpoint of 80-100 %, no lag
(teaching assumption). No source here gives a usual dose
range, so none is stated. G79L gives no figures by sex, so ``sex`` is not an option.
"""

from __future__ import annotations

import math

from ...units import LN2
from ..covariates import age_input, interpolate, warn_outside, weight_input
from ..drug import Drug, PublishedGroup, Species
from ..simple import disposition, midpoint, one_compartment_preset
from ..sources import Population, Source, register_sources
from ..values import CV_CONJUGATED_METABOLITES, NO_ABSORPTION_LAG, derived, mean_of, reported

register_sources(Source(
    "G79L", "Greenblatt DJ, Allen MD, Locniskar A, Harmatz JS, Shader RI", 1979,
    "Lorazepam kinetics in the elderly", "Clin Pharmacol Ther 26(1):103-113", doi="10.1002/cpt1979261103", pmid=36252,
    population=Population(30, "19-38 (young, n=15) and 60-84 (elderly, n=15)", "healthy volunteers",
                          "1.5-3 mg", "IV (oral and IM in the elderly)"),
    note="Elderly vs young: Vd 0.99 vs 1.11 L/kg; t1/2 15.9 vs 14.1 h (not significant); CL 0.77 vs 0.99 "
         "mL/min/kg (22 % lower, partly smoking). Oral/IM in the elderly: peaks within 2.5 h, absorption "
         "t1/2 at most 45 min, 80-100 % absorbed. DOI and PMID seen verbatim with the abstract "
         "(suppr.wilddata.cn/browses/detail/pubmed/36252)."))

G79L_T_HALF = {"young adult": reported(14.1, "h", "G79L", "mean lorazepam t1/2, young (19-38 y), n=15"),
               "elderly": reported(15.9, "h", "G79L", "mean lorazepam t1/2, elderly (60-84 y), n=15")}
G79L_CL = {"young adult": reported(0.99, "mL/min/kg", "G79L", "mean lorazepam CL, young (19-38 y), n=15"),
           "elderly": reported(0.77, "mL/min/kg", "G79L", "mean lorazepam CL, elderly (60-84 y), n=15")}
G79L_V = {"young adult": reported(1.11, "L/kg", "G79L", "mean lorazepam Vd, young (19-38 y), n=15"),
          "elderly": reported(0.99, "L/kg", "G79L", "mean lorazepam Vd, elderly (60-84 y), n=15")}
G79L_AGES = {"young adult": (reported(19.0, "y", "G79L", "youngest of the young group"),
                             reported(38.0, "y", "G79L", "oldest of the young group")),
             "elderly": (reported(60.0, "y", "G79L", "youngest of the elderly group"),
                         reported(84.0, "y", "G79L", "oldest of the elderly group"))}
G79L_AGE = {g: midpoint(lo, hi, f"G79L's {g} group") for g, (lo, hi) in G79L_AGES.items()}
G79L_ABSORPTION_HALF_LIFE_MAX = reported(45.0, "min", "G79L", "absorption t1/2 at most 45 min (oral/IM, elderly)")
G79L_F_LOW = reported(0.80, "1", "G79L", "80-100 % absorbed (low end)")
G79L_F_HIGH = reported(1.00, "1", "G79L", "80-100 % absorbed (high end)")
G79L_TMAX_MAX = reported(2.5, "h", "G79L", "peaks within 2.5 h (oral/IM, elderly)")


def _ka_for_tmax(tmax_h: float, t_half_h: float) -> float:
    r"""ka giving a one-compartment oral peak at ``tmax_h``: solves :math:`\ln(k_a/k)/(k_a - k) = t_{max}`
    by bisection (tmax falls as ka rises)."""
    k = LN2 / t_half_h
    lo, hi = k * (1 + 1e-9), 1e3
    for _ in range(200):
        mid = (lo * hi) ** 0.5
        if math.log(mid / k) / (mid - k) > tmax_h:
            lo = mid
        else:
            hi = mid
    return (lo * hi) ** 0.5


KA = derived(_ka_for_tmax(G79L_TMAX_MAX.value, G79L_T_HALF["elderly"].value), "1/h",
             "ka: the slowest absorption with G79L's peaks within 2.5 h (solved for the elderly t1/2 15.9 h, one "
             "compartment); its absorption t1/2 (about 29 min) is within G79L's 'at most 45 min'",
             G79L_TMAX_MAX, G79L_T_HALF["elderly"], G79L_ABSORPTION_HALF_LIFE_MAX)
BIOAVAILABILITY = mean_of(G79L_F_LOW, G79L_F_HIGH, "midpoint of G79L's 80-100 % absorbed")

MOLAR_MASS = 321.16  #: g/mol, C15H10Cl2N2O2


def _build(name: str, age, cl_per_kg, t_half, weight, how: str):
    params = disposition("lorazepam", cl_per_kg, t_half, weight)
    label = f"{name.capitalize()}, lorazepam (G79L), {weight.value:g} kg"
    description = (f"Published group means of G79L, for teaching: {how}; V = CL*t1/2/ln2; oral absorption from "
                   f"G79L's elderly (peaks within {G79L_TMAX_MAX.value:g} h, absorption t1/2 <= "
                   f"{G79L_ABSORPTION_HALF_LIFE_MAX.value:g} min, F {BIOAVAILABILITY.value * 100:.0f} %). Not a description of any "
                   "one person.")
    return one_compartment_preset(drug="lorazepam", name=name, label=label, description=description, params=params,
                                  molar_mass=MOLAR_MASS, ka=KA, bioavailability=BIOAVAILABILITY, lag=NO_ABSORPTION_LAG,
                                  age=age, weight=weight, sex=None)


def build_preset(group: str, *, weight_kg: float = 70.0):
    """G79L's young (19-38 y) or elderly (60-84 y) group means, scaled to ``weight_kg``."""
    lo, hi = G79L_AGES[group]
    return _build(group, G79L_AGE[group], G79L_CL[group], G79L_T_HALF[group], weight_input(weight_kg),
                  f"{group} group ({lo.value:g}-{hi.value:g} y): t1/2 {G79L_T_HALF[group].value:g} h, "
                  f"CL {G79L_CL[group].value:g} mL/min/kg")


def build_at_age(age: float, *, weight_kg: float = 70.0):
    """CL per kg and t½ linear in age between G79L's group midpoints, held constant outside them."""
    a = age_input(age)
    weight = weight_input(weight_kg)
    warn_outside(a.value, G79L_AGES["young adult"][0], G79L_AGES["elderly"][1], "G79L lorazepam kinetics")
    y, o = G79L_AGE["young adult"], G79L_AGE["elderly"]
    cl = interpolate(a, y, o, G79L_CL["young adult"], G79L_CL["elderly"], "G79L lorazepam CL per kg", "mL/min/kg")
    t_half = interpolate(a, y, o, G79L_T_HALF["young adult"], G79L_T_HALF["elderly"], "G79L lorazepam t1/2", "h")
    return _build(f"age {a.value:g}", a, cl, t_half, weight,
                  "CL per kg and t1/2 interpolated in age between G79L's young and elderly group means "
                  "(t1/2 14.1 vs 15.9 h, not significantly different)")


DRUG = Drug(
    name="lorazepam", label="Lorazepam (conjugated; G79L: little change with age)",
    species={"lorazepam": Species(
        "lorazepam", MOLAR_MASS, None,
        {f"{q}.{g.replace(' ', '_')}.G79L": t[g] for q, t in (("half_life", G79L_T_HALF), ("clearance", G79L_CL),
                                                               ("volume", G79L_V)) for g in t},
        aliases=("LZ",))},
    groups=("young adult", "elderly"), build_preset=build_preset, build_at_age=build_at_age,
    age_range=(G79L_AGES["young adult"][0], G79L_AGES["elderly"][1]),
    default_cv={"lorazepam.clearance": CV_CONJUGATED_METABOLITES, "lorazepam.volume": CV_CONJUGATED_METABOLITES},
    published_groups=tuple(
        PublishedGroup("lorazepam", "lorazepam", "G79L", f"{g} ({lo.value:g}-{hi.value:g} y)", G79L_T_HALF[g], 15,
                       lo.value, hi.value, G79L_AGE[g].value)
        for g, (lo, hi) in G79L_AGES.items()),
    age_note="G79L: t1/2 14.1 h young vs 15.9 h elderly (not significant); interpolated between the groups.",
)
