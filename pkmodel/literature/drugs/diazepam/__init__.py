"""Diazepam (with desmethyldiazepam, and temazepam and oxazepam in the full chain): one drug module.

* :mod:`.sources` registers its sources; :mod:`.values` holds every published figure as a Value;
* :mod:`.distribution` calibrates the two-compartment shape to published single-dose peaks;
* :mod:`.presets` builds the young-adult and elderly presets (G21) and the age model (K75, G80);
* :mod:`.modifiers` defines the CYP2C19, cirrhosis and interaction modifiers.

``DRUG`` is what the registry reads. For teaching only: published group means, no dosing advice.
"""

from __future__ import annotations

from ....regimen import Regimen, repeated
from ....units import HOURS_PER_DAY
from ...drug import Drug, PublishedGroup, SingleDosePeak, Species
from ...values import ratio
from . import values as v
from .modifiers import GENOTYPES, MODIFIERS
from .presets import MOLAR_MASS, build_at_age, build_model, build_preset, distribution_shape


# Calibrate the two-compartment shape now (once, cached; ~30 ms), so that its teaching assumption is
# listed in lit.TEACHING_ASSUMPTIONS from the start.
distribution_shape()


def g21_regimen() -> Regimen:
    """G21's regimen: diazepam 2.5 mg orally every 12 h for 15 days (30 doses), from t = 0."""
    return repeated(v.G21_DOSE_MG.value, v.G21_INTERVAL_H.value,
                    count=int(v.G21_DAYS.value * HOURS_PER_DAY / v.G21_INTERVAL_H.value), route="oral")


#: Default CVs by ``"<species>.clearance"`` / ``"<species>.volume"``, each from a published mean +/- SD.
DEFAULT_CV = {
    "diazepam.clearance": ratio(v.K77_DZ_CL_SD, v.K77_DZ_CL, "CV = SD/mean of DZ CL, K77 (32.3 +/- 11.0 mL/min)"),
    "diazepam.volume": ratio(v.K75_CONTROL_T_HALF_SD, v.K75_CONTROL_T_HALF,
                             "CV = SD/mean of DZ t1/2 in K75 controls (46.6 +/- 14.2 h), taken as volume-driven"),
    "desmethyldiazepam.clearance": ratio(v.K77_DMDZ_CL_SD, v.K77_DMDZ_CL,
                                         "CV = SD/mean of DMDZ CL, K77 (11.3 +/- 3.1 mL/min)"),
    "desmethyldiazepam.volume": ratio(v.K77_DMDZ_T_HALF_SD, v.K77_DMDZ_T_HALF,
                                      "CV = SD/mean of DMDZ t1/2, K77 (50.9 +/- 6.2 h), taken as volume-driven"),
}

_G = PublishedGroup
PUBLISHED_GROUPS = (
    _G("diazepam", "diazepam", "K75", "K75 line at 20 y", v.K75_T_HALF_AT_20, None, 20.0, 20.0, 20.0),
    _G("diazepam", "diazepam", "K75", "K75 line at 80 y", v.K75_T_HALF_AT_80, None, 80.0, 80.0, 80.0),
    _G("diazepam", "diazepam", "G21", "young (21-33 y)", v.G21_T_HALF_DZ_YOUNG, 7, 21.0, 33.0, v.G21_YOUNG_AGE.value),
    _G("diazepam", "diazepam", "G21", "elderly (61-78 y)", v.G21_T_HALF_DZ_ELDERLY, 8, 61.0, 78.0,
       v.G21_ELDERLY_AGE.value),
    _G("diazepam", "diazepam", "G89", "healthy men (18-44 y)", v.G89_T_HALF, 48, 18.0, 44.0, None, "male"),
    _G("diazepam", "diazepam", "K75", "age-matched controls", v.K75_CONTROL_T_HALF),
    _G("diazepam", "desmethyldiazepam", "G21", "young (21-33 y)", v.G21_T_HALF_DMDZ_YOUNG, 7, 21.0, 33.0,
       v.G21_YOUNG_AGE.value),
    _G("diazepam", "desmethyldiazepam", "G21", "elderly (61-78 y)", v.G21_T_HALF_DMDZ_ELDERLY, 8, 61.0, 78.0,
       v.G21_ELDERLY_AGE.value),
    _G("diazepam", "desmethyldiazepam", "CZ1", "volunteers (21-66 y)", v.CZ1_DMDZ_T_HALF, 17, 21.0, 66.0),
    _G("diazepam", "desmethyldiazepam", "CZ3", "volunteers (22-38 y)", v.CZ3_DMDZ_T_HALF, 12, 22.0, 38.0),
    _G("diazepam", "desmethyldiazepam", "K77", "healthy subjects", v.K77_DMDZ_T_HALF, 4),
    # the modifier studies' groups (condition says what they had)
    *(_G("diazepam", "diazepam", "Q99", f"CYP2C19 {g}", v.Q99_DZ_T_HALF[g], 6, sex="male", condition=f"CYP2C19 {g}")
      for g in GENOTYPES),
    *(_G("diazepam", "desmethyldiazepam", "Q99", f"CYP2C19 {g}", v.Q99_DMDZ_T_HALF[g], 6, sex="male",
         condition=f"CYP2C19 {g}") for g in GENOTYPES),
    _G("diazepam", "diazepam", "K75", "alcoholic cirrhosis", v.K75_CIRRHOSIS_T_HALF, 9, condition="alcoholic cirrhosis"),
    _G("diazepam", "diazepam", "FC", "control phase", v.FC_T_HALF_CONTROL, 11, sex="male", condition="control phase"),
    _G("diazepam", "diazepam", "FC", "with cimetidine", v.FC_T_HALF_CIMETIDINE, 11, sex="male",
       condition="with cimetidine"),
    _G("diazepam", "diazepam", "P94", "before fluvoxamine", v.P94_T_HALF_BEFORE, 8, condition="before fluvoxamine"),
    _G("diazepam", "diazepam", "P94", "with fluvoxamine", v.P94_T_HALF_AFTER, 8, condition="with fluvoxamine"),
    _G("diazepam", "diazepam", "O81b", "controls", v.O81B_T_HALF_CONTROL, condition="controls (O81b)"),
    _G("diazepam", "diazepam", "O81b", "on rifampin + isoniazid + ethambutol", v.O81B_T_HALF_RIFAMPIN,
       condition="on rifampin + isoniazid + ethambutol"),
)

