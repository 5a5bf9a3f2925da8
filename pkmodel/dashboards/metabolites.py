"""Lesson 3: metabolites, formation- vs elimination-limited (what-if on the DMDZ half-life).

For teaching only; nothing here recommends or adjusts a dose for anyone.
"""

from __future__ import annotations

import numpy as np

from .. import literature as lit
from ..plots import (SPECIES_COLORS, SPECIES_LABELS, SPECIES_LINESTYLES, SPECIES_SHORT, label_concentration_axes)
from ..regimen import single_dose
from ..simulate import simulate
from ..lessons_interactions import metabolite_above_parent_from
from ..units import HOURS_PER_DAY
from .base import Dashboard
from .view import UNIT, Curve, View, _days, _fmt


class MetaboliteDashboard(Dashboard):
    """Diazepam → desmethyldiazepam / temazepam → oxazepam after one 10 mg oral dose.

    The slider is a *what-if* on the desmethyldiazepam half-life (published value marked): short
    → formation-limited (it falls in parallel with its parent, not necessarily below it); long →
    elimination-limited (it outlasts it). The note says from which day DMDZ is above diazepam.
    """

    title = "Metabolites: which one lingers?"
    main = "dmdz_half_life"
    toggles = ("population",)
    log_default = True
    dose_mg = 10.0
    horizon_days = 14

    def make_controls(self, W):
        self._published = {name: lit.preset(name).model.half_life("desmethyldiazepam") for name in lit.PRESETS}
        return {
            "population": W.ToggleButtons(options=list(lit.PRESETS), value=lit.PRESETS[0],
                                          description="Group", style={"button_width": "120px"}),
            "dmdz_half_life": W.FloatSlider(value=round(self._published[lit.PRESETS[0]]), min=2, max=160, step=1,
                                            description="DMDZ t½ (h)", readout_format=".0f",
                                            tooltip="What-if: change the metabolite half-life"),
        }

    def _changed(self, change):
        if change["owner"] is self.controls["population"]:
            self.controls["dmdz_half_life"].value = round(self._published[change["new"]])
        super()._changed(change)

    def compute(self, v):
        p = lit.preset(v["population"], full=True)
        published = p.model.half_life("desmethyldiazepam")
        # what-if: every clearance out of DMDZ (elimination and its conversion to oxazepam) scaled
        model = p.model.scaled(clearance={"desmethyldiazepam": published / v["dmdz_half_life"]})
        t = np.linspace(0, self.horizon_days * HOURS_PER_DAY, 561)
        r = simulate(model, single_dose(self.dose_mg), t)
        arts = {}
        rows = [["", "t½ (h)", "peak (ng/mL)"]]
        for name in ("diazepam", "desmethyldiazepam", "temazepam", "oxazepam"):
            y = r.concentration(name, UNIT)
            arts[name] = Curve(_days(t), y, SPECIES_COLORS[name], SPECIES_LINESTYLES[name], SPECIES_LABELS[name])
            rows.append([SPECIES_SHORT[name], _fmt(model.half_life(name)), _fmt(y.max())])
        if v["dmdz_half_life"] < model.half_life("diazepam"):
            limited = "formation-limited: it falls in parallel with diazepam (same slope on a log axis)"
        else:
            limited = "elimination-limited: it falls more slowly than diazepam and outlasts it"
        above = metabolite_above_parent_from(r, "diazepam", "desmethyldiazepam")
        limited += (f"; it is above diazepam from day {above / HOURS_PER_DAY:.1f}" if above is not None
                    else "; it stays below diazepam here")
        note = (f"{p.label}. Published DMDZ t½ {published:.0f} h; what-if {v['dmdz_half_life']:.0f} h → {limited}. "
                "The what-if changes DMDZ clearance, so its overall level changes too. "
                "The fraction of diazepam forming DMDZ is a teaching assumption.")
        return View(arts, rows, note)

    def setup_axes(self):
        label_concentration_axes(self.axes[0], UNIT, log=self.log_default)
        self.axes[0].set_xlabel("Time after the dose (days)")
