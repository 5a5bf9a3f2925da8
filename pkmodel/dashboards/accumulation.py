"""Lesson 4: repeated dosing and accumulation, young vs elderly (G21 presets).

For teaching only; nothing here recommends or adjusts a dose for anyone.
"""

from __future__ import annotations

import numpy as np

from .. import lessons
from .. import literature as lit
from ..plots import POPULATION_COLORS
from ..regimen import repeated
from ..simulate import simulate
from ..units import HOURS_PER_DAY
from .base import Dashboard
from .view import G21_DAYS, G21_TEXT, LABEL_TEXT, UNIT, Curve, View, _days, _fmt, label_regimen_controls


class AccumulationDashboard(Dashboard):
    """Young vs elderly (G21 presets) on a repeated oral regimen, then washout.

    Sliders span the label's range (:func:`.view.label_regimen_controls`: 2–10 mg, once to four
    times a day), so a student can compare the same regimen at 25 and at 80 years. The US label
    (LABEL) gives 2–10 mg three or four times daily for muscle
    spasm, two to four times daily for anxiety, and 2–2.5 mg once or twice daily at first for
    older or debilitated patients (G21's 2.5 mg twice daily is that starting regimen). Not a
    dosing guide.
    """

    title = "Repeated dosing: accumulation in young and elderly adults"
    main = "dose"
    toggles = ("per_day",)
    horizon_days = 45

    def make_controls(self, W):
        return {
            **label_regimen_controls(W),
            "days": W.IntSlider(value=G21_DAYS, min=1, max=30, step=1, description="Days of dosing"),
            "metabolite": W.Checkbox(value=True, description="show desmethyldiazepam"),
        }

    def compute(self, v):
        interval = HOURS_PER_DAY / v["per_day"]
        reg = repeated(v["dose"], interval, until=v["days"] * HOURS_PER_DAY)
        t = np.linspace(0, self.horizon_days * HOURS_PER_DAY, 1081)
        arts = {}
        rows = [["", "young", "elderly"]]
        cols = {}
        for name in lit.PRESETS:
            p = lit.preset(name)
            r = simulate(p.model, reg, t)
            color = POPULATION_COLORS[name]
            arts[f"{name}-dz"] = Curve(_days(t), r.concentration("diazepam", UNIT), color, "-",
                                       f"diazepam, {name}")
            if v["metabolite"]:
                arts[f"{name}-dmdz"] = Curve(_days(t), r.concentration("desmethyldiazepam", UNIT), color, "--",
                                             f"desmethyldiazepam, {name}")
            s = lessons.accumulation_table(p.model, reg, interval, result=r, unit=UNIT)
            cols[name] = [_fmt(s["half_life_h"]), _fmt(s["days_to_90pct"]), _fmt(s["accumulation_ratio"]),
                          _fmt(s["average_last_interval"])]
        labels = ["DZ t½ (h)", "90 % of steady state (days, from t½)", "accumulation ratio (at steady state)",
                  "DZ average, last interval (ng/mL)"]
        for i, lab in enumerate(labels):
            rows.append([lab, cols[lit.PRESETS[0]][i], cols[lit.PRESETS[1]][i]])
        note = (f"{v['dose']:g} mg every {interval:g} h for {v['days']} days, then stopped. "
                f"{LABEL_TEXT} (G21: {G21_TEXT}). A comparison of regimens, not a dosing guide.")
        return View(arts, rows, note)
