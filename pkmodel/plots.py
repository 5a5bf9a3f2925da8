"""Plot helpers: one palette and one set of labels for every notebook, figure and dashboard.

Colours are the Okabe–Ito palette (distinguishable with the common colour-vision
deficiencies; Okabe & Ito 2008, https://jfly.uni-koeln.de/color/). The rule everywhere:

* comparing **populations** (young vs elderly): colour = population, line style = species;
* one population, several **species**: colour and line style both = species.

Colours, labels and axis helpers only; no widgets here. Importing this module imports
matplotlib (``import pkmodel`` does not).
"""

from __future__ import annotations


from .units import HOURS_PER_DAY  # noqa: F401  (re-exported)

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
