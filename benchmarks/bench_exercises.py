"""Exercise generation benchmark: median milliseconds per problem, per kind (target ≤ 50 ms).

Each kind builds its problem from scratch for 40 seeds (presets are cached after the first call,
so the first, cold call is reported apart). As a same-process reference, the table also gives
each kind's time relative to one exact simulation of G21's regimen (30 doses, hourly over 25
days) with the young-adult preset: a kind that simulates once should cost about one unit.

Not a test: it always exits 0 and prints "no" in the ``met`` column when the target is missed.
"""

from __future__ import annotations

import statistics
import time

import numpy as np

import pkmodel as pk
from pkmodel import exercises
from pkmodel import literature as lit

TARGET_MS = 50.0
SEEDS = range(40)


def median_ms(fn, args):
    times = []
    for a in args:
        t0 = time.perf_counter()
        fn(a)
        times.append(time.perf_counter() - t0)
    return 1e3 * statistics.median(times)


def main():
    t0 = time.perf_counter()
    exercises.problem_set(0)  # cold: builds and caches the presets
    cold_ms = 1e3 * (time.perf_counter() - t0)
    model, regimen, grid = lit.preset("young adult").model, lit.g21_regimen(), np.arange(0, 25 * 24 + 1.0)
    ref_ms = median_ms(lambda _: pk.simulate(model, regimen, grid).concentration("diazepam"), range(40))
    print(f"reference: one G21 simulation (hourly, 25 days) {ref_ms:.2f} ms; cold first problem set {cold_ms:.0f} ms")
    print(f"{'kind':<26} {'median ms':>10} {'× ref':>7} {'met':>4}")
    worst = 0.0
    for kind, make in exercises.KINDS.items():
        ms = median_ms(make, SEEDS)
        worst = max(worst, ms)
        print(f"{kind:<26} {ms:>10.2f} {ms / ref_ms:>7.1f} {'yes' if ms <= TARGET_MS else 'no':>4}")
    set_ms = median_ms(exercises.problem_set, range(10))
    print(f"{'problem_set (all kinds)':<26} {set_ms:>10.2f} {set_ms / ref_ms:>7.1f}")
    print(f"slowest kind {worst:.2f} ms (target ≤ {TARGET_MS:g} ms per problem)")


if __name__ == "__main__":
    main()
