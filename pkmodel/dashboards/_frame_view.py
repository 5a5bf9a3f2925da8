"""The widget that shows a dashboard's frames: PNG bytes from the kernel, drawn on a canvas.

Why not ``ipywidgets.Image``: its ``<img>`` reloads every new frame through a blob URL. Timed
in JupyterLab 4.6 + headless Chromium (a slider swapping four ready-made 480x390 frames, the
floor row of ``make bench-browser``; medians of 25 key presses, 2-core shared host, Dec 2026):
key press → frame painted 38-41 ms with ``Image``, of which 11 ms from the frame's arrival to the
``<img>``'s load and 11 ms more to decode it and reach the next animation frame; 28 ms with this
widget, which decodes the same bytes with the browser's ``ImageDecoder`` (4 ms, off the main
thread; ``createImageBitmap`` where the browser lacks it, 9 ms) and draws them on a canvas. The
pixels are the PNG's, unscaled (tested in the browser tests).

The front end is ``frame_view.js`` (an anywidget module: works in JupyterLab, Notebook 7 and Voilà
without a build step).
"""

from __future__ import annotations

from pathlib import Path

import anywidget
import traitlets


class FrameView(anywidget.AnyWidget):
    """A figure as PNG frames: set ``value`` to a PNG's bytes to show it; ``alt`` describes it
    for screen readers. Lay it out like any widget (``layout.width``/``height`` in px)."""

    _esm = Path(__file__).with_name("frame_view.js")
    value = traitlets.Bytes(b"", help="PNG bytes of the frame shown").tag(sync=True)
    alt = traitlets.Unicode("", help="text alternative of the figure").tag(sync=True)
