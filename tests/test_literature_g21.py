"""G21 (Greenblatt et al. 2021): young vs elderly presets under 2.5 mg twice daily for 15 days.

Everything goes through the public API: ``lit.preset``, ``lit.g21_regimen`` and ``pkmodel.simulate``.
"""

import math

import numpy as np
import pytest

import pkmodel
from pkmodel import literature as lit

LN2 = math.log(2)
DAY = 24.0
DOSING_END = 15 * DAY  # last dose at 14.5 d; the interval after it ends at 15 d


@pytest.fixture(scope="module")
def presets():
    return {"young": lit.preset("young adult"), "elderly": lit.preset("elderly")}


@pytest.fixture(scope="module")
def runs(presets):
    """G21 regimen, then 30 days' washout; hourly grid (exact solution, so the grid only samples it)."""
    times = np.arange(0.0, 45 * DAY + 1, 1.0)
    return {k: pkmodel.simulate(p.model, lit.g21_regimen(), times) for k, p in presets.items()}


def test_regimen_is_g21():
    reg = lit.g21_regimen()
    assert len(reg) == 30
    assert reg.times[0] == 0.0 and reg.times[-1] == 14.5 * DAY
    assert all(d.amount == 2.5 and d.route == "oral" for d in reg)
    assert lit.G21_REGIMEN == reg


@pytest.mark.parametrize("who,drug,reported", [
    ("young", "diazepam", 31.0), ("elderly", "diazepam", 86.0),
    ("young", "desmethyldiazepam", 40.0), ("elderly", "desmethyldiazepam", 80.0)])
def test_half_lives_equal_g21_by_construction(presets, who, drug, reported):
    p = presets[who]
    # By construction V = CL*t1/2/ln2, so only float round-off separates them: 1e-9 relative.
    assert p.half_life(drug) == pytest.approx(reported, rel=1e-9)
    assert p.value(f"{drug}.half_life").value == pytest.approx(reported, rel=1e-9)
    assert "G21" in p.value(f"{drug}.half_life").source_keys()


@pytest.mark.parametrize("who,reported", [("young", 31.0), ("elderly", 86.0)])
def test_dz_washout_log_slope_gives_half_life(runs, who, reported):
    # Independent check from the simulated curve. After absorption ends, DZ receives no input, so its
    # washout is mono-exponential and the log-slope between two washout times is its rate constant.
    # 2 % allows for nothing but round-off here; it is the tolerance one would use on sampled data.
    r = runs[who].at([DOSING_END + 2 * DAY, DOSING_END + 12 * DAY])
    c = r.concentration("diazepam", "ng/mL")
    k = -np.log(c[1] / c[0]) / (10 * DAY)
    assert LN2 / k == pytest.approx(reported, rel=0.02)


@pytest.mark.parametrize("who,reported", [("young", 40.0), ("elderly", 80.0)])
def test_dmdz_rate_from_washout_mass_balance(runs, presets, who, reported):
    # DMDZ's washout is the sum of two exponentials (its own rate and the parent's), so its log-slope is
    # not its half-life (in the elderly DZ, 86 h, is even slower than DMDZ, 80 h: formation-rate limited).
    # Independent check by mass balance instead: dA_m/dt = k_f*A_p - k_m*A_m with k_f = fm*CL_DZ/V1, where
    # A_p is the amount in diazepam's central compartment (volume V1; metabolism is from plasma).
    # dA_m/dt by central difference (step 0.5 h against a 40-80 h time scale: relative error ~1e-5);
    # tolerance 1 %.
    p = presets[who]
    t = DOSING_END + np.array([5 * DAY - 0.5, 5 * DAY, 5 * DAY + 0.5])
    r = runs[who].at(t)
    a_p = r.amount("diazepam", "mmol")
    a_m = r.amount("desmethyldiazepam", "mmol")
    fm = p.value("fraction.diazepam_to_desmethyldiazepam").value
    k_f = fm * p.value("diazepam.clearance").value / p.value("diazepam.central_volume").value
    dadt = (a_m[2] - a_m[0]) / 1.0
    k_m = (k_f * a_p[1] - dadt) / a_m[1]
    assert LN2 / k_m == pytest.approx(reported, rel=0.01)


def _steady_state_average(p, drug):
    """Average concentration over the last 12 h interval after 200 days of G21 dosing (steady state:
    > 50 half-lives of the slowest species, so within 1e-12 of the limit)."""
    reg = pkmodel.repeated(2.5, 12.0, count=400)
    t_end = 400 * 12.0
    r = pkmodel.simulate(p.model, reg, [t_end])
    return r.auc(drug, t_end - 12.0, t_end, unit="ng/mL") / 12.0


