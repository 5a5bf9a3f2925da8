r"""Closed-form pharmacokinetic formulas for one-compartment drugs: numbers in, numbers out.

:func:`half_life`, :func:`elimination_rate_constant`, :func:`rate_constant_from_half_life`,
:func:`accumulation_ratio`, :func:`time_to_steady_state`, :func:`washout_time`,
:func:`steady_state_average` and :func:`steady_state_one_compartment` take floats or numpy
arrays (broadcast together) and return the same. Measurements on a simulated Result live in
:mod:`pkmodel.measure`; :mod:`pkmodel.metrics` exposes both.

Units: amounts in mg, volumes in L, clearances in L/h, times and intervals in h, rate constants
in 1/h, concentrations in mg/L.

Bad input raises ``TypeError`` (wrong type: ``None``, strings, bools, non-numeric arrays) or
``ValueError`` (wrong value, or array shapes that do not broadcast), naming the parameter, the
value and the allowed range. Inputs whose result lies outside the floating-point range raise
``ValueError``; nothing returns ``nan`` or ``inf`` silently.

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

from dataclasses import dataclass

import numpy as np

from . import _validate as check
from . import units
from ._steady_state import n_divided_difference, oral_ss_shape, phi
from .units import LN2

__all__ = [
    "SteadyState", "accumulation_ratio", "elimination_rate_constant", "half_life",
    "rate_constant_from_half_life", "steady_state_average", "steady_state_one_compartment",
    "time_to_steady_state", "washout_time",
]


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
    v = check.positive_or_array("volume (L)", volume)
    cl = check.positive_or_array("clearance (L/h)", clearance)
    check.broadcast(volume=v, clearance=cl)
    with np.errstate(all="ignore"):
        out = units.half_life(v, cl)
    check.finite_out("half_life", {"half-life (h)": out}, {"volume (L)": v, "clearance (L/h)": cl})
    return check.scalar_out(out)


def elimination_rate_constant(volume, clearance):
    r"""Elimination rate constant of a one-compartment drug, 1/h.

    .. math::

        k = \frac{CL}{V}

    References
    ----------
    Rowland & Tozer, *Clinical Pharmacokinetics and Pharmacodynamics*, 4th ed.
    """
    v = check.positive_or_array("volume (L)", volume)
    cl = check.positive_or_array("clearance (L/h)", clearance)
    check.broadcast(volume=v, clearance=cl)
    with np.errstate(all="ignore"):
        out = np.asarray(cl) / np.asarray(v)
    check.finite_out("elimination_rate_constant", {"k (1/h)": out}, {"volume (L)": v, "clearance (L/h)": cl})
    return check.scalar_out(out)


def rate_constant_from_half_life(half_life):
    r"""First-order rate constant from a half-life, 1/h.

    .. math::

        k = \frac{\ln 2}{t_{1/2}}

    References
    ----------
    Rowland & Tozer, *Clinical Pharmacokinetics and Pharmacodynamics*, 4th ed.
    """
    t = check.positive_or_array("half_life (h)", half_life)
    with np.errstate(all="ignore"):
        out = LN2 / np.asarray(t)
    check.finite_out("rate_constant_from_half_life", {"k (1/h)": out}, {"half_life (h)": t})
    return check.scalar_out(out)


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
    t = check.positive_or_array("half_life (h)", half_life)
    tau = check.positive_or_array("interval (h)", interval)
    check.broadcast(half_life=t, interval=tau)
    with np.errstate(all="ignore"):
        k_tau = LN2 * (np.asarray(tau) / np.asarray(t))  # tau/t first: no underflow of k alone
        out = -1.0 / np.expm1(-k_tau)
    check.finite_out("accumulation_ratio", {"R_ac": out}, {"half_life (h)": t, "interval (h)": tau})
    return check.scalar_out(out)


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
    t = check.positive_or_array("half_life (h)", half_life)
    f = check.open_fraction_or_array("fraction", fraction)
    check.broadcast(half_life=t, fraction=f)
    with np.errstate(all="ignore"):
        out = -np.log1p(-np.asarray(f)) / LN2 * np.asarray(t)
    check.finite_out("time_to_steady_state", {"time (h)": out}, {"half_life (h)": t, "fraction": f})
    return check.scalar_out(out)


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
    Rowland & Tozer, *Clinical Pharmacokinetics and Pharmacodynamics*, 4th ed.
    """
    t = check.positive_or_array("half_life (h)", half_life)
    f = check.open_fraction_or_array("fraction", fraction)
    check.broadcast(half_life=t, fraction=f)
    with np.errstate(all="ignore"):
        out = -np.log(np.asarray(f)) / LN2 * np.asarray(t)
    check.finite_out("washout_time", {"time (h)": out}, {"half_life (h)": t, "fraction": f})
    return check.scalar_out(out)


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
    Rowland & Tozer, *Clinical Pharmacokinetics and Pharmacodynamics*, 4th ed.
    """
    d = check.positive_or_array("dose (mg)", dose)
    tau = check.positive_or_array("interval (h)", interval)
    cl = check.positive_or_array("clearance (L/h)", clearance)
    f = check.bioavailability_or_array(bioavailability)
    check.broadcast(dose=d, interval=tau, clearance=cl, bioavailability=f)
    with np.errstate(all="ignore"):
        out = np.asarray(f) * np.asarray(d) / np.asarray(cl) / np.asarray(tau)
    check.finite_out("steady_state_average", {"average concentration (mg/L)": out},
                {"dose (mg)": d, "interval (h)": tau, "clearance (L/h)": cl, "bioavailability F": f})
    return check.scalar_out(out)


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
    absorption); Rowland & Tozer, *Clinical Pharmacokinetics and Pharmacodynamics*, 4th ed.
    """
    d = np.asarray(check.positive_or_array("dose (mg)", dose))
    tau = np.asarray(check.positive_or_array("interval (h)", interval))
    v = np.asarray(check.positive_or_array("volume (L)", volume))
    cl = np.asarray(check.positive_or_array("clearance (L/h)", clearance))
    f = np.asarray(check.bioavailability_or_array(bioavailability))
    inputs = {"dose (mg)": d, "interval (h)": tau, "volume (L)": v, "clearance (L/h)": cl}
    if ka is not None:
        ka = np.asarray(check.positive_or_array("ka (1/h)", ka))
        inputs["ka (1/h)"] = ka
    inputs["bioavailability F"] = f
    check.broadcast(**{k.split(" ")[0]: a for k, a in inputs.items()})
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
    check.finite_out("steady_state_one_compartment", out, inputs)
    return SteadyState(*(check.scalar_out(np.asarray(a, dtype=float)) for a in out.values()))
