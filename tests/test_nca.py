"""Tests for pkmodel.nca: hand-computed examples, and recovery of known parameters from exact samples."""

import math

import numpy as np
import pytest

import pkmodel
from pkmodel.nca import auc_linear_up_log_down, nca

LN2 = math.log(2.0)

# One-compartment oral drug: k = CL/V = 0.05 /h (t1/2 13.9 h), ka = 1.5 /h (absorption t1/2 28 min)
V, CL, KA, F, DOSE = 40.0, 2.0, 1.5, 0.9, 10.0
K = CL / V


def _oral_samples(times):
    model = pkmodel.one_compartment(V, CL, ka=KA, bioavailability=F)
    return pkmodel.simulate(model, pkmodel.single_dose(DOSE), times).concentration("drug")


# ----- a small example computed by hand --------------------------------------------------------

def test_hand_computed_linear_up_log_down():
    t = [0.0, 1.0, 2.0, 4.0, 6.0, 8.0]
    c = [0.0, 4.0, 8.0, 4.0, 2.0, 1.0]  # mg/L; halving every 2 h after the peak
    # rising: linear trapezoids (0+4)/2*1 = 2 and (4+8)/2*1 = 6
    # falling: log trapezoids (C1 - C2)/ln(C1/C2) * dt = (8-4)/ln2*2, (4-2)/ln2*2, (2-1)/ln2*2
    auc_t = 2.0 + 6.0 + 8.0 / LN2 + 4.0 / LN2 + 2.0 / LN2
    # the linear rule would give 2 + 6 + 12 + 6 + 3 = 29: the two rules must differ here
    assert auc_t != pytest.approx(29.0, rel=1e-3)
    # terminal points after Cmax: (4, 4), (6, 2), (8, 1): ln C falls by ln2 per 2 h
    lam = LN2 / 2.0
    auc_inf = auc_t + 1.0 / lam  # C_last / lambda_z = 2/ln2
    res = nca(t, c, dose=10.0)
    assert res.cmax == 8.0 and res.tmax == 2.0
    assert res.auc_0_t == pytest.approx(auc_t, rel=1e-14)
    assert auc_linear_up_log_down(t, c) == pytest.approx(auc_t, rel=1e-14)
    assert res.lambda_z == pytest.approx(lam, rel=1e-13)
    assert res.half_life == pytest.approx(2.0, rel=1e-13)
    assert res.terminal_indices == (3, 4, 5)
    assert res.r2_adjusted == pytest.approx(1.0, abs=1e-12)
    assert res.auc_0_inf == pytest.approx(auc_inf, rel=1e-13)  # = 8 + 16/ln2 = 31.08 mg·h/L
    assert res.auc_0_inf == pytest.approx(8.0 + 16.0 / LN2, rel=1e-13)
    assert res.auc_extrapolated_percent == pytest.approx(100 * (2 / LN2) / (8 + 16 / LN2), rel=1e-12)
    assert res.clearance == pytest.approx(10.0 / (8.0 + 16.0 / LN2), rel=1e-13)  # CL/F, L/h
    assert res.volume == pytest.approx(res.clearance / lam, rel=1e-13)  # Vz/F, L
    # the same samples without the t = 0 point: a (0, 0) point is assumed after an oral dose
    res2 = nca(t[1:], c[1:], dose=10.0)
    assert res2.auc_0_inf == pytest.approx(auc_inf, rel=1e-13)


def test_ng_per_ml_gives_clearance_in_litres_per_hour():
    t = [0.0, 1.0, 2.0, 4.0, 6.0, 8.0]
    c_mg_l = np.array([0.0, 4.0, 8.0, 4.0, 2.0, 1.0])
    mg = nca(t, c_mg_l, dose=10.0)
    ng = nca(t, 1000 * c_mg_l, dose=10.0, concentration_unit="ng/mL")  # same profile in ng/mL
    assert ng.auc_0_inf == pytest.approx(1000 * mg.auc_0_inf, rel=1e-13)  # ng·h/mL
    assert ng.clearance == pytest.approx(mg.clearance, rel=1e-13)  # still L/h
    assert ng.volume == pytest.approx(mg.volume, rel=1e-13)
    # by hand: 10 mg = 1e7 ng; AUC ng·h/mL = 1e3 ng·h/mL per mg·h/L; 1e7 ng / (AUC ng·h/mL) = mL/h
    assert ng.clearance == pytest.approx(1e7 / ng.auc_0_inf / 1000.0, rel=1e-13)
    assert "ng/mL" in ng.summary() and "L/h" in ng.summary()


