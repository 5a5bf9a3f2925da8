"""Exercise kinds on repeated dosing: volume, accumulation, steady state, washout, average level.

The numbers given are the presets' (rounded to 3 significant digits, as a table would print
them); the true answer is computed from the numbers shown, with :mod:`pkmodel.metrics` or an
exact simulation, so a student who works exactly from the prompt lands on it.
"""

from __future__ import annotations

import math

import numpy as np

from .. import metrics
from ..regimen import repeated
from ..simulate import simulate
from ..units import HOURS_PER_DAY, LN2, volume_for_half_life
from . import _core, hints
from ._core import INTERVALS_H, Mistake, Problem, case, doses, fmt, pick, rng_for, rounded
from .sampling import LN10, ML_MIN_PER_L_H, _drawn_case, _problem


def _interval_text(tau: float) -> str:
    return {24.0: "once a day (every 24 h)", 12.0: "twice a day (every 12 h)"}.get(tau, f"every {tau:g} h")


def volume_from_half_life(seed) -> Problem:
    """Volume (L or L/kg) from the half-life and the clearance: V = CL · t½ / ln 2.

    CL is given in mL/min or L/h, the answer asked in L or L/kg (at the preset's body weight).
    **Tolerance ±5 %** (exact arithmetic). Named mistakes: mL/min used as L/h (× 16.7), half of
    the conversion (× 1000 or ÷ 60), L vs L/kg, ln 2 left out, log10 2 for ln 2, t½ in days.
    With a two-compartment drug this V is Vz, the volume of the terminal phase.
    """
    kind = "volume_from_half_life"
    rng = rng_for(seed, kind)
    c = _drawn_case(rng)
    cl_unit, v_unit = pick(rng, ("mL/min", "L/h")), pick(rng, ("L", "L/kg"))
    per_unit = ML_MIN_PER_L_H if cl_unit == "mL/min" else 1.0
    t_half, cl_shown, weight = rounded(c.half_life), rounded(c.clearance * per_unit), c.preset.weight_kg
    cl = cl_shown / per_unit
    per_kg = weight if v_unit == "L/kg" else 1.0
    truth = volume_for_half_life(cl, t_half) / per_kg
    mistakes = [Mistake("mL/min as L/h", truth * per_unit if cl_unit == "mL/min" else math.nan, hints.ML_MIN_VS_L_H),
                Mistake("only × 60", truth * 1000.0 if cl_unit == "mL/min" else math.nan, hints.HALF_CONVERTED),
                Mistake("only ÷ 1000", truth / 60.0 if cl_unit == "mL/min" else math.nan, hints.HALF_CONVERTED),
                Mistake("L vs L/kg", truth * weight if v_unit == "L/kg" else truth / weight, hints.L_VS_L_PER_KG),
                Mistake("ln 2 left out", truth / LN2, hints.FORGOT_LN2),
                Mistake("log10 2 for ln 2", truth * LN10, hints.LOG10_VS_LN),
                Mistake("t½ in days", truth / HOURS_PER_DAY, hints.TIME_IN_HOURS)]
    prompt = (f"For the **{c.preset.label}** group, {c.drug} has a terminal half-life of {fmt(t_half)} h and a "
              f"clearance of {fmt(cl_shown)} {cl_unit} (body weight {fmt(weight, 2)} kg). What is its **volume of "
              f"distribution in {v_unit}**?")
    solution = (f"CL = {fmt(cl_shown)} {cl_unit}" + ("" if cl_unit == "L/h" else f" = {fmt(cl)} L/h")
                + f"; V = CL · t½ / ln 2 = {fmt(cl)} × {fmt(t_half)} / 0.693 = {fmt(truth * per_kg)} L"
                + ("" if v_unit == "L" else f" = {fmt(truth)} L/kg at {fmt(weight, 2)} kg")
                + f". The preset: {c.provenance('volume')} (t½ {c.provenance('half_life')}).")
    data = {"t½ (h)": t_half, f"CL ({cl_unit})": cl_shown, "body weight (kg)": weight}
    return _problem(kind, seed, f"Volume of {c.drug} from t½ and CL", prompt, data, v_unit, 0.05, truth,
                    solution, mistakes, "V = CL · t½ / ln 2, with CL in L/h and t½ in h.", c.label)


