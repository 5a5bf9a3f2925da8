"""Temazepam as a drug in its own right (and as a minor metabolite of diazepam).

TZ1 (32 people 24-84 y, 30 mg oral): t½ 8-38 h (men 12.3 h, women 16.8 h); CL men 1.35, women
1.02 mL/min/kg; Vd 1.40 L/kg; fu 2.6 %; **no age relation**. So the "elderly" preset equals the
"young adult" one by the study's finding. One compartment; CL per kg and t½ as reported, V
derived (men 1.44, women 1.48 vs 1.40 L/kg reported: a mean of ratios is not a ratio of means).
TZ_CIM (9 people) found t½ 9.9 h and CL 1.59 mL/min/kg, unchanged by cimetidine: shown as a
published group. No source here gives oral absorption or a usual dose range: absorption is a
named teaching assumption, and no dose range is stated.
"""

from __future__ import annotations

from ..drug import Drug, PublishedGroup, Species
from ..simple import assumed_oral_absorption, by_sex, no_age_relation
from ..simple import disposition as _disposition
from ..sources import Population, Source, register_sources
from ..values import CV_CONJUGATED_METABOLITES, NO_ABSORPTION_LAG, reported

register_sources(
    Source("TZ1", "authors: details to confirm", 1981, "Effect of age and gender on disposition of temazepam",
           "J Pharm Sci 70(10):1104-1107", doi="10.1002/jps.2600701004", pmid=6117653,
           population=Population(32, "24-84", "men and women", "30 mg", "oral"),
           note="t1/2 8-38 h (women 16.8, men 12.3 h); CL men 1.35, women 1.02 mL/min/kg; Vd 1.40 L/kg; "
                "fu 2.6 %; no age relation. Authors: details to confirm."),
    Source("TZ_CIM", "Greenblatt DJ, Abernethy DR, Divoll M, Locniskar A, Harmatz JS, Shader RI", 1984,
           "Noninteraction of temazepam and cimetidine", "J Pharm Sci 73(3):399-401",
           population=Population(9, "", "healthy men and women", "30 mg", "oral"),
           note="Temazepam t1/2 9.9 h, Vd 1.30 L/kg, CL 1.59 mL/min/kg, fu 4.1 %; unchanged by cimetidine "
                "(conjugated, not oxidised). Authors, journal, March 1984, issue 3, pages 399-401 confirmed "
                "(jhu.pure.elsevier.com record); volume, DOI/PMID: details to confirm."))

TZ1_CL = {"male": reported(1.35, "mL/min/kg", "TZ1", "temazepam CL, men, 24-84 y"),
          "female": reported(1.02, "mL/min/kg", "TZ1", "temazepam CL, women, 24-84 y")}
TZ1_V = reported(1.40, "L/kg", "TZ1", "temazepam Vd 1.40 L/kg, 32 people 24-84 y")
TZ1_T_HALF = {"male": reported(12.3, "h", "TZ1", "temazepam mean t1/2, men"),
              "female": reported(16.8, "h", "TZ1", "temazepam mean t1/2, women")}
TZ1_FU = reported(0.026, "1", "TZ1", "temazepam unbound fraction 2.6 %")
TZ1_AGE_MIN = reported(24.0, "y", "TZ1", "youngest of 32 people")
TZ1_AGE_MAX = reported(84.0, "y", "TZ1", "oldest of 32 people")
TZ_CIM_T_HALF = reported(9.9, "h", "TZ_CIM", "temazepam t1/2 9.9 h (control phase), n=9")
TZ_CIM_CL = reported(1.59, "mL/min/kg", "TZ_CIM", "temazepam CL 1.59 mL/min/kg, unchanged by cimetidine")
TEMAZEPAM_ABSORPTION_HALF_LIFE_H, TEMAZEPAM_BIOAVAILABILITY, TEMAZEPAM_KA = assumed_oral_absorption("temazepam")

MOLAR_MASS = 300.74  #: g/mol, C16H13ClN2O2

build_preset, build_at_age = no_age_relation(
    drug="temazepam", study="TZ1", finding="TZ1 found no age relation",
    cl_per_kg=TZ1_CL, t_half=TZ1_T_HALF, age_low=TZ1_AGE_MIN, age_high=TZ1_AGE_MAX, ka=TEMAZEPAM_KA,
    bioavailability=TEMAZEPAM_BIOAVAILABILITY, lag=NO_ABSORPTION_LAG, molar_mass=MOLAR_MASS)


def disposition(sex, weight) -> dict:
    """Temazepam's CL, t½ and V for a body ``weight`` (a Value) and ``sex`` (TZ1; the same at every age)."""
    return _disposition("temazepam", by_sex(TZ1_CL, sex, "TZ1 temazepam CL"), by_sex(TZ1_T_HALF, sex, "TZ1 temazepam t1/2"), weight)


DRUG = Drug(
    name="temazepam", label="Temazepam (conjugated; TZ1: no age relation)",
    species={"temazepam": Species(
        "temazepam", MOLAR_MASS, TZ1_FU,
        {"clearance.male.TZ1": TZ1_CL["male"], "clearance.female.TZ1": TZ1_CL["female"],
         "volume.TZ1": TZ1_V, "half_life.male.TZ1": TZ1_T_HALF["male"],
         "half_life.female.TZ1": TZ1_T_HALF["female"], "half_life.TZ_CIM": TZ_CIM_T_HALF,
         "clearance.TZ_CIM": TZ_CIM_CL},
        aliases=("TZ",))},
    groups=("young adult", "elderly"), build_preset=build_preset, build_at_age=build_at_age,
    age_range=(TZ1_AGE_MIN, TZ1_AGE_MAX),
    default_cv={"temazepam.clearance": CV_CONJUGATED_METABOLITES, "temazepam.volume": CV_CONJUGATED_METABOLITES},
    published_groups=tuple(
        PublishedGroup("temazepam", "temazepam", "TZ1", f"{who}, 24-84 y", TZ1_T_HALF[sex], None,
                       TZ1_AGE_MIN.value, TZ1_AGE_MAX.value, None, sex)
        for sex, who in (("male", "men"), ("female", "women")))
    + (PublishedGroup("temazepam", "temazepam", "TZ_CIM", "control phase", TZ_CIM_T_HALF, 9),),
    age_note="TZ1 found no age relation: the same values at every age.",
)
