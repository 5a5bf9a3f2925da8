"""The exact engine against textbook closed forms.

Tolerance. Every comparison uses ``|actual - expected| <= RTOL * |expected| + ATOL * peak`` with
``RTOL = 1e-9`` and ``ATOL = 1e-12``:

* both sides are a handful of float64 exponentials, each good to ~1e-15 relative, so round-off
  alone is ~1e-15;
* near coincident rate constants the closed form (a difference of two nearly equal
  exponentials) can lose up to ~1e-11 to cancellation; the engine does not (it switches to its
  triangular divided-difference path from an eigenvector condition number of 1e3, and
  tests/test_engine_near_equal.py holds it to 1e-12 x peak against 50-digit references);
* 1e-9 leaves two orders of headroom over that and is still far below anything visible in
  pharmacokinetics. The absolute part ``1e-12 x peak`` keeps values near zero (a metabolite at
  t ~ 0, a concentration 20 half-lives later) from making a relative error meaningless.

The closed forms are written here from the textbook (Gibaldi & Perrier, *Pharmacokinetics*,
2nd ed., chapters 1-3 and appendix C; Rowland & Tozer, *Clinical Pharmacokinetics*), never from
the engine's own rate matrix. For the Bateman trap (ka close to k) the reference is also
computed with 50-digit decimal arithmetic, so it cannot share the engine's cancellation.
"""

from __future__ import annotations

import math
from decimal import Decimal, getcontext

import numpy as np
import pytest

import pkmodel as pk
from pkmodel.model import Absorption, Compartment, Model, Transfer

RTOL = 1e-9
ATOL = 1e-12


def assert_matches(actual, expected, *, peak=None, rtol=RTOL, atol=ATOL, what=""):
    """Combined tolerance: rtol relative to each value plus atol relative to the peak."""
    actual = np.asarray(actual, dtype=float)
    expected = np.asarray(expected, dtype=float)
    assert actual.shape == expected.shape, (actual.shape, expected.shape)
    assert np.all(np.isfinite(actual)), f"{what}: non-finite values"
    peak = float(np.max(np.abs(expected))) if peak is None else peak
    err = np.abs(actual - expected)
    allowed = rtol * np.abs(expected) + atol * peak
    worst = int(np.argmax(err - allowed))
    assert np.all(err <= allowed), (
        f"{what}: |error| {err[worst]:.3e} > allowed {allowed[worst]:.3e} at index {worst} "
        f"(actual {actual[worst]!r}, expected {expected[worst]!r})")


# ----- closed forms (written independently of the engine) ---------------------------------------

def iv_bolus(t, dose, V, k):
    """C(t) = D/V e^{-kt}."""
    return dose / V * np.exp(-k * t)


def bateman(t, dose, V, k, ka, F=1.0, lag=0.0):
    """Oral one-compartment: C = F D ka / (V (ka - k)) (e^{-k t'} - e^{-ka t'}), t' = t - lag >= 0.

    Written as F D ka/V e^{-k t'} (1 - e^{-(ka-k) t'})/(ka - k) (same formula, no cancellation
    when ka is close to k), and F D k t' e^{-k t'}/V when ka == k exactly.
    """
    t = np.asarray(t, dtype=float)
    tp = np.clip(t - lag, 0.0, None)
    d = ka - k
    if d == 0:
        c = F * dose * k * tp * np.exp(-k * tp) / V
    else:
        c = F * dose * ka / V * np.exp(-k * tp) * (-np.expm1(-d * tp)) / d
    return np.where(t >= lag, c, 0.0)


def bateman_decimal(t, dose, V, k, ka, F=1.0, digits=50):
    """The naive Bateman formula evaluated with ``digits`` significant digits (no cancellation issue)."""
    getcontext().prec = digits
    D, Vd, kd, kad, Fd = (Decimal(repr(float(x))) for x in (dose, V, k, ka, F))
    out = []
    for ti in np.asarray(t, dtype=float):
        td = Decimal(repr(float(ti)))
        if kad == kd:
            c = Fd * D * kd * td * (-kd * td).exp() / Vd
        else:
            c = Fd * D * kad / (Vd * (kad - kd)) * ((-kd * td).exp() - (-kad * td).exp())
        out.append(float(c))
    return np.array(out)


