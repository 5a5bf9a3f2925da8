"""The dashboard frame: controls column, readout, figure and the ``set``/``values``/``data`` API.

Layout (JupyterLab at 1280×720 with the file browser open leaves an output area about 850 px
wide): a controls column of :data:`CONTROL_WIDTH` on the left (each slider's label sits above a
full-width slider, so its track is at least 250 px), the figure (``figsize`` × 100 dpi, 4.8 in =
480 px wide) on the right with the lesson's note under it, the readout table under the controls.
Side by side rather than stacked: a projector's 720 px are short of height, not of width.
:meth:`Dashboard.estimated_height_px` adds up the rows with the assumptions in :data:`ROW_PX`.

A lesson subclasses :class:`Dashboard` and provides ``make_controls(W) -> {name: widget}`` and
``compute(values) -> View``. CSS classes for the browser tests: ``pk-dashboard`` (root),
``pk-main-slider``, ``pk-toggle``, ``pk-readout``, ``pk-rescale``.
"""

from __future__ import annotations

import asyncio

import numpy as np

from ..plots import Curve, label_concentration_axes
from . import export
from ._controls import checked_control_value, control_options, table_html
from .lecture import (LECTURE_MAX_HEIGHT_IN, LECTURE_MIN_FONT_PT, LECTURE_PIXEL_DENSITY, LECTURE_WIDTH_FACTOR,
                      enlarge_fonts, fit_axis_labels, lecture_mode)
from .live_figure import LiveFigure
from .view import FOOTER, UNIT, View

#: Width of the controls column; sliders fill it (label above), leaving a track >= 250 px.
CONTROL_WIDTH_PX = 360
CONTROL_WIDTH = f"{CONTROL_WIDTH_PX}px"
SLIDER_WIDTH_PX = CONTROL_WIDTH_PX - 10
SLIDER_WIDTH = f"{SLIDER_WIDTH_PX}px"
#: ipywidgets' slider readout (--jp-widgets-inline-width-tiny, 72 px) and the track's margins;
#: a slider with an empty description shows no label, so the track gets the rest.
SLIDER_READOUT_PX = 72
SLIDER_MARGINS_PX = 16
#: Output area of JupyterLab at 1280x720 with the file browser open.
OUTPUT_AREA_PX = 850
#: Height assumptions (px) for :meth:`Dashboard.estimated_height_px`: JupyterLab's default
#: widget row is 28 px plus 4 px margins; a slider with its label above takes a label line too.
ROW_PX = {"title": 40, "footer": 24, "slider": 54, "row": 34, "table_row": 22, "note_line": 17}
#: Characters per line of a 12 px note (about 6.5 px a character).
NOTE_CHAR_PX = 6.5
#: How long after a move's frame its readout is computed and sent. On the loop's next turn
#: (0 s), the table's HTML reached the browser while the frame was still being decoded and
#: JupyterLab laid it out first; 30 ms later the frame is on screen before the table arrives.
#: Measured 2026-12-03, two alternating runs each, medians (ms), 0 s -> 30 ms: notebook 5
#: 59, 51 -> 49, 44; notebook 9 75, 62 -> 53, 53 and 59, 51 -> 54, 50. The table lags the
#: figure by 30 ms, below what a reader notices.
READOUT_DELAY_S = 0.03
EXTENDED_NOTE = "Axes extended to show the whole curve; <i>Rescale axes</i> fits them again."


