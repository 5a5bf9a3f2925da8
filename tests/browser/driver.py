"""Drive pkmodel dashboards in JupyterLab and Voila with Playwright.

The DOM contract of the notebooks (see tests/browser/README.md):
  * a dashboard is an ipywidgets box with class ``pk-dashboard``;
  * its main slider has class ``pk-main-slider``;
  * at least one toggle (ToggleButtons / ToggleButton / Dropdown / Checkbox /
    RadioButtons) has class ``pk-toggle``;
  * live readouts are an HTML widget with class ``pk-readout``;
  * figures are canvases: ``.pk-figure canvas.pk-frame`` (pkmodel's dashboards: a FrameView
    drawing the kernel's PNG frames) or ipympl canvases (the harness's demo dashboards, plain
    ``%matplotlib widget`` code).

Shared by the tests and ``benchmarks/bench_browser.py``.
"""

from __future__ import annotations

import json
import re
import time
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

DASHBOARD = ".pk-dashboard"
SLIDER_HANDLE = ".pk-main-slider .noUi-handle"
FIGURE = ".pk-figure canvas.pk-frame, .jupyter-matplotlib-canvas-div canvas"
WIDGET_VIEW = '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.widget-view+json"]'

# Installed before any page script runs: timestamps (page clock) of every new frame of a
# figure, a drawImage onto an on-page canvas (ipympl's, or a FrameView's canvas.pk-frame in
# pkmodel's dashboards). Each record gets the next animation frame's time (``painted``: the
# browser can show it) and, while ``__pkSign`` is set (benchmarks), a fingerprint of what was
# drawn: for an ipympl canvas a hash of its pixels; for a FrameView a serial number, since a
# frame only reaches the page when its bytes change (and hashing would slow what is timed).
INIT_SCRIPT = r"""
(() => {
  if (window.__pkDraws) return;
  window.__pkDraws = [];
  window.__pkWake = null;
  const record = (target, sig) => {
    const rec = {canvas: target, t: performance.now(), painted: null, sig: sig};
    window.__pkDraws.push(rec);
    requestAnimationFrame(() => { rec.painted = performance.now(); if (window.__pkWake) window.__pkWake(); });
  };
  let serial = 0;
  const orig = CanvasRenderingContext2D.prototype.drawImage;
  CanvasRenderingContext2D.prototype.drawImage = function (...args) {
    const r = orig.apply(this, args);
    const c = this.canvas;
    if (c && c.isConnected && c.classList.contains('pk-frame')) {
      record(c, 'frame-' + (++serial));
    } else if (c && c.isConnected) {
      let sig = null;
      if (window.__pkSign && c.width && c.height) {  // benchmarks: fingerprint what was drawn
        const px = new Uint32Array(this.getImageData(0, 0, c.width, c.height).data.buffer);
        let h = 2166136261 >>> 0;
        for (let i = 0; i < px.length; i += 3) { h ^= px[i]; h = Math.imul(h, 16777619) >>> 0; }
        sig = h;
      }
      record(c, sig);
    }
    return r;
  };
})();
"""

# Signature of all figures under an element: a cheap hash of each figure's
# PNG data URL, plus its size.
JS_CANVAS_SIGNATURE = r"""
(el) => {
  const out = [];
  for (const c of el.querySelectorAll('.pk-figure canvas.pk-frame, .jupyter-matplotlib-canvas-div canvas')) {
    if (!c.width || !c.height) { out.push('empty'); continue; }
    const s = c.toDataURL();
    let h = 2166136261 >>> 0;
    for (let i = 0; i < s.length; i++) { h ^= s.charCodeAt(i); h = Math.imul(h, 16777619) >>> 0; }
    out.push(c.width + 'x' + c.height + ':' + s.length + ':' + h.toString(16));
  }
  return out.join('|');
}
"""

JS_CANVAS_PAINTED = r"""
(el) => {
  const cs = [...el.querySelectorAll('.pk-figure canvas.pk-frame, .jupyter-matplotlib-canvas-div canvas.mpl-canvas, .jupyter-matplotlib-canvas-div canvas:first-child')];
  if (!cs.length) return true;            // no figure: nothing to wait for
  return cs.every(c => {
    if (!c.width || !c.height) return false;
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    for (let i = 3; i < d.length; i += 4 * 97) if (d[i] !== 0) return true;
    return false;
  });
}
"""