def biexponential(t, dose, V1, k10, k12, k21):
    """Two-compartment IV bolus: C = A e^{-alpha t} + B e^{-beta t}.

    alpha + beta = k10 + k12 + k21, alpha beta = k10 k21;
    A = D/V1 (alpha - k21)/(alpha - beta), B = D/V1 (k21 - beta)/(alpha - beta).
    Also returns the peripheral amount D k12/(alpha - beta) (e^{-beta t} - e^{-alpha t}).
    """
    s = k10 + k12 + k21
    p = k10 * k21
    root = math.sqrt(s * s - 4 * p)
    alpha = (s + root) / 2
    beta = p / alpha  # from the product; avoids cancellation in (s - root)/2
    A = dose / V1 * (alpha - k21) / (alpha - beta)
    B = dose / V1 * (k21 - beta) / (alpha - beta)
    central = A * np.exp(-alpha * t) + B * np.exp(-beta * t)
    peripheral_amount = dose * k12 / (alpha - beta) * (np.exp(-beta * t) - np.exp(-alpha * t))
    return central, peripheral_amount, alpha, beta, A, B


def infusion(t, rate, V, k, duration):
    """Zero-order infusion: C = R/(kV)(1 - e^{-kt}) while running, then C(T) e^{-k(t-T)}."""
    t = np.asarray(t, dtype=float)
    during = rate / (k * V) * (-np.expm1(-k * np.minimum(t, duration)))
    return np.where(t <= duration, during, during * np.exp(-k * (t - duration)))


# ----- single doses ------------------------------------------------------------------------------

def test_one_compartment_iv_bolus():
    V, CL, dose = 42.0, 3.5, 10.0
    k = CL / V
    t = np.linspace(0, 240, 2401)
    r = pk.simulate(pk.one_compartment(V, CL), pk.single_dose(dose, route="iv"), t)
    assert_matches(r.concentration("drug"), iv_bolus(t, dose, V, k), what="IV bolus")
    assert_matches(r.concentration("drug", "ng/mL"), 1e3 * iv_bolus(t, dose, V, k), what="ng/mL")
    assert_matches(r.amount("drug"), dose * np.exp(-k * t), what="amount")
    # exact AUC: D/CL (1 - e^{-kT})
    assert_matches(r.auc("drug", 0, 240), dose / CL * -math.expm1(-k * 240), what="AUC 0-240")
    assert_matches(r.auc("drug", 10, 50), dose / CL * (math.exp(-10 * k) - math.exp(-50 * k)),
                   what="AUC 10-50")


@pytest.mark.parametrize("lag", [0.0, 0.5, 1.3])
def test_oral_bateman_with_F_and_lag(lag):
    V, CL, ka, F, dose = 80.0, 1.6, 2.2, 0.97, 5.0
    k = CL / V
    t = np.unique(np.concatenate([np.linspace(0, 200, 2001), [lag, lag / 2]]))
    m = pk.one_compartment(V, CL, ka=ka, bioavailability=F, lag=lag)
    r = pk.simulate(m, pk.single_dose(dose), t)
    c = r.concentration("drug")
    expected = bateman(t, dose, V, k, ka, F, lag)
    assert_matches(c, expected, what=f"Bateman lag={lag}")
    assert np.all(c[t < lag] == 0.0), "nothing may reach the plasma before the lag time"
    # at the lag itself absorption has only just started: zero up to the eigenvector round-off
    assert abs(c[t == lag][0]) <= ATOL * c.max()
    # depot: F D e^{-ka (t - lag)} from the lag on, empty before
    depot = np.where(t >= lag, F * dose * np.exp(-ka * np.clip(t - lag, 0, None)), 0.0)
    assert_matches(r.amount("depot"), depot, what="depot")
    # AUC to infinity of an oral dose is F D / CL
    assert r.auc("drug", 0, 1e5) == pytest.approx(F * dose / CL, rel=RTOL)  # e^{-k 1e5} = 0


