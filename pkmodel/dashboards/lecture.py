"""Lecture mode: the projector preset of every dashboard.

``make lecture`` serves the notebooks with Voila and sets ``PKMODEL_LECTURE=1`` for its kernels;
a dashboard built there widens its figure by :data:`LECTURE_WIDTH_FACTOR` (480 -> 816 px: with the
360 px controls, 1176 px of a 1280 px projector), keeps it no taller than
:data:`LECTURE_MAX_HEIGHT_IN` (460 px: title, figure, note and footer fit 720 px) and lets no text in it
be smaller than :data:`LECTURE_MIN_FONT_PT`, with its frames drawn at
:data:`LECTURE_PIXEL_DENSITY` pixels per CSS pixel. The Voila template
(``lecture/voila/templates/pkmodel-lecture``) does the rest: no code, no raw outputs, no "Try
this" prompts, larger page type, and on a screen of 1700x1000 px or more (a 1920x1080 projector)
each dashboard zoomed by :data:`LECTURE_LARGE_SCREEN_ZOOM`.
"""

from __future__ import annotations

import os
import textwrap

#: Lecture mode (``make lecture`` sets ``PKMODEL_LECTURE=1`` for Voila's kernels): the figure is
#: widened by this factor (480 -> 816 px: with the 360 px controls, 1176 px of a 1280 px
#: projector) and no text in it is smaller than :data:`LECTURE_MIN_FONT_PT`.
LECTURE_WIDTH_FACTOR = 1.7
LECTURE_MIN_FONT_PT = 14
#: ... and no taller than 460 px, so title, figure, the note under it and footer fit a 720 px projector.
LECTURE_MAX_HEIGHT_IN = 4.6
#: The CSS zoom of a dashboard in the lecture template on a screen at least 1700x1000 px (the
#: 816 px figure would otherwise fill 42 % of a 1920 px projector): the 1176 px wide dashboard
#: then takes 1764 px of 1920 (kept equal to the template's value by a test).
LECTURE_LARGE_SCREEN_ZOOM = 1.5
#: Frame pixels per CSS pixel in lecture mode: as fine as the large-screen zoom shows them, so
#: the figure is sharp there, and scaled down, not up, at 1280x720.
LECTURE_PIXEL_DENSITY = LECTURE_LARGE_SCREEN_ZOOM


def lecture_mode() -> bool:
    """True when the dashboards are shown in lecture mode (environment ``PKMODEL_LECTURE=1``)."""
    return os.environ.get("PKMODEL_LECTURE", "") == "1"


def enlarge_fonts(fig, minimum: float) -> None:
    """No text in ``fig`` smaller than ``minimum`` points (tick labels made later included)."""
    from matplotlib.text import Text

    for ax in fig.axes:
        ax.tick_params(labelsize=minimum)
    for t in fig.findobj(Text):
        if t.get_fontsize() < minimum:
            t.set_fontsize(minimum)




def fit_axis_labels(fig, fontsize: float) -> bool:
    """Wrap each y-axis label onto as many lines as it needs to fit its axes' height at
    ``fontsize`` (about 0.62 em a character); True if a label changed (the layout is then redone).

    Large type on short stacked panels would otherwise cut the label off at the figure's edge.
    """
    changed = False
    height_pt = fig.get_size_inches()[1] * 72
    for ax in fig.axes:
        label = ax.get_ylabel().replace("\n", " ")
        if not label:
            continue
        max_chars = max(8, int(ax.get_position().height * height_pt / (0.62 * fontsize)))
        wrapped = textwrap.fill(label, max_chars, break_long_words=False)
        if wrapped != ax.get_ylabel():
            ax.set_ylabel(wrapped)
            changed = True
    return changed
