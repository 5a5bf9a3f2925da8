"""Fidelity table (``make bench``): the package's diazepam presets next to the published figures.

For one 10 mg oral dose: peak (ng/mL) and tmax (h) of plasma (central) diazepam, and the terminal
half-life read from the simulated curve (log-slope 5-10 days after the dose), per preset, beside
the figure each is compared with; then G21's elderly/young steady-state ratio. Targets (issue 10):
young-adult peak 300-500 ng/mL at 0.5-1.5 h; elderly peak lower at 0.5-1.5 h; half-lives within
2 % of the cited; Css ratio 1.30-1.35. Also the time to build a preset (cached calibration) and
the comparators' presets against their studies.

Not a test: it always exits 0 and prints "no" in the ``met`` column when a target is missed.
"""

from __future__ import annotations

import math
import time
import warnings

import numpy as np

import pkmodel as pk
from pkmodel import literature as lit

FINE = np.arange(0.0, 6.0, 0.001)


def single_dose(p, dose=10.0):
    c = pk.simulate(p.model, pk.single_dose(dose), FINE).concentration(p.drug, "ng/mL")
    late = pk.simulate(p.model, pk.single_dose(dose), [120.0, 240.0]).concentration(p.drug)
    return float(c.max()), float(FINE[c.argmax()]), math.log(2) * 120.0 / math.log(late[0] / late[1])


def css(p):
    r = pk.simulate(p.model, pk.repeated(2.5, 12.0, count=400), [4800.0])
    return float(r.auc("diazepam", 4788.0, 4800.0, unit="ng/mL")) / 12.0


def row(cells, widths=(30, 12, 9, 11, 34, 5)):
    print("  ".join(str(c).ljust(w) for c, w in zip(cells, widths)))


def main():
    print("Diazepam fidelity: one 10 mg oral dose (plasma = central compartment)\n")
    row(("preset", "peak ng/mL", "tmax h", "t1/2 h", "published", "met"))
    young, old = lit.preset("young adult"), lit.preset("elderly")
    y = single_dose(young)
    o = single_dose(old)
    row((young.label[:30], f"{y[0]:.0f}", f"{y[1]:.2f}", f"{y[2]:.1f}", "G89 406 (10 mg); ABS 314/10 mg, 0.9 h",
         "yes" if 300 <= y[0] <= 500 and 0.5 <= y[1] <= 1.5 else "no"))
    row((old.label[:30], f"{o[0]:.0f}", f"{o[1]:.2f}", f"{o[2]:.1f}", "lower than young (ABS), 0.5-1.5 h",
         "yes" if o[0] < y[0] and 0.5 <= o[1] <= 1.5 else "no"))
    for p, cited in ((young, 31.0), (old, 86.0)):
        t = single_dose(p)[2]
        row((f"  terminal t1/2, {p.name}", "", "", f"{t:.1f}", f"G21 {cited:g} h (within 2 %)",
             "yes" if abs(t / cited - 1) <= 0.02 else "no"))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", lit.ExtrapolationWarning)
        for age, cited in ((20, 20.0), (80, 90.0)):
            p = lit.at_age(age)
            pk_, tm, t = single_dose(p)
            row((f"at_age({age})", f"{pk_:.0f}", f"{tm:.2f}", f"{t:.1f}", f"K75 about {cited:g} h",
                 "yes" if abs(t / cited - 1) <= 0.02 else "no"))
    for r in lit.single_dose_peaks("diazepam"):
        tmax = f"{r.tmax.value:g} h" if r.tmax is not None else "tmax n/r"
        row((f"  published {r.source_key}", f"{r.peak_per_mg * 10:.0f}/10 mg", "", "",
             f"{r.peak.value:g} ng/mL after {r.dose_mg:g} mg, {tmax}", ""))
    ratio = css(old) / css(young)
    print()
    row(("G21 Css elderly / young", "", "", "", "1.30-1.35", "yes" if 1.30 <= ratio <= 1.35 else "no"))
    print(f"  measured {ratio:.4f}")

    print("\nComparators: presets vs their studies (t1/2 h, CL mL/min/kg at 70 kg)\n")
    row(("preset", "t1/2", "CL", "", "published", ""))
    published = {("lorazepam", "young adult"): "G79L 14.1 h, 0.99", ("lorazepam", "elderly"): "G79L 15.9 h, 0.77",
                 ("oxazepam", "young adult"): "OX1 men 7.5 / women 8.5 h", ("oxazepam", "elderly"): "OX1: same (no age)",
                 ("temazepam", "young adult"): "TZ1 men 12.3 / women 16.8 h",
                 ("temazepam", "elderly"): "TZ1: same (no age)"}
    for (drug, group), text in published.items():
        p = lit.preset(group, drug=drug)
        row((p.label[:30], f"{p.half_life():.2f}", f"{p.clearance() * 1000 / 60 / 70:.3f}", "", text, ""))

    n = 200
    t0 = time.perf_counter()
    for _ in range(n):
        lit.preset("elderly")
    per = (time.perf_counter() - t0) / n
    print(f"\nlit.preset('elderly'): {per * 1e3:.2f} ms per call (calibration cached)")


if __name__ == "__main__":
    main()