@pytest.mark.parametrize("drug", ["diazepam", "desmethyldiazepam"])
def test_elderly_steady_state_30_to_35_percent_higher(presets, drug):
    # G21: Css of DZ and DMDZ 30-35 % higher in the elderly. The presets divide both clearances by the
    # midpoint 1.325, so the ratio must fall in the reported band [1.30, 1.35] (no widening needed).
    ratio = _steady_state_average(presets["elderly"], drug) / _steady_state_average(presets["young"], drug)
    assert 1.30 <= ratio <= 1.35
    assert ratio == pytest.approx(1.325, rel=1e-6)  # Css = F*dose/(CL*tau) exactly, for DZ and for DMDZ


def test_steady_state_matches_closed_form(presets):
    # Average Css of DZ = F*dose/(CL*tau), exact for a linear model (1e-9 relative: round-off only).
    p = presets["young"]
    css = 0.97 * 2.5 / (p.value("diazepam.clearance").value * 12.0) * 1000.0  # mg/L -> ng/mL
    assert _steady_state_average(p, "diazepam") == pytest.approx(css, rel=1e-9)


def _trough_times():
    return np.arange(1, 31) * 12.0  # just before doses 2..30 and at the end of the last interval


def _time_to_fraction_of_ss(p, drug, fraction=0.9):
    """First trough at or above ``fraction`` of the steady-state trough, h (long regimen, troughs only)."""
    reg = pkmodel.repeated(2.5, 12.0, count=400)
    tt = np.arange(1, 401) * 12.0
    tr = pkmodel.simulate(p.model, reg, tt, side="left").concentration(drug, "ng/mL")
    return tt[np.argmax(tr >= fraction * tr[-1])]


@pytest.mark.parametrize("drug", ["diazepam", "desmethyldiazepam"])
def test_elderly_accumulate_more_slowly(presets, drug):
    # G21's conclusion: slow accumulation in the elderly. Time to 90 % of the steady-state trough: the
    # one-compartment rule is 3.3 half-lives (young DZ ~4 d, elderly ~12 d); require at least 2x longer.
    young = _time_to_fraction_of_ss(presets["young"], drug)
    old = _time_to_fraction_of_ss(presets["elderly"], drug)
    assert old > 2 * young
    if drug == "diazepam":
        # 90 % of steady state is reached by 3.32 half-lives; troughs sample every 12 h, so allow +- 12 h.
        assert young == pytest.approx(3.32 * 31, abs=12.0)
        assert old == pytest.approx(3.32 * 86, abs=12.0)


@pytest.mark.parametrize("drug", ["diazepam", "desmethyldiazepam"])
def test_elderly_wash_out_more_slowly(runs, drug):
    # Delayed washout: time after the end of dosing until the concentration falls below 10 % of the last
    # trough. Hourly grid, so each time is known to +-1 h; the elderly take more than 2x longer.
    def washout(r):
        c = r.concentration(drug, "ng/mL")
        t = r.times
        last_trough = r.at([14.5 * DAY], side="left").concentration(drug, "ng/mL")[0]
        after = t > DOSING_END
        below = after & (c < 0.1 * last_trough)
        return t[np.argmax(below)] - DOSING_END

    young, old = washout(runs["young"]), washout(runs["elderly"])
    assert old > 2 * young


def test_day15_troughs_higher_but_further_from_steady_state(runs, presets):
    # At the end of G21's 15 days the elderly troughs are higher, yet a smaller fraction of their own
    # steady state (slow accumulation). Fractions from the one-compartment rule 1 - 2^(-t/t1/2) at 14.5 d
    # would be 1.00 (31 h) and 0.94 (86 h); require young > 0.98 and elderly < 0.96.
    tr = {k: r.at([14.5 * DAY], side="left").concentration("diazepam", "ng/mL")[0] for k, r in runs.items()}
    assert tr["elderly"] > tr["young"]
    for who, lo, hi in (("young", 0.98, 1.0), ("elderly", 0.0, 0.96)):
        reg = pkmodel.repeated(2.5, 12.0, count=400)
        ss = pkmodel.simulate(presets[who].model, reg, [400 * 12.0], side="left").concentration("diazepam", "ng/mL")[0]
        assert lo < tr[who] / ss <= hi + 1e-12


def test_molecules_conserved_dz_to_dmdz(runs):
    # Molar state: body + eliminated = administered (after F), to 1e-9 relative (round-off only).
    r = runs["elderly"]
    total = r.in_body() + r.eliminated()
    np.testing.assert_allclose(total[1:], r.administered()[1:], rtol=1e-9)
