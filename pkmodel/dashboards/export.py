"""*Export this view*: the figure as shown, as PNG or SVG, with its caption and sources.

The caption carries the lesson's title, the control settings, the lesson's note, every source
the view rests on (:mod:`.citations`) with DOI/PMID, and the teaching notice, so an exported
slide keeps its provenance. The button offers the files as download links (data URLs), which
work the same in JupyterLab and Voila.
"""

from __future__ import annotations

import base64
import io
import re
import textwrap

#: Exported views (PNG) are drawn at this resolution.
EXPORT_DPI = 150


def citation_keys(dash) -> tuple[str, ...]:
    """Keys of the sources ``dash`` rests on: its ``sources`` attribute, else :data:`.citations.LESSON_SOURCES`."""
    from .citations import LESSON_SOURCES

    return tuple(getattr(dash, "sources", None) or LESSON_SOURCES.get(type(dash).__name__, ()))


def caption(dash) -> str:
    """Title, settings, note, sources with DOI/PMID and the teaching notice, as plain text."""
    from .. import literature as lit
    from ..units import TEACHING_NOTICE

    settings = ", ".join(f"{k} = {v}" for k, v in dash.values().items())
    view = getattr(dash, "_view", None)
    note = re.sub(r"<[^>]+>", "", view.note if view is not None else "").strip()
    cites = " ".join(f"[{k}] {lit.cite(k)}" for k in dash.citation_keys())
    parts = [f"{dash.title} ({settings}).", note, f"Sources: {cites}" if cites else "", TEACHING_NOTICE]
    return " ".join(p for p in parts if p)


def figure_bytes(dash, fmt: str = "png") -> bytes:
    """``dash``'s figure as PNG or SVG bytes with its caption printed under it (the live figure
    is left as it was)."""
    if fmt not in ("png", "svg"):
        raise ValueError(f"fmt must be 'png' or 'svg'; got {fmt!r}")
    fig = dash.fig
    width_chars = int(fig.get_size_inches()[0] * 72 / 4.3)  # 8 pt text, ~4.3 pt a character
    text = fig.text(0.01, -0.01, textwrap.fill(dash.caption(), width_chars), fontsize=8,
                    va="top", ha="left", color="#333333")
    try:
        buf = io.BytesIO()
        fig.savefig(buf, format=fmt, dpi=EXPORT_DPI, bbox_inches="tight")
    finally:
        text.remove()
        dash.live.blitter.invalidate()
    return buf.getvalue()


def download_links(dash) -> str:
    """HTML with PNG and SVG download links (data URLs) of ``dash``'s current view."""
    stem = re.sub(r"[^A-Za-z0-9]+", "_", dash.title).strip("_").lower()[:60] or "figure"
    links = []
    for fmt, mime in (("png", "image/png"), ("svg", "image/svg+xml")):
        data = base64.b64encode(figure_bytes(dash, fmt)).decode("ascii")
        links.append(f"<a download='{stem}.{fmt}' href='data:{mime};base64,{data}'>{fmt.upper()}</a>")
    return ("<span style='font-size:12px'>Download this view: " + " · ".join(links)
            + " (with its caption and sources)</span>")
