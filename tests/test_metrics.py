"""Tests for pkmodel.metrics: closed forms against hand-derived numbers, and against the exact engine.

Expected values are derived here by hand (or from independent closed forms written out in the
test), never copied from the code under test.
"""

import math

import numpy as np
import pytest

import pkmodel
from pkmodel import metrics as m

LN2 = math.log(2.0)


# ----- closed forms vs hand-derived numbers ---------------------------------------------------

def test_half_life_and_rate_constant_by_hand():
    # CL = V ln2 / 12 makes t1/2 exactly 12 h, and k = ln2/12
    V = 100.0
    CL = V * LN2 / 12.0
    assert m.half_life(V, CL) == pytest.approx(12.0, rel=1e-14)
    assert m.elimination_rate_constant(40.0, 2.0) == pytest.approx(0.05, rel=1e-15)
    assert m.rate_constant_from_half_life(LN2) == pytest.approx(1.0, rel=1e-15)
    assert m.rate_constant_from_half_life(12.0) == pytest.approx(m.elimination_rate_constant(V, CL), rel=1e-14)
    # diazepam-like numbers: V = 70 L, CL = 1.4 L/h -> k = 0.02 /h, t1/2 = 34.66 h
    assert m.half_life(70.0, 1.4) == pytest.approx(50 * LN2, rel=1e-14)


def test_half_life_accepts_arrays():
    V = np.array([10.0, 20.0, 40.0])
    CL = np.array([10.0, 10.0, 10.0]) * LN2
    np.testing.assert_allclose(m.half_life(V, CL), [1.0, 2.0, 4.0], rtol=1e-14)
    np.testing.assert_allclose(m.elimination_rate_constant(V, 2.0), [0.2, 0.1, 0.05], rtol=1e-15)
    assert isinstance(m.half_life(10.0, 1.0), float)


def test_accumulation_ratio_by_hand():
    # tau = t1/2: e^{-k tau} = 1/2 -> R = 2; tau = 2 t1/2: 1/(1 - 1/4) = 4/3
    assert m.accumulation_ratio(24.0, 24.0) == pytest.approx(2.0, rel=1e-14)
    assert m.accumulation_ratio(6.0, 12.0) == pytest.approx(4.0 / 3.0, rel=1e-14)
    # tau = t1/2 / 2: 1/(1 - 2^{-1/2})
    assert m.accumulation_ratio(10.0, 5.0) == pytest.approx(1.0 / (1.0 - 2 ** -0.5), rel=1e-14)


def test_time_to_steady_state_by_hand():
    t = 40.0
    assert m.time_to_steady_state(t, 0.5) == pytest.approx(t, rel=1e-14)
    assert m.time_to_steady_state(t, 0.75) == pytest.approx(2 * t, rel=1e-14)
    assert m.time_to_steady_state(t, 0.9) == pytest.approx(math.log2(10) * t, rel=1e-14)
    assert m.time_to_steady_state(t) == pytest.approx(3.321928094887362 * t, rel=1e-14)


def test_washout_time_by_hand():
    assert m.washout_time(30.0, 0.5) == pytest.approx(30.0, rel=1e-14)
    assert m.washout_time(30.0, 0.125) == pytest.approx(90.0, rel=1e-14)
    assert m.washout_time(30.0, 0.1) == pytest.approx(math.log2(10) * 30.0, rel=1e-14)


def test_steady_state_average_by_hand():
    # F D / (CL tau) = 0.8 * 10 / (2 * 12) = 1/3 mg/L
    assert m.steady_state_average(10.0, 12.0, 2.0, 0.8) == pytest.approx(1.0 / 3.0, rel=1e-15)
    assert m.steady_state_average(5.0, 24.0, 1.0) == pytest.approx(5.0 / 24.0, rel=1e-15)