def test_two_compartment_iv_biexponential():
    V1, CL, V2, Q, dose = 20.0, 2.0, 60.0, 8.0, 100.0
    k10, k12, k21 = CL / V1, Q / V1, Q / V2
    t = np.linspace(0, 300, 3001)
    m = pk.two_compartment(V1, CL, V2, Q)
    r = pk.simulate(m, pk.single_dose(dose, route="iv"), t)
    central, periph_amount, alpha, beta, A, B = biexponential(t, dose, V1, k10, k12, k21)
    assert_matches(r.concentration("drug"), central, what="central")
    assert_matches(r.amount("drug_peripheral"), periph_amount, what="peripheral amount")
    # textbook identities of the biexponential
    assert A + B == pytest.approx(dose / V1, rel=1e-14)
    assert A / alpha + B / beta == pytest.approx(dose / CL, rel=1e-12)  # AUC0-inf = D/CL
    assert m.terminal_half_life() == pytest.approx(math.log(2) / beta, rel=1e-12)
    assert_matches(r.auc("drug", 0, 300), A / alpha * -math.expm1(-alpha * 300)
                   + B / beta * -math.expm1(-beta * 300), what="AUC")


def test_parent_to_metabolite_conserves_moles():
    """Parent P (IV) forms metabolite M: a fraction fm of the parent's clearance is a transfer P -> M.

    In moles, A_M(t) = n0 k_f / (k_m - k_p) (e^{-k_p t} - e^{-k_m t}),
    with n0 = D / MW_P, k_p = CL_P/V_P (total), k_f = fm CL_P / V_P, k_m = CL_M / V_M.
    """
    MW_P, MW_M = 284.74, 270.71
    V_P, CL_P, fm = 80.0, 1.6, 0.6
    V_M, CL_M = 70.0, 0.7
    dose = 10.0  # mg
    model = Model(
        (Compartment("parent", V_P, (1 - fm) * CL_P, MW_P),
         Compartment("metabolite", V_M, CL_M, MW_M)),
        (Transfer("parent", "metabolite", fm * CL_P),),
    )
    t = np.linspace(0, 24 * 30, 3001)
    r = pk.simulate(model, pk.single_dose(dose, route="iv"), t)
    n0 = dose / MW_P  # mmol
    kp, kf, km = CL_P / V_P, fm * CL_P / V_P, CL_M / V_M
    parent_nM = n0 / V_P * np.exp(-kp * t) * 1e6
    met_mmol = n0 * kf / (km - kp) * (np.exp(-kp * t) - np.exp(-km * t))
    met_nM = met_mmol / V_M * 1e6
    assert_matches(r.concentration("parent", "nmol/L"), parent_nM, what="parent nmol/L")
    assert_matches(r.concentration("metabolite", "nmol/L"), met_nM, what="metabolite nmol/L")
    assert abs(r.concentration("metabolite")[0]) <= ATOL * met_nM.max() * MW_M / 1e6
    # mass units follow from moles and the metabolite's own molar mass (ng/mL = nmol/L x g/mol / 1000)
    assert_matches(r.concentration("metabolite", "ng/mL"), met_nM * MW_M / 1e3, what="metabolite ng/mL")
    assert_matches(r.concentration("parent", "mg/L"), parent_nM * MW_P / 1e6, what="parent mg/L")
    assert_matches(r.amount("metabolite", "mmol"), met_mmol, what="metabolite mmol")
    # moles: everything administered is in the body or eliminated (parent or metabolite)
    assert_matches(r.in_body() + r.eliminated(), np.full(t.size, n0), what="moles conserved")
    # the AUC of the metabolite, in moles: n0 fm / CL_M
    assert r.auc("metabolite", 0, 24 * 400, "nmol/L") == pytest.approx(
        n0 * fm / CL_M * 1e6, rel=RTOL)  # e^{-k_m 9600} ~ 1e-42: the tail is nothing


