"""Lesson 9 (diazepam vs the conjugated benzodiazepines; stopping with a short-acting comparator).

Headless numbers against closed forms computed here from the sources' values, and against an
independent simulation (a long repeated regimen measured at steady state).
"""

from __future__ import annotations

import dataclasses
import math

import numpy as np
import pytest

from pkmodel import lessons_compare as lc
from pkmodel import literature as lit
from pkmodel import metrics
from pkmodel.literature import label
from pkmodel.literature.drugs import lorazepam as lz_module
from pkmodel.literature.drugs import oxazepam as ox_module
from pkmodel.literature.drugs import temazepam as tz_module
from pkmodel.regimen import repeated
from pkmodel.simulate import simulate

DOSE, TAU, DAYS = 2.5, 12.0, 15


@pytest.fixture(scope="module")
def table():
    return lc.compare_drugs(DOSE, TAU, DAYS)


def reported_half_life(drug, group):
    """Each study's reported t½ (h), read from the source records, not from the models."""
    if drug == "lorazepam":
        return lz_module.G79L_T_HALF[group].value
    sexes = {"oxazepam": ox_module.OX1_T_HALF, "temazepam": tz_module.TZ1_T_HALF}[drug]
    return (sexes["male"].value + sexes["female"].value) / 2  # both groups: the study found no age relation


@pytest.mark.parametrize("drug", ["oxazepam", "lorazepam", "temazepam"])
@pytest.mark.parametrize("group", lc.GROUPS)
def test_conjugated_drugs_follow_the_one_compartment_closed_forms(table, drug, group):
    """t½ as the study reported; accumulation 1/(1-2^(-τ/t½)); 90 % of steady state and 10 % after
    stopping both log2(10)·t½ (one compartment; the last dose is fully absorbed 12 h later, to
    2^-24). Tolerance 0.01 day: the crossing is located to 0.05 h."""
    th = reported_half_life(drug, group)
    row = table[drug][group][drug]
    assert row["half_life_h"] == pytest.approx(th, rel=1e-12)
    assert row["accumulation_ratio"] == pytest.approx(1 / (1 - 2 ** (-TAU / th)), rel=1e-12)
    assert row["days_to_90pct"] == pytest.approx(math.log2(10) * th / 24, rel=1e-12)
    assert row["days_below_10pct"] == pytest.approx(math.log2(10) * th / 24, abs=0.01)
    assert row["days_below_10pct"] == pytest.approx(metrics.washout_time(th, 0.1) / 24, abs=0.01)


def test_parent_steady_state_average_is_f_dose_over_cl_tau(table):
    """C̄ss = F·D/(CL·τ) (mg/L → ng/mL ×1000), from each preset's clearance and bioavailability;
    the package integrates a single dose instead. Tolerance 1e-9 relative (tail 2^-40)."""
    for drug in lc.COMPARED_DRUGS:
        for group in lc.GROUPS:
            p = lit.preset(group, drug=drug)
            f = p.model.absorption.bioavailability
            expected = 1000 * metrics.steady_state_average(DOSE, TAU, p.clearance(), f)
            assert table[drug][group][drug]["steady_state_average"] == pytest.approx(expected, rel=1e-9)


@pytest.mark.parametrize("group", lc.GROUPS)
def test_metabolite_steady_state_average_matches_a_long_simulated_regimen(table, group):
    """Desmethyldiazepam's C̄ss, measured independently: 60 half-lives of the whole system of
    twice-daily dosing, then the exact interval AUC ÷ τ (metrics.interval_summary). The residual
    approach to steady state is 2^-60, so 1e-9 relative."""
    model = lit.preset(group).model
    n = int(math.ceil(60 * model.terminal_half_life() / TAU))
    reg = repeated(DOSE, TAU, count=n + 1)
    t_last = n * TAU
    r = simulate(model, reg, np.array([0.0, t_last - TAU, t_last]))
    measured = metrics.interval_summary(r, "desmethyldiazepam", t_last - TAU, TAU, "ng/mL").caverage
    assert table["diazepam"][group]["desmethyldiazepam"]["steady_state_average"] == pytest.approx(measured, rel=1e-9)


