"""The hints that name common mistakes (one wording each; the tests check that each is given)."""

HOURS_NOT_DAYS = "It looks like hours: this question asks for days (1 day = 24 h)."
DAYS_NOT_HOURS = "It looks like days: this question asks for hours (1 day = 24 h)."
LOG10_FOR_LN = ("It looks like log10 and ln were mixed: t½ = ln 2 / λz with natural logs; a slope "
                "fitted to log10 C is λz / ln 10 (multiply it by 2.303 first).")
EARLY_PHASE = ("It looks like the slope came from the early points, where absorption and distribution "
               "still shape the curve: fit only the terminal, log-linear phase (the last points).")
RATE_NOT_HALF_LIFE = "That looks like the rate constant λz (1/h), not the half-life: t½ = ln 2 / λz."
MG_VS_UG = "Off by a factor of 1000: check mg vs µg (ng/mL = µg/L, and 1 mg = 1000 µg)."
ML_MIN_VS_L_H = "Check the clearance units: 1 mL/min = 0.06 L/h (× 60 min/h, ÷ 1000 mL/L)."
HALF_CONVERTED = ("Only half of the unit conversion seems done: 1 mL/min = 60 mL/h = 0.06 L/h "
                  "(both × 60 and ÷ 1000).")
L_VS_L_PER_KG = "Check L vs L/kg: multiply or divide by the body weight as the question asks."
FORGOT_F = "It looks like F was left out: after an oral dose only F · Dose reaches the circulation."
PER_MG = "Compare the AUCs per mg of dose: F = (AUC_oral / Dose_oral) / (AUC_iv / Dose_iv)."
PERCENT = "Give F as a fraction between 0 and 1, not as a percentage."
UPSIDE_DOWN = "It looks like the ratio is upside down."
DOSE_OVER_AUC = "CL = Dose / AUC (not AUC / Dose): more clearance means less area."
FORGOT_RECIPROCAL = "R = 1 / (1 − e^(−kτ)): it looks like you stopped at 1 − e^(−kτ)."
POWER_OF_TEN = "e^(−kτ) needs the natural exponential: 10^(−kτ) mixes log10 and ln."
TAU_IN_DAYS = "k is per hour, so τ must be in hours too (k · τ has no unit)."
FORGOT_LN2 = "t½ = ln 2 · V / CL, so V = CL · t½ / ln 2: the ln 2 seems missing."
HALF_LIVES_COUNT = "That is the number of half-lives: multiply by t½ (and give days)."
FRACTION_NOT_GAP = ("The gap still to close is 1 − f: t = ln(1 / (1 − f)) / k, "
                    "so 90 % of steady state takes log2(10) = 3.32 half-lives.")
REMAINING_NOT_ELIMINATED = ("Below a fraction f of the peak means f is left: t = log2(1/f) · t½, "
                            "not log2(1/(1 − f)) · t½.")
LN_NOT_LOG2 = "With t½ use log2: t = log2(1/f) · t½ = ln(1/f) / k (ln(1/f) · t½ forgets to divide by ln 2)."
TAU_TWICE = "It looks like τ was divided twice: Css,avg = F · Dose / (CL · τ), with τ once."
HALF_LIFE_RATIO = ("The ratio of half-lives is not the ratio of accumulation: R = 1 / (1 − 2^(−τ/t½)) "
                   "for each, then divide.")
LOG10_VS_LN = "It looks like log10 and ln were mixed: half-lives use ln 2 = 0.693 (log10 2 = 0.301)."
TIME_IN_HOURS = "Keep time in hours: with CL in L/h, t½ and τ must be in hours as well."
TAU_IN_HOURS = "Keep τ in hours: the clearance is per hour."
PK_NOT_PD = ("The study changed the clearance, so this is pharmacokinetic: exposure to the same dose "
             "changes by CL_before / CL_after.")
PD_NOT_PK = ("This finding compares responses at the same plasma level: a pharmacodynamic change. It "
             "does not change clearance or volume, so it leaves the exposure to a dose as it was.")
AUC_OVER_CL = "AUC = F · Dose / CL: exposure goes the other way from clearance (CL_before / CL_after)."
AUC_FOLLOWS_CL = ("Exposure (AUC) follows clearance, not half-life: the half-life also reflects the "
                  "volume, which changed here too.")
GROUP_MEAN = ("That is the group's published mean; this simulated subject differs from it. Work from "
              "this subject's data.")
