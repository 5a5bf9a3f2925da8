"""Start and stop JupyterLab, Voila and headless Chromium for the browser tests.

Shared by ``tests/browser/conftest.py`` and ``benchmarks/bench_browser.py``.

Everything the servers write (runtime files, settings, workspaces, IPython
profile) goes to a temporary directory, never to the user's home; servers
listen on 127.0.0.1 only; JupyterLab has a random token (Voila has no token,
hence the loopback-only binding).  ``Server.stop`` shuts the kernels down,
terminates the server by PID, kills it if it does not exit, and checks that no
process it started (kernels included) is still running.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import psutil

# Matched by the Playwright driver itself, so loopback requests are not slowed down.
_NOT_LOOPBACK = re.compile(r"^https?://(?!127\.0\.0\.1[:/])")

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
CHROMIUM_MISSING = (
    f"Chromium not found at {CHROMIUM}; CI must install it: "
    "apt-get install -y --no-install-recommends chromium"
)
VIEWPORT = {"width": 1280, "height": 720}  # the lecture projector

REPO = Path(__file__).resolve().parents[2]
NOTEBOOKS_DIR = REPO / "notebooks"
BIN = Path(sys.executable).parent  # the venv's bin dir (do not resolve symlinks)

# The news/update toast covers the bottom-right of the notebook: switch it off.
LAB_OVERRIDES = {
    "@jupyterlab/apputils-extension:notification": {
        "fetchNews": "false",
        "checkForUpdates": False,
    }
}


def chromium_available() -> bool:
    return os.path.isfile(CHROMIUM) and os.access(CHROMIUM, os.X_OK)


def notebook_paths(directory: Path = NOTEBOOKS_DIR) -> list[Path]:
    return sorted(directory.glob("[0-9][0-9]_*.ipynb"))


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def copy_notebooks(src: Path, dest: Path) -> Path:
    """Fresh copies, so that kernels/checkpoints never touch the repo."""
    shutil.copytree(
        src,
        dest,
        ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__"),
        dirs_exist_ok=True,
    )
    return dest


def isolated_env(state_dir: Path) -> dict[str, str]:
    """Environment for a server: Jupyter/IPython state in ``state_dir``."""
    env = dict(os.environ)
    for var, sub in [
        ("JUPYTER_CONFIG_DIR", "config"),
        ("JUPYTER_DATA_DIR", "data"),
        ("JUPYTER_RUNTIME_DIR", "runtime"),
        ("IPYTHONDIR", "ipython"),
    ]:
        (state_dir / sub).mkdir(parents=True, exist_ok=True)
        env[var] = str(state_dir / sub)
    env.pop("JUPYTER_TOKEN", None)
    env["PYTHONUNBUFFERED"] = "1"
    return env


@dataclass
class Server:
    name: str
    proc: subprocess.Popen
    url: str  # base URL, ends with "/"
    log_path: Path
    token: str = ""
    root: Path | None = None
    _children: set = field(default_factory=set)

    # -- HTTP -----------------------------------------------------------------
    def request(self, method: str, path: str, timeout: float = 5.0):
        req = urllib.request.Request(self.url + path.lstrip("/"), method=method)
        if self.token:
            req.add_header("Authorization", f"token {self.token}")
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            body = resp.read()
            is_json = "json" in resp.headers.get("Content-Type", "")
            return resp.status, (json.loads(body) if is_json and body.strip() else None)

    def log_tail(self, n: int = 40) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-n:])
        except OSError:
            return ""

    def wait_ready(self, path: str, timeout: float = 60.0) -> None:
        deadline = time.monotonic() + timeout
        delay = 0.05
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(
                    f"{self.name} exited with code {self.proc.returncode}:\n{self.log_tail()}"
                )
            try:
                status, _ = self.request("GET", path, timeout=2)
                if status == 200:
                    return
            except (urllib.error.URLError, OSError, ValueError):
                pass
            time.sleep(delay)
            delay = min(delay * 1.5, 0.5)
        raise RuntimeError(f"{self.name} not ready after {timeout:.0f} s:\n{self.log_tail()}")

    # -- kernels ----------------------------------------------------------------
    def remember_children(self) -> None:
        """Record the server's descendants (kernels start their own session)."""
        try:
            self._children |= {
                p.pid for p in psutil.Process(self.proc.pid).children(recursive=True)
            }
        except psutil.Error:
            pass

    def shutdown_kernels(self, path_suffix: str | None = None) -> None:
        """Shut down kernels (Lab: by session; only those whose path ends
        with ``path_suffix`` if given)."""
        self.remember_children()
        if not self.token:  # Voila has no REST API for this
            return
        try:
            _, sessions = self.request("GET", "api/sessions")
            for s in sessions or []:
                if path_suffix is None or s.get("path", "").endswith(path_suffix):
                    self.request("DELETE", f"api/sessions/{s['id']}", timeout=10)
            if path_suffix is None:
                _, kernels = self.request("GET", "api/kernels")
                for k in kernels or []:
                    self.request("DELETE", f"api/kernels/{k['id']}", timeout=10)
        except (urllib.error.URLError, OSError, ValueError):
            pass

    def kernel_rss_mb(self, path_suffix: str) -> float | None:
        """Resident memory (MB) of the kernel of the Lab session whose path ends with
        ``path_suffix`` (found by its connection file, ``kernel-<id>.json``), or None."""
        try:
            _, sessions = self.request("GET", "api/sessions")
        except (urllib.error.URLError, OSError, ValueError):
            return None
        ids = [s["kernel"]["id"] for s in sessions or [] if s.get("path", "").endswith(path_suffix)]
        if not ids:
            return None
        try:
            for p in psutil.Process(self.proc.pid).children(recursive=True):
                if any(f"kernel-{ids[0]}" in part for part in p.cmdline()):
                    return p.memory_info().rss / 2 ** 20
        except psutil.Error:
            return None
        return None

    # -- stop ------------------------------------------------------------------
    def stop(self, timeout: float = 10.0) -> list[str]:
        """Stop the server; return a list of problems (empty when clean)."""
        problems = []
        if self.proc.poll() is None:
            self.shutdown_kernels()
            self.remember_children()
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                problems.append(f"{self.name} (pid {self.proc.pid}) ignored SIGTERM; killed")
                self.proc.kill()
                self.proc.wait(5)
        # Everything it started must be gone too.
        leftovers = []
        for pid in sorted(self._children):
            try:
                p = psutil.Process(pid)
                p.wait(timeout=5)
            except psutil.NoSuchProcess:
                continue
            except psutil.TimeoutExpired:
                leftovers.append(f"{pid} {' '.join(p.cmdline()[:3])}")
                p.kill()
        if leftovers:
            problems.append(f"{self.name} left processes running (killed): {leftovers}")
        return problems


