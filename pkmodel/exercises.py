"""Exercises with check functions: they say whether a student's answer is right, and why.

The data are simulated from a published parameter set with a stated, seeded measurement noise,
so every student can compare an estimate with the published value it came from. Worked
solutions live apart, in ``notebooks/solutions/`` (for instructors).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from . import _validate as check
from . import literature as lit
from . import metrics
from .regimen import single_dose
from .simulate import simulate
from .units import HOURS_PER_DAY

#: Sampling times (h) of the sparse-sampling exercise: a realistic clinic schedule over 10 days.
SAMPLE_TIMES_H = (1.0, 2.0, 4.0, 8.0, 24.0, 48.0, 96.0, 144.0, 192.0, 240.0)
#: Proportional measurement noise (coefficient of variation) added to each sample.
NOISE_CV = 0.08
#: An answer within this relative distance of the target counts as right: noise of 8 % on
#: sparse samples moves a fitted half-life by up to ~15 %, so 25 % accepts sound estimates.
TOLERANCE = 0.25


@dataclass(frozen=True)
class Samples:
    """Sparse, noisy concentrations after one 10 mg oral dose; ``truth`` is for the check only."""

    times_h: np.ndarray
    concentrations_ng_ml: np.ndarray
    dose_mg: float
    preset: str
    truth_half_life_h: float


def sparse_samples(preset: str = "young adult", *, seed: int = 1) -> Samples:
    """Simulated diazepam samples (ng/mL) after 10 mg orally, with log-normal noise of CV 8 %."""
    p = lit.preset(preset)
    t = np.array(SAMPLE_TIMES_H)
    r = simulate(p.model, single_dose(10.0), t)
    rng = np.random.default_rng(seed)
    sigma = math.sqrt(math.log(1 + NOISE_CV ** 2))
    c = r.concentration("diazepam", "ng/mL") * rng.lognormal(-sigma ** 2 / 2, sigma, t.size)
    return Samples(t, c, 10.0, preset, p.model.half_life("diazepam"))


def _verdict(answer: float, target: float, what: str, unit: str) -> tuple[bool, str]:
    rel = abs(answer - target) / target
    if rel <= TOLERANCE:
        return True, f"Right: your {what} of {answer:.3g} {unit} is within {rel:.0%} of {target:.3g} {unit}."
    hint = "too high" if answer > target else "too low"
    return False, f"Not yet: {answer:.3g} {unit} is {hint} (off by {rel:.0%}). Look again at the terminal phase."


def check_half_life(answer_h: float, samples: Samples) -> bool:
    """Is ``answer_h`` within 25 % of the half-life behind ``samples``? Prints why; returns True/False."""
    answer_h = check.positive("answer_h (h)", answer_h)
    ok, msg = _verdict(answer_h, samples.truth_half_life_h, "half-life", "h")
    print(msg, f"(The {samples.preset} preset's published t½ is {samples.truth_half_life_h:.0f} h.)")
    return ok


def check_time_to_steady_state(answer_days: float, half_life_h: float, fraction: float = 0.9) -> bool:
    """Is ``answer_days`` within 25 % of the time to reach ``fraction`` of steady state? Prints why."""
    answer_days = check.positive("answer_days (days)", answer_days)
    target = metrics.time_to_steady_state(half_life_h, fraction) / HOURS_PER_DAY
    ok, msg = _verdict(answer_days, target, f"time to {fraction:.0%} of steady state", "days")
    print(msg)
    return ok