def test_steady_state_iv_by_hand():
    # tau = t1/2 -> e^{-k tau} = 1/2; D/V = 0.25 mg/L; Cmax = 0.25/(1/2) = 0.5, Cmin = 0.25
    V, t_half = 40.0, 12.0
    CL = V * LN2 / t_half
    ss = m.steady_state_one_compartment(10.0, 12.0, V, CL)
    assert ss.cmax == pytest.approx(0.5, rel=1e-14)
    assert ss.cmin == pytest.approx(0.25, rel=1e-14)
    assert ss.tmax == 0.0
    cavg = 10.0 / (CL * 12.0)  # = 0.25 / ln2
    assert ss.caverage == pytest.approx(0.25 / LN2, rel=1e-14)
    assert ss.fluctuation == pytest.approx((0.5 - 0.25) / cavg, rel=1e-14)  # = ln2
    assert ss.fluctuation == pytest.approx(LN2, rel=1e-14)


def test_steady_state_oral_tmax_is_where_the_closed_form_peaks():
    # Independent check of tmax: the closed-form C_ss(t) written out here has zero slope there.
    D, tau, V, CL, ka, F = 10.0, 12.0, 40.0, 2.0, 1.2, 0.8
    k = CL / V
    ss = m.steady_state_one_compartment(D, tau, V, CL, ka=ka, bioavailability=F)

    def css(t):
        return F * D * ka / (V * (ka - k)) * (np.exp(-k * t) / (1 - np.exp(-k * tau))
                                              - np.exp(-ka * t) / (1 - np.exp(-ka * tau)))

    tmax = math.log(ka * (1 - math.exp(-k * tau)) / (k * (1 - math.exp(-ka * tau)))) / (ka - k)
    assert ss.tmax == pytest.approx(tmax, rel=1e-12)
    assert ss.cmax == pytest.approx(css(tmax), rel=1e-12)
    assert ss.cmin == pytest.approx(css(tau), rel=1e-12)
    assert ss.cmin == pytest.approx(css(0.0), rel=1e-12)
    h = 1e-4
    assert css(tmax - h) < ss.cmax and css(tmax + h) < ss.cmax


def test_steady_state_oral_equal_rate_constants_is_the_limit():
    # ka == k exactly: the limit, t_max = 1/k - tau e^{-k tau}/(1 - e^{-k tau})
    D, tau, V, CL = 10.0, 12.0, 40.0, 2.0
    k = CL / V
    ss = m.steady_state_one_compartment(D, tau, V, CL, ka=k)
    e = math.exp(-k * tau)
    assert ss.tmax == pytest.approx(1 / k - tau * e / (1 - e), rel=1e-13)
    # C_ss(t) = D k/V [t e^{-kt}/(1-e) + tau e^{-kt} e/(1-e)^2] (derivative of the Bateman form)
    t = ss.tmax
    c = D * k / V * (t * math.exp(-k * t) / (1 - e) + tau * math.exp(-k * t) * e / (1 - e) ** 2)
    assert ss.cmax == pytest.approx(c, rel=1e-13)
    # and continuity: nearby ka on either side agree to first order in the difference
    for eps in (1e-9, -1e-9, 1e-6, -1e-6):
        near = m.steady_state_one_compartment(D, tau, V, CL, ka=k * (1 + eps))
        assert near.cmax == pytest.approx(ss.cmax, rel=10 * abs(eps))
        assert near.cmin == pytest.approx(ss.cmin, rel=10 * abs(eps))
        assert near.tmax == pytest.approx(ss.tmax, rel=10 * abs(eps))


# ----- closed forms vs the exact engine ------------------------------------------------------

# 200 doses every 12 h: the slowest rate is min(k, ka) >= 0.02 /h, so the distance from steady
# state, e^{-0.02 * 199 * 12} ~ 2e-21, is far below rounding. Both sides are exact formulas, so they can
# only differ by floating-point rounding (~1e-14); rtol 1e-8 leaves a wide margin while still
# catching any wrong formula (an error in a term is at least ~1e-4 relative here).
# tmax is compared at rtol 1e-6: a peak is flat, so its location from values is only defined
# to ~sqrt(machine eps) relative.
@pytest.mark.parametrize("ka", [None, 1.2, 0.05, 0.05 * (1 + 1e-7), 0.02])
def test_steady_state_one_compartment_matches_long_simulation(ka):
    D, tau, V, CL, F = 10.0, 12.0, 40.0, 2.0, 0.8
    n = 200
    if ka is None:
        model = pkmodel.one_compartment(V, CL)
        regimen = pkmodel.repeated(F * D, tau, count=n, route="iv")  # F applied by hand
    else:
        model = pkmodel.one_compartment(V, CL, ka=ka, bioavailability=F)
        regimen = pkmodel.repeated(D, tau, count=n)
    result = pkmodel.simulate(model, regimen, np.linspace(0, n * tau, 41))
    measured = m.interval_summary(result, "drug", (n - 1) * tau, tau)
    closed = m.steady_state_one_compartment(D, tau, V, CL, ka=ka, bioavailability=F)
    for field in ("cmax", "cmin", "caverage", "fluctuation"):
        assert getattr(measured, field) == pytest.approx(getattr(closed, field), rel=1e-8), field
    assert measured.tmax == pytest.approx(closed.tmax, rel=1e-6, abs=1e-9)


