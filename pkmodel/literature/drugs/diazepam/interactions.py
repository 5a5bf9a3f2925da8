r"""Diazepam's alcohol (S80, G78c) and omeprazole (OME90) modifiers, with their sources and values.

* ``"alcohol"`` (baseline: the same men without ethanol, S80): total diazepam AUC +30 % after
  10 mg IV with blood ethanol held at 0.8-1.0 g/L, so for a linear drug
  :math:`f_{CL} = AUC_{control}/AUC_{ethanol} = 1/1.30`; volume unchanged (not reported). S80's
  desmethyldiazepam AUC -51 % (less N-demethylation) is **not** reproduced: a modifier scales
  clearances, not the fraction of diazepam that forms DMDZ (a teaching assumption of the presets),
  so DMDZ is left unchanged and the record says so. Absorption (G78c, baseline: the same adults
  with orange juice alone): :math:`k_a` × 19.3/34.6 (absorption t½ 19.3 → 34.6 min) and lag
  × 26.2/16.5 min, applied by :func:`with_alcohol_absorption`; G78c's 24-h AUC was about the same,
  and the model's extent is unchanged by construction (F untouched).
* ``"omeprazole"`` (baseline: the same rapid metabolisers of omeprazole on placebo, OME90):
  diazepam CL -26 % after one week of omeprazole 20 mg, so :math:`f_{CL} = 0.74`; volume
  unchanged. OME90 saw no change in slow metabolisers (the preset is read as a rapid metaboliser).

For teaching only: published group means; nothing here recommends or adjusts a dose.
"""

from __future__ import annotations

from dataclasses import replace

from ...modifiers import Modifier, make
from ...sources import Population as _P
from ...sources import Source as _S
from ...sources import register_sources
from ...values import derived, ratio, reported

SOURCES = (
    _S("S80", "Sellers EM, Naranjo CA, Giles HG, Frecker RC, Beeching M", 1980,
       "Intravenous diazepam and oral ethanol interaction", "Clin Pharmacol Ther 28(5):638-645",
       doi="10.1038/clpt.1980.215", pmid=7438683,
       population=_P(6, "21-32", "healthy men", "10 mg, with ethanol held at 0.8-1.0 g/L", "IV"),
       note="With ethanol: total diazepam AUC +30 %, free diazepam AUC +27 %, desmethyldiazepam AUC -51 % "
            "(less N-demethylation)."),
    _S("OME90", "authors: details to confirm", 1990,
       "Effect of omeprazole treatment on diazepam plasma levels in slow versus normal rapid metabolizers of "
       "omeprazole", "Clin Pharmacol Ther 47:79-85", doi="10.1038/clpt.1990.12",
       population=_P(10, "", "4 slow and 6 rapid metabolisers of omeprazole",
                     "diazepam 0.1 mg/kg after 1 week of omeprazole 20 mg or placebo", "IV"),
       note="Diazepam CL -26 % with omeprazole in rapid metabolisers; no apparent interaction in slow "
            "metabolisers (who had about half the diazepam CL). Authors: details to confirm."),
)
register_sources(*SOURCES)

S80_AUC_RATIO = reported(1.30, "1", "S80", "total diazepam AUC +30 % with ethanol (10 mg IV, 6 men)")
S80_FREE_AUC_RATIO = reported(1.27, "1", "S80", "free diazepam AUC +27 % with ethanol")
S80_DMDZ_AUC_RATIO = reported(0.49, "1", "S80", "desmethyldiazepam AUC -51 % with ethanol")
G78C_LAG_CONTROL_MIN = reported(16.5, "min", "G78c", "lag 16.5 min with orange juice (control)")
G78C_LAG_ALCOHOL_MIN = reported(26.2, "min", "G78c", "lag 26.2 min with vodka + orange juice")
G78C_T_ABS_CONTROL_MIN = reported(19.3, "min", "G78c", "absorption t1/2 19.3 min (control)")
G78C_T_ABS_ALCOHOL_MIN = reported(34.6, "min", "G78c", "absorption t1/2 34.6 min with vodka")
G78C_TMAX_ALCOHOL = reported(1.79, "h", "G78c", "tmax 1.79 h with vodka (0.79 h control)")
OME90_CL_CHANGE = reported(-0.26, "1", "OME90", "diazepam CL -26 % with omeprazole, rapid metabolisers")


def _no_options(name, options):
    if options:
        raise TypeError(f"modifier {name!r} takes no options; got {sorted(options)}")


def alcohol(**options) -> Modifier:
    """Ethanol held at 0.8-1.0 g/L (S80): diazepam CL x 1/1.30 (AUC ratio), volume unchanged."""
    _no_options("alcohol", options)
    cl = derived(1.0 / S80_AUC_RATIO.value, "1", "CL factor = 1 / AUC ratio (linear PK, same IV dose)",
                 S80_AUC_RATIO)
    return make("alcohol", "Alcohol (S80)", "S80", "the same men without ethanol (S80; G78c for absorption)",
                "DZ AUC +30 % (S80, 10 mg IV, 6 men) -> CL x 1/1.30, volume unchanged. DMDZ left unchanged: "
                "S80's -51 % DMDZ AUC (less N-demethylation) is not modelled (a modifier scales clearance, not "
                "the fraction forming DMDZ). Slower absorption (G78c) via with_alcohol_absorption.",
                {"diazepam": (cl, None)})


def omeprazole(**options) -> Modifier:
    """Omeprazole 20 mg daily for a week, rapid metabolisers of omeprazole (OME90): CL x 0.74."""
    _no_options("omeprazole", options)
    cl = derived(1.0 + OME90_CL_CHANGE.value, "1", "CL factor = 1 - 0.26", OME90_CL_CHANGE)
    return make("omeprazole", "Omeprazole (OME90)", "OME90",
                "the same rapid metabolisers of omeprazole on placebo (OME90)",
                "DZ CL -26 % in rapid metabolisers (OME90, IV); no change in slow metabolisers; volume unchanged.",
                {"diazepam": (cl, None)})


def alcohol_absorption_factors():
    """(ka factor, lag factor) from G78c as Values: ka x 19.3/34.6, lag x 26.2/16.5."""
    ka = ratio(G78C_T_ABS_CONTROL_MIN, G78C_T_ABS_ALCOHOL_MIN,
               "ka factor = absorption t1/2 control / with alcohol (ka = ln2 / t1/2)")
    lag = ratio(G78C_LAG_ALCOHOL_MIN, G78C_LAG_CONTROL_MIN, "lag factor = lag with alcohol / control")
    return ka, lag


def with_alcohol_absorption(preset):
    """``preset`` with G78c's slower absorption (ka and lag scaled; F unchanged, so the extent is too)."""
    model = preset.model
    if model.absorption is None:
        raise ValueError(f"preset {preset.label!r} has no oral route; alcohol's absorption change needs one")
    ka, lag = alcohol_absorption_factors()
    a = model.absorption
    new = replace(model, absorption=replace(a, ka=a.ka * ka.value, lag=a.lag * lag.value))
    p = dict(preset.parameters)
    for key, f in (("absorption.ka", ka), ("absorption.lag", lag)):
        if key in p:
            p[key] = derived(p[key].value * f.value, p[key].unit, f"{key} x G78c alcohol factor {f.value:.4g}",
                             p[key], f)
    return replace(preset, model=new, parameters=p, label=preset.label + " (absorption with alcohol, G78c)")


#: read by :func:`pkmodel.literature.interactions.apply_interaction` (the oral route changes too)
alcohol.absorption = with_alcohol_absorption

MODIFIERS = {"alcohol": alcohol, "omeprazole": omeprazole}
