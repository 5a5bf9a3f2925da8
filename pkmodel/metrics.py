r"""Pharmacokinetic metrics: closed forms for one-compartment drugs, and measurements on a :class:`Result`.

Two kinds of function live here, both pure:

* closed forms (:func:`half_life`, :func:`accumulation_ratio`, :func:`time_to_steady_state`,
  :func:`steady_state_average`, :func:`steady_state_one_compartment`, :func:`washout_time`)
  that take numbers (floats or numpy arrays) and return numbers;
* measurements on a simulated :class:`~pkmodel.simulate.Result` (:func:`interval_summary`,
  :func:`troughs`, :func:`time_below_fraction`, :func:`auc`) that re-evaluate the exact solution
  with :meth:`Result.at <pkmodel.simulate.Result.at>` and :meth:`Result.auc
  <pkmodel.simulate.Result.auc>`, so they do not depend on how fine the result's time grid is.

Units: amounts in mg, volumes in L, clearances in L/h, times and intervals in h, rate constants
in 1/h, concentrations in mg/L unless a ``unit`` is given.

Bad input raises ``TypeError`` (wrong type: ``None``, strings, bools, non-numeric arrays, something
other than a Result) or ``ValueError`` (wrong value, or array shapes that do not broadcast),
naming the parameter, the value and the allowed range. No function returns ``nan`` or ``inf``
silently: inputs whose result lies outside the floating-point range raise ``ValueError``; the one
documented ``inf`` is :func:`time_below_fraction`'s "never falls below within the result".

References
----------
1. Rowland M, Tozer TN. *Clinical Pharmacokinetics and Pharmacodynamics: Concepts and
   Applications*, 4th ed. Lippincott Williams & Wilkins, 2011 (half-life and elimination
   rate constant; extravascular dosing; constant-rate and multiple-dose regimens:
   accumulation, approach to plateau, steady state).
2. Gibaldi M, Perrier D. *Pharmacokinetics*, 2nd ed. Marcel Dekker, 1982 (the chapter on
   multiple dosing gives the steady-state extremes and t_max,ss for first-order absorption).

Chapter numbers are left out on purpose: they differ between editions.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from . import _validate as check
from ._steady_state import n_divided_difference, oral_ss_shape, phi

from . import units
from .units import LN2

__all__ = [
    "SteadyState", "accumulation_ratio", "auc", "elimination_rate_constant", "half_life",
    "interval_summary", "rate_constant_from_half_life", "steady_state_average",
    "steady_state_one_compartment", "time_below_fraction", "time_to_steady_state", "troughs",
    "washout_time",
]


# ----- input checks that accept floats or arrays ----------------------------------------------

def _array_check(name: str, value, test, allowed: str):
    """Validate an array elementwise (finite and ``test``); the message names the first bad value."""
    arr = check.sequence_of_numbers(name, value, allowed=f"{allowed} (or an array of them)")
    ok = np.isfinite(arr) & test(arr)
    if not ok.all():
        bad = arr[~ok].flat[0]
        raise ValueError(f"{name} must be {allowed}; got {bad!r}")
    return arr


def _positive(name: str, value):
    if np.ndim(value) == 0 and not isinstance(value, np.ndarray):
        return check.positive(name, value)
    return _array_check(name, value, lambda a: a > 0, "a finite number > 0")


def _open_fraction(name: str, value):
    allowed = "a number in (0, 1) (both ends excluded)"
    if np.ndim(value) == 0 and not isinstance(value, np.ndarray):
        return check.number(name, value, low=0.0, high=1.0, low_open=True, high_open=True,
                            allowed=allowed)
    return _array_check(name, value, lambda a: (a > 0) & (a < 1), allowed)


def _bioavailability(value):
    if np.ndim(value) == 0 and not isinstance(value, np.ndarray):
        return check.fraction("bioavailability F", value)
    return _array_check("bioavailability F", value, lambda a: (a > 0) & (a <= 1), "a number in (0, 1]")


def _scalar_out(x):
    """0-d arrays back to Python floats, so scalar in gives scalar out."""
    return float(x) if np.ndim(x) == 0 else x


def _broadcast(**named):
    """Refuse arrays whose shapes do not broadcast together, naming them and their shapes."""
    shapes = {k: np.shape(v) for k, v in named.items()}
    try:
        np.broadcast_shapes(*shapes.values())
    except ValueError:
        names = list(shapes)
        listed = ", ".join(f"{k} {s}" for k, s in shapes.items())
        raise ValueError(f"{', '.join(names[:-1])} and {names[-1]} must have shapes that broadcast "
                         f"together (equal lengths, or single numbers); got shapes {listed}") from None


def _finite_out(function: str, outputs: dict, inputs: dict):
    """Raise ``ValueError`` if any output is nan or inf: the inputs lie beyond the float range.

    ``outputs`` and ``inputs`` map names to values (arrays allowed); the message gives the first
    bad output and the inputs at that position.
    """
    for out_name, out in outputs.items():
        arr = np.asarray(out, dtype=float)
        bad = ~np.isfinite(arr)
        if bad.any():
            idx = np.unravel_index(int(np.argmax(bad)), arr.shape) if arr.ndim else ()
            shown = []
            for k, v in inputs.items():
                v = np.asarray(v, dtype=float)
                v = np.broadcast_to(v, arr.shape)[idx] if v.ndim and arr.ndim else v
                shown.append(f"{k} = {float(v)!r}")
            where = f" at index {tuple(int(i) for i in idx)}" if arr.ndim else ""
            given = f" for {', '.join(shown)}" if shown else ""
            raise ValueError(f"{function}: {out_name} is {float(arr[bad].flat[0])!r}{where}, outside "
                             f"the floating-point range{given}; these inputs are beyond what the "
                             f"formula can represent")


# ----- closed forms ---------------------------------------------------------------------------

def half_life(volume, clearance):
    r"""Elimination half-life of a one-compartment drug, h.

    .. math::

        t_{1/2} = \frac{\ln 2 \cdot V}{CL}

    Parameters
    ----------
    volume : volume of distribution V, L (> 0); float or array.
    clearance : clearance CL, L/h (> 0); float or array (broadcast against ``volume``).

    References
    ----------
    Rowland & Tozer, *Clinical Pharmacokinetics and Pharmacodynamics*, 4th ed.
    (:math:`t_{1/2} = 0.693\,V/CL`).
    """
    v = _positive("volume (L)", volume)
    cl = _positive("clearance (L/h)", clearance)
    _broadcast(volume=v, clearance=cl)
    with np.errstate(all="ignore"):
        out = units.half_life(v, cl)
    _finite_out("half_life", {"half-life (h)": out}, {"volume (L)": v, "clearance (L/h)": cl})
    return _scalar_out(out)


def elimination_rate_constant(volume, clearance):
    r"""Elimination rate constant of a one-compartment drug, 1/h.

    .. math::

        k = \frac{CL}{V}

    References
    ----------
    Rowland & Tozer, *Clinical Pharmacokinetics and Pharmacodynamics*, 4th ed..
    """
    v = _positive("volume (L)", volume)
    cl = _positive("clearance (L/h)", clearance)
    _broadcast(volume=v, clearance=cl)
    with np.errstate(all="ignore"):
        out = np.asarray(cl) / np.asarray(v)
    _finite_out("elimination_rate_constant", {"k (1/h)": out}, {"volume (L)": v, "clearance (L/h)": cl})
    return _scalar_out(out)


def rate_constant_from_half_life(half_life):
    r"""First-order rate constant from a half-life, 1/h.

    .. math::

        k = \frac{\ln 2}{t_{1/2}}

    References
    ----------
    Rowland & Tozer, *Clinical Pharmacokinetics and Pharmacodynamics*, 4th ed..
    """
    t = _positive("half_life (h)", half_life)
    with np.errstate(all="ignore"):
        out = LN2 / np.asarray(t)
    _finite_out("rate_constant_from_half_life", {"k (1/h)": out}, {"half_life (h)": t})
    return _scalar_out(out)


def accumulation_ratio(half_life, interval):
    r"""Accumulation ratio of a one-compartment drug given every ``interval`` hours.

    The ratio of any steady-state concentration to the one at the same time after the first
    dose (IV bolus; for oral dosing it holds exactly for the trough and approximately elsewhere):

    .. math::

        R_{ac} = \frac{1}{1 - e^{-k\tau}}, \qquad k = \frac{\ln 2}{t_{1/2}}

    so :math:`R_{ac} = 2` when :math:`\tau = t_{1/2}`.

    Parameters
    ----------
    half_life : elimination half-life, h (> 0).
    interval : dosing interval :math:`\tau`, h (> 0).

    References
    ----------
    Rowland & Tozer, *Clinical Pharmacokinetics and Pharmacodynamics*, 4th ed.
    (accumulation index); Gibaldi & Perrier, *Pharmacokinetics*, 2nd ed., multiple dosing.
    """
    t = _positive("half_life (h)", half_life)
    tau = _positive("interval (h)", interval)
    _broadcast(half_life=t, interval=tau)
    with np.errstate(all="ignore"):
        k_tau = LN2 * (np.asarray(tau) / np.asarray(t))  # tau/t first: no underflow of k alone
        out = -1.0 / np.expm1(-k_tau)
    _finite_out("accumulation_ratio", {"R_ac": out}, {"half_life (h)": t, "interval (h)": tau})
    return _scalar_out(out)


def time_to_steady_state(half_life, fraction=0.9):
    r"""Time to reach ``fraction`` of the steady-state level under constant or repeated dosing, h.

    .. math::

        t_f = \frac{-\ln(1 - f)}{k} = \frac{\log_2\!\big(1/(1-f)\big)}{1}\, t_{1/2},
        \qquad k = \frac{\ln 2}{t_{1/2}}

    so 50 % takes one half-life and 90 % takes :math:`\log_2 10 \approx 3.32` half-lives.

    Parameters
    ----------
    half_life : elimination half-life, h (> 0).
    fraction : f, in (0, 1) (both ends excluded: steady state itself is never reached).

    References
    ----------
    Rowland & Tozer, *Clinical Pharmacokinetics and Pharmacodynamics*, 4th ed.
    (approach to plateau).
    """
    t = _positive("half_life (h)", half_life)
    f = _open_fraction("fraction", fraction)
    _broadcast(half_life=t, fraction=f)
    with np.errstate(all="ignore"):
        out = -np.log1p(-np.asarray(f)) / LN2 * np.asarray(t)
    _finite_out("time_to_steady_state", {"time (h)": out}, {"half_life (h)": t, "fraction": f})
    return _scalar_out(out)


def washout_time(half_life, fraction):
    r"""Time for a one-compartment drug to fall to ``fraction`` of its starting level, h.

    .. math::

        t = \frac{\ln(1/f)}{\ln 2}\, t_{1/2}

    (one half-life to 50 %, :math:`\log_2 10 \approx 3.32` half-lives to 10 %).

    Parameters
    ----------
    half_life : elimination half-life, h (> 0).
    fraction : f, the remaining fraction, in (0, 1).

    References
    ----------
    Rowland & Tozer, *Clinical Pharmacokinetics and Pharmacodynamics*, 4th ed..
    """
    t = _positive("half_life (h)", half_life)
    f = _open_fraction("fraction", fraction)
    _broadcast(half_life=t, fraction=f)
    with np.errstate(all="ignore"):
        out = -np.log(np.asarray(f)) / LN2 * np.asarray(t)
    _finite_out("washout_time", {"time (h)": out}, {"half_life (h)": t, "fraction": f})
    return _scalar_out(out)


def steady_state_average(dose, interval, clearance, bioavailability=1.0):
    r"""Average steady-state concentration, mg/L.

    .. math::

        \bar C_{ss} = \frac{F \cdot D}{CL \cdot \tau} = \frac{AUC_{0-\tau,ss}}{\tau}

    Holds for any linear model (any number of compartments), not only one compartment.

    Parameters
    ----------
    dose : D, mg (> 0).
    interval : :math:`\tau`, h (> 0).
    clearance : CL, L/h (> 0).
    bioavailability : F in (0, 1].

    References
    ----------
    Rowland & Tozer, *Clinical Pharmacokinetics and Pharmacodynamics*, 4th ed..
    """
    d = _positive("dose (mg)", dose)
    tau = _positive("interval (h)", interval)
    cl = _positive("clearance (L/h)", clearance)
    f = _bioavailability(bioavailability)
    _broadcast(dose=d, interval=tau, clearance=cl, bioavailability=f)
    with np.errstate(all="ignore"):
        out = np.asarray(f) * np.asarray(d) / np.asarray(cl) / np.asarray(tau)
    _finite_out("steady_state_average", {"average concentration (mg/L)": out},
                {"dose (mg)": d, "interval (h)": tau, "clearance (L/h)": cl, "bioavailability F": f})
    return _scalar_out(out)


@dataclass(frozen=True)
class SteadyState:
    """Concentrations over one dosing interval at steady state.

    Attributes
    ----------
    cmax : peak concentration (concentration unit, mg/L by default).
    cmin : trough (lowest) concentration.
    caverage : :math:`AUC_{0-\\tau}/\\tau`.
    tmax : time of the peak after the start of the interval, h.
    fluctuation : peak–trough fluctuation :math:`(C_{max} - C_{min}) / \\bar C` (a ratio; ×100 for %).
    """

    cmax: float
    cmin: float
    caverage: float
    tmax: float
    fluctuation: float


def steady_state_one_compartment(dose, interval, volume, clearance, *, ka=None, bioavailability=1.0):
    r"""Steady-state peak, trough, average, time of peak and fluctuation for a one-compartment drug.

    With :math:`k = CL/V`:

    *IV bolus* (``ka=None``):

    .. math::

        C_{max,ss} = \frac{F D / V}{1 - e^{-k\tau}}, \quad
        C_{min,ss} = C_{max,ss}\, e^{-k\tau}, \quad t_{max,ss} = 0,
        \quad \text{fluctuation} = k\tau.

    *Oral, first-order absorption* (rate constant :math:`k_a`, no lag):

    .. math::

        C_{ss}(t) = \frac{F D k_a}{V (k_a - k)}
            \left[\frac{e^{-kt}}{1 - e^{-k\tau}} - \frac{e^{-k_a t}}{1 - e^{-k_a\tau}}\right],
        \quad 0 \le t \le \tau

        t_{max,ss} = \frac{1}{k_a - k}
            \ln\frac{k_a (1 - e^{-k\tau})}{k (1 - e^{-k_a\tau})},
        \quad C_{max,ss} = C_{ss}(t_{max,ss}), \quad C_{min,ss} = C_{ss}(\tau) = C_{ss}(0).

    When :math:`k_a = k` both are taken as their limits. **Evaluation.** Written as above, the
    formulas overflow or cancel (``inf`` for :math:`k_a\tau` of a few hundred, ``nan`` for weekly
    dosing with fast absorption, lost digits for :math:`k_a \approx k`). The code uses forms in
    which every exponent is <= 0 and nothing cancels: the bracket as
    :math:`[e^{-lt} q(t) + e^{-ht - l\tau} q(\tau - t)]/[(1 - e^{-k\tau})(1 - e^{-k_a\tau})]`
    (:func:`pkmodel._steady_state.oral_ss_shape`), and, with :math:`x = k_a\tau/2`, :math:`y = k\tau/2`,

    .. math::

        t_{max,ss} = \frac{\tau}{2}\,\frac{N(x) - N(y)}{x - y}, \qquad
        N(u) = u - \ln\frac{\sinh u}{u},

    a divided difference of a smooth increasing function (so :math:`0 < t_{max,ss} \le \tau/2`),
    evaluated without cancellation (:func:`pkmodel._steady_state.n_divided_difference`). Checked against 50-digit
    mpmath over :math:`k\tau, k_a\tau \in [10^{-8}, 10^{4}]` (tests/test_metrics.py).

    In both cases :math:`\bar C_{ss} = F D/(CL\,\tau)` and the fluctuation is
    :math:`(C_{max,ss} - C_{min,ss})/\bar C_{ss}`. Inputs whose results lie outside the
    floating-point range (e.g. :math:`k\tau < 10^{-308}`) raise ``ValueError``.

    Parameters
    ----------
    dose : D, mg (> 0).
    interval : :math:`\tau`, h (> 0).
    volume : V, L (> 0).
    clearance : CL, L/h (> 0).
    ka : absorption rate constant, 1/h (> 0), or ``None`` for an IV bolus.
    bioavailability : F in (0, 1].

    Returns
    -------
    SteadyState
        concentrations in mg/L, ``tmax`` in h after the dose.

    References
    ----------
    Gibaldi & Perrier, *Pharmacokinetics*, 2nd ed., multiple dosing (multiple dosing with first-order
    absorption); Rowland & Tozer, *Clinical Pharmacokinetics and Pharmacodynamics*, 4th ed..
    """
    d = np.asarray(_positive("dose (mg)", dose))
    tau = np.asarray(_positive("interval (h)", interval))
    v = np.asarray(_positive("volume (L)", volume))
    cl = np.asarray(_positive("clearance (L/h)", clearance))
    f = np.asarray(_bioavailability(bioavailability))
    inputs = {"dose (mg)": d, "interval (h)": tau, "volume (L)": v, "clearance (L/h)": cl}
    if ka is not None:
        ka = np.asarray(_positive("ka (1/h)", ka))
        inputs["ka (1/h)"] = ka
    inputs["bioavailability F"] = f
    _broadcast(**{k.split(" ")[0]: a for k, a in inputs.items()})
    with np.errstate(all="ignore"):
        k = cl / v
        k_tau = cl * tau / v
        df = f * d
        cavg = df / cl / tau
        if ka is None:
            cmax = df / v / (-np.expm1(-k_tau))
            cmin = df / v / np.expm1(k_tau)
            tmax = np.zeros(np.broadcast(cmax, tau).shape)
            fluct = k_tau
        else:
            ka_tau = ka * tau
            # k_a / (1 - e^{-k_a tau}) without 0/0 when k_a tau underflows
            absorbed = np.where(ka_tau > 1.0, ka / (-np.expm1(-ka_tau)), 1.0 / (tau * phi(ka_tau)))
            scale = df / v * absorbed / (-np.expm1(-k_tau))
            tmax = 0.5 * tau * n_divided_difference(0.5 * ka_tau, 0.5 * k_tau)
            cmax = scale * oral_ss_shape(tmax, k, ka, tau)
            cmin = scale * oral_ss_shape(tau, k, ka, tau)
            fluct = (cmax - cmin) / cavg
    out = {"cmax": cmax, "cmin": cmin, "caverage": cavg, "tmax": tmax, "fluctuation": fluct}
    _finite_out("steady_state_one_compartment", out, inputs)
    return SteadyState(*(_scalar_out(np.asarray(a, dtype=float)) for a in out.values()))


# ----- measurements on a Result -----------------------------------------------------------------

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
    raises ``ValueError``.

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
    start = check.non_negative("start (h)", start)
    tau = check.positive("interval (h)", interval)
    end = start + tau
    if not math.isfinite(end):
        raise ValueError(f"start (h) + interval (h) must be finite; got start = {start!r}, interval = {tau!r}")
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

    cavg = np.atleast_1d(result.auc(name, start, end, unit)) / tau
    no_drug = (cmax == 0) & (cavg == 0)
    with np.errstate(all="ignore"):
        fluct = np.where(no_drug, 0.0, (cmax - cmin) / np.where(no_drug, 1.0, cavg))
    out = [cmax, cmin, cavg, tmax - start, fluct]
    _finite_out("interval_summary", dict(zip(("cmax", "cmin", "caverage", "tmax", "fluctuation"), out)),
                {"start (h)": start, "interval (h)": tau})
    if not result.batched:
        out = [float(a[0]) for a in out]
    return SteadyState(*out)


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
    Rowland & Tozer, *Clinical Pharmacokinetics and Pharmacodynamics*, 4th ed..
    """
    _check_result(result, name, unit)
    t = np.unique(np.asarray(result.regimen.times, dtype=float))
    if t.size == 0:
        empty = np.zeros((result.state.shape[0], 0)) if result.batched else np.zeros(0)
        result.model.index(name)
        return t, empty
    c = result.at(t, side="left").concentration(name, unit)
    _finite_out("troughs", {"trough concentration": c}, {})
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
    f = _open_fraction("fraction", fraction)
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
    _finite_out("auc", {"AUC": out}, {"start (h)": start} if end is None else {"start (h)": start, "end (h)": end})
    return float(out) if np.ndim(out) == 0 else out