def test_steady_state_average_equals_exact_auc_over_tau_two_compartment():
    # F D/(CL tau) holds for any linear model; check it on a two-compartment oral drug.
    D, tau, F = 5.0, 24.0, 0.9
    model = pkmodel.two_compartment(30.0, 1.5, 60.0, 6.0, ka=1.0, bioavailability=F)
    n = 60  # terminal t1/2 ~ 42 h; 59 intervals ~ 34 half-lives
    result = pkmodel.simulate(model, pkmodel.repeated(D, tau, count=n), [0.0, n * tau])
    start = (n - 1) * tau
    exact = result.auc("drug", start, start + tau) / tau
    assert m.steady_state_average(D, tau, 1.5, F) == pytest.approx(exact, rel=1e-9)
    assert m.interval_summary(result, "drug", start, tau).caverage == pytest.approx(exact, rel=1e-12)
    assert m.auc(result, "drug", start, start + tau) == pytest.approx(exact * tau, rel=1e-14)
    # the average alone: the closed form F D/(CL tau), without the peak and trough search
    assert m.interval_average(result, "drug", start, tau) == pytest.approx(m.steady_state_average(D, tau, 1.5, F),
                                                                            rel=1e-9)


def test_interval_average_is_interval_summarys_average_with_units_and_batches():
    model = pkmodel.one_compartment(40.0, 2.0, ka=1.1, bioavailability=0.9)
    reg = pkmodel.repeated(10.0, 12.0, count=5)
    r = pkmodel.simulate(model, reg, np.linspace(0, 60, 13))
    for start, tau in ((0.0, 12.0), (24.0, 12.0), (5.0, 24.0)):  # a window with doses inside it too
        assert m.interval_average(r, "drug", start, tau) == m.interval_summary(r, "drug", start, tau).caverage
        assert m.interval_average(r, "drug", start, tau, unit="ng/mL") == pytest.approx(
            1000 * m.interval_average(r, "drug", start, tau), rel=1e-14)
    # one IV bolus of 10 mg into 40 L, k = 0.05/h: (1/tau) * (D/V) (1 - e^{-k tau}) / k
    iv = pkmodel.simulate(pkmodel.one_compartment(40.0, 2.0), pkmodel.single_dose(10.0, route="iv"), [0.0, 48.0])
    assert m.interval_average(iv, "drug", 0.0, 24.0) == pytest.approx(0.25 * (1 - math.exp(-1.2)) / 0.05 / 24, rel=1e-13)
    batch = model.vary(clearance_factor={"drug": np.array([0.5, 1.0, 2.0])})
    avg = m.interval_average(pkmodel.simulate(batch, reg, np.linspace(0, 60, 13)), "drug", 24.0, 12.0)
    assert np.shape(avg) == (3,)
    assert avg[1] == pytest.approx(m.interval_average(r, "drug", 24.0, 12.0), rel=1e-12)
    assert avg[0] > avg[1] > avg[2]  # lower clearance, higher average


