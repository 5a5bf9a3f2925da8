r"""Building blocks for a drug modelled as one compartment with first-order oral absorption.

A drug module gives per-kg clearance and a half-life (Values citing its study); this module
scales them to a body weight and builds the :class:`~pkmodel.literature.presets.Preset`:

.. math::  CL = CL_{/kg}\cdot w, \qquad V = CL\,t_{1/2}/\ln 2, \qquad
           C(t) = \frac{F D k_a}{V (k_a - k)}\left(e^{-k(t-t_{lag})} - e^{-k_a (t-t_{lag})}\right).

Nothing here knows a drug by name.
"""

from __future__ import annotations

from ..model import Absorption, Compartment, Model
from .presets import Preset
from ..units import LN2
from .values import Value, assumption, derived, mean_of, per_kg_times_weight, volume_from


def by_sex(table: dict[str, Value], sex: str | None, what: str) -> Value:
    """``table[sex]``, or for ``sex=None`` the equal-weight mean of men and women (derived)."""
    if sex is None:
        return mean_of(table["male"], table["female"], f"{what}: mean of men and women (equal weight)")
    return table[sex]


def disposition(species: str, cl_per_kg: Value, t_half: Value, weight: Value) -> dict[str, Value]:
    """``{"<species>.clearance", ".half_life", ".volume"}`` for a body weight (L/h, h, L)."""
    cl = per_kg_times_weight(cl_per_kg, weight, f"{species} CL")
    return {f"{species}.clearance": cl, f"{species}.half_life": t_half,
            f"{species}.volume": volume_from(cl, t_half)}


def compartment(species: str, params: dict[str, Value], molar_mass: float, *, elimination_fraction: Value | None = None
                ) -> Compartment:
    """The species' compartment; ``elimination_fraction`` is the part of its clearance leaving the body."""
    f = 1.0 if elimination_fraction is None else elimination_fraction.value
    return Compartment(species, params[f"{species}.volume"].value, f * params[f"{species}.clearance"].value,
                       molar_mass)


def one_compartment_preset(*, drug: str, name: str, label: str, description: str, params: dict[str, Value],
                           molar_mass: float, ka: Value, bioavailability: Value, lag: Value, age: Value,
                           weight: Value, sex: str | None) -> Preset:
    """A one-compartment oral :class:`Preset` from ``params`` (see :func:`disposition`)."""
    p = dict(params)
    p["absorption.ka"] = ka
    p["absorption.bioavailability"] = bioavailability
    p["absorption.lag"] = lag
    p["age"] = age
    p["weight_kg"] = weight
    model = Model((compartment(drug, p, molar_mass),), (), Absorption(drug, ka.value, bioavailability.value, lag.value),
                  name=label)
    return Preset(name=name, label=label, model=model, parameters=p, age=age.value, weight_kg=weight.value,
                  description=description, sex=sex, drug=drug)


def assumed_oral_absorption(drug: str, *, absorption_half_life_h: float = 0.5,
                            bioavailability: float = 1.0) -> tuple[Value, Value, Value]:
    r"""Named teaching assumptions for a drug whose sources report no oral absorption: its
    absorption half-life and bioavailability F, and the rate constant that follows,
    :math:`k_a = \ln 2 / t_{1/2,abs}`. Returns ``(absorption half-life, F, ka)``; the assumptions
    are named ``<DRUG>_ABSORPTION_HALF_LIFE_H`` and ``<DRUG>_BIOAVAILABILITY``."""
    key = drug.upper()
    t_abs = assumption(
        f"{key}_ABSORPTION_HALF_LIFE_H", absorption_half_life_h, "h",
        f"oral absorption half-life of {drug} ({absorption_half_life_h * 60:g} min): no source here reports "
        f"{drug}'s absorption; chosen for illustration.")
    f = assumption(f"{key}_BIOAVAILABILITY", bioavailability, "1",
                   f"oral bioavailability of {drug} taken as {'complete' if bioavailability == 1 else bioavailability}: "
                   "no source here reports it.")
    ka = derived(LN2 / t_abs.value, "1/h", "ka = ln2 / absorption t1/2", t_abs)
    return t_abs, f, ka


def midpoint(low: Value, high: Value, what: str) -> Value:
    """The midpoint of a reported range (a group's age, when its mean is not reported), derived."""
    return mean_of(low, high, f"midpoint of {what} {low.value:g}-{high.value:g} {low.unit} "
                   "(group mean not in the verified figures)")


def no_age_relation(*, drug: str, study: str, finding: str, cl_per_kg: dict[str, Value], t_half: dict[str, Value],
                    age_low: Value, age_high: Value, ka: Value, bioavailability: Value, lag: Value,
                    molar_mass: float):
    """``(build_preset, build_at_age)`` for a drug whose study found no age relation.

    Both presets (``"young adult"``, ``"elderly"``) and :func:`at_age` at every age return the
    study's values; the label and description say that this is the study's finding
    (``finding``), not an assumption. Ages outside the study's range warn.
    """
    from .covariates import age_input, sex_input, warn_outside, weight_input

    mid = midpoint(age_low, age_high, f"{study}'s age range")

    def build(name: str, age: Value, sex, weight_kg, warn: bool) -> Preset:
        sex = sex_input(sex)
        weight = weight_input(weight_kg)
        if warn:
            warn_outside(age.value, age_low, age_high, f"{drug} kinetics; {finding}")
        params = disposition(drug, by_sex(cl_per_kg, sex, f"{study} {drug} CL"),
                             by_sex(t_half, sex, f"{study} {drug} t1/2"), weight)
        who = {None: "men and women", "male": "men", "female": "women"}[sex]
        label = (f"{name.capitalize()}, {drug} ({study}, {who} {age_low.value:g}-{age_high.value:g} y, "
                 f"no age relation), {weight.value:g} kg")
        description = (f"Published group means of {study} ({who}, {age_low.value:g}-{age_high.value:g} y), for "
                       f"teaching: {finding}, so this model is the same at every age by the study's finding, not "
                       f"by assumption. t1/2 and CL per kg as reported, V = CL*t1/2/ln2. Not a description of "
                       "any one person.")
        return one_compartment_preset(drug=drug, name=name, label=label, description=description, params=params,
                                      molar_mass=molar_mass, ka=ka, bioavailability=bioavailability, lag=lag,
                                      age=age, weight=weight, sex=sex)

    def build_preset(group: str, *, weight_kg: float = 70.0, sex: str | None = None) -> Preset:
        return build(group, mid, sex, weight_kg, warn=False)

    def build_at_age(age: float, *, weight_kg: float = 70.0, sex: str | None = None) -> Preset:
        a = age_input(age)
        return build(f"age {a.value:g}" + (f" {sex}" if sex else ""), a, sex, weight_kg, warn=True)

    return build_preset, build_at_age
