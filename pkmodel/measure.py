r"""Measurements on a simulated :class:`~pkmodel.simulate.Result`: peaks, troughs, averages, AUC.

:func:`interval_summary`, :func:`interval_average`, :func:`troughs`, :func:`time_below_fraction` and :func:`auc`
re-evaluate the exact solution with :meth:`Result.at <pkmodel.simulate.Result.at>` and
:meth:`Result.auc <pkmodel.simulate.Result.auc>`, so they do not depend on how fine the
result's time grid is. Closed forms live in :mod:`pkmodel.formulas`; :mod:`pkmodel.metrics`
exposes both.

Concentrations are in mg/L unless a ``unit`` is given; times in h. Bad input raises
``TypeError``/``ValueError`` naming the parameter and the value; a result beyond the
floating-point range raises ``OverflowError`` from the Result it is read from. The one
documented ``inf`` is :func:`time_below_fraction`'s "never falls below within the result".
"""

from __future__ import annotations

import math

import numpy as np

from . import _validate as check
from .formulas import SteadyState

__all__ = ["auc", "interval_average", "interval_summary", "time_below_fraction", "troughs"]


_RESULT_ATTRIBUTES = ("at", "auc", "times", "regimen", "model", "batched")


def _check_result(result, name, unit) -> None:
    """``result`` must be a simulated Result; ``name`` and ``unit`` strings (the Result checks their values)."""
    if not all(hasattr(result, a) for a in _RESULT_ATTRIBUTES):
        raise TypeError(f"result must be a Result from pkmodel.simulate; got {result!r} "
                        f"({type(result).__name__})")
    check.text("name", name, allowed="a compartment name (str)")
    check.text("unit", unit, allowed="a concentration unit (str), e.g. 'mg/L'")


def _conc(result, name, unit, times, side="right"):
    """Concentrations at ``times`` as (S, N), whatever the batching."""
    c = result.at(times, side=side).concentration(name, unit)
    return np.atleast_2d(c)


def _window(start, interval) -> tuple[float, float, float]:
    """``(start, interval, end)`` of one interval, checked: start >= 0, interval > 0, end finite."""
    start = check.non_negative("start (h)", start)
    tau = check.positive("interval (h)", interval)
    end = start + tau
    if not math.isfinite(end):
        raise ValueError(f"start (h) + interval (h) must be finite; got start = {start!r}, interval = {tau!r}")
    return start, tau, end


def _event_times(result, lo: float, hi: float) -> np.ndarray:
    """Times in [lo, hi] where the solution can jump or kink: doses (after any lag) and infusion ends."""
    model = result.model
    lag = model.absorption.lag if model.absorption is not None else 0.0
    ts = []
    for d in result.regimen.doses:
        ts.append(d.time + (lag if d.route == "oral" else 0.0))
        if d.route == "infusion":
            ts.append(d.time + d.duration)
    ts = np.asarray(ts, dtype=float)
    return np.unique(ts[(ts >= lo) & (ts <= hi)])


def _zoom_extreme(result, name, unit, lo, hi, sign, *, points=9, tol=1e-10, value_rtol=None, max_iter=200):
    """Refine the location of a maximum (sign=+1) or minimum (sign=-1) per subject.

    ``lo``, ``hi``: (S,) brackets. Each pass evaluates ``points`` evenly spaced times in every
    subject's bracket (exactly, with ``result.at``) and narrows the bracket to the neighbours of
    the best one, until it is shorter than ``tol`` hours or (with ``value_rtol``) the best value
    changed by less than ``value_rtol`` relative in the last pass: near a smooth extreme the
    change shrinks ~(points-1)^2-fold a pass, so the value is then settled. Returns (t, value).
    """
    lo = np.array(lo, dtype=float)
    hi = np.array(hi, dtype=float)
    S = lo.size
    frac = np.linspace(0.0, 1.0, points)
    rows = np.arange(S)[:, None]
    best_t = lo.copy()
    best_v = np.full(S, -np.inf)
    for _ in range(max_iter):
        grid = lo[:, None] + (hi - lo)[:, None] * frac[None, :]  # (S, P)
        flat = np.unique(grid)
        vals_all = sign * _conc(result, name, unit, flat)  # (S, U)
        idx = np.searchsorted(flat, grid)
        vals = vals_all[rows, idx]  # (S, P) each subject at its own points
        j = np.argmax(vals, axis=1)
        previous = best_v
        best_t = grid[np.arange(S), j]
        best_v = vals[np.arange(S), j]
        width = hi - lo
        if np.all(width <= tol):
            break
        if value_rtol is not None and np.all(np.abs(best_v - previous) <= value_rtol * np.abs(best_v)):
            break
        step = width / (points - 1)
        lo = np.maximum(lo, best_t - step)
        hi = np.minimum(hi, best_t + step)
    return best_t, sign * best_v


