"""What :func:`pkmodel.simulate` returns: a :class:`Result` holding the exact piecewise solution.

Amounts and concentrations by compartment name, in mass or molar units; exact AUC and amount
eliminated from the analytic time integral; the same solution at other times (:meth:`Result.at`).
Every name and unit is checked: a wrong type raises ``TypeError``, an unknown name a
``ValueError`` that lists the allowed ones and suggests the closest; no inf or nan leaves a
method silently (``OverflowError``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from numbers import Real

import numpy as np

from . import _validate as check
from .model import Model
from .regimen import Regimen
from .units import AMOUNT_UNITS, CONCENTRATION_UNITS, MOLAR_AMOUNT_UNITS, MOLAR_UNITS


def _times(name: str, values) -> np.ndarray:
    """``check.times`` after refusing what is not numbers (None, strings, booleans) with a TypeError."""
    def bad(v):
        return v is None or isinstance(v, (str, bytes, bool, np.bool_)) or not isinstance(v, (Real, np.number))

    if isinstance(values, np.ndarray):
        if values.dtype.kind not in "iuf":
            raise TypeError(f"{name} must be numbers of hours; got an array of dtype {values.dtype}")
    elif isinstance(values, (str, bytes)) or (not hasattr(values, "__iter__") and bad(values)):
        raise TypeError(f"{name} must be a number or a sequence of numbers (hours); got {values!r} "
                        f"({type(values).__name__})")
    elif hasattr(values, "__iter__"):
        values = list(values)
        for i, v in enumerate(values):
            if bad(v):
                raise TypeError(f"{name} must be a sequence of numbers (hours); got {v!r} "
                                f"({type(v).__name__}) at index {i}")
    return check.times(name, values)


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
    _solution: object = field(default=None, repr=False, compare=False)  # simulate._Solution
    side: str = "right"  # which side of a dose given exactly at a reported time

    @property
    def names(self) -> tuple[str, ...]:
        """Compartment names."""
        return self.model.names

    @property
    def state_unit(self) -> str:
        """Unit of :attr:`state`: ``"mmol"`` when molar masses are known, else ``"mg"``."""
        return "mmol" if self.model.molar else "mg"

    def _out(self, arr, what="value"):
        if not np.isfinite(arr).all():  # last line of defence: no inf or nan leaves silently
            raise OverflowError(f"the {what} is too large for double precision (largest dose "
                                f"{max((d.amount for d in self.regimen.doses), default=0.0):g} mg; smallest "
                                f"volume {self.volumes.min():g} L)")
        return arr if self.batched else arr[0]

    def amount(self, name: str, unit: str = "mg") -> np.ndarray:
        """Amount in compartment ``name`` (``"depot"`` for the gut depot), in mg, µg, µmol or mmol."""
        name = check.text("name", name, allowed="a string (a compartment name)")
        if name == "depot" and self.model.absorption is not None and "depot" not in self.names:
            i = self.model.n_states - 1
            mw = self.model.molar_masses()[self.model.index(self.model.absorption.into)]
        else:
            i = self.model.index(name)
            mw = self.model.molar_masses()[i]
        return self._out(self._amount_units(self.state[..., i], mw, unit, name), f"amount in {name!r}")

    def _amount_units(self, x, mw, unit, name):
        if unit in AMOUNT_UNITS:
            return x * mw * AMOUNT_UNITS[unit]
        if unit in MOLAR_AMOUNT_UNITS and self.model.molar:
            return x * MOLAR_AMOUNT_UNITS[unit]  # state is mmol
        allowed = list(AMOUNT_UNITS) + (list(MOLAR_AMOUNT_UNITS) if self.model.molar else [])
        raise ValueError(f"unit for amount of {name!r} must be one of {allowed}; got {unit!r}{_hint(unit, allowed)}")

    def concentration(self, name: str, unit: str = "mg/L") -> np.ndarray:
        """Concentration in compartment ``name``: mg/L, ng/mL (= µg/L) or, with a molar mass, nmol/L, µmol/L."""
        i = self.model.index(check.text("name", name, allowed="a string (a compartment name)"))
        with np.errstate(over="ignore"):
            c = self._conc_units(self.state[..., i] / self.volumes[:, None, i], i, unit)
        return self._out(c, f"concentration of {name!r}")

    def _conc_units(self, c_state, i, unit):
        mw = self.model.molar_masses()[i]
        if unit in CONCENTRATION_UNITS:
            return c_state * mw * CONCENTRATION_UNITS[unit]
        if unit in MOLAR_UNITS and self.model.molar:
            return c_state * MOLAR_UNITS[unit]  # state is mmol/L
        allowed = list(CONCENTRATION_UNITS) + (list(MOLAR_UNITS) if self.model.molar else [])
        raise ValueError(f"unit for concentration of {self.names[i]!r} must be one of {allowed} "
                         f"(molar units need molar masses); got {unit!r}{_hint(unit, allowed)}")

    def auc(self, name: str, start: float = 0.0, end: float | None = None, unit: str = "mg/L") -> np.ndarray:
        r"""Exact :math:`\int_{start}^{end} C(t)\,dt` for compartment ``name``, in ``unit``·h.

        ``end`` defaults to the last time of the result. Computed from the analytic integral of
        the solution, not from the grid.
        """
        i = self.model.index(check.text("name", name, allowed="a string (a compartment name)"))
        end = self.times[-1] if end is None else end
        start = check.non_negative("start (h)", start)
        end = check.number("end (h)", end, low=start, allowed=f"a finite time >= start ({start:g} h)")
        _, integ = self._solution.evaluate(np.array([start, end]))
        with np.errstate(over="ignore", invalid="ignore"):
            out = self._conc_units((integ[:, 1, i] - integ[:, 0, i]) / self.volumes[:, i], i, unit)
        return self._out(out, f"AUC of {name!r}")

    def eliminated(self) -> np.ndarray:
        r"""Amount eliminated from the body up to each time, state units:
        :math:`\sum_i (CL_i / V_i) \int_0^t A_i\,dt`."""
        rates = self.elimination_clearances / self.volumes  # (S, n)
        n = len(self.model.compartments)
        _, integral = self._solution.evaluate(self.times)
        with np.errstate(over="ignore", invalid="ignore"):
            out = np.einsum("sn,stn->st", rates, integral[..., :n])
        return self._out(out, "amount eliminated")

    def in_body(self) -> np.ndarray:
        """Amount in all compartments plus the gut depot at each time, state units."""
        with np.errstate(over="ignore"):
            out = self.state.sum(axis=-1)
        return self._out(out, "amount in the body")

    def administered(self) -> np.ndarray:
        """Amount that has entered the system (after F, including the gut depot) up to each time, state units."""
        ev = self._solution.ev
        starts = ev.starts
        # bolus given by each time (on the same side of a dose instant as the state)
        given = np.searchsorted(starts, self.times, side="left" if self.side == "left" else "right")
        bolus = np.concatenate([[0.0], np.cumsum(ev.bolus.sum(axis=1))])[given]
        # infusion: total rate per segment, integrated exactly up to each time
        rate = ev.rate.sum(axis=1)
        seg = np.maximum(np.searchsorted(starts, self.times, side="right") - 1, 0)
        done = np.concatenate([[0.0], np.cumsum(rate[:-1] * np.diff(starts))])
        infused = done[seg] + rate[seg] * np.maximum(self.times - starts[seg], 0.0)
        out = bolus + infused
        S = self.state.shape[0]
        return self._out(np.broadcast_to(out, (S, out.size)).copy())

    def at(self, times, side: str = "right") -> "Result":
        """The same solution evaluated at other ``times`` (exact; no re-simulation).

        ``side="left"`` gives values just before any dose given at those instants (troughs).
        """
        check.choice("side", side, ("right", "left"))
        t = _times("times", times)
        x, _ = self._solution.evaluate(t, side, integral=False)
        return Result(t, self.model, self.regimen, x, self.volumes, self.elimination_clearances,
                      self.batched, self._solution, side)


def _hint(value, allowed) -> str:
    """``"; did you mean 'x'?"`` for the closest allowed name, else ``""``."""
    msg = str(check.unknown_name("", value, allowed))
    return "; " + msg[msg.index("did you mean"):msg.index("?") + 1] if "did you mean" in msg else ""
