r"""The lessons' science without widgets: regimens, what-ifs and readout numbers.

The dashboards show these numbers; tests and notebooks can call the same functions headless.
Everything here illustrates published group data, for teaching only; nothing here recommends or
adjusts a dose for anyone.

Example
-------
>>> from pkmodel import lessons
>>> from pkmodel import literature as lit
>>> table = lessons.taper_vs_abrupt(lit.preset("elderly").model, start_h=15 * 24)
>>> sorted(table)                                   # doctest: +NORMALIZE_WHITESPACE
['abrupt stop', 'stepwise taper']
"""

from __future__ import annotations

import math

import numpy as np

from . import _validate as check
from . import metrics
from . import literature as lit
from .regimen import Regimen, repeated, taper
from .simulate import simulate
from .units import HOURS_PER_DAY, ML_MIN_TO_L_H

#: G21's regimen, read from its source record (not retyped): dose (mg), interval (h), days.
G21_DOSE_MG = lit.diazepam.v.G21_DOSE_MG.value
G21_INTERVAL_H = lit.diazepam.v.G21_INTERVAL_H.value
G21_DAYS = int(lit.diazepam.v.G21_DAYS.value)
#: The end of G21's dosing, h: day 15, one interval after the 30th and last dose, where the next
#: dose would have fallen. Every readout's "at day 15" is the level at this time: the last trough.
G21_END_H = G21_DAYS * HOURS_PER_DAY


def grid_index(times_h, time_h: float) -> int:
    """Index of ``time_h`` in the sorted grid ``times_h``, which must hold it exactly (a readout
    that quotes a time reads the curve there, not at a neighbouring point)."""
    t = np.asarray(times_h, dtype=float)
    i = int(np.searchsorted(t, time_h))
    if i == t.size or t[i] != time_h:
        raise ValueError(f"times_h must contain time_h = {time_h:g} h exactly; the grid runs "
                         f"{t[0]:g}-{t[-1]:g} h in {t.size} points without it")
    return i

#: The illustrative taper of lesson 5: three one-week steps at 3/4, 1/2 and 1/4 of the dose.
#: A pharmacokinetic illustration only, never a schedule to follow.
TAPER_FRACTIONS = (0.75, 0.5, 0.25)
TAPER_STEP_DAYS = 7

#: Fractions of the level at the start of the reduction that the stopping table reports.
WASHOUT_FRACTIONS = (0.5, 0.1)

#: The two ways of stopping compared in lesson 5.
STOP_MODES = ("abrupt stop", "stepwise taper")


def clearance_ml_min_per_kg(clearance_l_h: float, weight_kg: float) -> float:
    """A clearance in L/h as mL/min/kg, the unit most papers print (conversion from
    :data:`pkmodel.units.ML_MIN_TO_L_H`)."""
    return clearance_l_h / ML_MIN_TO_L_H / weight_kg


def stopping_regimen(how: str, start_h: float, dose_mg: float = G21_DOSE_MG,
                     interval_h: float = G21_INTERVAL_H) -> Regimen:
    """Full doses until ``start_h`` (h), then stop abruptly or taper (:data:`TAPER_FRACTIONS`).

    ``how`` is one of :data:`STOP_MODES`. The taper gives ``dose_mg`` × each fraction for
    :data:`TAPER_STEP_DAYS` days per step, then stops.
    """
    if how not in STOP_MODES:
        raise ValueError(f"how must be one of {STOP_MODES!r}; got {how!r}")
    if how == "abrupt stop":
        return repeated(dose_mg, interval_h, until=start_h)
    week = TAPER_STEP_DAYS * HOURS_PER_DAY
    steps = [(start_h, dose_mg, interval_h)] + [(week, dose_mg * f, interval_h) for f in TAPER_FRACTIONS]
    return taper(steps)


def taper_vs_abrupt(model, *, start_h: float, species=("diazepam", "desmethyldiazepam"),
                    fractions=WASHOUT_FRACTIONS, horizon_h: float | None = None,
                    dose_mg: float = G21_DOSE_MG, interval_h: float = G21_INTERVAL_H,
                    tolerance_h: float = 0.05) -> dict:
    r"""Days from the start of the reduction until each species' level stays below fractions of
    its level at that moment.

    Both ways of stopping are measured from the same moment, ``start_h`` (the first dose not given
    in full), against the same reference, the level just before it, :math:`C_{ref} = C(t_s^-)`:
    the answer is the last time the level is at or above :math:`f\,C_{ref}`, less :math:`t_s`
    (:func:`days_until_stays_below`). "Stays below" matters for a taper: the peaks after its
    reduced doses may still reach :math:`f\,C_{ref}` after a trough has dipped below it, and the
    level only counts as fallen once no later peak climbs back. The taper's slower fall shows as
    more days.

    Returns
    -------
    dict
        ``{how: {species: {fraction: days}}}`` for ``how`` in :data:`STOP_MODES`; ``inf`` where
        the level has not fallen that far by ``horizon_h`` (default: 45 days after the taper ends).
    """
    if horizon_h is None:
        horizon_h = start_h + (len(TAPER_FRACTIONS) * TAPER_STEP_DAYS + 45) * HOURS_PER_DAY
    out = {}
    for how in STOP_MODES:
        r = simulate(model, stopping_regimen(how, start_h, dose_mg, interval_h), np.array([0.0, horizon_h]))
        out[how] = {sp: {f: days_until_stays_below(r, sp, f, start_h, horizon_h, step_h=interval_h / 8,
                                                   tolerance_h=tolerance_h) for f in fractions}
                    for sp in species}
    return out