def interval_summary(result, name: str, start: float, interval: float, unit: str = "mg/L") -> SteadyState:
    r"""Peak, trough, average, time of peak and fluctuation measured over one interval of a Result.

    Over :math:`[t_0, t_0 + \tau]` (``start``, ``interval``):

    .. math::

        C_{max} = \max_{t_0 \le t \le t_0+\tau} C(t), \quad
        C_{min} = \min\big(\min_{t_0 \le t < t_0+\tau} C(t),\ C((t_0+\tau)^-)\big), \quad
        \bar C = \frac{1}{\tau}\int_{t_0}^{t_0+\tau} C(t)\,dt, \quad
        \text{fluctuation} = \frac{C_{max} - C_{min}}{\bar C}.

    **No drug in the window** (e.g. before the first dose, or before an oral lag has passed):
    :math:`C_{max} = C_{min} = \bar C = 0`, and the fluctuation, 0/0 as written, is defined as
    0 (nothing swings). This holds per subject of a batched result. No other value is special:
    any nan or inf in the measured values (which only inputs beyond the float range can cause)
    raises (``OverflowError`` from the Result, ``ValueError`` here as a last line of defence).

    A dose at :math:`t_0` counts (the value just after it); one at :math:`t_0 + \tau` does not
    (the left limit is used, so the trough just before the next dose is seen). :math:`C_{max}`,
    :math:`t_{max}` and :math:`C_{min}` are located on a 401-point grid of exact values
    (``result.at``) and then refined by repeated zooming on the exact solution until the
    bracket is shorter than 1e-10 h, so the values are exact to rounding and :math:`t_{max}`
    to about :math:`\sqrt{\epsilon}` relative (the peak is flat there). :math:`\bar C` uses the
    analytic integral (``result.auc``).

    Parameters
    ----------
    result : a :class:`~pkmodel.simulate.Result` (single or batched).
    name : compartment name.
    start : :math:`t_0`, h (>= 0).
    interval : :math:`\tau`, h (> 0).
    unit : concentration unit (as :meth:`Result.concentration`).

    Returns
    -------
    SteadyState
        with ``tmax`` measured from ``start``; arrays of shape (S,) for a batched result.

    References
    ----------
    Rowland & Tozer, *Clinical Pharmacokinetics and Pharmacodynamics*, 4th ed.
    (peak, trough, average steady-state concentration and fluctuation).
    """
    _check_result(result, name, unit)
    start, tau, end = _window(start, interval)
    grid = np.linspace(start, end, 401)
    grid[-1] = end
    grid = np.unique(np.concatenate([grid, _event_times(result, start, end)]))
    c = _conc(result, name, unit, grid)  # (S, G), right-side values
    c_end_left = _conc(result, name, unit, [end], side="left")[:, 0]
    S = c.shape[0]
    rows = np.arange(S)
    below_end = np.nextafter(end, start)

    # peak: the grid point's neighbours bracket it; the right end is excluded (left limit below)
    c_inner = c[:, :-1]
    i = np.argmax(c_inner, axis=1)
    lo = grid[np.maximum(i - 1, 0)]
    hi = np.minimum(grid[i + 1], below_end)
    tmax, cmax = _zoom_extreme(result, name, unit, lo, hi, +1)
    grid_better = c_inner[rows, i] > cmax  # e.g. just after a bolus on the grid
    tmax = np.where(grid_better, grid[i], tmax)
    cmax = np.where(grid_better, c_inner[rows, i], cmax)
    take_end = c_end_left > cmax
    tmax = np.where(take_end, end, tmax)
    cmax = np.where(take_end, c_end_left, cmax)

    # trough: interior minimum on [start, end), then compare with the left limit at the end
    # (left limits at the grid points catch the value just before a dose inside the interval)
    c_left = _conc(result, name, unit, grid[1:-1], side="left")
    j = np.argmin(c_inner, axis=1)
    lo = grid[np.maximum(j - 1, 0)]
    hi = np.minimum(grid[j + 1], below_end)
    _, cmin = _zoom_extreme(result, name, unit, lo, hi, -1)
    cmin = np.minimum(np.minimum(cmin, c_inner[rows, j]), c_end_left)
    if c_left.shape[1]:
        cmin = np.minimum(cmin, c_left.min(axis=1))

    cavg = np.atleast_1d(_average(result, name, start, tau, unit))
    no_drug = (cmax == 0) & (cavg == 0)
    with np.errstate(all="ignore"):
        fluct = np.where(no_drug, 0.0, (cmax - cmin) / np.where(no_drug, 1.0, cavg))
    out = [cmax, cmin, cavg, tmax - start, fluct]
    check.finite_out("interval_summary", dict(zip(("cmax", "cmin", "caverage", "tmax", "fluctuation"), out)),
                {"start (h)": start, "interval (h)": tau})
    if not result.batched:
        out = [float(a[0]) for a in out]
    return SteadyState(*out)


