"""A figure that updates in place: artist reuse, legend rebuilds and the axes policy.

* **Artist reuse.** Each key of a lesson's View keeps one artist for the dashboard's life;
  an update moves its data (``set_data``/``set_xy``) and style; keys that disappear are hidden.
* **Legends** copy labels and styles when made, so a legend is remade only when a label, a
  colour or a line style changed, or an artist appeared or vanished.
* **Axes policy.** Axes stay fixed while a control moves, so two positions of a slider can be
  compared by eye; but no curve is ever hidden: when drawn data would leave the axes, they
  grow to show it (:meth:`LiveFigure.extend`, reported in the readout). They never shrink on
  their own: *Rescale axes* (or a change of scale) fits them again (:meth:`LiveFigure.fit`).
  On a log axis "leaving" means a curve's peak below the bottom; its tail may run out of the
  bottom as a washout does. A legend inside the axes counts as outside them: the data under
  it stay below its bottom edge, and the top of the axes moves up to make that room.

Drawing is delegated to :class:`._blit.Blitter`.
"""

from __future__ import annotations

import numpy as np

from ..plots import LEGEND_FONTSIZE, Curve, band_outline, data_limits, draw_item, legend
from ._blit import Blitter

#: Headroom above the highest value when an axis is fitted: a log axis x 1.6, a linear one to
#: a round number above 1.15 x the data (room for a slider's first steps without growing).
LOG_HEADROOM = 1.6
FIT_HEADROOM = 1.15
#: On a log axis every curve's peak stays at least this factor above the bottom.
LOG_PEAK_MARGIN = 2.0
#: When axes must grow they grow with room to spare (each growth costs a full redraw, 60-175 ms,
#: against 1-6 ms for a blit): a linear top to a round number above 1.25 x the data (so a
#: small step of a slider rarely needs one), a log axis by half a decade beyond it.
GROWTH_HEADROOM = 1.25
LOG_GROWTH = 10 ** 0.5
#: Axes fraction kept clear between a legend's bottom edge and the highest data under it.
LEGEND_CLEARANCE = 0.03


#: Mantissas of the round numbers axes end at.
ROUND_STEPS = (1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0)


def round_up(value: float) -> float:
    """The next number of the form m x 10^k (m in :data:`ROUND_STEPS`) at or above ``value`` (> 0)."""
    k = np.floor(np.log10(value))
    for m in ROUND_STEPS:
        if m * 10 ** k >= value * (1 - 1e-12):
            return float(m * 10 ** k)
    return float(10 ** (k + 1))