def test_zero_order_infusion_during_and_after():
    V, CL, dose, T = 30.0, 4.5, 60.0, 2.5
    k = CL / V
    t = np.unique(np.concatenate([np.linspace(0, 48, 961), [T]]))
    r = pk.simulate(pk.one_compartment(V, CL), pk.single_dose(dose, route="infusion", duration=T), t)
    expected = infusion(t, dose / T, V, k, T)
    assert_matches(r.concentration("drug"), expected, what="infusion")
    # continuous at the end of the infusion from both sides, and the textbook plateau fraction
    cT = dose / T / CL * -math.expm1(-k * T)
    assert r.at([T], side="left").concentration("drug")[0] == pytest.approx(cT, rel=1e-12)
    assert r.at([T], side="right").concentration("drug")[0] == pytest.approx(cT, rel=1e-12)
    assert r.at([0.0], side="right").concentration("drug")[0] == 0.0
    # exact AUC while running, R/(kV) (T - (1 - e^{-kT})/k), and to the end: D/CL (1 - tail)
    R = dose / T
    assert r.auc("drug", 0, T) == pytest.approx(R / (k * V) * (T + math.expm1(-k * T) / k), rel=RTOL)
    assert r.auc("drug", 0, 48) == pytest.approx(dose / CL - cT / k * math.exp(-k * (48 - T)), rel=RTOL)
    # eliminated = CL x AUC; with what is in the body it makes up what has been infused
    assert_matches(r.eliminated(), CL * np.array([r.auc("drug", 0, ti) for ti in t]), what="eliminated")
    assert_matches(r.in_body() + r.eliminated(), dose * np.minimum(t, T) / T, what="infusion mass balance")
    # a late infusion, overlapping a second one into another compartment would be the same code path;
    # here check one starting at t = 5 h
    r2 = pk.simulate(pk.one_compartment(V, CL), pk.single_dose(dose, time=5.0, route="infusion", duration=T), t)
    assert_matches(r2.concentration("drug"), np.where(t >= 5, infusion(np.clip(t - 5, 0, None), dose / T, V, k, T), 0),
                   what="shifted infusion")


# ----- multiple doses: superposition and steady state ------------------------------------------

def test_multiple_dose_superposition_iv_and_oral():
    V, CL, ka, F, lag = 50.0, 2.0, 1.1, 0.8, 0.25
    k = CL / V
    t = np.linspace(0, 24 * 8, 24 * 8 * 10 + 1)
    doses = [(0.0, 5.0), (7.5, 2.5), (12.0, 5.0), (30.1, 10.0), (96.0, 1.0)]
    oral = pk.Regimen(tuple(pk.Dose(ti, a) for ti, a in doses))
    m = pk.one_compartment(V, CL, ka=ka, bioavailability=F, lag=lag)
    expected = sum(bateman(t - ti, a, V, k, ka, F, lag) for ti, a in doses)
    assert_matches(pk.simulate(m, oral, t).concentration("drug"), expected, what="oral superposition")

    iv = pk.Regimen(tuple(pk.Dose(ti, a, route="iv") for ti, a in doses))
    expected_iv = sum(np.where(t >= ti, iv_bolus(np.clip(t - ti, 0, None), a, V, k), 0) for ti, a in doses)
    assert_matches(pk.simulate(m, iv, t).concentration("drug"), expected_iv, what="IV superposition")

    # the repeated() builder: n doses every tau
    reg = pk.repeated(4.0, 8.0, count=10, start=2.0)
    expected_rep = sum(bateman(t - (2.0 + 8.0 * i), 4.0, V, k, ka, F, lag) for i in range(10))
    assert_matches(pk.simulate(m, reg, t).concentration("drug"), expected_rep, what="repeated()")


def test_iv_steady_state_trough_and_peak():
    """IV every tau: C_min,n = C0 e^{-k tau}(1 - e^{-n k tau})/(1 - e^{-k tau}) -> C0 e^{-k tau}/(1 - e^{-k tau})."""
    V, CL, dose, tau = 40.0, 4.0, 20.0, 12.0
    k = CL / V
    C0 = dose / V
    n = 60  # e^{-n k tau} = e^{-72}: steady state to machine precision
    m = pk.one_compartment(V, CL)
    reg = pk.repeated(dose, tau, count=n, route="iv")
    dose_times = tau * np.arange(1, n)
    r = pk.simulate(m, reg, dose_times, side="left")  # just before doses 2..n: troughs
    j = np.arange(1, n)
    finite_n = C0 * np.exp(-k * tau) * -np.expm1(-j * k * tau) / -np.expm1(-k * tau)
    assert_matches(r.concentration("drug"), finite_n, what="troughs, finite n")
    ss_trough = C0 * math.exp(-k * tau) / -math.expm1(-k * tau)
    assert r.concentration("drug")[-1] == pytest.approx(ss_trough, rel=RTOL)
    peaks = pk.simulate(m, reg, dose_times, side="right").concentration("drug")
    assert peaks[-1] == pytest.approx(C0 / -math.expm1(-k * tau), rel=RTOL)
    # accumulation ratio 1/(1 - e^{-k tau})
    assert peaks[-1] / C0 == pytest.approx(1 / -math.expm1(-k * tau), rel=RTOL)


