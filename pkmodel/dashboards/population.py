"""Lesson 7a: variability, a virtual population's percentile bands.

For teaching only; nothing here recommends or adjusts a dose for anyone.
"""

from __future__ import annotations

import numpy as np

from .. import lessons
from .. import literature as lit
from ..plots import OKABE_ITO, SPECIES_LINESTYLES, age_color
from ..simulate import simulate
from ..units import HOURS_PER_DAY
from .base import Dashboard
from .view import G21_DAYS, G21_END_H, G21_INTERVAL, G21_TEXT, UNIT, Band, Curve, View, _days, _fmt, _quiet


class PopulationDashboard(Dashboard):
    """A virtual population at any age: median and 5–95 % band, and a few individuals."""

    title = "Variability: the average patient hides the tails"
    main = "age"
    toggles = ("species",)
    horizon_days = 40
    n_subjects = 200
    seed = 2021
    #: Virtual populations kept, by age (the last few: the species toggle, a slider moved back
    #: and forth, and the first move, simulated ahead at construction, reuse them).
    cached_ages = 3

    def make_controls(self, W):
        return {
            "age": W.IntSlider(value=80, min=18, max=100, step=1, description="Age (years)"),
            "species": W.ToggleButtons(options=[("diazepam", "diazepam"), ("DMDZ", "desmethyldiazepam")],
                                       value="diazepam", description="Show", style={"button_width": "90px"}),
        }

    def _simulate(self, age):
        """The virtual population at ``age``, kept for the last :attr:`cached_ages` ages.

        Four points per dosing interval (at each dose, i.e. the trough, and every quarter interval
        after it), which keeps a slider step within the latency target."""
        cache = self.__dict__.setdefault("_populations", {})  # (a headless lesson has no __init__)
        if age not in cache:
            p, notes = _quiet(lit.at_age, age)
            batch = lit.virtual_population(p, self.n_subjects, seed=self.seed)
            t = np.arange(0, self.horizon_days * HOURS_PER_DAY + 1, G21_INTERVAL / 4)
            cache[age] = (simulate(batch, lit.g21_regimen(), t), notes)
            while len(cache) > self.cached_ages:
                del cache[next(iter(cache))]  # the oldest
        return cache[age]

    def compute(self, v):
        r, notes = self._simulate(v["age"])
        t = r.times
        sp = v["species"]
        lo, med, hi = lit.percentile_bands(r, sp, unit=UNIT, percentiles=(5, 50, 95))
        color = age_color(v["age"])
        arts = {"band": Band(_days(t), lo, hi, color, "5–95 % of virtual people"),
                "median": Curve(_days(t), med, color, SPECIES_LINESTYLES[sp], "median")}
        conc = r.concentration(sp, UNIT)
        for i in range(3):
            arts[f"ind{i}"] = Curve(_days(t), conc[i], OKABE_ITO["black"], "-", "three individuals" if i == 0 else "_",
                                    linewidth=0.8, alpha=0.6)
        day15 = lessons.grid_index(t, G21_END_H)  # the last trough (every interval/4 is on the grid)
        rows = [[f"at day {G21_DAYS} (ng/mL)", "value"],
                ["5th percentile", _fmt(lo[day15])], ["median", _fmt(med[day15])],
                ["95th percentile", _fmt(hi[day15])], ["95th ÷ 5th", _fmt(hi[day15] / lo[day15])]]
        note = (f"{self.n_subjects} virtual people aged {v['age']}, G21 regimen ({G21_TEXT}). "
                + (" ".join(sorted(set(notes))) if notes else ""))
        return View(arts, rows, note)
