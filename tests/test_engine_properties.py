"""Properties every exact linear PK engine must have, checked on random models and regimens (hypothesis).

Tolerances (combined, ``|a - b| <= rtol |b| + atol x peak``):

* rtol 1e-9, as in test_engine_closed_forms: round-off of a few exponentials is ~1e-15 and
  cancellation near coincident rates costs up to ~1e-11.
* atol 1e-10 x peak where two *different* computations are compared (A+B against A and B,
  a batch against single subjects): kept from the first engine, whose eigen path ran up to
  condition numbers of 1e5; the eigen path now stops at 1e3 (``pkmodel.simulate.CONDITION_LIMIT``,
  error ~1e-13 x peak) and the triangular path beyond is exact to rounding
  (tests/test_engine_near_equal.py).
* 1e-12 x peak for non-negativity and monotone decline, as the brief asks; the draws there keep
  rates apart by at least 1 % so they stay on the well-conditioned path.
"""

from __future__ import annotations

import dataclasses
import math

import numpy as np
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import pkmodel as pk
from pkmodel.model import Absorption, Compartment, Model, Transfer

RTOL = 1e-9
ATOL_COMPARE = 1e-10
ATOL_SIGN = 1e-12
SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

finite = dict(allow_nan=False, allow_infinity=False)
volumes = st.floats(1.0, 300.0, **finite)
clearances = st.floats(0.05, 30.0, **finite)
kas = st.floats(0.05, 10.0, **finite)
fractions = st.floats(0.05, 1.0, **finite)
lags = st.one_of(st.just(0.0), st.floats(0.0, 2.0, **finite))
molar_masses = st.floats(100.0, 500.0, **finite)


@st.composite
def models(draw, oral=None):
    """One-compartment, two-compartment, or parent -> metabolite (in moles), IV or oral."""
    kind = draw(st.sampled_from(["one", "two", "metabolite"]))
    has_oral = draw(st.booleans()) if oral is None else oral
    absorption = (dict(ka=draw(kas), bioavailability=draw(fractions), lag=draw(lags)) if has_oral else {})
    if kind == "one":
        if has_oral:
            return pk.one_compartment(draw(volumes), draw(clearances), **absorption)
        return pk.one_compartment(draw(volumes), draw(clearances))
    if kind == "two":
        return pk.two_compartment(draw(volumes), draw(clearances), draw(volumes), draw(clearances), **absorption)
    fm = draw(st.floats(0.05, 1.0, **finite))
    cl = draw(clearances)
    comps = (Compartment("parent", draw(volumes), (1 - fm) * cl, draw(molar_masses)),
             Compartment("metabolite", draw(volumes), draw(clearances), draw(molar_masses)))
    ab = Absorption("parent", **absorption) if has_oral else None
    return Model(comps, (Transfer("parent", "metabolite", fm * cl),), ab)


@st.composite
def regimens(draw, model, min_doses=1, max_doses=5):
    routes = ["iv", "infusion"] + (["oral"] if model.absorption is not None else [])
    doses = []
    for _ in range(draw(st.integers(min_doses, max_doses))):
        route = draw(st.sampled_from(routes))
        time = draw(st.one_of(st.just(0.0), st.integers(0, 72).map(float), st.floats(0.0, 72.0, **finite)))
        amount = draw(st.floats(0.1, 100.0, **finite))
        if route == "oral":
            doses.append(pk.Dose(time, amount))
        elif route == "iv":
            doses.append(pk.Dose(time, amount, "iv"))
        else:
            doses.append(pk.Dose(time, amount, "infusion", draw(st.floats(0.05, 12.0, **finite))))
    return pk.Regimen(tuple(doses))


@st.composite
def cases(draw, oral=None):
    model = draw(models(oral))
    regimen = draw(regimens(model))
    times = np.unique(np.concatenate([np.linspace(0, 120, 241), regimen.times]))
    return model, regimen, times


def close(a, b, *, atol=ATOL_COMPARE, rtol=RTOL, peak=None):
    a, b = np.asarray(a, float), np.asarray(b, float)
    peak = np.max(np.abs(b)) if peak is None else peak
    err = np.abs(a - b)
    ok = err <= rtol * np.abs(b) + atol * peak
    return bool(np.all(ok)), float(np.max(err) / peak if peak > 0 else np.max(err))


def all_concentrations(result):
    return np.stack([result.concentration(n) for n in result.names])


# ----- linearity and superposition -------------------------------------------------------------

