"""Lesson 9: choosing between benzodiazepines in an older adult (diazepam vs the conjugated "LOT" drugs).

One regimen in mg on diazepam, oxazepam, lorazepam and temazepam, in each study's young group
(upper axes) and elderly group (lower axes), in ng/mL. Equal mg is not equal effect, so the
second view divides each curve by the species' own steady-state average: the comparison is then
about time course (accumulation, time to steady state, washout), not potency. Science in
:mod:`pkmodel.lessons_compare`.

For teaching only; nothing here recommends or adjusts a dose for anyone.
"""

from __future__ import annotations

import numpy as np

from .. import lessons_compare as lc
from ..plots import OKABE_ITO, SPECIES_COLORS, SPECIES_SHORT, label_concentration_axes
from ..units import HOURS_PER_DAY
from .base import Dashboard
from .view import G21_DAYS, UNIT, Curve, View, _days, _fmt, label_regimen_controls

#: One colour per drug (Okabe-Ito; diazepam and its metabolite as in the other lessons).
DRUG_COLORS = {"diazepam": SPECIES_COLORS["diazepam"], "oxazepam": SPECIES_COLORS["oxazepam"],
               "lorazepam": OKABE_ITO["blue"], "temazepam": SPECIES_COLORS["temazepam"],
               "desmethyldiazepam": SPECIES_COLORS["desmethyldiazepam"]}
#: The legend (one row, on the upper axes) and the table name the drugs by these; the note spells them out.
SHORT = SPECIES_SHORT
RELATIVE = "÷ own steady-state average"
#: The readout's rows, each for the young then the elderly group (drugs are the columns, so the
#: table fits the 360 px controls column even at lecture mode's 14 px).
TABLE_ROWS = (("half_life_h", "t½ {group} (h)"), ("accumulation_ratio", "accum. {group}"),
              ("days_to_90pct", "90&#8239;% ss {group} (d)"), ("days_below_10pct", "&lt;10&#8239;% {group} (d)"))
Y_VIEWS = (UNIT, RELATIVE)
#: Levels smaller than this fraction of a curve's peak are round-off of the exact solution (a
#: lorazepam tail 30 days after stopping is 2^-51 of its peak, below double precision, and can come
#: out as -5e-17): drawn as 0, so that they never pull a linear axis below zero. Display only.
ROUNDOFF_FLOOR = 1e-12


class ComparisonDashboard(Dashboard):
    """Diazepam, oxazepam, lorazepam and temazepam on one regimen, young (top) vs elderly (bottom).

    Dose slider: the label's diazepam range (2-10 mg, :func:`.view.label_regimen_controls`); doses
    a day 1-4 (the label's statements span once to four times daily). No source in the package
    gives the other drugs' usual doses or a verified equivalence table, hence the relative view.
    """

    title = "Choosing a benzodiazepine: diazepam vs oxazepam, lorazepam, temazepam"
    main = "days"
    toggles = ("y", "per_day")
    n_axes = 2
    axes_layout = "column"
    figsize = (4.8, 5.6)
    horizon_days = 45
    share_y = True  # young above elderly: one y range, so heights compare by eye

    def make_controls(self, W):
        regimen = label_regimen_controls(W, "Dose, same mg for every drug (mg)")
        return {
            "days": W.IntSlider(value=G21_DAYS, min=3, max=30, step=1, description="Days of dosing"),
            "y": W.ToggleButtons(options=list(Y_VIEWS), value=UNIT, description="Show",
                                 style={"button_width": "150px"}),
            **regimen,
            "metabolite": W.Checkbox(value=True, description="show desmethyldiazepam (diazepam's active metabolite)"),
        }

    def _ylabel(self, view: str) -> str:
        return ("÷ own steady-state average (×)" if view == RELATIVE else f"Plasma concentration ({UNIT})")

    def setup_axes(self):
        for ax, group in zip(self.axes, lc.GROUPS):
            label_concentration_axes(ax, UNIT)
            ax.set_ylabel(self._ylabel(self.controls["y"].value))
            if ax is not self.axes[0]:  # the upper panel's title heads its legend (legend_options)
                ax.set_title(self._panel_title(group), fontsize=10)

    def _panel_title(self, group: str) -> str:
        return f"{group} groups (each drug's own study)"

    def legend_loc(self, ax):
        return "lower center"

    def legend_options(self, ax):
        """One row above the upper axes, under the panel's title: inside, five lines would fill
        the short upper axes (lecture mode) and push the curves down to make room."""
        return {"ncols": len(SHORT), "bbox_to_anchor": (0.5, 1.0), "title": self._panel_title(lc.GROUPS[0]),
                "borderaxespad": 0.2, "frameon": False, "columnspacing": 1.2}

    def _scaled_axes(self):
        return list(self.axes)

    def _changed(self, change):
        if change["owner"] is self.controls["y"]:
            for ax in self.axes:
                ax.set_ylabel(self._ylabel(change["new"]))
            self.live.blitter.invalidate()
            self.refresh(rescale=True)
            return
        super()._changed(change)

    def compute(self, v):
        interval = HOURS_PER_DAY / v["per_day"]
        t = np.linspace(0, self.horizon_days * HOURS_PER_DAY, 1081)
        relative = v["y"] == RELATIVE
        arts = {}
        for i, group in enumerate(lc.GROUPS):
            for drug in lc.COMPARED_DRUGS:  # curves by superposition: a move of the days slider simulates nothing
                levels = lc.course_levels(drug, group, v["dose"], interval, v["days"], t, v["metabolite"], UNIT)
                for sp, row in levels.items():
                    y = row["relative"] if relative else row["concentration"]
                    y = np.where(np.abs(y) < ROUNDOFF_FLOOR * np.abs(y).max(), 0.0, y)
                    arts[f"{group}-{sp}"] = Curve(_days(t), y, DRUG_COLORS[sp], "--" if sp != drug else "-",
                                                  SHORT[sp] if i == 0 else f"_{sp}", ax=i, linewidth=1.8)

        def table():  # after the figure: the courses' numbers and washout searches are the slow part
            cells = {(sp, group): row for group in lc.GROUPS for drug in lc.COMPARED_DRUGS
                     for sp, row in lc.drug_course(drug, group, v["dose"], interval, v["days"], t,
                                                   v["metabolite"], UNIT).items()}
            shown = [s for d in lc.COMPARED_DRUGS for s in lc.species_of(d, v["metabolite"])]
            rows = [[""] + [SHORT[sp] for sp in shown]]
            for key, label in TABLE_ROWS:
                for group, word in (("young adult", "young"), ("elderly", "elderly")):
                    rows.append([label.format(group=word)] + [_fmt(cells[(sp, group)][key]) for sp in shown])
            return rows

        dose = (f"{v['dose']:g} mg {v['per_day']}× a day for {v['days']} days, the same mg for every drug. "
                "Equal mg is not equal effect: ")
        note = dose + ("each curve is divided by its own steady-state average, so only the time course is compared "
                       "(the dose then changes nothing: linear kinetics)."
                       if relative else "these ng/mL say nothing about which drug acts more.")
        key = ", ".join(f"{SHORT[s]} {s}" for s in [s for d in lc.COMPARED_DRUGS for s in lc.species_of(d)])
        note += (f" {key}. OX, TZ: their studies found no age relation. Below 10 %: days from the first dose not taken. "
                 "Published group means, not advice.")
        return View(arts, table, note, caption="young, elderly: each drug's own study groups")
