"""A lesson's figure without widgets: the same ``compute`` and axes policy, drawn once.

``lesson_figure(LifespanDashboard, age=80)`` builds the lesson's controls from a stand-in for
ipywidgets (plain objects holding the same values and ranges), computes its View and draws it
with :func:`pkmodel.plots.draw_item` on a plain Matplotlib figure, fitted as *Rescale axes*
would. Lecture figures (:mod:`pkmodel.figures`) are made this way, so a slide shows what a
student sees in the notebook, and ipywidgets is never imported.
"""

from __future__ import annotations

from types import SimpleNamespace

from .base import Dashboard
from .live_figure import LiveFigure


class _Control:
    """A widget's stand-in: the constructor's keyword arguments as attributes, ``value`` first."""

    def __init__(self, value=None, **kwargs):
        self.value = value
        self.__dict__.update(kwargs)

    def options_values(self):
        return [o[1] if isinstance(o, tuple) and len(o) == 2 else o for o in getattr(self, "options", [])]


#: Stand-in for the ``ipywidgets`` module handed to ``make_controls``.
HEADLESS_WIDGETS = SimpleNamespace(**{name: _Control for name in (
    "FloatSlider", "IntSlider", "SelectionSlider", "ToggleButtons", "ToggleButton", "Dropdown", "Checkbox",
    "RadioButtons")})


def _check(name, control, value):
    if hasattr(control, "min"):
        if not (control.min <= value <= control.max):
            raise ValueError(f"control {name!r} takes a number from {control.min:g} to {control.max:g}; "
                             f"got {value!r}")
    elif hasattr(control, "options") and value not in control.options_values():
        raise ValueError(f"control {name!r} takes one of {control.options_values()!r}; got {value!r}")


def headless_lesson(cls: type[Dashboard], **settings) -> Dashboard:
    """An instance of lesson ``cls`` with stand-in controls set to ``settings`` and a View drawn
    on a plain figure (``.fig``, ``.axes``, ``.data()``, ``._view``); no widgets involved."""
    obj = cls.__new__(cls)
    obj.controls = obj.make_controls(HEADLESS_WIDGETS)
    if "scale" not in obj.controls and obj.has_scale_toggle():
        obj.controls["scale"] = _Control("log" if cls.log_default else "linear", options=["linear", "log"])
    for name, value in settings.items():
        if name not in obj.controls:
            raise ValueError(f"unknown control {name!r}; {cls.__name__} has {list(obj.controls)}")
        _check(name, obj.controls[name], value)
        obj.controls[name].value = value
    obj.live = LiveFigure(cls.n_axes, cls.figsize, legend_loc=obj.legend_loc,
                          log_decades=obj.log_decades, layout=cls.axes_layout, legend_options=obj.legend_options,
                          share_y=cls.share_y)
    obj.fig, obj.axes = obj.live.fig, obj.live.axes
    obj.lecture = False  # a figure for a slide or a page, at notebook size
    obj._extended = False
    obj.readout = SimpleNamespace(value="")
    obj.note = SimpleNamespace(value="")
    obj._draw = lambda: None  # nothing to show: the caller saves the figure
    obj._relayout = lambda: None
    obj.setup_axes()
    obj._show(obj.compute(obj.values()))
    obj.rescale(draw=False)
    for art in obj.live.artists.values():
        art.set_animated(False)  # a static figure draws everything in one pass
    for ax in obj.axes:
        if ax.get_legend() is not None:
            ax.get_legend().set_animated(False)
    return obj


def lesson_figure(cls: type[Dashboard], **settings):
    """The Matplotlib figure of lesson ``cls`` at ``settings`` (see :func:`headless_lesson`)."""
    return headless_lesson(cls, **settings).fig
