"""Exercise kinds on sampled or measured data: half-lives, clearance and bioavailability.

Every problem is simulated exactly for one typical member of a published group (see
:func:`._core._cases` and :func:`._core.individual`: the group's preset with its drug's CL and V
times log-normal factors of the published between-subject CVs), with a stated, seeded log-normal
measurement noise where the kind says so. The true answer is that subject's; the worked solution
compares it with the group's published value and names the study. A subject of its own also
keeps a set's other problems, which print groups' t½ or CL, from giving the answer away: its
t½ (or CL) is more than a tolerance from its own group's and more than 2 % from every group's
of every drug (:data:`._core.DISTINCT_FROM_GROUPS`), so that to 3 significant digits it is never
a number another problem of the set prints. (Drawing a different drug for every problem of a set
instead cannot work: 11 kinds, 4 drugs, and oxazepam's two groups print the same 8.00 h.)
"""

from __future__ import annotations

import math

import numpy as np

from .. import nca
from ..regimen import repeated, single_dose
from ..simulate import simulate
from ..lessons import G21_DAYS, G21_INTERVAL_H
from ..units import CONCENTRATION_UNITS, HOURS_PER_DAY, LN2, MINUTES_PER_HOUR, ML_MIN_TO_L_H
from . import _core, hints
from ._core import Mistake, Problem, case, distinct_mistakes, doses, fmt, individual, noisy, pick, rng_for, rounded

LN10 = math.log(10.0)
#: Clinic sampling steps (h) for the late samples of :func:`half_life_from_samples`.
CLINIC_STEPS_H = (1.0, 2.0, 4.0, 6.0, 12.0)
#: Early sampling times (h) of :func:`half_life_from_samples`: 1-2 while absorbing, 2 after the peak.
EARLY_TIMES_H = ((0.5, 1.0, 1.5, 2.0), (3.0, 4.0, 6.0, 8.0))
#: Sampling steps (h) after a course stops, :func:`half_life_from_troughs` (exact in days: 1/8 ... 2 d).
TROUGH_STEPS_H = (3.0, 6.0, 12.0, 24.0, 48.0)
#: mL/min in one L/h.
ML_MIN_PER_L_H = 1.0 / ML_MIN_TO_L_H


def _drawn_case(rng):
    return case(*pick(rng, _core._cases()))


def _problem(kind, seed, title, prompt, data, unit, tolerance, truth, solution, mistakes, hint, source):
    return Problem(kind, _core.validate_seed(seed), title, prompt, data, unit, tolerance, truth, solution,
                   distinct_mistakes(truth, tolerance, mistakes), hint, source=source)


def _quoted_half_lives() -> tuple[float, ...]:
    from .interactions import quoted_half_lives  # here: interactions imports this module

    return quoted_half_lives()


def _log_slope_half_life(times_h, conc) -> float:
    """ln 2 / λz from a least-squares line through (t, ln C); ``nan`` if the points do not decline."""
    slope = np.polyfit(np.asarray(times_h, float), np.log(np.asarray(conc, float)), 1)[0]
    return LN2 / -slope if slope < 0 else math.nan


def _half_life_mistakes(truth_h: float) -> list[Mistake]:
    return [Mistake("days instead of hours", truth_h / HOURS_PER_DAY, hints.DAYS_NOT_HOURS),
            Mistake("log10 slope with ln 2", truth_h * LN10, hints.LOG10_FOR_LN),
            Mistake("ln slope with log10 2", truth_h / LN10, hints.LOG10_FOR_LN),
            Mistake("rate constant instead of half-life", LN2 / truth_h, hints.RATE_NOT_HALF_LIFE)]


