"""Each notebook in JupyterLab: Run All Cells, no errors, every widget
rendered, and every dashboard responds to its main slider and a toggle."""

from __future__ import annotations

from pathlib import Path

import pytest

from . import driver
from .conftest import NOTEBOOKS, screenshot_path

pytestmark = pytest.mark.browser


def run_in_lab(page, server, relpath: str):
    """Open, run all, wait; returns (errors, widget state)."""
    driver.open_in_lab(page, server, relpath)
    driver.run_all_in_lab(page)
    errors = driver.lab_model_errors(page)
    if not errors:  # a failed cell stops Run All; only then is this expected
        skipped = driver.unexecuted_code_cells(page)
        if skipped:
            errors.append(f"code cells not executed by Run All: {skipped}")
    state = driver.wait_widgets_rendered(page, expected=driver.lab_widget_outputs(page))
    errors += driver.page_errors(page)
    return errors, state


def check_notebook(page, server, relpath: str, tmp_path: Path, stem: str, docs: bool = True):
    try:
        errors, state = run_in_lab(page, server, relpath)
        assert not errors, f"{relpath}: errors in JupyterLab:\n" + "\n---\n".join(errors)
        n = page.locator(driver.DASHBOARD).count()
        if driver.has_dashboard(server.root / relpath):
            assert n, f"{relpath} builds a dashboard, but no .pk-dashboard was rendered"
        reports = [
            driver.exercise_dashboard(
                page, i, screenshot=screenshot_path(tmp_path, stem, i) if docs
                else tmp_path / (f"{stem}.png" if i == 0 else f"{stem}_{i}.png"))
            for i in range(n)
        ]
        problems = [f"dashboard {r.index}: {p}" for r in reports for p in r.problems + r.notes]
        idle = driver.idle_problem(page) if n else None
        problems += [idle] if idle else []
        late = driver.page_errors(page)  # errors raised by observers while interacting
        assert not late, f"{relpath}: errors after interacting:\n" + "\n---\n".join(late)
        assert not problems, f"{relpath}:\n" + "\n".join(problems)
        return state, reports
    finally:
        server.shutdown_kernels(path_suffix=relpath)


@pytest.mark.parametrize("notebook", NOTEBOOKS)
def test_notebook_in_lab(notebook, page, lab_server, tmp_path):
    check_notebook(page, lab_server, f"notebooks/{notebook.name}", tmp_path, notebook.stem)


# -- the harness itself, on generated demo notebooks ------------------------------

def test_harness_demo_dashboards_lab(page, lab_server, tmp_path):
    state, reports = check_notebook(page, lab_server, "demo/90_demo_dashboards.ipynb",
                                    tmp_path, "90_demo", docs=False)
    assert len(reports) == 2 and state["views"] >= 2
    assert all(r.slider_redraw and r.slider_readout and r.toggle_redraw for r in reports), reports
    assert (tmp_path / "90_demo.png").stat().st_size > 1000
    assert (tmp_path / "90_demo_1.png").stat().st_size > 1000


JS_FRAME_PIXELS = """(dash) => dash.querySelector('.pk-figure canvas.pk-frame').toDataURL('image/png')"""


def _shown_pixels(dash):
    import base64
    import io

    import numpy as np
    from PIL import Image

    url = dash.evaluate(JS_FRAME_PIXELS)
    return np.asarray(Image.open(io.BytesIO(base64.b64decode(url.split(",", 1)[1]))).convert("RGBA"))


def test_frame_view_shows_exactly_the_pixels_sent_lab(page, lab_server):
    """The dashboards' FrameView draws the kernel's PNG unscaled and unaltered (no colour
    management, no smoothing): the canvas holds the frame's pixels, before and after a move."""
    import numpy as np
    from PIL import Image

    rel = "demo/93_demo_floor.ipynb"
    try:
        errors, _ = run_in_lab(page, lab_server, rel)
        assert not errors, errors
        dash = page.locator(driver.DASHBOARD).first
        for k in (0, 1):
            if k:
                driver.move_slider(dash, presses=1)
                driver.wait_stable(dash)
            sent = np.asarray(Image.open(lab_server.root / f"demo/93_demo_floor_frame{k}.png").convert("RGBA"))
            shown = _shown_pixels(dash)
            assert shown.shape == sent.shape, f"frame {k}: canvas {shown.shape} for a {sent.shape} frame"
            differ = np.any(shown != sent, axis=-1)
            assert not differ.any(), f"frame {k}: {differ.sum()} of {differ.size} pixels differ from the frame sent"
    finally:
        lab_server.shutdown_kernels(path_suffix=rel)


def test_patched_frames_show_exactly_the_frame_drawn_lab(page, lab_server):
    """A lesson dashboard sends most moves as a patch over the key frame (FrameView.show); after
    each move the canvas must hold exactly the whole frame the kernel drew, patches and key
    frames alike (a patch drawn at the wrong place, or the last one's rectangle not restored,
    would leave old curves on screen)."""
    import numpy as np
    from PIL import Image

    rel = "demo/94_demo_patches.ipynb"
    try:
        errors, _ = run_in_lab(page, lab_server, rel)
        assert not errors, errors
        dash = page.locator(driver.DASHBOARD).first
        handle = dash.locator(driver.SLIDER_HANDLE).first
        handle.focus()
        # away from the key frame and back: patches that grow, shrink, and vanish (the last
        # one's rectangle must then be restored from the key frame); 2-3 presses at a time
        # also make the browser drop frames that newer ones overtook
        moves = ["", "R", "RR", "L", "LL", "R", "RRR", "LLL", "RR", "L", "L"]
        for k, keys in enumerate(moves):
            if keys:
                before = driver.slider_value(dash)
                for key in keys:
                    handle.press("ArrowRight" if key == "R" else "ArrowLeft")
                assert driver.wait_changed(lambda: driver.slider_value(dash), before, 2.0), f"move {k}: slider did not move"
                driver.wait_stable(dash)
            sent = np.asarray(Image.open(lab_server.root / "demo/94_demo_patches_frame.png").convert("RGBA"))
            shown = _shown_pixels(dash)
            assert shown.shape == sent.shape, f"move {k}: canvas {shown.shape} for a {sent.shape} frame"
            differ = np.any(shown != sent, axis=-1)
            assert not differ.any(), f"move {k}: {differ.sum()} of {differ.size} pixels differ from the frame drawn"
        _, patches = map(int, (lab_server.root / "demo/94_demo_patches_sent.txt").read_text().split())
        assert patches >= 5, f"only {patches} patches sent over the first key frame: patches not exercised"
    finally:
        lab_server.shutdown_kernels(path_suffix=rel)


def test_harness_plain_lab(page, lab_server, tmp_path):
    state, reports = check_notebook(page, lab_server, "demo/91_demo_plain.ipynb", tmp_path, "91", docs=False)
    assert reports == [] and state["views"] == 1 and state["pending"] == 0


def test_harness_detects_errors_lab(page, lab_server):
    try:
        errors, _ = run_in_lab(page, lab_server, "demo/92_demo_broken.ipynb")
    finally:
        lab_server.shutdown_kernels(path_suffix="92_demo_broken.ipynb")
    assert any("deliberate failure" in e for e in errors), errors