def test_interval_summary_units_and_batches():
    model = pkmodel.one_compartment(40.0, 2.0)
    reg = pkmodel.repeated(10.0, 12.0, count=5, route="iv")
    r = pkmodel.simulate(model, reg, np.linspace(0, 60, 13))
    a = m.interval_summary(r, "drug", 24.0, 12.0)
    b = m.interval_summary(r, "drug", 24.0, 12.0, unit="ng/mL")
    assert b.cmax == pytest.approx(1000 * a.cmax, rel=1e-14)
    assert b.fluctuation == pytest.approx(a.fluctuation, rel=1e-12)
    # before the third dose the trough is the left limit at 24 h; C(24-) from the IV sum
    k = 0.05
    assert a.cmin == pytest.approx(0.25 * sum(math.exp(-k * (36 - t)) for t in (0, 12, 24)), rel=1e-12)
    assert a.cmax == pytest.approx(0.25 * sum(math.exp(-k * (24 - t)) for t in (0, 12, 24)), rel=1e-12)

    batch = model.vary(clearance_factor={"drug": np.array([0.5, 1.0, 2.0])})
    rb = pkmodel.simulate(batch, reg, np.linspace(0, 60, 13))
    sb = m.interval_summary(rb, "drug", 24.0, 12.0)
    assert np.shape(sb.cmax) == (3,)
    assert sb.cmax[1] == pytest.approx(a.cmax, rel=1e-12)
    assert sb.cmin[1] == pytest.approx(a.cmin, rel=1e-12)


def test_time_below_fraction_matches_closed_form_iv():
    # one compartment, IV: after the last dose C falls as e^{-k t}, so C < f * Cpeak after ln(1/f)/k
    V, CL = 40.0, 2.0
    k = CL / V
    regimen = pkmodel.repeated(5.0, 24.0, count=4, route="iv")
    result = pkmodel.simulate(pkmodel.one_compartment(V, CL), regimen, np.arange(0.0, 401.0, 5.0))
    for f in (0.5, 0.25, 0.1, 0.01):
        assert m.time_below_fraction(result, "drug", f) == pytest.approx(math.log(1 / f) / k, abs=1e-6)
    # `after` an earlier dose: the peak at or after 24 h is just after the last dose (72 h, not on
    # the 5-h grid), C(72+) = (D/V) sum_{i<4} e^{-k 24 i}; the fall from there is e^{-k(t-72)}
    assert m.time_below_fraction(result, "drug", 0.1, after=24.0) == pytest.approx(
        72.0 + math.log(10) / k - 24.0, abs=1e-6)
    # a threshold first crossed before a later dose: after the 24 h dose the peak is C(72+); with
    # after=24 and f = 0.6, C(48-) = C(24+) e^{-1.2} < 0.6 C(72+) already, between 24 and 48 h
    r = math.exp(-k * 24.0)
    c24 = 0.125 * (1 + r)
    c72 = 0.125 * (1 + r + r ** 2 + r ** 3)
    f = 0.6
    expected = 24.0 + math.log(c24 / (f * c72)) / k  # crossing time on the fall after 24 h
    assert expected < 48.0
    # but the search starts at the peak (72 h), so the crossing counted is the one after 72 h
    assert m.time_below_fraction(result, "drug", f, after=24.0) == pytest.approx(
        72.0 + math.log(1 / f) / k - 24.0, abs=1e-6)


def test_time_below_fraction_never_returns_inf():
    regimen = pkmodel.single_dose(5.0, route="iv")
    result = pkmodel.simulate(pkmodel.one_compartment(40.0, 2.0), regimen, np.linspace(0, 50, 11))
    # ln(1000)/0.05 = 138 h is beyond the 50 h simulated
    assert m.time_below_fraction(result, "drug", 0.001) == math.inf


def test_time_below_fraction_oral_starts_at_the_peak_and_lands_on_the_threshold():
    model = pkmodel.one_compartment(40.0, 2.0, ka=0.8)
    result = pkmodel.simulate(model, pkmodel.single_dose(10.0), np.linspace(0, 200, 101))
    dt = m.time_below_fraction(result, "drug", 0.5)
    k, ka = 0.05, 0.8
    tmax = math.log(ka / k) / (ka - k)  # Bateman peak time
    cpk = result.at([tmax]).concentration("drug")[0]
    assert dt > tmax  # the rising limb (below half the peak at first) is not counted
    c = result.at([dt - 1e-6, dt + 1e-6]).concentration("drug")
    assert c[0] >= 0.5 * cpk > c[1]


