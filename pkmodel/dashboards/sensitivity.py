"""Lesson 7b: sensitivity, illustrative concentration-effect curves by age (R78).

For teaching only; nothing here recommends or adjusts a dose for anyone.
"""

from __future__ import annotations

import numpy as np

from .. import literature as lit
from ..plots import POPULATION_COLORS, age_color
from .base import Dashboard
from .view import Curve, View, _fmt


class SensitivityDashboard(Dashboard):
    """Illustrative concentration–effect curves: the same concentration, more effect when older (R78)."""

    title = "Sensitivity: the same level means more effect in older people (illustrative)"
    main = "age"
    toggles = ("xscale",)
    reference_age = 25

    def make_controls(self, W):
        return {
            "age": W.IntSlider(value=80, min=18, max=100, step=1, description="Age (years)"),
            "xscale": W.ToggleButtons(options=["linear", "log"], value="log", description="x-axis",
                                      style={"button_width": "70px"}),
            "level": W.IntSlider(value=300, min=50, max=1500, step=50, description="Level (ng/mL)"),
        }

    def has_scale_toggle(self):
        return False

    def setup_axes(self):
        ax = self.axes[0]
        ax.set_xlabel("Plasma diazepam concentration (ng/mL)")
        ax.set_ylabel("Illustrative effect (fraction of maximum)")
        ax.set_ylim(0, 1.02)
        ax.set_xscale(self.controls["xscale"].value)
        ax.grid(True, alpha=0.3)
        ax.text(0.01, 0.98, lit.ILLUSTRATIVE_LABEL, transform=ax.transAxes, va="top", fontsize=9, color="#555555")

    def _changed(self, change):
        if change["owner"] is self.controls["xscale"]:
            self.axes[0].set_xscale(change["new"])
            self.refresh(rescale=True)
            return
        self.refresh()

    def fit_axes(self):
        super().fit_axes()
        self.axes[0].set_ylim(0, 1.02)  # effect as a fraction of maximum

    def compute(self, v):
        c = np.geomspace(10, 5000, 300)
        level = v["level"]
        arts, rows = {}, [["", f"{self.reference_age} y", f"{v['age']} y"]]
        e = {}
        for key, age, color in (("ref", self.reference_age, POPULATION_COLORS["young adult"]),
                                ("age", v["age"], age_color(v["age"]))):
            label = f"{age} years" if key == "ref" else "selected age"  # static labels: legend cached
            arts[key] = Curve(c, lit.illustrative_effect(c, age), color, "-", label)
            e[key] = (lit.illustrative_ec50(age), float(lit.illustrative_effect(level, age)))
        arts["level"] = Curve(np.array([level, level]), np.array([0, 1]), "#777777", ":", f"{level} ng/mL",
                              linewidth=1.2)
        rows += [["EC50 (ng/mL)", _fmt(e["ref"][0]), _fmt(e["age"][0])],
                 [f"effect at {level}", _fmt(e["ref"][1], 2), _fmt(e["age"][1], 2)]]
        return View(arts, rows, lit.ILLUSTRATIVE_LABEL + ": the shape follows R78's finding that older people "
                    "need lower levels for the same effect.")

    def legend_loc(self, ax):
        return "lower right"
