r"""Between-subject variability: virtual populations around a preset's group means (for teaching).

Each subject's clearance and volume of each compartment are the preset's values times independent
log-normal factors with median 1:

.. math::  f = e^{\sigma z},\quad z \sim N(0, 1),\quad \sigma^2 = \ln(1 + CV^2),

so the factors' coefficient of variation is exactly CV and the preset's value is the population
median (geometric mean). G89 found t½, k and V log-normally distributed even in a homogeneous
group, which motivates the log-normal form.

The CVs come from the drug modules (``Drug.default_cv``, each a Value): a species' CV is read
from the preset's drug, else from the drug module of that name (temazepam's own module for the
temazepam formed from diazepam). Diazepam's are derived from published mean +/- SD (K77, K75);
the conjugated comparators use the teaching assumption ``CV_CONJUGATED_METABOLITES``. A species
with neither is refused with a ``ValueError`` (pass ``cv=`` to choose one). A two-compartment
drug's central and peripheral compartments share one subject's factors, so its terminal
half-life scales by :math:`f_V/f_{CL}` exactly.
"""

from __future__ import annotations

from numbers import Integral

import numpy as np

from .. import _validate as check
from ..model import ModelBatch
from .naming import unknown
from .presets import Preset
from .registry import drugs, get_drug
from .values import Value


def default_cvs(preset: Preset) -> dict[str, Value]:
    """The CV of every species' clearance and volume in ``preset``, keyed ``"<species>.clearance"``."""
    out: dict[str, Value] = {}
    for sp in dict.fromkeys(c.species for c in preset.model.compartments):
        for kind in ("clearance", "volume"):
            key = f"{sp}.{kind}"
            for owner in (preset.drug, sp):
                d = get_drug(owner) if owner in drugs() else None
                if d is not None and key in d.default_cv:
                    out[key] = d.default_cv[key]
                    break
            else:
                raise ValueError(f"no default CV for {key!r}: neither drug {preset.drug!r} nor a drug module named "
                                 f"{sp!r} gives one; pass cv= (a number, or a dict with {key!r})")
    return out


def _cvs(preset: Preset, cv) -> dict[str, float]:
    species = list(dict.fromkeys(c.species for c in preset.model.compartments))
    keys = [f"{s}.{k}" for s in species for k in ("clearance", "volume")]
    if isinstance(cv, dict):
        for k in cv:
            if k not in keys:
                raise unknown("cv key", k, keys)
        defaults = {k: v.value for k, v in default_cvs(preset).items()} if set(cv) != set(keys) else {}
        out = {k: defaults.get(k) for k in keys}
        for k, c in cv.items():
            out[k] = check.non_negative(f"cv[{k!r}]", float(c) if isinstance(c, Value) else c)
        return out
    if cv is None:
        return {k: v.value for k, v in default_cvs(preset).items()}
    c = check.non_negative("cv", cv)
    return {k: c for k in keys}


def _rng(seed):
    if isinstance(seed, np.random.Generator):
        return seed
    if seed is None:
        return np.random.default_rng()
    if isinstance(seed, (bool, np.bool_)) or not isinstance(seed, Integral):
        raise TypeError(f"seed must be None, a non-negative integer or a numpy Generator; got {seed!r} "
                        f"({type(seed).__name__})")
    if seed < 0:
        raise ValueError(f"seed must be None, a non-negative integer or a numpy Generator; got {seed!r}")
    return np.random.default_rng(int(seed))


def virtual_population(preset: Preset, n: int, *, seed=None, cv=None) -> ModelBatch:
    """``n`` virtual subjects around ``preset`` (log-normal CL and V factors; see the module docstring).

    Parameters
    ----------
    preset : a :class:`~pkmodel.literature.presets.Preset`.
    n : number of subjects (integer >= 1).
    seed : ``None``, an int or a :class:`numpy.random.Generator`; the same seed gives the same population.
    cv : ``None`` (the drug modules' defaults, :func:`default_cvs`), one number for every CL and V, or a dict
        overriding some keys (``{"diazepam.clearance": 0.5}``).

    Returns a :class:`~pkmodel.model.ModelBatch` for :func:`pkmodel.simulate`. For teaching: the
    spread illustrates published variability around group means.
    """
    if not isinstance(preset, Preset):
        raise TypeError(f"preset must be a Preset; got {preset!r} ({type(preset).__name__})")
    if isinstance(n, (bool, np.bool_)) or not isinstance(n, Integral):
        raise TypeError(f"n must be an integer >= 1; got {n!r} ({type(n).__name__})")
    if n < 1:
        raise ValueError(f"n must be an integer >= 1; got {n!r}")
    rng = _rng(seed)
    cvs = _cvs(preset, cv)
    vol_f, cl_f = {}, {}
    comps = preset.model.compartments
    for sp in dict.fromkeys(c.species for c in comps):  # fixed order: reproducible for a given seed
        for kind, store in (("clearance", cl_f), ("volume", vol_f)):
            sigma = np.sqrt(np.log1p(cvs[f"{sp}.{kind}"] ** 2))
            f = np.exp(sigma * rng.standard_normal(int(n)))
            for c in comps:  # one factor per subject for every compartment of the species
                if c.species == sp:
                    store[c.name] = f
    return preset.model.vary(volume_factor=vol_f, clearance_factor=cl_f)


def percentile_bands(result, name: str, *, unit: str = "ng/mL", percentiles=(5, 50, 95)) -> np.ndarray:
    """Percentiles across subjects of the concentration of ``name``: shape (len(percentiles), N times)."""
    allowed = "a non-empty sequence of numbers in [0, 100]"
    try:
        pct = np.asarray(percentiles, dtype=float)
    except (TypeError, ValueError):
        raise TypeError(f"percentiles must be {allowed}; got {percentiles!r}") from None
    if pct.ndim != 1 or pct.size == 0 or not np.all((pct >= 0) & (pct <= 100)):
        raise ValueError(f"percentiles must be {allowed}; got {percentiles!r}")
    c = np.asarray(result.concentration(name, unit))
    if c.ndim == 1:
        c = c[None, :]
    return np.percentile(c, pct, axis=0)
