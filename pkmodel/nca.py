r"""Non-compartmental analysis (NCA) of sampled concentration–time data after a single dose.

What a student would do with a spreadsheet of blood levels, done the standard way:

* :math:`C_{max}`, :math:`t_{max}`: the highest observed concentration and its (first) time;
* :math:`\lambda_z`: minus the slope of :math:`\ln C` against :math:`t` by least squares over the
  terminal phase; :math:`t_{1/2} = \ln 2/\lambda_z`;
* :math:`AUC_{0-t}` by the *linear-up / log-down* trapezoidal rule up to the last positive
  concentration, and :math:`AUC_{0-\infty} = AUC_{0-t} + C_{last}/\lambda_z`;
* :math:`CL/F = D / AUC_{0-\infty}` and :math:`V_z/F = (CL/F)/\lambda_z` (with a known F, or
  after an IV dose, these are CL and :math:`V_z`).

Units: times in h, dose in mg, concentrations in ``concentration_unit`` (mg/L by default;
µg/mL is the same; ng/mL = µg/L is 1000 times smaller). AUC is reported in the concentration
unit × h; clearance is always converted to L/h and volume to L:

.. math::

    CL\,[\mathrm{L/h}] = \frac{D\,[\mathrm{mg}] \cdot u}{AUC\,[\text{unit}\cdot\mathrm{h}]},
    \qquad u = 1 \text{ for mg/L}, \quad u = 1000 \text{ for ng/mL (µg/L)}.

References
----------
1. Gabrielsson J, Weiner D. *Pharmacokinetic and Pharmacodynamic Data Analysis: Concepts and
   Applications*, 5th ed. Swedish Pharmaceutical Press, 2016 (non-compartmental analysis,
   linear-up/log-down trapezoids, terminal-phase selection).
2. Rowland M, Tozer TN. *Clinical Pharmacokinetics and Pharmacodynamics*, 4th ed.
   Lippincott Williams & Wilkins, 2011 (AUC by the trapezoidal rule, terminal half-life).
3. Gibaldi M, Perrier D. *Pharmacokinetics*, 2nd ed. Marcel Dekker, 1982 (noncompartmental
   analysis based on statistical moment theory).
4. The PKNCA R package (W. Denney et al.) and Phoenix WinNonlin documentation: the "best fit"
   rule for choosing the λz points (adjusted R² within 1e-4 of the best → more points).

Bad input raises ``TypeError`` (wrong type: strings, ``None``, bools, floats for counts) or
``ValueError`` (wrong value), naming the parameter and the value. The only ``nan`` that can
leave :func:`nca` is documented: when the terminal phase does not decline, λz and everything
computed from it are ``nan`` and :attr:`NCAResult.lambda_z_determined` is ``False`` (the summary
says so too); ``r2_adjusted`` is ``nan`` for a 2-point fit (it needs 3). Any other non-finite
value (data beyond the floating-point range) raises ``ValueError``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from . import _validate as check

from .units import CONCENTRATION_UNITS as UNIT_FACTORS  # nca's public name for the same table
from .units import LN2

#: Candidate λz fits whose adjusted R² is within this of the best count as ties (more points win).
R2_TOLERANCE = 1e-4

__all__ = ["NCAResult", "nca", "auc_linear_up_log_down", "UNIT_FACTORS"]


@dataclass(frozen=True)
class NCAResult:
    """Result of :func:`nca`. Times in h; concentrations and AUCs in :attr:`concentration_unit` (×h).

    Attributes
    ----------
    cmax, tmax : highest observed concentration and its first time.
    auc_0_t : AUC from 0 to the last positive concentration (linear-up/log-down).
    auc_0_inf : :math:`AUC_{0-t} + C_{last}/\\lambda_z`.
    auc_extrapolated_percent : the part of AUC0–∞ that is extrapolated, %.
    lambda_z : terminal rate constant, 1/h.
    half_life : :math:`\\ln 2/\\lambda_z`, h.
    terminal_indices : indices (into the input arrays) of the points used for λz.
    r2_adjusted : adjusted R² of the log-linear terminal fit (nan with 2 points).
    clearance : D/AUC0–∞ in L/h: CL/F after an oral dose with unknown F, CL otherwise.
    volume : clearance/λz in L: Vz/F or Vz.
    c_last, t_last : last positive concentration and its time.
    dose, route, bioavailability, concentration_unit : the inputs, for the summary.

    λz-dependent values (``lambda_z``, ``half_life``, ``auc_0_inf``,
    ``auc_extrapolated_percent``, ``clearance``, ``volume``) are ``nan`` if the terminal phase
    does not decline; :attr:`lambda_z_determined` is then ``False``. Every other field is finite.
    """

    cmax: float
    tmax: float
    auc_0_t: float
    auc_0_inf: float
    auc_extrapolated_percent: float
    lambda_z: float
    half_life: float
    terminal_indices: tuple
    r2_adjusted: float
    clearance: float
    volume: float
    c_last: float
    t_last: float
    dose: float
    route: str
    bioavailability: float | None
    concentration_unit: str

    @property
    def lambda_z_determined(self) -> bool:
        """False when the terminal phase does not decline, so λz and the values from it are nan."""
        return math.isfinite(self.lambda_z)

    @property
    def apparent(self) -> bool:
        """True when clearance and volume are divided by an unknown F (oral dose, F not given)."""
        return self.route == "oral" and self.bioavailability is None

    def summary(self) -> str:
        """A plain-text table a student can read, with units."""
        u = self.concentration_unit
        f = "/F" if self.apparent else ""
        pts = ", ".join(str(i) for i in self.terminal_indices) or "none"
        lines = [
            f"Non-compartmental analysis ({self.route} dose {self.dose:g} mg"
            + (f", F = {self.bioavailability:g}" if self.bioavailability is not None else "") + ")",
            f"  Cmax              {self.cmax:.4g} {u} at tmax = {self.tmax:.4g} h",
            f"  AUC0-t            {self.auc_0_t:.4g} {u}·h (to tlast = {self.t_last:.4g} h, "
            f"Clast = {self.c_last:.4g} {u})",
            f"  AUC0-inf          {self.auc_0_inf:.4g} {u}·h "
            f"({self.auc_extrapolated_percent:.3g} % extrapolated)",
            f"  lambda_z          {self.lambda_z:.4g} 1/h from points {pts} "
            f"(adjusted R² = {self.r2_adjusted:.5g})",
            f"  terminal t1/2     {self.half_life:.4g} h",
            f"  CL{f:<15} {self.clearance:.4g} L/h",
            f"  Vz{f:<15} {self.volume:.4g} L",
        ]
        if not math.isfinite(self.lambda_z):
            lines.append("  (the last points do not decline, so lambda_z, AUC0-inf, CL and Vz "
                         "cannot be estimated)")
        elif self.auc_extrapolated_percent > 20:
            lines.append("  Caution: more than 20 % of AUC0-inf is extrapolated; sample for longer.")
        return "\n".join(lines)


def auc_linear_up_log_down(times, concentrations) -> float:
    r"""Area under sampled concentrations by the linear-up / log-down trapezoidal rule.

    For each interval :math:`[t_i, t_{i+1}]`, :math:`\Delta t = t_{i+1} - t_i`:

    .. math::

        \Delta AUC_i = \begin{cases}
            \dfrac{C_i - C_{i+1}}{\ln(C_i / C_{i+1})}\,\Delta t & C_{i+1} < C_i,\ C_{i+1} > 0\\[1ex]
            \dfrac{C_i + C_{i+1}}{2}\,\Delta t & \text{otherwise.}
        \end{cases}

    The log form is exact for a mono-exponential decline.

    Parameters
    ----------
    times : non-decreasing times, h (>= 0, finite).
    concentrations : one finite concentration >= 0 per time.

    References
    ----------
    Gabrielsson & Weiner, *Pharmacokinetic and Pharmacodynamic Data Analysis*;
    Rowland & Tozer, *Clinical Pharmacokinetics and Pharmacodynamics* (trapezoidal rule).
    """
    t, c = _profile(times, concentrations)
    return _auc(t, c)


def _auc(t, c) -> float:
    """:func:`auc_linear_up_log_down` on checked arrays; refuses a sum beyond the float range."""
    if t.size < 2:
        return 0.0
    dt = np.diff(t)
    c1, c2 = c[:-1], c[1:]
    log_down = (c2 < c1) & (c2 > 0)
    with np.errstate(all="ignore"):
        lin = (0.5 * c1 + 0.5 * c2) * dt
        log = (c1 - c2) / np.log(np.where(log_down, c1 / np.where(c2 > 0, c2, 1.0), 2.0)) * dt
        out = float(np.sum(np.where(log_down, log, lin)))
    if not math.isfinite(out):
        raise ValueError(f"the AUC of these concentrations is {out!r}, beyond the floating-point range; "
                         f"got concentrations up to {float(c.max())!r} over {float(t[-1] - t[0])!r} h")
    return out


def _profile(times, concentrations):
    """Checked (times, concentrations): 1-D float arrays of one length, times as :func:`_validate.times`,
    concentrations finite and >= 0; TypeError for non-numbers (strings, None, bools)."""
    t = check.times("times", times)
    c = check.sequence_of_numbers("concentrations", concentrations,
                                  allowed="a sequence of numbers")
    if c.ndim == 0:
        c = c.reshape(1)
    if c.ndim != 1 or c.size != t.size:
        raise ValueError(f"concentrations must be 1-D with one value per time; got shape {c.shape} "
                         f"for {t.size} times")
    bad = ~np.isfinite(c)
    if bad.any():
        i = int(np.argmax(bad))
        raise ValueError(f"concentrations must be finite; got {c[i]!r} at index {i}")
    if (c < 0).any():
        i = int(np.argmax(c < 0))
        raise ValueError(f"concentrations must be >= 0 (use 0 below the limit of quantification); "
                         f"got {c[i]!r} at index {i}")
    return t, c


def _loglinear_fit(t, c):
    """Least-squares ln c = a - lambda t; returns (lambda, intercept, r2, r2_adjusted)."""
    y = np.log(c)
    n = t.size
    tm, ym = t.mean(), y.mean()
    sxx = np.sum((t - tm) ** 2)
    sxy = np.sum((t - tm) * (y - ym))
    if not (math.isfinite(sxx) and math.isfinite(sxy)):
        raise ValueError(f"times must be small enough for a least-squares fit; got times up to {float(t.max())!r} h")
    slope = sxy / sxx
    intercept = ym - slope * tm
    resid = y - (intercept + slope * t)
    syy = np.sum((y - ym) ** 2)
    sse = np.sum(resid ** 2)
    r2 = 1.0 - sse / syy if syy > 0 else 1.0
    r2_adj = 1.0 - (1.0 - r2) * (n - 1) / (n - 2) if n > 2 else math.nan
    return -slope, intercept, r2, r2_adj


def nca(times, concentrations, dose, *, route: str = "oral", bioavailability: float | None = None,
        terminal_points: int | None = None, min_points: int = 3,
        concentration_unit: str = "mg/L") -> NCAResult:
    r"""Non-compartmental analysis of one concentration–time profile after a single dose.

    .. math::

        \lambda_z = -\widehat{\text{slope}}\big(\ln C_j \sim t_j\big)_{j \in \text{terminal}},
        \quad t_{1/2} = \frac{\ln 2}{\lambda_z},
        \quad AUC_{0-\infty} = AUC_{0-t_{last}} + \frac{C_{last}}{\lambda_z},

        CL\ (\text{or } CL/F) = \frac{F \cdot D}{AUC_{0-\infty}}, \qquad
        V_z\ (\text{or } V_z/F) = \frac{CL}{\lambda_z}

    with F = 1 when it is unknown (the results are then CL/F and Vz/F).

    **Choosing the terminal points.** Candidates are the points after :math:`t_{max}`
    (:math:`C_{max}` itself excluded) with positive concentration. With
    ``terminal_points=None``, each set of the last *k* candidates, *k* = ``min_points`` … all,
    is fitted; among fits with a declining slope the best adjusted R² wins,
    :math:`R^2_{adj} = 1 - (1 - R^2)(n - 1)/(n - 2)`, and fits within 1e-4 of the best count
    as ties, resolved in favour of more points (the Phoenix WinNonlin / PKNCA rule).
    ``terminal_points=k`` forces the last *k* candidates.

    **AUC.** Linear-up / log-down trapezoids (:func:`auc_linear_up_log_down`) from time 0 to
    :math:`t_{last}`, the last positive concentration. After an oral dose, if the first sample
    is after 0 a point (0, 0) is assumed. After an IV bolus, if the first sample is after 0,
    :math:`C_0` is back-extrapolated log-linearly from the first two samples (when they
    decline; otherwise the first sample is used).

    Parameters
    ----------
    times : sampling times, h: strictly increasing, >= 0.
    concentrations : measured concentrations (finite, >= 0; zeros are below the limit of
        quantification), in ``concentration_unit``.
    dose : the single dose, mg (> 0).
    route : ``"oral"`` (extravascular) or ``"iv"`` (bolus).
    bioavailability : F in (0, 1] if known; ``None`` gives apparent CL/F and Vz/F after an
        oral dose (and F = 1 after IV).
    terminal_points : force the last *k* (>= 2) positive points after Cmax for λz.
    min_points : fewest points (>= 3) the automatic choice may use.
    concentration_unit : one of ``"mg/L"``, ``"ug/mL"``/``"µg/mL"``, ``"ng/mL"``,
        ``"ug/L"``/``"µg/L"``.

    Returns
    -------
    NCAResult

    Raises
    ------
    ValueError
        unsorted, duplicate or negative times; lengths that differ; negative or non-finite
        concentrations; dose <= 0; too few positive points after Cmax for the λz fit.

    References
    ----------
    Gabrielsson & Weiner, *Pharmacokinetic and Pharmacodynamic Data Analysis*, 5th ed.;
    Gibaldi & Perrier, *Pharmacokinetics*, 2nd ed.; Rowland & Tozer, *Clinical
    Pharmacokinetics and Pharmacodynamics*, 4th ed.
    """
    t, c = _profile(times, concentrations)
    if t.size > 1 and (np.diff(t) <= 0).any():
        i = int(np.argmax(np.diff(t) <= 0))
        raise ValueError(f"times must be strictly increasing (one sample per time); got {t[i]!r} "
                         f"twice at indices {i} and {i + 1}")
    dose = check.positive("dose (mg)", dose)
    check.choice("route", route, ("oral", "iv"))
    if bioavailability is not None:
        bioavailability = check.fraction("bioavailability F", bioavailability)
    check.choice("concentration_unit", concentration_unit, tuple(UNIT_FACTORS))
    min_points = check.integer("min_points", min_points, low=3,
                               allowed="an integer >= 3 (adjusted R² needs 3 points)")
    if terminal_points is not None:
        terminal_points = check.integer("terminal_points", terminal_points, low=2,
                                        allowed="None or an integer >= 2")
    if not (c > 0).any():
        raise ValueError("concentrations are all zero; nothing to analyse")

    imax = int(np.argmax(c))
    cmax, tmax = float(c[imax]), float(t[imax])
    candidates = np.nonzero((np.arange(t.size) > imax) & (c > 0))[0]
    need = terminal_points if terminal_points is not None else min_points
    if candidates.size < need:
        raise ValueError(f"the terminal-phase fit needs at least {need} positive concentrations after "
                         f"Cmax (at t = {tmax:g} h); got {candidates.size}. Sample for longer after the peak"
                         + (" or lower terminal_points" if terminal_points is not None else
                            " or lower min_points"))

    # ----- lambda_z -----
    if terminal_points is not None:
        chosen = candidates[-terminal_points:]
        lam, _, _, r2_adj = _loglinear_fit(t[chosen], c[chosen])
    else:
        fits = []
        for k in range(min_points, candidates.size + 1):
            idx = candidates[-k:]
            lam_k, _, _, r2a = _loglinear_fit(t[idx], c[idx])
            if lam_k > 0:
                fits.append((k, lam_k, r2a, idx))
        if fits:
            best = max(f[2] for f in fits)
            k, lam, r2_adj, chosen = max((f for f in fits if f[2] >= best - R2_TOLERANCE),
                                         key=lambda f: f[0])
        else:
            chosen = candidates[-min_points:]
            lam, _, _, r2_adj = _loglinear_fit(t[chosen], c[chosen])
    if not lam > 0:
        lam = math.nan

    # ----- AUC -----
    ilast = int(np.nonzero(c > 0)[0][-1])
    t_last, c_last = float(t[ilast]), float(c[ilast])
    ta, ca = t[: ilast + 1], c[: ilast + 1]
    if t[0] > 0:
        if route == "oral":
            c0 = 0.0
        elif c.size > 1 and c[1] < c[0] and c[1] > 0:
            with np.errstate(all="ignore"):
                c0 = float(c[0] * np.exp(math.log(c[0] / c[1]) / (t[1] - t[0]) * t[0]))
            if not math.isfinite(c0):
                raise ValueError(f"C0 back-extrapolated from the first two samples (t = {t[0]:g}, "
                                 f"{t[1]:g} h) is {c0!r}, beyond the floating-point range; "
                                 "sample closer to the dose")
        else:
            c0 = float(c[0])
        ta, ca = np.concatenate([[0.0], ta]), np.concatenate([[c0], ca])
    auc_t = _auc(ta, ca)
    auc_inf = auc_t + c_last / lam if math.isfinite(lam) else math.nan
    extrap = 100.0 * (auc_inf - auc_t) / auc_inf if math.isfinite(auc_inf) else math.nan

    f = 1.0 if bioavailability is None else bioavailability
    cl = f * dose * UNIT_FACTORS[concentration_unit] / auc_inf if math.isfinite(auc_inf) else math.nan
    vz = cl / lam if math.isfinite(lam) else math.nan
    if math.isfinite(lam):
        for label, value in (("AUC0-inf", auc_inf), ("clearance", cl), ("volume", vz)):
            if not (math.isfinite(value) and value > 0):
                raise ValueError(f"nca: {label} is {value!r}, beyond the floating-point range "
                                 f"(lambda_z = {lam!r} 1/h, Clast = {c_last!r}, dose = {dose!r} mg)")
    return NCAResult(
        cmax=cmax, tmax=tmax, auc_0_t=auc_t, auc_0_inf=auc_inf, auc_extrapolated_percent=extrap,
        lambda_z=float(lam), half_life=LN2 / lam if math.isfinite(lam) else math.nan,
        terminal_indices=tuple(int(i) for i in chosen), r2_adjusted=float(r2_adj),
        clearance=float(cl), volume=float(vz), c_last=c_last, t_last=t_last, dose=dose, route=route,
        bioavailability=bioavailability, concentration_unit=concentration_unit)
