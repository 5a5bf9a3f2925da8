"""Notebooks with dashboards under Voila: the page finishes executing without
errors, every widget renders, and each dashboard redraws on slider/toggle."""

from __future__ import annotations

import pytest

from . import driver
from .conftest import DASHBOARD_NOTEBOOKS

pytestmark = pytest.mark.browser


def load_in_voila(page, server, relpath: str):
    driver.open_in_voila(page, server, relpath)
    state = driver.wait_widgets_rendered(page)
    return driver.page_errors(page), state


def check_notebook(page, server, relpath: str, tmp_path, stem: str):
    errors, state = load_in_voila(page, server, relpath)
    assert not errors, f"{relpath}: errors under Voila:\n" + "\n---\n".join(errors)
    n = page.locator(driver.DASHBOARD).count()
    assert n, f"{relpath}: no .pk-dashboard rendered under Voila"
    reports = [
        driver.exercise_dashboard(page, i, screenshot=tmp_path / f"{stem}_voila_{i}.png")
        for i in range(n)
    ]
    late = driver.page_errors(page)
    assert not late, f"{relpath}: errors after interacting:\n" + "\n---\n".join(late)
    problems = [f"dashboard {r.index}: {p}" for r in reports for p in r.problems + r.notes]
    idle = driver.idle_problem(page)
    problems += [idle] if idle else []
    assert not problems, f"{relpath} (Voila):\n" + "\n".join(problems)
    return state, reports


@pytest.mark.parametrize("notebook", DASHBOARD_NOTEBOOKS)
def test_dashboards_in_voila(notebook, page, voila_server, tmp_path):
    check_notebook(page, voila_server, f"notebooks/{notebook.name}", tmp_path, notebook.stem)


# -- the harness itself ---------------------------------------------------------

def test_harness_demo_dashboards_voila(page, voila_server, tmp_path):
    state, reports = check_notebook(page, voila_server, "demo/90_demo_dashboards.ipynb",
                                    tmp_path, "90_demo")
    assert len(reports) == 2 and state["views"] == 2
    assert all(r.slider_redraw and r.slider_readout and r.toggle_redraw for r in reports), reports


def test_harness_detects_errors_voila(page, voila_server):
    errors, _ = load_in_voila(page, voila_server, "demo/92_demo_broken.ipynb")
    assert any("deliberate failure" in e for e in errors), errors