@pytest.mark.parametrize("tolerance", [0.05, 0.5])
def test_time_below_fraction_coarse_tolerance_never_reports_early(tolerance):
    # The answer is the upper end of the final bracket: at or after the exact crossing, by at
    # most the tolerance. Oral dose (the peak must be found first); Bateman closed form.
    D, V, CL, ka, f = 10.0, 40.0, 2.0, 0.8, 0.1
    k = CL / V
    result = pkmodel.simulate(pkmodel.one_compartment(V, CL, ka=ka), pkmodel.single_dose(D),
                              np.linspace(0, 200, 101))
    tmax = math.log(ka / k) / (ka - k)
    bateman = lambda t: math.exp(-k * t) - math.exp(-ka * t)  # noqa: E731 (proportional to C)
    from scipy.optimize import brentq

    exact = brentq(lambda t: bateman(t) - f * bateman(tmax), tmax, 200.0, xtol=1e-12)
    dt = m.time_below_fraction(result, "drug", f, tolerance=tolerance)
    assert exact - 1e-6 <= dt <= exact + tolerance


def test_time_below_fraction_sharp_peak_then_slow_phase_keeps_its_tolerance():
    # A very sharp peak (ka = 1e4/h) before a slow distribution phase: the threshold depends on
    # the peak's value, so a peak located only roughly would move the crossing by hours.
    model = pkmodel.two_compartment(5.0, 0.01, 500.0, 1000.0, ka=1e4)
    result = pkmodel.simulate(model, pkmodel.repeated(10.0, 12.0, count=5), np.linspace(0, 2000, 101))
    fine = m.time_below_fraction(result, "drug", 0.05)
    for tol in (1e-3, 0.05):
        coarse = m.time_below_fraction(result, "drug", 0.05, tolerance=tol)
        assert fine - 1e-6 <= coarse <= fine + tol


def test_time_below_fraction_batched():
    model = pkmodel.one_compartment(40.0, 2.0)
    factors = np.array([0.5, 1.0, 2.0])
    batch = model.vary(clearance_factor={"drug": factors})
    result = pkmodel.simulate(batch, pkmodel.single_dose(5.0, route="iv"), np.linspace(0, 300, 31))
    out = m.time_below_fraction(result, "drug", 0.25)
    np.testing.assert_allclose(out, math.log(4) / (0.05 * factors), atol=1e-6)


def test_troughs_match_closed_form():
    # IV bolus D every tau: trough before dose n = (D/V) e^{-k tau} (1 - e^{-n k tau})/(1 - e^{-k tau})
    D, V, CL, tau, n = 10.0, 40.0, 2.0, 12.0, 6
    k = CL / V
    regimen = pkmodel.repeated(D, tau, count=n, route="iv")
    result = pkmodel.simulate(pkmodel.one_compartment(V, CL), regimen, np.linspace(0, 100, 11))
    times, c = m.troughs(result, "drug")
    np.testing.assert_array_equal(times, tau * np.arange(n))
    r = math.exp(-k * tau)
    expected = [D / V * r * (1 - r ** i) / (1 - r) for i in range(n)]
    np.testing.assert_allclose(c, expected, rtol=1e-12, atol=1e-15)
    assert c[0] == 0.0
    _, c_ng = m.troughs(result, "drug", unit="ng/mL")
    np.testing.assert_allclose(c_ng, 1000 * np.asarray(expected), rtol=1e-12, atol=1e-12)


def test_auc_wrapper_single_iv_dose():
    # integral of (D/V) e^{-kt} from 0 to T = D/CL (1 - e^{-kT})
    result = pkmodel.simulate(pkmodel.one_compartment(40.0, 2.0), pkmodel.single_dose(10.0, route="iv"),
                              np.linspace(0, 48, 5))
    assert m.auc(result, "drug") == pytest.approx(5.0 * (1 - math.exp(-0.05 * 48)), rel=1e-12)
    assert m.auc(result, "drug", 12.0, 24.0) == pytest.approx(
        5.0 * (math.exp(-0.6) - math.exp(-1.2)), rel=1e-12)


# ----- bad input --------------------------------------------------------------------------------