class LiveFigure:
    """The figure of one dashboard: ``update(view)``, ``fit()``, ``extend()``, ``draw()``."""

    def __init__(self, n_axes: int, figsize, *, legend_loc, log_decades, layout: str = "row",
                 legend_options=lambda ax: {}, share_y: bool = False):
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure

        # A plain Agg figure, outside pyplot's registry of open figures: in a notebook every widget
        # message runs IPython's post_execute hook, where pyplot redraws each registered figure
        # that is stale (once an endless loop of full redraws). A dashboard draws itself when it
        # changes and sends the frame to the browser (:mod:`._frames`).
        self.fig = Figure(figsize=figsize, layout="constrained")
        FigureCanvasAgg(self.fig)
        grid = (n_axes, 1) if layout == "column" else (1, n_axes)  # panels side by side, or stacked
        self.axes = list(self.fig.subplots(*grid, squeeze=False).ravel())
        self.artists: dict = {}
        self.items: dict = {}
        self._styles: dict = {}
        self.legend_loc = legend_loc
        self.legend_options = legend_options
        #: Panels compared by eye (young vs elderly) keep one y range: the widest any of them needs.
        self.share_y = share_y
        self.log_decades = log_decades
        #: Smallest legend font (pt); lecture mode raises it to the projector's minimum.
        self.font_minimum = 0.0
        #: Static artists (drawn once, in the background) that the legend lists after the live ones.
        self.static_handles: list = []
        self._legend_boxes: dict = {}
        #: A legend outside the axes changed size: lay the figure out again before the next frame.
        self.layout_stale = False
        self.blitter = Blitter(self.fig, lambda: [a for a in self.artists.values() if a.get_visible()])

    # ----- artists ------------------------------------------------------------------------
    def update(self, view) -> bool:
        """Move each artist to the View's data; returns True if the legends were remade."""
        legends_dirty = False
        self.items = dict(view.artists)
        for key, item in view.artists.items():
            ax = self.axes[item.ax]
            art = self.artists.get(key)
            if art is None:
                art = self.artists[key] = draw_item(ax, item, animated=True)
                legends_dirty = True
            elif isinstance(item, Curve):
                art.set_data(item.x, item.y)
                art.set_color(item.color)
                art.set_linestyle(item.linestyle)
            else:
                art.set_xy(band_outline(item))
                art.set_facecolor(item.color)
            style = (item.label, item.color, str(getattr(item, "linestyle", "")))
            if self._styles.get(key) != style or not art.get_visible():
                art.set_label(item.label)
                self._styles[key] = style
                legends_dirty = True
            art.set_visible(True)
        for key, art in self.artists.items():
            if key not in view.artists and art.get_visible():
                art.set_visible(False)
                art.set_label("_hidden")
                self._styles.pop(key, None)
                legends_dirty = True
        if legends_dirty:
            self.rebuild_legends()
        return legends_dirty

    def rebuild_legends(self) -> None:
        """Make each axis' legend again. A legend outside its axes that changed size (an entry
        came or went) sets :attr:`layout_stale`: the frozen layout has no room for it."""
        renderer = self.fig.canvas.get_renderer()
        for ax in self.axes:
            old = ax.get_legend()
            old_size = None if old is None else old.get_window_extent(renderer).size
            handles = [a for a in self.artists.values()
                       if a.axes is ax and a.get_visible() and not a.get_label().startswith("_")]
            handles += [h for h in self.static_handles if h.axes is ax]
            if handles:
                kwargs = {"loc": self.legend_loc(ax), **self.legend_options(ax)}
                if self.font_minimum > LEGEND_FONTSIZE:
                    kwargs.update(fontsize=self.font_minimum, title_fontsize=self.font_minimum)
                new = legend(ax, handles, **kwargs)
                new.set_animated(True)
                # a fixed place: its pixels may be cached by the blitter (see _blit._legend_place)
                new.pk_fixed_place = kwargs["loc"] not in (None, "best", 0)
                inside = new.get_window_extent(renderer).transformed(ax.transAxes.inverted()).y1 <= 1.0
                if not inside and (old_size is None or tuple(old_size) != tuple(new.get_window_extent(renderer).size)):
                    self.layout_stale = True
        self.blitter.forget_legends()

    def _fitted(self, ax):
        """The visible items on ``ax`` that decide its limits (reference lines excluded)."""
        return [self.items[k] for k, a in self.artists.items()
                if a.axes is ax and a.get_visible() and k in self.items
                and not getattr(self.items[k], "marker", False)]

    @staticmethod
    def _x_limits(items, log):
        x = np.concatenate([np.asarray(i.x, dtype=float).ravel() for i in items]) if items else np.array([])
        x = x[np.isfinite(x) & (x > 0)] if log else x[np.isfinite(x)]
        return (float(x.min()), float(x.max())) if x.size else None

    def _lowest_peak(self, items):
        peaks = [data_limits([i], log=True) for i in items]
        peaks = [p[1] for p in peaks if p is not None]
        return min(peaks) if peaks else None

    # ----- axes policy --------------------------------------------------------------------
    def fit(self) -> None:
        """Fit each axis to what is shown (Rescale, or a change of scale)."""
        for ax in self.axes:
            items = self._fitted(ax)
            if not items:
                continue
            xlog, ylog = ax.get_xscale() == "log", ax.get_yscale() == "log"
            xl = self._x_limits(items, xlog)
            if xl and xl[1] > xl[0]:
                ax.set_xlim(*xl)
            yl = data_limits(items, log=ylog)
            ymax = yl[1] if yl and yl[1] > 0 else 1.0
            if ylog:
                low = ymax * self.log_decades()
                peak = self._lowest_peak(items)
                if peak is not None:
                    low = min(low, peak / LOG_PEAK_MARGIN)
                ax.set_ylim(low, ymax * LOG_HEADROOM)
            else:
                ax.set_ylim(0, round_up(ymax * FIT_HEADROOM))
            y0, y1 = ax.get_ylim()
            top = self._top_clear_of_legend(ax, items, y0, ylog, LOG_HEADROOM if ylog else FIT_HEADROOM)
            if top > y1:
                ax.set_ylim(y0, top if ylog else round_up(top))
        self._share_y()

    def extend(self) -> bool:
        """Grow any axis that the drawn data would leave (never shrink); True if one grew."""
        grew = False
        for ax in self.axes:
            items = self._fitted(ax)
            if not items:
                continue
            xlog, ylog = ax.get_xscale() == "log", ax.get_yscale() == "log"
            x0, x1 = ax.get_xlim()
            xl = self._x_limits(items, xlog)
            if xl and (xl[0] < x0 or xl[1] > x1):
                ax.set_xlim(min(x0, xl[0]), max(x1, xl[1]))
                grew = True
            y0, y1 = ax.get_ylim()
            yl = data_limits(items, log=ylog)
            if yl is None:
                continue
            new0, new1 = y0, y1
            if yl[1] > y1:
                new1 = yl[1] * LOG_GROWTH if ylog else round_up(yl[1] * GROWTH_HEADROOM)
            if ylog:
                peak = self._lowest_peak(items)
                if peak is not None and peak / LOG_PEAK_MARGIN < y0:
                    new0 = peak / LOG_PEAK_MARGIN / LOG_GROWTH
            elif yl[0] < y0:
                new0 = yl[0] - 0.08 * (new1 - yl[0])
            if self._top_clear_of_legend(ax, items, new0, ylog, 1.0) > new1:  # data would run under the legend
                top = self._top_clear_of_legend(ax, items, new0, ylog, LOG_GROWTH if ylog else GROWTH_HEADROOM)
                new1 = top if ylog else round_up(top)
            if (new0, new1) != (y0, y1):
                ax.set_ylim(new0, new1)
                grew = True
        return self._share_y() or grew

    def _share_y(self) -> bool:
        """With :attr:`share_y`, give every axis the union of their y ranges; True if one changed."""
        if not self.share_y:
            return False
        lows, highs = zip(*(ax.get_ylim() for ax in self.axes))
        span, changed = (min(lows), max(highs)), False
        for ax in self.axes:
            if ax.get_ylim() != span:
                ax.set_ylim(*span)
                changed = True
        return changed

    def _legend_box(self, ax):
        """``ax``'s legend box in axes fraction, if it lies inside the upper half of the axes
        (kept per legend and axes position: its size is fixed once made), else None."""
        lg = ax.get_legend()
        if lg is None or not lg.get_visible():
            return None
        place = tuple(ax.get_position().bounds)
        kept = self._legend_boxes.get(id(ax))
        if kept is None or kept[0] is not lg or kept[1] != place:
            box = lg.get_window_extent(self.fig.canvas.get_renderer()).transformed(ax.transAxes.inverted())
            inside = box.x1 > 0 and box.x0 < 1 and 0.5 < box.y1 and box.y0 < 1
            kept = self._legend_boxes[id(ax)] = (lg, place, box if inside else None)
        return kept[2]

    def _top_clear_of_legend(self, ax, items, y0: float, log: bool, headroom: float) -> float:
        r"""The lowest top y limit (over bottom ``y0``) that keeps the data under ``ax``'s legend,
        times ``headroom``, below the legend's bottom edge; 0 with no legend inside the axes.

        With the legend's bottom at axes fraction :math:`b` (less :data:`LEGEND_CLEARANCE`) and
        the highest data under it :math:`m`: :math:`y_1 = y_0 + (h m - y_0)/b` on a linear axis,
        the same in :math:`\log y` on a log one.
        """
        box = self._legend_box(ax)
        if box is None:
            return 0.0
        xa, xb = sorted((ax.transAxes + ax.transData.inverted()).transform([[box.x0, 0.5], [box.x1, 0.5]])[:, 0])
        under = []
        for item in items:
            x = np.asarray(item.x, dtype=float)
            y = np.asarray(item.y if isinstance(item, Curve) else item.high, dtype=float)
            under.append(y[(x >= xa) & (x <= xb)])
        y = np.concatenate(under) if under else np.array([])
        y = y[np.isfinite(y) & (y > 0)] if log else y[np.isfinite(y)]
        b = box.y0 - LEGEND_CLEARANCE
        if not y.size or b <= 0:
            return 0.0
        m = headroom * float(y.max())
        if log:
            return float(10 ** (np.log10(y0) + (np.log10(m) - np.log10(y0)) / b))
        return y0 + (m - y0) / b

    def tick_label_lengths(self) -> tuple:
        """The longest tick label (characters) of each axis, from its locator and formatter
        (no drawing): the layout depends on how wide the labels are."""
        out = []
        for ax in self.axes:
            for axis, (lo, hi) in ((ax.xaxis, ax.get_xlim()), (ax.yaxis, ax.get_ylim())):
                locs = [v for v in axis.get_majorticklocs() if min(lo, hi) <= v <= max(lo, hi)]
                labels = axis.get_major_formatter().format_ticks(locs) if locs else []
                out.append(max((len(t) for t in labels), default=0))
        return tuple(out)

    def relayout(self, *, only_if_labels_changed: bool = False) -> None:
        """Run constrained layout once for the current axes, then freeze it.

        Layout costs about as much as a full draw (35-100 ms here); it only needs redoing when
        the axes change (rescale, scale toggle), not on every slider step. When axes grow, the
        layout is redone only if a tick label got longer or shorter (digits are equally wide).
        """
        lengths = self.tick_label_lengths()
        if not (only_if_labels_changed and lengths == getattr(self, "_label_lengths", None)):
            self._constrain()
            self.layout_stale = False
            if self.extend():  # resized axes change a legend's share of them: room under it again
                self._constrain()
            self._label_lengths = self.tick_label_lengths()
        self.blitter.invalidate(legends=False)  # a legend that moved misses its own cache

    def _constrain(self) -> None:
        """Constrained layout, run by itself: ``draw_without_rendering`` ran it and then drew every
        artist for nothing (the next frame draws them), 30-100 ms a layout; on its own it takes
        20-60 ms (in-process, Dec 2026) and places the axes exactly where that did (tested)."""
        self.fig.set_layout_engine("constrained")
        self.fig.get_layout_engine().execute(self.fig)
        self.fig.set_layout_engine("none")
