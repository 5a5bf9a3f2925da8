"""The exact engine against an independent numerical ODE solution (scipy.integrate.solve_ivp).

The right-hand side here is written from the compartment and transfer *data* (volumes,
clearances, absorption), flow by flow; it never calls ``Model.rate_matrix`` or any other engine
code. Doses are applied exactly: the ODE is integrated piecewise between dose events (dose times,
oral dose times + lag, infusion starts and ends), boluses are added to the state at the start of
a piece, and infusion rates are constant inside a piece.

Tolerance: 1e-6 x the peak of each compartment. The yardstick is the ODE solver's own error:
Radau with rtol 1e-10 and atol 1e-13 of the total dose controls only the *local* error per step,
which accumulates over hundreds of steps and tens of pieces (the agreement actually seen on these
cases is 5e-12 to 1e-10 of the peak, limited by the solver). 1e-6 leaves margin for a stiffer
random draw and is still far below the error of any modelling mistake it must catch (a lost or
moved dose, a wrong rate, a dose in the wrong compartment: 1e-3 and more; see
test_reference_is_itself_sensitive).
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy.integrate import solve_ivp

import pkmodel as pk
from pkmodel.model import Absorption, Compartment, Model, Transfer

TOL = 1e-6
N_CASES = 20


# ----- the independent reference -------------------------------------------------------------

def reference_rhs(model: Model):
    """dA/dt from the model's data. State: amounts per compartment (mmol if molar, else mg), then the depot."""
    names = [c.name for c in model.compartments]
    pos = {n: i for i, n in enumerate(names)}
    n = len(names)
    # every first-order flow as (from, to or None, rate constant = clearance / volume of the source)
    flows = []
    for c in model.compartments:
        if c.clearance > 0:
            flows.append((pos[c.name], None, c.clearance / c.volume))
    for tr in model.transfers:
        src = model.compartments[pos[tr.source]]
        flows.append((pos[tr.source], pos[tr.target], tr.clearance / src.volume))
    absorption = model.absorption
    if absorption is not None:
        flows.append((n, pos[absorption.into], absorption.ka))

    def rhs(t, a, infusion_rate):
        da = np.array(infusion_rate, dtype=float, copy=True)
        for i, j, kk in flows:
            f = kk * a[i]
            da[i] -= f
            if j is not None:
                da[j] += f
        return da

    # the Jacobian of the same flows (Radau needs it for speed); built from the same list
    size = n + (absorption is not None)
    jac = np.zeros((size, size))
    for i, j, kk in flows:
        jac[i, i] -= kk
        if j is not None:
            jac[j, i] += kk
    return rhs, jac, size


def reference_solution(model: Model, regimen, times, *, rtol=1e-10, atol_rel=1e-13, method="Radau"):
    """Amounts (N, size) at ``times`` by solve_ivp, integrating piecewise between dose events."""
    rhs, jac, size = reference_rhs(model)
    names = [c.name for c in model.compartments]
    n = len(names)
    mw = [c.molar_mass or 1.0 for c in model.compartments]
    events = {}  # time -> [bolus vector, rate change vector]

    def at(t):
        return events.setdefault(float(t), [np.zeros(size), np.zeros(size)])

    total = 0.0
    for d in regimen.doses:
        if d.route == "oral":
            into = names.index(model.absorption.into)
            amount = model.absorption.bioavailability * d.amount / mw[into]
            at(d.time + model.absorption.lag)[0][n] += amount
        else:
            target = names.index(d.compartment or model.dose_compartment)
            amount = d.amount / mw[target]
            if d.route == "iv":
                at(d.time)[0][target] += amount
            else:
                at(d.time)[1][target] += amount / d.duration
                at(d.time + d.duration)[1][target] -= amount / d.duration
        total += amount
    atol = atol_rel * max(total, 1e-300)
    times = np.asarray(times, dtype=float)
    out = np.zeros((times.size, size))
    breaks = sorted(set(events) | {0.0})
    state = np.zeros(size)
    rate = np.zeros(size)
    for p, t0 in enumerate(breaks):
        if t0 in events:
            state = state + events[t0][0]
            rate = rate + events[t0][1]
        t1 = breaks[p + 1] if p + 1 < len(breaks) else max(times[-1], t0)
        last = p + 1 == len(breaks)
        mask = (times >= t0) & ((times < t1) | (last & (times <= t1)))
        if t1 == t0:
            out[mask] = state
            continue
        sample = times[mask]
        t_eval = np.append(sample, t1) if (sample.size == 0 or sample[-1] != t1) else sample
        sol = solve_ivp(rhs, (t0, t1), state, method=method, rtol=rtol, atol=atol, args=(rate,),
                        t_eval=t_eval, jac=jac)
        assert sol.success, sol.message
        out[mask] = sol.y.T[:sample.size]
        state = sol.y[:, -1]  # the state at t1, where the next piece starts
    return out


# ----- random models and regimens ---------------------------------------------------------------

def log_uniform(rng, lo, hi):
    return float(math.exp(rng.uniform(math.log(lo), math.log(hi))))