def test_iv_back_extrapolation_by_hand():
    # IV bolus sampled from 1 h: 8, 4, 2, 1 mg/L halving each hour -> C0 = 16, AUC0-inf = 16/ln2
    t = [1.0, 2.0, 3.0, 4.0]
    c = [8.0, 4.0, 2.0, 1.0]
    res = nca(t, c, dose=16.0, route="iv")
    assert res.lambda_z == pytest.approx(LN2, rel=1e-13)
    assert res.auc_0_inf == pytest.approx(16.0 / LN2, rel=1e-13)
    assert res.clearance == pytest.approx(LN2, rel=1e-13)  # D / AUC = 16 / (16/ln2), L/h
    assert res.volume == pytest.approx(1.0, rel=1e-13)  # CL / lambda_z = D / C0
    assert "CL/F" not in res.summary()


# ----- exact samples from the engine --------------------------------------------------------

def test_lambda_z_recovers_k_from_terminal_points():
    t = np.array([0.25, 0.5, 1, 1.5, 2, 3, 4, 6, 8, 12, 16, 24, 36, 48, 72, 96])
    c = _oral_samples(t)
    # from 24 h on, e^{-ka t}/e^{-k t} <= e^{-1.45*24} ~ 8e-16: a pure exponential to rounding
    n_terminal = int(np.sum(t >= 24))
    res = nca(t, c, DOSE, terminal_points=n_terminal)
    assert res.lambda_z == pytest.approx(K, rel=1e-6)
    assert all(t[i] >= 24 for i in res.terminal_indices)
    assert len(res.terminal_indices) == n_terminal


def test_automatic_choice_on_exact_iv_data_uses_all_points_after_cmax():
    # mono-exponential: every candidate fit has R^2 = 1, the tie goes to the most points
    model = pkmodel.one_compartment(V, CL)
    t = np.array([0.5, 1, 2, 4, 8, 12, 24, 36, 48])
    c = pkmodel.simulate(model, pkmodel.single_dose(DOSE, route="iv"), t).concentration("drug")
    res = nca(t, c, DOSE, route="iv")
    assert res.terminal_indices == tuple(range(1, t.size))
    assert res.lambda_z == pytest.approx(K, rel=1e-10)
    # log-down trapezoids and the C0 back-extrapolation are exact for an exponential
    assert res.clearance == pytest.approx(CL, rel=1e-10)
    assert res.volume == pytest.approx(V, rel=1e-10)


def test_automatic_choice_excludes_a_distribution_phase_point():
    # an exponential tail, with the first point after the peak well above the line
    t = np.array([0.0, 1.0, 2.0, 4.0, 8.0, 12.0, 16.0, 24.0])
    c = np.array([0.0, 10.0, 7.0, 0.0, 0.0, 0.0, 0.0, 0.0])
    c[3:] = 4.0 * np.exp(-0.1 * (t[3:] - 4.0))  # 4, 2.68, 1.80, ...; 7 at t=2 lies far above
    res = nca(t, c, 1.0)
    assert res.terminal_indices == (3, 4, 5, 6, 7)
    assert res.lambda_z == pytest.approx(0.1, rel=1e-12)
    assert min(res.terminal_indices) > int(np.argmax(c))


def test_chosen_points_are_after_cmax_with_noise():
    rng = np.random.default_rng(7)
    t = np.array([0.25, 0.5, 1, 1.5, 2, 3, 4, 6, 8, 12, 16, 24, 36, 48, 72])
    for _ in range(20):
        c = _oral_samples(t) * np.exp(rng.normal(0, 0.1, t.size))
        res = nca(t, c, DOSE)
        imax = int(np.argmax(c))
        assert len(res.terminal_indices) >= 3
        assert min(res.terminal_indices) > imax
        assert list(res.terminal_indices) == list(range(t.size - len(res.terminal_indices), t.size))


def test_auc_to_infinity_within_one_percent_of_exact():
    # exact AUC0-inf = F D / CL = 4.5 mg·h/L.
    # Tolerance: a trapezoid errs by at most dt^3/12 * max|C''| on its interval, with
    # |C''| <= F D ka/(V (ka - k)) (ka^2 e^{-ka t} + k^2 e^{-k t}) (bounded at the interval start).
    # That bound is used up to 8 h; from 8 h on e^{-ka t} < 1e-5 of e^{-k t}, the curve is a
    # single exponential to that accuracy, and log-down trapezoids and C_last/lambda_z are exact
    # for it. The bound (computed here) is ~0.2 % of the AUC, so 1 % is a safe tolerance that a
    # wrong rule (e.g. linear-down trapezoids over the 24-h gaps, +3 %) would still fail.
    t = np.array([0.25, 0.5, 0.75, 1, 1.5, 2, 3, 4, 6, 8, 12, 16, 24, 36, 48, 72, 96, 120])
    c = _oral_samples(t)
    exact = F * DOSE / CL
    tt = np.concatenate([[0.0], t[t <= 8]])
    a = F * DOSE * KA / (V * (KA - K))
    bound = np.sum(np.diff(tt) ** 3 / 12 * a * (KA ** 2 * np.exp(-KA * tt[:-1]) + K ** 2 * np.exp(-K * tt[:-1])))
    assert bound < 0.005 * exact
    linear = np.sum(np.diff(np.concatenate([[0.0], t])) * (np.concatenate([[0.0], c[:-1]]) + c) / 2)
    assert linear > 1.01 * (exact - c[-1] / K)  # the linear rule alone would miss by > 1 %
    res = nca(t, c, DOSE)
    assert res.auc_0_inf == pytest.approx(exact, rel=0.01)
    assert abs(res.auc_0_inf - exact) <= bound + 1e-9
    # with F given, CL (not CL/F) comes back
    res_f = nca(t, c, DOSE, bioavailability=F)
    assert res_f.clearance == pytest.approx(CL, rel=0.01)
    assert "CL/F" in res.summary() and "CL/F" not in res_f.summary()