# Widget views on the page: how many top-level views are rendered, how many
# are still "Loading widget...", and any widget errors.  (Lab 4 and Voila put
# a widget view in a plain `.jp-OutputArea-output` panel, without a
# data-mime-type attribute.)
JS_WIDGET_PROBLEMS = r"""
() => {
  const problems = [];
  const outs = [...document.querySelectorAll('.jp-OutputArea-output')]
      .filter(o => !(o.parentElement && o.parentElement.closest('.jupyter-widgets')));
  let views = 0, pending = 0;
  outs.forEach((o, i) => {
    const txt = (o.textContent || '').trim();
    if (txt.includes('Error displaying widget') || o.querySelector('.jupyter-widgets-error-widget'))
      problems.push('widget view: ' + txt.slice(0, 300));
    else if (o.querySelector(':scope > .jupyter-widgets')) views += 1;
    else if (txt.startsWith('Loading widget')) pending += 1;
  });
  document.querySelectorAll('.jupyter-widgets-error-widget').forEach(e => {
    if (!e.closest('.jp-OutputArea-output'))
      problems.push('widget error: ' + (e.textContent || '').trim().slice(0, 300));
  });
  // Voila: outputs still waiting in their <script> for the frontend to render them
  pending += [...document.querySelectorAll('script[type="application/vnd.voila.cell-output+json"]')]
      .filter(s => s.textContent.includes('application/vnd.jupyter.widget-view+json')).length;
  return {views: views, pending: pending, problems: problems};
}
"""

# Error outputs rendered in the page (Lab and Voila).
JS_DOM_ERRORS = r"""
() => {
  const errs = [];
  document.querySelectorAll(
    '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]').forEach(e => {
    const t = e.textContent || '';
    if (/traceback|error|exception/i.test(t)) errs.push(t.trim().slice(0, 1500));
  });
  document.querySelectorAll('.jp-RenderedText').forEach(e => {
    const t = e.textContent || '';
    if (t.includes('Traceback') && !errs.some(x => x.startsWith(t.trim().slice(0, 50))))
      errs.push(t.trim().slice(0, 1500));
  });
  document.querySelectorAll('.jp-OutputArea-output').forEach(e => {
    const t = e.textContent || '';
    if (t.includes('Error displaying widget')) errs.push(t.trim().slice(0, 300));
  });
  return errs;
}
"""


class DashboardError(AssertionError):
    pass


def wait_until(fn, timeout: float, what: str, interval: float = 0.05):
    deadline = time.monotonic() + timeout
    last = None
    while True:
        last = fn()
        if last:
            return last
        if time.monotonic() > deadline:
            raise DashboardError(f"timed out after {timeout:.0f} s waiting for {what} (last: {last!r})")
        time.sleep(interval)


# ---------------------------------------------------------------------------
# Demo notebooks (harness self-test; written to a temp dir, never notebooks/)
# ---------------------------------------------------------------------------

DEMO_DASHBOARD = r'''%matplotlib widget
import numpy as np
import matplotlib.pyplot as plt
import ipywidgets as widgets

t = np.linspace(0, 48, 400)
with plt.ioff():
    fig, ax = plt.subplots(figsize=(6, 3.2))
line, = ax.plot(t, 10 * np.exp(-0.1 * t))
ax.set_xlabel("time (h)"); ax.set_ylabel("C (mg/L)")
slider = widgets.FloatSlider(value=0.1, min=0.02, max=0.5, step=0.01, description="k (1/h)")
slider.add_class("pk-main-slider")
scale = widgets.ToggleButtons(options=["linear", "log"], description="scale")
scale.add_class("pk-toggle")
readout = widgets.HTML()
readout.add_class("pk-readout")

def update(change=None):
    k = slider.value
    line.set_ydata(10 * np.exp(-k * t))
    ax.set_yscale(scale.value)
    ax.relim(); ax.autoscale_view()
    readout.value = f"<b>t&frac12; = {np.log(2) / k:.2f} h</b>"
    fig.canvas.draw_idle()

slider.observe(update, "value")
scale.observe(update, "value")
update()
dash = widgets.VBox([slider, scale, readout, fig.canvas])
dash.add_class("pk-dashboard")
dash
'''

