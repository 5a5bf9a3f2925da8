"""Lecture mode (projector preset) and the *Export this view* button, for every dashboard."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import pytest  # noqa: E402
from matplotlib.text import Text  # noqa: E402

from pkmodel import literature as lit  # noqa: E402
from pkmodel.dashboards import DASHBOARDS  # noqa: E402
from pkmodel.dashboards.base import LECTURE_MIN_FONT_PT, Dashboard  # noqa: E402
from pkmodel.dashboards.lecture import LECTURE_LARGE_SCREEN_ZOOM, LECTURE_PIXEL_DENSITY  # noqa: E402
from pkmodel.units import TEACHING_NOTICE  # noqa: E402
from tests.frame_helpers import shown_frame  # noqa: E402


def _texts(fig):
    """Every visible text of the figure, tick labels included (drawn once so ticks exist)."""
    fig.canvas.draw()
    return [t for t in fig.findobj(Text) if t.get_visible() and t.get_text().strip()]


@pytest.mark.parametrize("name", list(DASHBOARDS))
def test_export_gives_png_and_svg_with_caption_sources_and_notice(name):
    dash = DASHBOARDS[name]()
    png, svg = dash.export("png"), dash.export("svg")
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and b"<svg" in svg[:1000]
    caption = dash.caption()
    assert dash.title in caption and TEACHING_NOTICE in caption
    for key in dash.citation_keys():
        assert f"[{key}]" in caption
        ident = lit.SOURCES[key].identifier
        assert ident is None or ident in caption
    words = [w for w in dash.title.split() if w.isalpha() and len(w) > 4][:2]
    assert all(w.encode() in svg for w in words), "the SVG carries the caption text"
    before = len(dash.fig.texts)
    dash._offer_export()
    assert len(dash.fig.texts) == before, "the caption is removed from the live figure again"
    assert "download=" in dash.export_links.value and "data:image/png;base64," in dash.export_links.value
    with pytest.raises(ValueError, match="fmt must be 'png' or 'svg'; got 'pdf'"):
        dash.export("pdf")


@pytest.mark.parametrize("name", list(DASHBOARDS))
def test_lecture_mode_projector_preset(name, monkeypatch):
    """PKMODEL_LECTURE=1 (make lecture): the figure widens to >= 800 px on the page, stays
    <= 460 px tall, its frames have LECTURE_PIXEL_DENSITY times its page size in pixels each way
    (sharp at the template's large-screen zoom), and no text in it is smaller than 14 pt, also
    after a control moves and legends are remade."""
    monkeypatch.setenv("PKMODEL_LECTURE", "1")
    monkeypatch.setattr(Dashboard, "render", True)
    dash = DASHBOARDS[name]()
    w, h = dash.fig.get_size_inches() * dash.css_dpi
    assert w >= 800 and h <= 460
    box = dash._figure_box
    assert box.layout.width == f"{round(w)}px" and box.layout.height == f"{round(h)}px"
    assert box.density == LECTURE_PIXEL_DENSITY
    frame = shown_frame(box)
    assert frame.shape[:2] == (round(h * LECTURE_PIXEL_DENSITY), round(w * LECTURE_PIXEL_DENSITY))
    small = [(t.get_text()[:30], t.get_fontsize()) for t in _texts(dash.fig) if t.get_fontsize() < LECTURE_MIN_FONT_PT]
    assert not small, small
    for control, widget in dash.controls.items():
        if hasattr(widget, "options"):
            options = [o[1] if isinstance(o, tuple) else o for o in widget.options]
            dash.set(**{control: options[-1]})
    small = [(t.get_text()[:30], t.get_fontsize()) for t in _texts(dash.fig) if t.get_fontsize() < LECTURE_MIN_FONT_PT]
    assert not small, small


def test_without_lecture_mode_the_notebook_layout_is_kept(monkeypatch):
    monkeypatch.delenv("PKMODEL_LECTURE", raising=False)
    monkeypatch.setattr(Dashboard, "render", True)
    dash = DASHBOARDS["half_life"]()
    assert dash.fig.get_size_inches()[0] * dash.fig.dpi == pytest.approx(480)
    assert dash._figure_box.density == 1 and dash._figure_box.layout.width == "480px"
    assert shown_frame(dash._figure_box).shape[:2] == (390, 480)  # the PNG's pixels, unscaled


def test_lecture_frames_are_not_enlarged_by_the_template_zoom():
    """The lecture template zooms dashboards on large screens; frames must have at least as
    many pixels as that shows (else the figure is scaled up, blurred), and the template's zoom
    must be the one the package documents."""
    import re
    from pathlib import Path

    template = Path(__file__).resolve().parents[1] / "lecture/voila/templates/pkmodel-lecture/index.html.j2"
    zooms = [float(z) for z in re.findall(r"\.pk-dashboard\s*\{\s*zoom:\s*([0-9.]+)", template.read_text())]
    assert zooms == [LECTURE_LARGE_SCREEN_ZOOM], zooms
    assert LECTURE_PIXEL_DENSITY >= LECTURE_LARGE_SCREEN_ZOOM