def test_diazepam_changes_with_age_the_conjugated_drugs_little_or_not(table):
    """The lesson's point, from the sources: diazepam's t½ 31 → 86 h in G21 (×2.8); lorazepam
    14.1 → 15.9 h (G79L, ×1.13); oxazepam and temazepam the same (no age relation found)."""
    v = lit.diazepam.v
    assert lc.elderly_to_young(table, "diazepam") == pytest.approx(
        v.G21_T_HALF_DZ_ELDERLY.value / v.G21_T_HALF_DZ_YOUNG.value, rel=1e-6)
    assert lc.elderly_to_young(table, "lorazepam") == pytest.approx(15.9 / 14.1, rel=1e-12)
    assert lc.elderly_to_young(table, "oxazepam") == 1.0
    assert lc.elderly_to_young(table, "temazepam") == 1.0
    for drug in ("oxazepam", "lorazepam", "temazepam"):
        assert table[drug]["elderly"][drug]["days_below_10pct"] < table["diazepam"]["young adult"]["diazepam"][
            "days_below_10pct"]
    # the metabolite outlasts its parent after stopping in both groups
    for group in lc.GROUPS:
        dz = table["diazepam"][group]
        assert dz["desmethyldiazepam"]["days_below_10pct"] > dz["diazepam"]["days_below_10pct"]


def test_metabolite_off_drops_it(table):
    t = lc.compare_drugs(DOSE, TAU, DAYS, drugs=("diazepam",), metabolite=False)
    assert list(t["diazepam"]["elderly"]) == ["diazepam"]
    assert t["diazepam"]["elderly"]["diazepam"] == table["diazepam"]["elderly"]["diazepam"]


def test_relative_curve_averages_one_at_steady_state():
    """Divided by its own C̄ss, a curve's average over an interval at steady state is 1 (oxazepam
    at day 15 is 45 half-lives in). Trapezoid on 1201 points per interval: 1e-4."""
    t = np.linspace(14 * 24, 14 * 24 + TAU, 1201)
    c = lc.drug_course("oxazepam", "elderly", DOSE, TAU, DAYS, t)["oxazepam"]["relative"]
    assert np.trapezoid(c, t) / TAU == pytest.approx(1.0, abs=1e-4)


def test_stopping_comparison_abrupt_lorazepam_is_the_closed_form_and_the_taper_is_longer():
    out = lc.stopping_comparison("elderly")
    th = lz_module.G79L_T_HALF["elderly"].value
    abrupt = out["lorazepam"]["abrupt stop"]["lorazepam"]
    assert abrupt[0.5] == pytest.approx(th / 24, abs=0.01)
    assert abrupt[0.1] == pytest.approx(math.log2(10) * th / 24, abs=0.01)
    for drug, rows in out.items():
        for sp in rows["abrupt stop"]:
            for f in (0.5, 0.1):
                assert rows["stepwise taper"][sp][f] > rows["abrupt stop"][sp][f], (drug, sp, f)
    # diazepam's own fall after an abrupt stop is slower than lorazepam's by its half-life
    assert out["diazepam"]["abrupt stop"]["diazepam"][0.1] > 4 * abrupt[0.1]


def test_stopping_days_do_not_depend_on_the_dose():
    """Linear kinetics: the fractions are dose-free (the lesson uses one regimen in mg for all)."""
    a = lc.stopping_comparison("young adult", drugs=("oxazepam",), dose_mg=2.5)
    b = lc.stopping_comparison("young adult", drugs=("oxazepam",), dose_mg=10.0)
    for how in a["oxazepam"]:
        for f, d in a["oxazepam"][how]["oxazepam"].items():
            assert b["oxazepam"][how]["oxazepam"][f] == pytest.approx(d, abs=0.01)


def test_bad_input_is_a_clear_error():
    with pytest.raises(ValueError, match="drug must be one of"):
        lc.species_of("midazolam")
    with pytest.raises(TypeError, match="drug must be a string"):
        lc.species_of(3)
    with pytest.raises(ValueError, match="drug must be one of"):
        lc.stopping_comparison("elderly", drugs=("temazepam",))
    with pytest.raises(ValueError, match="dose_mg"):
        lc.steady_state_average(lit.preset("elderly").model, "diazepam", -1.0, 12.0)


def test_label_source_is_registered_identifier_pending_and_cited():
    assert "LABEL" in lit.SOURCES and "LABEL" in lit.IDENTIFIER_PENDING
    assert lit.SOURCES["LABEL"].identifier is None
    assert "not yet verified" in lit.cite("LABEL")
    for dose in label.DOSES:
        for v in (dose.low, dose.high):
            assert v.source_key == "LABEL" and v.unit == "mg"
    assert "three or four" in label.MUSCLE_SPASM.low.reported
    assert "two to four" in label.ANXIETY.low.reported
    assert "once or twice" in label.OLDER_OR_DEBILITATED.low.reported
    # G21's regimen (2.5 mg twice daily) is the label's starting regimen for older adults
    assert lit.diazepam.v.G21_DOSE_MG.value == label.OLDER_OR_DEBILITATED.high.value
    assert 24 / lit.diazepam.v.G21_INTERVAL_H.value == label.OLDER_OR_DEBILITATED.times_a_day[1]
    assert set(label.BOXED_WARNING) == {"opioids", "abuse", "dependence"}


