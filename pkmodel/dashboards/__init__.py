"""Interactive dashboards (ipywidgets + matplotlib) for the teaching notebooks: one call per cell.

Every dashboard separates a pure ``compute(values) -> View`` (what to draw, from the package's
models and published parameter sets; see :mod:`pkmodel.lessons` for the science) from the
drawing, which updates existing artists in place (no flicker, no pile-up of figures). Axes stay
fixed while a control moves, but never hide a curve: when one would leave them they grow, and
the note says so; *Rescale axes*, or switching between linear and log scales, fits them to what
is shown. Colours follow :mod:`pkmodel.plots` (Okabe–Ito).

The update can be driven without a browser (``dash.set(age=80)``, ``dash.data()``), which is
how the tests sweep every control over its range. The figure is drawn with Agg in the kernel
and sent as PNG frames (whole, or the part that changed; :mod:`._frames`) to a canvas widget (:mod:`._frame_view`, an anywidget),
in JupyterLab and Voila alike, whatever matplotlib backend the notebook chose.

Rooms: :mod:`.base` (controls, readout, layout, ``set``/``values``/``data``), :mod:`._controls`
(what values a control takes; the readout table),
:mod:`.live_figure` (artist reuse, legends, axes policy), :mod:`._blit` (the blit cache),
:mod:`._frames` (PNG frames for the browser), :mod:`._frame_view` (the widget that shows them),
:mod:`.view` (what a lesson returns), :mod:`.static` (a lesson's view without widgets, for
figures) and one module per lesson.

Everything shown illustrates published group data, for teaching only; nothing here recommends a
dose for anyone.
"""

from __future__ import annotations

from .accumulation import AccumulationDashboard
from ._controls import checked_control_value as _checked_control_value
from ._controls import control_options as _control_options
from .base import CONTROL_WIDTH, Dashboard
from .comparison import ComparisonDashboard
from .half_life import HalfLifeDashboard
from .interactions import InteractionsDashboard
from .lifespan import SEX_OPTIONS, LifespanDashboard
from .metabolites import MetaboliteDashboard
from .modifiers import GENOTYPES, ModifiersDashboard
from .population import PopulationDashboard
from .sensitivity import SensitivityDashboard
from .stopping import StoppingDashboard
from .view import (FOOTER, G21_DAYS, G21_DOSE, G21_INTERVAL, G21_PER_DAY, UNIT, Band, Curve, View, _days,
                   _fmt, _quiet)

DASHBOARDS = {
    "half_life": HalfLifeDashboard,
    "lifespan": LifespanDashboard,
    "metabolites": MetaboliteDashboard,
    "accumulation": AccumulationDashboard,
    "stopping": StoppingDashboard,
    "modifiers": ModifiersDashboard,
    "population": PopulationDashboard,
    "sensitivity": SensitivityDashboard,
    "comparison": ComparisonDashboard,
    "interactions": InteractionsDashboard,
}

# One call per notebook cell: ``dashboards.half_life_dashboard()`` and so on.
half_life_dashboard = HalfLifeDashboard
lifespan_dashboard = LifespanDashboard
metabolite_dashboard = MetaboliteDashboard
accumulation_dashboard = AccumulationDashboard
stopping_dashboard = StoppingDashboard
modifiers_dashboard = ModifiersDashboard
population_dashboard = PopulationDashboard
sensitivity_dashboard = SensitivityDashboard
comparison_dashboard = ComparisonDashboard
interactions_dashboard = InteractionsDashboard

__all__ = [
    "AccumulationDashboard", "Band", "CONTROL_WIDTH", "ComparisonDashboard", "Curve", "DASHBOARDS", "Dashboard",
    "FOOTER", "G21_DAYS", "G21_DOSE", "G21_INTERVAL", "G21_PER_DAY", "GENOTYPES", "HalfLifeDashboard",
    "InteractionsDashboard", "LifespanDashboard", "MetaboliteDashboard", "ModifiersDashboard", "PopulationDashboard",
    "SEX_OPTIONS", "SensitivityDashboard", "StoppingDashboard", "UNIT", "View", "accumulation_dashboard",
    "comparison_dashboard", "half_life_dashboard", "interactions_dashboard", "lifespan_dashboard",
    "metabolite_dashboard", "modifiers_dashboard", "population_dashboard", "sensitivity_dashboard",
    "stopping_dashboard",
]
_ = (_checked_control_value, _control_options, _days, _fmt, _quiet)  # kept importable for older code
