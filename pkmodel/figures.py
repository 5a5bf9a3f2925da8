"""Write the key lecture figures as PNG and SVG: ``python -m pkmodel.figures [folder]`` (``make figures``).

Each figure is a lesson in its default state (or the settings listed), computed by the same
``compute`` as its dashboard and drawn with :mod:`pkmodel.plots` on a plain Matplotlib figure
(:func:`pkmodel.dashboards.static.lesson_figure`): no widgets, so a slide shows exactly what
students see in the notebook. ``CAPTIONS.md`` gives each figure's caption and its sources.
"""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

#: (file stem, lesson name in pkmodel.dashboards.DASHBOARDS, control settings)
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

def caption(stem: str, cls) -> str:
    """One caption line: the lesson's title and summary, then its sources with DOI/PMID
    (:data:`pkmodel.dashboards.citations.LESSON_SOURCES`, the table the dashboards' export uses)."""
    from . import literature as lit
    from .dashboards.citations import LESSON_SOURCES

    summary = (cls.__doc__ or "").strip().splitlines()[0]
    cites = " ".join(f"[{k}] {lit.cite(k)}" for k in LESSON_SOURCES[cls.__name__])
    return f"- `{stem}`: {cls.title}. {summary} Sources: {cites}"


def write_figures(folder: str | Path = "figures") -> list[Path]:
    """Render every figure in FIGURES to ``folder`` as PNG (150 dpi) and SVG; returns the paths."""
    import matplotlib

    matplotlib.use("Agg")
    from . import TEACHING_NOTICE
    from .dashboards import DASHBOARDS
    from .dashboards.static import lesson_figure

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    captions = [f"# Lecture figures\n\n{TEACHING_NOTICE}\n"]
    for stem, name, settings in FIGURES:
        cls = DASHBOARDS[name]
        fig = lesson_figure(cls, **settings)
        fig.suptitle(textwrap.fill(cls.title, 60), fontsize=12)
        fig.set_layout_engine("constrained")
        for ext in ("png", "svg"):
            path = folder / f"{stem}.{ext}"
            fig.savefig(path, dpi=150)
            written.append(path)
        captions.append(caption(stem, cls))
    (folder / "CAPTIONS.md").write_text("\n".join(captions) + "\n")
    return written


if __name__ == "__main__":
    out = write_figures(sys.argv[1] if len(sys.argv) > 1 else "figures")
    print(f"wrote {len(out)} files to {out[0].parent}")
