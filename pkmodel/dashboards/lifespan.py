"""Lesson 2: diazepam across the lifespan (K75 age line; G80 by sex).

For teaching only; nothing here recommends or adjusts a dose for anyone.
"""

from __future__ import annotations

import numpy as np

from .. import lessons
from .. import literature as lit
from ..plots import POPULATION_COLORS, age_color, label_concentration_axes
from ..regimen import single_dose
from ..simulate import simulate
from ..units import HOURS_PER_DAY
from .base import Dashboard
from .view import UNIT, Curve, View, _days, _fmt, _quiet


SEX_OPTIONS = [("either sex (K75 line)", "either"), ("men (G80)", "male"), ("women (G80)", "female")]


class LifespanDashboard(Dashboard):
    """A single 10 mg oral dose at any adult age (K75; G80 by sex), against a 25-year-old."""

    title = "Diazepam across the lifespan: one 10 mg oral dose"
    main = "age"
    toggles = ("sex",)
    reference_age = 25
    dose_mg = 10.0
    horizon_days = 10

    def make_controls(self, W):
        return {
            "age": W.IntSlider(value=80, min=18, max=100, step=1, description="Age (years)"),
            "sex": W.Dropdown(options=SEX_OPTIONS, value="either", description="Data"),
            "weight": W.IntSlider(value=70, min=40, max=120, step=5, description="Body weight (kg)"),
            "metabolite": W.Checkbox(value=False, description="show desmethyldiazepam"),
        }

    def compute(self, v):
        t = np.linspace(0, self.horizon_days * HOURS_PER_DAY, 481)
        reg = single_dose(self.dose_mg)
        arts, rows, notes = {}, [["", f"{self.reference_age} y", f"{v['age']} y"]], []
        people = []
        for key, age in (("ref", self.reference_age), ("age", v["age"])):
            p, n = _quiet(lit.at_age, age, sex=None if v["sex"] == "either" else v["sex"], weight_kg=v["weight"])
            notes += n
            people.append(p)
            r = simulate(p.model, reg, t)
            color = POPULATION_COLORS["young adult"] if key == "ref" else age_color(age)
            who = f"{age} y" if key == "ref" else "selected age"  # static labels: legend cached
            arts[f"{key}-dz"] = Curve(_days(t), r.concentration("diazepam", UNIT), color, "-",
                                      f"diazepam, {who}")
            if v["metabolite"]:
                arts[f"{key}-dmdz"] = Curve(_days(t), r.concentration("desmethyldiazepam", UNIT), color, "--",
                                            f"desmethyldiazepam, {who}")
        m0, m1 = (p.model for p in people)
        w = v["weight"]
        rows += [["t½ (h)", _fmt(m0.half_life("diazepam")), _fmt(m1.half_life("diazepam"))],
                 ["V (L)", _fmt(m0.compartment("diazepam").volume), _fmt(m1.compartment("diazepam").volume)],
                 ["V (L/kg)", _fmt(m0.compartment("diazepam").volume / w),
                  _fmt(m1.compartment("diazepam").volume / w)],
                 ["CL (mL/min/kg)", _fmt(lessons.clearance_ml_min_per_kg(m0.outflow_clearance("diazepam"), w)),
                  _fmt(lessons.clearance_ml_min_per_kg(m1.outflow_clearance("diazepam"), w))]]
        note = f"Body weight {w} kg. " + (" ".join(sorted(set(notes))) if notes else "")
        return View(arts, rows, note)

    def setup_axes(self):
        label_concentration_axes(self.axes[0], UNIT, log=self.log_default)
        self.axes[0].set_xlabel("Time after the dose (days)")