def random_case(seed: int):
    rng = np.random.default_rng(seed)
    n = int(rng.integers(1, 5))
    molar = bool(rng.random() < 0.5)
    names = [f"c{i}" for i in range(n)]
    comps = []
    for i, name in enumerate(names):
        cl = 0.0 if (i > 0 and rng.random() < 0.25) else log_uniform(rng, 0.1, 20.0)
        comps.append(Compartment(name, log_uniform(rng, 1.0, 200.0), cl,
                                 float(rng.uniform(150, 450)) if molar else None))
    transfers = []
    for i in range(n):
        for j in range(n):
            if i != j and rng.random() < 0.45:
                transfers.append(Transfer(names[i], names[j], log_uniform(rng, 0.05, 15.0)))
    absorption = None
    if rng.random() < 0.7:
        into = names[int(rng.integers(0, n))]
        lag = 0.0 if rng.random() < 0.4 else float(rng.uniform(0.05, 1.5))
        absorption = Absorption(into, log_uniform(rng, 0.05, 5.0), float(rng.uniform(0.3, 1.0)), lag)
    model = Model(tuple(comps), tuple(transfers), absorption)
    if absorption is not None and seed % 5 == 0:
        # force the Bateman trap: ka equal to the total rate constant out of the absorbing compartment
        k_into = model.rate_constant(absorption.into)
        model = Model(model.compartments, model.transfers,
                      Absorption(absorption.into, k_into, absorption.bioavailability, absorption.lag))

    routes = ["iv", "infusion"] + (["oral", "oral"] if absorption is not None else [])
    doses = []
    for _ in range(int(rng.integers(1, 7))):
        route = routes[int(rng.integers(0, len(routes)))]
        time = 0.0 if rng.random() < 0.2 else float(np.round(rng.uniform(0, 48), 2))
        amount = float(rng.uniform(1, 100))
        if route == "oral":
            doses.append(pk.Dose(time, amount))
        else:
            comp = names[int(rng.integers(0, n))] if rng.random() < 0.5 else None
            duration = float(rng.uniform(0.1, 6.0)) if route == "infusion" else 0.0
            doses.append(pk.Dose(time, amount, route, duration, comp))
    regimen = pk.Regimen(tuple(doses))
    grid = np.linspace(0, 96, 193)
    # put some dose times exactly on the grid (side="right" includes the jump)
    times = np.unique(np.concatenate([grid, [d.time for d in doses[:2]]]))
    return model, regimen, times


@pytest.mark.parametrize("seed", range(N_CASES))
def test_engine_matches_solve_ivp(seed):
    model, regimen, times = random_case(seed)
    result = pk.simulate(model, regimen, times)
    reference = reference_solution(model, regimen, times)
    for i, c in enumerate(model.compartments):
        engine_amount = result.amount(c.name, "mmol" if model.molar else "mg")
        ref = reference[:, i]
        peak = max(np.max(np.abs(ref)), 1e-300)
        err = np.max(np.abs(engine_amount - ref)) / peak
        assert err <= TOL, (f"seed {seed}, compartment {c.name}: max |engine - solve_ivp| = {err:.2e} x peak; "
                            f"model {model}, regimen {regimen}")
        # concentrations follow from amounts and volumes (mg/L even when the state is in moles)
        conc = result.concentration(c.name)
        expected = engine_amount * (c.molar_mass or 1.0) / c.volume
        np.testing.assert_allclose(conc, expected, rtol=1e-13, atol=1e-15 * np.max(np.abs(expected)))
    if model.absorption is not None:
        ref = reference[:, -1]
        depot = result.amount("depot", "mmol" if model.molar else "mg")
        assert np.max(np.abs(depot - ref)) <= TOL * max(ref.max(), 1e-300)


def test_reference_is_itself_sensitive():
    """The cross-check would catch a lost dose: drop one dose from the reference and it must disagree."""
    seed = next(s for s in range(100) if len(random_case(s)[1]) >= 3)
    model, regimen, times = random_case(seed)
    result = pk.simulate(model, regimen, times)
    reference = reference_solution(model, regimen.missed(-1), times)
    worst = max(np.max(np.abs(result.amount(c.name, "mmol" if model.molar else "mg") - reference[:, i]))
                / np.max(np.abs(reference[:, i]) + 1e-300) for i, c in enumerate(model.compartments))
    assert worst > 1e-3


def test_cycle_with_complex_eigenvalues():
    """A one-way ring c0 -> c1 -> c2 -> c0 has complex eigenvalues: the eigen path runs in complex arithmetic."""
    comps = tuple(Compartment(f"c{i}", v, cl) for i, (v, cl) in enumerate([(10.0, 0.2), (12.0, 0.0), (8.0, 0.1)]))
    ring = tuple(Transfer(f"c{i}", f"c{(i + 1) % 3}", 20.0) for i in range(3))
    model = Model(comps, ring, Absorption("c1", 1.5, 0.8, 0.3))
    regimen = pk.Regimen((pk.Dose(0.0, 50.0, "iv"), pk.Dose(5.0, 30.0), pk.Dose(10.0, 20.0, "infusion", 3.0, "c2")))
    times = np.linspace(0, 72, 721)
    result = pk.simulate(model, regimen, times)
    assert result._solution.modal and np.iscomplexobj(result._solution._parts[0][1].lam)
    reference = reference_solution(model, regimen, times)
    for i, c in enumerate(model.compartments):
        err = np.max(np.abs(result.amount(c.name) - reference[:, i])) / np.max(reference[:, i])
        assert err <= TOL, (c.name, err)