def test_comparison_dashboard_readout_and_views():
    import matplotlib

    matplotlib.use("Agg")
    from pkmodel.dashboards import ComparisonDashboard

    d = ComparisonDashboard()
    t = lc.compare_drugs(DOSE, TAU, DAYS)
    head, *rows = d._view.table()
    cell = {(r[0], h): c for r in rows for h, c in zip(head[1:], r[1:])}
    assert (cell[("t½ young (h)", "DZ")], cell[("t½ elderly (h)", "DZ")]) == ("31", "86")  # G21's t½
    assert "31" in d.readout.value and "young, elderly" in d.readout.value
    assert f"{t['oxazepam']['elderly']['oxazepam']['accumulation_ratio']:.3g}" in d.readout.value
    assert "Equal mg is not equal effect" in d.note.value
    ng = d.data()["elderly-oxazepam"][1]
    assert "ng/mL" in d.axes[1].get_ylabel()
    d.set(y="÷ own steady-state average")
    rel = d.data()["elderly-oxazepam"][1]
    big = ng > 1e-9 * ng.max()  # the round-off floor drawn as 0 lies far below this
    np.testing.assert_allclose(ng[big], rel[big] * t["oxazepam"]["elderly"]["oxazepam"]["steady_state_average"],
                               rtol=1e-12)
    assert "steady-state average" in d.axes[1].get_ylabel()
    lows = [y.min() for _, y in d.data().values()]
    assert min(lows) >= 0.0
    d.set(metabolite=False)
    assert "elderly-desmethyldiazepam" not in d.data()


def test_stopping_dashboard_drug_choice_shows_the_comparators_numbers():
    import matplotlib

    matplotlib.use("Agg")
    from pkmodel.dashboards import StoppingDashboard

    d = StoppingDashboard()
    d.set(drug="lorazepam")
    out = lc.stopping_comparison("elderly", drugs=("lorazepam",))["lorazepam"]
    assert f"{out['abrupt stop']['lorazepam'][0.1]:.2g}" in d.readout.value
    assert "never a schedule" in d.note.value
    assert set(d.data()) >= {"young adult-lorazepam", "elderly-lorazepam"}
    assert not any("diazepam" in k for k in d.data())


def test_days_below_10pct_alone_gives_drug_courses_numbers():
    """drug_course(washout=False) then days_below_10pct (on the course's own result, or
    simulating it again) gives drug_course's days: the two paths must agree."""
    t = np.linspace(0, 45 * 24, 1081)
    for drug in lc.COMPARED_DRUGS:
        full = lc.drug_course(drug, "elderly", 2.5, 12.0, 15, t)
        light = lc.drug_course(drug, "elderly", 2.5, 12.0, 15, t, washout=False)
        below = lc.days_below_10pct(drug, "elderly", 2.5, 12.0, 15, t)
        reused = lc.days_below_10pct(drug, "elderly", 2.5, 12.0, 15, t, result=light[drug]["result"])
        assert set(below) == set(full) == set(reused)
        for sp, row in full.items():
            assert "days_below_10pct" not in light[sp]
            assert below[sp] == row["days_below_10pct"] == reused[sp]
            assert np.array_equal(light[sp]["concentration"], row["concentration"])


def test_days_below_10pct_refuses_a_result_on_other_times():
    t = np.linspace(0, 45 * 24, 1081)
    other = lc.drug_course("oxazepam", "elderly", 2.5, 12.0, 15, t[::2], washout=False)["oxazepam"]["result"]
    with pytest.raises(ValueError, match="result must be the course's Result on times_h"):
        lc.days_below_10pct("oxazepam", "elderly", 2.5, 12.0, 15, t, result=other)
    shorter = lc.drug_course("oxazepam", "elderly", 2.5, 12.0, 10, t, washout=False)["oxazepam"]["result"]
    with pytest.raises(ValueError, match="same regimen and times"):
        lc.days_below_10pct("oxazepam", "elderly", 2.5, 12.0, 15, t, result=shorter)


def test_compare_drugs_leaves_out_curves_and_results():
    table = lc.compare_drugs(2.5, 12.0, 15, drugs=("oxazepam",), horizon_days=20)
    row = table["oxazepam"]["elderly"]["oxazepam"]
    assert not {"concentration", "relative", "result"} & set(row)
    assert row["days_below_10pct"] > 0


def test_per_drug_constants_follow_a_drug_registered_again():
    """The comparison caches each drug's model and steady-state averages; registering the drug
    again (a replaced record) must not leave the old ones in use."""
    import dataclasses

    m1, a1 = lc._course_constants("lorazepam", "elderly", "ng/mL")
    lit.register_drug(lz_module)  # the same record again: the cache stands
    assert lc._course_constants("lorazepam", "elderly", "ng/mL")[0] is m1
    lit.register_drug(dataclasses.replace(lz_module.DRUG))  # an equal but new record
    try:
        m2, a2 = lc._course_constants("lorazepam", "elderly", "ng/mL")
        assert m2 is not m1 and a2 == pytest.approx(a1, rel=1e-12)
    finally:
        lit.register_drug(lz_module)


