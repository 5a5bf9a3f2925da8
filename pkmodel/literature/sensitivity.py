r"""Sensitivity as a concept only: an ILLUSTRATIVE concentration-effect curve that shifts with age.

R78 found that both the dose and the plasma level of diazepam needed for the same central nervous
system depression fall with age: older people are more *sensitive*, not only more exposed. To show
that idea, this module uses an **invented** Emax curve

.. math::  E = \frac{C}{C + EC_{50}(a)}, \qquad EC_{50}(a) = 500\ \text{ng/mL}\cdot 2^{-(a-20)/60},

so the illustrative EC50 halves between 20 and 80 y. Both numbers are teaching assumptions
(``ILLUSTRATIVE_EC50_AT_20Y``, ``ILLUSTRATIVE_EC50_HALVING_YEARS``), not published values. The
curve's *direction* follows R78; its size and shape are invented. Illustrative only: not a
clinical threshold.
"""

from __future__ import annotations

import numpy as np

from .. import _validate as check
from . import values as v
from .covariates import AGE_LIMITS

ILLUSTRATIVE_LABEL = "Illustrative only: not a clinical threshold"


def illustrative_ec50(age: float) -> float:
    """ILLUSTRATIVE (invented) EC50 in ng/mL at ``age`` (18-100 y), halving between 20 and 80 y."""
    a = check.number("age", age, low=AGE_LIMITS[0], high=AGE_LIMITS[1],
                     allowed=f"a number of years in [{AGE_LIMITS[0]:g}, {AGE_LIMITS[1]:g}]")
    return v.ILLUSTRATIVE_EC50_AT_20Y.value * 2.0 ** (-(a - 20.0) / v.ILLUSTRATIVE_EC50_HALVING_YEARS.value)


def illustrative_effect(concentration_ng_ml, age: float) -> np.ndarray:
    """ILLUSTRATIVE effect in [0, 1]: E = C/(C + EC50(age)) for concentrations in ng/mL (>= 0)."""
    c = np.asarray(concentration_ng_ml, dtype=float)
    if not np.all(np.isfinite(c)) or np.any(c < 0):
        raise ValueError("concentration_ng_ml must hold finite numbers >= 0 (ng/mL)")
    return c / (c + illustrative_ec50(age))
