r"""Constants and unit tables: one copy each for the whole package.

Internal units: amounts in mg (or mmol when molar masses are known), volumes in L, clearances
in L/h, times in h, concentrations in mg/L. The tables give the factor that converts the
internal unit into the named one (value in unit = internal value × factor).
"""

from __future__ import annotations

import math

import numpy as np

#: ln 2, for half-lives: :math:`t_{1/2} = \ln 2 / k`.
LN2 = math.log(2.0)

#: Hours in a day (time is kept in hours; plots and readouts show days).
HOURS_PER_DAY = 24.0

#: Minutes in an hour (published clearances are often in mL/min).
MINUTES_PER_HOUR = 60.0

#: Millilitres in a litre.
ML_PER_L = 1000.0

#: 1 mL/min = 0.06 L/h (clearances: published in mL/min, kept in L/h).
ML_MIN_TO_L_H = MINUTES_PER_HOUR / ML_PER_L

#: Concentration in the named unit = concentration in mg/L × factor.
CONCENTRATION_UNITS = {"mg/L": 1.0, "ug/mL": 1.0, "µg/mL": 1.0, "ng/mL": 1e3, "ug/L": 1e3, "µg/L": 1e3}

#: Concentration in the named molar unit = concentration in mmol/L × factor.
MOLAR_UNITS = {"nmol/L": 1e6, "umol/L": 1e3, "µmol/L": 1e3}

#: Amount in the named molar unit = amount in mmol × factor.
MOLAR_AMOUNT_UNITS = {"mmol": 1.0, "umol": 1e3, "µmol": 1e3}

#: Amount in the named unit = amount in mg × factor.
AMOUNT_UNITS = {"mg": 1.0, "ug": 1e3, "µg": 1e3}

#: The teaching-only notice every notebook, figure and dashboard shows (one wording).
TEACHING_NOTICE = ("For teaching only, not medical advice. The curves illustrate published "
                   "group averages; they do not recommend or adjust a dose for any person.")


def half_life(volume, clearance):
    r""":math:`t_{1/2} = \ln 2 \cdot V / CL` (h, for V in L and CL in L/h); arrays broadcast.

    No checks here (callers validate); a zero clearance gives ``inf``.
    """
    with np.errstate(divide="ignore"):
        out = LN2 * np.asarray(volume, dtype=float) / np.asarray(clearance, dtype=float)
    return float(out) if out.ndim == 0 else out


def volume_for_half_life(clearance, half_life_h):
    r""":math:`V = CL \cdot t_{1/2} / \ln 2` (L, for CL in L/h and t½ in h); arrays broadcast."""
    out = np.asarray(clearance, dtype=float) * np.asarray(half_life_h, dtype=float) / LN2
    return float(out) if out.ndim == 0 else out
