"""Lesson 6: what else changes exposure: CYP2C19 genotype, liver disease, interacting drugs.

For teaching only; nothing here recommends or adjusts a dose for anyone.
"""

from __future__ import annotations

import numpy as np

from .. import lessons
from .. import literature as lit
from ..plots import OKABE_ITO, SPECIES_LINESTYLES, SPECIES_SHORT
from ..simulate import simulate
from ..units import HOURS_PER_DAY
from .base import Dashboard
from .view import G21_TEXT, UNIT, Curve, View, _days, _fmt, _quiet


GENOTYPES = lit.GENOTYPES


class ModifiersDashboard(Dashboard):
    """Age plus genotype, liver disease and interacting drugs (each from its own study)."""

    title = "What else changes exposure: genes, liver, other drugs"
    main = "age"
    toggles = ("genotype",)
    horizon_days = 40

    def make_controls(self, W):
        return {
            "age": W.IntSlider(value=70, min=18, max=100, step=1, description="Age (years)"),
            "genotype": W.Dropdown(options=[(f"CYP2C19 {g}", g) for g in GENOTYPES], value="wt/wt",
                                   description="Genotype"),
            "cirrhosis": W.Checkbox(value=False, description="alcoholic cirrhosis (K75)"),
            "cimetidine": W.Checkbox(value=False, description="+ cimetidine (FC)"),
            "fluvoxamine": W.Checkbox(value=False, description="+ fluvoxamine (P94)"),
            "rifampin": W.Checkbox(value=False, description="+ rifampin TB therapy (O81b)"),
        }

    def modifiers(self, v):
        mods = []
        if v["genotype"] != "wt/wt":
            mods.append(lit.modifier("cyp2c19", genotype=v["genotype"]))
        for name in ("cirrhosis", "cimetidine", "fluvoxamine", "rifampin"):
            if v[name]:
                mods.append(lit.modifier(name))
        return mods

    def compute(self, v):
        base, notes = _quiet(lit.at_age, v["age"])
        mods = self.modifiers(v)
        changed = lit.apply(base, *mods) if mods else base
        reg = lit.g21_regimen()
        t = np.linspace(0, self.horizon_days * HOURS_PER_DAY, 961)
        arts, res = {}, {}
        for key, p, color in (("mod", changed, OKABE_ITO["vermillion"]), ("base", base, "#555555")):
            r = simulate(p.model, reg, t)
            res[key] = r
            lab = "no change" if key == "base" else "with the changes"  # static: no legend rebuild per step
            for sp in ("diazepam", "desmethyldiazepam"):
                arts[f"{key}-{sp}"] = Curve(_days(t), r.concentration(sp, UNIT), color, SPECIES_LINESTYLES[sp],
                                            f"{SPECIES_SHORT[sp]}, {lab}", linewidth=2.6 if key == "mod" else 1.4)
        avg = {k: lessons.last_interval_average(r, "diazepam", reg, UNIT) for k, r in res.items()}
        rows = [[f"age {v['age']} y", "no change", "with changes"],
                ["DZ t½ (h)", _fmt(base.model.half_life("diazepam")), _fmt(changed.model.half_life("diazepam"))],
                ["DZ CL (L/h)", _fmt(base.clearance("diazepam")), _fmt(changed.clearance("diazepam"))],
                ["DZ average, last interval (×)", "1", _fmt(avg["mod"] / avg["base"])]]
        note = (f"{G21_TEXT} (G21). Baseline: the K75 lifespan model at this age, read as each "
                "study's baseline group (CYP2C19 wt/wt for the genotype, the controls for the others); each change "
                "is its study's ratio to that baseline. ")
        if len(mods) > 1:
            note += ("<b>These changes were never studied together</b>: multiplying them as independent "
                     "factors is an assumption and may overstate the combination. ")
        note += ("Changes: " + "; ".join(m.label for m in mods) + "." if mods else "No changes selected.")
        note += (" " + " ".join(sorted(set(notes))) if notes else "")
        outside = lit.outside_published(changed)
        if outside:  # the curve is still drawn; the readout says it is an extrapolation
            note = f"<b>{outside}</b> " + note
        return View(arts, rows, note)