@SETTINGS
@given(cases(), st.floats(0.1, 10.0, **finite))
def test_linear_in_dose(case, factor):
    model, regimen, times = case
    scaled = pk.Regimen(tuple(dataclasses.replace(d, amount=d.amount * factor) for d in regimen))
    base = all_concentrations(pk.simulate(model, regimen, times))
    more = all_concentrations(pk.simulate(model, scaled, times))
    for c1, c2 in zip(base, more):
        ok, err = close(c2, factor * c1, peak=factor * np.max(np.abs(c1)))
        assert ok, err
    # exactly 2x
    double = pk.Regimen(tuple(dataclasses.replace(d, amount=2 * d.amount) for d in regimen))
    assert close(all_concentrations(pk.simulate(model, double, times)), 2 * base)[0]


@SETTINGS
@given(st.data())
def test_superposition_of_regimens(data):
    model = data.draw(models())
    a = data.draw(regimens(model))
    b = data.draw(regimens(model))
    times = np.unique(np.concatenate([np.linspace(0, 120, 241), a.times, b.times]))
    for side in ("right", "left"):
        both = all_concentrations(pk.simulate(model, a + b, times, side=side))
        apart = (all_concentrations(pk.simulate(model, a, times, side=side))
                 + all_concentrations(pk.simulate(model, b, times, side=side)))
        for c_both, c_apart in zip(both, apart):
            ok, err = close(c_both, c_apart)
            assert ok, (side, err)


# ----- conservation and sign --------------------------------------------------------------------

@SETTINGS
@given(cases(), st.sampled_from(["right", "left"]))
def test_mass_balance(case, side):
    """Everything administered (after F) is in the body (gut depot included) or eliminated."""
    model, regimen, times = case
    r = pk.simulate(model, regimen, times, side=side)
    given_ = r.administered()
    total = given_[-1]
    assume(total > 0)
    np.testing.assert_allclose(r.in_body() + r.eliminated(), given_, rtol=0, atol=1e-9 * total)
    # expected total in state units: F x oral + iv + infusion, per molar mass when molar
    mw = model.molar_masses()
    expected = 0.0
    for d in regimen:
        if d.route == "oral":
            expected += model.absorption.bioavailability * d.amount / mw[model.index(model.absorption.into)]
        elif d.time + d.duration <= times[-1]:
            expected += d.amount / mw[model.index(d.compartment or model.dose_compartment)]
        else:
            expected = None
            break
    if expected is not None and regimen.last_dose_time + (model.absorption.lag if model.absorption else 0) < times[-1]:
        assert total == np.float64(expected) or abs(total - expected) <= 1e-12 * expected


@st.composite
def well_separated_cases(draw):
    """Models whose rate constants differ pairwise by >= 1 %: the well-conditioned eigen path."""
    model, regimen, times = draw(cases())
    lam = np.sort(-np.linalg.eigvals(_independent_rate_matrix(model)).real)
    assume(np.all(np.diff(lam) > 0.01 * lam[1:]))
    return model, regimen, times


def _independent_rate_matrix(model):
    names = model.names
    n = len(names) + (model.absorption is not None)
    K = np.zeros((n, n))
    for i, c in enumerate(model.compartments):
        K[i, i] -= c.clearance / c.volume
    for t in model.transfers:
        i, j = names.index(t.source), names.index(t.target)
        k = t.clearance / model.compartments[i].volume
        K[i, i] -= k
        K[j, i] += k
    if model.absorption is not None:
        K[-1, -1] = -model.absorption.ka
        K[names.index(model.absorption.into), -1] = model.absorption.ka
    return K


@SETTINGS
@given(well_separated_cases(), st.sampled_from(["right", "left"]))
def test_non_negative(case, side):
    model, regimen, times = case
    r = pk.simulate(model, regimen, times, side=side)
    for name in r.names:
        c = r.concentration(name)
        assert np.all(c >= -ATOL_SIGN * np.max(np.abs(c))), (name, c.min(), c.max())
    if model.absorption is not None:
        assert np.all(r.amount("depot") >= 0)