@pytest.mark.parametrize("call, words", [
    (lambda: m.half_life(-1.0, 2.0), ["volume", "-1.0", "> 0"]),
    (lambda: m.half_life(0.0, 2.0), ["volume", "0.0", "> 0"]),
    (lambda: m.half_life(float("nan"), 2.0), ["volume", "nan"]),
    (lambda: m.half_life(40.0, 0.0), ["clearance", "0.0"]),
    (lambda: m.half_life(np.array([40.0, -3.0]), 2.0), ["volume", "-3.0", "> 0"]),
    (lambda: m.elimination_rate_constant(40.0, -2.0), ["clearance", "-2.0"]),
    (lambda: m.accumulation_ratio(10.0, 0.0), ["interval", "0.0"]),
    (lambda: m.time_to_steady_state(10.0, 1.0), ["fraction", "1.0", "(0, 1)"]),
    (lambda: m.time_to_steady_state(10.0, 0.0), ["fraction", "0.0", "(0, 1)"]),
    (lambda: m.washout_time(10.0, 1.5), ["fraction", "1.5"]),
    (lambda: m.steady_state_average(-5.0, 12.0, 2.0), ["dose", "-5.0"]),
    (lambda: m.steady_state_average(5.0, 12.0, 2.0, 1.5), ["bioavailability", "1.5"]),
    (lambda: m.steady_state_one_compartment(5.0, float("nan"), 40.0, 2.0), ["interval", "nan"]),
    (lambda: m.steady_state_one_compartment(5.0, 12.0, 40.0, 2.0, ka=0.0), ["ka", "0.0"]),
])
def test_bad_input_names_parameter_value_and_range(call, words):
    with pytest.raises(ValueError) as err:
        call()
    for w in words:
        assert w in str(err.value)


def test_result_functions_reject_bad_input():
    result = pkmodel.simulate(pkmodel.one_compartment(40.0, 2.0), pkmodel.single_dose(5.0, route="iv"),
                              np.linspace(0, 50, 11))
    with pytest.raises(ValueError, match="nope"):
        m.interval_summary(result, "nope", 0.0, 12.0)
    with pytest.raises(ValueError, match="nope"):
        m.troughs(result, "nope")
    with pytest.raises(ValueError, match="interval"):
        m.interval_summary(result, "drug", 0.0, -1.0)
    with pytest.raises(ValueError, match="fraction"):
        m.time_below_fraction(result, "drug", 1.0)
    with pytest.raises(ValueError, match="after"):
        m.time_below_fraction(result, "drug", 0.5, after=60.0)


def test_interval_summary_with_doses_inside_the_interval():
    # IV 10 mg every 12 h into V = 40 L: C(t) = 0.25 * sum_{t_i <= t} e^{-k (t - t_i)}, k = 0.05.
    # Over [5, 29] the doses at 12 and 24 h fall between grid points' natural spacing.
    k = 0.05
    reg = pkmodel.repeated(10.0, 12.0, count=4, route="iv")
    r = pkmodel.simulate(pkmodel.one_compartment(40.0, 2.0), reg, np.linspace(0, 48, 7))

    def c(t, doses):
        return 0.25 * sum(math.exp(-k * (t - ti)) for ti in doses)

    s = m.interval_summary(r, "drug", 5.0, 24.0)
    assert s.cmax == pytest.approx(c(24.0, (0, 12, 24)), rel=1e-12)
    assert s.tmax == pytest.approx(19.0, abs=1e-9)
    assert s.cmin == pytest.approx(c(12.0, (0,)), rel=1e-12)  # just before the 12 h dose
    auc = sum(0.25 / k * (math.exp(-k * (a - ti)) - math.exp(-k * (b - ti)))
              for a, b, doses in ((5, 12, (0,)), (12, 24, (0, 12)), (24, 29, (0, 12, 24)))
              for ti in doses)
    assert s.caverage == pytest.approx(auc / 24.0, rel=1e-12)


# ----- steady state: no overflow, no cancellation (issue 9) -------------------------------------

