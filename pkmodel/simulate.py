r"""Exact simulation of a linear compartment model under a dosing regimen.

Between dose events the state obeys :math:`\dot x = K x + u` with constant infusion input
:math:`u`, whose exact solution over a step :math:`\tau` is

.. math::

    x(t_k + \tau) = e^{K\tau} x_k + \Big(\int_0^\tau e^{Ks} ds\Big) u_k .

With the eigen-decomposition :math:`K = V \Lambda V^{-1}` this is
:math:`V\,[\,e^{\lambda\tau} \odot y_k + \varphi(\lambda,\tau) \odot w_k\,]` with
:math:`y_k = V^{-1}x_k`, :math:`w_k = V^{-1}u_k`, :math:`\varphi(\lambda,\tau) = (e^{\lambda\tau}-1)/\lambda`
(:math:`=\tau` at :math:`\lambda = 0`), evaluated for the whole time grid at once. The time
integral of the state (for AUC and the amount eliminated) follows with
:math:`\psi(\lambda,\tau) = (\varphi - \tau)/\lambda`.

When two rate constants coincide or nearly coincide (:math:`k_a = k`, the Bateman trap) the
eigenvectors become (nearly) parallel; then, and only then, the engine switches to the
matrix exponential of an augmented matrix (Van Loan), which is exact for any :math:`K`:

.. math::

    \exp\left(\tau\begin{bmatrix} K & 0 & u \\ I & 0 & 0 \\ 0 & 0 & 0\end{bmatrix}\right)
    \begin{bmatrix} x_k \\ 0 \\ 1 \end{bmatrix}
    = \begin{bmatrix} x(t_k+\tau) \\ \int_0^\tau x \\ 1 \end{bmatrix}.

Doses are applied at exactly their times (a bolus makes the state jump; the default
``side="right"`` reports the value just after a dose at that instant, ``side="left"`` just
before). No adaptive ODE solver is involved.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from . import _validate as check
from .model import Model, ModelBatch
from .regimen import Regimen

#: Above this eigenvector condition number the eigen path would lose more than ~1e-11 relative
#: accuracy, so the matrix-exponential path is used instead.
CONDITION_LIMIT = 1e5

from .units import AMOUNT_UNITS, CONCENTRATION_UNITS, MOLAR_UNITS  # noqa: F401  (re-exported)


def _phi(z: np.ndarray, tau: np.ndarray) -> np.ndarray:
    """(e^z - 1)/z * tau, with z = lambda*tau; tau at z = 0."""
    with np.errstate(invalid="ignore", divide="ignore"):
        out = np.where(z == 0, 1.0, np.expm1(z) / np.where(z == 0, 1.0, z))
    return out * tau


def _psi(z: np.ndarray, tau: np.ndarray) -> np.ndarray:
    """(e^z - 1 - z)/z^2 * tau^2 (the integral of phi), by its series where |z| is small."""
    small = np.abs(z) < 1e-3
    zs = np.where(small, 1.0, z)  # a safe dummy where the series is used
    with np.errstate(invalid="ignore", over="ignore"):
        big = (np.expm1(zs) - zs) / zs ** 2
    series = 0.5 + z / 6 + z ** 2 / 24 + z ** 3 / 120
    return np.where(small, series, big) * tau ** 2


@dataclass(frozen=True)
class _Events:
    """Segment starts and, per segment, the bolus added at its start and the infusion rate in it."""

    starts: np.ndarray  # (E,) with starts[0] == 0
    bolus: np.ndarray  # (E, m) state units added at each start
    rate: np.ndarray  # (E, m) state units per hour during the segment


def _events(model: Model, regimen: Regimen) -> _Events:
    m = model.n_states
    mw = model.molar_masses()
    depot = m - 1
    items = []  # (time, bolus vector, rate delta vector)
    for d in regimen.doses:
        vec = np.zeros(m)
        if d.route == "oral":
            if model.absorption is None:
                raise ValueError(f"route 'oral' needs a model with an absorption route; model "
                                 f"{model.name or model.names} has none (use 'iv' or 'infusion')")
            into = model.index(model.absorption.into)
            vec[depot] = model.absorption.bioavailability * d.amount / mw[into]
            items.append((d.time + model.absorption.lag, vec, None))
        else:
            target = model.index(d.compartment or model.dose_compartment, what="dose compartment")
            if d.route == "iv":
                vec[target] = d.amount / mw[target]
                items.append((d.time, vec, None))
            else:  # infusion
                vec[target] = d.amount / mw[target] / d.duration
                items.append((d.time, None, vec))
                items.append((d.time + d.duration, None, -vec))
    when = np.array([0.0] + [t for t, _, _ in items])
    times = np.unique(when)
    slot = np.searchsorted(times, when[1:])
    bolus = np.zeros((times.size, m))
    delta = np.zeros((times.size, m))
    b_rows = [(k, b) for k, (_, b, _) in zip(slot, items) if b is not None]
    r_rows = [(k, r) for k, (_, _, r) in zip(slot, items) if r is not None]
    if b_rows:
        np.add.at(bolus, np.array([k for k, _ in b_rows]), np.array([b for _, b in b_rows]))
    if r_rows:
        np.add.at(delta, np.array([k for k, _ in r_rows]), np.array([r for _, r in r_rows]))
    rate = np.cumsum(delta, axis=0)
    rate[np.abs(rate) < 1e-14 * (np.abs(delta).max() + 1e-300)] = 0.0  # exact zero after an infusion ends
    return _Events(times, bolus, rate)


class _ModalPart:
    r"""Eigen path for subjects whose eigenvectors are well conditioned.

    In modal coordinates :math:`y = V^{-1}x` the propagation is diagonal, so the state at every
    segment start follows from a cheap recurrence, and the time integral of the state
    (:math:`J = \int y`) with it: :math:`J_{k+1} = J_k + \varphi\,y_k + \psi\,w_k`,
    :math:`y_{k+1} = e^{\lambda\Delta}y_k + \varphi\,w_k + V^{-1}b_{k+1}`.
    """

    def __init__(self, lam, vec, ev: _Events, has_input: bool):
        if np.iscomplexobj(lam) and not np.any(lam.imag):
            lam, vec = lam.real, vec.real
        self.lam, self.has_input = lam, has_input
        self.vt = np.swapaxes(vec, 1, 2)
        vinv = np.linalg.inv(vec)
        b = np.einsum("sij,ej->sei", vinv, ev.bolus)
        self.w = np.einsum("sij,ej->sei", vinv, ev.rate) if has_input else None
        S, E, m = b.shape
        tau = np.diff(ev.starts)[None, :, None]
        z = lam[:, None, :] * tau
        e, ph = np.exp(z), _phi(z, tau)
        ps = _psi(z, tau) if has_input else None
        y = np.empty_like(b)
        J = np.zeros_like(b)
        yk, jk = b[:, 0], np.zeros_like(b[:, 0])
        y[:, 0] = yk
        for k in range(1, E):
            jk = jk + ph[:, k - 1] * yk
            yk = e[:, k - 1] * yk + b[:, k]
            if has_input:
                jk = jk + ps[:, k - 1] * self.w[:, k - 1]
                yk = yk + ph[:, k - 1] * self.w[:, k - 1]
            y[:, k], J[:, k] = yk, jk
        self.y, self.J = y, J

    def evaluate(self, k, tau, integral):
        yk = self.y[:, k]
        t = tau[None, :, None]
        z = self.lam[:, None, :] * t
        ph = _phi(z, t) if (self.has_input or integral) else None
        ps = _psi(z, t) if (self.has_input and integral) else None
        # in place: for many subjects and times each (S, N, m) temporary costs as much as the
        # arithmetic on it; the values are the same as exp(z) * yk + ...
        modal = np.exp(z, out=z)
        modal *= yk
        if self.has_input:
            wk = self.w[:, k]
            modal += ph * wk
        x = (modal @ self.vt).real
        integ = None
        if integral:
            im = ph * yk
            im += self.J[:, k]
            if self.has_input:
                im += ps * wk
            integ = (im @ self.vt).real
        return x, integ


class _ExpmPart:
    """Matrix-exponential path (Van Loan) for subjects with (nearly) coinciding rate constants."""

    def __init__(self, K, ev: _Events):
        self.K = K
        S, m, _ = K.shape
        E = ev.starts.size
        self.u = np.broadcast_to(ev.rate, (S, E, m))
        self.x0 = np.zeros((S, E, m))  # state at each segment start, after its bolus
        self.i0 = np.zeros((S, E, m))  # integral of the state from 0 to each segment start
        state = np.zeros((S, m))
        integral = np.zeros((S, m))
        for k in range(E):
            if k > 0:
                tau = ev.starts[k] - ev.starts[k - 1]
                xk, ik = self._step(state[:, None], self.u[:, k - 1][:, None], np.full((S, 1), tau))
                state, integral = xk[:, 0], integral + ik[:, 0]
            state = state + ev.bolus[k]
            self.x0[:, k], self.i0[:, k] = state, integral

    def _step(self, x, u, tau):
        """x, u: (S, N, m); tau: (S, N) -> exact state and integral increment."""
        from scipy.linalg import expm  # imported lazily: only this rare path needs scipy

        S, N, m = x.shape
        M = np.zeros((S, N, 2 * m + 1, 2 * m + 1))
        M[:, :, :m, :m] = self.K[:, None]
        M[:, :, m:2 * m, :m] = np.eye(m)
        M[:, :, :m, 2 * m] = u
        M *= tau[:, :, None, None]
        v = np.concatenate([x, np.zeros((S, N, m)), np.ones((S, N, 1))], axis=-1)
        out = np.einsum("snij,snj->sni", expm(M), v)
        return out[..., :m], out[..., m:2 * m]

    def evaluate(self, k, tau, integral):
        S = self.K.shape[0]
        x, integ = self._step(self.x0[:, k], self.u[:, k], np.broadcast_to(tau, (S, tau.size)))
        return x, (integ + self.i0[:, k]) if integral else None


class _Solution:
    """Piecewise exact solution for S subjects; evaluates state and its integral at any times.

    Each subject takes the eigen path unless its eigenvector matrix is ill conditioned
    (condition number >= CONDITION_LIMIT, i.e. rate constants that coincide or nearly do);
    those subjects alone take the matrix-exponential path.
    """

    def __init__(self, K: np.ndarray, ev: _Events):
        self.K = K  # (S, m, m)
        self.ev = ev
        self.has_input = bool(np.any(ev.rate))
        lam, vec = np.linalg.eig(K)
        with np.errstate(all="ignore"):
            cond = np.linalg.cond(vec)
        ok = np.isfinite(cond) & (cond < CONDITION_LIMIT)
        #: True when every subject took the eigen path.
        self.modal = bool(ok.all())
        self._parts = []
        modal_idx, expm_idx = np.flatnonzero(ok), np.flatnonzero(~ok)
        if modal_idx.size:
            self._parts.append((modal_idx, _ModalPart(lam[modal_idx], vec[modal_idx], ev, self.has_input)))
        if expm_idx.size:
            self._parts.append((expm_idx, _ExpmPart(K[expm_idx], ev)))

    def evaluate(self, times: np.ndarray, side: str = "right", integral: bool = True):
        """State and (if asked) its integral from 0, shape (S, N, m) each, at ``times`` (h)."""
        k = np.searchsorted(self.ev.starts, times, side=side) - 1
        before = k < 0  # only at t = 0 with side="left": nothing given yet
        k = np.maximum(k, 0)
        tau = np.where(before, 0.0, times - self.ev.starts[k])
        if len(self._parts) == 1:
            x, integ = self._parts[0][1].evaluate(k, tau, integral)
        else:
            S, m = self.K.shape[0], self.K.shape[1]
            x = np.empty((S, times.size, m))
            integ = np.empty((S, times.size, m)) if integral else None
            for idx, part in self._parts:
                xp, ip = part.evaluate(k, tau, integral)
                x[idx] = xp
                if integral:
                    integ[idx] = ip
        if before.any():
            x[:, before] = 0.0
            if integral:
                integ[:, before] = 0.0
        return x, integ


def simulate(model: Model | ModelBatch, regimen: Regimen, times, *, side: str = "right") -> "Result":
    """Concentrations and amounts of every compartment at ``times`` (h) under ``regimen``.

    Parameters
    ----------
    model : a :class:`~pkmodel.model.Model`, or a :class:`~pkmodel.model.ModelBatch` of S
        subjects (results then carry a leading subject axis).
    regimen : the doses.
    times : sorted, non-negative times in hours.
    side : ``"right"`` (default) reports the value just after a dose given at that instant,
        ``"left"`` the value just before it (a trough).
    """
    if isinstance(model, ModelBatch):
        base, K = model.model, model.rate_matrix()
        volumes = model.volumes()
        el_cl = model.elimination_clearances()
        batched = True
    elif isinstance(model, Model):
        base, K = model, model.rate_matrix()[None]
        volumes = np.array([[c.volume for c in model.compartments]])
        el_cl = np.array([[c.clearance for c in model.compartments]])
        batched = False
    else:
        raise ValueError(f"model must be a Model or ModelBatch; got {type(model).__name__}")
    if not isinstance(regimen, Regimen):
        raise ValueError(f"regimen must be a Regimen; got {type(regimen).__name__}")
    check.choice("side", side, ("right", "left"))
    t = check.times("times", times)
    solution = _Solution(K, _events(base, regimen))
    x, _ = solution.evaluate(t, side, integral=False)
    return Result(t, base, regimen, x, volumes, el_cl, batched, solution, side)


@dataclass(frozen=True)
class Result:
    """What :func:`simulate` returns: times, per-compartment amounts and concentrations.

    Arrays are (N,) for a single model and (S, N) for a batch of S subjects. Address a
    compartment by name: ``result.concentration("diazepam", "ng/mL")``.
    """

    times: np.ndarray
    model: Model
    regimen: Regimen
    state: np.ndarray = field(repr=False)  # (S, N, m) in state units (mmol if molar, else mg)
    volumes: np.ndarray = field(repr=False)  # (S, n) L
    elimination_clearances: np.ndarray = field(repr=False)  # (S, n) L/h
    batched: bool = False
    _solution: _Solution = field(default=None, repr=False, compare=False)
    side: str = "right"  # which side of a dose given exactly at a reported time

    @property
    def names(self) -> tuple[str, ...]:
        """Compartment names."""
        return self.model.names

    @property
    def state_unit(self) -> str:
        """Unit of :attr:`state`: ``"mmol"`` when molar masses are known, else ``"mg"``."""
        return "mmol" if self.model.molar else "mg"

    def _out(self, arr):
        return arr if self.batched else arr[0]

    def amount(self, name: str, unit: str = "mg") -> np.ndarray:
        """Amount in compartment ``name`` (``"depot"`` for the gut depot), in mg, µg, µmol or mmol."""
        if name == "depot" and self.model.absorption is not None and "depot" not in self.names:
            i = self.model.n_states - 1
            mw = self.model.molar_masses()[self.model.index(self.model.absorption.into)]
        else:
            i = self.model.index(name)
            mw = self.model.molar_masses()[i]
        return self._out(self._amount_units(self.state[..., i], mw, unit, name))

    def _amount_units(self, x, mw, unit, name):
        if unit in AMOUNT_UNITS:
            return x * mw * AMOUNT_UNITS[unit]
        if unit in ("mmol", "umol", "µmol") and self.model.molar:
            return x * (1.0 if unit == "mmol" else 1e3)
        allowed = list(AMOUNT_UNITS) + (["mmol", "µmol"] if self.model.molar else [])
        raise ValueError(f"unit for amount of {name!r} must be one of {allowed}; got {unit!r}")

    def concentration(self, name: str, unit: str = "mg/L") -> np.ndarray:
        """Concentration in compartment ``name``: mg/L, ng/mL (= µg/L) or, with a molar mass, nmol/L, µmol/L."""
        i = self.model.index(name)
        return self._out(self._conc_units(self.state[..., i] / self.volumes[:, None, i], i, unit))

    def _conc_units(self, c_state, i, unit):
        mw = self.model.molar_masses()[i]
        if unit in CONCENTRATION_UNITS:
            return c_state * mw * CONCENTRATION_UNITS[unit]
        if unit in MOLAR_UNITS and self.model.molar:
            return c_state * MOLAR_UNITS[unit]  # state is mmol/L
        allowed = list(CONCENTRATION_UNITS) + (list(MOLAR_UNITS) if self.model.molar else [])
        raise ValueError(f"unit for concentration of {self.names[i]!r} must be one of {allowed} "
                         f"(molar units need molar masses); got {unit!r}")

    def auc(self, name: str, start: float = 0.0, end: float | None = None, unit: str = "mg/L") -> np.ndarray:
        r"""Exact :math:`\int_{start}^{end} C(t)\,dt` for compartment ``name``, in ``unit``·h.

        ``end`` defaults to the last time of the result. Computed from the analytic integral of
        the solution, not from the grid.
        """
        end = self.times[-1] if end is None else end
        start = check.non_negative("start (h)", start)
        end = check.number("end (h)", end, low=start, allowed=f"a finite time >= start ({start:g} h)")
        i = self.model.index(name)
        _, integ = self._solution.evaluate(np.array([start, end]))
        a = (integ[:, 1, i] - integ[:, 0, i]) / self.volumes[:, i]
        out = self._conc_units(a, i, unit)
        return out if self.batched else out[0]

    def eliminated(self) -> np.ndarray:
        r"""Amount eliminated from the body up to each time, state units:
        :math:`\sum_i (CL_i / V_i) \int_0^t A_i\,dt`."""
        rates = self.elimination_clearances / self.volumes  # (S, n)
        n = len(self.model.compartments)
        _, integral = self._solution.evaluate(self.times)
        return self._out(np.einsum("sn,stn->st", rates, integral[..., :n]))

    def in_body(self) -> np.ndarray:
        """Amount in all compartments plus the gut depot at each time, state units."""
        return self._out(self.state.sum(axis=-1))

    def administered(self) -> np.ndarray:
        """Amount that has entered the system (after F, including the gut depot) up to each time, state units."""
        ev = self._solution.ev
        bolus = ev.bolus.sum(axis=1)
        S = self.state.shape[0]
        out = np.zeros(self.times.size)
        for k, t0 in enumerate(ev.starts):
            given = self.times > t0 if self.side == "left" else self.times >= t0  # as the state
            out += np.where(given, bolus[k], 0.0)
            rate = ev.rate[k].sum()
            if rate:
                t1 = ev.starts[k + 1] if k + 1 < ev.starts.size else np.inf
                out += rate * np.clip(self.times - t0, 0.0, t1 - t0)
        return self._out(np.broadcast_to(out, (S, out.size)).copy())

    def at(self, times, side: str = "right") -> "Result":
        """The same solution evaluated at other ``times`` (exact; no re-simulation).

        ``side="left"`` gives values just before any dose given at those instants (troughs).
        """
        check.choice("side", side, ("right", "left"))
        t = check.times("times", times)
        x, _ = self._solution.evaluate(t, side, integral=False)
        return Result(t, self.model, self.regimen, x, self.volumes, self.elimination_clearances,
                      self.batched, self._solution, side)
