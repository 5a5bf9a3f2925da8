"""Browser tests: JupyterLab and Voila driven by headless Chromium (Playwright).

Every test here is marked ``browser``.  Without /usr/bin/chromium the tests
are skipped (and the reason printed in the summary) -- except on CI
(``CI=true``), where they fail.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from . import driver, servers

_HERE = Path(__file__).parent
_missing_reported = []


def _is_here(item) -> bool:
    return Path(str(item.path)).is_relative_to(_HERE)


@pytest.hookimpl(tryfirst=True)  # before `-m` deselects anything
def pytest_collection_modifyitems(config, items):
    for item in items:
        if _is_here(item):
            item.add_marker(pytest.mark.browser)


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    """No Chromium: skip (fail on CI) before any server is started."""
    if _is_here(item):
        _require_chromium()


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    if _missing_reported:
        terminalreporter.write_sep("=", "browser tests", yellow=True)
        terminalreporter.write_line(servers.CHROMIUM_MISSING, yellow=True, bold=True)


def _require_chromium():
    if servers.chromium_available():
        return
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(servers.CHROMIUM_MISSING, pytrace=False)
    if not _missing_reported:
        _missing_reported.append(True)
    pytest.skip(servers.CHROMIUM_MISSING)


def _notebook_params():
    paths = servers.notebook_paths()
    if not paths:
        return [pytest.param(None, marks=pytest.mark.skip(reason="no notebooks/NN_*.ipynb yet"),
                             id="no-notebooks")]
    return [pytest.param(p, id=p.stem) for p in paths]


NOTEBOOKS = _notebook_params()
DASHBOARD_NOTEBOOKS = [p for p in NOTEBOOKS if p.values[0] is None or driver.has_dashboard(p.values[0])] \
    or [pytest.param(None, marks=pytest.mark.skip(reason="no notebook has a dashboard"), id="none")]


def screenshot_path(tmp_path: Path, stem: str, index: int) -> Path:
    """docs/screenshots/<stem>.png for the first dashboard, <stem>_<i>.png for
    the i-th (i >= 1) when PK_SCREENSHOTS=1; the test's tmp dir otherwise."""
    name = f"{stem}.png" if index == 0 else f"{stem}_{index}.png"
    if os.environ.get("PK_SCREENSHOTS") == "1":
        return servers.REPO / "docs" / "screenshots" / name
    return tmp_path / name


# -- session resources ---------------------------------------------------------

@pytest.fixture(scope="session")
def browser_root(tmp_path_factory):
    """Fresh copies of notebooks/ plus the demo notebooks (in their own dir)."""
    root = tmp_path_factory.mktemp("browser-root")
    if servers.NOTEBOOKS_DIR.is_dir():
        servers.copy_notebooks(servers.NOTEBOOKS_DIR, root / "notebooks")
    driver.write_demo_notebooks(root / "demo")
    return root


def _server(kind, root, tmp_path_factory):
    state = tmp_path_factory.mktemp(f"{kind}-state")
    if kind == "lab":
        srv = servers.start_lab(root, state)
    else:
        srv = servers.start_voila(root, state, lecture=kind == "lecture")
    yield srv
    problems = srv.stop()
    assert not problems, problems


@pytest.fixture(scope="session")
def lab_server(browser_root, tmp_path_factory):
    yield from _server("lab", browser_root, tmp_path_factory)


@pytest.fixture(scope="session")
def voila_server(browser_root, tmp_path_factory):
    yield from _server("voila", browser_root, tmp_path_factory)


@pytest.fixture(scope="session")
def lecture_server(browser_root, tmp_path_factory):
    """Voila as ``make lecture`` serves it (lecture template, PKMODEL_LECTURE=1)."""
    yield from _server("lecture", browser_root, tmp_path_factory)


@pytest.fixture(scope="session")
def chromium():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = servers.launch_chromium(pw)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def browser_context(chromium):
    """One context for the session, so Lab's JavaScript is cached between tests
    (about 1.5 s per test); each test gets its own page."""
    context = servers.new_context(chromium)
    context.add_init_script(driver.INIT_SCRIPT)
    yield context
    context.close()


@pytest.fixture
def page(browser_context):
    p = browser_context.new_page()
    console = []
    p.on("pageerror", lambda e: console.append(f"pageerror: {e}"))
    p.on("console", lambda m: console.append(f"console.{m.type}: {m.text}") if m.type == "error" else None)
    p.console_errors = console
    yield p
    p.close()