DEMO_DASHBOARD_2 = r'''doses = widgets.IntSlider(value=3, min=1, max=10, description="doses")
doses.add_class("pk-main-slider")
units = widgets.Checkbox(value=False, description="show grid")   # a pk-toggle that changes the figure
units.add_class("pk-toggle")
group = widgets.Dropdown(options=["young", "elderly"], description="group")
group.add_class("pk-toggle")
readout2 = widgets.HTML()
readout2.add_class("pk-readout")
with plt.ioff():
    fig2, ax2 = plt.subplots(figsize=(6, 3.2))
line2, = ax2.plot(t, t)

def update2(change=None):
    k = 0.1 if group.value == "young" else 0.05
    c = sum(np.where(t >= 12 * i, np.exp(-k * (t - 12 * i)), 0) for i in range(doses.value))
    line2.set_ydata(c)
    ax2.relim(); ax2.autoscale_view()
    ax2.grid(units.value)
    readout2.value = f"peak {c.max():.2f}"
    fig2.canvas.draw_idle()

for w in (doses, units, group):
    w.observe(update2, "value")
update2()
dash2 = widgets.HBox([widgets.VBox([doses, units, group, readout2]), fig2.canvas])
dash2.add_class("pk-dashboard")
dash2
'''

# The pipeline's floor: a slider that swaps pre-encoded frames of a dashboard's size into the
# dashboards' FrameView, with no other work in the kernel. What a key press costs that no lesson
# code can remove (widget message, server, kernel round trip, image decode, paint).
DEMO_FLOOR = r'''import numpy as np
import ipywidgets as widgets
from matplotlib.figure import Figure
from matplotlib.backends.backend_agg import FigureCanvasAgg
from pkmodel.dashboards._frames import frame_png
from pkmodel.dashboards._frame_view import FrameView

frames = []
for k in range(4):
    f = Figure(figsize=(4.8, 3.9)); FigureCanvasAgg(f)
    t = np.linspace(0, 48, 400)
    f.add_subplot().plot(t, 10 * np.exp(-(0.05 + 0.05 * k) * t))
    f.canvas.draw(); frames.append(frame_png(f.canvas))
floor = widgets.IntSlider(value=0, min=0, max=100, description="frame")
floor.add_class("pk-main-slider")
img = FrameView(value=frames[0], layout=widgets.Layout(width="480px", height="390px"))
img.add_class("pk-figure")
floor.observe(lambda ch: setattr(img, "value", frames[ch["new"] % len(frames)]), "value")
for k, f in enumerate(frames):  # what the kernel sent, for the browser test of the pixels shown
    open(f"93_demo_floor_frame{k}.png", "wb").write(f)
dash3 = widgets.HBox([floor, img])
dash3.add_class("pk-dashboard")
dash3
'''

# A lesson dashboard whose frames go out as key frames and patches (FrameView.show): each time
# the kernel sends one, the whole frame it means (the Agg canvas) is written beside the notebook,
# with how many key frames and patches went out, for the browser test of the pixels shown.
DEMO_PATCHES = r'''import numpy as np
from pkmodel import dashboards
from pkmodel.dashboards._frames import encode_png

patched = dashboards.comparison_dashboard()
sent = {"value": 0, "patch": 0, "patch_at": 0}

def record(change=None):
    if change:
        sent[change["name"]] += 1
    open("94_demo_patches_frame.png", "wb").write(encode_png(np.asarray(patched.fig.canvas.buffer_rgba())))
    open("94_demo_patches_sent.txt", "w").write(f"{sent['value']} {sent['patch']}")

record()  # the first frame, sent as the dashboard was built
patched._figure_box.observe(record, ["value", "patch", "patch_at"])
patched
'''

DEMO_PLAIN = r'''import ipywidgets as widgets
widgets.HTML("<b>no dashboard here</b>")
'''

