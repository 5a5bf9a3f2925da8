"""plots draws on a given Axes and returns its artists; no widgets anywhere near it.

Checks the drawn data against the Result it came from (independent of the plotting code: the
expected values are ``result.concentration`` and the hour-to-day factor), the house palette and
legend size, the module docstring's three-line example, and that lecture figures and lesson
figures are made without importing ipywidgets.
"""

from __future__ import annotations

import re
import subprocess
import sys
from dataclasses import dataclass

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

import pkmodel  # noqa: E402
from pkmodel import literature as lit  # noqa: E402
from pkmodel import plots  # noqa: E402


@pytest.fixture
def ax():
    fig, ax = plt.subplots()
    yield ax
    plt.close(fig)


@pytest.fixture(scope="module")
def result():
    times = np.linspace(0, 10 * 24, 241)
    return pkmodel.simulate(lit.preset("elderly").model, pkmodel.single_dose(10.0), times)


def test_importing_plots_imports_neither_ipywidgets_nor_matplotlib():
    code = ("import sys, pkmodel.plots; "
            "print(','.join(m for m in ('ipywidgets', 'matplotlib', 'IPython') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == ""


def test_concentration_draws_the_result_in_days(ax, result):
    lines = plots.concentration(ax, result, "diazepam", label="elderly")
    assert len(lines) == 1 and lines[0].axes is ax
    x, y = lines[0].get_data()
    np.testing.assert_array_equal(x, result.times / 24.0)
    np.testing.assert_allclose(y, result.concentration("diazepam", "ng/mL"), rtol=1e-15)
    assert lines[0].get_color() == plots.POPULATION_COLORS["elderly"]  # a population label: its colour
    assert "(ng/mL)" in ax.get_ylabel() and "days" in ax.get_xlabel()


def test_concentration_in_hours_other_units_and_species_style(ax, result):
    (line,) = plots.concentration(ax, result, "desmethyldiazepam", unit="mg/L", days=False)
    x, y = line.get_data()
    np.testing.assert_array_equal(x, result.times)
    np.testing.assert_allclose(y, result.concentration("desmethyldiazepam", "ng/mL") / 1000, rtol=1e-12)
    assert line.get_color() == plots.SPECIES_COLORS["desmethyldiazepam"]
    assert line.get_linestyle() == "--"
    (red,) = plots.concentration(ax, result, "diazepam", color="red", linewidth=4)
    assert red.get_color() == "red" and red.get_linewidth() == 4


def test_concentration_of_a_batch_draws_one_line_per_subject_one_legend_entry(ax):
    batch = lit.virtual_population(lit.preset("young adult"), 5, seed=1)
    r = pkmodel.simulate(batch, pkmodel.single_dose(10.0), np.linspace(0, 48, 49))
    lines = plots.concentration(ax, r, "diazepam", label="five people")
    assert len(lines) == 5
    assert [ln.get_label() for ln in lines].count("five people") == 1


def test_bands_returns_band_and_median(ax):
    t = np.linspace(0, 48, 5)
    low, mid, high = t + 1, t + 2, t + 4
    band, line = plots.bands(ax, t, low, mid, high, days=False)
    np.testing.assert_array_equal(line.get_ydata(), mid)
    verts = band.get_paths()[0].vertices
    assert verts[:, 1].min() == pytest.approx(low.min()) and verts[:, 1].max() == pytest.approx(high.max())


def test_effect_curve_labels_its_axes(ax):
    c = np.geomspace(10, 1000, 20)
    (line,) = plots.effect_curve(ax, c, lit.illustrative_effect(c, 80), label="80 y")
    assert "ng/mL" in ax.get_xlabel() and ax.get_ylabel()
    np.testing.assert_array_equal(line.get_xdata(), c)


@dataclass
class Study:
    age: float
    half_life: float
    label: str


def test_published_markers_take_plain_objects_or_dicts(ax):
    records = [Study(27, 37.0, "K75 young"), Study(75, 83.0, "K75 old")]
    artists = plots.published_markers(ax, records)
    np.testing.assert_array_equal(artists[0].get_offsets(), [[27, 37.0], [75, 83.0]])
    assert [a.get_text() for a in artists[1:]] == ["K75 young", "K75 old"]
    other = plots.published_markers(ax, [{"x": 1, "y": 2, "name": "a"}], x="x", y="y", label="name",
                                    annotate=False)
    assert len(other) == 1


def test_legend_is_at_least_10_pt_and_opaque(ax, result):
    plots.concentration(ax, result, "diazepam", label="elderly")
    lg = plots.legend(ax)
    assert all(t.get_fontsize() >= 10 for t in lg.get_texts())
    assert lg.get_frame().get_alpha() == 1.0


def test_draw_curves_and_bands(ax):
    items = {"c": plots.Curve(np.arange(3.0), np.arange(3.0) ** 2, label="c"),
             "b": plots.Band(np.arange(3.0), np.zeros(3), np.ones(3))}
    arts = plots.draw(ax, items)
    np.testing.assert_array_equal(arts["c"].get_ydata(), [0, 1, 4])
    assert arts["b"] in ax.patches
    assert plots.data_limits(items.values()) == (0.0, 4.0)
    assert plots.data_limits(items.values(), log=True) == (1.0, 4.0)
    marker = plots.Curve(np.ones(2), np.array([0, 1e9]), marker=True)
    assert plots.data_limits([marker]) is None, "reference lines never decide the limits"


def test_module_docstring_example_runs():
    """The three-line static comparison in plots' docstring runs as printed."""
    doc = plots.__doc__
    block = re.search(r"::\n\n((?:    .*\n)+)", doc).group(1)
    code = "\n".join(line[4:] for line in block.splitlines())
    assert len([ln for ln in code.splitlines() if not ln.startswith(" ")]) == 3
    prelude = ("import matplotlib.pyplot as plt\nimport numpy as np\nfrom pkmodel import plots, simulate\n"
               "from pkmodel import literature as lit\ntimes = np.linspace(0, 30 * 24, 721)\n")
    for name in ("import matplotlib.pyplot as plt", "from pkmodel import plots, simulate",
                 "from pkmodel import literature as lit", "times = np.linspace(0, 30 * 24, 721)"):
        assert name in " ".join(doc.split()), f"the docstring must state {name!r}"
    ns: dict = {}
    exec(prelude + code, ns)
    ax = ns["ax"]
    labels = [ln.get_label() for ln in ax.get_lines()]
    assert labels == list(lit.PRESETS)
    assert [ln.get_color() for ln in ax.get_lines()] == [plots.POPULATION_COLORS[g] for g in lit.PRESETS]
    assert ax.get_legend() is not None
    plt.close(ns["fig"])


def test_lecture_figures_and_lesson_figures_need_no_widgets(tmp_path):
    code = ("import sys, matplotlib; matplotlib.use('Agg');"
            "from pkmodel.figures import write_figures, FIGURES;"
            f"paths = write_figures({str(tmp_path)!r});"
            "assert len(paths) == 2 * len(FIGURES);"
            "print('ipywidgets' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False", "lecture figures imported ipywidgets"
    captions = (tmp_path / "CAPTIONS.md").read_text()
    from pkmodel.dashboards import DASHBOARDS
    from pkmodel.dashboards.citations import LESSON_SOURCES
    from pkmodel.figures import FIGURES

    for stem, name, _ in FIGURES:
        line = next(ln for ln in captions.splitlines() if f"`{stem}`" in ln)
        for key in LESSON_SOURCES[DASHBOARDS[name].__name__]:
            assert key in lit.SOURCES and f"[{key}]" in line
            ident = lit.SOURCES[key].identifier  # DOI/PMID where verified (none yet for some)
            assert ident is None or ident in line, f"{stem}: caption lacks {key}'s {ident}"


def test_lesson_figure_matches_the_dashboard_it_comes_from():
    """The static lesson figure draws the same data with the same limits as the dashboard."""
    from pkmodel.dashboards import LifespanDashboard
    from pkmodel.dashboards.static import headless_lesson

    dash = LifespanDashboard()
    dash.set(age=90, metabolite=True)
    dash.rescale()
    static = headless_lesson(LifespanDashboard, age=90, metabolite=True)
    assert static.data().keys() == dash.data().keys()
    for k, (x, y) in dash.data().items():
        np.testing.assert_array_equal(static.data()[k][1], y)
    assert static.axes[0].get_ylim() == dash.axes[0].get_ylim()
    with pytest.raises(ValueError, match="'age'"):
        headless_lesson(LifespanDashboard, age=200)
    with pytest.raises(ValueError, match="unknown control 'nope'"):
        headless_lesson(LifespanDashboard, nope=1)
