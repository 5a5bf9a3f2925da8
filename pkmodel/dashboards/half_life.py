"""Lesson 1: half-life, volume and clearance (one-compartment IV bolus).

For teaching only; nothing here recommends or adjusts a dose for anyone.
"""

from __future__ import annotations

import numpy as np

from .. import literature as lit
from .. import metrics
from ..plots import OKABE_ITO, SPECIES_COLORS, label_concentration_axes
from ..regimen import single_dose
from ..simulate import simulate
from ..units import HOURS_PER_DAY
from .base import Dashboard
from .view import UNIT, Curve, View, _days, _fmt


class HalfLifeDashboard(Dashboard):
    r"""One-compartment IV bolus: :math:`t_{1/2} = \ln 2\,V/CL`. Volume and clearance sliders.

    The grey reference curve is the young-adult diazepam preset (G21); move V to see the
    half-life double while clearance stays put.
    """

    title = "Half-life = ln 2 × volume ÷ clearance"
    main = "volume"
    toggles = ()
    dose_mg = 10.0
    horizon_days = 14

    def make_controls(self, W):
        ref = lit.preset("young adult")
        # the one-compartment equivalent of the preset: its clearance and apparent volume CL*t1/2/ln2
        self._ref_v = ref.volume("diazepam")
        self._ref_cl = ref.clearance("diazepam")
        return {
            "volume": W.FloatSlider(value=5 * round(self._ref_v / 5), min=20, max=250, step=5,
                                    description="Volume V (L)", readout_format=".0f"),
            "clearance": W.FloatSlider(value=round(self._ref_cl, 2), min=0.5, max=4.0, step=0.05,
                                       description="Clearance CL (L/h)", readout_format=".2f"),
        }

    def _curve(self, V, CL):
        from ..builders import one_compartment

        t = np.linspace(0, self.horizon_days * HOURS_PER_DAY, 400)
        r = simulate(one_compartment(V, CL), single_dose(self.dose_mg, route="iv"), t)
        return _days(t), r.concentration("drug", UNIT)

    def compute(self, v):
        V, CL = v["volume"], v["clearance"]
        x, y = self._curve(V, CL)
        xr, yr = self._curve(self._ref_v, self._ref_cl)
        th = metrics.half_life(V, CL)
        thr = metrics.half_life(self._ref_v, self._ref_cl)
        k = metrics.elimination_rate_constant(V, CL)
        half = Curve(np.array([th, th]) / HOURS_PER_DAY, np.array([0, y[0] / 2]), OKABE_ITO["black"], ":",
                     "one half-life", linewidth=1.2)
        return View({"drug": Curve(x, y, SPECIES_COLORS["diazepam"], "-", "your drug (sliders)",
                                   linewidth=3.0),
                     "ref": Curve(xr, yr, OKABE_ITO["black"], (0, (2, 2)),
                                  f"young-adult diazepam (G21), t½ {thr:.0f} h", linewidth=1.3),
                     "half": half},
                    [["", "yours", "young adult"],
                     ["V (L)", _fmt(V), _fmt(self._ref_v)],
                     ["CL (L/h)", _fmt(CL), _fmt(self._ref_cl)],
                     ["k (1/h)", _fmt(k), _fmt(metrics.elimination_rate_constant(self._ref_v, self._ref_cl))],
                     ["<b>t½ (h)</b>", f"<b>{_fmt(th)}</b>", _fmt(thr)]],
                    f"IV bolus of {self.dose_mg:g} mg, one compartment.")

    def setup_axes(self):
        label_concentration_axes(self.axes[0], UNIT)
        self.axes[0].set_xlabel("Time after the dose (days)")