DEMO_BROKEN = r'''x = 1
'''
DEMO_BROKEN_2 = r'''raise ValueError("deliberate failure for the harness self-test")
'''


def write_demo_notebooks(directory: Path) -> dict[str, Path]:
    import nbformat
    from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

    directory.mkdir(parents=True, exist_ok=True)
    meta = {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}}
    books = {
        "90_demo_dashboards.ipynb": [
            new_markdown_cell("# Demo dashboards (harness self-test)"),
            new_code_cell(DEMO_DASHBOARD),
            new_code_cell(DEMO_DASHBOARD_2),
        ],
        "93_demo_floor.ipynb": [new_markdown_cell("# Pipeline floor (benchmark only)"), new_code_cell(DEMO_FLOOR)],
        "91_demo_plain.ipynb": [new_markdown_cell("# No dashboard"), new_code_cell(DEMO_PLAIN)],
        "94_demo_patches.ipynb": [new_markdown_cell("# Key frames and patches (browser test)"),
                                  new_code_cell(DEMO_PATCHES)],
        "92_demo_broken.ipynb": [new_code_cell(DEMO_BROKEN), new_code_cell(DEMO_BROKEN_2)],
    }
    paths = {}
    for name, cells in books.items():
        nb = new_notebook(cells=cells, metadata=meta)
        p = directory / name
        nbformat.write(nb, p)
        paths[name] = p
    return paths


_DASHBOARD_CODE = re.compile(r"pk-dashboard|\bdashboards\.\w+\(")


def has_dashboard(path: Path) -> bool:
    """Static check: does a code cell build a dashboard (the class itself, or a
    call into ``pkmodel.dashboards``)?"""
    nb = json.loads(Path(path).read_text(encoding="utf-8"))
    return any(
        _DASHBOARD_CODE.search("".join(c.get("source", "")))
        for c in nb.get("cells", []) if c.get("cell_type") == "code"
    )


# ---------------------------------------------------------------------------
# JupyterLab
# ---------------------------------------------------------------------------

def lab_url(server, name: str) -> str:
    return f"{server.url}lab/tree/{quote(name)}?reset&token={server.token}"


def open_in_lab(page, server, name: str, timeout: float = 60.0) -> None:
    """Open a notebook in a fresh Lab workspace and wait for an idle kernel."""
    page.goto(lab_url(server, name), wait_until="domcontentloaded")
    page.wait_for_function(
        """(name) => {
            const app = window.jupyterapp;
            const w = app && app.shell && app.shell.currentWidget;
            return !!(w && w.context && w.context.path.endsWith(name) && w.sessionContext);
        }""",
        arg=name, timeout=timeout * 1000,
    )
    # A "Select Kernel" dialog appears if the notebook names a kernel that is
    # not installed; accept the default (the server's python3) and go on.
    deadline = time.monotonic() + timeout
    while True:
        status = page.evaluate(
            """() => {
                const w = window.jupyterapp.shell.currentWidget;
                const k = w.sessionContext.session && w.sessionContext.session.kernel;
                return k ? k.status : (document.querySelector('.jp-Dialog') ? 'dialog' : 'none');
            }"""
        )
        if status == "idle" and page.locator(".jp-Notebook-ExecutionIndicator[data-status='idle']").count():
            return
        if status == "dialog":
            page.locator(".jp-Dialog .jp-mod-accept").first.click()
        if time.monotonic() > deadline:
            raise DashboardError(f"kernel for {name} not idle after {timeout:.0f} s (status {status})")
        time.sleep(0.05)


def run_all_in_lab(page, timeout: float = 120.0) -> None:
    """Run → Run All Cells (the same command as the menu item), then wait
    until every cell has finished and the kernel is idle."""
    page.evaluate(
        """(ms) => Promise.race([
            window.jupyterapp.commands.execute('notebook:run-all-cells'),
            new Promise(r => setTimeout(r, ms)),
        ])""",
        timeout * 1000,
    )
    page.wait_for_function(
        """() => {
            const w = window.jupyterapp.shell.currentWidget;
            const k = w.sessionContext.session && w.sessionContext.session.kernel;
            if (!k || k.status !== 'idle') return false;
            const prompts = [...document.querySelectorAll('.jp-Notebook .jp-InputPrompt')];
            if (prompts.some(p => p.textContent.includes('*'))) return false;
            return !!document.querySelector(".jp-Notebook-ExecutionIndicator[data-status='idle']");
        }""",
        timeout=timeout * 1000,
    )