SINGLE_DOSE_PEAKS = (
    SingleDosePeak("diazepam", "G89", "healthy men", v.G89_DOSE_MG.value, v.G89_PEAK, None, 48, "18-44"),
    SingleDosePeak("diazepam", "ABS", "volunteers, fasting", v.ABS_DOSE_MG.value, v.ABS_PEAK, v.ABS_TMAX, 37, "19-79"),
    SingleDosePeak("diazepam", "KL75", "healthy subjects", v.KL75_DOSE_MG.value, v.KL75_PEAK, v.KL75_TMAX, 8),
    SingleDosePeak("diazepam", "G78c", "adults, fasting (control arm)", v.G78C_DOSE_MG.value, v.G78C_PEAK, v.G78C_TMAX,
                   6),
)

DRUG = Drug(
    name="diazepam", label="Diazepam (oxidised; half-life rises with age, K75, G21)",
    species={
        "diazepam": Species(
            "diazepam", MOLAR_MASS["diazepam"], v.K75_FU,
            {"half_life.young.G21": v.G21_T_HALF_DZ_YOUNG, "half_life.elderly.G21": v.G21_T_HALF_DZ_ELDERLY,
             "half_life.20y.K75": v.K75_T_HALF_AT_20, "half_life.80y.K75": v.K75_T_HALF_AT_80,
             "clearance.G89": v.G89_CL, "half_life.G89": v.G89_T_HALF, "volume.G89": v.G89_V,
             "clearance.low.K75": v.K75_CL_LOW, "clearance.high.K75": v.K75_CL_HIGH,
             "unbound_fraction.AB79": v.AB79_FU,
             **{f"clearance.{sex}.{grp}.G80": val for (sex, grp), val in v.G80_CL.items()},
             "lag.ABS": v.ABS_LAG_MIN, "absorption_half_life.ABS": v.ABS_T_HALF_ABS_MIN,
             "bioavailability.ABS": v.ABS_F, "peak.G89": v.G89_PEAK, "peak.ABS": v.ABS_PEAK, "tmax.ABS": v.ABS_TMAX},
            aliases=("DZ",)),
        "desmethyldiazepam": Species(
            "desmethyldiazepam", MOLAR_MASS["desmethyldiazepam"], None,
            {"half_life.young.G21": v.G21_T_HALF_DMDZ_YOUNG, "half_life.elderly.G21": v.G21_T_HALF_DMDZ_ELDERLY,
             "clearance.K77": v.K77_DMDZ_CL, "half_life.K77": v.K77_DMDZ_T_HALF,
             "clearance.CZ1": v.CZ1_DMDZ_CL, "volume.CZ1": v.CZ1_DMDZ_V, "half_life.CZ1": v.CZ1_DMDZ_T_HALF,
             "half_life.CZ3": v.CZ3_DMDZ_T_HALF, "volume.CZ3": v.CZ3_DMDZ_V},
            aliases=("DMDZ", "nordiazepam", "nordazepam", "N-desmethyldiazepam")),
    },
    groups=("young adult", "elderly"), build_preset=build_preset, build_at_age=build_at_age,
    age_range=(v.K75_AGE_MIN, v.K75_AGE_MAX), default_cv=DEFAULT_CV, modifiers=MODIFIERS,
    published_groups=PUBLISHED_GROUPS, single_dose_peaks=SINGLE_DOSE_PEAKS,
    age_note="t1/2 on K75's line (20 h at 20 y to 90 h at 80 y), CL constant: the volumes grow with age.",
)

__all__ = ["DRUG", "DEFAULT_CV", "GENOTYPES", "MODIFIERS", "PUBLISHED_GROUPS", "SINGLE_DOSE_PEAKS", "build_at_age",
           "build_model", "build_preset", "distribution_shape", "g21_regimen", "v"]