def test_drug_course_refuses_a_dose_of_zero():
    with pytest.raises(ValueError, match=r"dose_mg \(mg\)"):
        lc.drug_course("oxazepam", "elderly", 0.0, 12.0, 15, np.linspace(0, 100, 11))
    with pytest.raises(ValueError, match=r"interval_h \(h\)"):
        lc.drug_course("oxazepam", "elderly", 2.5, 0.0, 15, np.linspace(0, 100, 11))


def test_comparison_regimen_is_built_once_and_checks_its_numbers():
    from pkmodel.regimen import repeated

    a = lc.comparison_regimen(2.5, 12.0, 15)
    assert a is lc.comparison_regimen(2.5, 12, 15.0)  # cached: the same immutable Regimen
    assert a == repeated(2.5, 12.0, until=15 * 24) and len(a) == 30
    for args, name in (((0.0, 12.0, 15), r"dose_mg \(mg\)"), ((2.5, -1.0, 15), r"interval_h \(h\)"),
                       ((2.5, 12.0, float("nan")), "days")):
        with pytest.raises(ValueError, match=name):
            lc.comparison_regimen(*args)


@pytest.mark.parametrize("dose, per_day, days", [(2.5, 2, 15), (10.0, 4, 30), (2.0, 1, 3), (5.0, 3, 44),
                                                 (5.0, 3, 45), (5.0, 3, 50)])
def test_course_levels_by_superposition_match_the_simulated_course(dose, per_day, days):
    """The dashboard's curves (an unending train minus the same train from the stop, on the
    dashboard's 1 h grid) against the engine's simulation of the course itself, every drug and
    group, stops inside, at the end of and past the grid. Tolerance 1e-12 of the curve's peak:
    after the stop the two trains cancel, which leaves round-off of order 1e-16 of the train's
    level times the few operations involved (4e-14 seen), far below a pixel."""
    t = np.linspace(0, 45 * 24, 1081)
    tau = 24 / per_day
    for drug in lc.COMPARED_DRUGS:
        for group in lc.GROUPS:
            fast = lc.course_levels(drug, group, dose, tau, days, t)
            slow = lc.drug_course(drug, group, dose, tau, days, t, washout=False)
            assert fast.keys() == slow.keys() == set(lc.species_of(drug))
            for sp in fast:
                c = slow[sp]["concentration"]
                np.testing.assert_allclose(fast[sp]["concentration"], c, rtol=0, atol=1e-12 * np.abs(c).max())
                np.testing.assert_allclose(fast[sp]["relative"], slow[sp]["relative"], rtol=0,
                                           atol=1e-12 * np.abs(slow[sp]["relative"]).max())


def test_course_levels_simulate_on_a_grid_without_the_stop_and_after_a_drug_is_registered_again():
    """Off an even grid from 0 holding the stop (here 0.7 h steps), the course is simulated (the
    same numbers as drug_course's); a drug registered again is not served a stale train."""
    t = np.arange(0, 600, 0.7)
    a = lc.course_levels("oxazepam", "elderly", 2.5, 12.0, 15, t)["oxazepam"]["concentration"]
    b = lc.drug_course("oxazepam", "elderly", 2.5, 12.0, 15, t, washout=False)["oxazepam"]["concentration"]
    np.testing.assert_array_equal(a, b)
    grid = np.linspace(0, 45 * 24, 1081)
    lc.course_levels("oxazepam", "elderly", 2.5, 12.0, 15, grid)
    first = lc._train_per_mg("oxazepam", "elderly", 12.0, "ng/mL", grid)
    assert lc._train_per_mg("oxazepam", "elderly", 12.0, "ng/mL", grid) is first  # kept
    lit.register_drug(dataclasses.replace(ox_module.DRUG))  # an equal but new record
    try:
        again = lc._train_per_mg("oxazepam", "elderly", 12.0, "ng/mL", grid)
        assert again is not first
        np.testing.assert_allclose(again["oxazepam"], first["oxazepam"], rtol=1e-12, atol=0)
    finally:
        lit.register_drug(ox_module)


def test_course_levels_refuse_bad_input():
    t = np.linspace(0, 100, 101)
    with pytest.raises(ValueError, match="dose_mg"):
        lc.course_levels("oxazepam", "elderly", -1.0, 12.0, 15, t)
    with pytest.raises(ValueError, match="days"):
        lc.course_levels("oxazepam", "elderly", 2.5, 12.0, 0, t)
    with pytest.raises(ValueError, match="drug"):
        lc.course_levels("valium", "elderly", 2.5, 12.0, 15, t)