def lab_model_errors(page) -> list[str]:
    """Errors in the notebook model itself: error outputs, tracebacks on stderr."""
    return page.evaluate(
        """() => {
            const w = window.jupyterapp.shell.currentWidget;
            const errs = [];
            const cells = w.content.model.cells;
            for (let i = 0; i < cells.length; i++) {
                const c = cells.get(i);
                if (c.type !== 'code') continue;
                for (const o of c.outputs.toJSON()) {
                    if (o.output_type === 'error')
                        errs.push(`cell ${i}: ${o.ename}: ${o.evalue}\\n` +
                                  (o.traceback || []).join('\\n').replace(/\\x1b\\[[0-9;]*m/g, '').slice(-1500));
                    else if (o.output_type === 'stream' && o.name === 'stderr' && /Traceback/.test(o.text))
                        errs.push(`cell ${i} (stderr): ${String(o.text).slice(-1500)}`);
                }
            }
            return errs;
        }"""
    )


def lab_widget_outputs(page) -> int:
    """Number of widget-view outputs (with a model) in the notebook model."""
    return page.evaluate(
        """() => {
            const cells = window.jupyterapp.shell.currentWidget.content.model.cells;
            let n = 0;
            for (let i = 0; i < cells.length; i++) {
                const c = cells.get(i);
                if (c.type !== 'code') continue;
                for (const o of c.outputs.toJSON()) {
                    const v = o.data && o.data['application/vnd.jupyter.widget-view+json'];
                    if (v && v.model_id) n += 1;
                }
            }
            return n;
        }"""
    )


def unexecuted_code_cells(page) -> list[int]:
    return page.evaluate(
        """() => {
            const cells = window.jupyterapp.shell.currentWidget.content.model.cells;
            const out = [];
            for (let i = 0; i < cells.length; i++) {
                const c = cells.get(i);
                if (c.type === 'code' && c.sharedModel.getSource().trim() && c.executionCount == null) out.push(i);
            }
            return out;
        }"""
    )


# ---------------------------------------------------------------------------
# Voila
# ---------------------------------------------------------------------------

def voila_url(server, name: str) -> str:
    return f"{server.url}voila/render/{quote(name)}"


def open_in_voila(page, server, name: str, timeout: float = 120.0) -> None:
    """Load the page; Voila executes the notebook while streaming it, then
    removes its spinner and shows the cells."""
    page.goto(voila_url(server, name), wait_until="domcontentloaded", timeout=timeout * 1000)
    page.wait_for_function(
        """() => !document.getElementById('loading')
                 && document.getElementById('rendered_cells')
                 && document.getElementById('rendered_cells').style.display !== 'none'""",
        timeout=timeout * 1000,
    )


# ---------------------------------------------------------------------------
# Both
# ---------------------------------------------------------------------------

def wait_widgets_rendered(page, expected: int = 0, timeout: float = 60.0,
                          paint_timeout: float = 15.0) -> dict:
    """Every widget view rendered (at least ``expected`` of them, none still
    loading) or an error shown; returns the last state."""
    state = {}

    def done():
        nonlocal state
        state = page.evaluate(JS_WIDGET_PROBLEMS)
        return state["problems"] or (state["pending"] == 0 and state["views"] >= expected)

    wait_until(done, timeout, "widget views to render")
    # an ipympl canvas paints its first frame after the view is created; an image loads its PNG
    for i in range(page.locator(DASHBOARD).count()):
        el = page.locator(DASHBOARD).nth(i)
        wait_until(lambda: el.evaluate(JS_CANVAS_PAINTED), paint_timeout,
                   f"the figure of dashboard {i} to be painted (no frame from the kernel)")
    return state


def page_errors(page) -> list[str]:
    return page.evaluate(JS_DOM_ERRORS) + page.evaluate(JS_WIDGET_PROBLEMS)["problems"]


