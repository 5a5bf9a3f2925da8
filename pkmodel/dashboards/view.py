"""What a lesson shows, as data: curves, bands, a readout table and a note (no widgets).

A lesson's ``compute(values) -> View`` returns one of these; :mod:`.live_figure` draws it in a
dashboard and :func:`pkmodel.plots.draw` on any Axes (lecture figures).
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field

import numpy as np

from .. import lessons
from .. import literature as lit
from ..literature import label
from ..plots import Band, Curve  # noqa: F401  (re-exported: lessons build Curves and Bands)
from ..units import HOURS_PER_DAY, TEACHING_NOTICE

FOOTER = f"<small><i>{TEACHING_NOTICE}</i></small>"
UNIT = "ng/mL"
# G21's regimen (2.5 mg twice daily for 15 days), read from its source record, not retyped
G21_DOSE = lessons.G21_DOSE_MG
G21_INTERVAL = lessons.G21_INTERVAL_H
G21_PER_DAY = int(round(HOURS_PER_DAY / G21_INTERVAL))
G21_DAYS = lessons.G21_DAYS
G21_END_H = lessons.G21_END_H
#: "2.5 mg twice daily for 15 days", built from the same records.
G21_TEXT = (f"{G21_DOSE:g} mg {'twice daily' if G21_PER_DAY == 2 else f'{G21_PER_DAY} times a day'} "
            f"for {G21_DAYS} days")


#: The label's diazepam dose range (mg) and its doses a day, from its records
#: (:mod:`pkmodel.literature.label`): the regimen sliders' bounds. Not a dosing guide.
LABEL_DOSE_RANGE_MG = (label.MUSCLE_SPASM.low.value, label.MUSCLE_SPASM.high.value)
LABEL_TIMES_A_DAY = (min(d.times_a_day[0] for d in label.DOSES), max(d.times_a_day[1] for d in label.DOSES))
#: The label's dose statements in a line, for a dashboard's note.
LABEL_TEXT = "US label (LABEL): " + "; ".join(d.statement for d in label.DOSES)


def label_regimen_controls(W, dose_description: str = "Dose (mg)") -> dict:
    """A dose slider over :data:`LABEL_DOSE_RANGE_MG` (0.5 mg steps) and a doses-a-day toggle over
    :data:`LABEL_TIMES_A_DAY`, both starting at G21's regimen."""
    low, high = LABEL_DOSE_RANGE_MG
    fewest, most = LABEL_TIMES_A_DAY
    return {
        "dose": W.FloatSlider(value=G21_DOSE, min=low, max=high, step=0.5, readout_format=".1f",
                              description=dose_description),
        "per_day": W.ToggleButtons(options=[(str(n), n) for n in range(fewest, most + 1)], value=G21_PER_DAY,
                                   description="Doses a day", style={"button_width": "44px"}),
    }


@dataclass
class View:
    """What one update shows: artists by stable key, a readout table, and notes.

    ``rows`` is the table, ``[header, row, row, ...]`` of strings, or a function of no arguments
    that returns it: a lesson whose numbers take longer than its curves (a washout search, say)
    passes one, and the dashboard sends the new figure first and fills the table just after.
    :meth:`table` gives the rows either way (computed once). ``caption`` is a line shown above
    the table.
    """

    artists: dict
    rows: list = field(default_factory=list)
    note: str = ""
    caption: str = ""  # a line above the table (what its cells are)

    def table(self) -> list:
        if callable(self.rows):
            self.rows = self.rows()
        return self.rows


def _days(times_h):
    return np.asarray(times_h) / HOURS_PER_DAY


def _fmt(x, digits=3):
    """A readout number: 3 significant digits, whole numbers from 1000 up (no 1.01e+03)."""
    if x is None or not np.isfinite(x):
        return "beyond the plot" if x == np.inf else "–"
    if abs(x) >= 10 ** digits:
        return f"{x:,.0f}"
    return f"{x:.{digits}g}"


def _quiet(fn, *args, **kwargs):
    """Call fn, capturing an ExtrapolationWarning as a note instead of a stderr message."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", lit.ExtrapolationWarning)
        out = fn(*args, **kwargs)
    notes = [str(w.message) for w in caught if issubclass(w.category, lit.ExtrapolationWarning)]
    return out, notes