def accumulation_ratio(seed) -> Problem:
    """Accumulation ratio R = 1 / (1 − e^(−kτ)) from k (1/h, from the preset's t½) and τ (h).

    **Tolerance ±5 %** (exact arithmetic). Named mistakes: 1 − e^(−kτ) without the reciprocal,
    10^(−kτ) for e^(−kτ), τ in days.
    """
    kind = "accumulation_ratio"
    rng = rng_for(seed, kind)
    c = _drawn_case(rng)
    tau, k = pick(rng, INTERVALS_H), rounded(LN2 / c.half_life)
    truth = metrics.accumulation_ratio(LN2 / k, tau)
    mistakes = [Mistake("no reciprocal", -math.expm1(-k * tau), hints.FORGOT_RECIPROCAL),
                Mistake("10^(-k tau)", 1.0 / (1.0 - 10.0 ** (-k * tau)), hints.POWER_OF_TEN),
                Mistake("tau in days", -1.0 / math.expm1(-k * tau / HOURS_PER_DAY), hints.TAU_IN_DAYS)]
    prompt = (f"{c.drug.capitalize()} is given {_interval_text(tau)} to the **{c.preset.label}** group; its "
              f"elimination rate constant is k = {fmt(k)} 1/h. By what factor is the steady-state trough higher "
              f"than the trough after the first dose (the **accumulation ratio R**)?")
    solution = (f"R = 1 / (1 − e^(−kτ)) = 1 / (1 − e^(−{fmt(k)} × {fmt(tau, 2)})) = {fmt(truth)}. "
                f"k = ln 2 / t½ from the preset: {c.provenance('half_life')}.")
    return _problem(kind, seed, f"Accumulation of {c.drug}", prompt, {"k (1/h)": k, "τ (h)": tau}, "(ratio)", 0.05,
                    truth, solution, mistakes, "R = 1 / (1 − e^(−kτ)), with k and τ in the same time unit.",
                    c.label)


def time_to_steady_state(seed) -> Problem:
    """Days to reach 50-99 % of steady state from the half-life: t = log2(1 / (1 − f)) · t½.

    **Tolerance ±5 %** (exact arithmetic: 9 days is not right for 11.9). Named mistakes: hours
    instead of days, log10/ln mixed, the number of half-lives instead of a time, ln(1/f) for
    ln(1/(1 − f)).
    """
    kind = "time_to_steady_state"
    rng = rng_for(seed, kind)
    c = _drawn_case(rng)
    f, t_half = pick(rng, (0.5, 0.75, 0.8, 0.9, 0.95, 0.97, 0.99)), rounded(c.half_life)
    truth = metrics.time_to_steady_state(t_half, f) / HOURS_PER_DAY
    n_half_lives = math.log2(1.0 / (1.0 - f))
    mistakes = [Mistake("hours", truth * HOURS_PER_DAY, hints.HOURS_NOT_DAYS),
                Mistake("log10", truth / LN10, hints.LOG10_VS_LN),
                Mistake("log10", truth * LN10, hints.LOG10_VS_LN),
                Mistake("half-lives", n_half_lives, hints.HALF_LIVES_COUNT),
                Mistake("ln(1/f)", math.log(1.0 / f) / LN2 * t_half / HOURS_PER_DAY, hints.FRACTION_NOT_GAP)]
    prompt = (f"The **{c.preset.label}** group's {c.drug} half-life is {fmt(t_half)} h. On regular dosing, how many "
              f"**days** does it take to reach **{f:.0%} of steady state**?")
    solution = (f"The gap to steady state halves every half-life: t = log2(1 / (1 − {f:g})) · t½ = "
                f"{fmt(n_half_lives)} × {fmt(t_half)} h = {fmt(truth * HOURS_PER_DAY)} h = {fmt(truth)} days "
                f"(`metrics.time_to_steady_state`). The half-life: {c.provenance('half_life')}.")
    return _problem(kind, seed, f"Time to steady state of {c.drug}", prompt, {"t½ (h)": t_half, "fraction f": f},
                    "days", 0.05, truth, solution, mistakes,
                    "Count half-lives: 50 % takes one, 75 % two, 87.5 % three; t = log2(1 / (1 − f)) · t½.",
                    c.label)


