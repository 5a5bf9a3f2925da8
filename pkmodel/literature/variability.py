r"""Between-subject variability: virtual populations around a preset's group means (for teaching).

Each subject's clearance and volume of each compartment are the preset's values times independent
log-normal factors with median 1:

.. math::  f = e^{\sigma z},\quad z \sim N(0, 1),\quad \sigma^2 = \ln(1 + CV^2),

so the factors' coefficient of variation is exactly CV and the preset's value is the population
median (geometric mean). G89 found t½, k and V log-normally distributed even in a homogeneous
group, which motivates the log-normal form.

Default CVs (:data:`DEFAULT_CV`), each derived from a published mean ± SD:

* DZ clearance: 34 % (K77, DZ CL 32.3 ± 11.0 mL/min, n=4).
* DZ volume: 30 % (K75, t½ 46.6 ± 14.2 h in age-matched controls), taking within-group t½
  variability to be volume-driven as K75's age effect is. Because CL and V are sampled
  independently the simulated t½ spread is somewhat wider than reported (a simplification).
* DMDZ clearance: 27 % (K77, 11.3 ± 3.1 mL/min, n=4).
* DMDZ volume: 12 % (K77, t½ 50.9 ± 6.2 h, n=4).
* Temazepam and oxazepam CL and V: 30 % (teaching assumption ``CV_CONJUGATED_METABOLITES``).
"""

from __future__ import annotations

import numpy as np

from .. import _validate as check
from ..model import ModelBatch
from . import values as v
from .presets import Preset
from .values import Value, ratio

#: Default CVs by ``"<compartment>.clearance"`` / ``"<compartment>.volume"``, with provenance.
DEFAULT_CV: dict[str, Value] = {
    "diazepam.clearance": ratio(v.K77_DZ_CL_SD, v.K77_DZ_CL, "CV = SD/mean of DZ CL, K77 (32.3 +/- 11.0 mL/min)"),
    "diazepam.volume": ratio(v.K75_CONTROL_T_HALF_SD, v.K75_CONTROL_T_HALF,
                             "CV = SD/mean of DZ t1/2 in K75 controls (46.6 +/- 14.2 h), taken as volume-driven"),
    "desmethyldiazepam.clearance": ratio(v.K77_DMDZ_CL_SD, v.K77_DMDZ_CL,
                                         "CV = SD/mean of DMDZ CL, K77 (11.3 +/- 3.1 mL/min)"),
    "desmethyldiazepam.volume": ratio(v.K77_DMDZ_T_HALF_SD, v.K77_DMDZ_T_HALF,
                                      "CV = SD/mean of DMDZ t1/2, K77 (50.9 +/- 6.2 h), taken as volume-driven"),
    "temazepam.clearance": v.CV_CONJUGATED_METABOLITES,
    "temazepam.volume": v.CV_CONJUGATED_METABOLITES,
    "oxazepam.clearance": v.CV_CONJUGATED_METABOLITES,
    "oxazepam.volume": v.CV_CONJUGATED_METABOLITES,
}


def _cvs(preset: Preset, cv) -> dict[str, float]:
    names = preset.model.names
    keys = [f"{n}.{k}" for n in names for k in ("clearance", "volume")]
    if cv is None:
        return {k: DEFAULT_CV[k].value for k in keys}
    if isinstance(cv, dict):
        unknown = set(cv) - set(keys)
        if unknown:
            raise ValueError(f"cv keys must be among {keys}; got {sorted(unknown)}")
        out = {k: DEFAULT_CV[k].value for k in keys}
        for k, c in cv.items():
            out[k] = check.non_negative(f"cv[{k!r}]", float(c) if isinstance(c, Value) else c)
        return out
    c = check.non_negative("cv", cv)
    return {k: c for k in keys}


def virtual_population(preset: Preset, n: int, *, seed=None, cv=None) -> ModelBatch:
    """``n`` virtual subjects around ``preset`` (log-normal CL and V factors; see the module docstring).

    Parameters
    ----------
    preset : a :class:`~pkmodel.literature.presets.Preset`.
    n : number of subjects (integer >= 1).
    seed : ``None``, an int or a :class:`numpy.random.Generator`; the same seed gives the same population.
    cv : ``None`` (published defaults, :data:`DEFAULT_CV`), one number for every CL and V, or a dict
        overriding some keys (``{"diazepam.clearance": 0.5}``).

    Returns a :class:`~pkmodel.model.ModelBatch` for :func:`pkmodel.simulate`. For teaching: the
    spread illustrates published variability around group means.
    """
    if not isinstance(preset, Preset):
        raise ValueError(f"preset must be a Preset; got {type(preset).__name__}")
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 1:
        raise ValueError(f"n must be an integer >= 1; got {n!r}")
    cvs = _cvs(preset, cv)
    rng = seed if isinstance(seed, np.random.Generator) else np.random.default_rng(seed)
    vol_f, cl_f = {}, {}
    for name in preset.model.names:  # fixed order: reproducible for a given seed
        for kind, store in (("clearance", cl_f), ("volume", vol_f)):
            sigma = np.sqrt(np.log1p(cvs[f"{name}.{kind}"] ** 2))
            store[name] = np.exp(sigma * rng.standard_normal(int(n)))
    return preset.model.vary(volume_factor=vol_f, clearance_factor=cl_f)


def percentile_bands(result, name: str, *, unit: str = "ng/mL", percentiles=(5, 50, 95)) -> np.ndarray:
    """Percentiles across subjects of the concentration of ``name``: shape (len(percentiles), N times)."""
    pct = np.asarray(percentiles, dtype=float)
    if pct.ndim != 1 or pct.size == 0 or not np.all((pct >= 0) & (pct <= 100)):
        raise ValueError(f"percentiles must be a non-empty sequence of numbers in [0, 100]; got {percentiles!r}")
    c = np.asarray(result.concentration(name, unit))
    if c.ndim == 1:
        c = c[None, :]
    return np.percentile(c, pct, axis=0)
