"""Lecture figures are written as PNG and SVG with captions."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")


def test_make_figures_writes_png_and_svg(tmp_path):
    from pkmodel.figures import FIGURES, write_figures

    paths = write_figures(tmp_path)
    assert len(paths) == 2 * len(FIGURES)
    for p in paths:
        assert p.stat().st_size > 5_000, p
    assert paths[0].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert b"<svg" in paths[1].read_bytes()[:2000]
    assert "not medical advice" in (tmp_path / "CAPTIONS.md").read_text()
