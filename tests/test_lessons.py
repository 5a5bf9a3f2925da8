"""The lessons' science without widgets (pkmodel.lessons), against closed forms.

Reference formulas (Rowland & Tozer, 4th ed.): after the last dose of a one-compartment drug the
level halves every t½ = ln2·V/CL; at steady state the average level over a dosing interval is
F·Dose/(CL·τ); the accumulation ratio is 1/(1 − e^{−kτ}); 90 % of steady state takes
log2(10) half-lives. Absorption is made fast (ka = 50/h, t½,abs under a minute) so the level
falls mono-exponentially from the start of the reduction (e^{−ka·τ} is below 1e-200).
"""

from __future__ import annotations

import math

import numpy as np
import pytest

import pkmodel
from pkmodel import lessons
from pkmodel import literature as lit
from pkmodel.builders import one_compartment

V, CL = 80.0, 2.0  # L, L/h: t½ = 27.7 h
T_HALF = math.log(2) * V / CL
FAST = one_compartment(V, CL, ka=50.0)


def test_clearance_in_ml_min_per_kg():
    # 6 L/h = 100 mL/min; at 70 kg: 1.4286 mL/min/kg
    assert lessons.clearance_ml_min_per_kg(6.0, 70.0) == pytest.approx(100 / 70, rel=1e-12)


def test_stopping_regimens():
    start = 10 * 24.0
    abrupt = lessons.stopping_regimen("abrupt stop", start, 2.5, 12.0)
    assert abrupt.doses[-1].time == start - 12.0 and len(abrupt) == 20
    tap = lessons.stopping_regimen("stepwise taper", start, 2.5, 12.0)
    per_step = lessons.TAPER_STEP_DAYS * 2
    assert len(tap) == 20 + per_step * len(lessons.TAPER_FRACTIONS)
    total = sum(d.amount for d in tap.doses)
    assert total == pytest.approx(20 * 2.5 + per_step * 2.5 * sum(lessons.TAPER_FRACTIONS))
    with pytest.raises(ValueError, match="how must be one of"):
        lessons.stopping_regimen("cold turkey", start)


def test_abrupt_stop_halves_in_one_half_life_from_the_start_day():
    start = 30 * 24.0  # > 25 half-lives: steady state
    table = lessons.taper_vs_abrupt(FAST, start_h=start, species=("drug",), dose_mg=2.5, interval_h=12.0,
                                    tolerance_h=1e-6)
    abrupt = table["abrupt stop"]["drug"]
    # the last dose was at start - tau, so from `start` the level decays with k only:
    assert abrupt[0.5] * 24 == pytest.approx(T_HALF, rel=1e-5)
    assert abrupt[0.1] * 24 == pytest.approx(T_HALF * math.log2(10), rel=1e-5)


def test_taper_is_counted_from_the_same_day_and_takes_longer():
    """Issue 12: the taper's column differs from the abrupt stop's (it used to count from the
    final quarter-dose, showing nearly the abrupt numbers)."""
    model = lit.preset("elderly").model
    table = lessons.taper_vs_abrupt(model, start_h=15 * 24.0)
    for sp in ("diazepam", "desmethyldiazepam"):
        a, t = table["abrupt stop"][sp], table["stepwise taper"][sp]
        for f in lessons.WASHOUT_FRACTIONS:
            assert math.isfinite(a[f]) and math.isfinite(t[f])
            assert t[f] > a[f] + 7, f"{sp} {f}: taper {t[f]:.1f} d vs abrupt {a[f]:.1f} d"
        assert a[0.1] > a[0.5] and t[0.1] > t[0.5]


def test_accumulation_table_matches_steady_state_closed_forms():
    tau, dose = 12.0, 2.5
    reg = pkmodel.repeated(dose, tau, until=40 * 24.0)  # ~35 half-lives: steady state
    s = lessons.accumulation_table(FAST, reg, tau, species="drug", unit="mg/L")
    assert s["half_life_h"] == pytest.approx(T_HALF, rel=1e-12)
    assert s["average_last_interval"] == pytest.approx(dose / (CL * tau), rel=1e-9)
    k = CL / V
    assert s["accumulation_ratio"] == pytest.approx(1 / (1 - math.exp(-k * tau)), rel=1e-12)
    assert s["days_to_90pct"] == pytest.approx(T_HALF * math.log2(10) / 24, rel=1e-12)
    single = lessons.accumulation_table(FAST, pkmodel.single_dose(dose), tau, species="drug")
    assert math.isnan(single["average_last_interval"])


def test_accumulation_table_reuses_a_given_result():
    tau = 12.0
    reg = pkmodel.repeated(2.5, tau, until=5 * 24.0)
    r = pkmodel.simulate(FAST, reg, np.linspace(0, 6 * 24, 145))
    a = lessons.accumulation_table(FAST, reg, tau, result=r, species="drug")
    b = lessons.accumulation_table(FAST, reg, tau, species="drug")
    assert a["average_last_interval"] == pytest.approx(b["average_last_interval"], rel=1e-12)