def test_summary_is_readable():
    res = nca([0, 1, 2, 4, 6, 8], [0, 4, 8, 4, 2, 1], dose=10.0)
    s = res.summary()
    for word in ("Cmax", "tmax", "AUC0-inf", "lambda_z", "t1/2", "L/h", "mg/L", "Vz/F"):
        assert word in s


def test_non_declining_tail_gives_nan_not_nonsense():
    res = nca([0, 1, 2, 3, 4, 5], [0, 5, 1, 2, 3, 4], dose=1.0)
    assert math.isnan(res.lambda_z) and math.isnan(res.auc_0_inf) and math.isnan(res.clearance)
    assert "cannot be estimated" in res.summary()


# ----- bad input ---------------------------------------------------------------------------------

T = [0.0, 1.0, 2.0, 4.0, 6.0, 8.0]
C = [0.0, 4.0, 8.0, 4.0, 2.0, 1.0]


@pytest.mark.parametrize("kwargs, words", [
    (dict(times=[0, 2, 1, 4, 6, 8]), ["sorted"]),
    (dict(times=[0, 1, 1, 4, 6, 8]), ["strictly increasing", "1.0"]),
    (dict(times=[-1, 1, 2, 4, 6, 8]), ["times", ">= 0", "-1.0"]),
    (dict(times=[0, 1, 2, 4, 6]), ["one value per time"]),
    (dict(concentrations=[0, 4, 8, -4, 2, 1]), ["concentrations", ">= 0", "-4.0"]),
    (dict(concentrations=[0, 4, 8, float("nan"), 2, 1]), ["finite", "nan"]),
    (dict(dose=0.0), ["dose", "0.0", "> 0"]),
    (dict(dose=-5.0), ["dose", "-5.0"]),
    (dict(route="rectal"), ["route", "rectal"]),
    (dict(concentration_unit="mol"), ["concentration_unit", "mol"]),
    (dict(bioavailability=1.5), ["bioavailability", "1.5"]),
    (dict(min_points=2), ["min_points", ">= 3"]),
    (dict(min_points=4), ["at least 4", "after Cmax", "got 3"]),
    (dict(terminal_points=4), ["at least 4", "after Cmax"]),
    (dict(concentrations=[0, 0, 0, 0, 0, 0]), ["all zero"]),
    (dict(concentrations=[0, 1, 2, 3, 4, 5]), ["after Cmax", "got 0"]),
])
def test_bad_input_raises_naming_the_problem(kwargs, words):
    args = dict(times=T, concentrations=C, dose=10.0)
    args.update(kwargs)
    times, conc, dose = args.pop("times"), args.pop("concentrations"), args.pop("dose")
    with pytest.raises(ValueError) as err:
        nca(times, conc, dose, **args)
    for w in words:
        assert w in str(err.value)


def test_undeterminable_lambda_z_is_flagged_and_everything_else_is_finite():
    # a terminal phase that rises: lambda_z cannot be estimated; the documented nan values are
    # flagged by lambda_z_determined and the summary, and every other field is finite
    r = nca([0.5, 1.0, 2.0, 4.0, 8.0, 12.0], [1.0, 3.0, 1.0, 1.1, 1.2, 1.3], 10.0)
    assert r.lambda_z_determined is False
    for name in ("lambda_z", "half_life", "auc_0_inf", "auc_extrapolated_percent", "clearance", "volume"):
        assert math.isnan(getattr(r, name)), name
    for name in ("cmax", "tmax", "auc_0_t", "c_last", "t_last"):
        assert math.isfinite(getattr(r, name)), name
    assert "cannot be estimated" in r.summary()
    assert nca(T, C, 10.0).lambda_z_determined is True