def _ss_reference(dose, tau, volume, clearance, ka):
    """Steady-state oral values from the textbook formulas, in 60-digit mpmath (independent of the code).

    Gibaldi & Perrier: C(t) = D ka/(V (ka - k)) [e^{-kt}/(1 - e^{-k tau}) - e^{-ka t}/(1 - e^{-ka tau})],
    t_max = ln[ka (1 - e^{-k tau}) / (k (1 - e^{-ka tau}))]/(ka - k). At 60 digits the cancellation
    that ruins these formulas in double precision (ka ~ k, k tau small) still leaves > 30 digits.
    """
    mp = pytest.importorskip("mpmath")
    with mp.workdps(60):
        D, tau, V, CL, a = (mp.mpf(x) for x in (dose, tau, volume, clearance, ka))
        k = CL / V
        if a == k:  # the limit, to ~30 digits
            a = k * (1 + mp.mpf(10) ** -30)

        def c(t):
            return D * a / (V * (a - k)) * (mp.exp(-k * t) / (1 - mp.exp(-k * tau))
                                            - mp.exp(-a * t) / (1 - mp.exp(-a * tau)))

        tmax = mp.log(a * (1 - mp.exp(-k * tau)) / (k * (1 - mp.exp(-a * tau)))) / (a - k)
        cmax, cmin, cavg = c(tmax), c(tau), D / (CL * tau)
        return {"cmax": cmax, "cmin": cmin, "tmax": tmax, "fluctuation": (cmax - cmin) / cavg,
                "scale": cmax / cavg}


_PRODUCTS = [1e-8, 1e-5, 1e-3, 0.05, 0.3, 0.69, 0.71, 0.99, 1.0, 1.01, 1.39, 1.41, 3.0, 10.0, 100.0, 1e3, 1e4]
_GRID = ([(kt, at) for kt in _PRODUCTS for at in _PRODUCTS]
         + [(kt, kt * r) for kt in _PRODUCTS for r in (1 + 1e-12, 1 + 1e-8, 1 + 1e-4, 1 - 1e-6, 1.3, 0.75)])


def test_steady_state_oral_matches_high_precision_reference_everywhere():
    # k tau and ka tau from 1e-8 to 1e4 (t1/2 from 2 min to 190 years at tau = 24 h; absorption
    # half-lives from seconds to years) and ka within 1e-12 of k. Tolerances: 1e-12 relative for
    # cmax, cmin, tmax (the exponentials' own conditioning is |exponent| * eps <= 1e4 * 1.1e-16);
    # the fluctuation is a difference cmax - cmin, so its error is 1e-13 relative to cmax/cavg.
    tau, volume = 24.0, 50.0
    for k_tau, ka_tau in _GRID:
        clearance, ka = k_tau * volume / tau, ka_tau / tau
        got = m.steady_state_one_compartment(10.0, tau, volume, clearance, ka=ka)
        ref = _ss_reference(10.0, tau, volume, clearance, ka)
        for key in ("cmax", "cmin", "tmax"):
            r = float(ref[key])
            if r < 1e-290:  # below the float range: 0 is the right double
                assert getattr(got, key) < 1e-280
                continue
            assert getattr(got, key) == pytest.approx(r, rel=1e-12), (key, k_tau, ka_tau)
        assert abs(got.fluctuation - float(ref["fluctuation"])) <= 1e-13 * float(ref["scale"]), (k_tau, ka_tau)


@pytest.mark.parametrize("args", [
    (10.0, 24.0, 50.0, 2.0, 30.0),   # issue 9: cmax was inf
    (10.0, 168.0, 50.0, 2.0, 5.0),   # issue 9: weekly dosing, 8-min absorption half-life: was nan
    (10.0, 168.0, 50.0, 2.0, 1e6),   # absorption in microseconds
    (10.0, 1.0, 50.0, 1e-6, 1e-6),   # t1/2 of 4 years, hourly doses, ka = k
    (10.0, 8760.0, 5.0, 100.0, 1e-4),  # yearly dose, fast elimination, very slow absorption (flip-flop)
])
def test_steady_state_extreme_cases_are_finite_and_accurate(args):
    dose, tau, volume, clearance, ka = args
    got = m.steady_state_one_compartment(dose, tau, volume, clearance, ka=ka)
    ref = _ss_reference(dose, tau, volume, clearance, ka)
    assert all(math.isfinite(x) for x in (got.cmax, got.cmin, got.caverage, got.tmax, got.fluctuation))
    for key in ("cmax", "cmin", "tmax"):
        assert getattr(got, key) == pytest.approx(float(ref[key]), rel=1e-12, abs=1e-300), key
    assert got.fluctuation == pytest.approx(float(ref["fluctuation"]), rel=1e-12, abs=1e-13 * float(ref["scale"]))
    assert 0.0 < got.tmax <= tau / 2  # at steady state the peak is in the first half of the interval


