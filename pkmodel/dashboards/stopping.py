"""Lessons 5 and 9: stopping, abrupt or tapered (washout after G21's regimen), diazepam or a short-acting comparator.

For teaching only; nothing here recommends or adjusts a dose for anyone.
"""

from __future__ import annotations

import numpy as np

from .. import lessons
from .. import lessons_compare as lc
from .. import literature as lit
from ..plots import POPULATION_COLORS, SPECIES_LINESTYLES
from ..simulate import simulate
from ..units import HOURS_PER_DAY
from .base import Dashboard
from .comparison import SHORT
from .view import G21_DAYS, G21_DOSE, G21_INTERVAL, UNIT, Curve, View, _days, _fmt


class StoppingDashboard(Dashboard):
    """Washout after G21's regimen (2.5 mg twice daily) stopped abruptly or tapered (illustration), for
    diazepam or a short-acting comparator (lorazepam, oxazepam) on the same regimen in mg."""

    title = "Stopping: how long does it take to wash out?"
    main = "stop_day"
    toggles = ("how", "drug")
    horizon_days = 80
    dose_mg = G21_DOSE
    interval_h = G21_INTERVAL

    def make_controls(self, W):
        return {
            "stop_day": W.IntSlider(value=G21_DAYS, min=3, max=30, step=1, description="Full dose for (days)"),
            "how": W.ToggleButtons(options=list(lessons.STOP_MODES), value=lessons.STOP_MODES[0],
                                   description="How", style={"button_width": "128px"}),
            "drug": W.ToggleButtons(options=list(lc.STOPPING_DRUGS), value=lc.STOPPING_DRUGS[0],
                                    description="Drug", style={"button_width": "86px"}),
        }

    def regimen(self, v):
        stop_h = v["stop_day"] * HOURS_PER_DAY
        return lessons.stopping_regimen(v["how"], stop_h, self.dose_mg, self.interval_h)

    def compute(self, v):
        reg = self.regimen(v)
        end_h = reg.doses[-1].time
        t = np.linspace(0, self.horizon_days * HOURS_PER_DAY, 961)
        arts = {}
        start = v["stop_day"]
        drug = v["drug"]
        species = lc.species_of(drug)
        models = {}
        for name in lit.groups(drug):
            p = lit.preset(name, drug=drug)
            models[name] = p.model
            r = simulate(p.model, reg, t)
            color = POPULATION_COLORS[name]
            for sp in species:
                arts[f"{name}-{sp}"] = Curve(_days(t), r.concentration(sp, UNIT), color,
                                             SPECIES_LINESTYLES.get(sp, "-"), f"{SHORT[sp]}, {name}")

        def table():  # after the figure: the stays-below searches are the slow part of an update
            rows = [[f"days from day {start} to", "½: stop", "½: taper", "10 %: stop", "10 %: taper"]]
            for name, model in models.items():
                days = lessons.taper_vs_abrupt(model, start_h=start * HOURS_PER_DAY, horizon_h=t[-1],
                                               species=species, dose_mg=self.dose_mg, interval_h=self.interval_h)
                for sp in species:
                    rows.append([f"{SHORT[sp]}, {name}"] + [_fmt(days[how][sp][f], 2)
                                                            for f in lessons.WASHOUT_FRACTIONS
                                                            for how in lessons.STOP_MODES])
            return rows

        arts["stop"] = Curve(np.array([end_h, end_h]) / HOURS_PER_DAY, np.array([0, 1e9]), "#777777", ":",
                             "last dose", linewidth=1.2, marker=True)
        note = (f"Both ways of stopping counted from day {start}, when the full dose ends: days until the level "
                "stays below 50 % and 10 % of its level that day. "
                + ("A metabolite washes out no faster than its parent keeps forming it. " if len(species) > 1 else
                   f"{drug.capitalize()} falls fast: no long-lived active metabolite. ")
                + f"Same {self.dose_mg:g} mg regimen for every drug (the days do not depend on the dose). "
                "The taper is a pharmacokinetic illustration only, never a schedule to follow.")
        return View(arts, table, note)

