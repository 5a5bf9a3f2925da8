r"""Exact simulation of a linear compartment model under a dosing regimen.

Between dose events the state obeys :math:`\dot x = K x + u` with constant infusion input
:math:`u`, whose exact solution over a step :math:`\tau` is

.. math::

    x(t_k + \tau) = e^{K\tau} x_k + \Big(\int_0^\tau e^{Ks} ds\Big) u_k .

With the eigen-decomposition :math:`K = V \Lambda V^{-1}` this is
:math:`V\,[\,e^{\lambda\tau} \odot y_k + \varphi(\lambda,\tau) \odot w_k\,]` with
:math:`y_k = V^{-1}x_k`, :math:`w_k = V^{-1}u_k`, :math:`\varphi(\lambda,\tau) = (e^{\lambda\tau}-1)/\lambda`
(:math:`=\tau` at :math:`\lambda = 0`), evaluated for the whole time grid at once. The time
integral of the state (for AUC and the amount eliminated) follows with
:math:`\psi(\lambda,\tau) = (\varphi - \tau)/\lambda`. The states at the E segment starts
obey the affine recurrence :math:`y_k = e^{\lambda\Delta_{k-1}} y_{k-1} + c_k`, solved by a
prefix scan in :math:`\lceil\log_2 E\rceil` vectorised steps (:func:`pkmodel._exact.affine_scan`).

When two rate constants coincide or nearly coincide (:math:`k_a = k`, the Bateman trap; a
metabolite as long-lived as its parent) the eigenvectors become (nearly) parallel; for those
subjects (eigenvector condition number >= :data:`CONDITION_LIMIT`, or eigenvalues closer than
:data:`GAP_LIMIT`) the engine works instead in
a triangular form :math:`K = U T U^H` and evaluates :math:`e^{T\tau}` and its integrals exactly
through divided differences of the exponential (:mod:`pkmodel._exact`): exact for equal rates,
for any spacing and any compartment order, with no perturbation.

Accuracy (tests/test_engine_near_equal.py, against 50-digit mpmath references): within
1e-12 of the peak everywhere and 1e-9 relative wherever a value exceeds 1e-6 of its peak, for
rate constants equal or 1e-14 ... 1e-2 (relative) apart in any compartment order, chains of up
to 4 species with an oral depot (ka equal or near-equal too), a peripheral compartment,
IV/infusion/oral and repeated doses; AUC and the amount eliminated to 1e-9 relative (mass
balance to 1e-11). Observed worst cases: 1.1e-13 of the peak and 2e-10 relative (the latter on
the eigen path at t = 1e-4 h; the triangular path stays below 5e-11).

Doses are applied at exactly their times (a bolus makes the state jump; the default
``side="right"`` reports the value just after a dose at that instant, ``side="left"`` just
before). No adaptive ODE solver is involved.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np

from . import _validate as check
from ._exact import SPLIT_CONDITION, SPLIT_GAP, TriangularPart, affine_scan
from .model import Model, ModelBatch
from .regimen import Regimen
from .result import Result, _times

#: Eigenvector condition number from which a subject takes the triangular (divided-difference)
#: path instead of the eigen path. Below it (and with eigenvalues GAP_LIMIT apart) the eigen
#: path's rounding error, ~cond x 1e-16 of the state, stays under 1e-13 of the peak (observed
#: against 50 digits for rates 3e-2 apart: 1.5e-14 of the peak; relative error 2e-10 at
#: t = 1e-4 h, where the metabolite is 1e-4 of its peak and two modes cancel). The triangular
#: path is exact to rounding for any spacing, equal rates included (observed <= 1.1e-13 of the
#: peak, <= 5e-11 relative above 1e-6 of the peak); it keeps well-separated modes diagonal and
#: forms divided differences only within clusters of near-equal rates, costing ~1.8-2x the eigen
#: path for one subject (benchmarks/bench_engine.py, (d)).
CONDITION_LIMIT = 1e3
#: Smallest relative gap |lambda_i - lambda_j| / max(|lambda_i|, |lambda_j|) between eigenvalues
#: for the eigen path. A metabolite formed in a small fraction has a small peak but inherits the
#: eigen path's error ~1e-16 / gap of the *parent's* amount (rates 3e-4 apart, 12 % formed:
#: 1.4e-12 of the metabolite's peak at a condition number of only 800); from 1e-2 apart it is
#: below 1e-13 of any compartment's peak.
GAP_LIMIT = 1e-2
#: Largest first-order rate constant the engine accepts, 1/h (a half-life of 2.5 ns).
MAX_RATE_CONSTANT = 1e9
#: Largest infusion rate accepted, mg/h.
MAX_INFUSION_RATE = 1e100
#: Elements (subjects x times x states) evaluated at once: bounds the temporaries.
_CHUNK = 1 << 18


__all__ = ["simulate", "Result", "CONDITION_LIMIT", "GAP_LIMIT", "MAX_RATE_CONSTANT", "MAX_INFUSION_RATE"]


def _phi(z: np.ndarray, tau: np.ndarray) -> np.ndarray:
    """(e^z - 1)/z * tau, with z = lambda*tau; tau at z = 0."""
    with np.errstate(invalid="ignore", divide="ignore"):
        out = np.where(z == 0, 1.0, np.expm1(z) / np.where(z == 0, 1.0, z))
    return out * tau


def _psi(z: np.ndarray, tau: np.ndarray) -> np.ndarray:
    """(e^z - 1 - z)/z^2 * tau^2 (the integral of phi), by its series where |z| is small."""
    small = np.abs(z) < 1e-3
    zs = np.where(small, 1.0, z)  # a safe dummy where the series is used
    with np.errstate(invalid="ignore", over="ignore"):
        big = (np.expm1(zs) - zs) / zs ** 2
    series = 0.5 + z / 6 + z ** 2 / 24 + z ** 3 / 120
    return np.where(small, series, big) * tau ** 2


@dataclass(frozen=True)
class _Events:
    """Segment starts and, per segment, the bolus added at its start and the infusion rate in it."""

    starts: np.ndarray  # (E,) with starts[0] == 0
    bolus: np.ndarray  # (E, m) state units added at each start
    rate: np.ndarray  # (E, m) state units per hour during the segment


def _events(model: Model, regimen: Regimen) -> _Events:
    m = model.n_states
    mw = model.molar_masses()
    doses = regimen.doses
    n = len(doses)
    time = np.fromiter((d.time for d in doses), float, n)
    amount = np.fromiter((d.amount for d in doses), float, n)
    duration = np.fromiter((d.duration for d in doses), float, n)
    route = [d.route for d in doses]
    oral = np.fromiter((r == "oral" for r in route), bool, n)
    infusion = np.fromiter((r == "infusion" for r in route), bool, n)
    target = np.full(n, m - 1)
    if oral.any():
        if model.absorption is None:
            raise ValueError(f"route 'oral' needs a model with an absorption route; model "
                             f"{model.name or model.names} has none (use 'iv' or 'infusion')")
        into = model.index(model.absorption.into)
        amount = np.where(oral, model.absorption.bioavailability * amount, amount)
        time = np.where(oral, time + model.absorption.lag, time)
    if not oral.all():
        where = {}
        for i in np.flatnonzero(~oral):
            name = doses[i].compartment or model.dose_compartment
            if name not in where:
                where[name] = model.index(name, what="dose compartment")
            target[i] = where[name]
    mass = np.ones(n)
    mass[oral] = mw[into] if oral.any() else 1.0
    mass[~oral] = mw[target[~oral]]
    per_state = amount / mass  # state units
    with np.errstate(divide="ignore", over="ignore", invalid="ignore"):
        rate = np.where(infusion, per_state / np.where(infusion, duration, 1.0), 0.0)
        fast = infusion & ~(np.abs(amount / np.where(infusion, duration, 1.0)) <= MAX_INFUSION_RATE)
    if fast.any():
        i = int(np.argmax(fast))
        raise ValueError(f"infusion {i} ({doses[i].amount:g} mg over {doses[i].duration:g} h) would run at "
                         f"{doses[i].amount / doses[i].duration:g} mg/h; the infusion rate amount/duration "
                         f"must be at most {MAX_INFUSION_RATE:g} mg/h (give it as an 'iv' bolus instead)")
    stop = time + np.where(infusion, duration, 0.0)
    times = np.unique(np.concatenate([[0.0], time, stop[infusion]]))
    E = times.size
    bolus = np.zeros((E, m))
    delta = np.zeros((E, m))
    b = ~infusion
    np.add.at(bolus, (np.searchsorted(times, time[b]), target[b]), per_state[b])
    np.add.at(delta, (np.searchsorted(times, time[infusion]), target[infusion]), rate[infusion])
    np.add.at(delta, (np.searchsorted(times, stop[infusion]), target[infusion]), -rate[infusion])
    rates = np.cumsum(delta, axis=0)
    rates[np.abs(rates) < 1e-14 * (np.abs(delta).max() + 1e-300)] = 0.0  # exact zero after an infusion ends
    return _Events(times, bolus, rates)


class _ModalPart:
    r"""Eigen path for subjects whose eigenvectors are well conditioned.

    In modal coordinates :math:`y = V^{-1}x` the propagation is diagonal, so the states at the
    segment starts follow from the affine scan
    :math:`y_{k} = e^{\lambda\Delta_{k-1}}y_{k-1} + \varphi_{k-1} w_{k-1} + V^{-1}b_{k}`, and the
    time integral of the state (:math:`J = \int y`) from a cumulative sum,
    :math:`J_k = \sum_{l<k} \varphi_l\,y_l + \psi_l\,w_l`.
    """

    def __init__(self, lam, vec, ev: _Events, has_input: bool):
        if np.iscomplexobj(lam) and not np.any(lam.imag):
            lam, vec = lam.real, vec.real
        self.lam, self.vec, self.has_input = lam, vec, has_input
        vinv = np.linalg.inv(vec)
        b = np.einsum("sij,ej->sei", vinv, ev.bolus)
        w = np.einsum("sij,ej->sei", vinv, ev.rate) if has_input else None
        J = np.zeros_like(b)
        if b.shape[1] > 1:
            tau = np.diff(ev.starts)[None, :, None]
            z = lam[:, None, :] * tau
            ph = _phi(z, tau)
            a = np.empty_like(b)
            a[:, 0] = 0.0
            a[:, 1:] = np.exp(z)
            if has_input:
                b[:, 1:] += ph * w[:, :-1]
            y = affine_scan(a, b)
            inc = ph * y[:, :-1]
            if has_input:
                inc += _psi(z, tau) * w[:, :-1]
            np.cumsum(inc, axis=1, out=J[:, 1:])
        else:
            y = b
        # stored (S, m, E): evaluation runs along the long time axis, which must be the last one
        self.y, self.J = (np.ascontiguousarray(np.swapaxes(a_, 1, 2)) for a_ in (y, J))
        self.w = np.ascontiguousarray(np.swapaxes(w, 1, 2)) if has_input else None

    def evaluate(self, k, tau, integral, rows=slice(None)):
        """State and integral in (S', m, N) layout for subjects ``rows``."""
        t = tau[None, None, :]
        z = self.lam[rows, :, None] * t
        ph = _phi(z, t) if (self.has_input or integral) else None
        ps = _psi(z, t) if (self.has_input and integral) else None
        yk = np.take(self.y[rows], k, axis=2)
        # in place: each (S, m, N) temporary costs as much as the arithmetic on it
        modal = np.exp(z, out=z)
        modal *= yk
        if self.has_input:
            wk = np.take(self.w[rows], k, axis=2)
            modal += ph * wk
        vec = self.vec[rows]
        x = (vec @ modal).real
        integ = None
        if integral:
            im = ph * yk
            im += np.take(self.J[rows], k, axis=2)
            if self.has_input:
                im += ps * wk
            integ = (vec @ im).real
        return x, integ


@functools.lru_cache(maxsize=16)
def _pairs(m: int):
    return np.triu_indices(m, 1)


def _min_relative_gap(lam: np.ndarray) -> np.ndarray:
    """Per subject, the smallest |lambda_i - lambda_j| / max(|lambda_i|, |lambda_j|) over i != j (inf if m = 1)."""
    m = lam.shape[1]
    if m < 2:
        return np.full(lam.shape[0], np.inf)
    i, j = _pairs(m)
    scale = np.maximum(np.abs(lam[:, i]), np.abs(lam[:, j]))
    with np.errstate(divide="ignore", invalid="ignore"):
        gap = np.where(scale > 0, np.abs(lam[:, i] - lam[:, j]) / np.where(scale > 0, scale, 1.0), 0.0)
    return gap.min(axis=1)


class _Solution:
    """Piecewise exact solution for S subjects; evaluates state and its integral at any times.

    Each subject takes the eigen path unless its eigenvector matrix is ill conditioned
    (condition number >= CONDITION_LIMIT) or two of its eigenvalues are within GAP_LIMIT
    (relative) of each other, i.e. rate constants that coincide or nearly do; those subjects
    alone take the triangular (divided-difference) path.
    """

    def __init__(self, K: np.ndarray, ev: _Events):
        self.K = K  # (S, m, m)
        self.ev = ev
        self.has_input = bool(np.any(ev.rate))
        lam, vec = np.linalg.eig(K)
        with np.errstate(all="ignore"):
            cond = np.linalg.cond(vec)
        ok = np.isfinite(cond) & (cond < CONDITION_LIMIT) & (_min_relative_gap(lam) >= GAP_LIMIT)
        #: True when every subject took the eigen path.
        self.modal = bool(ok.all())
        self._parts = []
        modal_idx, exact_idx = np.flatnonzero(ok), np.flatnonzero(~ok)
        with np.errstate(over="ignore", invalid="ignore"):  # an overflow is reported by evaluate()
            if modal_idx.size:
                self._parts.append((modal_idx, _ModalPart(lam[modal_idx], vec[modal_idx], ev, self.has_input)))
            if exact_idx.size:
                self._parts.append((exact_idx, TriangularPart(K[exact_idx], ev, self.has_input,
                                                                    SPLIT_GAP, SPLIT_CONDITION)))

    def evaluate(self, times: np.ndarray, side: str = "right", integral: bool = True):
        """State and (if asked) its integral from 0, shape (S, N, m) each, at ``times`` (h)."""
        k = np.searchsorted(self.ev.starts, times, side=side) - 1
        before = k < 0  # only at t = 0 with side="left": nothing given yet
        k = np.maximum(k, 0)
        tau = np.where(before, 0.0, times - self.ev.starts[k])
        S, m = self.K.shape[0], self.K.shape[1]
        # (S, m, N) buffers, filled a few subjects at a time so the temporaries stay in cache
        x = np.empty((S, m, times.size))
        integ = np.empty((S, m, times.size)) if integral else None
        for idx, part in self._parts:
            step = max(1, _CHUNK // max(1, times.size * getattr(part, "width", m)))
            contiguous = idx.size == S
            for lo in range(0, idx.size, step):
                rows = slice(lo, lo + step)
                with np.errstate(over="ignore", invalid="ignore"):  # checked below, by name
                    xp, ip = part.evaluate(k, tau, integral, rows)
                dest = rows if contiguous else idx[rows]
                x[dest] = xp
                if integral:
                    integ[dest] = ip
        x = np.swapaxes(x, 1, 2)  # the (S, N, m) view callers index as state[..., i]
        integ = np.swapaxes(integ, 1, 2) if integral else None
        if before.any():
            x[:, before] = 0.0
            if integral:
                integ[:, before] = 0.0
        for what, arr in (("state", x), ("time integral of the state", integ)):
            if arr is not None and not np.isfinite(arr).all():
                s, n, i = np.argwhere(~np.isfinite(arr))[0]
                raise OverflowError(f"the {what} overflowed (subject {s}, t = {times[n]:g} h, state {i}): "
                                    f"dose amounts (largest {np.abs(self.ev.bolus).max():g} state units), "
                                    f"infusion rates (largest {np.abs(self.ev.rate).max():g} per h) or times "
                                    f"(latest {times.max():g} h) are too large for double precision")
        return x, integ


def _check_rates(model: Model, K: np.ndarray) -> None:
    """Refuse rate constants (clearance / volume) that overflow or exceed MAX_RATE_CONSTANT."""
    worst = np.abs(K).max(axis=(0, 1)) if K.ndim == 3 else np.abs(K).max(axis=0)
    bad = ~(worst <= MAX_RATE_CONSTANT)
    if bad.any():
        j = int(np.argmax(bad))
        if j < len(model.compartments):
            c = model.compartments[j]
            raise ValueError(f"rate constant out of {c.name!r} (clearance / volume) is {worst[j]:g} 1/h; it must "
                             f"be at most {MAX_RATE_CONSTANT:g} 1/h, so the volume of {c.name!r} (L) must be at "
                             f"least its total outflow clearance / {MAX_RATE_CONSTANT:g} (got volume "
                             f"{c.volume:g} L, outflow clearance {model.outflow_clearance(c.name):g} L/h)")
        raise ValueError(f"ka (1/h) must be at most {MAX_RATE_CONSTANT:g}; got {worst[j]:g}")


def simulate(model: Model | ModelBatch, regimen: Regimen, times, *, side: str = "right") -> Result:
    """Concentrations and amounts of every compartment at ``times`` (h) under ``regimen``.

    Parameters
    ----------
    model : a :class:`~pkmodel.model.Model`, or a :class:`~pkmodel.model.ModelBatch` of S
        subjects (results then carry a leading subject axis).
    regimen : the doses.
    times : sorted, non-negative times in hours.
    side : ``"right"`` (default) reports the value just after a dose given at that instant,
        ``"left"`` the value just before it (a trough).

    Raises
    ------
    TypeError for a model, regimen or times of the wrong type; ValueError for bad values,
    rate constants above :data:`MAX_RATE_CONSTANT` or infusion rates above
    :data:`MAX_INFUSION_RATE`; OverflowError if a state would not be finite.
    """
    if isinstance(model, ModelBatch):
        base, K = model.model, model.rate_matrix()
        volumes = model.volumes()
        el_cl = model.elimination_clearances()
        batched = True
    elif isinstance(model, Model):
        base, K = model, model.rate_matrix()[None]
        volumes = np.array([[c.volume for c in model.compartments]])
        el_cl = np.array([[c.clearance for c in model.compartments]])
        batched = False
    else:
        raise TypeError(f"model must be a Model or ModelBatch; got {model!r:.60} ({type(model).__name__})")
    if not isinstance(regimen, Regimen):
        raise TypeError(f"regimen must be a Regimen (e.g. pkmodel.single_dose(10.0)); got {regimen!r:.60} "
                        f"({type(regimen).__name__})")
    check.choice("side", side, ("right", "left"))
    t = _times("times", times)
    _check_rates(base, K)
    solution = _Solution(K, _events(base, regimen))
    x, _ = solution.evaluate(t, side, integral=False)
    return Result(t, base, regimen, x, volumes, el_cl, batched, solution, side)
