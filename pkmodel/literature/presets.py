r"""Presets: a ready-made :class:`~pkmodel.model.Model` with every parameter's provenance.

A :class:`Preset` is built by a drug module (:mod:`pkmodel.literature.drugs`) from **published
group means**, for teaching: it describes no one person and nothing here recommends or adjusts a
dose. :func:`preset` asks the drug module for one of its study groups
(``preset("elderly")``, ``preset("young adult", drug="lorazepam")``).

Parameter keys are ``"<species>.<quantity>"``: ``clearance`` (L/h, metabolic clearance from the
central compartment), ``volume`` (L, the apparent volume :math:`CL\,t_{1/2}/\ln 2`),
``half_life`` (h, terminal), and for a two-compartment drug ``central_volume``,
``peripheral_volume`` and ``intercompartmental_clearance``; plus ``absorption.*``, ``age``,
``weight_kg`` and a drug's own (``fraction.*``, ``distribution.*``). The central compartment of a
species carries the species' name, so ``result.concentration(name)`` is its plasma concentration
and ``model.half_life(name)`` its terminal half-life.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Mapping

from ..model import Model
from .naming import text, unknown
from .values import Value


@dataclass(frozen=True)
class Preset:
    """A drug model built from published group means, for teaching.

    Attributes
    ----------
    name : the preset's name (``"young adult"``, ``"elderly"``, ``"age 45"``, ...).
    label : a human-readable label with the source (e.g. ``"Elderly (61-78 y, G21), 70 kg"``).
    model : the :class:`~pkmodel.model.Model`.
    parameters : every number used, as :class:`~pkmodel.literature.values.Value` with provenance,
        in a read-only mapping keyed ``"diazepam.half_life"``, ``"diazepam.clearance"``, ...
    age : representative age in years (a group's range midpoint for the study-group presets).
    weight_kg : body weight the clearances and volumes are scaled to.
    sources : keys of every source the parameters rest on.
    description : what the preset describes and how it was built.
    sex : ``None``, ``"male"`` or ``"female"``.
    full : whether the drug's minor metabolites are included (diazepam).
    modifiers : names of modifiers applied (see :func:`pkmodel.literature.apply`).
    drug : the drug module that built it.
    """

    name: str
    label: str
    model: Model
    parameters: Mapping[str, Value] = field(repr=False)
    age: float
    weight_kg: float
    sources: tuple[str, ...] = ()
    description: str = field(repr=False, default="")
    sex: str | None = None
    full: bool = False
    modifiers: tuple[str, ...] = ()
    drug: str = "diazepam"

    __hash__ = None  # parameters is a mapping

    def __post_init__(self):
        params = dict(self.parameters)
        for k, val in params.items():
            if not isinstance(val, Value):
                raise TypeError(f"parameters[{k!r}] must be a Value; got {val!r}")
            if k.endswith((".clearance", ".volume", ".half_life")) and not val.value > 0:
                raise ValueError(f"{k} must be > 0; got {val.value!r} ({val.reported})")
        object.__setattr__(self, "parameters", MappingProxyType(params))
        if not self.sources:
            keys = tuple(dict.fromkeys(k for val in params.values() for k in val.source_keys()))
            object.__setattr__(self, "sources", keys)

    def value(self, key: str) -> Value:
        """The parameter ``key`` (e.g. ``"diazepam.half_life"``); an unknown key lists the keys."""
        text("parameter key", key)
        try:
            return self.parameters[key]
        except KeyError:
            raise unknown("parameter", key, sorted(self.parameters)) from None

    def cite(self, key: str) -> str:
        """Provenance and citations of parameter ``key``."""
        return self.value(key).cite()

    def half_life(self, name: str | None = None) -> float:
        """Terminal half-life of species ``name`` (default: the drug) in this model, h."""
        return self.model.half_life(self.drug if name is None else name)

    def clearance(self, name: str | None = None) -> float:
        """Metabolic clearance of species ``name`` (default: the drug), L/h."""
        return self.value(f"{self.drug if name is None else name}.clearance").value

    def volume(self, name: str | None = None) -> float:
        """Apparent volume of species ``name`` (default: the drug), :math:`CL\\,t_{1/2}/\\ln 2`, L."""
        return self.value(f"{self.drug if name is None else name}.volume").value


def preset(group: str, *, drug: str = "diazepam", **options) -> Preset:
    """A model of one published study group of ``drug`` (its group means), for teaching.

    Parameters
    ----------
    group : one of the drug's groups, e.g. ``"young adult"`` or ``"elderly"`` (see
        ``lit.groups(drug)``).
    drug : a registered drug (``lit.drugs()``); default ``"diazepam"``.
    options : passed to the drug module. Diazepam: ``weight_kg`` (70), ``full`` (False: add
        temazepam and oxazepam), ``fraction_to_dmdz`` (override the teaching assumption). The
        others: ``weight_kg``.

    The presets describe published group means, for teaching; they recommend nothing for anyone.
    Every number's provenance: ``preset(...).cite(key)``.
    """
    from .registry import get_drug

    d = get_drug(text("drug", drug))
    text("group", group)
    key = group.strip().lower()
    if key not in d.groups:
        raise unknown(f"preset for {d.name}", group, d.groups)
    return d.build_preset(key, **options)


def groups(drug: str = "diazepam") -> tuple[str, ...]:
    """The preset (study group) names of ``drug``."""
    from .registry import get_drug

    return get_drug(drug).groups
