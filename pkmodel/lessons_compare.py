r"""Lesson 9's science without widgets: diazepam beside the conjugated benzodiazepines in older adults.

Four drugs on one regimen in mg (:func:`compare_drugs`), each in its study's young and elderly
groups: terminal half-life, accumulation ratio, days to 90 % of steady state, days below 10 % after
stopping, and each species' own steady-state average :math:`\bar C_{ss}`, which the lesson divides
curves by so that the comparison is about time course, not potency (equal mg is not equal effect;
no dose-equivalence table with a verified identifier is in the package). And stopping, abrupt or
tapered, for diazepam beside a short-acting comparator (:func:`stopping_comparison`).

Everything here illustrates published group data, for teaching only; nothing here recommends or
adjusts a dose for anyone, and the taper is an illustration, never a schedule.

Example
-------
>>> from pkmodel import lessons_compare as lc
>>> t = lc.compare_drugs(2.5, 12.0, 15)
>>> round(t["oxazepam"]["elderly"]["oxazepam"]["accumulation_ratio"], 2)
1.55
"""

from __future__ import annotations

import functools
import math

import numpy as np

from . import _validate as check
from . import lessons, metrics
from . import literature as lit
from .regimen import Regimen, repeated
from .simulate import simulate
from .units import HOURS_PER_DAY

#: The drugs compared, diazepam first (oxidised, CYP2C19/3A4), then the conjugated "LOT" drugs.
COMPARED_DRUGS = ("diazepam", "oxazepam", "lorazepam", "temazepam")
#: Active metabolites each drug's model carries (diazepam → desmethyldiazepam); the conjugated
#: drugs are glucuronidated to inactive products, so their models have none.
ACTIVE_METABOLITES = {"diazepam": ("desmethyldiazepam",), "oxazepam": (), "lorazepam": (), "temazepam": ()}
#: Short-acting comparators offered beside diazepam in the stopping lesson.
STOPPING_DRUGS = ("diazepam", "lorazepam", "oxazepam")
#: The two study groups compared (every drug module has both).
GROUPS = ("young adult", "elderly")
#: Fraction of the level at stopping that "washed out" means in the comparison table.
WASHOUT_FRACTION = 0.1
#: Tail length for the single-dose AUC behind :func:`steady_state_average`, in terminal half-lives
#: (the tail left out is :math:`2^{-40}` of the total, about 1e-12).
AUC_HALF_LIVES = 40


def _drug(drug: str, allowed) -> str:
    if not isinstance(drug, str):
        raise TypeError(f"drug must be a string, one of {allowed!r}; got {drug!r} ({type(drug).__name__})")
    if drug not in allowed:
        raise ValueError(f"drug must be one of {allowed!r}; got {drug!r}")
    return drug


def species_of(drug: str, metabolite: bool = True) -> tuple[str, ...]:
    """The species shown for ``drug``: the drug, plus its active metabolites if ``metabolite``."""
    _drug(drug, COMPARED_DRUGS)
    return (drug,) + (ACTIVE_METABOLITES[drug] if metabolite else ())


def steady_state_average(model, species: str, dose_mg: float, interval_h: float, unit: str = "ng/mL") -> float:
    r"""Average level of ``species`` over a dosing interval at steady state, in ``unit``.

    By superposition, :math:`\bar C_{ss} = AUC_{0-\infty}(\text{one dose})/\tau`, for any linear
    model and any species (a metabolite too); the single-dose AUC is the exact integral
    (:meth:`Result.auc`) up to :data:`AUC_HALF_LIVES` terminal half-lives of the whole system.
    For the parent this is :math:`F D/(CL\,\tau)` (:func:`pkmodel.metrics.steady_state_average`).
    """
    dose_mg = check.positive("dose_mg (mg)", dose_mg)
    interval_h = check.positive("interval_h (h)", interval_h)
    end = AUC_HALF_LIVES * model.terminal_half_life()
    r = simulate(model, repeated(dose_mg, interval_h, count=1), np.array([0.0, end]))
    return float(np.asarray(r.auc(species, 0.0, end, unit)).ravel()[-1]) / interval_h


def comparison_regimen(dose_mg: float, interval_h: float, days: int) -> Regimen:
    """``dose_mg`` every ``interval_h`` h for ``days`` days (every dose before day ``days``).

    The same (immutable) :class:`Regimen` for the same numbers: the comparison dashboard asks
    for it once per drug and group on every move, and building 30-120 doses costs more than
    simulating them."""
    return _regimen(check.positive("dose_mg (mg)", dose_mg), check.positive("interval_h (h)", interval_h),
                    check.positive("days", days))


