"""Lesson 10: pharmacokinetic vs pharmacodynamic interactions (the curve moves, or the effect adds).

Top: diazepam on G21's regimen alone and with the chosen partner (moved only by a published
modifier). Bottom: the package's ILLUSTRATIVE effect (invented EC50, R78's direction), with an
illustrative other-sedative input added for a PD partner. For teaching only; nothing here
recommends or adjusts a dose for anyone.
"""

from __future__ import annotations

import numpy as np

from .. import lessons
from .. import lessons_interactions as li
from .. import literature as lit
from ..literature import interactions as ix
from ..plots import OKABE_ITO, label_concentration_axes
from ..units import HOURS_PER_DAY
from .base import Dashboard
from .view import G21_DAYS, G21_END_H, UNIT, Curve, View, _days, _fmt, _quiet


class InteractionsDashboard(Dashboard):
    """Diazepam alone vs with an interacting drug: PK (curve moves) or PD (illustrative effect adds)."""

    title = "Interactions: does the curve move, or does the effect add?"
    main = "other_sedative"
    toggles = ("partner",)
    n_axes = 2
    axes_layout = "column"
    figsize = (4.8, 5.9)
    horizon_days = 20

    def make_controls(self, W):
        return {
            "partner": W.Dropdown(options=[(f"{r.key} ({r.kind})", r.key) for r in ix.interactions()],
                                  value="opioids", description="With"),
            "other_sedative": W.FloatSlider(value=1.0, min=0.0, max=li.OTHER_SEDATIVE_MAX, step=0.25,
                                            description="Other sedative (illustrative units, PD only)",
                                            readout_format=".2f"),
            "age": W.IntSlider(value=80, min=18, max=100, step=1, description="Age (years)"),
        }

    def setup_axes(self):
        label_concentration_axes(self.axes[0], UNIT, log=self.log_default)
        self.axes[0].set_xlabel("Time (days), G21 regimen")
        ax = self.axes[1]
        ax.set_xlabel("Time (days)")
        ax.set_ylabel("Illustrative effect (fraction)")
        ax.grid(True, alpha=0.3)
        ax.text(0.01, 0.97, lit.ILLUSTRATIVE_LABEL, transform=ax.transAxes, va="top", fontsize=8, color="#555555")

    def compute(self, v):
        rec = ix.get_interaction(v["partner"])
        preset, notes = _quiet(lit.at_age, v["age"])
        reg = lit.g21_regimen()
        t = np.linspace(0, self.horizon_days * HOURS_PER_DAY, 481)
        out = li.pk_vs_pd(preset, rec.key, reg, t, age=v["age"], other_sedative=v["other_sedative"], unit=UNIT)
        alone, with_ = OKABE_ITO["blue"], OKABE_ITO["vermillion"]
        x = _days(t)
        arts = {"c-alone": Curve(x, out["concentration_alone"], alone, "-", "diazepam alone", linewidth=1.6),
                "c-with": Curve(x, out["concentration_with"], with_, "--", "with the partner", linewidth=2.4),
                "e-alone": Curve(x, out["effect_alone"], alone, "-", "_", ax=1, linewidth=1.6),
                "e-with": Curve(x, out["effect_with"], with_, "--", "_", ax=1, linewidth=2.4)}
        day = lessons.grid_index(t, G21_END_H)  # the last trough (the grid is hourly)
        rows = [[f"{rec.key}: {rec.kind}", "alone", "with"],
                [f"DZ day {G21_DAYS} (ng/mL)", _fmt(out["concentration_alone"][day]), _fmt(out["concentration_with"][day])],
                ["illustrative effect", _fmt(out["effect_alone"][day], 2), _fmt(out["effect_with"][day], 2)]]
        moved = ("PK: the curve moves by the published modifier." if rec.measured else
                 "The curve does not move: " + ("no published size (not measured), so no factor is shown."
                                                if "PK" in rec.kind else "a PD interaction leaves it where it is."))
        pd = (" PD: the illustrative effect adds (other-sedative input, invented units)." if "PD" in rec.kind
              else " No PD part: the slider does not apply.")
        note = (f"<b>{rec.kind}</b> · {rec.direction}. {moved}{pd} The partner is taken as present throughout "
                f"(an assumption; the studies gave it for days at most). What was seen: {rec.size} "
                f"{lit.ILLUSTRATIVE_LABEL}: the effect panel is a shape, not data."
                + (" " + " ".join(sorted(set(notes))) if notes else ""))
        return View(arts, rows, note)
