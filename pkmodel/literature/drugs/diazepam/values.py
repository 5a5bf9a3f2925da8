"""Diazepam's published figures, each a :class:`~pkmodel.literature.values.Value` citing its source
(one source of truth: presets, age line, modifiers, tests and notebooks read them from here), and
its named teaching assumptions."""

from __future__ import annotations

from ....units import LN2, MINUTES_PER_HOUR
from ...values import assumption, derived, mean_of, reported
from . import sources as _sources  # noqa: F401  (registers the sources these values cite)

# ----- teaching assumptions (no primary source; named, documented, overridable) ----------------
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
ELDERLY_CL_DIVISOR = mean_of(G21_CSS_RISE_LOW, G21_CSS_RISE_HIGH,
                             "midpoint of G21's 30-35 % higher Css; Css ~ 1/CL, so elderly CL = young CL / 1.325")
G21_YOUNG_AGE = mean_of(G21_YOUNG_AGE_MIN, G21_YOUNG_AGE_MAX,
                        "midpoint of the young group's age range (group mean not in the verified figures)")
G21_ELDERLY_AGE = mean_of(G21_ELDERLY_AGE_MIN, G21_ELDERLY_AGE_MAX,
                          "midpoint of the elderly group's age range (group mean not in the verified figures)")

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
G80_YOUNG_AGE = mean_of(G80_YOUNG_AGE_MIN, G80_YOUNG_AGE_MAX,
                        "midpoint of 21-37 y, taken as the young groups' mean age (not reported)")
G80_ELDERLY_AGE = mean_of(G80_ELDERLY_AGE_MIN, G80_ELDERLY_AGE_MAX,
                          "midpoint of 61-84 y, taken as the elderly groups' mean age (not reported)")

# Absorption (ABS)
ABS_LAG_MIN = reported(12.0, "min", "ABS", "mean lag before absorption ~12 min, n=37, 19-79 y")
ABS_T_HALF_ABS_MIN = reported(19.0, "min", "ABS", "mean first-order absorption t1/2 19 min (0-96), n=37")
ABS_F = reported(0.97, "1", "ABS", "absolute bioavailability ~97 % (n=7 with IV reference)")
ABS_LAG_H = derived(ABS_LAG_MIN.value / MINUTES_PER_HOUR, "h", "12 min / 60 min/h", ABS_LAG_MIN)
ABS_KA = derived(LN2 / (ABS_T_HALF_ABS_MIN.value / MINUTES_PER_HOUR), "1/h", "ka = ln2 / (19 min / 60 min/h)",
                 ABS_T_HALF_ABS_MIN)

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

# Single oral doses: the peaks the two-compartment calibration aims at (and the plots show)
G89_PEAK = reported(406.0, "ng/mL", "G89", "mean peak 406 ng/mL after 10 mg oral, 48 healthy men 18-44 y")
G89_DOSE_MG = reported(10.0, "mg", "G89", "single 10 mg oral dose")
ABS_PEAK = reported(157.0, "ng/mL", "ABS", "mean peak about 157 ng/mL after 5 mg fasting, 37 volunteers 19-79 y")
ABS_DOSE_MG = reported(5.0, "mg", "ABS", "single 5 mg tablet, fasting")
ABS_TMAX = reported(0.9, "h", "ABS", "mean tmax 0.9 h (0.25-2.5 h), 37 volunteers 19-79 y")
KL75_PEAK = reported(209.0, "ng/mL", "KL75", "serum peak 209 +/- 49 ng/mL after 10 mg oral, 8 healthy subjects")
KL75_TMAX = reported(1.5, "h", "KL75", "peak at 90 min (sampling stopped at 150 min)")
KL75_DOSE_MG = reported(10.0, "mg", "KL75", "single 10 mg oral dose")
G78C_PEAK = reported(221.0, "ng/mL", "G78c", "Cmax 221 ng/mL after 5 mg fasting with orange juice, 6 adults")
G78C_TMAX = reported(0.79, "h", "G78c", "tmax 0.79 h (control arm)")
G78C_DOSE_MG = reported(5.0, "mg", "G78c", "single 5 mg dose, fasting")
