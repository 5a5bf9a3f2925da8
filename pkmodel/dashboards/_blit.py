"""Blitting: redraw only the moving lines over a cached picture of everything else.

Why: a full Agg draw of a dashboard's figure (ticks, labels, grid, legend text) costs
60–175 ms; restoring a cached background and drawing the lines costs 1–6 ms (measured per
dashboard, median of 15, Agg at 100 dpi on the shared 2-core test machine, Nov 2026:
half-life 124 vs 1.1 ms, lifespan 96 vs 1.0, metabolites 175 vs 1.8, accumulation 121 vs 3.2,
stopping 61 vs 1.6, modifiers 77 vs 1.9, population 94 vs 6.0, sensitivity 134 vs 1.5).
The frame is then sent to the browser as a PNG (:mod:`._frames`).

The risk is a stale cache: a background copied before the axes, limits or figure size changed
shows old ticks or old curves under the new ones ("ghost curves"). So the cache is keyed: the
background remembers the state it was copied in (figure size and dpi; every axes' position,
limits and scales), and a blit happens only when the state is unchanged; otherwise, or when
there is no background yet, the figure is drawn in full. Legends are drawn on top of the lines
(animated), so they are not in the background. A legend is opaque and square; its *interior*
(two pixels inside the frame, which only the legend itself covers) is cached, keyed on the
legend object and what its place depends on (its axes' place, the figure's size), and pasted
after its frame is drawn, so no pixel of an old curve survives (the previous cache pasted a
ring of pixels around the frame, and with it fragments of the curves that lay under the ring
when it was copied). A new legend is drawn in full. A framed legend's interior outlives a full
draw that leaves it where it was: when a curve extends the axes (notebook 4's plateau, a dose
step up) the frame is drawn in full, but its legend is pasted, not typeset again
(accumulation: a 64 ms full draw, 19 ms of it the legend's text; 70 -> 45 ms a step, Dec 2026).
"""

from __future__ import annotations

import math
from typing import NamedTuple


def _legends(fig):
    return [ax.get_legend() for ax in fig.axes if ax.get_legend() is not None]


def state_key(fig) -> tuple:
    """Everything the cached background depends on (compared before every blit). Legends are
    not part of it: they are drawn on top, and their own cache is keyed separately."""
    axes = tuple((tuple(ax.get_position().bounds), ax.get_xlim(), ax.get_ylim(), ax.get_xscale(),
                  ax.get_yscale()) for ax in fig.axes)
    return (tuple(fig.bbox.bounds), fig.dpi, axes)


def _frame_extents(legend) -> tuple:
    """The legend frame's pixel extents as last drawn (by any draw, a savefig's included)."""
    return tuple(legend.legendPatch.get_window_extent().extents)


def _legend_place(legend, fig):
    """What a legend's place on the canvas depends on, short of a new legend object: its axes'
    place and the figure's size. None (never cached) unless :class:`~.live_figure.LiveFigure`
    made it with a fixed ``loc`` (``pk_fixed_place``; ``"best"`` moves with the data). Not
    ``legendPatch``'s extents: those are the last draw's, stale until it is redrawn."""
    if not getattr(legend, "pk_fixed_place", False):
        return None
    return (tuple(legend.axes.get_position().bounds), tuple(fig.bbox.bounds), fig.dpi)


class _CachedLegend(NamedTuple):
    legend: object  #: the Legend the pixels belong to (a rebuilt legend is a new object)
    place: tuple  #: :func:`_legend_place` when copied
    frame: tuple  #: :func:`_frame_extents` when copied
    pixels: object  #: the interior, from ``copy_from_bbox``


class Blitter:
    """Background and legend-pixel caches for one figure, and the choice between blit and full draw.

    ``animated()`` returns the artists to draw on top, in order. The figure's non-animated
    artists make the background.
    """

    #: pixels inside a legend's frame edge that the cached interior starts at
    LEGEND_INSET = 2

    def __init__(self, fig, animated):
        self.fig = fig
        self.animated = animated
        self.background = None
        self.key = None
        self.legend_pixels: dict = {}
        self.full_draws = 0
        self.blits = 0
        self.legends_pasted = 0
        fig.canvas.mpl_connect("draw_event", self.on_draw)

    def invalidate(self, *, legends: bool = True) -> None:
        """Forget the cached background (the next draw is a full one) and, with ``legends``, the
        legends' interiors (keyed on the legend and its place, they stay valid while both do)."""
        self.background = None
        self.key = None
        if legends:
            self.legend_pixels = {}

    def forget_legends(self) -> None:
        self.legend_pixels = {}

    def can_blit(self) -> bool:
        return self.background is not None and self.key == state_key(self.fig)

    def draw(self, *, force_full: bool = False) -> None:
        """Render the current state on the Agg canvas: a blit if the cached background is still
        valid, else a full draw (which caches a new background)."""
        canvas = self.fig.canvas
        if force_full or not self.can_blit():
            self.full_draws += 1
            canvas.draw()
            return
        self.blits += 1
        canvas.restore_region(self.background)
        self.draw_animated()

    def on_draw(self, event) -> None:
        """After any full draw of the Agg canvas: cache the background, add the artists."""
        canvas = self.fig.canvas
        if (event.canvas is not canvas or canvas.is_saving()
                or event.renderer is not getattr(canvas, "renderer", None)):
            return  # savefig draws animated artists itself; draw_without_rendering draws nothing
        self.background = canvas.copy_from_bbox(self.fig.bbox)
        self.key = state_key(self.fig)
        # a frameless legend's "interior" holds background pixels, which this draw may have changed
        self.legend_pixels = {k: c for k, c in self.legend_pixels.items() if c.legend.get_frame_on()}
        self.draw_animated()

    def draw_animated(self) -> None:
        """Draw the moving artists, then the legends on top. Text is the slow part of a redraw,
        so a legend whose entries did not change has its frame drawn and its interior pasted."""
        for art in self.animated():
            self.fig.draw_artist(art)
        canvas = self.fig.canvas
        can_cache = not canvas.is_saving()
        for legend in _legends(self.fig):
            cached = self.legend_pixels.get(id(legend))
            place = _legend_place(legend, self.fig)
            # the place it would have now, and the frame's extents as last drawn: a savefig at
            # another dpi draws the frame elsewhere without a draw_event, and the place is unchanged
            if (cached is not None and cached.legend is legend and cached.place == place
                    and cached.frame == _frame_extents(legend)):
                self.fig.draw_artist(legend.legendPatch)  # the frame, over the new lines
                canvas.restore_region(cached.pixels)  # the interior: entries only, no curve beneath
                self.legends_pasted += 1
                continue
            self.fig.draw_artist(legend)
            if can_cache:
                from matplotlib.transforms import Bbox

                frame = _frame_extents(legend)
                x0, y0, x1, y1 = frame
                k = self.LEGEND_INSET
                box = Bbox.from_extents(math.ceil(x0) + k, math.ceil(y0) + k, math.floor(x1) - k,
                                        math.floor(y1) - k)
                if box.width > 0 and box.height > 0 and place is not None:
                    self.legend_pixels[id(legend)] = _CachedLegend(legend, place, frame, canvas.copy_from_bbox(box))
