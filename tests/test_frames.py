"""The dashboards' PNG frames (pkmodel.dashboards._frames): lossless, and a valid PNG to any decoder.

Pillow (an independent decoder) must read back exactly the pixels encoded, for odd sizes,
transparent and opaque pixels, random noise (incompressible) and flat colour (very
compressible), and every zlib level.
"""

from __future__ import annotations

import io
import zlib

import numpy as np
import pytest
from PIL import Image

from pkmodel.dashboards import _frames


@pytest.mark.parametrize("shape", [(1, 1), (3, 7), (390, 480), (561, 481)])
@pytest.mark.parametrize("kind", ["noise", "flat", "alpha"])
def test_encode_png_round_trips_through_pillow(shape, kind):
    rng = np.random.default_rng(sum(shape))
    if kind == "noise":
        rgba = rng.integers(0, 256, (*shape, 4), dtype=np.uint8)
    elif kind == "flat":
        rgba = np.full((*shape, 4), (255, 255, 255, 255), dtype=np.uint8)
        rgba[shape[0] // 2, :] = (0, 114, 178, 255)  # one line of colour
    else:
        rgba = rng.integers(0, 256, (*shape, 4), dtype=np.uint8)
        rgba[..., 3] = rng.choice([0, 128, 255], shape)
    png = _frames.encode_png(rgba)
    back = Image.open(io.BytesIO(png))
    assert back.mode == "RGBA" and back.size == (shape[1], shape[0])
    assert np.array_equal(np.asarray(back), rgba)


@pytest.mark.parametrize("level", [0, 1, 6, 9])
def test_every_zlib_level_decodes_to_the_same_pixels(level):
    rgba = np.random.default_rng(5).integers(0, 256, (40, 30, 4), dtype=np.uint8)
    assert np.array_equal(np.asarray(Image.open(io.BytesIO(_frames.encode_png(rgba, level)))), rgba)


def test_png_structure_and_checksums():
    png = _frames.encode_png(np.zeros((2, 3, 4), np.uint8))
    assert png.startswith(_frames.PNG_SIGNATURE) and png.endswith(b"IEND\xaeB`\x82")
    pos, kinds = len(_frames.PNG_SIGNATURE), []
    while pos < len(png):
        n = int.from_bytes(png[pos:pos + 4], "big")
        kind, body = png[pos + 4:pos + 8], png[pos + 8:pos + 8 + n]
        assert int.from_bytes(png[pos + 8 + n:pos + 12 + n], "big") == zlib.crc32(kind + body)
        kinds.append(kind)
        pos += 12 + n
    assert kinds == [b"IHDR", b"IDAT", b"IEND"]


@pytest.mark.parametrize("bad", [np.zeros((2, 3, 3), np.uint8), np.zeros((2, 3, 4), np.float64),
                                 np.zeros((6, 4), np.uint8)])
def test_encode_png_refuses_anything_but_rgba_bytes(bad):
    with pytest.raises(ValueError, match="rgba must be a height x width x 4 uint8 array"):
        _frames.encode_png(bad)