def washout(seed) -> Problem:
    """Days, counted from one day after the last dose of a long course, until the level falls
    below a fraction of the level measured then.

    Counting from a day after the last dose puts the start in the terminal phase (absorption and
    distribution are over), where the level halves every t½, so the closed form log2(1/f) · t½
    applies to a two-compartment drug too. The true answer is simulated exactly (a course of
    ≥ 6 half-lives, then :func:`pkmodel.metrics.time_below_fraction` from that moment).
    **Tolerance ±10 %**: the closed form uses the rounded published t½ and ignores what is left of
    the distribution phase a day after the dose (under 3 % here). Named mistakes: hours,
    ln(1/f) · t½ (no ÷ ln 2), log10 for ln, log2(1/(1 − f)) (eliminated instead of remaining).
    """
    kind = "washout"
    rng = rng_for(seed, kind)
    c = _drawn_case(rng)
    dose, tau, f = pick(rng, doses(c.drug)), pick(rng, (8.0, 12.0, 24.0)), pick(rng, (0.5, 0.25, 0.1, 0.05))
    t_half = rounded(c.half_life)
    regimen = repeated(dose, tau, count=int(math.ceil(6.0 * c.half_life / tau)) + 1)
    start = regimen.last_dose_time + HOURS_PER_DAY
    horizon = (math.log2(1.0 / f) + 3.0) * c.half_life
    times = start + np.linspace(0.0, horizon, 150)
    truth = metrics.time_below_fraction(simulate(c.model, regimen, times), c.drug, f, after=start,
                                        tolerance=0.01) / HOURS_PER_DAY
    closed = math.log2(1.0 / f) * t_half / HOURS_PER_DAY
    mistakes = [Mistake("hours", truth * HOURS_PER_DAY, hints.HOURS_NOT_DAYS),
                Mistake("ln without ÷ ln 2", closed * LN2, hints.LN_NOT_LOG2),
                Mistake("log10", closed / LN10, hints.LOG10_VS_LN),
                Mistake("eliminated", math.log2(1.0 / (1.0 - f)) * t_half / HOURS_PER_DAY,
                        hints.REMAINING_NOT_ELIMINATED)]
    prompt = (f"Adults of the **{c.preset.label}** group took {fmt(dose, 2)} mg {c.drug} {_interval_text(tau)} "
              f"for weeks (steady state), then stopped. The half-life is {fmt(t_half)} h. The level is measured "
              f"**one day after the last dose**. How many **days** after that measurement until the {c.drug} "
              f"level falls below **{f:.0%} of the measured level**?")
    solution = (f"A day after the last dose, absorption and distribution are over and the level halves every t½: "
                f"t = log2(1/{f:g}) · t½ = {fmt(math.log2(1 / f))} × {fmt(t_half)} h = "
                f"{fmt(closed * HOURS_PER_DAY)} h ≈ {fmt(closed)} days. The exact simulation "
                f"(`metrics.time_below_fraction` from that measurement) gives {fmt(truth)} days. "
                f"The half-life: {c.provenance('half_life')}.")
    data = {"t½ (h)": t_half, "fraction of the measured level f": f, "dose (mg)": dose, "τ (h)": tau}
    return _problem(kind, seed, f"Washout of {c.drug}", prompt, data, "days", 0.10, truth, solution, mistakes,
                    "In the terminal phase the level halves every half-life: t = log2(1/f) · t½; then convert to days.",
                    c.label)