def canvas_signature(dash) -> str:
    return dash.evaluate(JS_CANVAS_SIGNATURE)


def readout_text(dash) -> str:
    return " | ".join(dash.locator(".pk-readout").all_inner_texts())


def slider_value(dash) -> str:
    r = dash.locator(".pk-main-slider .widget-readout")
    return r.first.inner_text() if r.count() else ""


def wait_stable(dash, quiet: float = 0.25, timeout: float = 10.0) -> str:
    """Wait until the figure has not changed for ``quiet`` seconds (an ipympl canvas may
    redraw once after its first resize)."""
    deadline = time.monotonic() + timeout
    sig = canvas_signature(dash)
    since = time.monotonic()
    while time.monotonic() < deadline:
        time.sleep(0.05)
        new = canvas_signature(dash)
        if new != sig:
            sig, since = new, time.monotonic()
        elif time.monotonic() - since >= quiet:
            return sig
    return sig


def frames_while_idle(page, settle: float = 1.0, window: float = 1.5) -> int:
    """Frames drawn onto any figure canvas during ``window`` seconds in which nobody touches
    the page (after ``settle`` seconds for the last update to land).

    An idle dashboard draws nothing. Figures that keep redrawing (pyplot once redrew every
    registered figure after every widget message, and two dashboards then kept each other
    going) keep the kernel busy, so every slider step waits behind them."""
    time.sleep(settle)
    n0 = page.evaluate("window.__pkDraws.length")
    time.sleep(window)
    return page.evaluate("window.__pkDraws.length") - n0


def idle_problem(page) -> str | None:
    """A complaint if figures redraw while the page is left alone (see ``frames_while_idle``)."""
    idle = frames_while_idle(page)
    return f"figures kept redrawing while nobody touched the page ({idle} frames in 1.5 s)" if idle else None


