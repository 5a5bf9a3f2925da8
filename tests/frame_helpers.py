"""What a FrameView shows, composed independently of its front end: the key frame (``value``)
decoded by Pillow, with the patch (``patch``) pasted at ``patch_at``."""

from __future__ import annotations

import io

import numpy as np
from PIL import Image


def decoded(png: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGBA"))


def shown_frame(view) -> np.ndarray:
    """The pixels a browser shows for ``view`` (a FrameView): key frame, patch drawn over it."""
    frame = decoded(view.value).copy()
    if view.patch:
        patch = decoded(view.patch)
        x, y = view.patch_at
        h, w = patch.shape[:2]
        assert 0 <= x and 0 <= y and x + w <= frame.shape[1] and y + h <= frame.shape[0], \
            f"patch {w}x{h} at {(x, y)} falls outside the {frame.shape[1]}x{frame.shape[0]} key frame"
        frame[y:y + h, x:x + w] = patch
    return frame
