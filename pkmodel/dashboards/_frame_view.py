"""The widget that shows a dashboard's frames: PNG bytes from the kernel, drawn on a canvas.

Why not ``ipywidgets.Image``: its ``<img>`` reloads every new frame through a blob URL. Timed
in JupyterLab 4.6 + headless Chromium (a slider swapping four ready-made 480x390 frames, the
floor row of ``make bench-browser``; medians of 25 key presses, 2-core shared host, Dec 2026):
key press → frame painted 38-41 ms with ``Image``, of which 11 ms from the frame's arrival to the
``<img>``'s load and 11 ms more to decode it and reach the next animation frame; 28 ms with this
widget, which decodes the same bytes with the browser's ``ImageDecoder`` (4 ms, off the main
thread; ``createImageBitmap`` where the browser lacks it, 9 ms) and draws them on a canvas. The
pixels are the PNG's, unscaled outside lecture mode (tested in the browser tests).

Most moves of a slider change part of the figure only (curves and markers inside the axes; not
the axes, ticks, labels or legend), so :meth:`FrameView.show` sends a whole frame (the *key frame*)
only when more than :attr:`FrameView.KEY_FRAME_AREA` of it changed, and otherwise a PNG of the
rectangle where the frame differs from the key frame, drawn over it. Measured over the first 30
steps of each dashboard's main slider (Dec 2026): the rectangle is a median 0.10-0.70 of the
frame (the comparison lesson's 480x560 frame: 29 kB sent instead of 88 kB; the lifespan's
480x590, 38 kB instead of 60 kB), and no dashboard but accumulation and half-life ever sends a
second key frame. Replaying those steps, a limit of 0.75 sends a mean 0.51 of the pixels (the
worst dashboard 0.70); 0.6 sent 0.61 (population and sensitivity a key frame every step), 0.8
0.55 (half-life's patches grew to 0.8 as it drifted from its key frame).
In JupyterLab the frame's decode and draw cost scales with its pixels (a whole 480x560 frame:
~10 ms to decode and ~5 ms to draw in a busy page, against 2 and 2 in an empty one), so the
comparison lesson's key press → painted time fell from a median 64 ms to 38-45 ms (four runs). Finding the
rectangle costs the kernel <1 ms (one uint32 comparison per pixel).

The front end is ``frame_view.js`` (an anywidget module: works in JupyterLab, Notebook 7 and Voilà
without a build step).
"""

from __future__ import annotations

from pathlib import Path

import anywidget
import numpy as np
import traitlets

from . import _frames


class FrameView(anywidget.AnyWidget):
    """A figure as PNG frames, drawn on a canvas (unscaled, or at 1/``density`` of the frame's
    size: lecture mode's finer frames); ``alt`` describes it for screen readers. Lay it out like
    any widget (``layout.width``/``height`` in px).

    Two ways to show a frame: set ``value`` to a whole PNG's bytes, or call :meth:`show` with the
    frame's pixels, which sends only what differs from the last whole frame (the *key frame*,
    ``value``): ``patch``, a PNG of the rectangle where they differ, to be drawn at ``patch_at``
    over the key frame. Every patch is relative to the key frame, not to the frame before it, so
    the browser may drop a frame that a newer one overtook and still show the right pixels."""

    _esm = Path(__file__).with_name("frame_view.js")
    value = traitlets.Bytes(b"", help="PNG bytes of the key frame (the whole figure)").tag(sync=True)
    patch = traitlets.Bytes(b"", help="PNG bytes of the part of the frame shown that differs from "
                            "the key frame; empty where it does not differ").tag(sync=True)
    patch_at = traitlets.Tuple(traitlets.Int(), traitlets.Int(), default_value=(0, 0),
                               help="(x, y) in px of the patch's top-left corner on the key frame").tag(sync=True)
    alt = traitlets.Unicode("", help="text alternative of the figure").tag(sync=True)
    density = traitlets.Float(1.0, help="frame pixels per CSS pixel: the canvas is shown at the "
                              "frame's size divided by this (1: the PNG's pixels unscaled)").tag(sync=True)

    #: A change covering more than this fraction of the frame's area is sent as a new key frame:
    #: a patch that size saves little, and the next patches are smaller when diffed against it.
    KEY_FRAME_AREA = 0.75

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._key = None  # the key frame's pixels (packed, see _frames.packed), once show() sent it
        self.observe(self._value_set, "value")

    def show(self, rgba: np.ndarray) -> None:
        """Show the frame ``rgba`` (height x width x 4 uint8 pixels): as a patch on the key frame
        where it differs from it in a rectangle of at most :attr:`KEY_FRAME_AREA` of the frame,
        else as a new key frame."""
        pixels = _frames.packed(rgba).copy()
        same_size = self._key is not None and self._key.shape == pixels.shape
        box = _frames.changed_box(self._key, pixels) if same_size else None
        if same_size and box is None:  # the key frame itself: nothing over it
            self._send_patch(b"", (0, 0))
        elif box is not None and box[2] * box[3] <= self.KEY_FRAME_AREA * pixels.size:
            x, y, w, h = box
            self._send_patch(_frames.encode_png(np.asarray(rgba)[y:y + h, x:x + w]), (x, y))
        else:
            png = _frames.encode_png(np.asarray(rgba))
            with self.hold_sync():
                self._key = None
                self.value = png
                self.patch = b""
            self._key = pixels

    def _send_patch(self, png: bytes, at: tuple[int, int]) -> None:
        with self.hold_sync():
            self.patch = png
            self.patch_at = at

    def _value_set(self, change) -> None:
        """``value`` set from outside :meth:`show`: it is the whole frame, with no patch over it."""
        if self._key is not None:
            self._key = None
            self.patch = b""