def _average(result, name, start, tau, unit):
    return result.auc(name, start, start + tau, unit) / tau


def interval_average(result, name: str, start: float, interval: float, unit: str = "mg/L"):
    r"""Average concentration over one interval, :math:`\bar C = \frac{1}{\tau}\int_{t_0}^{t_0+\tau} C(t)\,dt`,
    from the analytic integral (``result.auc``): the ``caverage`` of :func:`interval_summary`
    without locating the peak and trough (about 1/30 of its cost).

    ``start`` :math:`t_0` (h, >= 0) and ``interval`` :math:`\tau` (h, > 0) as there. A float,
    or an array of shape (S,) for a batched result.

    References
    ----------
    Rowland & Tozer, *Clinical Pharmacokinetics and Pharmacodynamics*, 4th ed. (average
    steady-state concentration, AUC over a dosing interval ÷ τ).
    """
    _check_result(result, name, unit)
    start, tau, _ = _window(start, interval)
    out = _average(result, name, start, tau, unit)
    check.finite_out("interval_average", {"caverage": out}, {"start (h)": start, "interval (h)": tau})
    return float(np.ravel(out)[0]) if not result.batched else np.asarray(out)


def troughs(result, name: str, unit: str = "mg/L"):
    r"""Concentration just before each dose: :math:`C(t_i^-)` for every dose time :math:`t_i`.

    .. math::

        C_{trough,i} = \lim_{t \uparrow t_i} C(t)

    (exact, via ``result.at(dose_times, side="left")``). For a one-compartment IV bolus
    regimen of dose D every :math:`\tau`, the n-th trough (n = 0, 1, ...) is
    :math:`\frac{D}{V}\,e^{-k\tau}\,\frac{1 - e^{-nk\tau}}{1 - e^{-k\tau}}`.

    Returns
    -------
    (dose_times, concentrations)
        distinct dose times (h, ascending) and concentrations, shape (N,) or (S, N).

    References
    ----------
    Rowland & Tozer, *Clinical Pharmacokinetics and Pharmacodynamics*, 4th ed.
    """
    _check_result(result, name, unit)
    t = np.unique(np.asarray(result.regimen.times, dtype=float))
    if t.size == 0:
        empty = np.zeros((result.state.shape[0], 0)) if result.batched else np.zeros(0)
        result.model.index(name)
        return t, empty
    c = result.at(t, side="left").concentration(name, unit)
    check.finite_out("troughs", {"trough concentration": c}, {})
    return t, c


