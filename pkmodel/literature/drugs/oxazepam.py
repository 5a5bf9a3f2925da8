"""Oxazepam as a drug in its own right (and as the conjugated end of diazepam's metabolic chain).

OX1 (31 people 20-86 y, 30 mg oral): t½ 7.5 h in men, 8.5 h in women; CL 1.48 / 1.70 mL/min/kg;
Vd 0.96 / 1.17 L/kg; **no kinetic variable related to age**. So the "elderly" preset equals the
"young adult" one by the study's finding. One compartment; CL per kg and t½ as reported, V
derived (men 0.96 L/kg, as reported; women 1.25 vs 1.17 L/kg: a mean of ratios is not a ratio of
means). No source here gives oral absorption or a usual dose range: absorption is a named
teaching assumption, and no dose range is stated.
"""

from __future__ import annotations

from ..drug import Drug, PublishedGroup, Species
from ..simple import assumed_oral_absorption, by_sex, no_age_relation
from ..simple import disposition as _disposition
from ..sources import Population, Source, register_sources
from ..values import CV_CONJUGATED_METABOLITES, NO_ABSORPTION_LAG, reported

register_sources(Source(
    "OX1", "authors: details to confirm", None,
    "Disposition of oxazepam in relation to age, sex, and cigarette smoking", "Klin Wochenschr",
    doi="10.1007/BF01721923",
    population=Population(31, "20-86", "22 men, 9 women", "30 mg", "oral"),
    note="t1/2 7.5 (men) / 8.5 h (women); Vd 0.96 / 1.17 L/kg; CL 1.48 / 1.70 mL/min/kg; no "
         "kinetic variable related to age. Authors, year, volume: details to confirm."))

OX1_CL = {"male": reported(1.48, "mL/min/kg", "OX1", "oxazepam CL, 22 men 20-86 y"),
          "female": reported(1.70, "mL/min/kg", "OX1", "oxazepam CL, 9 women 20-86 y")}
OX1_V = {"male": reported(0.96, "L/kg", "OX1", "oxazepam Vd, 22 men 20-86 y"),
         "female": reported(1.17, "L/kg", "OX1", "oxazepam Vd, 9 women 20-86 y")}
OX1_T_HALF = {"male": reported(7.5, "h", "OX1", "oxazepam mean t1/2, men"),
              "female": reported(8.5, "h", "OX1", "oxazepam mean t1/2, women")}
OX1_AGE_MIN = reported(20.0, "y", "OX1", "youngest of 31 people")
OX1_AGE_MAX = reported(86.0, "y", "OX1", "oldest of 31 people")
OXAZEPAM_ABSORPTION_HALF_LIFE_H, OXAZEPAM_BIOAVAILABILITY, OXAZEPAM_KA = assumed_oral_absorption("oxazepam")

MOLAR_MASS = 286.71  #: g/mol, C15H11ClN2O2

build_preset, build_at_age = no_age_relation(
    drug="oxazepam", study="OX1", finding="OX1 found no kinetic variable related to age",
    cl_per_kg=OX1_CL, t_half=OX1_T_HALF, age_low=OX1_AGE_MIN, age_high=OX1_AGE_MAX, ka=OXAZEPAM_KA,
    bioavailability=OXAZEPAM_BIOAVAILABILITY, lag=NO_ABSORPTION_LAG, molar_mass=MOLAR_MASS)


def disposition(sex, weight) -> dict:
    """Oxazepam's CL, t½ and V for a body ``weight`` (a Value) and ``sex`` (OX1; the same at every age)."""
    return _disposition("oxazepam", by_sex(OX1_CL, sex, "OX1 oxazepam CL"), by_sex(OX1_T_HALF, sex, "OX1 oxazepam t1/2"), weight)


DRUG = Drug(
    name="oxazepam", label="Oxazepam (conjugated; OX1: no age relation)",
    species={"oxazepam": Species(
        "oxazepam", MOLAR_MASS, None,
        {"clearance.male.OX1": OX1_CL["male"], "clearance.female.OX1": OX1_CL["female"],
         "volume.male.OX1": OX1_V["male"], "volume.female.OX1": OX1_V["female"],
         "half_life.male.OX1": OX1_T_HALF["male"], "half_life.female.OX1": OX1_T_HALF["female"]},
        aliases=("OX",))},
    groups=("young adult", "elderly"), build_preset=build_preset, build_at_age=build_at_age,
    age_range=(OX1_AGE_MIN, OX1_AGE_MAX),
    default_cv={"oxazepam.clearance": CV_CONJUGATED_METABOLITES, "oxazepam.volume": CV_CONJUGATED_METABOLITES},
    published_groups=tuple(
        PublishedGroup("oxazepam", "oxazepam", "OX1", f"{who}, 20-86 y", OX1_T_HALF[sex], n, OX1_AGE_MIN.value,
                       OX1_AGE_MAX.value, None, sex)
        for sex, who, n in (("male", "men", 22), ("female", "women", 9))),
    age_note="OX1 found no kinetic variable related to age: the same values at every age.",
)
