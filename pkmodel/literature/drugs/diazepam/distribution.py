r"""Diazepam's distribution phase: a two-compartment split calibrated to published single doses.

Diazepam leaves plasma for the tissues within the first hours, which is why one dose wears off
long before one half-life has passed. K75 (two-compartment analysis of IV data) found that the
initial distribution space :math:`V_1` and :math:`V_{ss}` rise together with age and drive the
longer half-life; no source found here gives :math:`V_1`, the peripheral volume or the
intercompartmental clearance :math:`Q` for young and elderly adults. So they are **calibrated**
(a named teaching assumption, ``DIAZEPAM_TWO_COMPARTMENT_CALIBRATION``):

* two shape numbers are fixed for every age: :math:`r = V_1/V_{ss}` and :math:`q = Q/CL`. With
  clearance and terminal half-life from the cited studies, :math:`V_1` and :math:`V_2` follow
  in closed form (below), so a larger :math:`V_{ss}` in the elderly means a larger :math:`V_1`
  and a lower peak, as K75 and ABS report;
* :math:`r` and :math:`q` minimise the squared log errors of three published figures on the
  young-adult preset (70 kg, ABS absorption): G89's peak of 406 ng/mL after 10 mg, ABS's peak of
  157 ng/mL after 5 mg and its tmax of 0.9 h. The two peaks disagree (406 vs 2 x 157 = 314 per
  10 mg), so the fit lands between them.

Closed form for the volumes: with :math:`\beta = \ln 2/t_{1/2}` and :math:`x = CL/V_{ss}`, the rate
constants are :math:`k_{10} = x/r`, :math:`k_{12} = qx/r`, :math:`k_{21} = qx/(1-r)`, and
:math:`\beta` is the smaller root of :math:`s^2 - (k_{10}+k_{12}+k_{21})s + k_{10}k_{21} = 0`, i.e.

.. math::  a x^2 - b x + \beta^2 = 0,\quad a = \frac{q}{r(1-r)},\quad
           b = \beta\Big(\frac{1+q}{r} + \frac{q}{1-r}\Big),\quad x = \frac{b + \sqrt{b^2 - 4a\beta^2}}{2a}

(the larger root makes :math:`\beta` the slower phase). Then :math:`V_{ss} = CL/x`,
:math:`V_1 = r V_{ss}`, :math:`V_2 = (1-r) V_{ss}`, :math:`Q = q\,CL`.

The fit is a coarse-to-fine grid search on :math:`(\ln r, \ln q)` (numpy only, deterministic),
with the single-dose curve solved exactly by eigen-decomposition; it runs once and is cached.
"""

from __future__ import annotations

import math
from functools import lru_cache

import numpy as np

from ....units import CONCENTRATION_UNITS, LN2
from ...values import Value, assumption, derived

#: Search box for the calibration: V1/Vss and Q/CL.
_R_RANGE = (0.02, 0.95)
_Q_RANGE = (0.2, 500.0)


def volumes(clearance: float, half_life: float, r: float, q: float) -> tuple[float, float, float]:
    """``(V1, V2, Q)`` (L, L, L/h) giving terminal ``half_life`` with clearance ``clearance`` (see the docstring)."""
    beta = LN2 / half_life
    a = q / (r * (1.0 - r))
    b = beta * ((1.0 + q) / r + q / (1.0 - r))
    x = (b + np.sqrt(b * b - 4.0 * a * beta * beta)) / (2.0 * a)
    vss = clearance / x
    return r * vss, (1.0 - r) * vss, q * clearance


def single_dose_peak(r, q, *, clearance: float, half_life: float, ka: float, bioavailability: float, lag: float,
                     dose_mg: float, dt: float = 0.01, horizon_h: float = 6.0):
    """Peak (ng/mL) and tmax (h) of the central concentration after one oral dose, for arrays ``r``, ``q``.

    Exact solution on a grid of step ``dt`` by eigen-decomposition of the 3-state system (central,
    peripheral, gut), refined by a parabola through the three grid points around the maximum.
    """
    r, q = np.atleast_1d(np.asarray(r, float)), np.atleast_1d(np.asarray(q, float))
    v1, v2, cl_d = volumes(clearance, half_life, r, q)
    k = np.zeros((r.size, 3, 3))
    k[:, 0, 0] = -(clearance + cl_d) / v1
    k[:, 0, 1] = cl_d / v2
    k[:, 0, 2] = ka
    k[:, 1, 0] = cl_d / v1
    k[:, 1, 1] = -cl_d / v2
    k[:, 2, 2] = -ka
    lam, vec = np.linalg.eig(k)
    lam, vec = lam.real, vec.real  # a linear mammillary system has real eigenvalues
    x0 = np.zeros((r.size, 3, 1))
    x0[:, 2, 0] = bioavailability * dose_mg
    y = np.linalg.solve(vec, x0)[..., 0]
    t = np.arange(0.0, horizon_h, dt)
    conc = np.einsum("sj,sj,sjt->st", vec[:, 0, :], y, np.exp(lam[:, :, None] * t)) / v1[:, None]
    conc *= CONCENTRATION_UNITS["ng/mL"]
    i = np.clip(conc.argmax(axis=1), 1, t.size - 2)
    s = np.arange(r.size)
    c0, c1, c2 = conc[s, i - 1], conc[s, i], conc[s, i + 1]
    curv = c0 - 2 * c1 + c2
    off = np.where(curv != 0, 0.5 * (c0 - c2) / np.where(curv != 0, curv, 1.0), 0.0)
    return c1 - 0.25 * (c0 - c2) * off, t[i] + off * dt + lag