def half_life_from_samples(seed) -> Problem:
    """Terminal half-life (h) from sparse, noisy samples after one oral dose.

    Samples: 3-4 early (1-2 at 0.5-2 h, absorption, and 2 at 3-8 h, distribution; all before the
    first late one) and 5-6
    late (1.5-5 half-lives, on clinic times: multiples of 12 h, or of 6, 4, 2 or 1 h for a short
    half-life, the largest step ≤ 0.6 t½, so that the late points stay distinct), log-normal
    noise of CV 5, 8 or 10 %. **Tolerance ±15 %**: with at
    least 5 terminal points over ≥ 2.5 half-lives and CV ≤ 10 %, the fitted λz has a relative SD
    of at most ~6 %; the noise is redrawn (same seed, same result) until the worked solution's
    fit (all late points) and a fit of the last 5 points are within ±10 %, so the data always
    support a right answer, while 25 % off is wrong.
    Named mistakes: days, log10/ln mixed (× or ÷ 2.303), λz given instead of t½, and the slope
    of the early points (listed when it misleads by more than twice the tolerance, as a real
    distribution phase does, and is not close to another named slip).
    """
    kind = "half_life_from_samples"
    rng = rng_for(seed, kind)
    c = _drawn_case(rng)
    subject = individual(rng, c, apart=("half_life", 1.2 * 0.15), quoted=_quoted_half_lives())
    truth = subject.half_life
    dose, cv = pick(rng, doses(c.drug)), pick(rng, (0.05, 0.08, 0.10))
    n_late = int(rng.integers(5, 7))
    span = (pick(rng, (1.5, 2.0)) * truth, pick(rng, (4.5, 5.0, 5.5)) * truth)
    grid = max([g for g in CLINIC_STEPS_H if g <= 0.6 * truth] or [CLINIC_STEPS_H[0]])
    late = np.unique(np.maximum(np.round(np.linspace(*span, n_late) / grid) * grid, grid))
    absorbing, distributing = ([t for t in times_h if t < late[0]] for times_h in EARLY_TIMES_H)
    early = np.sort(np.concatenate([rng.choice(absorbing, size=int(rng.integers(1, 3)), replace=False),
                                    rng.choice(distributing, size=min(2, len(distributing)), replace=False)]))
    times = np.concatenate([early, late])
    exact = simulate(subject.model, single_dose(dose), times).concentration(c.drug, "ng/mL")
    for _ in range(100):  # solvable data: redraw the noise until the worked fit is within 2/3 of the tolerance
        conc = np.array([rounded(x, 4) for x in noisy(rng, exact, cv)])
        fit = nca.nca(times, conc, dose, concentration_unit="ng/mL", terminal_points=late.size)
        last_five = _log_slope_half_life(times[-5:], conc[-5:])
        if abs(fit.half_life - truth) <= 0.1 * truth and abs(last_five - truth) <= 0.1 * truth:
            break
    peak = int(np.argmax(conc[: early.size]))
    early_t = _log_slope_half_life(times[peak: early.size], conc[peak: early.size]) \
        if early.size - peak >= 2 else math.nan
    mistakes = _half_life_mistakes(truth) + [Mistake("early points", early_t, hints.EARLY_PHASE),
                                             Mistake("group mean", c.half_life, hints.GROUP_MEAN)]
    prompt = (f"Plasma {c.drug} concentrations (ng/mL) after one {fmt(dose, 2)} mg oral dose in one simulated "
              f"adult of the **{c.preset.label}** group (around the published group means, with the published "
              f"between-subject variability, plus {cv:.0%} measurement noise). "
              f"Estimate the **terminal half-life in hours**.")
    solution = (f"Plot ln C against t. The last {late.size} points (from {fmt(late[0])} h on) lie on a line; "
                f"its slope is −λz = −{fmt(fit.lambda_z)} 1/h, so t½ = ln 2 / λz = {fmt(fit.half_life)} h "
                f"(`pkmodel.nca.nca(..., terminal_points={late.size})`). The model behind the data has "
                f"t½ = {fmt(truth)} h: {subject.describe()}. The group ({c.label} preset): "
                f"{c.provenance('half_life')}. The early points rise and fall with absorption and distribution, "
                "so they are left out.")
    hint = ("Plot ln(concentration) against time; fit a straight line to the last, log-linear points only; "
            "t½ = ln 2 / λz.")
    return _problem(kind, seed, f"Terminal half-life of {c.drug} from sparse samples",
                    prompt, {"time (h)": times, f"{c.drug} (ng/mL)": conc}, "h", 0.15, truth, solution, mistakes,
                    hint, c.label)