@functools.lru_cache(maxsize=16)
def _regimen(dose_mg: float, interval_h: float, days: float) -> Regimen:
    return repeated(dose_mg, interval_h, until=days * HOURS_PER_DAY)


_CONSTANTS: dict = {}


def _kept_for_record(cache: dict, key: tuple, drug: str, build, limit: int | None = None):
    """``cache[key]``, built by ``build()`` if missing or made from another record of ``drug``
    (a drug registered again, :func:`pkmodel.literature.register_drug`, is computed afresh);
    with ``limit``, the oldest entries go once the cache holds more."""
    record = lit.get_drug(drug)
    kept = cache.get(key)
    if kept is None or kept[0] is not record:
        cache.pop(key, None)
        kept = cache[key] = (record, build())
        while limit is not None and len(cache) > limit:
            del cache[next(iter(cache))]  # the oldest
    return kept[1]


def _course_constants(drug: str, group: str, unit: str):
    r"""The group's model and each species' :func:`steady_state_average` for 1 mg every 1 h.

    Neither depends on the regimen (linear kinetics: :math:`\bar C_{ss}` is proportional to
    dose/τ), so the comparison dashboard computes them once per drug and group, not on every
    move of a slider. Kept with the registered :class:`~pkmodel.literature.Drug` they came from:
    a drug registered again (:func:`pkmodel.literature.register_drug`) is computed afresh."""
    def build():
        model = lit.preset(group, drug=drug).model
        return model, {sp: steady_state_average(model, sp, 1.0, 1.0, unit) for sp in species_of(drug, True)}

    return _kept_for_record(_CONSTANTS, (drug, group, unit), drug, build)


def _average(average_per_mg: dict, species: str, dose_mg: float, interval_h: float) -> float:
    r""":math:`\bar C_{ss}` of ``species`` on ``dose_mg`` every ``interval_h``, from its value for
    1 mg every 1 h (:func:`_course_constants`): linear, so proportional to dose / τ."""
    return average_per_mg[species] * dose_mg / interval_h


def drug_course(drug: str, group: str, dose_mg: float, interval_h: float, days: int, times_h,
                metabolite: bool = True, unit: str = "ng/mL", *, washout: bool = True) -> dict:
    r"""One drug in one group on the regimen: curves and the lesson's numbers, per species.

    Returns ``{species: {"concentration", "relative", "steady_state_average", "half_life_h",
    "accumulation_ratio", "days_to_90pct", "days_below_10pct", "result"}}``:

    * ``relative`` is the curve divided by the species' own :math:`\bar C_{ss}`
      (:func:`steady_state_average`): 1 is that species' steady-state average, whatever its potency;
    * ``accumulation_ratio`` :math:`1/(1-e^{-k\tau})` and ``days_to_90pct``
      :math:`\log_2 10\;t_{1/2}` from the terminal half-life (:func:`pkmodel.metrics.accumulation_ratio`,
      :func:`pkmodel.metrics.time_to_steady_state`);
    * ``days_below_10pct`` (:func:`days_below_10pct`; left out with ``washout=False``, the slow
      part, which a caller can fill in later from ``result``);
    * ``result``: the course's :class:`~pkmodel.result.Result` (the same object for every species).
    """
    _drug(drug, COMPARED_DRUGS)
    dose_mg = check.positive("dose_mg (mg)", dose_mg)
    interval_h = check.positive("interval_h (h)", interval_h)
    model, average_per_mg = _course_constants(drug, group, unit)
    times_h = np.asarray(times_h, dtype=float)
    r = simulate(model, comparison_regimen(dose_mg, interval_h, days), times_h)
    out = {}
    for sp in species_of(drug, metabolite):
        c = r.concentration(sp, unit)
        css = _average(average_per_mg, sp, dose_mg, interval_h)
        th = model.half_life(sp)
        out[sp] = {"concentration": c, "relative": c / css, "steady_state_average": css, "half_life_h": th,
                   "accumulation_ratio": metrics.accumulation_ratio(th, interval_h),
                   "days_to_90pct": metrics.time_to_steady_state(th, 0.9) / HOURS_PER_DAY, "result": r}
        if washout:
            out[sp]["days_below_10pct"] = _days_below(r, sp, days, times_h)
    return out