def time_below_fraction(result, name: str, fraction: float, *, after: float | None = None,
                        unit: str = "mg/L", tolerance: float = 1e-9):
    r"""Hours after ``after`` until the concentration first falls below ``fraction`` of its peak.

    The peak is the highest concentration at or after ``after`` (default: the time of the last
    dose, :attr:`Regimen.last_dose_time`) within the result's time span,
    :math:`C_{pk} = \max_{t_a \le t \le t_{end}} C(t)` at :math:`t_{pk}`, and the answer is

    .. math::

        \Delta t = \min\{t \ge t_{pk} : C(t) < f\,C_{pk}\} - t_a .

    The search starts at the peak, so the rising limb after an oral dose does not count. The
    crossing is found on the result's own time grid, then refined on the exact solution
    (``result.at``, 15 points a pass) until its bracket is shorter than ``tolerance`` (1e-9 h
    by default); the answer is the bracket's upper end, so never early. The peak is refined
    until its value has settled. For a one-compartment IV bolus this is :math:`\ln(1/f)/k`
    after the dose.

    If the concentration never falls below :math:`f\,C_{pk}` before the last time of the result,
    the function returns ``math.inf`` (not an error): simulate longer to see the crossing. A
    dip shorter than the spacing of the result's grid can be missed.

    Parameters
    ----------
    result : a :class:`~pkmodel.simulate.Result` (single or batched).
    name : compartment name.
    fraction : f in (0, 1).
    after : :math:`t_a`, h; default the last dose time; must not exceed the last result time.
    unit : concentration unit.
    tolerance : width (h) to which the crossing's bracket is narrowed; 1e-9 by default, coarser
        (e.g. 0.01 h) where a readout shows days.

    Returns
    -------
    float, or an array of shape (S,) for a batched result (``inf`` where never).

    References
    ----------
    Rowland & Tozer, *Clinical Pharmacokinetics and Pharmacodynamics*, 4th ed.
    (time to fall to a fraction after stopping: :math:`\ln(1/f)/k`).
    """
    _check_result(result, name, unit)
    f = check.open_fraction_or_array("fraction", fraction)
    if np.ndim(f):
        raise TypeError(f"fraction must be a single number in (0, 1); got an array of shape {np.shape(f)}")
    tolerance = check.positive("tolerance (h)", tolerance)
    t_end = float(result.times[-1])
    if after is None:
        after = float(result.regimen.last_dose_time)
    after = check.number("after (h)", after, low=0.0, high=t_end,
                         allowed=f"a time in [0, {t_end:g}] h (the result's span)")
    grid = np.unique(np.concatenate([[after], result.times[result.times > after],
                                     _event_times(result, after, t_end)]))
    c = _conc(result, name, unit, grid)  # (S, G)
    S = c.shape[0]
    rows = np.arange(S)
    # the peak on the grid, refined on the exact solution
    i = np.argmax(c, axis=1)
    lo = grid[np.maximum(i - 1, 0)]
    hi = grid[np.minimum(i + 1, grid.size - 1)]
    # Only the peak's value matters here (the threshold is a fraction of it): zoom until it has
    # settled to ~1e-12 relative, which a smooth peak does long before its time is known to 1e-10 h.
    tpk, cpk = _zoom_extreme(result, name, unit, lo, hi, +1, points=33, value_rtol=1e-10)
    better = c[rows, i] > cpk
    tpk = np.where(better, grid[i], tpk)
    cpk = np.where(better, c[rows, i], cpk)
    thr = f * cpk
    out = np.full(S, math.inf)
    lo = np.empty(S)
    hi = np.empty(S)
    found = np.zeros(S, dtype=bool)
    for s in range(S):
        g = np.concatenate([[tpk[s]], grid[grid > tpk[s]]])
        cs = _conc(result, name, unit, g, side="left")[s]  # left limits: the value before a dose
        cs[0] = cpk[s]
        below = np.nonzero(cs < thr[s])[0]
        if below.size:
            b = below[0]
            found[s] = True
            lo[s], hi[s] = (g[b - 1], g[b]) if b > 0 else (g[0], g[0])
    if found.any():
        lo_f, hi_f, thr_f = lo[found], hi[found], thr[found]
        sub = np.nonzero(found)[0]
        frac = np.linspace(0.0, 1.0, 17)[1:-1]  # 15 inner points: the bracket shrinks 16-fold a pass
        for _ in range(200):  # ~8 passes from a grid step of hours to 1e-9 h
            if not np.any(hi_f - lo_f > tolerance):
                break
            inner = lo_f[:, None] + (hi_f - lo_f)[:, None] * frac  # (F, 15)
            flat = np.unique(inner)
            vals = _conc(result, name, unit, flat)[sub[:, None], np.searchsorted(flat, inner)]
            below = vals < thr_f[:, None]
            j = np.where(below.any(axis=1), np.argmax(below, axis=1), frac.size)  # first point below
            rows_f = np.arange(sub.size)
            edges = np.concatenate([lo_f[:, None], inner, hi_f[:, None]], axis=1)
            lo_f, hi_f = edges[rows_f, j], edges[rows_f, j + 1]  # still above at lo, below at hi
        out[found] = hi_f - after
    if np.isnan(out).any() or np.isnan(cpk).any():
        raise ValueError("time_below_fraction: the peak or the crossing time is nan; the result holds "
                         "values beyond the floating-point range")
    return float(out[0]) if not result.batched else out


def auc(result, name: str, start: float = 0.0, end: float | None = None, unit: str = "mg/L"):
    r"""Exact area under the concentration curve of ``name`` from ``start`` to ``end`` (default: the last time).

    .. math::

        AUC_{t_1 - t_2} = \int_{t_1}^{t_2} C(t)\,dt

    in ``unit``·h, from the analytic integral of the exact solution (no trapezoids).

    References
    ----------
    Rowland & Tozer, *Clinical Pharmacokinetics and Pharmacodynamics*, 4th ed. (AUC).
    """
    _check_result(result, name, unit)
    out = result.auc(name, start, end, unit)
    check.finite_out("auc", {"AUC": out}, {"start (h)": start} if end is None else {"start (h)": start, "end (h)": end})
    return float(out) if np.ndim(out) == 0 else out