def clearance_from_auc(seed) -> Problem:
    """Clearance from dose and AUC0-∞ (exact, shown to 4 significant digits): CL = F·Dose / AUC.

    The dose is an IV bolus (F = 1) or oral with F given; the AUC is in ng·h/mL or mg·h/L and
    the answer asked in L/h or mL/min. **Tolerance ±5 %** (the data are exact, so only rounding
    remains; 25 % off is wrong). Named mistakes: mg vs µg (× or ÷ 1000), L/h vs mL/min
    (× or ÷ 16.7), mL/min half converted (× 60), AUC / Dose upside down, F left out (listed
    when F is far enough from 1 to tell).
    """
    kind = "clearance_from_auc"
    rng = rng_for(seed, kind)
    c = _drawn_case(rng)
    subject = individual(rng, c, apart=("clearance", 1.2 * 0.05))
    dose, route = pick(rng, doses(c.drug)), pick(rng, ("iv", "oral"))
    conc_unit, cl_unit = pick(rng, ("ng/mL", "mg/L")), pick(rng, ("L/h", "mL/min"))
    auc_label = "ng·h/mL" if conc_unit == "ng/mL" else "mg·h/L"
    r = simulate(subject.model, single_dose(dose, route=route), np.array([0.0, 80.0 * subject.half_life]))
    auc = rounded(float(r.auc(c.drug, unit=conc_unit)), 4)
    f = 1.0 if route == "iv" else rounded(c.bioavailability, 2)
    per_unit = 1.0 if cl_unit == "L/h" else ML_MIN_PER_L_H
    cl_l_h = f * dose / (auc / CONCENTRATION_UNITS[conc_unit])
    truth = cl_l_h * per_unit
    mistakes = [Mistake("mg vs µg", truth * 1000.0, hints.MG_VS_UG),
                Mistake("mg vs µg", truth / 1000.0, hints.MG_VS_UG),
                Mistake("L/h vs mL/min", truth / per_unit if cl_unit == "mL/min" else truth * ML_MIN_PER_L_H,
                        hints.ML_MIN_VS_L_H),
                Mistake("mL/min half converted", truth * MINUTES_PER_HOUR if cl_unit == "mL/min" else math.nan,
                        hints.HALF_CONVERTED),
                Mistake("AUC / Dose", per_unit / cl_l_h, hints.DOSE_OVER_AUC),
                Mistake("F left out", truth / f, hints.FORGOT_F),
                Mistake("group mean", c.clearance * per_unit, hints.GROUP_MEAN)]
    how = "an IV bolus" if route == "iv" else f"an oral dose (F = {fmt(f, 2)})"
    prompt = (f"One simulated adult of the **{c.preset.label}** group receives {fmt(dose, 2)} mg of {c.drug} as "
              f"{how}. The area under the plasma concentration curve from 0 to ∞ is given below. "
              f"What is the {c.drug} **clearance in {cl_unit}**?")
    solution = (f"CL = F · Dose / AUC = {fmt(f, 2)} × {fmt(dose, 2)} mg / ({fmt(auc, 4)} {auc_label}"
                + ("" if conc_unit == "mg/L" else " = " + fmt(auc / 1000.0, 4) + " mg·h/L") + f") = {fmt(cl_l_h)} L/h"
                + ("" if cl_unit == "L/h" else f" = {fmt(truth)} mL/min (× 1000/60)")
                + f". For comparison, {subject.describe()}; the group's: {c.provenance('clearance')}.")
    data = {"dose (mg)": dose, "route": "IV bolus" if route == "iv" else "oral",
            f"AUC0-∞ ({auc_label})": auc}
    if route == "oral":
        data["bioavailability F"] = f
    return _problem(kind, seed, f"Clearance of {c.drug} from dose and AUC", prompt, data, cl_unit, 0.05, truth,
                    solution, mistakes, "CL = F · Dose / AUC0-∞; convert the units step by step.", c.label)


def bioavailability_from_auc(seed) -> Problem:
    """Oral bioavailability F (a fraction) from an IV and an oral dose of different sizes.

    F = (AUC_oral / Dose_oral) / (AUC_iv / Dose_iv), AUCs exact to 4 significant digits.
    **Tolerance ±5 %** (exact data). Named mistakes: a percentage (× 100), AUCs compared
    without dividing by the doses, and the ratio upside down.
    """
    kind = "bioavailability_from_auc"
    rng = rng_for(seed, kind)
    c = _drawn_case(rng)
    d_iv, d_po = rng.choice(np.array(doses(c.drug)), size=2, replace=False)
    subject = individual(rng, c)
    end = np.array([0.0, 80.0 * subject.half_life])
    auc_iv = rounded(float(simulate(subject.model, single_dose(d_iv, route="iv"), end).auc(c.drug, unit="ng/mL")), 4)
    auc_po = rounded(float(simulate(subject.model, single_dose(d_po), end).auc(c.drug, unit="ng/mL")), 4)
    truth = (auc_po / d_po) / (auc_iv / d_iv)
    mistakes = [Mistake("percent", truth * 100.0, hints.PERCENT),
                Mistake("not per mg", auc_po / auc_iv, hints.PER_MG),
                Mistake("upside down", 1.0 / truth, hints.UPSIDE_DOWN),
                Mistake("upside down, not per mg", auc_iv / auc_po, hints.PER_MG)]
    prompt = (f"In a crossover study in one simulated adult of the **{c.preset.label}** group, one occasion gives "
              f"{fmt(d_iv, 2)} mg {c.drug} as an IV bolus, the other {fmt(d_po, 2)} mg orally. What is the oral "
              f"**bioavailability F, as a fraction**?")
    solution = (f"F = (AUC_oral / Dose_oral) / (AUC_iv / Dose_iv) = ({fmt(auc_po, 4)} / {fmt(d_po, 2)}) / "
                f"({fmt(auc_iv, 4)} / {fmt(d_iv, 2)}) = {fmt(truth)}. The preset's F: "
                f"{c.provenance('bioavailability', key='absorption.bioavailability')}; {subject.describe()}, "
                "which changes both AUCs alike and leaves F as it is.")
    data = {"IV dose (mg)": float(d_iv), "IV AUC0-∞ (ng·h/mL)": auc_iv, "oral dose (mg)": float(d_po),
            "oral AUC0-∞ (ng·h/mL)": auc_po}
    return _problem(kind, seed, f"Oral bioavailability of {c.drug}", prompt, data, "(fraction)", 0.05, truth,
                    solution, mistakes, "Compare dose-normalised AUCs: oral over IV.", c.label)


