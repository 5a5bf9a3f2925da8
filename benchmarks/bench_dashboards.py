"""Dashboard update latency, measured in-process (control change -> artists updated -> canvas drawn).

Prints, for each dashboard, the median and 95th percentile of the time from setting the main
slider to a finished Agg draw of the figure, over 30 moves across the slider's range. Target
(issue 4): median <= 30 ms. A reference run in the same process: the engine simulation alone
for the same dashboard's computation, so the ratio shows what the drawing costs.
Not a test: it prints a table and always exits 0.
"""

from __future__ import annotations

import time

import matplotlib

matplotlib.use("Agg")

import numpy as np  # noqa: E402

from pkmodel.dashboards import DASHBOARDS  # noqa: E402

TARGET_MS = 30.0


def main():
    rows = []
    for name, cls in DASHBOARDS.items():
        dash = cls()
        dash.render = True  # draw on the Agg canvas as a notebook's canvas would
        dash.refresh()
        w = dash.controls[dash.main]
        values = np.linspace(w.min, w.max, 31)[1:]
        if isinstance(w.value, int):
            values = np.unique(values.round().astype(int))
        probe = cls()  # compute alone, on its own instance: nothing it computes is already cached
        total, compute = [], []
        for v in values:
            v = type(w.value)(v)
            t0 = time.perf_counter()
            dash.set(**{dash.main: v})  # recompute, update artists in place, blit
            total.append((time.perf_counter() - t0) * 1e3)
            t0 = time.perf_counter()
            probe.compute({**probe.values(), dash.main: v})
            compute.append((time.perf_counter() - t0) * 1e3)
        med, p95 = np.median(total), np.percentile(total, 95)
        rows.append((name, med, p95, np.median(compute), med <= TARGET_MS))
    print(f"{'dashboard':<14}{'update median ms':>18}{'p95 ms':>10}{'compute only ms':>17}{'target':>9}{'met':>6}")
    for name, med, p95, comp, ok in rows:
        print(f"{name:<14}{med:>18.1f}{p95:>10.1f}{comp:>17.1f}{'<=30':>9}{'yes' if ok else 'NO':>6}")


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
    main()
    notebook_suite()
