"""Pharmacokinetic metrics: :mod:`pkmodel.formulas` (closed forms, numbers in and out) and
:mod:`pkmodel.measure` (measurements on a simulated Result), exposed together.

``from pkmodel import metrics; metrics.time_to_steady_state(31, 0.9)`` and
``metrics.interval_summary(result, "diazepam", ...)`` both work from here.
"""

from __future__ import annotations

from .formulas import (SteadyState, accumulation_ratio, elimination_rate_constant, half_life,
                       rate_constant_from_half_life, steady_state_average,
                       steady_state_one_compartment, time_to_steady_state, washout_time)
from .measure import auc, interval_average, interval_summary, time_below_fraction, troughs
from .units import LN2

__all__ = [
    "LN2", "SteadyState", "accumulation_ratio", "auc", "elimination_rate_constant", "half_life",
    "interval_average", "interval_summary", "rate_constant_from_half_life", "steady_state_average",
    "steady_state_one_compartment", "time_below_fraction", "time_to_steady_state", "troughs",
    "washout_time",
]
