"""Plot helpers: one palette and one set of labels for every notebook, figure and dashboard.

Colours are the Okabe–Ito palette (distinguishable with the common colour-vision
deficiencies; Okabe & Ito 2008, https://jfly.uni-koeln.de/color/). The rule everywhere:

* comparing **populations** (young vs elderly): colour = population, line style = species;
* one population, several **species**: colour and line style both = species.

Functions draw on a given :class:`matplotlib.axes.Axes` and return the artists they made; no
widgets here. Importing this module imports matplotlib (``import pkmodel`` does not).
"""

from __future__ import annotations

import numpy as np

HOURS_PER_DAY = 24.0

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
SPECIES_SHORT = {"diazepam": "DZ", "desmethyldiazepam": "DMDZ", "temazepam": "TZ", "oxazepam": "OX"}


def population_color(name: str) -> str:
    """Colour of a population label; anything containing 'elderly' is elderly, 'young' young."""
    low = name.lower()
    if "elderly" in low or "older" in low:
        return POPULATION_COLORS["elderly"]
    if "young" in low:
        return POPULATION_COLORS["young adult"]
    return POPULATION_COLORS["reference"]


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


def plot_concentration(ax, result, name: str, *, unit: str = "ng/mL", days: bool = True,
                       color: str | None = None, linestyle: str | None = None, label: str | None = None,
                       linewidth: float = 2.0):
    """Draw one compartment's concentration from a :class:`~pkmodel.simulate.Result`; returns the Line2D."""
    t = result.times / HOURS_PER_DAY if days else result.times
    (line,) = ax.plot(t, result.concentration(name, unit),
                      color=color or SPECIES_COLORS.get(name, OKABE_ITO["black"]),
                      linestyle=linestyle or SPECIES_LINESTYLES.get(name, "-"),
                      label=label or SPECIES_LABELS.get(name, name), linewidth=linewidth)
    return line


def plot_band(ax, times_h, low, high, *, days: bool = True, color: str = OKABE_ITO["blue"],
              alpha: float = 0.25, label: str | None = None):
    """A shaded band between ``low`` and ``high`` (e.g. 5th–95th percentiles); returns the Polygon."""
    from matplotlib.patches import Polygon

    t = np.asarray(times_h) / (HOURS_PER_DAY if days else 1.0)
    xy = np.column_stack([np.r_[t, t[::-1]], np.r_[low, np.asarray(high)[::-1]]])
    patch = Polygon(xy, closed=True, facecolor=color, edgecolor="none", alpha=alpha, label=label)
    ax.add_patch(patch)
    return patch


def mark_doses(ax, dose_times_h, *, days: bool = True, color: str = "#999999"):
    """Small ticks along the bottom of the axes at each dose time; returns the artists."""
    t = np.asarray(dose_times_h, dtype=float) / (HOURS_PER_DAY if days else 1.0)
    return ax.plot(t, np.zeros_like(t), "|", color=color, markersize=8, transform=ax.get_xaxis_transform(),
                   clip_on=False, label="_doses")