def compare_accumulation(seed) -> Problem:
    """How many times more does drug/group A accumulate than B at the same τ: R_A / R_B.

    R = 1 / (1 − 2^(−τ/t½)) for each (:func:`pkmodel.metrics.accumulation_ratio`). **Tolerance
    ±5 %**. Named mistakes: the ratio upside down, the ratio of half-lives instead of R.
    """
    kind = "compare_accumulation"
    rng = rng_for(seed, kind)
    cases = [case(*c) for c in _core._cases()]
    tau = pick(rng, INTERVALS_H)
    ratio = [metrics.accumulation_ratio(rounded(c.half_life), tau) for c in cases]
    # only pairs that differ (R_A/R_B outside 1/1.3 .. 1.3): groups whose kinetics a study found
    # the same (e.g. oxazepam young vs elderly) would make a question with no contrast
    pairs = [(i, j) for i in range(len(cases)) for j in range(len(cases))
             if i != j and abs(math.log(ratio[i] / ratio[j])) > math.log(1.3)]
    i, j = pairs[int(rng.integers(len(pairs)))]
    a, b = cases[i], cases[j]
    ta, tb = rounded(a.half_life), rounded(b.half_life)
    ra, rb = ratio[i], ratio[j]
    truth = ra / rb
    mistakes = [Mistake("upside down", 1.0 / truth, hints.UPSIDE_DOWN),
                Mistake("half-life ratio", ta / tb, hints.HALF_LIFE_RATIO)]
    prompt = (f"Both are dosed {_interval_text(tau)}: **A** = {a.drug} in the {a.preset.label} group "
              f"(t½ {fmt(ta)} h), **B** = {b.drug} in the {b.preset.label} group (t½ {fmt(tb)} h). **How many times "
              f"larger is A's accumulation ratio than B's** (R_A / R_B; below 1 if A accumulates less)?")
    solution = (f"R_A = 1 / (1 − 2^(−{fmt(tau, 2)}/{fmt(ta)})) = {fmt(ra)}, R_B = {fmt(rb)}, so R_A / R_B = "
                f"{fmt(truth)}. A: {a.provenance('half_life')}; B: {b.provenance('half_life')}.")
    data = {"t½ of A (h)": ta, "t½ of B (h)": tb, "τ (h)": tau}
    return _problem(kind, seed, "Which accumulates more?", prompt, data, "(ratio)", 0.05, truth, solution, mistakes,
                    "Compute R = 1 / (1 − 2^(−τ/t½)) for each, then divide A's by B's.",
                    f"A: {a.label}; B: {b.label}")


def steady_state_average(seed) -> Problem:
    """Average steady-state level (ng/mL): Css,avg = F · Dose / (CL · τ) (any linear model).

    **Tolerance ±5 %** (exact arithmetic, :func:`pkmodel.metrics.steady_state_average`). Named
    mistakes: τ divided twice, mg/L for ng/mL (÷ 1000), τ in days (× 24), mL/min used as L/h,
    F left out (listed when F is far enough from 1 to tell).
    """
    kind = "steady_state_average"
    rng = rng_for(seed, kind)
    c = _drawn_case(rng)
    dose, tau, cl_unit = pick(rng, doses(c.drug)), pick(rng, INTERVALS_H), pick(rng, ("mL/min", "L/h"))
    per_unit = ML_MIN_PER_L_H if cl_unit == "mL/min" else 1.0
    cl_shown, f = rounded(c.clearance * per_unit), rounded(c.bioavailability, 2)
    cl = cl_shown / per_unit
    truth = metrics.steady_state_average(dose, tau, cl, f) * 1000.0
    mistakes = [Mistake("tau twice", truth / tau, hints.TAU_TWICE),
                Mistake("mg/L", truth / 1000.0, hints.MG_VS_UG),
                Mistake("tau in days", truth * HOURS_PER_DAY, hints.TAU_IN_HOURS),
                Mistake("mL/min as L/h", truth / per_unit if cl_unit == "mL/min" else math.nan, hints.ML_MIN_VS_L_H),
                Mistake("F left out", truth / f, hints.FORGOT_F)]
    prompt = (f"{fmt(dose, 2)} mg {c.drug} is taken orally {_interval_text(tau)} (F = {fmt(f, 2)}) by the "
              f"**{c.preset.label}** group, whose clearance is {fmt(cl_shown)} {cl_unit}. What is the **average "
              f"steady-state plasma level in ng/mL**?")
    solution = (f"Css,avg = F · Dose / (CL · τ) = {fmt(f, 2)} × {fmt(dose, 2)} mg / "
                f"({fmt(cl)} L/h × {fmt(tau, 2)} h) = "
                f"{fmt(truth / 1000.0)} mg/L = {fmt(truth)} ng/mL. The clearance: {c.provenance('clearance')}.")
    data = {"dose (mg)": dose, "τ (h)": tau, "F": f, f"CL ({cl_unit})": cl_shown}
    return _problem(kind, seed, f"Average steady-state level of {c.drug}", prompt, data, "ng/mL", 0.05, truth,
                    solution, mistakes,
                    "Css,avg = F · Dose / (CL · τ), in mg/L with CL in L/h; 1 mg/L = 1000 ng/mL.", c.label)