@SETTINGS
@given(st.data())
def test_monotone_decline_after_absorption(data):
    """One-compartment oral: after the last dose + lag + 10 absorption half-lives C only falls.

    With ka/k in [1/100, 100] each dose's Bateman curve has peaked by then (ka t_max < 6.9),
    and a sum of falling curves falls.
    """
    V, CL = data.draw(volumes), data.draw(clearances)
    k = CL / V
    ratio = data.draw(st.floats(0.01, 100.0, **finite))
    assume(abs(ratio - 1) > 0.01)
    ka = k * ratio
    assume(0.01 <= ka <= 50)
    model = pk.one_compartment(V, CL, ka=ka, bioavailability=data.draw(fractions), lag=data.draw(lags))
    regimen = data.draw(regimens(model))
    regimen = pk.Regimen(tuple(d for d in regimen if d.route == "oral")) or pk.single_dose(10.0)
    start = regimen.last_dose_time + model.absorption.lag + 10 * math.log(2) / ka
    times = start + np.linspace(0, 20 / k, 400)
    c = pk.simulate(model, regimen, times).concentration("drug")
    peak = np.max(c)
    assert peak > 0
    assert np.all(np.diff(c) <= ATOL_SIGN * peak), np.max(np.diff(c)) / peak


# ----- the Bateman trap -------------------------------------------------------------------------

@SETTINGS
@given(volumes, clearances, fractions, st.floats(0.1, 100.0, **finite),
       st.sampled_from([0.0, 1e-15, 1e-12, 1e-9, 1e-7, 1e-6, 1e-3, -1e-9, -1e-6, -1e-3]))
def test_ka_equal_or_near_k_is_finite_and_exact(V, CL, F, dose, eps):
    k = CL / V
    ka = k * (1 + eps)
    t = np.linspace(0, 12 / k, 121)
    c = pk.simulate(pk.one_compartment(V, CL, ka=ka, bioavailability=F), pk.single_dose(dose), t).concentration("drug")
    assert np.all(np.isfinite(c))
    d = ka - k
    if d == 0:
        expected = F * dose * k * t * np.exp(-k * t) / V
    else:
        expected = F * dose * ka / V * np.exp(-k * t) * -np.expm1(-d * t) / d
    ok, err = close(c, expected, atol=ATOL_SIGN)
    assert ok, err


# ----- batches ---------------------------------------------------------------------------------

@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cases(), st.integers(1, 5), st.integers(0, 2 ** 32 - 1))
def test_batch_equals_one_by_one(case, S, seed):
    model, regimen, times = case
    rng = np.random.default_rng(seed)
    names = model.names
    vf = {n: np.exp(rng.normal(0, 0.3, S)) for n in names if rng.random() < 0.7}
    cf = {n: np.exp(rng.normal(0, 0.3, S)) for n in names if rng.random() < 0.7}
    assume(vf or cf)
    batch = pk.simulate(model.vary(volume_factor=vf, clearance_factor=cf), regimen, times)
    for s in range(S):
        comps = tuple(dataclasses.replace(c, volume=c.volume * vf.get(c.name, np.ones(S))[s],
                                          clearance=c.clearance * cf.get(c.name, np.ones(S))[s])
                      for c in model.compartments)
        transfers = tuple(dataclasses.replace(t, clearance=t.clearance * cf.get(t.source, np.ones(S))[s])
                          for t in model.transfers)
        single = pk.simulate(dataclasses.replace(model, compartments=comps, transfers=transfers), regimen, times)
        for n in names:
            ok, err = close(batch.concentration(n)[s], single.concentration(n))
            assert ok, (s, n, err)
        ok, err = close(batch.eliminated()[s], single.eliminated())
        assert ok, err


def test_model_scaled_changes_metabolic_clearance_not_distribution():
    """Model.scaled: a factor on a compartment scales its elimination and its conversion to
    another species, not distribution to its own peripheral compartment; volumes scale alone;
    unknown names and bad factors are refused."""
    import pkmodel as pk

    parent = pk.two_compartment(10.0, 2.0, 30.0, 5.0, ka=1.0, name="p")
    model = pk.Model(parent.compartments + (pk.Compartment("m", 20.0, 1.0),),
                     parent.transfers + (pk.Transfer("p", "m", 3.0),), parent.absorption)
    s = model.scaled(clearance={"p": 0.5}, volume={"p_peripheral": 2.0})
    assert s.compartment("p").clearance == 1.0 and s.compartment("m").clearance == 1.0
    assert s.compartment("p_peripheral").volume == 60.0 and s.compartment("p").volume == 10.0
    cls = {(t.source, t.target): t.clearance for t in s.transfers}
    assert cls[("p", "p_peripheral")] == 5.0 and cls[("p_peripheral", "p")] == 5.0
    assert cls[("p", "m")] == 1.5
    assert model.scaled(clearance={"p->m": 2.0}).transfers[-1].clearance == 6.0
    with pytest.raises(ValueError, match="'q'.*allowed"):
        model.scaled(clearance={"q": 2.0})
    with pytest.raises(ValueError, match=r"volume\['m'\].*-1"):
        model.scaled(volume={"m": -1})
