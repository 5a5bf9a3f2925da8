"""Lesson 2: one oral dose across the lifespan (K75 age line; G80 by sex), with every published
study group beside the model's half-life line.

For teaching only; nothing here recommends or adjusts a dose for anyone.
"""

from __future__ import annotations

import numpy as np

from .. import _validate as check
from .. import lessons
from .. import literature as lit
from ..plots import LEGEND_FONTSIZE, OKABE_ITO, POPULATION_COLORS, SPECIES_SHORT, age_color, label_concentration_axes
from ..regimen import single_dose
from ..simulate import simulate
from ..units import CONCENTRATION_UNITS, HOURS_PER_DAY
from .base import Dashboard
from .view import UNIT, Curve, View, _days, _fmt, _quiet


SEX_OPTIONS = [("either sex (K75 line)", "either"), ("men (G80)", "male"), ("women (G80)", "female")]


class LifespanDashboard(Dashboard):
    """A single 10 mg oral dose at any adult age (K75; G80 by sex), against a 25-year-old; and the
    half-life across the lifespan with every published study group beside the model line.

    ``drug`` picks any registered drug module (``lit.drugs()``); ``log=True`` starts on a log
    axis and ``horizon_days`` sets the time span (``horizon_days=2, log=True`` shows diazepam's
    two phases: distribution within hours, then elimination).
    """

    title = "Across the lifespan: one 10 mg oral dose"
    main = "age"
    toggles = ("sex",)
    n_axes = 2
    axes_layout = "column"  # concentration above, half-life against age below: fits the 480 px column
    figsize = (4.8, 5.9)
    reference_age = 25
    dose_mg = 10.0
    horizon_days = 10
    drug = "diazepam"

    def __init__(self, drug: str = "diazepam", *, log: bool = False, horizon_days: float | None = None):
        self.drug = lit.get_drug(drug).name
        self.log_default = bool(log)
        if horizon_days is not None:
            self.horizon_days = check.positive("horizon_days", horizon_days)
        self.toggles = ("sex",) if self._has_sex else ()
        if self.drug != "diazepam":
            self.title = f"{self.drug.capitalize()} across the lifespan: one 10 mg oral dose"
        super().__init__()

    @property
    def _has_sex(self) -> bool:
        return self.drug == "diazepam"  # G80's figures by sex are diazepam's

    @property
    def _metabolites(self) -> list:
        return [s for s in lit.get_drug(self.drug).species if s != self.drug][:1]

    def make_controls(self, W):
        c = {"age": W.IntSlider(value=80, min=18, max=100, step=1, description="Age (years)")}
        if self._has_sex:
            c["sex"] = W.Dropdown(options=SEX_OPTIONS, value="either", description="Data")
        c["weight"] = W.IntSlider(value=70, min=40, max=120, step=5, description="Body weight (kg)")
        if self._metabolites:
            c["metabolite"] = W.Checkbox(value=False, description=f"show {self._metabolites[0]}")
        return c

    def _at_age(self, age, v):
        kw = {} if v.get("sex", "either") == "either" else {"sex": v["sex"]}
        return _quiet(lit.at_age, age, drug=self.drug, weight_kg=v["weight"], **kw)

    def compute(self, v):
        t = np.linspace(0, self.horizon_days * HOURS_PER_DAY, 481)
        reg = single_dose(self.dose_mg)
        arts, rows, notes = {}, [["", f"{self.reference_age} y", f"{v['age']} y"]], []
        people = []
        for key, age in (("ref", self.reference_age), ("age", v["age"])):
            p, n = self._at_age(age, v)
            notes += n
            people.append(p)
            r = simulate(p.model, reg, t)
            color = POPULATION_COLORS["young adult"] if key == "ref" else age_color(age)
            who = f"{age} y" if key == "ref" else "selected age"  # static labels: legend cached
            arts[f"{key}-dz"] = Curve(_days(t), r.concentration(self.drug, UNIT), color, "-",
                                      f"{self._name(self.drug)}, {who}")
            if v.get("metabolite"):
                m = self._metabolites[0]
                arts[f"{key}-dmdz"] = Curve(_days(t), r.concentration(m, UNIT), color, "--", f"{self._name(m)}, {who}")
        arts["age-line"] = Curve(np.array([v["age"], v["age"]], float), np.array([0.0, 1e4]), age_color(v["age"]),
                                 ":", "_selected age", ax=1, linewidth=1.2, marker=True)
        p0, p1 = people
        w = v["weight"]
        d = self.drug

        def table():  # after the frame: the peaks are simulated on a fine grid
            return rows + [["t½ (h)", _fmt(p0.half_life(d)), _fmt(p1.half_life(d))],
                           ["V (L)", _fmt(p0.volume(d)), _fmt(p1.volume(d))],
                           ["V (L/kg)", _fmt(p0.volume(d) / w), _fmt(p1.volume(d) / w)],
                           ["CL (mL/min/kg)", _fmt(lessons.clearance_ml_min_per_kg(p0.clearance(d), w)),
                            _fmt(lessons.clearance_ml_min_per_kg(p1.clearance(d), w))],
                           ["peak (ng/mL)", _fmt(self._peak(p0)), _fmt(self._peak(p1))],
                           ["AUC (ng·h/mL)", _fmt(self._auc(p0)), _fmt(self._auc(p1))]]

        note = f"Body weight {w} kg. " + (" ".join(sorted(set(notes))) if notes else "")
        return View(arts, table, note)

    def _name(self, species: str) -> str:
        """A species as the legend names it: short (DZ, DMDZ) at lecture mode's projector type."""
        return SPECIES_SHORT.get(species, species) if self.lecture else species

    def legend_loc(self, ax):
        return "lower center" if self.lecture and ax is self.axes[0] else "upper right"

    def legend_options(self, ax):
        """At lecture mode's projector type the upper panel is short: its legend goes above it in
        rows of three (inside, it would fill the panel and push the curves down)."""
        if self.lecture and ax is self.axes[0]:
            return {"ncols": 3, "bbox_to_anchor": (0.5, 1.0), "frameon": False, "borderaxespad": 0.2,
                    "columnspacing": 1.0, "handlelength": 1.6}
        return {}

    _PEAK_GRID = np.arange(0.0, 8.0, 0.01)  # h: one dose peaks within hours

    def _peak(self, p):
        """Peak plasma concentration after the dose (ng/mL), on a 36 s grid of the exact solution."""
        return float(simulate(p.model, single_dose(self.dose_mg), self._PEAK_GRID).concentration(self.drug, UNIT).max())

    def _auc(self, p):
        """Total exposure F·dose/CL (ng·h/mL): the same at every age when clearance does not change."""
        f = p.model.absorption.bioavailability
        return f * self.dose_mg / p.clearance(self.drug) * CONCENTRATION_UNITS[UNIT]

    def setup_axes(self):
        label_concentration_axes(self.axes[0], UNIT, log=self.log_default)
        self.axes[0].set_xlabel("Time after the dose (days)")
        self._draw_published()
        self._draw_single_dose_peaks()

    def _draw_single_dose_peaks(self):
        """Published peaks after one oral dose, scaled to this dose (linear kinetics): static markers."""
        ax = self.axes[0]
        recs = lit.single_dose_peaks(self.drug)
        timed = [r for r in recs if r.tmax is not None]
        keys = ", ".join(dict.fromkeys(r.source_key for r in recs))
        if timed:
            (marks,) = ax.plot([r.tmax.value / HOURS_PER_DAY for r in timed],
                               [r.peak_per_mg * self.dose_mg for r in timed], "kx", markersize=7, zorder=3,
                               label="published peaks" if self.lecture else f"published peaks ({keys})")
            self.live.static_handles.append(marks)  # listed in the legend under the live curves
        for r in recs:
            if r.tmax is None:  # peak reported without its time: a short bar over the first hours
                y = r.peak_per_mg * self.dose_mg
                ax.plot([0.0, 3.0 / HOURS_PER_DAY], [y, y], color="k", linewidth=1.0, linestyle=(0, (1, 1)), zorder=3)

    def _draw_published(self):
        """The model's half-life line over age and the published study groups (static artists)."""
        ax = self.axes[1]
        ages = np.arange(18, 101, 2)
        t_half = [self._at_age(int(a), {"weight": 70})[0].half_life() for a in ages]
        ax.plot(ages, t_half, color=OKABE_ITO["black"], linewidth=1.5, label="model (at_age)")
        groups = [g for g in lit.published_groups(self.drug, species=self.drug) if g.age_low is not None]
        markers = "osD^v<>ph"
        keys = list(dict.fromkeys(g.source_key for g in groups))
        top = max([*t_half, *(g.half_life_h for g in groups)])
        for g in groups:
            lo, hi = g.age_low, g.age_high
            mid = g.age_mean if g.age_mean is not None else (lo + hi) / 2
            src = lit.SOURCES[g.source_key]
            first = src.authors.split(",")[0].split(" et al")[0]
            label = f"{first} {src.year or ''} ({g.source_key})".replace("  ", " ")
            if any(h.get_label() == label for h in ax.containers):
                label = "_" + label
            ax.errorbar([mid], [g.half_life_h], xerr=[[mid - lo], [hi - mid]], fmt=markers[keys.index(g.source_key) % 9],
                        color=OKABE_ITO["vermillion"] if mid >= 50 else OKABE_ITO["blue"], capsize=2, markersize=5,
                        linewidth=1, label=label)
        ax.set_xlim(15, 100)
        ax.set_ylim(0, top * 1.15)
        ax.set_xlabel("Age (years)")
        ax.set_ylabel(f"{self.drug} terminal t½ (h)")
        ax.grid(True, alpha=0.3)
        if self.lecture:
            # projector type on a short panel: each group labelled by its source key beside it (the
            # caption and the notebook's reference list cite them in full), the model line in the legend
            for g in groups:
                mid = g.age_mean if g.age_mean is not None else (g.age_low + g.age_high) / 2
                ax.annotate(g.source_key, (mid, g.half_life_h), xytext=(5, 5), textcoords="offset points",
                            fontsize=LEGEND_FONTSIZE)
            ax.legend(handles=ax.get_lines()[:1], loc="upper left", fontsize=LEGEND_FONTSIZE, framealpha=1.0)
        else:  # below the line, where the plot is empty
            ax.legend(loc="lower right", fontsize=LEGEND_FONTSIZE, framealpha=1.0, handletextpad=0.3)