def _popen(name: str, cmd: list[str], env: dict, log_path: Path) -> subprocess.Popen:
    log = open(log_path, "wb")  # noqa: SIM115 - the server owns it
    try:
        return subprocess.Popen(
            cmd, env=env, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
            cwd=str(log_path.parent),
        )
    finally:
        log.close()


def start_lab(root_dir: Path, state_dir: Path) -> Server:
    """JupyterLab on 127.0.0.1:<free port> with a random token."""
    state_dir.mkdir(parents=True, exist_ok=True)
    env = isolated_env(state_dir)
    app_settings = state_dir / "lab-app-settings"
    app_settings.mkdir(exist_ok=True)
    (app_settings / "overrides.json").write_text(json.dumps(LAB_OVERRIDES))
    token = secrets.token_hex(24)
    port = free_port()
    cmd = [
        str(BIN / "jupyter"), "lab",
        "--no-browser",
        "--ip", "127.0.0.1",
        "--port", str(port),
        "--port-retries=0",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={root_dir}",
        f"--LabApp.app_settings_dir={app_settings}",
        f"--LabApp.user_settings_dir={state_dir / 'lab-user-settings'}",
        f"--LabApp.workspaces_dir={state_dir / 'lab-workspaces'}",
        # window.jupyterapp: lets the tests use Lab's own commands and models
        "--LabApp.expose_app_in_browser=True",
        "--ServerApp.open_browser=False",
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        cmd.append("--allow-root")
    server = Server(
        "JupyterLab", _popen("jupyter lab", cmd, env, state_dir / "lab.log"),
        f"http://127.0.0.1:{port}/", state_dir / "lab.log", token, root_dir,
    )
    try:
        server.wait_ready("api/status")
    except Exception:
        server.stop()
        raise
    return server


def start_voila(root_dir: Path, state_dir: Path, *, lecture: bool = False) -> Server:
    """Voila on 127.0.0.1:<free port> serving ``root_dir`` (no token: loopback only).

    ``lecture=True`` starts it as ``make lecture`` does: the pkmodel-lecture template (from the
    repository's lecture/ folder) and ``PKMODEL_LECTURE=1`` for the kernels.
    """
    state_dir.mkdir(parents=True, exist_ok=True)
    env = isolated_env(state_dir)
    port = free_port()
    cmd = [
        str(BIN / "voila"),
        "--no-browser",
        f"--port={port}",
        "--Voila.ip=127.0.0.1",
        "--Voila.port_retries=0",
        "--show_tracebacks=True",
        str(root_dir),
    ]
    if lecture:
        env["JUPYTER_PATH"] = str(REPO / "lecture")
        env["PKMODEL_LECTURE"] = "1"
        cmd.insert(-1, "--template=pkmodel-lecture")
    server = Server(
        "Voila", _popen("voila", cmd, env, state_dir / "voila.log"),
        f"http://127.0.0.1:{port}/", state_dir / "voila.log", root=root_dir,
    )
    try:
        server.wait_ready("")
    except Exception:
        server.stop()
        raise
    return server


def launch_chromium(playwright):
    return playwright.chromium.launch(
        executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
    )


def new_context(browser, viewport: dict | None = None):
    """A fresh context (own storage and cache) with the projector viewport
    (1280x720 unless ``viewport`` says otherwise); requests to anything but the
    loopback servers are aborted (no internet here, and a test must not depend
    on a CDN -- Voila's template links Font Awesome from jsDelivr)."""
    context = browser.new_context(viewport=viewport or VIEWPORT)
    context.route(_NOT_LOOPBACK, lambda route: route.abort())
    return context
