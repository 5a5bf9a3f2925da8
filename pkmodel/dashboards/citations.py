"""The sources each lesson's figure rests on (keys of :data:`pkmodel.literature.SOURCES`).

One table for the lecture figures' captions (:mod:`pkmodel.figures`) and the dashboards'
*Export this view* button. A lesson may instead set a ``sources`` attribute or override
:meth:`~pkmodel.dashboards.base.Dashboard.citation_keys` (the lifespan lesson derives its keys
from the drug it shows).
"""

from __future__ import annotations

LESSON_SOURCES: dict[str, tuple[str, ...]] = {
    "HalfLifeDashboard": ("G21",),
    "LifespanDashboard": ("K75", "G80"),
    "MetaboliteDashboard": ("G21", "G89", "CZ1", "TZ1", "OX1"),
    "AccumulationDashboard": ("G21",),
    "StoppingDashboard": ("G21", "G89", "CZ1"),
    "ModifiersDashboard": ("K75", "Q99", "FC", "P94", "O81b", "G21"),
    "PopulationDashboard": ("K75", "G21"),
    "SensitivityDashboard": ("R78",),
}
