"""Dashboard update latency, measured in-process (control change -> artists updated -> canvas
drawn -> PNG frame encoded for the browser -> readout filled).

For each dashboard: the time to build it (including its first full draw), the first move of its
main slider after construction (one step from its start), and then the median and 95th percentile of the time from setting the
main slider to a finished Agg frame over 30 moves across the slider's range (on its step).
Targets (issue 12): median <= 60 ms, p95 <= 120 ms, first move included, and the first move no
slower than later ones (caches are warmed at construction). A reference run in the same process:
the lesson's ``compute`` alone for the same values, so the ratio shows what the drawing costs.
Not a test: it prints a table and always exits 0. ``--no-notebooks`` skips the notebook-suite timing.
"""

from __future__ import annotations

import time

import matplotlib

matplotlib.use("Agg")

import numpy as np  # noqa: E402

from pkmodel.dashboards import DASHBOARDS  # noqa: E402

TARGET_MEDIAN_MS = 60.0
TARGET_P95_MS = 120.0


def slider_values(w, n=30):
    """``n`` values across a slider's range, each on its step (set() refuses anything else)."""
    steps = np.unique(np.linspace(0, round((w.max - w.min) / w.step), n + 1).round().astype(int))[1:]
    values = [w.min + int(i) * w.step for i in steps]
    return [int(v) for v in values] if isinstance(w.value, int) else [round(v, 10) for v in values]


def measure(cls):
    t0 = time.perf_counter()
    dash = cls()
    dash.render = True  # draw on the Agg canvas as a notebook's canvas would
    dash.refresh()
    build = (time.perf_counter() - t0) * 1e3
    w = dash.controls[dash.main]
    # the first thing a student does: nudge the main slider one step from where it starts
    t0 = time.perf_counter()
    dash.set(**{dash.main: dash._first_move()})
    first = (time.perf_counter() - t0) * 1e3
    probe = cls()  # compute alone, on its own instance: nothing it computes is already cached
    total, compute = [], []
    for v in [v for v in slider_values(w) if v != w.value]:  # every value a move
        t0 = time.perf_counter()
        dash.set(**{dash.main: v})  # recompute, update artists in place, blit
        total.append((time.perf_counter() - t0) * 1e3)
        t0 = time.perf_counter()
        probe.compute({**probe.values(), dash.main: v})
        compute.append((time.perf_counter() - t0) * 1e3)
    return build, first, float(np.median(total)), float(np.percentile(total, 95)), float(np.median(compute))


def main():
    print(f"{'dashboard':<14}{'build ms':>10}{'first ms':>10}{'median ms':>11}{'p95 ms':>9}"
          f"{'compute ms':>12}{'draw/compute':>14}{'met':>6}")
    for name, cls in DASHBOARDS.items():
        build, first, med, p95, comp = measure(cls)
        ok = med <= TARGET_MEDIAN_MS and p95 <= TARGET_P95_MS and first <= TARGET_P95_MS
        print(f"{name:<14}{build:>10.1f}{first:>10.1f}{med:>11.1f}{p95:>9.1f}{comp:>12.1f}"
              f"{(med - comp) / max(comp, 1e-9):>14.2f}{'yes' if ok else 'NO':>6}")
    print(f"targets: median <= {TARGET_MEDIAN_MS:g} ms, p95 <= {TARGET_P95_MS:g} ms, first move <= p95 target")


def notebook_suite():
    """Wall time of the whole notebook suite under nbval (target <= 90 s on 2 cores)."""
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--nbval-lax",
                           "--nbval-current-env", "notebooks"], cwd=root, capture_output=True, text=True)
    wall = time.perf_counter() - t0
    last = proc.stdout.strip().splitlines()[-1] if proc.stdout.strip() else proc.stderr[-200:]
    print(f"\nnotebook suite under nbval: {wall:.1f} s (target <= 90 s: {'yes' if wall <= 90 else 'NO'}); {last}")


if __name__ == "__main__":
    import sys

    main()
    if "--no-notebooks" not in sys.argv:
        notebook_suite()