#: Trains of doses kept by :func:`course_levels` (drug, group, interval, unit, grid), at most this many.
TRAINS_KEPT = 64
_TRAINS: dict = {}


def course_levels(drug: str, group: str, dose_mg: float, interval_h: float, days: int, times_h,
                  metabolite: bool = True, unit: str = "ng/mL") -> dict:
    r"""``{species: {"concentration", "relative"}}``: :func:`drug_course`'s curves alone, by superposition.

    Linear kinetics: ``days`` of doses every τ are an unending train of doses (every τ from 0 on,
    as far as ``times_h`` reaches) minus the same train started at the stop, :math:`T = 24\,d` h:
    :math:`C(t) = D\,[u(t) - u(t - T)]`, where :math:`u` is the train's level per mg, simulated
    once per drug, group, τ, unit and grid and kept (:data:`TRAINS_KEPT`). On a grid of equal
    steps from 0 that holds T, :math:`u(t - T)` is :math:`u` moved along the grid, so a move of the
    days slider simulates nothing; on any other grid the course is simulated. Agrees with
    :func:`drug_course` to 1e-12 of each curve's peak (after the stop the two trains cancel;
    tested): the comparison dashboard draws these, and its table uses :func:`drug_course`.
    """
    _drug(drug, COMPARED_DRUGS)
    dose_mg = check.positive("dose_mg (mg)", dose_mg)
    interval_h = check.positive("interval_h (h)", interval_h)
    stop_h = check.positive("days", days) * HOURS_PER_DAY
    model, average_per_mg = _course_constants(drug, group, unit)
    t = np.asarray(times_h, dtype=float)
    shown = species_of(drug, metabolite)
    shift = _grid_steps(t, stop_h)
    if shift is None or round(stop_h / interval_h) * interval_h != stop_h:
        r = simulate(model, comparison_regimen(dose_mg, interval_h, days), t)
        levels = {sp: r.concentration(sp, unit) for sp in shown}
    else:
        train = _train_per_mg(drug, group, interval_h, unit, t)
        levels = {}
        for sp in shown:
            c = train[sp].copy()
            if shift < c.size:
                c[shift:] -= train[sp][:c.size - shift]
            levels[sp] = dose_mg * c
    return {sp: {"concentration": c, "relative": c / _average(average_per_mg, sp, dose_mg, interval_h)}
            for sp, c in levels.items()}


def _grid_steps(t: np.ndarray, time_h: float) -> int | None:
    """``k`` if ``t`` is ``0, h, 2h, ...`` exactly and ``time_h`` is ``k h``; else ``None``."""
    if t.ndim != 1 or t.size < 2 or t[0] != 0.0:
        return None
    step = t[1]
    k = round(time_h / step)
    if step <= 0 or k * step != time_h or not np.array_equal(t, step * np.arange(t.size)):
        return None
    return k


def _train_per_mg(drug: str, group: str, interval_h: float, unit: str, t: np.ndarray) -> dict:
    """Levels (``unit`` per mg) of 1 mg every ``interval_h`` from 0 until past ``t[-1]``, per species;
    recomputed for a drug registered again (:func:`pkmodel.literature.register_drug`)."""
    def build():
        model, _ = _course_constants(drug, group, unit)
        r = simulate(model, repeated(1.0, interval_h, until=t[-1] + interval_h), t)
        return {sp: r.concentration(sp, unit) for sp in species_of(drug, True)}

    return _kept_for_record(_TRAINS, (drug, group, interval_h, unit, t.size, float(t[1])), drug, build,
                            limit=TRAINS_KEPT)


def days_below_10pct(drug: str, group: str, dose_mg: float, interval_h: float, days: int, times_h,
                     metabolite: bool = True, *, result=None) -> dict:
    """``{species: days}`` from the first dose not given (day ``days``) until the level is below
    :data:`WASHOUT_FRACTION` of its highest value from then on (:func:`pkmodel.metrics.time_below_fraction`,
    to 0.05 h); ``inf`` if not within ``times_h``. The same numbers as :func:`drug_course`'s.

    ``result``: that course's ``"result"`` from :func:`drug_course` (same arguments), which saves
    simulating it again; ``None`` simulates it."""
    _drug(drug, COMPARED_DRUGS)
    times_h = np.asarray(times_h, dtype=float)
    if result is None:
        model, _ = _course_constants(drug, group, "ng/mL")
        r = simulate(model, comparison_regimen(dose_mg, interval_h, days), times_h)
    elif not np.array_equal(result.times, times_h) or result.regimen != comparison_regimen(dose_mg, interval_h, days):
        raise ValueError("result must be the course's Result on times_h (drug_course(...)['result'] with the same "
                         f"regimen and times); got one on {result.times.size} times and {len(result.regimen)} doses "
                         f"for {times_h.size} times_h and {len(comparison_regimen(dose_mg, interval_h, days))} doses")
    else:
        r = result
    return {sp: _days_below(r, sp, days, times_h) for sp in species_of(drug, metabolite)}


