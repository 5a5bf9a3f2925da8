r"""Linear compartment models: named compartments, first-order flows, an oral absorption depot.

Units throughout: amounts in mg (doses) or mmol (internal state, when molar masses are
known), volumes in L, clearances in L/h, rate constants in 1/h, times in h.

A model is a set of compartments :math:`i` with volume :math:`V_i` and elimination clearance
:math:`CL_i` (out of the body), joined by transfers :math:`i \to j` with clearance
:math:`CL_{ij}`. Each flow is first order, with rate constant *clearance / source volume*:

.. math::

    \frac{dA_i}{dt} = -\frac{CL_i + \sum_j CL_{ij}}{V_i} A_i + \sum_j \frac{CL_{ji}}{V_j} A_j
                      + k_a A_{depot}\,[i = \text{absorption target}] + u_i(t)

where :math:`u_i` are zero-order infusion rates. Amounts are kept in moles when every
compartment names a molar mass, so that a parent converted to a metabolite conserves
molecules, not milligrams. This module knows nothing of diazepam; :mod:`pkmodel.literature`
builds the diazepam models from published parameters.

Parameters are immutable; change them with :func:`dataclasses.replace`, which validates again.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Mapping

import numpy as np

from . import _validate as check

from .units import LN2


@dataclass(frozen=True)
class Compartment:
    """One well-stirred compartment.

    Parameters
    ----------
    name : unique name, used to address the compartment everywhere (e.g. ``"diazepam"``).
    volume : apparent volume of distribution, L (> 0).
    clearance : elimination clearance out of the body from this compartment, L/h (>= 0).
    molar_mass : g/mol of the species held here; needed for nmol/L and for parent → metabolite
        conversion in moles. ``None`` for a generic drug (amounts then stay in mg).
    species : the chemical species (defaults to ``name``); a peripheral compartment of a
        two-compartment drug names its drug here.
    """

    name: str
    volume: float
    clearance: float = 0.0
    molar_mass: float | None = None
    species: str | None = None

    def __post_init__(self):
        if not isinstance(self.name, str):
            raise TypeError(f"Compartment name must be a non-empty string; got {self.name!r} "
                            f"({type(self.name).__name__})")
        if not self.name:
            raise ValueError(f"Compartment name must be a non-empty string; got {self.name!r}")
        if self.species is not None:
            check.text(f"species of {self.name!r}", self.species)
        object.__setattr__(self, "volume", check.positive(f"volume of {self.name!r} (L)", self.volume))
        object.__setattr__(self, "clearance",
                           check.non_negative(f"clearance of {self.name!r} (L/h)", self.clearance))
        if self.molar_mass is not None:
            object.__setattr__(self, "molar_mass",
                               check.positive(f"molar_mass of {self.name!r} (g/mol)", self.molar_mass))
        if self.species is None:
            object.__setattr__(self, "species", self.name)


@dataclass(frozen=True)
class Transfer:
    """First-order transfer ``source → target`` with clearance ``clearance`` (L/h).

    Rate constant :math:`k = CL / V_{source}`. A metabolite formed from a parent is a transfer
    whose clearance is the fraction of the parent's clearance that forms it.
    """

    source: str
    target: str
    clearance: float

    def __post_init__(self):
        check.text("Transfer source", self.source)
        check.text("Transfer target", self.target)
        if self.source == self.target:
            raise ValueError(f"Transfer source and target must differ; got {self.source!r} twice")
        object.__setattr__(self, "clearance", check.non_negative(
            f"clearance of transfer {self.source!r} -> {self.target!r} (L/h)", self.clearance))


@dataclass(frozen=True)
class Absorption:
    """First-order oral absorption from a gut depot into compartment ``into``.

    Parameters
    ----------
    into : compartment the absorbed drug enters.
    ka : absorption rate constant, 1/h (> 0); absorption half-life is ln2/ka.
    bioavailability : fraction F of an oral dose that reaches ``into``, in (0, 1].
    lag : lag time before absorption starts, h (>= 0).
    """

    into: str
    ka: float
    bioavailability: float = 1.0
    lag: float = 0.0

    def __post_init__(self):
        check.text("Absorption into (compartment name)", self.into)
        object.__setattr__(self, "ka", check.positive("ka (1/h)", self.ka))
        object.__setattr__(self, "bioavailability",
                           check.fraction("bioavailability F", self.bioavailability))
        object.__setattr__(self, "lag", check.non_negative("lag (h)", self.lag))


@dataclass(frozen=True)
class Model:
    """A linear compartment model.

    Parameters
    ----------
    compartments : the compartments, in the order results report them.
    transfers : first-order flows between compartments.
    absorption : the oral route (``None`` if the model takes IV doses and infusions only).
    dose_compartment : where IV doses and infusions go unless a dose names another;
        defaults to the first compartment.
    name : a label for plots and reprs.
    """

    compartments: tuple[Compartment, ...]
    transfers: tuple[Transfer, ...] = ()
    absorption: Absorption | None = None
    dose_compartment: str | None = None
    name: str = ""
    _index: dict = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        if isinstance(self.compartments, (str, bytes)) or not hasattr(self.compartments, "__iter__"):
            raise TypeError(f"compartments must be a non-empty sequence of Compartment; got "
                            f"{self.compartments!r:.80} ({type(self.compartments).__name__})")
        comps = tuple(self.compartments)
        if not comps:
            raise ValueError("compartments must be a non-empty sequence of Compartment; got an empty sequence")
        for i, c in enumerate(comps):
            if not isinstance(c, Compartment):
                raise TypeError(f"compartments[{i}] must be a Compartment; got {c!r:.80} ({type(c).__name__})")
        object.__setattr__(self, "compartments", comps)
        check.text("Model name", self.name)
        names = [c.name for c in comps]
        dupes = sorted({n for n in names if names.count(n) > 1})
        if dupes:
            raise ValueError(f"compartment names must be unique; repeated: {dupes}")
        object.__setattr__(self, "_index", {n: i for i, n in enumerate(names)})
        if isinstance(self.transfers, (str, bytes)) or not hasattr(self.transfers, "__iter__"):
            raise TypeError(f"transfers must be a sequence of Transfer; got {self.transfers!r:.80} "
                            f"({type(self.transfers).__name__})")
        transfers = tuple(self.transfers)
        for i, t in enumerate(transfers):
            if not isinstance(t, Transfer):
                raise TypeError(f"transfers[{i}] must be a Transfer; got {t!r:.80} ({type(t).__name__})")
        object.__setattr__(self, "transfers", transfers)
        if self.absorption is not None and not isinstance(self.absorption, Absorption):
            raise TypeError(f"absorption must be an Absorption or None; got {self.absorption!r:.80} "
                            f"({type(self.absorption).__name__})")
        for t in transfers:
            self.index(t.source, what="transfer source")
            self.index(t.target, what="transfer target")
        if self.absorption is not None:
            self.index(self.absorption.into, what="absorption target")
        if self.dose_compartment is None:
            object.__setattr__(self, "dose_compartment", names[0])
        else:
            self.index(check.text("dose_compartment", self.dose_compartment), what="dose_compartment")
        masses = [c.molar_mass for c in comps]
        if any(m is None for m in masses) and any(m is not None for m in masses):
            raise ValueError("molar_mass must be given for every compartment or for none; "
                             f"got {dict(zip(names, masses))}")

    # ----- naming -------------------------------------------------------------------------
    @property
    def names(self) -> tuple[str, ...]:
        """Compartment names in order."""
        return tuple(c.name for c in self.compartments)

    @property
    def molar(self) -> bool:
        """True if every compartment has a molar mass (state kept in mmol)."""
        return self.compartments[0].molar_mass is not None

    def index(self, name: str, *, what: str = "compartment") -> int:
        """Position of compartment ``name``; a ``ValueError`` lists the known names and suggests the closest."""
        try:
            return self._index[name]
        except (KeyError, TypeError):
            if not isinstance(name, str):
                raise TypeError(f"{what} must be a string (a compartment name); got {name!r} "
                                f"({type(name).__name__})") from None
            raise check.unknown_name(what, name, self.names) from None

    def compartment(self, name: str) -> Compartment:
        """The compartment called ``name``."""
        return self.compartments[self.index(name)]

    # ----- derived quantities ---------------------------------------------------------------
    def outflow_clearance(self, name: str) -> float:
        """Total clearance out of compartment ``name`` (elimination + transfers out), L/h."""
        c = self.compartment(name)
        return c.clearance + sum(t.clearance for t in self.transfers if t.source == name)

    def rate_constant(self, name: str) -> float:
        r"""Total first-order rate constant out of ``name``: :math:`k = CL_{out}/V`, 1/h."""
        return self.outflow_clearance(name) / self.compartment(name).volume

    def half_life(self, name: str) -> float:
        r"""Terminal half-life of the species held in ``name``, h.

        The compartments holding that species (``name`` and, for a multi-compartment drug, its
        peripheral compartments) form a sub-system; its slowest decay rate :math:`\lambda_z`
        gives :math:`t_{1/2} = \ln 2/\lambda_z`. Inputs from elsewhere (the gut depot, a parent
        drug) do not count, so a metabolite's half-life is its own disposition half-life. For a
        species in one compartment this is :math:`\ln 2 \cdot V / CL_{out}`.
        """
        species = self.compartment(name).species
        idx = [i for i, c in enumerate(self.compartments) if c.species == species]
        if len(idx) == 1:
            k = self.rate_constant(name)
            return math.inf if k == 0 else LN2 / k
        sub = self.rate_matrix()[np.ix_(idx, idx)]
        rates = -np.linalg.eigvals(sub).real
        slowest = rates.min()
        return math.inf if slowest <= 0 else LN2 / slowest

    def terminal_half_life(self) -> float:
        """ln2 / (smallest non-zero decay rate of the whole system), h: the slowest phase."""
        lam = np.linalg.eigvals(self.rate_matrix())
        rates = -lam.real[lam.real < 0]
        return LN2 / rates.min() if rates.size else math.inf

    @property
    def n_states(self) -> int:
        """Compartments plus the gut depot (if there is an oral route)."""
        return len(self.compartments) + (self.absorption is not None)

    def molar_masses(self) -> np.ndarray:
        """g/mol per compartment; 1.0 where unknown (amounts then stay in mg)."""
        return np.array([c.molar_mass if c.molar_mass is not None else 1.0 for c in self.compartments])

    def rate_matrix(self, volume_factor=None, clearance_factor=None) -> np.ndarray:
        """The matrix :math:`K` of :math:`dA/dt = K A`, shape (n_states, n_states); the depot is last.

        ``volume_factor`` and ``clearance_factor`` (arrays of shape (S, n_compartments)) scale
        each compartment's volume and the clearances out of it, giving a stack (S, n, n).
        """
        n = len(self.compartments)
        m = self.n_states
        vol = np.array([c.volume for c in self.compartments])
        cl_el = np.array([c.clearance for c in self.compartments])
        if volume_factor is None and clearance_factor is None:
            vf = np.ones((1, n))
            cf = np.ones((1, n))
            squeeze = True
        else:
            vf = np.ones((1, n)) if volume_factor is None else np.atleast_2d(volume_factor)
            cf = np.ones((1, n)) if clearance_factor is None else np.atleast_2d(clearance_factor)
            vf, cf = np.broadcast_arrays(vf, cf)
            squeeze = False
        S = vf.shape[0]
        V = vol * vf  # (S, n)
        K = np.zeros((S, m, m))
        idx = np.arange(n)
        with np.errstate(over="ignore"):  # a tiny volume gives inf: simulate() refuses it by name
            K[:, idx, idx] -= cl_el * cf / V
            for t in self.transfers:
                i, j = self._index[t.source], self._index[t.target]
                k = t.clearance * cf[:, i] / V[:, i]
                K[:, i, i] -= k
                K[:, j, i] += k
        if self.absorption is not None:
            d = m - 1
            j = self._index[self.absorption.into]
            K[:, d, d] = -self.absorption.ka
            K[:, j, d] = self.absorption.ka
        return K[0] if squeeze else K

    def vary(self, *, volume_factor: Mapping[str, np.ndarray] | None = None,
             clearance_factor: Mapping[str, np.ndarray] | None = None) -> "ModelBatch":
        """A batch of S subjects: this model with per-subject multipliers on V and CL.

        ``volume_factor[name]`` multiplies that compartment's volume; ``clearance_factor[name]``
        multiplies every clearance out of it (elimination and transfers). Each value is a
        1-D array of positive factors, all of one length S; compartments not named keep
        factor 1. Used for virtual populations (:mod:`pkmodel.literature.variability`).
        """
        for label, mapping in (("volume_factor", volume_factor), ("clearance_factor", clearance_factor)):
            if mapping is not None and not isinstance(mapping, Mapping):
                raise TypeError(f"{label} must be a mapping of compartment name to an array of factors, e.g. "
                                f"{{{self.names[0]!r}: factors}}; got {mapping!r:.80} ({type(mapping).__name__})")
        return ModelBatch(self, dict(volume_factor or {}), dict(clearance_factor or {}))

    def scaled(self, *, clearance: Mapping[str, float] | None = None,
               volume: Mapping[str, float] | None = None) -> "Model":
        """This model with some clearances and volumes multiplied by factors (a new, validated model).

        ``clearance`` maps a compartment name to a factor on its *metabolic* clearance:
        elimination and every transfer to another species (so a metabolite's formation from its
        parent scales with the parent's metabolic clearance), but not distribution to a
        compartment of the same species (a two-compartment drug's intercompartmental clearance);
        or a ``"source->target"`` pair to a factor on that transfer alone. ``volume`` maps a compartment name to a factor on its
        volume. Factors are finite and > 0; names the model lacks raise ``ValueError`` listing the
        names it has. This is the one path by which modifiers (genotype, disease, interacting
        drugs) change any drug's model.
        """
        from dataclasses import replace

        def factors(label, mapping):
            if mapping is None:
                return {}
            if not isinstance(mapping, Mapping):
                raise TypeError(f"{label} must be a mapping of compartment name to factor; "
                                f"got {type(mapping).__name__}")
            return {k: check.positive(f"{label}[{k!r}] (factor)", f) for k, f in mapping.items()}

        cl, vol = factors("clearance", clearance), factors("volume", volume)
        pairs = {f"{t.source}->{t.target}" for t in self.transfers}
        for key in cl:
            if key not in pairs:
                self.index(key, what="clearance compartment (or 'source->target' transfer)")
        for key in vol:
            self.index(key, what="volume compartment")
        comps = tuple(replace(c, volume=c.volume * vol.get(c.name, 1.0),
                              clearance=c.clearance * cl.get(c.name, 1.0)) for c in self.compartments)
        species = {c.name: c.species for c in self.compartments}

        def transfer_factor(t):
            own = cl.get(t.source, 1.0) if species[t.source] != species[t.target] else 1.0
            return own * cl.get(f"{t.source}->{t.target}", 1.0)

        transfers = tuple(replace(t, clearance=t.clearance * transfer_factor(t)) for t in self.transfers)
        return replace(self, compartments=comps, transfers=transfers)


@dataclass(frozen=True)
class ModelBatch:
    """S variants of one :class:`Model`, differing only in volumes and clearances."""

    model: Model
    volume_factor: dict
    clearance_factor: dict
    size: int = field(init=False)

    def __post_init__(self):
        n = len(self.model.compartments)
        sizes = set()
        arrays = {}
        for label, factors in (("volume_factor", self.volume_factor),
                               ("clearance_factor", self.clearance_factor)):
            arr = None
            for name, f in factors.items():
                i = self.model.index(name, what=f"{label} compartment")
                raw = np.asarray(f)
                if raw.dtype.kind not in "iuf":
                    raise TypeError(f"{label}[{name!r}] must be a 1-D array of numbers (factors > 0); got "
                                    f"{f!r:.80} (dtype {raw.dtype})")
                f = raw.astype(float)
                if f.ndim != 1 or f.size == 0:
                    raise ValueError(f"{label}[{name!r}] must be a non-empty 1-D array; got shape {f.shape}")
                if not np.all(np.isfinite(f)) or (f <= 0).any():
                    bad = f[~(np.isfinite(f) & (f > 0))][0]
                    raise ValueError(f"{label}[{name!r}] must hold finite numbers > 0; got {float(bad)!r}")
                sizes.add(f.size)
                if arr is None:
                    arr = {}
                arr[i] = f
            arrays[label] = arr
        if len(sizes) > 1:
            raise ValueError(f"all factor arrays must have one length (subjects); got lengths {sorted(sizes)}")
        if not sizes:
            raise ValueError("vary() needs at least one volume_factor or clearance_factor array")
        S = sizes.pop()
        object.__setattr__(self, "size", S)
        for label in ("volume_factor", "clearance_factor"):
            full = np.ones((S, n))
            for i, f in (arrays[label] or {}).items():
                full[:, i] = f
            object.__setattr__(self, f"_{label}", full)

    def rate_matrix(self) -> np.ndarray:
        """Stack of rate matrices, shape (S, n_states, n_states)."""
        return self.model.rate_matrix(self._volume_factor, self._clearance_factor)

    def volumes(self) -> np.ndarray:
        """Volumes per subject and compartment, L, shape (S, n_compartments)."""
        return np.array([c.volume for c in self.model.compartments]) * self._volume_factor

    def elimination_clearances(self) -> np.ndarray:
        """Elimination clearance per subject and compartment, L/h, shape (S, n_compartments)."""
        return np.array([c.clearance for c in self.model.compartments]) * self._clearance_factor
