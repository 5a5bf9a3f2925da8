"""Interactive dashboards (ipywidgets + matplotlib) for the teaching notebooks: one call per cell.

Every dashboard separates a pure ``compute(values) -> View`` (what to draw, from the package's
models and published parameter sets) from the drawing, which updates existing artists in place
(``set_data``/``set_xy`` then ``draw_idle``): no flicker and no pile-up of figures. Axes stay
fixed while a control moves; the *Rescale axes* button, or switching between linear and log
scales, fits them to what is shown. Colours follow :mod:`pkmodel.plots` (Okabe–Ito).

The update can be driven without a browser (``dash.set(age=80)``, ``dash.data()``), which is
how the tests sweep every control over its range. In a browser the figure is an ipympl canvas
(``%matplotlib widget``); with another backend it falls back to an Output widget.

CSS classes for the browser tests: ``pk-dashboard`` (root), ``pk-main-slider``, ``pk-toggle``,
``pk-readout``, ``pk-rescale``.

Everything shown illustrates published group data, for teaching only; nothing here recommends a
dose for anyone.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field

import numpy as np

from . import literature as lit
from . import metrics
from .plots import (OKABE_ITO, POPULATION_COLORS, SPECIES_COLORS, SPECIES_LABELS,
                    SPECIES_LINESTYLES, SPECIES_SHORT, age_color, label_concentration_axes)
from .regimen import repeated, single_dose, taper
from .simulate import simulate
from .literature.values import ML_MIN_TO_L_H
from .units import CONCENTRATION_UNITS, HOURS_PER_DAY, TEACHING_NOTICE

FOOTER = f"<small><i>{TEACHING_NOTICE}</i></small>"
UNIT = "ng/mL"
# G21's regimen (2.5 mg twice daily for 15 days), read from its source record, not retyped
G21_DOSE = lit.diazepam.v.G21_DOSE_MG.value
G21_INTERVAL = lit.diazepam.v.G21_INTERVAL_H.value
G21_PER_DAY = int(round(HOURS_PER_DAY / G21_INTERVAL))
G21_DAYS = int(lit.diazepam.v.G21_DAYS.value)
#: Controls column plus figure fit JupyterLab's notebook at 1280x720 with the file browser open
#: (an output area about 850 px wide), as on a lecture projector or Binder.
CONTROL_WIDTH = "280px"


@dataclass
class Curve:
    """A line to draw: x (days or concentration), y, and its style."""

    x: np.ndarray
    y: np.ndarray
    color: str = OKABE_ITO["black"]
    linestyle: str = "-"
    label: str = ""
    ax: int = 0
    linewidth: float = 2.0
    alpha: float = 1.0


@dataclass
class Band:
    """A shaded band between two curves (percentiles)."""

    x: np.ndarray
    low: np.ndarray
    high: np.ndarray
    color: str = OKABE_ITO["blue"]
    label: str = ""
    ax: int = 0
    alpha: float = 0.25


@dataclass
class View:
    """What one update shows: artists by stable key, a readout table, and notes."""

    artists: dict
    rows: list = field(default_factory=list)  # [header, row, row, ...] of strings
    note: str = ""


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


def _control_options(w) -> list:
    """The values a selection widget accepts (options may be plain values or (label, value) pairs)."""
    return [o[1] if isinstance(o, tuple) and len(o) == 2 else o for o in w.options]


def _checked_control_value(controls: dict, name: str, value):
    """``value`` if control ``name`` would take it unchanged; else a clear error (nothing clamped)."""
    import difflib
    import math
    from numbers import Real

    import ipywidgets as W

    if name not in controls:
        close = difflib.get_close_matches(str(name), list(controls), n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        raise ValueError(f"unknown control {name!r}{hint}; this dashboard has {list(controls)}")
    w = controls[name]
    if isinstance(w, (W.FloatSlider, W.IntSlider)):
        integer = isinstance(w, W.IntSlider)
        kind = "a whole number" if integer else "a number"
        allowed = f"{kind} from {w.min:g} to {w.max:g} in steps of {w.step:g}"
        if not isinstance(value, Real) or isinstance(value, bool):
            raise TypeError(f"control {name!r} takes {allowed}; got {value!r} ({type(value).__name__})")
        v = float(value)
        steps = (v - w.min) / w.step if math.isfinite(v) else math.nan
        whole = not integer or v == int(v) if math.isfinite(v) else False
        if not (w.min <= v <= w.max) or not whole or abs(steps - round(steps)) > 1e-9 * max(1.0, abs(steps)):
            raise ValueError(f"control {name!r} takes {allowed}; got {value!r}")
        return int(v) if integer else v
    if isinstance(w, (W.Checkbox, W.ToggleButton)):
        if not isinstance(value, bool):
            raise TypeError(f"control {name!r} takes True or False; got {value!r} ({type(value).__name__})")
        return value
    if hasattr(w, "options"):
        options = _control_options(w)
        if value not in options or isinstance(value, bool) != any(isinstance(o, bool) and o == value
                                                                  for o in options):
            raise ValueError(f"control {name!r} takes one of {options!r}; got {value!r}")
        return value
    raise TypeError(f"control {name!r} ({type(w).__name__}) cannot be set from Python")


class Dashboard:
    """Base class: controls on the left, live readouts under them, figure on the right."""

    title = ""
    main = ""  # name of the main slider
    toggles: tuple = ()  # names of toggles/dropdowns/checkboxes
    n_axes = 1
    figsize = (5.6, 3.9)
    log_default = False

    def __init__(self):
        import ipywidgets as W
        import matplotlib.pyplot as plt

        self._W = W
        self.controls = self.make_controls(W)
        if "scale" not in self.controls and self.has_scale_toggle():
            self.controls["scale"] = W.ToggleButtons(options=["linear", "log"],
                                                     value="log" if self.log_default else "linear",
                                                     description="y-axis", style={"button_width": "70px"})
        for name, w in self.controls.items():
            w.style.description_width = "initial"
            if isinstance(w, (W.FloatSlider, W.IntSlider, W.SelectionSlider, W.Dropdown)):
                w.layout.width = "270px"
        self.controls[self.main].add_class("pk-main-slider")
        for name in self.toggles + (("scale",) if "scale" in self.controls else ()):
            self.controls[name].add_class("pk-toggle")
        # The figure comes from the backend, not from pyplot, so it is not in pyplot's registry
        # of open figures. In a notebook every widget message runs IPython's post_execute hook,
        # where pyplot redraws each registered figure that is stale: dashboards' figures were
        # redrawn in full after every message, including the browser's own "draw" requests, an
        # endless loop that kept the kernel busy. A dashboard draws itself when it changes.
        with plt.ioff():
            manager = plt.new_figure_manager(0, figsize=self.figsize, layout="constrained")
        manager.set_window_title(self.title or type(self).__name__)  # also the download's file name
        self.fig = manager.canvas.figure
        self.axes = list(self.fig.subplots(1, self.n_axes, squeeze=False)[0])
        self._artists: dict = {}
        self._background = None
        self._legend_pixels: dict = {}
        self._styles: dict = {}
        self._axes_dirty = True
        #: Draw even when no notebook displays the figure (benchmarks); the canvas otherwise
        #: draws only inside a kernel.
        self.render = False
        self.fig.canvas.mpl_connect("draw_event", self._on_draw)
        self.readout = W.HTML().add_class("pk-readout")
        self.rescale_button = W.Button(description="Rescale axes", icon="arrows-alt",
                                       tooltip="Fit the axes to what is shown now")
        self.rescale_button.add_class("pk-rescale")
        self.rescale_button.on_click(lambda _: self.rescale())
        self._canvas_widget = isinstance(self.fig.canvas, W.DOMWidget)
        if self._canvas_widget:
            c = self.fig.canvas
            c.header_visible = False
            c.footer_visible = False
            c.resizable = False
            c.toolbar_position = "right"
            # ipympl PNG-encodes every frame into a data-URL trait until a browser says
            # "initialized" (for ever in a kernel with no browser, as under nbval). Dashboards
            # need no static copy of their figure.
            c.syncing_data_url = False
            self._figure_box = c
        else:
            self._figure_box = W.Output()
        self.setup_axes()
        self.refresh(rescale=True)
        self._relayout()
        for name, w in self.controls.items():
            w.observe(self._changed, names="value")
        left = W.VBox(list(self.controls.values()) + [self.rescale_button, self.readout],
                      layout=W.Layout(width=CONTROL_WIDTH, min_width=CONTROL_WIDTH))
        self.widget = W.VBox([W.HTML(f"<h3 style='margin:4px 0'>{self.title}</h3>"),
                              W.HBox([left, self._figure_box]), W.HTML(FOOTER)])
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

    # ----- machinery ------------------------------------------------------------------------
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
        checked = {k: _checked_control_value(self.controls, k, v) for k, v in values.items()}
        for k, v in checked.items():
            self.controls[k].value = v

    def _changed(self, change) -> None:
        self.refresh(rescale=change["owner"] is self.controls.get("scale"))

    def refresh(self, rescale: bool = False) -> View:
        """Recompute and update the artists in place; returns the View drawn."""
        from matplotlib.patches import Polygon

        view = self.compute(self.values())
        if "scale" in self.controls:
            for ax in self._scaled_axes():
                ax.set_yscale(self.controls["scale"].value)
        legends_dirty = False
        for key, item in view.artists.items():
            ax = self.axes[item.ax]
            art = self._artists.get(key)
            if isinstance(item, Curve):
                if art is None:
                    (art,) = ax.plot(item.x, item.y, color=item.color, linestyle=item.linestyle,
                                     linewidth=item.linewidth, alpha=item.alpha, label=item.label,
                                     animated=True)
                    self._artists[key] = art
                    legends_dirty = True
                else:
                    art.set_data(item.x, item.y)
                    art.set_color(item.color)
                    art.set_linestyle(item.linestyle)
            else:
                xy = np.column_stack([np.r_[item.x, item.x[::-1]], np.r_[item.low, item.high[::-1]]])
                if art is None:
                    art = Polygon(xy, closed=True, facecolor=item.color, edgecolor="none",
                                  alpha=item.alpha, label=item.label, animated=True)
                    ax.add_patch(art)
                    self._artists[key] = art
                    legends_dirty = True
                else:
                    art.set_xy(xy)
                    art.set_facecolor(item.color)
            style = (item.label, item.color, str(getattr(item, "linestyle", "")))
            if self._styles.get(key) != style or not art.get_visible():
                # the legend copies labels and styles when it is made: remake it on a change
                art.set_label(item.label)
                self._styles[key] = style
                legends_dirty = True
            art.set_visible(True)
        for key, art in self._artists.items():
            if key not in view.artists and art.get_visible():
                art.set_visible(False)
                art.set_label("_hidden")
                legends_dirty = True
        if legends_dirty:
            for ax in self.axes:
                handles = [a for a in self._artists.values()
                           if a.axes is ax and a.get_visible() and not a.get_label().startswith("_")]
                if handles:
                    # opaque and square, so its pixels can be cached and pasted (see _draw_animated)
                    ax.legend(handles=handles, loc=self.legend_loc(ax), fontsize=8, framealpha=1.0,
                              fancybox=False).set_animated(True)
            self._legend_pixels = {}
        self._view = view
        self.readout.value = self._readout_html(view)
        if rescale:
            self.rescale(draw=False)
            self._relayout()
        self._draw()
        return view

    def legend_loc(self, ax) -> str:
        return "upper right"

    def _scaled_axes(self):
        return [self.axes[0]]

    def rescale(self, draw: bool = True) -> None:
        """Fit each axis to the visible data (a button press, or a change of scale)."""
        for ax in self.axes:
            xs, ys = [], []
            for a in self._artists.values():
                if a.axes is ax and a.get_visible():
                    if hasattr(a, "get_xydata"):
                        d = a.get_xydata()
                    else:
                        d = a.get_xy()
                    xs.append(d[:, 0])
                    ys.append(d[:, 1])
            if not xs:
                continue
            x = np.concatenate(xs)
            y = np.concatenate(ys)
            y = y[np.isfinite(y)]
            ymax = float(y.max()) if y.size and y.max() > 0 else 1.0
            if ax.get_xscale() == "log":
                xp = x[x > 0]
                ax.set_xlim(xp.min(), xp.max())
            else:
                ax.set_xlim(float(np.nanmin(x)), float(np.nanmax(x)))
            if ax.get_yscale() == "log":
                ax.set_ylim(ymax * self.log_decades(), ymax * 1.6)
            else:
                ax.set_ylim(0, ymax * 1.08)
        self._axes_dirty = True
        if draw:
            self._relayout()
            self._draw()

    def _relayout(self) -> None:
        """Run constrained layout once for the current axes, then freeze it.

        Layout costs more than the redraw itself; it only needs redoing when the axes change
        (rescale, scale toggle), not on every slider step.
        """
        self.fig.set_layout_engine("constrained")
        self.fig.draw_without_rendering()
        self.fig.set_layout_engine("none")
        self._axes_dirty = True

    def log_decades(self) -> float:
        """Lower y limit on a log axis, as a fraction of the highest value shown."""
        return 1e-3

    def _draw(self) -> None:
        """Show the update: blit the moving artists over a cached background when the axes are
        unchanged (ticks and labels are not redrawn), a full draw otherwise."""
        canvas = self.fig.canvas
        if self._canvas_widget or self.render:
            if self._axes_dirty or self._background is None:
                self._axes_dirty = False
                if self._canvas_widget:
                    # ipympl: the full frame is drawn when the browser asks for it; its
                    # draw_event caches the background. Until then (or in a kernel with no
                    # browser, as under nbval) there is nothing to blit onto.
                    self._background = None
                    canvas.draw_idle()
                else:  # Agg without a notebook (benchmarks)
                    canvas.draw()
            else:
                canvas.restore_region(self._background)
                self._draw_animated()
                canvas.blit(self.fig.bbox)  # ipympl sends only the changed pixels
            return
        from IPython import get_ipython
        from IPython.display import display

        if get_ipython() is None:  # plain Python (tests, make figures): nothing to display into
            return
        with self._figure_box:
            self._figure_box.clear_output(wait=True)
            display(self.fig)

    def _on_draw(self, event) -> None:
        """After any full draw (ours, or the browser asking): cache the background, add the artists."""
        canvas = self.fig.canvas
        if (event.canvas is not canvas or canvas.is_saving() or not hasattr(canvas, "copy_from_bbox")
                or event.renderer is not getattr(canvas, "renderer", None)):
            return  # savefig draws animated artists itself; draw_without_rendering draws nothing
        self._background = self.fig.canvas.copy_from_bbox(self.fig.bbox)
        self._legend_pixels = {}
        self._draw_animated()

    def _draw_animated(self) -> None:
        """Draw the moving artists, then the legends on top. Text is the slow part of a redraw,
        so a legend whose entries did not change is pasted from its cached pixels."""
        for art in self._artists.values():
            if art.get_visible():
                self.fig.draw_artist(art)
        canvas = self.fig.canvas
        can_cache = hasattr(canvas, "copy_from_bbox") and not canvas.is_saving()
        for i, ax in enumerate(self.axes):
            legend = ax.get_legend()
            if legend is None:
                continue
            cached = self._legend_pixels.get(i)
            if cached is not None:
                canvas.restore_region(cached)
            else:
                self.fig.draw_artist(legend)
                if can_cache:  # whole pixels around the frame, so its antialiased edge is included
                    from matplotlib.transforms import Bbox

                    x0, y0, x1, y1 = legend.get_window_extent().extents
                    box = Bbox.from_extents(np.floor(x0) - 1, np.floor(y0) - 1, np.ceil(x1) + 1, np.ceil(y1) + 1)
                    self._legend_pixels[i] = canvas.copy_from_bbox(box)

    def _readout_html(self, view: View) -> str:
        html = ""
        if view.rows:
            head, *rows = view.rows
            th = "".join(f"<th style='text-align:left;padding:1px 6px'>{h}</th>" for h in head)
            trs = "".join("<tr>" + "".join(f"<td style='padding:1px 6px'>{c}</td>" for c in r) + "</tr>"
                          for r in rows)
            html += f"<table style='font-size:13px;border-collapse:collapse'><tr>{th}</tr>{trs}</table>"
        if view.note:
            html += f"<div style='font-size:12px;color:#8a4b00;margin-top:4px'>{view.note}</div>"
        return html

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

    def _ipython_display_(self):
        from IPython.display import display

        display(self.widget)


# ---------------------------------------------------------------------------------------------
# 1. Half-life, volume and clearance
# ---------------------------------------------------------------------------------------------

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
        from .model import one_compartment

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
                     ["k (1/h)", _fmt(k), _fmt(self._ref_cl / self._ref_v)],
                     ["<b>t½ (h)</b>", f"<b>{_fmt(th)}</b>", _fmt(thr)]],
                    f"IV bolus of {self.dose_mg:g} mg, one compartment.")

    def setup_axes(self):
        label_concentration_axes(self.axes[0], UNIT)
        self.axes[0].set_xlabel("Time after the dose (days)")


# ---------------------------------------------------------------------------------------------
# 2. Diazepam across the lifespan
# ---------------------------------------------------------------------------------------------

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
    figsize = (6.6, 3.9)
    reference_age = 25
    dose_mg = 10.0
    horizon_days = 10

    def __init__(self, drug: str = "diazepam", *, log: bool = False, horizon_days: float | None = None):
        self.drug = lit.get_drug(drug).name
        self.log_default = bool(log)
        if horizon_days is not None:
            from . import _validate as check

            self.horizon_days = check.positive("horizon_days", horizon_days)
        self._has_sex = self.drug == "diazepam"  # G80's figures by sex are diazepam's
        self._metabolites = [s for s in lit.get_drug(self.drug).species if s != self.drug][:1]
        self.toggles = ("sex",) if self._has_sex else ()
        if self.drug != "diazepam":
            self.title = f"{self.drug.capitalize()} across the lifespan: one 10 mg oral dose"
        super().__init__()

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
            arts[f"{key}-dz"] = Curve(_days(t), r.concentration(self.drug, UNIT), color, "-", f"{self.drug}, {who}")
            if v.get("metabolite"):
                m = self._metabolites[0]
                arts[f"{key}-dmdz"] = Curve(_days(t), r.concentration(m, UNIT), color, "--", f"{m}, {who}")
        arts["age-line"] = Curve(np.array([v["age"], v["age"]], float), np.array([0.0, 1e4]), age_color(v["age"]),
                                 ":", "_selected age", ax=1, linewidth=1.2)
        p0, p1 = people
        w = v["weight"]
        d = self.drug
        rows += [["t½ (h)", _fmt(p0.half_life(d)), _fmt(p1.half_life(d))],
                 ["V (L)", _fmt(p0.volume(d)), _fmt(p1.volume(d))],
                 ["V (L/kg)", _fmt(p0.volume(d) / w), _fmt(p1.volume(d) / w)],
                 ["CL (mL/min/kg)", _fmt(p0.clearance(d) / ML_MIN_TO_L_H / w),
                  _fmt(p1.clearance(d) / ML_MIN_TO_L_H / w)],
                 ["peak (ng/mL)", _fmt(self._peak(p0)), _fmt(self._peak(p1))],
                 ["AUC (ng·h/mL)", _fmt(self._auc(p0)), _fmt(self._auc(p1))]]
        note = f"Body weight {w} kg. " + (" ".join(sorted(set(notes))) if notes else "")
        return View(arts, rows, note)

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
        if timed:
            ax.plot([r.tmax.value / HOURS_PER_DAY for r in timed], [r.peak_per_mg * self.dose_mg for r in timed],
                    "kx", markersize=6, zorder=3)
        for r in recs:
            if r.tmax is None:  # peak reported without its time: a short bar over the first hours
                y = r.peak_per_mg * self.dose_mg
                ax.plot([0.0, 3.0 / HOURS_PER_DAY], [y, y], color="k", linewidth=1.0, linestyle=(0, (1, 1)), zorder=3)
        if recs:
            keys = ", ".join(dict.fromkeys(r.source_key for r in recs))
            ax.text(0.98, 0.02, f"× published peaks per {self.dose_mg:g} mg ({keys})", transform=ax.transAxes,
                    ha="right", va="bottom", fontsize=6, color="#333333")

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
        ax.legend(loc="upper left", fontsize=6, framealpha=1.0)

    def rescale(self, draw=True):
        line = self._artists.get("age-line")
        lims = self.axes[1].get_xlim(), self.axes[1].get_ylim()
        if line is not None:
            line.set_visible(False)
        super().rescale(draw=False)
        self.axes[1].set_xlim(*lims[0])
        self.axes[1].set_ylim(*lims[1])
        if line is not None:
            line.set_visible(True)
        if draw:
            self._relayout()
            self._draw()


# ---------------------------------------------------------------------------------------------
# 3. Metabolites
# ---------------------------------------------------------------------------------------------

class MetaboliteDashboard(Dashboard):
    """Diazepam → desmethyldiazepam / temazepam → oxazepam after one 10 mg oral dose.

    The slider is a *what-if* on the desmethyldiazepam half-life (published value marked): short
    → formation-limited (it falls with its parent); long → elimination-limited (it outlasts it).
    """

    title = "Metabolites: which one lingers?"
    main = "dmdz_half_life"
    toggles = ("population",)
    log_default = True
    dose_mg = 10.0
    horizon_days = 14

    def make_controls(self, W):
        self._published = {name: lit.preset(name).model.half_life("desmethyldiazepam") for name in lit.PRESETS}
        return {
            "population": W.ToggleButtons(options=list(lit.PRESETS), value=lit.PRESETS[0],
                                          description="Group", style={"button_width": "120px"}),
            "dmdz_half_life": W.FloatSlider(value=round(self._published[lit.PRESETS[0]]), min=2, max=160, step=1,
                                            description="DMDZ t½ (h)", readout_format=".0f",
                                            tooltip="What-if: change the metabolite half-life"),
        }

    def _changed(self, change):
        if change["owner"] is self.controls["population"]:
            self.controls["dmdz_half_life"].value = round(self._published[change["new"]])
        super()._changed(change)

    def compute(self, v):
        from dataclasses import replace

        p = lit.preset(v["population"], full=True)
        model = p.model
        published = model.half_life("desmethyldiazepam")
        factor = published / v["dmdz_half_life"]  # scale every clearance out of DMDZ
        c = model.compartment("desmethyldiazepam")
        comps = tuple(replace(x, clearance=x.clearance * factor) if x.name == c.name else x
                      for x in model.compartments)
        trans = tuple(replace(x, clearance=x.clearance * factor) if x.source == c.name else x
                      for x in model.transfers)
        model = replace(model, compartments=comps, transfers=trans)
        t = np.linspace(0, self.horizon_days * HOURS_PER_DAY, 561)
        r = simulate(model, single_dose(self.dose_mg), t)
        arts = {}
        rows = [["", "t½ (h)", "peak (ng/mL)"]]
        for name in ("diazepam", "desmethyldiazepam", "temazepam", "oxazepam"):
            y = r.concentration(name, UNIT)
            arts[name] = Curve(_days(t), y, SPECIES_COLORS[name], SPECIES_LINESTYLES[name], SPECIES_LABELS[name])
            rows.append([SPECIES_SHORT[name], _fmt(model.half_life(name)), _fmt(y.max())])
        limited = ("formation-limited: it cannot fall faster than diazepam forms it"
                   if v["dmdz_half_life"] < model.half_life("diazepam") else
                   "elimination-limited: it outlasts its parent")
        note = (f"{p.label}. Published DMDZ t½ {published:.0f} h; what-if {v['dmdz_half_life']:.0f} h → {limited}. "
                "The what-if changes DMDZ clearance, so its overall level changes too. "
                "The fraction of diazepam forming DMDZ is a teaching assumption.")
        return View(arts, rows, note)

    def log_decades(self):
        return 1e-3

    def setup_axes(self):
        label_concentration_axes(self.axes[0], UNIT, log=self.log_default)
        self.axes[0].set_xlabel("Time after the dose (days)")


# ---------------------------------------------------------------------------------------------
# 4. Repeated dosing and accumulation
# ---------------------------------------------------------------------------------------------

class AccumulationDashboard(Dashboard):
    """Young vs elderly (G21 presets) on a repeated oral regimen, then washout.

    Slider ranges span the labelled adult range for muscle spasm (2–10 mg, two to four times
    daily), so a student can compare the same regimen at 25 and at 80 years. Not a dosing guide.
    """

    title = "Repeated dosing: accumulation in young and elderly adults"
    main = "dose"
    toggles = ("per_day",)
    horizon_days = 45

    def make_controls(self, W):
        return {
            "dose": W.FloatSlider(value=G21_DOSE, min=2, max=10, step=0.5, description="Dose (mg)",
                                  readout_format=".1f"),
            "per_day": W.ToggleButtons(options=[("2", 2), ("3", 3), ("4", 4)], value=G21_PER_DAY,
                                       description="Doses a day", style={"button_width": "44px"}),
            "days": W.IntSlider(value=G21_DAYS, min=1, max=30, step=1, description="Days of dosing"),
            "metabolite": W.Checkbox(value=True, description="show desmethyldiazepam"),
        }

    def compute(self, v):
        interval = HOURS_PER_DAY / v["per_day"]
        reg = repeated(v["dose"], interval, until=v["days"] * HOURS_PER_DAY)
        t = np.linspace(0, self.horizon_days * HOURS_PER_DAY, 1081)
        arts = {}
        rows = [["", "young", "elderly"]]
        cols = {}
        for name in lit.PRESETS:
            p = lit.preset(name)
            r = simulate(p.model, reg, t)
            color = POPULATION_COLORS[name]
            arts[f"{name}-dz"] = Curve(_days(t), r.concentration("diazepam", UNIT), color, "-",
                                       f"diazepam, {name}")
            if v["metabolite"]:
                arts[f"{name}-dmdz"] = Curve(_days(t), r.concentration("desmethyldiazepam", UNIT), color, "--",
                                             f"desmethyldiazepam, {name}")
            th = p.model.half_life("diazepam")
            last = reg.doses[-1].time
            cavg = r.auc("diazepam", max(last - interval, 0), last, UNIT) / interval if len(reg) > 1 else np.nan
            cols[name] = [_fmt(th), _fmt(metrics.time_to_steady_state(th, 0.9) / 24),
                          _fmt(metrics.accumulation_ratio(th, interval)), _fmt(cavg)]
        labels = ["DZ t½ (h)", "90 % of steady state (days, from t½)", "accumulation ratio (at steady state)",
                  "DZ average, last interval (ng/mL)"]
        for i, lab in enumerate(labels):
            rows.append([lab, cols[lit.PRESETS[0]][i], cols[lit.PRESETS[1]][i]])
        note = f"{v['dose']:g} mg every {interval:g} h for {v['days']} days, then stopped."
        return View(arts, rows, note)


# ---------------------------------------------------------------------------------------------
# 5. Stopping
# ---------------------------------------------------------------------------------------------

class StoppingDashboard(Dashboard):
    """Washout after G21's regimen (2.5 mg twice daily) stopped abruptly or tapered (illustration)."""

    title = "Stopping: how long does it take to wash out?"
    main = "stop_day"
    toggles = ("how",)
    horizon_days = 80
    dose_mg = G21_DOSE
    interval_h = G21_INTERVAL

    def make_controls(self, W):
        return {
            "stop_day": W.IntSlider(value=G21_DAYS, min=3, max=30, step=1, description="Full dose for (days)"),
            "how": W.ToggleButtons(options=["abrupt stop", "stepwise taper"], value="abrupt stop",
                                   description="How", style={"button_width": "128px"}),
        }

    def regimen(self, v):
        stop_h = v["stop_day"] * HOURS_PER_DAY
        if v["how"] == "abrupt stop":
            return repeated(self.dose_mg, self.interval_h, until=stop_h), stop_h
        # Illustration only: three one-week steps at 3/4, 1/2 and 1/4 of the dose.
        week = 7 * HOURS_PER_DAY
        steps = [(stop_h, self.dose_mg, self.interval_h)] + [
            (week, self.dose_mg * f, self.interval_h) for f in (0.75, 0.5, 0.25)]
        return taper(steps), stop_h + 3 * week

    def compute(self, v):
        reg, _ = self.regimen(v)
        end_h = reg.doses[-1].time
        t = np.linspace(0, self.horizon_days * HOURS_PER_DAY, 961)
        arts = {}
        rows = [["days from last dose to < 10 %", "DZ", "DMDZ"]]
        for name in lit.PRESETS:
            p = lit.preset(name)
            r = simulate(p.model, reg, t)
            color = POPULATION_COLORS[name]
            for sp in ("diazepam", "desmethyldiazepam"):
                arts[f"{name}-{sp}"] = Curve(_days(t), r.concentration(sp, UNIT), color, SPECIES_LINESTYLES[sp],
                                             f"{SPECIES_SHORT[sp]}, {name}")
            below = [metrics.time_below_fraction(r, sp, 0.1, tolerance=0.05) for sp in ("diazepam", "desmethyldiazepam")]
            rows.append([name] + [_fmt(b / 24, 2) for b in below])
        arts["stop"] = Curve(np.array([end_h, end_h]) / HOURS_PER_DAY, np.array([0, 1e9]), "#777777", ":",
                             "last dose", linewidth=1.2)
        note = ("Days from the last dose until the level falls below 10 % of its highest value after that dose. "
                "A metabolite washes out no faster than its parent keeps forming it. "
                + ("The taper is a pharmacokinetic illustration only, never a schedule to follow."
                   if v["how"] != "abrupt stop" else ""))
        return View(arts, rows, note)

    def rescale(self, draw=True):
        self._artists["stop"].set_visible(False)
        super().rescale(draw=False)
        self._artists["stop"].set_visible(True)
        if draw:
            self._draw()


