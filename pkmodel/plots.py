"""Draw on a Matplotlib Axes: one palette, one set of labels for every notebook, figure and dashboard.

Every drawing function takes the Axes first and returns the artists it made (the Python Data
Science Handbook style), so a static comparison needs no widgets::

    fig, ax = plt.subplots()
    for group in lit.PRESETS:
        plots.concentration(ax, simulate(lit.preset(group).model, lit.G21_REGIMEN, times), "diazepam", label=group)
    plots.legend(ax)

(with ``import matplotlib.pyplot as plt``, ``from pkmodel import plots, simulate``,
``from pkmodel import literature as lit`` and ``times = np.linspace(0, 30 * 24, 721)`` in hours).

Colours are the Okabe–Ito palette (distinguishable with the common colour-vision
deficiencies; Okabe & Ito 2008, https://jfly.uni-koeln.de/color/). The rule everywhere:

* comparing **populations** (young vs elderly): colour = population, line style = species;
* one population, several **species**: colour and line style both = species.

Legends use :data:`LEGEND_FONTSIZE` (10 pt). Importing this module imports matplotlib only when
a function draws (``import pkmodel`` imports neither); it never imports ipywidgets.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .units import HOURS_PER_DAY

#: Okabe–Ito colours.
OKABE_ITO = {
    "black": "#000000", "orange": "#E69F00", "sky blue": "#56B4E9", "bluish green": "#009E73",
    "yellow": "#F0E442", "blue": "#0072B2", "vermillion": "#D55E00", "reddish purple": "#CC79A7",
}
POPULATION_COLORS = {"young adult": OKABE_ITO["blue"], "elderly": OKABE_ITO["vermillion"],
                     "reference": "#7f7f7f"}
SPECIES_COLORS = {"diazepam": OKABE_ITO["bluish green"], "desmethyldiazepam": OKABE_ITO["reddish purple"],
                  "temazepam": OKABE_ITO["orange"], "oxazepam": OKABE_ITO["sky blue"]}
SPECIES_LINESTYLES = {"diazepam": "-", "desmethyldiazepam": "--", "temazepam": ":", "oxazepam": "-."}
SPECIES_LABELS = {"diazepam": "diazepam", "desmethyldiazepam": "desmethyldiazepam (nordiazepam)",
                  "temazepam": "temazepam", "oxazepam": "oxazepam"}
SPECIES_SHORT = {"diazepam": "DZ", "desmethyldiazepam": "DMDZ", "temazepam": "TZ", "oxazepam": "OX", "lorazepam": "LZ"}
#: Legend text size (pt): readable on a projector.
LEGEND_FONTSIZE = 10


def age_color(age: float) -> str:
    """Young colour below 50 years, elderly colour from 50 (for age-slider curves)."""
    return POPULATION_COLORS["elderly"] if age >= 50 else POPULATION_COLORS["young adult"]


def label_concentration_axes(ax, unit: str = "ng/mL", *, days: bool = True, log: bool = False,
                             what: str = "Plasma concentration") -> None:
    """Axis labels with units; a light grid; log or linear y."""
    ax.set_xlabel("Time after the first dose (days)" if days else "Time after the dose (h)")
    ax.set_ylabel(f"{what} ({unit})")
    ax.set_yscale("log" if log else "linear")
    ax.grid(True, which="major", alpha=0.3)


def legend(ax, handles=None, *, loc: str = "upper right", **kwargs):
    """The house legend: :data:`LEGEND_FONTSIZE`, opaque square frame (so it can be cached as pixels)."""
    kwargs = {"fontsize": LEGEND_FONTSIZE, "framealpha": 1.0, "fancybox": False, **kwargs}
    return ax.legend(loc=loc, **kwargs) if handles is None else ax.legend(handles=handles, loc=loc, **kwargs)


def concentration(ax, result, species: str, *, unit: str = "ng/mL", days: bool = True, **style) -> list:
    """Draw ``species``' concentration from a :class:`~pkmodel.simulate.Result` (one line per subject).

    The x axis is in days (``days=True``) or hours. The default colour is the population's when
    ``label`` names one of :data:`POPULATION_COLORS`, else the species' colour; the default line
    style is the species'. Unlabelled axes get labels with units. Returns the Line2D artists.
    """
    x = np.asarray(result.times) / (HOURS_PER_DAY if days else 1.0)
    y = np.atleast_2d(result.concentration(species, unit))
    label = style.get("label", "")
    style = {"color": POPULATION_COLORS.get(label, SPECIES_COLORS.get(species, OKABE_ITO["black"])),
             "linestyle": SPECIES_LINESTYLES.get(species, "-"), "linewidth": 2.0, **style}
    lines = []
    for i, row in enumerate(y):
        lines += ax.plot(x, row, **(style if i == 0 else {**style, "label": "_"}))
    if not ax.get_ylabel():
        label_concentration_axes(ax, unit, days=days, log=ax.get_yscale() == "log")
    return lines


def bands(ax, times, low, mid, high, *, days: bool = True, color: str = OKABE_ITO["blue"],
          label: str = "5–95 %", mid_label: str = "median", alpha: float = 0.25, **style) -> list:
    """A shaded band between ``low`` and ``high`` and a line at ``mid`` (percentiles over time, h).

    Returns ``[band, median line]``.
    """
    x = np.asarray(times, dtype=float) / (HOURS_PER_DAY if days else 1.0)
    band = ax.fill_between(x, low, high, color=color, alpha=alpha, linewidth=0, label=label)
    (line,) = ax.plot(x, mid, color=color, label=mid_label, **{"linewidth": 2.0, **style})
    return [band, line]


def effect_curve(ax, concentration_ng_ml, effect, *, unit: str = "ng/mL", **style) -> list:
    """A concentration–effect curve (effect as a fraction of maximum). Unlabelled axes get labels."""
    (line,) = ax.plot(concentration_ng_ml, effect, **{"linewidth": 2.0, **style})
    if not ax.get_xlabel():
        ax.set_xlabel(f"Plasma concentration ({unit})")
        ax.set_ylabel("Effect (fraction of maximum)")
        ax.grid(True, alpha=0.3)
    return [line]


def _field(record, name):
    return record[name] if isinstance(record, dict) else getattr(record, name)


def published_markers(ax, records, *, x: str = "age", y: str = "half_life", label: str = "label",
                      annotate: bool = True, **style) -> list:
    """Mark published study results: one marker per record at (``record.x``, ``record.y``).

    ``records`` are plain objects (or dicts) with those fields, e.g. a study's mean age and
    half-life and a short label such as ``"G80"``. Returns the marker collection, then one text
    per record when ``annotate``.
    """
    records = list(records)
    xs = np.array([_field(r, x) for r in records], dtype=float)
    ys = np.array([_field(r, y) for r in records], dtype=float)
    style = {"marker": "D", "s": 36, "color": OKABE_ITO["black"], "zorder": 3, **style}
    artists = [ax.scatter(xs, ys, **style)]
    if annotate:
        artists += [ax.annotate(str(_field(r, label)), (xi, yi), xytext=(4, 4), textcoords="offset points",
                                fontsize=9) for r, xi, yi in zip(records, xs, ys)]
    return artists


@dataclass
class Curve:
    """A line to draw: x (days or concentration), y, and its style.

    ``marker=True`` makes it a reference line (a vertical "last dose" line, say): it is drawn
    but never decides the axes' limits.
    """

    x: np.ndarray
    y: np.ndarray
    color: str = OKABE_ITO["black"]
    linestyle: str = "-"
    label: str = ""
    ax: int = 0
    linewidth: float = 2.0
    alpha: float = 1.0
    marker: bool = False


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


def band_outline(item: Band) -> np.ndarray:
    """The (N, 2) polygon of a band: along ``low``, back along ``high``."""
    return np.column_stack([np.r_[item.x, item.x[::-1]], np.r_[item.low, item.high[::-1]]])


def draw_item(ax, item, **extra):
    """One Curve (a Line2D) or Band (a Polygon patch) on ``ax``; returns the artist."""
    if isinstance(item, Curve):
        (art,) = ax.plot(item.x, item.y, color=item.color, linestyle=item.linestyle, linewidth=item.linewidth,
                         alpha=item.alpha, label=item.label, **extra)
        return art
    from matplotlib.patches import Polygon

    art = Polygon(band_outline(item), closed=True, facecolor=item.color, edgecolor="none", alpha=item.alpha,
                  label=item.label, **extra)
    ax.add_patch(art)
    return art


def draw(axes, items: dict) -> dict:
    """Draw a lesson's curves and bands (``{key: Curve | Band}``) on ``axes`` (an Axes or a list,
    indexed by each item's ``ax``); returns ``{key: artist}``."""
    axes = list(axes) if isinstance(axes, (list, tuple, np.ndarray)) else [axes]
    return {key: draw_item(axes[item.ax], item) for key, item in items.items()}


def data_limits(items, log: bool = False):
    """(low, high) of the y data of ``items`` (markers excluded; positive values only if ``log``),
    or ``None`` when there is nothing to fit."""
    ys = []
    for item in items:
        if isinstance(item, Curve):
            if not item.marker:
                ys.append(np.asarray(item.y, dtype=float))
        else:
            ys += [np.asarray(item.low, dtype=float), np.asarray(item.high, dtype=float)]
    y = np.concatenate([v.ravel() for v in ys]) if ys else np.array([])
    y = y[np.isfinite(y) & (y > 0)] if log else y[np.isfinite(y)]
    return (float(y.min()), float(y.max())) if y.size else None