def test_oral_steady_state_closed_form():
    """Oral every tau at steady state, t' = time after the last dose minus lag:

    C_ss(t') = F D ka / (V (ka - k)) [e^{-k t'}/(1 - e^{-k tau}) - e^{-ka t'}/(1 - e^{-ka tau})].
    """
    V, CL, ka, F, lag, dose, tau = 80.0, 1.6, 2.2, 0.97, 0.2, 2.5, 12.0
    k = CL / V  # t1/2 ~ 35 h
    n = 160  # 80 days: e^{-n k tau} ~ e^{-38}
    m = pk.one_compartment(V, CL, ka=ka, bioavailability=F, lag=lag)
    last = (n - 1) * tau
    tp = np.linspace(0, tau, 121)
    t = last + lag + tp
    r = pk.simulate(m, pk.repeated(dose, tau, count=n), t)
    css = F * dose * ka / (V * (ka - k)) * (np.exp(-k * tp) / -np.expm1(-k * tau)
                                           - np.exp(-ka * tp) / -np.expm1(-ka * tau))
    # e^{-n k tau} ~ 3e-17 left from the finite number of doses: inside RTOL
    assert_matches(r.concentration("drug"), css, what="oral steady state")
    # average steady-state concentration F D / (CL tau) from the exact AUC over one interval
    assert r.auc("drug", last + lag, last + lag + tau) / tau == pytest.approx(F * dose / (CL * tau), rel=1e-9)


# ----- the Bateman trap: ka equal or nearly equal to k -----------------------------------------

@pytest.mark.parametrize("eps", [0.0, 1e-12, 1e-9, 1e-6, 1e-5, 1e-3, 1e-1])
def test_ka_equal_or_close_to_k(eps):
    """ka = k(1 + eps). eps <= 1e-3 runs the triangular (divided-difference) path, eps = 1e-1 the
    eigen path (see CONDITION_LIMIT); test_ka_close_to_k_intermediate_band covers 3e-5 ... 3e-4."""
    V, CL, F, dose = 35.0, 3.5, 0.9, 50.0
    k = CL / V
    ka = k * (1 + eps)
    t = np.linspace(0, 200, 801)
    m = pk.one_compartment(V, CL, ka=ka, bioavailability=F)
    r = pk.simulate(m, pk.single_dose(dose), t)
    c = r.concentration("drug")
    assert np.all(np.isfinite(c))
    if eps == 0:
        assert ka == k
        assert_matches(c, F * dose * k * t * np.exp(-k * t) / V, what="ka == k: F D k t e^{-kt}/V")
    assert_matches(c, bateman(t, dose, V, k, ka, F), what=f"ka = k(1+{eps:g}), stable closed form")
    # independent 50-digit reference of the naive formula (every 10th point, to stay quick)
    assert_matches(c[::10], bateman_decimal(t[::10], dose, V, k, ka, F), peak=float(np.max(c)),
                   what=f"ka = k(1+{eps:g}), 50-digit reference")
    # exact AUC = F D / CL (1 - tail)
    assert r.auc("drug", 0, 1e4) == pytest.approx(F * dose / CL, rel=1e-9)


@pytest.mark.parametrize("eps", [3e-5, 1e-4, 3e-4])
def test_ka_close_to_k_intermediate_band(eps):
    """Between the Bateman limit and well-separated rates (the triangular path since the eigenvector
    condition number, 2e3-6e4, exceeds CONDITION_LIMIT): the closed form itself cancels to ~1e-11
    x peak here, hence the absolute allowance."""
    V, CL, F, dose = 35.0, 3.5, 0.9, 50.0
    k = CL / V
    ka = k * (1 + eps)
    t = np.linspace(0, 200, 801)
    c = pk.simulate(pk.one_compartment(V, CL, ka=ka, bioavailability=F), pk.single_dose(dose), t).concentration("drug")
    assert_matches(c, bateman(t, dose, V, k, ka, F), atol=5e-11, what=f"ka = k(1+{eps:g})")


