r"""What else changes exposure (genotype, disease, interacting drugs): one path for every drug.

A :class:`Modifier` is a set of factors on the metabolic clearance and the volume (or the
terminal half-life) of named species, each derived from one published comparison and carried as a
:class:`~pkmodel.literature.values.Value`. It states the **baseline** it was measured against
(``"CYP2C19 wt/wt (Q99)"``, ``"the same volunteers before fluvoxamine (P94)"``). The drug module
that owns the data defines the modifier; :func:`apply` changes any preset whose model holds one of
the named species, through :meth:`pkmodel.model.Model.scaled`:

.. math::  CL' = CL \cdot f_{CL}, \qquad V_c' = V_c \cdot f_V,\ V_p' = V_p \cdot f_V .

Clearance factors act on the species' central compartment (elimination and formation of other
species), not on distribution between its own compartments; volume factors act on every
compartment of the species. A study that reports a half-life ratio :math:`f_{t}` gives a
``half_life_factor`` instead: the volume factor is then solved so that the model's terminal
half-life changes by exactly :math:`f_t` (for one compartment :math:`f_V = f_t f_{CL}`; for a
two-compartment drug, whose distribution clearance is unchanged, a few fixed-point steps
:math:`f_V \leftarrow f_V \cdot t_{target}/t_{1/2}(f_V)`).

**The combination rule** (one rule, for age and for several modifiers):

1. The preset, at whatever age or group, is taken to *be* each modifier's baseline group (for
   CYP2C19: the preset is read as wt/wt, so ``genotype="wt/wt"`` changes nothing, and the
   other genotypes apply Q99's ratio to wt/wt).
2. Each modifier's ratio (study group / its baseline) multiplies the preset's value.
3. Several modifiers multiply, as if they acted independently. No study measured these
   combinations; that is a teaching assumption, not a finding.

:func:`outside_published` says when the result has left the range of every published group of
the drug: then no study measured anything like it and the number is an extrapolation.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import Mapping

from .presets import Preset
from .registry import get_drug, modifier_factory, modifier_names
from .values import Value, derived


@dataclass(frozen=True)
class Modifier:
    """Factors on clearance and volume per species, from one published comparison.

    Attributes
    ----------
    name : ``"cyp2c19"``, ``"cirrhosis"``, ...
    label : human-readable (e.g. ``"CYP2C19 m1/m1 (Q99)"``).
    clearance_factor : species -> factor on its metabolic clearance.
    volume_factor : species -> factor on its volume(s).
    source_key : the main source.
    baseline : the group the ratios were measured against, e.g. ``"CYP2C19 wt/wt (Q99)"``.
    note : how the factors were derived and what they leave out.
    parameters : the factors as :class:`Value` with provenance, keyed ``"<species>.clearance_factor"``,
        ``"<species>.volume_factor"`` and ``"<species>.half_life_factor"``.
    half_life_factor : species -> factor on its terminal half-life (the volume factor is solved).
    """

    name: str
    label: str
    clearance_factor: Mapping[str, float]
    volume_factor: Mapping[str, float]
    source_key: str
    baseline: str
    note: str = ""
    parameters: Mapping[str, Value] = field(default_factory=dict, repr=False)
    half_life_factor: Mapping[str, float] = field(default_factory=dict)

    __hash__ = None

    def __post_init__(self):
        if not isinstance(self.baseline, str) or not self.baseline.strip():
            raise ValueError(f"Modifier {self.name!r} must state its baseline (the group its ratios are against); "
                             f"got {self.baseline!r}")
        for attr in ("clearance_factor", "volume_factor", "parameters", "half_life_factor"):
            object.__setattr__(self, attr, MappingProxyType(dict(getattr(self, attr))))

    @property
    def species(self) -> tuple[str, ...]:
        """The species this modifier changes."""
        return tuple(dict.fromkeys([*self.clearance_factor, *self.volume_factor, *self.half_life_factor]))


def make(name: str, label: str, source_key: str, baseline: str, note: str,
         factors: dict[str, tuple[Value | None, Value | None]],
         half_life: dict[str, Value] | None = None) -> Modifier:
    """A :class:`Modifier` from ``{species: (clearance factor or None, volume factor or None)}`` and
    ``{species: half-life factor}`` (Values)."""
    params: dict[str, Value] = {}
    cf: dict[str, float] = {}
    vf: dict[str, float] = {}
    for sp, (c, vol) in factors.items():
        if c is not None:
            params[f"{sp}.clearance_factor"] = c
            cf[sp] = c.value
        if vol is not None:
            params[f"{sp}.volume_factor"] = vol
            vf[sp] = vol.value
    hf = {}
    for sp, t in (half_life or {}).items():
        params[f"{sp}.half_life_factor"] = t
        hf[sp] = t.value
    return Modifier(name, label, cf, vf, source_key, baseline, note, params, hf)


def _solve_volume_factor(model, species: str, target: float) -> float:
    """Factor on every compartment of ``species`` giving terminal half-life ``target`` (fixed point)."""
    names = [c.name for c in model.compartments if c.species == species]
    fv = target / model.half_life(species)
    for _ in range(200):
        t = model.scaled(volume={n: fv for n in names}).half_life(species)
        if abs(t / target - 1.0) < 1e-12:
            return fv
        fv *= target / t
    raise RuntimeError(f"volume factor for {species!r} did not converge (target t1/2 {target:g} h)")


def modifier(name: str, **options) -> Modifier:
    """A published modifier, e.g. ``modifier("cyp2c19", genotype="m1/m1")``, ``modifier("cimetidine")``.

    The drug module that owns the data builds it; unknown names list the modifiers (``MODIFIERS``).
    """
    _, factory = modifier_factory(name)
    return factory(**options)


def modifiers_for(drug: str) -> tuple[str, ...]:
    """Names of the modifiers that change ``drug`` (its own species)."""
    d = get_drug(drug)
    return tuple(n for n in modifier_names() if n in d.modifiers)


def apply(preset: Preset, *modifiers: Modifier) -> Preset:
    """``preset`` with ``modifiers`` applied in order, by the rule in the module docstring.

    Each changed parameter is a derived :class:`Value` naming the factor; the label lists every
    modifier. A modifier that changes none of the preset's species is refused (``ValueError``).
    """
    if not isinstance(preset, Preset):
        raise TypeError(f"preset must be a Preset (from lit.preset or lit.at_age); got {preset!r} "
                        f"({type(preset).__name__})")
    model = preset.model
    p = dict(preset.parameters)
    label, names = preset.label, list(preset.modifiers)
    for m in modifiers:
        if not isinstance(m, Modifier):
            raise TypeError(f"modifiers must be Modifier objects (from lit.modifier); got {m!r} ({type(m).__name__})")
        present = {c.species for c in model.compartments}
        touched = [s for s in m.species if s in present]
        if not touched:
            raise ValueError(f"modifier {m.name!r} changes {', '.join(m.species)}; this {preset.drug} preset has "
                             f"{', '.join(sorted(present))}")
        before = {s: model.half_life(s) for s in touched}
        model = model.scaled(clearance={s: m.clearance_factor[s] for s in touched if s in m.clearance_factor})
        vol_f: dict[str, Value] = {s: m.parameters[f"{s}.volume_factor"] for s in touched if s in m.volume_factor}
        for s in touched:
            if s in m.half_life_factor:
                t = m.parameters[f"{s}.half_life_factor"]
                fv = _solve_volume_factor(model, s, before[s] * t.value)
                inputs = [t] + ([m.parameters[f"{s}.clearance_factor"]] if s in m.clearance_factor else [])
                vol_f[s] = derived(fv, "1", f"volume factor solved so that the terminal t1/2 changes by {t.value:.4g} "
                                            f"({m.label})", *inputs)
        model = model.scaled(volume={c.name: vol_f[c.species].value for c in model.compartments if c.species in vol_f})
        for s in touched:
            factors = ((f"{s}.clearance", m.parameters.get(f"{s}.clearance_factor")),
                       (f"{s}.central_volume", vol_f.get(s)), (f"{s}.peripheral_volume", vol_f.get(s)),
                       (f"{s}.volume", vol_f.get(s)))
            for key, f in factors:
                if key in p and f is not None:
                    old = p[key]
                    p[key] = derived(old.value * f.value, old.unit, f"{key} x {m.label} factor {f.value:.4g}", old, f)
            inputs = [p[k] for k in (f"{s}.clearance", f"{s}.volume") if k in p]
            p[f"{s}.half_life"] = derived(model.half_life(s), "h", "terminal t1/2 of the modified model (its "
                                          "slowest rate for this species)", *inputs)
        label += f" + {m.label}"
        names.append(m.name)
    model = replace(model, name=label)
    extra = (" Modified by: " + ", ".join(f"{m.label} (against {m.baseline})" for m in modifiers)
             + "; the preset is taken as each modifier's baseline and factors multiply (assumed independent)."
             if modifiers else "")
    return replace(preset, label=label, model=model, parameters=p, sources=(), modifiers=tuple(names),
                   description=preset.description + extra)


def outside_published(preset: Preset) -> str | None:
    """A warning if ``preset``'s half-life is outside every published group of its drug, else ``None``.

    Compares the terminal half-life of the drug with the range of all the drug's published group
    means (healthy groups at every age and the modifier studies' groups, :func:`published_groups`).
    """
    from .published import published_groups

    if not isinstance(preset, Preset):
        raise TypeError(f"preset must be a Preset; got {preset!r} ({type(preset).__name__})")
    groups = published_groups(preset.drug, species=preset.drug, include_modifier_studies=True)
    if not groups:
        return None
    t = preset.half_life()
    lo = min(groups, key=lambda g: g.half_life_h)
    hi = max(groups, key=lambda g: g.half_life_h)
    if lo.half_life_h <= t <= hi.half_life_h:
        return None
    return (f"No study measured this combination: {preset.drug} t½ {t:,.0f} h is outside every published group "
            f"({lo.half_life_h:g} h, {lo.source_key} {lo.group} to {hi.half_life_h:g} h, {hi.source_key} {hi.group}); "
            "the number is an extrapolation.")