def _days_below(result, species: str, days: int, times_h) -> float:
    stop_h = days * HOURS_PER_DAY
    if times_h[-1] <= stop_h:
        return math.inf
    return metrics.time_below_fraction(result, species, WASHOUT_FRACTION, after=stop_h, tolerance=0.05) / HOURS_PER_DAY


def compare_drugs(dose_mg: float, interval_h: float, days: int, *, drugs=COMPARED_DRUGS, groups=GROUPS,
                  metabolite: bool = True, horizon_days: float = 90.0, unit: str = "ng/mL") -> dict:
    """:func:`drug_course` numbers (no curves) for each drug and group: ``{drug: {group: {species: {...}}}}``.

    ``horizon_days`` (from the first dose) bounds the search for 10 %; past it the answer is ``inf``.
    """
    times = np.linspace(0.0, horizon_days * HOURS_PER_DAY, int(horizon_days * 8) + 1)
    return {d: {g: {sp: {k: v for k, v in row.items() if k not in ("concentration", "relative", "result")}
                    for sp, row in drug_course(d, g, dose_mg, interval_h, days, times, metabolite, unit).items()}
                for g in groups} for d in drugs}


def elderly_to_young(table: dict, drug: str, quantity: str = "half_life_h", species: str | None = None) -> float:
    """Ratio elderly ÷ young of ``quantity`` for ``drug`` (its own species by default) in a
    :func:`compare_drugs` table: how much the drug's kinetics change between its study groups."""
    sp = drug if species is None else species
    return table[drug]["elderly"][sp][quantity] / table[drug]["young adult"][sp][quantity]


def stopping_comparison(group: str, *, start_day: int = lessons.G21_DAYS, drugs=("diazepam", "lorazepam"),
                        dose_mg: float = lessons.G21_DOSE_MG, interval_h: float = lessons.G21_INTERVAL_H,
                        metabolite: bool = True) -> dict:
    r"""Abrupt stop vs the illustrative taper for diazepam and short-acting comparators, one group.

    ``{drug: {how: {species: {fraction: days}}}}`` from :func:`pkmodel.lessons.taper_vs_abrupt`:
    days from ``start_day`` (the first dose not given in full) until each species stays below 50 %
    and 10 % of its level just before then. Linear kinetics: these days do not depend on
    ``dose_mg``, so one regimen in mg serves every drug. The taper is an illustration, never a
    schedule.
    """
    start_day = check.positive("start_day (days)", start_day)
    out = {}
    for d in drugs:
        _drug(d, STOPPING_DRUGS)
        model = lit.preset(group, drug=d).model
        out[d] = lessons.taper_vs_abrupt(model, start_h=start_day * HOURS_PER_DAY,
                                         species=species_of(d, metabolite), dose_mg=dose_mg, interval_h=interval_h)
    return out


#: The studies whose published half-lives the lesson puts side by side (diazepam: K75's age line
#: and G21's groups; the conjugated drugs: G79L, OX1, TZ1).
LOT_STUDIES = ("K75", "G21", "G79L", "OX1", "TZ1")


def published_half_lives(studies=LOT_STUDIES) -> list[tuple]:
    """``(drug, study, group, t½ h, n)`` for each healthy published group of the compared drugs'
    parent species from ``studies``, read from the package (:func:`pkmodel.literature.published_groups`).
    Groups without an age (K75's "age-matched controls" of a liver-disease comparison) are left out:
    the lesson is about age."""
    return [(g.drug, g.source_key, g.group, g.half_life.value, g.n)
            for d in COMPARED_DRUGS for g in lit.published_groups(d, species=d)
            if g.source_key in studies and (g.age_low is not None or g.age_mean is not None)]