@lru_cache(maxsize=None)
def _fit(clearance, half_life, ka, bioavailability, lag, targets):
    """Grid search (5 levels of 21 x 21, zooming 4x) for ``(r, q)``; ``targets`` = ((dose, peak), ..., tmax)."""
    *peaks, tmax = targets
    lr = [math.log(x) for x in _R_RANGE]
    lq = [math.log(x) for x in _Q_RANGE]
    best = None
    for _ in range(5):
        gr, gq = np.meshgrid(np.linspace(*lr, 21), np.linspace(*lq, 21))
        r, q = np.exp(gr.ravel()), np.exp(gq.ravel())
        r = np.clip(r, *_R_RANGE)
        q = np.clip(q, *_Q_RANGE)
        kw = dict(clearance=clearance, half_life=half_life, ka=ka, bioavailability=bioavailability, lag=lag)
        err = 0.0
        tm = None
        for dose, peak in peaks:
            pk, tm = single_dose_peak(r, q, dose_mg=dose, **kw)
            err = err + np.log(pk / peak) ** 2
        err = err + np.log(tm / tmax) ** 2
        j = int(np.argmin(err))
        best = (float(r[j]), float(q[j]))
        wr, wq = (lr[1] - lr[0]) / 8, (lq[1] - lq[0]) / 8
        lr = [math.log(best[0]) - wr, math.log(best[0]) + wr]
        lq = [math.log(best[1]) - wq, math.log(best[1]) + wq]
    return best


def calibrate(clearance: Value, half_life: Value, ka: Value, bioavailability: Value, lag: Value,
              peaks: tuple[tuple[Value, Value], ...], tmax: Value) -> tuple[Value, Value]:
    """``(V1/Vss, Q/CL)`` as named teaching assumptions, fitted to ``peaks`` ((dose, peak), ...) and ``tmax``.

    The result is cached: every preset reuses it.
    """
    targets = tuple((d.value, p.value) for d, p in peaks) + (tmax.value,)
    r, q = _fit(clearance.value, half_life.value, ka.value, bioavailability.value, lag.value, targets)
    shown = {}
    for dose, peak in peaks:
        pk, tm = single_dose_peak(r, q, clearance=clearance.value, half_life=half_life.value, ka=ka.value,
                                  bioavailability=bioavailability.value, lag=lag.value, dose_mg=dose.value)
        shown[(dose.value, peak.value, peak.source_key)] = (float(pk[0]), float(tm[0]))
    result = "; ".join(f"{d:g} mg: peak {pk:.0f} ng/mL at {tm:.2f} h (target {p:g} ng/mL, {key})"
                       for (d, p, key), (pk, tm) in shown.items())
    text = (f"diazepam's two-compartment shape, calibrated (no source gives V1 or Q by age): on the young-adult "
            f"preset (CL {clearance.value:.4g} L/h, t1/2 {half_life.value:g} h, ABS absorption) V1/Vss and Q/CL "
            f"minimise the squared log errors of the single-dose figures; targets: "
            + ", ".join(f"peak {p.value:g} ng/mL after {d.value:g} mg ({p.source_key})" for d, p in peaks)
            + f", tmax {tmax.value:g} h ({tmax.source_key}); result: {result}. Both ratios are then held "
              "fixed at every age, so V1 rises with Vss (K75).")
    r_val = assumption("DIAZEPAM_TWO_COMPARTMENT_CALIBRATION", r, "1", "V1/Vss = " + f"{r:.4f}; " + text)
    q_val = derived(q, "1", f"Q/CL = {q:.4f}, fitted together with V1/Vss (DIAZEPAM_TWO_COMPARTMENT_CALIBRATION)",
                    r_val, clearance, half_life, *(x for pair in peaks for x in pair), tmax)
    return r_val, q_val