# ---------------------------------------------------------------------------------------------
# 6. What else changes exposure
# ---------------------------------------------------------------------------------------------

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
        last = reg.doses[-1].time
        auc = {k: r.auc("diazepam", last - 12, last, UNIT) for k, r in res.items()}
        rows = [[f"age {v['age']} y", "no change", "with changes"],
                ["DZ t½ (h)", _fmt(base.model.half_life("diazepam")), _fmt(changed.model.half_life("diazepam"))],
                ["DZ CL (L/h)", _fmt(base.clearance("diazepam")), _fmt(changed.clearance("diazepam"))],
                ["DZ level at day 15 (×)", "1", _fmt(auc["mod"] / auc["base"])]]
        note = ("2.5 mg twice daily for 15 days (G21). Baseline: the K75 lifespan model at this age, read as each "
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


# ---------------------------------------------------------------------------------------------
# 7. Variability and sensitivity
# ---------------------------------------------------------------------------------------------

class PopulationDashboard(Dashboard):
    """A virtual population at any age: median and 5–95 % band, and a few individuals."""

    title = "Variability: the average patient hides the tails"
    main = "age"
    toggles = ("species",)
    horizon_days = 40
    n_subjects = 200
    seed = 2021
    _last_sim = (None, None, None)  # (age, result, notes) of the last simulation

    def make_controls(self, W):
        return {
            "age": W.IntSlider(value=80, min=18, max=100, step=1, description="Age (years)"),
            "species": W.ToggleButtons(options=[("diazepam", "diazepam"), ("DMDZ", "desmethyldiazepam")],
                                       value="diazepam", description="Show", style={"button_width": "90px"}),
        }

    def _simulate(self, age):
        """The virtual population at ``age``, kept for the last age (the species toggle reuses it).

        Four points per dosing interval (at each dose, i.e. the trough, and every quarter interval
        after it), which keeps a slider step within the latency target."""
        if self._last_sim[0] != age:
            p, notes = _quiet(lit.at_age, age)
            batch = lit.virtual_population(p, self.n_subjects, seed=self.seed)
            t = np.arange(0, self.horizon_days * HOURS_PER_DAY + 1, G21_INTERVAL / 4)
            self._last_sim = (age, simulate(batch, lit.g21_regimen(), t), notes)
        return self._last_sim[1:]

    def compute(self, v):
        r, notes = self._simulate(v["age"])
        t = r.times
        sp = v["species"]
        lo, med, hi = lit.percentile_bands(r, sp, unit=UNIT, percentiles=(5, 50, 95))
        color = age_color(v["age"])
        arts = {"band": Band(_days(t), lo, hi, color, "5–95 % of virtual people"),
                "median": Curve(_days(t), med, color, SPECIES_LINESTYLES[sp], "median")}
        conc = r.concentration(sp, UNIT)
        for i in range(3):
            arts[f"ind{i}"] = Curve(_days(t), conc[i], OKABE_ITO["black"], "-", "three individuals" if i == 0 else "_",
                                    linewidth=0.8, alpha=0.6)
        day15 = np.searchsorted(t, 15 * HOURS_PER_DAY) - 1
        rows = [["at day 15 (ng/mL)", "value"],
                ["5th percentile", _fmt(lo[day15])], ["median", _fmt(med[day15])],
                ["95th percentile", _fmt(hi[day15])], ["95th ÷ 5th", _fmt(hi[day15] / lo[day15])]]
        note = (f"{self.n_subjects} virtual people aged {v['age']}, G21 regimen (2.5 mg twice daily for 15 days). "
                + (" ".join(sorted(set(notes))) if notes else ""))
        return View(arts, rows, note)


class SensitivityDashboard(Dashboard):
    """Illustrative concentration–effect curves: the same concentration, more effect when older (R78)."""

    title = "Sensitivity: the same level means more effect in older people (illustrative)"
    main = "age"
    toggles = ("xscale",)
    reference_age = 25

    def make_controls(self, W):
        return {
            "age": W.IntSlider(value=80, min=18, max=100, step=1, description="Age (years)"),
            "xscale": W.ToggleButtons(options=["linear", "log"], value="log", description="x-axis",
                                      style={"button_width": "70px"}),
            "level": W.IntSlider(value=300, min=50, max=1500, step=50, description="Level (ng/mL)"),
        }

    def has_scale_toggle(self):
        return False

    def setup_axes(self):
        ax = self.axes[0]
        ax.set_xlabel("Plasma diazepam concentration (ng/mL)")
        ax.set_ylabel("Illustrative effect (fraction of maximum)")
        ax.set_ylim(0, 1.02)
        ax.set_xscale(self.controls["xscale"].value)
        ax.grid(True, alpha=0.3)
        ax.text(0.01, 0.98, lit.ILLUSTRATIVE_LABEL, transform=ax.transAxes, va="top", fontsize=9, color="#555555")

    def _changed(self, change):
        if change["owner"] is self.controls["xscale"]:
            self.axes[0].set_xscale(change["new"])
            self.refresh(rescale=True)
            return
        self.refresh()

    def rescale(self, draw=True):
        super().rescale(draw=False)
        self.axes[0].set_ylim(0, 1.02)
        if draw:
            self._draw()

    def compute(self, v):
        c = np.geomspace(10, 5000, 300)
        level = v["level"]
        arts, rows = {}, [["", f"{self.reference_age} y", f"{v['age']} y"]]
        e = {}
        for key, age, color in (("ref", self.reference_age, POPULATION_COLORS["young adult"]),
                                ("age", v["age"], age_color(v["age"]))):
            label = f"{age} years" if key == "ref" else "selected age"  # static labels: legend cached
            arts[key] = Curve(c, lit.illustrative_effect(c, age), color, "-", label)
            e[key] = (lit.illustrative_ec50(age), float(lit.illustrative_effect(level, age)))
        arts["level"] = Curve(np.array([level, level]), np.array([0, 1]), "#777777", ":", f"{level} ng/mL",
                              linewidth=1.2)
        rows += [["EC50 (ng/mL)", _fmt(e["ref"][0]), _fmt(e["age"][0])],
                 [f"effect at {level}", _fmt(e["ref"][1], 2), _fmt(e["age"][1], 2)]]
        return View(arts, rows, lit.ILLUSTRATIVE_LABEL + ": the shape follows R78's finding that older people "
                    "need lower levels for the same effect.")

    def legend_loc(self, ax):
        return "lower right"


DASHBOARDS = {
    "half_life": HalfLifeDashboard,
    "lifespan": LifespanDashboard,
    "metabolites": MetaboliteDashboard,
    "accumulation": AccumulationDashboard,
    "stopping": StoppingDashboard,
    "modifiers": ModifiersDashboard,
    "population": PopulationDashboard,
    "sensitivity": SensitivityDashboard,
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