def test_steady_state_iv_fluctuation_is_k_tau_and_extremes_are_finite():
    # (cmax - cmin)/cavg = (D/V)/(D/(CL tau)) = k tau exactly; weekly dosing of a fast drug
    got = m.steady_state_one_compartment(10.0, 168.0, 50.0, 200.0)
    assert got.fluctuation == pytest.approx(4.0 * 168.0, rel=1e-15)
    assert got.cmax == pytest.approx(0.2, rel=1e-15)  # 1/(1 - e^{-672}) = 1
    assert got.cmin == pytest.approx(0.2 * math.exp(-672.0), rel=1e-12)
    assert m.steady_state_one_compartment(10.0, 1e4, 1.0, 1.0).cmin == 0.0  # e^{-1e4} underflows


def test_steady_state_refuses_results_beyond_the_float_range():
    # k tau = 1e-320: cmax = D/(V k tau) = 1e311 mg/L does not fit in a double
    with pytest.raises(ValueError, match=r"cmax is inf.*interval \(h\) = 1e-300"):
        m.steady_state_one_compartment(10.0, 1e-300, 1e10, 1e-10, ka=1.0)


def test_interval_summary_without_drug_has_zero_fluctuation():
    # the window [0, 12] h ends at the first dose (24 h), and an oral lag of 3 h keeps [24, 26] empty
    model = pkmodel.one_compartment(40.0, 2.0, ka=1.0, lag=3.0)
    r = pkmodel.simulate(model, pkmodel.repeated(5.0, 12.0, count=3, start=24.0), np.linspace(0, 72, 13))
    for start, interval in ((0.0, 12.0), (24.0, 2.0), (0.0, 24.0)):
        s = m.interval_summary(r, "drug", start, interval)
        assert (s.cmax, s.cmin, s.caverage, s.fluctuation) == (0.0, 0.0, 0.0, 0.0)
    # with drug the usual definition: the peak-trough swing over the average
    s = m.interval_summary(r, "drug", 48.0, 12.0)
    assert s.fluctuation == pytest.approx((s.cmax - s.cmin) / s.caverage, rel=1e-15) and s.fluctuation > 0
    # batched: each subject on its own (here neither has drug before the 24 h dose)
    rb = pkmodel.simulate(pkmodel.one_compartment(40.0, 2.0).vary(clearance_factor={"drug": np.array([1.0, 2.0])}),
                          pkmodel.single_dose(5.0, time=24.0, route="iv"), np.linspace(0, 48, 9))
    sb = m.interval_summary(rb, "drug", 0.0, 24.0)
    assert np.array_equal(sb.fluctuation, [0.0, 0.0]) and np.array_equal(sb.cmax, [0.0, 0.0])


def test_steady_state_oral_arrays_match_high_precision_reference_at_random_points():
    # 200 log-uniform random cases (seeded) in one vectorised call: k tau, ka tau in [1e-9, 3e4],
    # a third with ka within 1e-14..1e-1 relative of k, tau from 36 s to 1.1 years, V 0.1-1000 L.
    # Same tolerances as the grid test above.
    rng = np.random.default_rng(20261126)
    n = 200
    k_tau = 10 ** rng.uniform(-9, 4.5, n)
    near = k_tau * (1 + 10 ** rng.uniform(-14, -1, n) * rng.choice([-1, 1], n))
    ka_tau = np.where(rng.random(n) < 1 / 3, near, 10 ** rng.uniform(-9, 4.5, n))
    tau, volume = 10 ** rng.uniform(-2, 4, n), 10 ** rng.uniform(-1, 3, n)
    clearance, ka = k_tau * volume / tau, ka_tau / tau
    got = m.steady_state_one_compartment(10.0, tau, volume, clearance, ka=ka)
    for i in range(n):
        ref = _ss_reference(10.0, tau[i], volume[i], clearance[i], ka[i])
        for key in ("cmax", "cmin", "tmax"):
            r = float(ref[key])
            if r >= 1e-290:
                assert getattr(got, key)[i] == pytest.approx(r, rel=1e-12), (key, k_tau[i], ka_tau[i])
        assert abs(got.fluctuation[i] - float(ref["fluctuation"])) <= 1e-13 * float(ref["scale"])
