"""What a drug module provides, as one frozen record: :class:`Drug` (with :class:`Species`,
:class:`PublishedGroup` and :class:`SingleDosePeak`).

Each module in :mod:`pkmodel.literature.drugs` exposes ``DRUG = Drug(...)``; the registry
(:mod:`pkmodel.literature.registry`) finds it. Nothing here knows any drug by name.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Callable, Mapping

from .values import Value


def _frozen(obj, *names):
    for n in names:
        object.__setattr__(obj, n, MappingProxyType(dict(getattr(obj, n))))


@dataclass(frozen=True)
class Species:
    """One chemical species: ``name`` (its central compartment's name), ``molar_mass`` (g/mol),
    ``unbound_fraction`` (a :class:`Value`, or ``None`` if no verified source reports one),
    ``published`` figures by a short key, and ``aliases``."""

    name: str
    molar_mass: float
    unbound_fraction: Value | None = None
    published: Mapping[str, Value] = field(default_factory=dict)
    aliases: tuple[str, ...] = ()

    def __post_init__(self):
        _frozen(self, "published")


@dataclass(frozen=True)
class PublishedGroup:
    """One study group's mean half-life, as published (a data record for plots and checks).

    ``age_low``/``age_high`` (y) are the group's age range and ``age_mean`` its mean or midpoint
    (``None`` where the study gives no ages); ``condition`` is ``"healthy"`` or what the group had
    (``"CYP2C19 m1/m1"``, ``"with fluvoxamine"``, ...).
    """

    drug: str
    species: str
    source_key: str
    group: str
    half_life: Value
    n: int | None = None
    age_low: float | None = None
    age_high: float | None = None
    age_mean: float | None = None
    sex: str | None = None
    condition: str = "healthy"

    @property
    def half_life_h(self) -> float:
        return self.half_life.value


@dataclass(frozen=True)
class SingleDosePeak:
    """A published peak after one oral dose: ``peak`` (ng/mL, a :class:`Value`) after ``dose_mg``,
    ``tmax`` (h, a :class:`Value` or ``None`` if not reported), with the group studied."""

    drug: str
    source_key: str
    group: str
    dose_mg: float
    peak: Value
    tmax: Value | None = None
    n: int | None = None
    ages: str = ""

    @property
    def peak_per_mg(self) -> float:
        """Dose-normalised peak, ng/mL per mg (linear kinetics)."""
        return self.peak.value / self.dose_mg


@dataclass(frozen=True)
class Drug:
    """Everything one drug module provides to the generic machinery.

    Attributes
    ----------
    name : the drug's name, also the name of its central compartment and species.
    label : a human-readable description.
    species : the species it defines, by name (the drug and any metabolites it models).
    groups : names of its presets (``"young adult"``, ``"elderly"``).
    build_preset : ``(group, **options) -> Preset``.
    build_at_age : ``(age, **options) -> Preset``.
    age_range : ``(low, high)`` ages (y) its studies covered, as Values.
    default_cv : between-subject CVs, keyed ``"<species>.clearance"`` / ``"<species>.volume"``.
    modifiers : modifier name -> factory ``(**options) -> Modifier``.
    published_groups : the study groups' published half-lives.
    single_dose_peaks : published peaks after one oral dose.
    age_note : how its age covariate works (e.g. "no age relation found (TZ1)").
    """

    name: str
    label: str
    species: Mapping[str, Species]
    groups: tuple[str, ...]
    build_preset: Callable
    build_at_age: Callable
    age_range: tuple[Value, Value]
    default_cv: Mapping[str, Value] = field(default_factory=dict)
    modifiers: Mapping[str, Callable] = field(default_factory=dict)
    published_groups: tuple[PublishedGroup, ...] = ()
    single_dose_peaks: tuple[SingleDosePeak, ...] = ()
    age_note: str = ""

    def __post_init__(self):
        if not isinstance(self.name, str) or not self.name.isidentifier():
            raise ValueError(f"Drug.name must be a Python identifier (it names the module); got {self.name!r}")
        if self.name not in self.species:
            raise ValueError(f"Drug {self.name!r} must define its own species {self.name!r}; got {list(self.species)}")
        _frozen(self, "species", "default_cv", "modifiers")
        object.__setattr__(self, "groups", tuple(self.groups))