def half_life_from_troughs(seed) -> Problem:
    """Half-life (h) fitted to levels measured daily (or every other day) after a G21-like course stops.

    Regimen as in G21: a dose every 12 h for 15 days (30 doses); samples after the last dose
    over 3-4 half-lives (5-14 points), log-normal noise of CV 5, 8 or 10 %. The step is one of
    the two largest of 3, 6, 12, 24 and 48 h that are at most 2 t½ (every 1 or 2 days for
    diazepam; every 3-12 h for a short half-life, so the last level is still > 1/1000 of the
    first); the times are given in days.
    **Tolerance ±20 %**: λz over ≥ 3 half-lives with CV ≤ 10 % has a relative SD of at most
    ~6 %; the noise is redrawn (same seed, same result) until the worked fit over all points is
    within ±13 %, so the data always support a right answer. Named
    mistakes: days (the times are given in days), log10/ln mixed, λz instead of t½.
    """
    kind = "half_life_from_troughs"
    rng = rng_for(seed, kind)
    c = _drawn_case(rng)
    subject = individual(rng, c, apart=("half_life", 1.2 * 0.20), quoted=_quoted_half_lives())
    truth = subject.half_life
    steps = [h for h in TROUGH_STEPS_H if h <= 2.0 * truth][-2:] or [TROUGH_STEPS_H[0]]
    dose, cv, step_h = pick(rng, doses(c.drug)), pick(rng, (0.05, 0.08, 0.10)), pick(rng, steps)
    regimen = repeated(dose, G21_INTERVAL_H, until=G21_DAYS * HOURS_PER_DAY)
    stop = regimen.last_dose_time
    span_h = pick(rng, (3.0, 3.5, 4.0)) * truth
    n = int(min(max(math.ceil(span_h / step_h), 5), 14))
    days = step_h / HOURS_PER_DAY * np.arange(1, n + 1, dtype=float)
    exact = simulate(subject.model, regimen, stop + days * HOURS_PER_DAY).concentration(c.drug, "ng/mL")
    for _ in range(100):  # solvable data: redraw the noise until the worked fit is within 2/3 of the tolerance
        conc = np.array([rounded(x, 4) for x in noisy(rng, exact, cv)])
        fitted = _log_slope_half_life(days * HOURS_PER_DAY, conc)
        if abs(fitted - truth) <= 0.13 * truth:
            break
    every = {24.0: "day", 48.0: "2 days"}.get(step_h, f"{step_h:g} h")
    course = "As in G21" if c.drug == "diazepam" else "On the regimen of G21's diazepam study"
    prompt = (f"{course}, one simulated adult of the **{c.preset.label}** group took {fmt(dose, 2)} mg {c.drug} "
              f"every {G21_INTERVAL_H:g} h for {G21_DAYS} days. After the last dose, levels were measured every {every} (times in days "
              f"after the last dose, {cv:.0%} measurement noise). Fit the **elimination half-life in hours**.")
    solution = (f"Convert days to hours and fit ln C against t over all {n} points: t½ = ln 2 / λz = "
                f"{fmt(fitted)} h. The model behind the data has t½ = {fmt(truth)} h: {subject.describe()}. "
                f"The group ({c.label} preset): {c.provenance('half_life')}.")
    return _problem(kind, seed, f"Half-life of {c.drug} after stopping (G21-like)", prompt,
                    {"days after the last dose (d)": days, f"{c.drug} (ng/mL)": conc}, "h", 0.20, truth,
                    solution, _half_life_mistakes(truth) + [Mistake("group mean", c.half_life, hints.GROUP_MEAN)],
                    "Fit ln(concentration) against time in hours; t½ = ln 2 / λz.", c.label)
