"""Lecture mode (projector preset) and the *Export this view* button, for every dashboard."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import pytest  # noqa: E402
from matplotlib.text import Text  # noqa: E402

from pkmodel import literature as lit  # noqa: E402
from pkmodel.dashboards import DASHBOARDS  # noqa: E402
from pkmodel.dashboards.base import LECTURE_MIN_FONT_PT  # noqa: E402
from pkmodel.units import TEACHING_NOTICE  # noqa: E402


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
    """PKMODEL_LECTURE=1 (make lecture): the figure widens to >= 800 px, stays <= 460 px tall,
    and no text in it is smaller than 14 pt, also after a control moves and legends are remade."""
    monkeypatch.setenv("PKMODEL_LECTURE", "1")
    dash = DASHBOARDS[name]()
    w, h = dash.fig.get_size_inches() * dash.fig.dpi
    assert w >= 800 and h <= 460
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
    dash = DASHBOARDS["half_life"]()
    assert dash.fig.get_size_inches()[0] * dash.fig.dpi == pytest.approx(480)
