"""Every dashboard control swept over its whole range, without a browser.

The update behind a dashboard is plain Python (``dash.set(...)``, ``dash.data()``), so each
control is moved across its range (extremes included); the drawn data must stay finite, the
figure must change, artists must be updated in place (no pile-up) and axes must stay fixed
while a control moves unless a curve would leave them: then they only grow, and the note says
so (they fit again on Rescale or a change of scale). A blitted frame must equal a full redraw,
and the PNG frame sent to the browser must decode to exactly the pixels drawn.
"""

from __future__ import annotations

import io
import warnings

import matplotlib

matplotlib.use("Agg")

import ipywidgets as W  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from pkmodel.dashboards import DASHBOARDS  # noqa: E402
from pkmodel.dashboards.base import READOUT_DELAY_S  # noqa: E402
from tests.frame_helpers import shown_frame  # noqa: E402


def sweep_values(w):
    """Values covering a control's range: extremes plus interior points, or every option."""
    if isinstance(w, (W.FloatSlider, W.IntSlider)):
        n = int(round((w.max - w.min) / w.step))
        idx = sorted({0, n, n // 2, n // 4, (3 * n) // 4, 1, n - 1})
        vals = [w.min + i * w.step for i in idx]
        return [int(v) for v in vals] if isinstance(w, W.IntSlider) else [round(v, 10) for v in vals]
    if isinstance(w, W.Checkbox):
        return [not w.value, w.value]
    if hasattr(w, "options"):
        opts = [o[1] if isinstance(o, tuple) else o for o in w.options]
        return opts[1:] + opts[:1]
    raise AssertionError(f"no sweep rule for {type(w).__name__}")


def snapshot(dash):
    """The drawn data plus each axis's scales and limits (a log/linear toggle changes only those)."""
    snap = {k: (x.copy(), tuple(np.copy(a) for a in y) if isinstance(y, tuple) else y.copy())
            for k, (x, y) in dash.data().items()}
    for i, ax in enumerate(dash.axes):
        scale = np.array([ax.get_xscale() == "log", ax.get_yscale() == "log"], dtype=float)
        snap[f"__axes{i}__"] = (scale, np.r_[ax.get_xlim(), ax.get_ylim()])
    return snap


def same(a, b):
    if a.keys() != b.keys():
        return False
    for k in a:
        xa, ya = a[k]
        xb, yb = b[k]
        if xa.shape != xb.shape or not np.array_equal(xa, xb):
            return False
        ya = ya if isinstance(ya, tuple) else (ya,)
        yb = yb if isinstance(yb, tuple) else (yb,)
        if any(p.shape != q.shape or not np.allclose(p, q, rtol=1e-12, atol=0) for p, q in zip(ya, yb)):
            return False
    return True


def all_finite(dash):
    for k, (x, y) in dash.data().items():
        ys = y if isinstance(y, tuple) else (y,)
        if not np.all(np.isfinite(x)) or not all(np.all(np.isfinite(v)) for v in ys):
            return False
    return True


@pytest.fixture(params=sorted(DASHBOARDS))
def dash(request):
    return DASHBOARDS[request.param]()


def test_dashboard_has_contract(dash):
    assert "pk-dashboard" in dash.widget._dom_classes
    assert "pk-main-slider" in dash.controls[dash.main]._dom_classes
    assert isinstance(dash.controls[dash.main], (W.FloatSlider, W.IntSlider))
    assert any("pk-toggle" in w._dom_classes for w in dash.controls.values())
    assert dash.readout.value.strip()
    for ax in dash.axes:
        assert ax.get_xlabel() and ax.get_ylabel(), "every axis needs a label with units"
        assert "(" in ax.get_ylabel(), "y label must carry units in parentheses"


def test_pyplot_never_redraws_a_dashboard(dash):
    """In a notebook every widget message runs IPython's post_execute hook, where pyplot redraws
    the figures in its registry. A dashboard draws itself: its figure must not be registered,
    or each redraw answers the last and the kernel never rests (seen with two dashboards)."""
    import matplotlib.pyplot as plt

    n_open = len(plt.get_fignums())
    requests = []
    dash.fig.canvas.draw_idle = lambda *a, **k: requests.append(1)
    w = dash.controls[dash.main]
    dash.set(**{dash.main: sweep_values(w)[-1]})
    plt.draw_all(force=True)  # what the hook does, for every registered figure
    assert requests == [] and len(plt.get_fignums()) == n_open


def test_every_control_over_its_range_changes_figure_and_stays_finite(dash):
    for name, w in dash.controls.items():
        start = w.value
        before = snapshot(dash)
        changed = False
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # a dashboard must turn warnings into readout notes
            for v in sweep_values(w):
                dash.set(**{name: v})
                assert all_finite(dash), f"{name}={v!r} drew non-finite data"
                assert dash.readout.value.strip(), f"{name}={v!r} left an empty readout"
                changed |= not same(before, snapshot(dash))
        assert changed, f"control {name!r} never changed the figure"
        dash.set(**{name: start})


def fitted_items(dash, ax_index):
    """The drawn items that decide an axis' limits (reference lines such as "last dose" excluded)."""
    return [item for key, item in dash._view.artists.items()
            if item.ax == ax_index and not getattr(item, "marker", False)]


def ys_of(item):
    return [np.asarray(item.y)] if hasattr(item, "y") else [np.asarray(item.low), np.asarray(item.high)]


def assert_nothing_clipped(dash, where):
    """Every drawn value inside the axes: max <= top, x inside; on a log axis every curve's peak
    above the bottom (a washout tail may leave through the bottom of a log axis, as it decays)."""
    for i, ax in enumerate(dash.axes):
        lo, hi = ax.get_ylim()
        x0, x1 = ax.get_xlim()
        for item in fitted_items(dash, i):
            x = np.asarray(item.x)
            assert x.min() >= x0 - 1e-9 * abs(x0) and x.max() <= x1 + 1e-9 * abs(x1), f"{where}: x outside"
            for y in ys_of(item):
                assert y.max() <= hi * (1 + 1e-12), f"{where}: data max {y.max():g} above the axes ({hi:g})"
                if ax.get_yscale() == "log":
                    assert lo > 0
                    assert y.max() >= lo, f"{where}: a whole curve below the log axis ({y.max():g} < {lo:g})"
                else:
                    assert y.min() >= lo - 1e-12 * abs(hi), f"{where}: data min {y.min():g} below the axes"


def points_under_legend(dash, ax, limits=None) -> int:
    """How many drawn data points (of the items that decide the limits) lie inside ``ax``'s
    legend box, in pixels, with the axes at ``limits`` (default: as they are). Lines sampled at
    their own points; a legend outside the axes covers nothing of them."""
    legend = ax.get_legend()
    if legend is None:
        return 0
    shown = ax.get_xlim(), ax.get_ylim()
    if limits is not None:
        ax.set_xlim(*limits[0])
        ax.set_ylim(*limits[1])
    try:
        renderer = dash.fig.canvas.get_renderer()
        box, frame = legend.get_window_extent(renderer), ax.get_window_extent(renderer)
        n = 0
        for item in fitted_items(dash, dash.axes.index(ax)):
            for y in ys_of(item):
                with np.errstate(divide="ignore", invalid="ignore"):
                    px, py = ax.transData.transform(np.column_stack([np.asarray(item.x, float), y])).T
                seen = (np.isfinite(px) & np.isfinite(py) & (px >= frame.x0) & (px <= frame.x1)
                        & (py >= frame.y0) & (py <= frame.y1))
                n += int(np.sum(seen & (px >= box.x0) & (px <= box.x1) & (py >= box.y0) & (py <= box.y1)))
        return n
    finally:
        ax.set_xlim(*shown[0])
        ax.set_ylim(*shown[1])


def would_leave(dash, ax, limits):
    """Would the drawn data leave ``limits``: above the top, below a linear bottom, outside in x,
    (log axis) a curve's peak within the peak margin of the bottom, or under the legend?"""
    from pkmodel.dashboards.live_figure import LOG_PEAK_MARGIN

    if points_under_legend(dash, ax, limits):
        return True
    (x0, x1), (y0, y1) = limits
    for item in fitted_items(dash, dash.axes.index(ax)):
        x = np.asarray(item.x)
        if x.min() < x0 or x.max() > x1:
            return True
        for y in ys_of(item):
            if y.max() > y1:
                return True
            if ax.get_yscale() == "log" and y.max() / LOG_PEAK_MARGIN < y0:
                return True
            if ax.get_yscale() == "linear" and y.min() < y0:
                return True
    return False


def contains(outer, inner):
    (ox0, ox1), (oy0, oy1) = outer
    (ix0, ix1), (iy0, iy1) = inner
    return ox0 <= ix0 and ox1 >= ix1 and oy0 <= iy0 and oy1 >= iy1


def test_updates_reuse_artists_and_axes_only_grow_when_data_would_leave_them(dash):
    ax = dash.axes[0]
    n_lines, n_patches = len(ax.lines), len(ax.patches)
    w = dash.controls[dash.main]
    for v in sweep_values(w):
        limits = (ax.get_xlim(), ax.get_ylim())
        dash.set(**{dash.main: v})
        now = (ax.get_xlim(), ax.get_ylim())
        if now != limits:
            assert contains(now, limits), f"{dash.main}={v!r}: axes shrank or moved {limits} -> {now}"
            assert "Axes extended" in dash.note.value, "an extension must be reported in the note"
            assert would_leave(dash, ax, limits), f"{dash.main}={v!r}: axes grew though nothing left them"
    assert len(ax.lines) == n_lines and len(ax.patches) == n_patches, "figure artists piled up"
    dash.rescale()
    assert "Axes extended" not in dash.note.value
    assert np.all(np.isfinite(ax.get_ylim()))


def test_axes_never_clip_at_the_extremes_of_every_control(dash):
    """Issue 12: fixed axes for comparison, but never clipping, for every control at its extremes."""
    assert_nothing_clipped(dash, "default")
    for name, w in dash.controls.items():
        start = w.value
        for v in extremes(w):
            dash.set(**{name: v})
            assert_nothing_clipped(dash, f"{name}={v!r}")
            for other, w2 in dash.controls.items():  # every other control at its extremes too
                if other == name:
                    continue
                start2 = w2.value
                for v2 in extremes(w2):
                    dash.set(**{other: v2})
                    assert_nothing_clipped(dash, f"{name}={v!r}, {other}={v2!r}")
                dash.set(**{other: start2})
        dash.set(**{name: start})


@pytest.mark.parametrize("lecture", ["", "1"], ids=["notebook", "lecture"])
@pytest.mark.parametrize("name", sorted(DASHBOARDS))
def test_layout_run_alone_places_the_axes_where_a_full_draw_does(name, lecture, monkeypatch):
    """The dashboards run constrained layout by itself (no drawing, cheaper on a move that
    grows the axes); the axes must end up exactly where matplotlib's own layout-at-draw puts
    them, after construction and after the main control's largest value grows the axes."""
    monkeypatch.setenv("PKMODEL_LECTURE", lecture)
    dash = DASHBOARDS[name]()
    main = dash.controls[dash.main]
    for value in (main.value, sweep_values(main)[-1]):
        dash.set(**{dash.main: value})
        dash.live.relayout()
        ours = [ax.get_position().bounds for ax in dash.axes]
        dash.fig.set_layout_engine("constrained")
        dash.fig.draw_without_rendering()
        dash.fig.set_layout_engine("none")
        reference = [ax.get_position().bounds for ax in dash.axes]
        # figure fractions; 1e-6 is a thousandth of a pixel on the widest figure (the layout
        # solver's own round-off is ~1e-10)
        np.testing.assert_allclose(ours, reference, rtol=0, atol=1e-6, err_msg=f"{name} at {dash.main}={value!r}")


@pytest.mark.parametrize("lecture", ["", "1"], ids=["notebook", "lecture"])
@pytest.mark.parametrize("name", sorted(DASHBOARDS))
def test_no_legend_covers_a_curve_at_the_extremes_of_every_control(name, lecture, monkeypatch):
    """A legend inside the axes sits on empty space: no drawn data point under it, at the
    start and with each control at its extremes, in the notebook and at lecture mode's
    projector type (once the comparison's five-line legend covered the young adults' washout
    tails, and log axes put the plateaus of four dashboards under theirs). A legend outside
    the axes stays inside the figure (once a checkbox added a row that the top edge cut off)."""
    monkeypatch.setenv("PKMODEL_LECTURE", lecture)
    dash = DASHBOARDS[name]()

    def check(where):
        dash.fig.draw_without_rendering()
        for ax in dash.axes:
            n = points_under_legend(dash, ax)
            assert n == 0, f"{where}: {n} data points under the legend of {ax.get_title() or 'the axes'}"
            if ax.get_legend() is not None:
                box, fig = ax.get_legend().get_window_extent(), dash.fig.bbox
                assert (box.x0 >= fig.x0 - 1 and box.y0 >= fig.y0 - 1 and box.x1 <= fig.x1 + 1
                        and box.y1 <= fig.y1 + 1), f"{where}: legend {box.extents} cut off by the figure {fig.extents}"

    check("default")
    for control, w in dash.controls.items():
        start = w.value
        for v in extremes(w):
            dash.set(**{control: v})
            check(f"{control}={v!r}")
        dash.set(**{control: start})


def test_comparison_panels_share_one_y_range():
    """Young above elderly are compared by eye: both panels keep the same y limits, fitted,
    grown or switched to log."""
    dash = DASHBOARDS["comparison"]()
    for settings in ({}, {"dose": 10.0, "per_day": 4}, {"days": 30}, {"scale": "log"}, {"scale": "linear"}):
        dash.set(**settings)
        young, elderly = (ax.get_ylim() for ax in dash.axes)
        assert young == elderly, f"{settings}: {young} vs {elderly}"


def extremes(w):
    """A control's extreme values: a slider's min and max, every option of a choice."""
    if isinstance(w, (W.FloatSlider, W.IntSlider)):
        return [w.min, w.max] if isinstance(w, W.FloatSlider) else [int(w.min), int(w.max)]
    return sweep_values(w)


def test_scale_toggle_switches_axis(dash):
    if "scale" not in dash.controls:
        pytest.skip("no linear/log toggle on this dashboard")
    for scale in ("log", "linear"):
        dash.set(scale=scale)
        assert dash.axes[0].get_yscale() == scale
        lo, hi = dash.axes[0].get_ylim()
        assert 0 <= lo < hi and np.isfinite(hi)


def test_unknown_control_is_a_clear_error(dash):
    with pytest.raises(ValueError, match="unknown control 'nope'"):
        dash.set(nope=1)


def test_no_dashboard_offers_a_dose_recommendation():
    import pkmodel.dashboards as d

    for name in dir(d):
        assert "recommend" not in name.lower() and "dose_for" not in name.lower()


def test_legend_follows_colour_changes():
    """The legend is cached between steps; it must be remade when a line changes colour
    (the lifespan curve turns from the young to the elderly colour at 50 years)."""
    from matplotlib.colors import same_color

    from pkmodel.dashboards import LifespanDashboard

    d = LifespanDashboard()
    for age in (30, 80):
        d.set(age=age)
        legend = d.axes[0].get_legend()
        entry = {t.get_text(): h for t, h in zip(legend.get_texts(), legend.legend_handles)}
        assert same_color(entry["diazepam, selected age"].get_color(), d._artists["age-dz"].get_color())


def frame(dash):
    return np.asarray(dash.fig.canvas.buffer_rgba()).copy()


def test_blitted_frames_equal_full_redraws_after_slider_moves(dash):
    """Ghost curves (issue 12): after a sequence of moves of every control, each blitted frame
    (cached background + moved lines + pasted legend interior) must be pixel for pixel the
    full redraw of the same state; and the moves must really have been blitted."""
    dash.render = True
    dash.refresh()  # a full frame: caches background and legend
    blits = dash.live.blitter.blits
    moves = []
    for name, w in dash.controls.items():
        if name == "scale":
            continue
        moves += [(name, v) for v in sweep_values(w)[:3]]
    moves += [(dash.main, v) for v in sweep_values(dash.controls[dash.main])]
    for name, v in moves:
        dash.set(**{name: v})
        blitted = frame(dash)
        sent = shown_frame(dash._figure_box)  # the frame the browser shows: key frame + patch
        assert np.array_equal(sent, blitted), f"{name}={v!r}: the frame sent is not the frame drawn"
        dash.live.blitter.invalidate()  # nothing cached: the legends typeset again too
        dash.live.blitter.draw(force_full=True)  # full redraw of the same state
        full = frame(dash)
        assert blitted.shape == full.shape
        differ = np.any(blitted != full, axis=-1)
        assert not differ.any(), (f"{name}={v!r}: blitted frame differs from a full redraw in "
                                  f"{differ.sum()} pixels (stale background or legend)")
    assert dash.live.blitter.blits > blits, "no update was blitted: the test compared nothing"


def test_a_frame_drawn_in_full_for_extended_axes_pastes_its_unmoved_legend_correctly():
    """Notebook 4, dose 3 -> 3.5 mg: the plateau extends the y axis (a full draw), the legend
    stays where it was, so its cached interior is pasted, not typeset again; the frame must
    still be pixel for pixel a draw with nothing cached."""
    from pkmodel.dashboards import AccumulationDashboard

    dash = AccumulationDashboard()
    dash.render = True
    dash.set(dose=3.0)
    blitter = dash.live.blitter
    ylim, full, pasted = dash.axes[0].get_ylim(), blitter.full_draws, blitter.legends_pasted
    dash.set(dose=3.5)
    assert dash.axes[0].get_ylim()[1] > ylim[1], "the test needs a step that extends the axes"
    assert blitter.full_draws == full + 1 and blitter.legends_pasted > pasted, \
        "the extended frame should be a full draw with its legend pasted"
    drawn = frame(dash)
    blitter.invalidate()
    blitter.draw(force_full=True)
    differ = np.any(drawn != frame(dash), axis=-1)
    assert not differ.any(), f"pasted legend differs from a fresh draw in {differ.sum()} pixels"


def test_blit_cache_is_dropped_when_limits_or_size_change(dash):
    """Any change the background depends on forces a full draw (no stale ticks or curves)."""
    dash.render = True
    dash.refresh()
    blitter = dash.live.blitter
    assert blitter.can_blit()
    ax = dash.axes[0]
    lo, hi = ax.get_ylim()
    ax.set_ylim(lo, hi * 2)
    assert not blitter.can_blit(), "new limits must invalidate the background"
    dash.rescale()
    assert blitter.can_blit()
    dash.fig.set_size_inches(dash.fig.get_size_inches() * 1.1)
    assert not blitter.can_blit(), "a new figure size must invalidate the background"


def refused_values(w):
    """(value, exception) pairs a control must refuse: out of range, off its step, unknown, wrong type."""
    if isinstance(w, (W.FloatSlider, W.IntSlider)):
        bad = [(w.max + w.step, ValueError), (w.min - w.step, ValueError), (float("nan"), ValueError),
               ("5", TypeError), (None, TypeError), (True, TypeError)]
        if isinstance(w, W.IntSlider):
            bad.append((w.min + 0.5, ValueError))
        else:
            bad.append((round(w.min + w.step / 2, 12), ValueError))
        return bad
    if isinstance(w, W.Checkbox):
        return [(1, TypeError), ("yes", TypeError), (None, TypeError)]
    return [("no such option", ValueError), (None, ValueError), (3.5, ValueError)]


def test_set_refuses_out_of_range_off_step_and_unknown_values_and_changes_nothing(dash):
    """Issue 9: a dashboard never clamps; set() names the control, the value and what it takes."""
    before_values = dash.values()
    before = snapshot(dash)
    for name, w in dash.controls.items():
        for value, exc in refused_values(w):
            with pytest.raises(exc) as info:
                dash.set(**{name: value})
            msg = str(info.value)
            assert repr(name) in msg and repr(value) in msg, msg
            if isinstance(w, (W.FloatSlider, W.IntSlider)):
                assert f"{w.min:g}" in msg and f"{w.max:g}" in msg and f"steps of {w.step:g}" in msg, msg
            elif not isinstance(w, W.Checkbox):
                assert repr(sweep_values(w)[0]) in msg, msg  # the options are listed
    # a bad value among good ones changes nothing either
    good = {dash.main: sweep_values(dash.controls[dash.main])[0]}
    bad_name = next(iter(dash.controls))
    with pytest.raises((TypeError, ValueError)):
        dash.set(**good, **{bad_name: None})
    assert dash.values() == before_values
    assert same(snapshot(dash), before)


def test_unknown_control_suggests_the_closest_name(dash):
    name = dash.main[:-1] + "x" if len(dash.main) > 2 else dash.main + "x"
    with pytest.raises(ValueError, match=f"did you mean {dash.main!r}"):
        dash.set(**{name: 1})


def test_lifespan_dashboard_refuses_the_reported_clamps():
    """The tester's examples: age 200 and 50.5, volume 1000 were silently clamped or rounded."""
    from pkmodel.dashboards import HalfLifeDashboard, LifespanDashboard

    life = LifespanDashboard()
    with pytest.raises(ValueError, match=r"'age'.*200"):
        life.set(age=200)
    with pytest.raises(ValueError, match=r"'age'.*50\.5"):
        life.set(age=50.5)
    with pytest.raises(ValueError, match=r"'volume'.*1000"):
        HalfLifeDashboard().set(volume=1000)


def test_layout_fits_a_projector(dash):
    """Issue 12: legends >= 10 pt, slider tracks >= 250 px, the whole dashboard inside JupyterLab's
    850 px output area (1280x720, file browser open). Widths and heights are estimated from the
    layout's declared sizes (base.ROW_PX, SLIDER_READOUT_PX: assumptions written there)."""
    from pkmodel.dashboards.base import OUTPUT_AREA_PX, SLIDER_MARGINS_PX, SLIDER_READOUT_PX

    for ax in dash.axes:
        legend = ax.get_legend()
        if legend is not None:
            assert min(t.get_fontsize() for t in legend.get_texts()) >= 10
    assert dash.slider_track_px() >= 250
    for name, w in dash.controls.items():
        if isinstance(w, (W.FloatSlider, W.IntSlider)):
            assert int(w.layout.width.removesuffix("px")) - SLIDER_READOUT_PX - SLIDER_MARGINS_PX >= 250, name
            assert w.description == "", f"{name}: its label sits above the slider, not beside it"
    assert dash.estimated_width_px() <= OUTPUT_AREA_PX


def test_modifiers_dashboard_is_no_taller_than_700_px():
    """Notebook 6's dashboard (its note was cut off at 720 px), at default and with every change on."""
    from pkmodel.dashboards import ModifiersDashboard

    d = ModifiersDashboard()
    assert d.estimated_height_px() <= 700
    d.set(genotype="m1/m1", cirrhosis=True, cimetidine=True, fluvoxamine=True, rifampin=True, age=100)
    assert "never studied together" in d.note.value
    assert d.estimated_height_px() <= 700, d.estimated_height_px()


def test_height_estimate_counts_rows():
    """The estimate grows with the note and the controls (so the 700 px check can fail)."""
    from pkmodel.dashboards import ModifiersDashboard
    from pkmodel.dashboards.base import ROW_PX

    d = ModifiersDashboard()
    before = d.estimated_height_px()
    d.note.value = "word " * 2000
    assert d.estimated_height_px() > before + 50 * ROW_PX["note_line"]


def test_axes_end_at_round_numbers_just_above_the_data():
    from pkmodel.dashboards.live_figure import ROUND_STEPS, round_up

    for value in np.geomspace(1e-3, 1e5, 97):
        top = round_up(value)
        mantissa = top / 10 ** np.floor(np.log10(top) + 1e-12)
        assert value <= top <= value * 4 / 3 * (1 + 1e-12)
        assert any(np.isclose(mantissa, m) for m in ROUND_STEPS)


def test_stopping_table_compares_taper_and_abrupt_from_the_same_day():
    """Issue 12: in taper mode the table counted from the final quarter-dose and showed nearly the
    abrupt numbers. Now both columns count from the slider's day, and the taper's are longer."""
    from pkmodel import lessons
    from pkmodel import literature as lit
    from pkmodel.dashboards import StoppingDashboard

    d = StoppingDashboard()
    for how in ("abrupt stop", "stepwise taper"):
        d.set(how=how, stop_day=20)
        head, *rows = d._view.rows
        assert "day 20" in head[0]
        assert len(rows) == 2 * len(lit.PRESETS)
        for row in rows:
            stop_half, taper_half, stop_tenth, taper_tenth = row[1:]
            assert float(taper_half) > float(stop_half)
            if taper_tenth != "beyond the plot":
                assert float(taper_tenth) > float(stop_tenth)
    young = lessons.taper_vs_abrupt(lit.preset(lit.PRESETS[0]).model, start_h=20 * 24.0,
                                    horizon_h=d.horizon_days * 24.0)
    assert rows[0][1] == f"{young['abrupt stop']['diazepam'][0.5]:.2g}"


def test_notebook_4_plateau_never_runs_off_the_top():
    """Issue 12: at 10 mg four times a day the plateau ran off an axis fixed for 2.5 mg."""
    from pkmodel.dashboards import AccumulationDashboard

    d = AccumulationDashboard()
    top = d.axes[0].get_ylim()[1]
    d.set(dose=10.0, per_day=4)
    peak = max(float(np.max(y)) for _, y in d.data().values())
    assert peak > top, "the test needs a curve that would have left the old axes"
    assert d.axes[0].get_ylim()[1] >= peak
    assert "Axes extended" in d.note.value
    d.rescale()
    assert "Axes extended" not in d.note.value and d.axes[0].get_ylim()[1] >= peak


def test_the_frame_is_sent_before_the_readout(dash):
    """The figure is what a student watches: for every control (the scale toggle, which refits
    the axes, included) an update sends the new frame first; the readout, and a table a lesson
    computes late (the comparison and stopping lessons' washout searches), come after it."""
    dash.render = True
    events = []
    draw = dash._draw
    dash._draw = lambda: (draw(), events.append("frame"))  # after the frame is drawn and sent
    dash.readout.observe(lambda change: events.append("readout"), names="value")
    compute = dash.compute

    def tracing(values):
        view = compute(values)
        if callable(view.rows):
            table = view.rows
            view.rows = lambda: (events.append("table"), table())[1]
        return view

    dash.compute = tracing
    for name, w in dash.controls.items():
        events.clear()
        dash.set(**{name: next(v for v in sweep_values(w) if v != w.value)})
        assert "frame" in events, f"{name}: no frame drawn"
        for later in ("table", "readout"):
            if later in events and "frame" in events:
                assert events.index("frame") < events.index(later), f"{name}: {events}"
    assert not callable(dash._view.rows)


@pytest.mark.parametrize("name", sorted(DASHBOARDS))
def test_first_frame_sent_is_the_figure_as_laid_out(name, monkeypatch):
    """The frame a browser shows first must be the figure as it stands after construction,
    lecture mode's relayout (labels wrapped to fit the projector's type) included: once the
    first frame went out before that relayout and stayed on screen until a slider moved."""
    from pkmodel.dashboards.base import Dashboard

    monkeypatch.setattr(Dashboard, "render", True)
    for lecture in ("", "1"):
        monkeypatch.setenv("PKMODEL_LECTURE", lecture)
        dash = DASHBOARDS[name]()
        sent = shown_frame(dash._figure_box)
        dash.live.blitter.draw(force_full=True)
        assert np.array_equal(sent, frame(dash)), f"lecture={lecture!r}: first frame is not the figure shown"


def test_readout_follows_the_frame_in_a_kernel_and_set_waits_for_it(monkeypatch):
    """Inside an event loop (a kernel) a move from the browser shows the frame first and the
    readout :data:`READOUT_DELAY_S` later (not on the loop's next turn: the frame must be drawn
    first), once for moves that arrive together; ``set()`` never
    returns before the readout matches the controls. Outside a loop the readout is immediate."""
    import asyncio

    from pkmodel.dashboards import base

    delay = 0.5  # the mechanism, with room: two moves on a loaded machine may take over 30 ms
    monkeypatch.setattr(base, "READOUT_DELAY_S", delay)
    dash = DASHBOARDS["stopping"]()
    main = dash.controls[dash.main]
    start = dash.readout.value
    values = [v for v in sweep_values(main) if v != main.value][:2]
    computed = []
    original = dash._show_readout

    def counting():
        computed.append(main.value)
        original()

    dash._show_readout = counting

    async def in_kernel():
        for v in values:  # two browser moves before the loop turns
            main.value = v
        stale = dash.readout.value
        await asyncio.sleep(0)  # the loop's next turn: still waiting for the frame to be drawn
        next_turn = dash.readout.value
        await asyncio.sleep(2 * delay)
        fresh = dash.readout.value
        dash.set(**{dash.main: values[0]})  # the API: readout current on return, no turn needed
        return stale, next_turn, fresh, dash.readout.value

    def scenario():  # in a thread of its own: pytest's thread may hold another library's loop
        stale, next_turn, fresh, after_set = asyncio.run(in_kernel())
        main.value = values[-1]  # no loop running here now: at once
        return stale, next_turn, fresh, after_set, dash.readout.value

    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(1) as pool:
        stale, next_turn, fresh, after_set, no_loop = pool.submit(scenario).result(timeout=60)
    assert stale == start, "the readout was computed before the frame's message could leave"
    assert next_turn == start, "the readout was sent on the loop's next turn, before the frame is drawn"
    assert fresh != start and computed[0] == values[-1], "the deferred readout is not the latest state's"
    assert len(computed) == 3, f"expected one readout for two moves, one for set(), one without a loop; got {computed}"
    assert after_set != fresh and not dash._readout_pending
    assert no_loop == fresh


def test_a_readout_shown_directly_leaves_no_deferred_one_to_repeat():
    """A move defers the readout; a rescale before the loop turns shows it at once, and the
    deferred turn then shows nothing more (one readout built and sent per state, not two)."""
    import asyncio
    from concurrent.futures import ThreadPoolExecutor

    dash = DASHBOARDS["stopping"]()
    main = dash.controls[dash.main]
    shown = []
    original = dash._show_readout

    def counting():
        shown.append(main.value)
        original()

    dash._show_readout = counting
    target = next(v for v in sweep_values(main) if v != main.value)

    async def in_kernel():
        main.value = target
        pending = dash._readout_pending
        dash.rescale()  # shows the readout now
        await asyncio.sleep(2 * READOUT_DELAY_S)  # the deferred readout's time
        return pending

    with ThreadPoolExecutor(1) as pool:
        pending = pool.submit(lambda: asyncio.run(in_kernel())).result(timeout=60)
    assert pending, "the move did not defer its readout"
    assert shown == [target], f"readouts shown: {shown}"


def test_regimen_sliders_span_the_labels_doses_from_its_records(monkeypatch):
    """Notebooks 4 and 9: dose and doses-a-day bounds are the label's (one source: its records),
    so a corrected record moves both dashboards' sliders; neither types its own bounds."""
    from pkmodel.dashboards import AccumulationDashboard, ComparisonDashboard
    from pkmodel.dashboards import view as view_module
    from pkmodel.literature import label

    for cls in (AccumulationDashboard, ComparisonDashboard):
        d = cls()
        assert (d.controls["dose"].min, d.controls["dose"].max) == (label.MUSCLE_SPASM.low.value,
                                                                    label.MUSCLE_SPASM.high.value)
        assert [v for _, v in d.controls["per_day"].options] == list(range(
            min(x.times_a_day[0] for x in label.DOSES), max(x.times_a_day[1] for x in label.DOSES) + 1))
    monkeypatch.setattr(view_module, "LABEL_DOSE_RANGE_MG", (1.0, 6.0))
    monkeypatch.setattr(view_module, "LABEL_TIMES_A_DAY", (2, 3))
    for cls in (AccumulationDashboard, ComparisonDashboard):
        d = cls()
        assert (d.controls["dose"].min, d.controls["dose"].max) == (1.0, 6.0), cls.__name__
        assert [v for _, v in d.controls["per_day"].options] == [2, 3], cls.__name__


def test_a_frame_after_saving_the_figure_equals_a_draw_with_nothing_cached(dash):
    """``save`` draws every legend at 150 dpi without a draw event: the next frame must not
    paste a cached legend interior into a frame drawn at the saved figure's place (its extents
    are checked as well as its axes' place; found in review, 9 of 10 dashboards lost a frame)."""
    dash.render = True
    dash.refresh()
    dash.save(io.BytesIO(), format="png")
    dash.set(**{dash.main: dash._first_move()})
    drawn = frame(dash)
    dash.live.blitter.invalidate()
    dash.live.blitter.draw(force_full=True)
    differ = np.any(drawn != frame(dash), axis=-1)
    assert not differ.any(), f"frame after a save differs from a fresh draw in {differ.sum()} pixels"


def test_only_legends_at_a_fixed_place_have_their_pixels_reused(monkeypatch):
    """A legend at ``loc="best"`` moves with the data, so the blitter must never paste its old
    interior; a legend at a fixed ``loc`` is pasted on later blits (and stays right)."""
    from pkmodel.dashboards.half_life import HalfLifeDashboard

    for loc, reused in (("upper right", True), ("best", False)):
        monkeypatch.setattr(HalfLifeDashboard, "legend_loc", lambda self, ax, loc=loc: loc)
        dash = HalfLifeDashboard()
        dash.render = True
        dash.refresh()
        assert all(lg.pk_fixed_place is reused for lg in (ax.get_legend() for ax in dash.axes) if lg)
        pasted = dash.live.blitter.legends_pasted
        w = dash.controls[dash.main]
        for v in sweep_values(w)[:4]:
            dash.set(**{dash.main: v})
        assert (dash.live.blitter.legends_pasted > pasted) is reused, f"loc={loc!r}"
        blitted = frame(dash)
        dash.live.blitter.invalidate()
        dash.live.blitter.draw(force_full=True)
        assert np.array_equal(blitted, frame(dash)), f"loc={loc!r}: blitted frame differs from a full redraw"
