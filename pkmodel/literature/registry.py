"""The drug registry: every module in :mod:`pkmodel.literature.drugs` that exposes ``DRUG``.

Adding a drug is adding a module (or package) there; :func:`discover` imports each one found by
:func:`pkgutil.iter_modules` (names starting with ``_`` are skipped). A module kept elsewhere (a
course's own drug, a test's toy) is added with :func:`register_drug`. The registry also gathers
every drug's species and modifiers, so the generic machinery can find them by name.
"""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType

from .naming import text, unknown
from .drug import Drug, Species

_DRUGS: dict[str, Drug] = {}
#: Every registered species by name (a drug and the metabolites its module models).
SPECIES: dict[str, Species] = {}
#: Every registered modifier factory by name, with the drug that defines it.
_MODIFIERS: dict[str, tuple[str, object]] = {}


def register_drug(module: ModuleType | Drug) -> Drug:
    """Add a drug (a module exposing ``DRUG``, or a :class:`Drug`); returns the :class:`Drug`.

    Registering the same drug again replaces it (a reloaded module); a species or modifier name
    that another drug already defines differently is an error.
    """
    drug = module if isinstance(module, Drug) else getattr(module, "DRUG", None)
    if not isinstance(drug, Drug):
        raise TypeError(f"register_drug takes a module exposing DRUG (a Drug) or a Drug; got {module!r}")
    for name, sp in drug.species.items():
        old = SPECIES.get(name)
        owner = next((d.name for d in _DRUGS.values() if name in d.species), None)
        if old is not None and owner not in (None, drug.name) and old.molar_mass != sp.molar_mass:
            raise ValueError(f"species {name!r} is already defined by drug {owner!r} with another molar mass")
    for name in drug.modifiers:
        if name in _MODIFIERS and _MODIFIERS[name][0] != drug.name:
            raise ValueError(f"modifier {name!r} is already defined by drug {_MODIFIERS[name][0]!r}")
    _DRUGS[drug.name] = drug
    for name, sp in drug.species.items():
        SPECIES.setdefault(name, sp)
        if name == drug.name:
            SPECIES[name] = sp  # a drug's own record wins over a parent's copy
    for name, factory in drug.modifiers.items():
        _MODIFIERS[name] = (drug.name, factory)
    return drug


def unregister_drug(name: str) -> None:
    """Remove drug ``name`` with the species and modifiers only it defines (a temporary drug, a test)."""
    drug = get_drug(name)
    del _DRUGS[drug.name]
    for sp in drug.species:
        if SPECIES.get(sp) is drug.species[sp] or not any(sp in d.species for d in _DRUGS.values()):
            SPECIES.pop(sp, None)
            for other in _DRUGS.values():  # a species another drug also models stays registered
                if sp in other.species:
                    SPECIES[sp] = other.species[sp]
    for m in [m for m, (owner, _) in _MODIFIERS.items() if owner == drug.name]:
        del _MODIFIERS[m]


def discover() -> tuple[str, ...]:
    """Import and register every drug module in :mod:`pkmodel.literature.drugs`; returns their names."""
    package = importlib.import_module(f"{__package__}.drugs")
    for info in pkgutil.iter_modules(package.__path__):
        if not info.name.startswith("_"):
            register_drug(importlib.import_module(f"{package.__name__}.{info.name}"))
    return drugs()


def drugs() -> tuple[str, ...]:
    """Names of the registered drugs, alphabetically."""
    return tuple(sorted(_DRUGS))


def get_drug(name) -> Drug:
    """The registered :class:`Drug` called ``name``; an unknown name lists the drugs."""
    text("drug", name)
    try:
        return _DRUGS[name]
    except KeyError:
        raise unknown("drug", name, drugs()) from None


def modifier_names() -> tuple[str, ...]:
    """Names of every registered modifier."""
    return tuple(_MODIFIERS)


def modifier_factory(name):
    """``(drug name, factory)`` of modifier ``name``; an unknown name lists the modifiers."""
    text("modifier name", name)
    try:
        return _MODIFIERS[name]
    except KeyError:
        raise unknown("modifier", name, _MODIFIERS) from None


def species(name) -> Species:
    """The :class:`Species` called ``name`` (or one of its aliases); an unknown name lists them."""
    text("species name", name)
    for s in SPECIES.values():
        if name == s.name or name in s.aliases:
            return s
    raise unknown("species", name, list(SPECIES) + [a for s in SPECIES.values() for a in s.aliases])