class Dashboard:
    """Base class: controls on the left with the readout under them, figure and note on the right."""

    title = ""
    main = ""  # name of the main slider
    toggles: tuple = ()  # names of toggles/dropdowns/checkboxes
    n_axes = 1
    axes_layout = "row"  # several axes side by side ("row") or stacked ("column")
    figsize = (4.8, 3.9)  # x 100 dpi: 480 px, beside the 360 px controls in an 850 px output area
    log_default = False
    #: Draw and send frames even outside a kernel (benchmarks, tests; set on an instance, or on
    #: the class before one is built); otherwise frames are made only inside a kernel.
    render = False

    def __init__(self):
        import ipywidgets as W

        from ._frame_view import FrameView  # here, not at import: static figures need no widgets

        self._W = W
        self.controls = self.make_controls(W)
        if "scale" not in self.controls and self.has_scale_toggle():
            self.controls["scale"] = W.ToggleButtons(options=["linear", "log"],
                                                     value="log" if self.log_default else "linear",
                                                     description="y-axis", style={"button_width": "70px"})
        rows = []
        for name, w in self.controls.items():
            w.style.description_width = "initial"
            if isinstance(w, (W.FloatSlider, W.IntSlider, W.SelectionSlider)):
                # label above, slider across the whole column: a long track (>= 250 px)
                label = W.HTML(f"<span style='font-size:13px'>{w.description}</span>")
                w.description = ""
                w.layout.width = SLIDER_WIDTH
                rows.append(W.VBox([label, w], layout=W.Layout(margin="0")))
            else:
                if isinstance(w, W.Dropdown):
                    w.layout.width = SLIDER_WIDTH
                rows.append(w)
        self.controls[self.main].add_class("pk-main-slider")
        for name in self.toggles + (("scale",) if "scale" in self.controls else ()):
            self.controls[name].add_class("pk-toggle")
        self.lecture = lecture_mode()
        if self.lecture:  # projector preset: a wider figure, larger type (see LECTURE_WIDTH_FACTOR)
            self.figsize = (self.figsize[0] * LECTURE_WIDTH_FACTOR,
                            min(self.figsize[1] * LECTURE_WIDTH_FACTOR * 0.8, LECTURE_MAX_HEIGHT_IN))
        self.live = LiveFigure(self.n_axes, self.figsize, legend_loc=self.legend_loc, log_decades=self.log_decades,
                               layout=self.axes_layout, legend_options=self.legend_options,
                               share_y=self.share_y)
        self.fig, self.axes = self.live.fig, self.live.axes
        #: the figure's dots per inch on the page (CSS px); its frames have ``density`` times as
        #: many pixels each way (1, or :data:`LECTURE_PIXEL_DENSITY` in lecture mode)
        self.css_dpi = self.fig.dpi
        density = LECTURE_PIXEL_DENSITY if self.lecture else 1.0
        self.fig.set_dpi(self.css_dpi * density)
        self._extended = False
        self._readout_pending = False
        self.readout = W.HTML().add_class("pk-readout")
        self.note = W.HTML(layout=W.Layout(max_width=f"{int(self.figsize[0] * self.css_dpi)}px"))
        self.note.add_class("pk-readout")
        self.rescale_button = W.Button(description="Rescale axes", icon="arrows-alt",
                                       tooltip="Fit the axes to what is shown now", layout=W.Layout(width="auto"))
        self.rescale_button.add_class("pk-rescale")
        self.rescale_button.on_click(lambda _: self.rescale())
        self.export_button = W.Button(description="Export this view", icon="download",
                                      tooltip="PNG and SVG of the figure as shown, with its caption and sources",
                                      layout=W.Layout(width="auto"))
        self.export_button.add_class("pk-export")
        self.export_links = W.HTML().add_class("pk-export-links")
        self.export_button.on_click(lambda _: self._offer_export())
        fig_w, fig_h = (int(round(v * self.css_dpi)) for v in self.fig.get_size_inches())
        # fixed size, never squeezed by a narrow column (its height would not follow)
        self._figure_box = FrameView(alt=self.title, density=density,
                                     layout=W.Layout(width=f"{fig_w}px", height=f"{fig_h}px",
                                                     min_width=f"{fig_w}px", flex="0 0 auto"))
        self._figure_box.add_class("pk-figure")
        self.setup_axes()
        if self.lecture:
            self.live.font_minimum = LECTURE_MIN_FONT_PT
            enlarge_fonts(self.fig, LECTURE_MIN_FONT_PT)
        self.refresh(rescale=True)
        if self.lecture and fit_axis_labels(self.fig, LECTURE_MIN_FONT_PT):
            self._relayout()
        self._prewarm()
        self._draw()  # the first frame as shown (after lecture mode's relayout): a blit, or nothing new
        self.flush_readout()  # a dashboard is built with its readout
        for name, w in self.controls.items():
            w.observe(self._changed, names="value")
        left = W.VBox(rows + [W.HBox([self.rescale_button, self.export_button]), self.export_links, self.readout],
                      layout=W.Layout(width=CONTROL_WIDTH, min_width=CONTROL_WIDTH))
        right = W.VBox([self._figure_box, self.note])
        self.widget = W.VBox([W.HTML(f"<h3 style='margin:4px 0'>{self.title}</h3>"),
                              W.HBox([left, right]), W.HTML(FOOTER)])
        self.widget.add_class("pk-dashboard")

    # ----- to be provided by each dashboard -----------------------------------------------
    def make_controls(self, W) -> dict:
        raise NotImplementedError

    def compute(self, values: dict) -> View:
        raise NotImplementedError

    def setup_axes(self) -> None:
        label_concentration_axes(self.axes[0], UNIT, log=self.log_default)

    def has_scale_toggle(self) -> bool:
        return True

    def legend_loc(self, ax) -> str:
        return "upper right"

    #: Panels with one y range (:attr:`LiveFigure.share_y`), for panels compared by eye.
    share_y = False

    def legend_options(self, ax) -> dict:
        """More arguments for ``ax``'s legend (``ncols``, ``title``, ``bbox_to_anchor``...). Inside
        the axes a legend takes room from the data, which stay below it (:mod:`.live_figure`)."""
        return {}

    def log_decades(self) -> float:
        """Lower y limit on a log axis, as a fraction of the highest value shown."""
        return 1e-3

    def _scaled_axes(self):
        return [self.axes[0]]

    # ----- the API students and tests use --------------------------------------------------
    @property
    def _artists(self) -> dict:
        return self.live.artists

    def values(self) -> dict:
        """Current value of every control."""
        return {k: w.value for k, w in self.controls.items()}

    def set(self, **values) -> None:
        """Set controls by name (as a student would); each change redraws.

        Every value is checked first, as the control itself would accept it: a slider takes a
        number inside its range and on its step, a choice one of its options, a checkbox True or
        False. A bad value raises ``ValueError`` (``TypeError`` for a wrong type) naming the
        control, the value and what is allowed, and changes nothing; nothing is clamped.
        """
        checked = {k: checked_control_value(self.controls, k, v) for k, v in values.items()}
        for k, v in checked.items():
            self.controls[k].value = v
        self.flush_readout()  # the readout matches the controls when set() returns

    def data(self) -> dict:
        """The drawn data of every visible artist: {key: (x, y)} (bands give (x, (low, high)))."""
        out = {}
        for key, item in self._view.artists.items():
            if isinstance(item, Curve):
                out[key] = (np.asarray(item.x), np.asarray(item.y))
            else:
                out[key] = (np.asarray(item.x), (np.asarray(item.low), np.asarray(item.high)))
        return out

    def save(self, path, **kwargs) -> None:
        """Write the current figure (PNG, SVG, ...) for a slide."""
        self.fig.savefig(path, dpi=kwargs.pop("dpi", 150), **kwargs)

    def citation_keys(self) -> tuple[str, ...]:
        """Keys of the sources this view rests on (:mod:`.citations`, or a ``sources`` attribute)."""
        return export.citation_keys(self)

    def caption(self) -> str:
        """The view's caption: title, settings, note, sources with DOI/PMID, teaching notice."""
        return export.caption(self)

    def export(self, fmt: str = "png") -> bytes:
        """The figure as shown, as PNG or SVG bytes, with :meth:`caption` printed under it."""
        return export.figure_bytes(self, fmt)

    def _offer_export(self) -> None:
        """Put PNG and SVG download links of the current view under the buttons."""
        self.export_links.value = export.download_links(self)
        self._draw()

    def _ipython_display_(self):
        from IPython.display import display

        display(self.widget)

    @staticmethod
    def slider_track_px() -> int:
        """Width of a slider's track: the slider's width less its readout and margins."""
        return SLIDER_WIDTH_PX - SLIDER_READOUT_PX - SLIDER_MARGINS_PX

    def estimated_width_px(self) -> int:
        """Controls column plus figure (CSS px)."""
        return int(CONTROL_WIDTH_PX + self.fig.get_size_inches()[0] * self.css_dpi)

    def estimated_height_px(self) -> int:
        """The dashboard's height in JupyterLab, from the row heights in :data:`ROW_PX`.

        title + max(controls column, figure + note) + footer, where the controls column is one
        slider block (label + track) per slider, one row per other control and the Rescale
        button, one row per readout table line; the note wraps at :data:`NOTE_CHAR_PX` per
        character across the figure's width (tags stripped).
        """
        import re

        W = self._W
        left = ROW_PX["row"]  # the Rescale button
        for w in self.controls.values():
            left += ROW_PX["slider"] if isinstance(w, (W.FloatSlider, W.IntSlider, W.SelectionSlider)) \
                else ROW_PX["row"]
        left += ROW_PX["table_row"] * (len(self._view.table()) + bool(self._view.caption))
        fig_w, fig_h = (self.fig.get_size_inches() * self.css_dpi)
        text = re.sub(r"<[^>]+>", "", self.note.value)
        per_line = max(1, int(fig_w / NOTE_CHAR_PX))
        lines = sum(-(-len(part) // per_line) for part in text.split("\n") if part) if text else 0
        right = fig_h + ROW_PX["note_line"] * lines
        return int(ROW_PX["title"] + max(left, right) + ROW_PX["footer"])

    # ----- machinery ------------------------------------------------------------------------
    def _changed(self, change) -> None:
        self.refresh(rescale=change["owner"] is self.controls.get("scale"))

    def refresh(self, rescale: bool = False) -> View:
        """Recompute and update the artists in place; returns the View drawn."""
        view = self._show(self.compute(self.values()))
        if rescale:
            self.rescale(draw=False)
            self._relayout()
        elif self.live.layout_stale:  # a legend above the axes gained or lost a row
            self.live.extend()
            self._relayout()
        elif self.live.extend():
            self._extended = True
            self.live.relayout(only_if_labels_changed=True)
        self._draw()  # the frame first: the readout (and any table computed late) comes after it
        self._readout_soon()
        return view

    def _show(self, view: View) -> View:
        """Put ``view`` on the figure: the chosen y scale, then every artist moved in place."""
        if "scale" in self.controls:
            for ax in self._scaled_axes():
                ax.set_yscale(self.controls["scale"].value)
        self.live.update(view)
        self._view = view
        return view

    def _readout_soon(self) -> None:
        """Show the readout once the frame has been sent and drawn: in a kernel, :data:`READOUT_DELAY_S`
        later on its event loop; at once outside one. The readout's table is often the slow part
        (the washout searches of notebooks 5 and 9, 10-12 ms a move), and computed first it kept
        the frame waiting: deferred to the loop's next turn, key press → frame went from 67 to
        52 ms median in notebook 5 and from 78 to 66 ms in notebook 9 (JupyterLab + Chromium,
        Dec 2026). Moves that arrive together get one readout, for the latest state."""
        if self._readout_pending:
            return
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # plain Python, tests: no loop to defer to
            self._show_readout()
            return
        self._readout_pending = True
        loop.call_later(READOUT_DELAY_S, self.flush_readout)

    def flush_readout(self) -> None:
        """Show a readout that :meth:`refresh` deferred, now (:meth:`set` calls this)."""
        if self._readout_pending:
            self._show_readout()

    def _show_readout(self) -> None:
        self._readout_pending = False  # shown now (a rescale, say): a deferred one has nothing left to do
        view = self._view
        self.readout.value = table_html(view.table(), view.caption) or "&nbsp;"
        note = view.note + (" " + EXTENDED_NOTE if self._extended else "")
        self.note.value = f"<div style='font-size:12px;line-height:1.4;color:#8a4b00;margin-top:4px'>{note}</div>" if note else ""

    def fit_axes(self) -> None:
        """Fit each axis to what is shown (:meth:`LiveFigure.fit`); a lesson may adjust the result."""
        self.live.fit()

    def rescale(self, draw: bool = True) -> None:
        """Fit the axes to the visible data (a button press, or a change of scale). With ``draw``,
        lay out and show the figure, then the readout, whose note no longer says "extended"
        (:meth:`refresh` passes ``draw=False`` and does both itself, frame first)."""
        self.fit_axes()
        self._extended = False
        if draw:
            self._relayout()
            self._draw()
            if hasattr(self, "_view"):
                self._show_readout()

    def _relayout(self) -> None:
        self.live.relayout()

    def _first_move(self):
        """The main slider's value after one step from where it starts (up, or down at the top)."""
        w = self.controls[self.main]
        if hasattr(w, "options"):  # a SelectionSlider
            options = control_options(w)
            i = options.index(w.value)
            return options[i + 1 if i + 1 < len(options) else i - 1]
        up = w.value + w.step
        v = up if up <= w.max else w.value - w.step
        return int(v) if isinstance(w.value, int) else round(v, 10)

    def _prewarm(self) -> None:
        """Compute the first move's view and render one frame off screen, so the first slider
        move costs what later ones do: lazy imports on the engine's path (SciPy's Schur form
        once cost the modifiers dashboard's first move 200 ms), font and glyph caches, the
        legend's pixels, the first blit's buffers. Nothing is shown or kept of the computed view."""
        import scipy.linalg  # noqa: F401  (the engine imports it lazily, on its first Schur form)

        self.compute({**self.values(), self.main: self._first_move()})
        if not self.live.blitter.can_blit():  # outside a kernel nothing was drawn yet
            self.fig.canvas.draw()  # caches the background and the legend pixels (draw_event)

    def _draw(self) -> None:
        """Show the update: render it (a blit over the cached background when nothing else
        changed, else a full draw; see :mod:`._blit`) and send the frame to the browser (the part
        that differs from the last whole frame, see :meth:`~._frame_view.FrameView.show`)."""
        from IPython import get_ipython

        if not (self.render or get_ipython() is not None):  # plain Python: nothing to show into
            return
        self.live.blitter.draw()
        self._figure_box.show(np.asarray(self.fig.canvas.buffer_rgba()))
