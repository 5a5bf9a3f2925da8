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

from .covariates import age_input
from .values import assumption

ILLUSTRATIVE_LABEL = "Illustrative only: not a clinical threshold"

ILLUSTRATIVE_EC50_AT_20Y = assumption(
    "ILLUSTRATIVE_EC50_AT_20Y", 500.0, "ng/mL",
    "INVENTED concentration for half-maximal illustrative effect at 20 y; shape only, not a clinical "
    "threshold.")
ILLUSTRATIVE_EC50_HALVING_YEARS = assumption(
    "ILLUSTRATIVE_EC50_HALVING_YEARS", 60.0, "y",
    "INVENTED: the illustrative EC50 halves every 60 years of age (so between 20 and 80 y), a shape "
    "chosen to show the direction R78 reports (more sensitivity with age), not its size.")


def illustrative_ec50(age: float) -> float:
    """ILLUSTRATIVE (invented) EC50 in ng/mL at ``age`` (18-100 y), halving between 20 and 80 y."""
    a = age_input(age).value
    return ILLUSTRATIVE_EC50_AT_20Y.value * 2.0 ** (-(a - 20.0) / ILLUSTRATIVE_EC50_HALVING_YEARS.value)


def illustrative_effect(concentration_ng_ml, age: float) -> np.ndarray:
    """ILLUSTRATIVE effect in [0, 1]: E = C/(C + EC50(age)) for concentrations in ng/mL (>= 0)."""
    allowed = "finite numbers >= 0 (ng/mL)"
    try:
        c = np.asarray(concentration_ng_ml, dtype=float)
    except (TypeError, ValueError):
        raise TypeError(f"concentration_ng_ml must hold {allowed}; got {concentration_ng_ml!r}") from None
    bad = ~(np.isfinite(c) & (c >= 0))
    if np.any(bad):
        raise ValueError(f"concentration_ng_ml must hold {allowed}; got {float(np.ravel(c)[np.argmax(np.ravel(bad))])!r}")
    return c / (c + illustrative_ec50(age))