def test_metabolite_rate_equal_to_parent_rate():
    """Parent and metabolite with identical rate constants: A_M = n0 k_f t e^{-k t}."""
    V_P, CL_P, fm = 50.0, 5.0, 0.5
    kp = CL_P / V_P
    V_M = 20.0
    CL_M = kp * V_M  # k_m == k_p exactly
    assert CL_M / V_M == kp
    model = Model((Compartment("p", V_P, (1 - fm) * CL_P, 300.0), Compartment("m", V_M, CL_M, 250.0)),
                  (Transfer("p", "m", fm * CL_P),))
    t = np.linspace(0, 120, 241)
    r = pk.simulate(model, pk.single_dose(30.0, route="iv"), t)
    n0 = 30.0 / 300.0
    kf = fm * CL_P / V_P
    assert_matches(r.amount("m", "mmol"), n0 * kf * t * np.exp(-kp * t), what="coincident parent/metabolite")


# ----- doses at t = 0 and exactly on a grid point ------------------------------------------------

def test_dose_at_zero_and_on_grid_point_sides():
    V, CL, dose = 10.0, 1.0, 5.0
    k = CL / V
    m = pk.one_compartment(V, CL)
    reg = pk.Regimen((pk.Dose(0.0, dose, "iv"), pk.Dose(6.0, dose, "iv")))
    t = np.array([0.0, 3.0, 6.0, 9.0])
    right = pk.simulate(m, reg, t).concentration("drug")
    left = pk.simulate(m, reg, t, side="left").concentration("drug")
    before6 = dose / V * math.exp(-6 * k)
    # t = 0: right includes the first dose, left is the empty body
    assert right[0] == pytest.approx(dose / V, rel=1e-15)
    assert left[0] == 0.0
    # t = 6: right includes the jump, left excludes it
    assert left[2] == pytest.approx(before6, rel=RTOL)
    assert right[2] == pytest.approx(before6 + dose / V, rel=RTOL)
    assert right[2] - left[2] == pytest.approx(dose / V, rel=RTOL)
    # between doses both sides agree
    np.testing.assert_array_equal(left[[1, 3]], right[[1, 3]])
    assert right[3] == pytest.approx(dose / V * (math.exp(-9 * k) + math.exp(-3 * k)), rel=RTOL)
    # Result.at gives the same numbers without re-simulating
    r = pk.simulate(m, reg, t)
    np.testing.assert_allclose(r.at(t, side="left").concentration("drug"), left, rtol=1e-15)


def test_oral_dose_at_zero_depot_jumps_at_lag():
    m = pk.one_compartment(20.0, 2.0, ka=1.0, bioavailability=0.5, lag=2.0)
    t = np.array([0.0, 1.0, 2.0])
    r_right = pk.simulate(m, pk.single_dose(8.0), t)
    r_left = pk.simulate(m, pk.single_dose(8.0), t, side="left")
    np.testing.assert_array_equal(r_right.amount("depot"), [0.0, 0.0, 4.0])  # F D enters at the lag
    np.testing.assert_array_equal(r_left.amount("depot"), [0.0, 0.0, 0.0])
    c = r_right.concentration("drug")
    assert np.all(c[:2] == 0.0) and abs(c[2]) < 1e-15  # the plasma is still empty at the lag


def test_half_life_of_a_two_compartment_species_is_its_terminal_half_life():
    """model.half_life(name) is the terminal half-life of the species' own disposition: for a
    two-compartment drug, ln2/beta with the textbook beta (Rowland & Tozer):
    alpha, beta = (s ± sqrt(s^2 - 4 k10 k21))/2, s = k10 + k12 + k21."""
    import math
    import pkmodel as pk

    V1, CL, V2, Q = 12.0, 1.5, 60.0, 9.0
    k10, k12, k21 = CL / V1, Q / V1, Q / V2
    s = k10 + k12 + k21
    beta = (s - math.sqrt(s * s - 4 * k10 * k21)) / 2
    parent = pk.two_compartment(V1, CL, V2, Q, ka=2.0, name="p")
    # a metabolite downstream must not change the parent's half-life, and has its own
    model = pk.Model(parent.compartments + (pk.Compartment("m", 20.0, 0.5),),
                     parent.transfers + (pk.Transfer("p", "m", 0.7),), parent.absorption)
    k10 = (CL + 0.7) / V1
    s = k10 + k12 + k21
    beta = (s - math.sqrt(s * s - 4 * k10 * k21)) / 2
    assert model.half_life("p") == pytest.approx(math.log(2) / beta, rel=1e-12)
    assert model.half_life("p_peripheral") == model.half_life("p")
    assert model.half_life("m") == pytest.approx(math.log(2) * 20.0 / 0.5, rel=1e-14)
