"""Write the key lecture figures as PNG and SVG: ``python -m pkmodel.figures [folder]`` (``make figures``).

Each figure is a dashboard in its default state, drawn with the non-interactive Agg backend, so a
slide shows exactly what students see in the notebook. A caption file lists the sources.
"""

from __future__ import annotations

import sys
from pathlib import Path

#: (file stem, dashboard name in pkmodel.dashboards.DASHBOARDS, control settings)
FIGURES = (
    ("1_half_life_volume_clearance", "half_life", {}),
    ("2_lifespan_age80_vs_25", "lifespan", {"age": 80, "metabolite": True}),
    ("3_metabolites_young_log", "metabolites", {}),
    ("4_accumulation_G21", "accumulation", {}),
    ("5_washout_G21_log", "stopping", {"scale": "log"}),
    ("6_cyp2c19_poor_metaboliser_age70", "modifiers", {"genotype": "m1/m1"}),
    ("7_population_bands_age80", "population", {}),
    ("7_sensitivity_illustrative", "sensitivity", {}),
)


def write_figures(folder: str | Path = "figures") -> list[Path]:
    """Render every figure in FIGURES to ``folder`` as PNG (150 dpi) and SVG; returns the paths."""
    import matplotlib

    matplotlib.use("Agg")
    from . import TEACHING_NOTICE
    from .dashboards import DASHBOARDS

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    captions = [f"# Lecture figures\n\n{TEACHING_NOTICE}\n"]
    for stem, name, settings in FIGURES:
        dash = DASHBOARDS[name]()
        dash.set(**settings)
        dash.rescale()
        dash.fig.suptitle(dash.title, fontsize=12)
        dash.fig.set_layout_engine("constrained")  # dashboards freeze their layout; a slide re-runs it
        for ext in ("png", "svg"):
            path = folder / f"{stem}.{ext}"
            dash.save(path)
            written.append(path)
        captions.append(f"- `{stem}`: {dash.title}. {type(dash).__doc__.strip().splitlines()[0]}")
    (folder / "CAPTIONS.md").write_text("\n".join(captions) + "\n")
    return written


if __name__ == "__main__":
    out = write_figures(sys.argv[1] if len(sys.argv) > 1 else "figures")
    print(f"wrote {len(out)} files to {out[0].parent}")