def test_lessons_import_no_widgets_or_plotting():
    import subprocess
    import sys

    code = ("import sys, pkmodel.lessons; "
            "print(','.join(m for m in ('ipywidgets', 'matplotlib', 'IPython') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == ""


def test_last_interval_average_is_the_interval_auc_over_tau():
    reg = lit.g21_regimen()
    model = lit.preset("young adult").model
    r = pkmodel.simulate(model, reg, np.linspace(0, 16 * 24, 97))
    last, before = reg.doses[-1].time, reg.doses[-2].time
    expected = r.auc("diazepam", before, last, "ng/mL") / (last - before)
    assert lessons.last_interval_average(r, "diazepam", reg) == pytest.approx(expected, rel=1e-9)
    assert math.isnan(lessons.last_interval_average(r, "diazepam", pkmodel.single_dose(1.0)))


@pytest.mark.parametrize("tolerance_h", [0.5, 0.05, 1e-3, 1e-7])
@pytest.mark.parametrize("fraction", [0.5, 0.1, 0.013])
def test_days_until_stays_below_lands_within_tolerance_never_early(fraction, tolerance_h):
    """One IV bolus, C(t) = C0 e^{-kt}: from just after the dose (the reference is the level at
    start_h^-, so start_h sits a hair after 0) the level is below f·C0 from ln(1/f)/k on. The answer
    is the narrowed bracket's upper end: at or after the exact time, by at most tolerance_h
    (1e-7 h takes several passes of the narrowing; 0.5 h a coarser one than the 1.5 h grid step)."""
    start = 1e-9
    iv = one_compartment(V, CL)
    r = pkmodel.simulate(iv, pkmodel.single_dose(10.0, route="iv"), [0.0, 400.0])
    exact_h = math.log(1 / fraction) * T_HALF / math.log(2)  # hours after start_h
    got_h = lessons.days_until_stays_below(r, "drug", fraction, start, 400.0, tolerance_h=tolerance_h) * 24
    assert exact_h - 1e-9 <= got_h <= exact_h + tolerance_h + 1e-9


def test_days_until_stays_below_refuses_bad_steps_and_ends_at_floating_point_resolution():
    r = pkmodel.simulate(one_compartment(V, CL), pkmodel.single_dose(10.0, route="iv"), [0.0, 400.0])
    for bad in (0.0, -1.0, math.nan):
        with pytest.raises(ValueError, match=r"tolerance_h \(h\)"):
            lessons.days_until_stays_below(r, "drug", 0.5, 1e-9, 400.0, tolerance_h=bad)
        with pytest.raises(ValueError, match=r"step_h \(h\)"):
            lessons.days_until_stays_below(r, "drug", 0.5, 1e-9, 400.0, step_h=bad)
    # a tolerance below the spacing of doubles near the crossing still ends, never early
    exact_h = T_HALF
    got_h = lessons.days_until_stays_below(r, "drug", 0.5, 1e-9, 400.0, tolerance_h=1e-15) * 24
    assert exact_h - 1e-9 <= got_h <= exact_h + 1e-9


def test_grid_index_finds_a_time_only_when_it_is_on_the_grid():
    t = np.arange(0, 40 * 24 + 1, 3.0)
    assert t[lessons.grid_index(t, lessons.G21_END_H)] == 360.0 == lessons.G21_END_H
    with pytest.raises(ValueError, match=r"times_h must contain time_h = 360 h exactly"):
        lessons.grid_index(np.linspace(0, 100, 7), lessons.G21_END_H)
    with pytest.raises(ValueError, match="exactly"):
        lessons.grid_index(np.arange(0, 400, 7.0), 360.0)


def test_every_day_15_readout_is_the_level_at_360_h():
    """Population and interactions readouts quote "day 15": both are the exact level at
    G21_END_H (Result.at, the analytic solution), not at a neighbouring grid point."""
    from pkmodel.dashboards import DASHBOARDS

    pop = DASHBOARDS["population"]()
    v = pop.values()
    r, _ = pop._simulate(v["age"])
    at_end = np.asarray(r.at([lessons.G21_END_H]).concentration("diazepam", "ng/mL"))[:, 0]
    median_before = np.percentile(np.asarray(r.at([lessons.G21_END_H - 3]).concentration("diazepam", "ng/mL"))[:, 0], 50)
    shown = f">{np.percentile(at_end, 50):.3g}<"
    assert shown in pop.readout.value and f">{median_before:.3g}<" not in pop.readout.value

    ixd = DASHBOARDS["interactions"]()
    preset = lit.at_age(ixd.values()["age"])
    alone = pkmodel.simulate(preset.model, lit.g21_regimen(), [0.0, lessons.G21_END_H]).concentration(
        "diazepam", "ng/mL")[-1]
    assert f">{alone:.3g}<" in ixd.readout.value
