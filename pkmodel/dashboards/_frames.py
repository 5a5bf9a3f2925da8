"""A dashboard's frames: the Agg canvas as PNG bytes for the dashboard's :class:`~._frame_view.FrameView`.

Why not ipympl: on every update ipympl encodes a PNG with Pillow's defaults (4-7 ms in-process
for a 480x390 frame, 7-24 ms in a live kernel on the shared 2-core test machine, Dec 2026), and
its front end, for each frame, first PNG-encodes the previous one again in the browser
(``toDataURL``, a few ms on the page's main thread) and then decodes the new one on the main
thread as it draws it onto a canvas. :class:`~._frame_view.FrameView` decodes the frame off the
main thread, and nothing is re-encoded. The kernel renders with Agg (blitting, :mod:`._blit`) and
sends the frame, or only the rectangle of it that changed (:func:`changed_box`; see
:meth:`~._frame_view.FrameView.show`).

The PNG is written here rather than by Pillow: rows with filter type 0 and zlib level 1 take
1.5-3.7 ms for a full 480x390 to 480x590 frame (32-115 kB), against 6-12 ms for Pillow's
defaults; PNG is lossless either way, so the browser shows exactly the pixels Agg drew (tested).
"""

from __future__ import annotations

import struct
import zlib

import numpy as np

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
#: zlib level of the frames: 1 is the fastest that still compresses (0 stores 750 kB a frame).
ZLIB_LEVEL = 1


def _chunk(kind: bytes, payload: bytes) -> bytes:
    return struct.pack(">I", len(payload)) + kind + payload + struct.pack(">I", zlib.crc32(kind + payload))


def encode_png(rgba: np.ndarray, level: int = ZLIB_LEVEL) -> bytes:
    """An 8-bit RGBA PNG of ``rgba`` (height x width x 4, uint8): one IDAT, filter type 0 on every row."""
    rgba = np.asarray(rgba)
    if rgba.dtype != np.uint8 or rgba.ndim != 3 or rgba.shape[2] != 4 or 0 in rgba.shape:
        raise ValueError(f"rgba must be a height x width x 4 uint8 array, at least 1 x 1; got {rgba.dtype} {rgba.shape}")
    h, w, _ = rgba.shape
    rows = np.zeros((h, 1 + 4 * w), np.uint8)  # each row: its filter byte (0, none), then its pixels
    rows[:, 1:] = rgba.reshape(h, 4 * w)
    header = struct.pack(">IIBBBBB", w, h, 8, 6, 0, 0, 0)  # 8 bits, RGBA, deflate, filter method 0, no interlace
    return (PNG_SIGNATURE + _chunk(b"IHDR", header) + _chunk(b"IDAT", zlib.compress(rows.tobytes(), level))
            + _chunk(b"IEND", b""))


def frame_png(canvas) -> bytes:
    """What an Agg canvas shows now, as PNG bytes."""
    return encode_png(np.asarray(canvas.buffer_rgba()))


def changed_box(before: np.ndarray, after: np.ndarray) -> tuple[int, int, int, int] | None:
    """The smallest rectangle ``(x, y, width, height)`` outside which ``after`` equals ``before``
    (two height x width arrays of RGBA pixels packed as uint32), or None where they are equal."""
    differ = before != after
    rows = np.flatnonzero(differ.any(axis=1))
    if not rows.size:
        return None
    cols = np.flatnonzero(differ[rows[0]:rows[-1] + 1].any(axis=0))
    return int(cols[0]), int(rows[0]), int(cols[-1] - cols[0] + 1), int(rows[-1] - rows[0] + 1)


def packed(rgba: np.ndarray) -> np.ndarray:
    """An RGBA image (height x width x 4, uint8) viewed as height x width uint32 pixels, no copy
    where it is contiguous: one comparison per pixel instead of four."""
    return np.ascontiguousarray(rgba).view(np.uint32)[..., 0]