def wait_changed(fn, before, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if fn() != before:
            return True
        time.sleep(0.03)
    return fn() != before


def move_slider(dash, presses: int = 3) -> tuple[str, str]:
    """Focus the main slider's handle and press ArrowRight (ArrowLeft if it is
    at its maximum). Returns the slider readout before and after."""
    handle = dash.locator(SLIDER_HANDLE).first
    before = slider_value(dash)
    handle.focus()
    for key in ("ArrowRight", "ArrowLeft"):
        for _ in range(presses):
            handle.press(key)
        if wait_changed(lambda: slider_value(dash), before, 1.0):
            break
    return before, slider_value(dash)


JS_TOGGLE_KIND = r"""
(el) => {
  const cl = el.classList;
  if (cl.contains('widget-toggle-buttons')) return 'toggle-buttons';
  if (cl.contains('widget-dropdown') || cl.contains('widget-select')) return 'select';
  if (cl.contains('widget-checkbox')) return 'checkbox';
  if (cl.contains('widget-radio')) return 'radio';
  if (el.tagName === 'BUTTON') return 'button';
  if (el.querySelector('select')) return 'select';
  if (el.querySelector('input[type=checkbox]')) return 'checkbox';
  if (el.querySelector('button')) return 'toggle-buttons';
  return 'unknown';
}
"""


def change_toggle(toggle) -> str:
    """Change a pk-toggle widget to another value; returns a description."""
    kind = toggle.evaluate(JS_TOGGLE_KIND)
    if kind == "toggle-buttons":
        btn = toggle.locator("button:not(.mod-active):not([disabled])").first
        label = btn.inner_text()
        btn.click()
        return f"ToggleButtons → {label!r}"
    if kind == "select":
        sel = toggle.locator("select").first
        n = sel.evaluate("s => s.options.length")
        cur = sel.evaluate("s => s.selectedIndex")
        if n < 2:
            raise DashboardError("pk-toggle dropdown has fewer than 2 options")
        if cur < 0:
            # ipywidgets 8: Dropdown(value=None) shows *no* selection even when an
            # option's value is None; picking that option would change nothing.
            warnings.warn(f"a pk-toggle dropdown shows no selection (options: "
                          f"{sel.evaluate('s => [...s.options].map(o => o.text)')}); "
                          "was it created with value=None? Use index=0 instead.", stacklevel=2)
        new = n - 1 if cur < 0 else (cur + 1) % n
        sel.select_option(index=new)
        return f"Dropdown → option {new}"
    if kind == "checkbox":
        toggle.locator("input[type=checkbox]").first.click()
        return "Checkbox clicked"
    if kind == "radio":
        toggle.locator("input[type=radio]:not(:checked)").first.click()
        return "RadioButtons → other"
    if kind == "button":
        toggle.click()
        return "ToggleButton clicked"
    raise DashboardError("pk-toggle of unknown kind: " + toggle.evaluate("e => e.outerHTML.slice(0, 200)"))


# Readout tables wider than the box that holds them (their last column is then cut off).
JS_CUT_READOUTS = r"""
(dash) => [...dash.querySelectorAll('.pk-readout table')].map(t => {
  const box = t.closest('.pk-readout').getBoundingClientRect(), r = t.getBoundingClientRect();
  return r.right > box.right + 1 ? `readout table ${Math.round(r.width)} px wide in a ${Math.round(box.width)} px box` : null;
}).filter(x => x)
"""


@dataclass
class DashboardReport:
    index: int
    slider: tuple = ()
    slider_redraw: bool = False
    slider_readout: bool = False
    toggle: str = ""
    toggle_redraw: bool = False
    toggle_readout: bool = False
    notes: list = field(default_factory=list)

    @property
    def problems(self) -> list[str]:
        p = []
        if not self.slider or self.slider[0] == self.slider[1]:
            p.append(f"main slider did not move (readout {self.slider!r})")
        elif not (self.slider_redraw or self.slider_readout):
            p.append("moving the main slider changed neither the figure nor the readout")
        if not self.toggle_redraw:
            p.append(f"no pk-toggle changed the figure (tried: {self.toggle or 'none'})")
        return p


def exercise_dashboard(page, index: int, screenshot: Path | None = None,
                       timeout: float = 10.0, toggle_timeout: float = 4.0) -> DashboardReport:
    dash = page.locator(DASHBOARD).nth(index)
    rep = DashboardReport(index)
    dash.scroll_into_view_if_needed()
    n_handles = dash.locator(SLIDER_HANDLE).count()
    n_canvas = dash.locator(FIGURE).count()
    if not n_handles:
        rep.notes.append("no .pk-main-slider with a slider handle inside the dashboard")
    if not n_canvas:
        rep.notes.append("no figure (a FrameView's canvas.pk-frame or an ipympl canvas) inside the dashboard")
    rep.notes += [f"{c} (its last column is cut off)" for c in dash.evaluate(JS_CUT_READOUTS)]
    if screenshot is not None:
        # a dashboard just scrolled into view may still receive its first full frame
        wait_stable(dash, quiet=1.0)
        screenshot.parent.mkdir(parents=True, exist_ok=True)
        dash.screenshot(path=str(screenshot), animations="disabled")

    # 1. main slider
    if n_handles:
        sig0, txt0 = wait_stable(dash), readout_text(dash)
        rep.slider = move_slider(dash)
        if rep.slider[0] != rep.slider[1]:
            changed = wait_changed(lambda: (canvas_signature(dash), readout_text(dash)),
                                   (sig0, txt0), timeout)
            if changed and n_canvas:  # give the figure its chance if the readout came first
                wait_changed(lambda: canvas_signature(dash), sig0, timeout)
            rep.slider_redraw = canvas_signature(dash) != sig0
            rep.slider_readout = readout_text(dash) != txt0

    # 2. toggles: try each pk-toggle until one redraws the figure
    toggles = dash.locator(".pk-toggle")
    tried = []
    for j in range(toggles.count()):
        sig0, txt0 = wait_stable(dash), readout_text(dash)
        try:
            tried.append(change_toggle(toggles.nth(j)))
        except DashboardError as e:
            tried.append(str(e))
            continue
        rep.toggle_redraw = wait_changed(lambda: canvas_signature(dash), sig0, toggle_timeout)
        rep.toggle_readout = readout_text(dash) != txt0
        if rep.toggle_redraw:
            break
    rep.toggle = "; ".join(tried)
    return rep