#: Exact values per pass when :func:`days_until_stays_below` narrows a crossing (one pass takes a
#: 1.5 h bracket to 0.05 h; bisection took five calls of the engine).
NARROWING_POINTS = 64


def days_until_stays_below(result, species: str, fraction: float, start_h: float, end_h: float, *,
                           step_h: float = 1.5, tolerance_h: float = 0.05) -> float:
    r"""Days after ``start_h`` until ``species`` stays below ``fraction`` of its level just before
    ``start_h``: :math:`\max\{t \le t_{end} : C(t) \ge f\,C(t_s^-)\} - t_s`, in days.

    The exact solution is sampled every ``step_h`` (a dosing interval's eighth: a dose's peak
    cannot fall between samples unseen by more than a few per cent of it) and the last crossing
    is narrowed on the exact solution, :data:`NARROWING_POINTS` values a pass, until its bracket
    is at most ``tolerance_h``; the answer is the bracket's upper end (never early). ``inf`` if the level is
    still at or above :math:`f\,C(t_s^-)` at ``end_h``; 0 if it never reaches it again.
    """
    tolerance_h = check.positive("tolerance_h (h)", tolerance_h)
    step_h = check.positive("step_h (h)", step_h)
    reference = float(np.ravel(result.at([start_h], side="left").concentration(species))[0])
    threshold = fraction * reference
    grid = np.arange(start_h, end_h + step_h / 2, step_h)
    level = np.ravel(result.at(grid).concentration(species))
    above = np.flatnonzero(level >= threshold)
    if above.size == 0:
        return 0.0
    last = int(above[-1])
    if last == grid.size - 1:
        return math.inf
    lo, hi = grid[last], grid[last + 1]
    while hi - lo > tolerance_h:  # one pass of up to 64 exact values narrows most brackets to tolerance_h
        pieces = min(NARROWING_POINTS, math.ceil((hi - lo) / tolerance_h))
        ts = np.linspace(lo, hi, pieces + 1)
        ts[-1] = hi
        above = np.flatnonzero(np.ravel(result.at(ts).concentration(species)) >= threshold)
        k = int(above[-1]) if above.size else 0  # (lo is above by construction; rounding aside)
        if k == pieces or (ts[k], ts[k + 1]) == (lo, hi):  # rounding: hi read as above, or no
            return (hi - start_h) / HOURS_PER_DAY          # narrower bracket in floating point
        lo, hi = ts[k], ts[k + 1]
    return (hi - start_h) / HOURS_PER_DAY


def last_interval_average(result, species: str, regimen: Regimen, unit: str = "ng/mL") -> float:
    r"""Average level :math:`\bar C` over the dosing interval that ends at the last dose.

    The interval is the spacing of the last two doses; measured by
    :func:`pkmodel.metrics.interval_average` (analytic AUC ÷ τ). ``nan`` for a single dose.
    """
    if len(regimen) < 2:
        return math.nan
    last, before = regimen.doses[-1].time, regimen.doses[-2].time
    return float(metrics.interval_average(result, species, before, last - before, unit))


def accumulation_table(model, regimen: Regimen, interval_h: float, result=None,
                       species: str = "diazepam", unit: str = "ng/mL") -> dict:
    r"""The accumulation lesson's readout for one model on a repeated regimen.

    Returns ``half_life_h`` (:meth:`Model.half_life`), ``days_to_90pct`` (90 % of steady state,
    :func:`metrics.time_to_steady_state`), ``accumulation_ratio``
    (:math:`1/(1-e^{-k\tau})`, :func:`metrics.accumulation_ratio`) and ``average_last_interval``:
    :math:`\bar C` over the last dosing interval before the last dose
    (:func:`last_interval_average`), ``nan`` for a single dose.
    """
    th = model.half_life(species)
    if result is None:
        result = simulate(model, regimen, np.linspace(0.0, regimen.doses[-1].time + interval_h, 2))
    return {"half_life_h": th,
            "days_to_90pct": metrics.time_to_steady_state(th, 0.9) / HOURS_PER_DAY,
            "accumulation_ratio": metrics.accumulation_ratio(th, interval_h),
            "average_last_interval": last_interval_average(result, species, regimen, unit)}
