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


# --- FrameView.show: key frames and patches -------------------------------------------------

from pkmodel.dashboards._frame_view import FrameView  # noqa: E402
from tests.frame_helpers import decoded, shown_frame  # noqa: E402


def _canvas(shape=(60, 80)):
    rgba = np.full((*shape, 4), 255, np.uint8)
    rgba[10, :] = (0, 114, 178, 255)
    return rgba


def test_changed_box_is_the_smallest_rectangle_holding_every_change():
    rng = np.random.default_rng(3)
    before = rng.integers(0, 2**32, (50, 70), dtype=np.uint64).astype(np.uint32)
    assert _frames.changed_box(before, before.copy()) is None
    for _ in range(20):
        after = before.copy()
        ys, xs = rng.integers(0, 50, 3), rng.integers(0, 70, 3)
        after[ys, xs] ^= 1
        x, y, w, h = _frames.changed_box(before, after)
        assert (x, y, x + w - 1, y + h - 1) == (xs.min(), ys.min(), xs.max(), ys.max())


def test_packed_pixels_differ_exactly_where_a_channel_differs():
    rng = np.random.default_rng(4)
    a = rng.integers(0, 256, (9, 11, 4), dtype=np.uint8)
    b = a.copy()
    b[2, 3, 3] ^= 1  # alpha only
    b[7, 1, 0] ^= 128  # red only
    assert np.array_equal(_frames.packed(a) != _frames.packed(b), np.any(a != b, axis=-1))


def test_show_sends_a_key_frame_first_then_patches_that_compose_to_each_frame():
    view = FrameView()
    first = _canvas()
    view.show(first)
    assert view.patch == b"" and np.array_equal(decoded(view.value), first)
    key = view.value
    rng = np.random.default_rng(0)
    for k in range(30):  # small changes anywhere: each frame is key frame + one patch
        frame = first.copy()
        y, x = rng.integers(0, 50), rng.integers(0, 70)
        frame[y:y + 1 + k % 9, x:x + 1 + k % 7] = (213, 94, 0, 255)
        view.show(frame)
        assert view.value == key, f"move {k}: a small change sent a new key frame"
        assert view.patch, f"move {k}: the change was not sent"
        assert np.array_equal(shown_frame(view), frame), f"move {k}: key frame + patch is not the frame"
    view.show(first)  # back to the key frame: nothing over it
    assert view.value == key and view.patch == b"" and np.array_equal(shown_frame(view), first)


def test_show_sends_a_new_key_frame_for_a_large_change_or_a_new_size():
    view = FrameView()
    view.show(_canvas())
    big = _canvas()
    big[:, :] = (240, 228, 66, 255)  # the whole frame changed
    view.show(big)
    assert view.patch == b"" and np.array_equal(decoded(view.value), big)
    wider = _canvas((60, 96))
    view.show(wider)
    assert view.patch == b"" and np.array_equal(decoded(view.value), wider)
    # the area limit: a change just above it is a key frame, just below it a patch
    h, w = 60, 96
    for rows, is_patch in ((int(FrameView.KEY_FRAME_AREA * h), True), (int(FrameView.KEY_FRAME_AREA * h) + 1, False)):
        frame = wider.copy()
        frame[:rows, :] = (0, 0, 0, 255)
        key = view.value
        view.show(frame)
        assert (view.value == key and bool(view.patch)) is is_patch, f"{rows} of {h} rows changed"
        assert np.array_equal(shown_frame(view), frame)
        view.show(wider)


def test_show_does_not_keep_a_view_of_the_caller_buffer():
    """Agg redraws into the same buffer: the key frame kept for diffing must be a copy."""
    view = FrameView()
    buffer = _canvas()
    view.show(buffer)
    buffer[30:35, 20:40] = (0, 0, 0, 255)
    view.show(buffer)
    assert view.patch and np.array_equal(shown_frame(view), buffer)


def test_setting_value_directly_shows_that_frame_alone():
    view = FrameView()
    view.show(_canvas())
    moved = _canvas()
    moved[40:45, 10:30] = (0, 0, 0, 255)
    view.show(moved)
    assert view.patch
    other = np.zeros((60, 80, 4), np.uint8)
    other[..., 3] = 255
    view.value = _frames.encode_png(other)
    assert view.patch == b"" and np.array_equal(shown_frame(view), other)
    view.show(moved)  # the next show() starts again from a key frame
    assert view.patch == b"" and np.array_equal(decoded(view.value), moved)


def test_show_sends_key_frame_and_patch_in_one_message(monkeypatch):
    """The browser must never see a patch meant for another key frame: each show() sends one
    state message holding everything that changed (a new key frame and the cleared patch; a
    patch and its place)."""
    view = FrameView()
    sent = []

    class Comm:  # stands in for the kernel's comm: ipywidgets only syncs a widget that has one
        kernel = True
        comm_id = "test-comm"

        def on_msg(self, callback):
            pass

        def send(self, *args, **kwargs):
            raise AssertionError("state must go out through send_state")

    view.comm = Comm()
    monkeypatch.setattr(view, "send_state", lambda key=None: sent.append(set(key) if key is not None else None))
    first = _canvas()
    moved = first.copy()
    moved[20:25, 5:15] = 0
    moved_more = first.copy()
    moved_more[30:33, 40:50] = 0
    view.show(first)
    view.show(moved)
    view.show(moved_more)
    view.show(np.full((60, 80, 4), 9, np.uint8))
    assert sent == [{"value"}, {"patch", "patch_at"}, {"patch", "patch_at"}, {"value", "patch"}], sent
