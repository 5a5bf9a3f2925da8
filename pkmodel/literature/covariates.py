r"""Covariates shared by every drug: age and body weight as checked inputs, and :func:`at_age`.

* **Age**: 18-100 y accepted (:data:`AGE_LIMITS`); each drug's own studied range (its
  ``Drug.age_range``) gives an :class:`ExtrapolationWarning` outside it. How a drug's parameters
  change with age is the drug module's business (``Drug.build_at_age``): diazepam follows K75's
  line, lorazepam interpolates between G79L's groups, oxazepam and temazepam keep their study
  values at every age because their studies found no age relation.
* **Body weight**: clearances and volumes scale in proportion to weight. The plausibility range
  :data:`WEIGHT_STUDIED` (40-120 kg, adult study volunteers) gives an :class:`ExtrapolationWarning`
  outside it; outside :data:`WEIGHT_LIMITS` (20-250 kg) a weight is refused, like an age outside
  18-100 y.
"""

from __future__ import annotations

import warnings

from .. import _validate as check
from .naming import text
from .values import Value, derived, user_input

AGE_LIMITS = (18.0, 100.0)  #: ages accepted (y)
WEIGHT_LIMITS = (20.0, 250.0)  #: body weights accepted (kg)
WEIGHT_STUDIED = (40.0, 120.0)  #: body weights of adult study volunteers (kg); outside warns
SEXES = ("male", "female")


class ExtrapolationWarning(UserWarning):
    """A figure was computed outside the range (age, body weight) of the studies it comes from."""


def age_input(age) -> Value:
    """``age`` as a user-input Value; outside :data:`AGE_LIMITS` a ``ValueError`` names it."""
    if isinstance(age, str) or age is None or isinstance(age, bool):
        raise TypeError(f"age must be a number of years in [{AGE_LIMITS[0]:g}, {AGE_LIMITS[1]:g}]; got {age!r} "
                        f"({type(age).__name__})")
    a = check.number("age", age, low=AGE_LIMITS[0], high=AGE_LIMITS[1],
                     allowed=f"a number of years in [{AGE_LIMITS[0]:g}, {AGE_LIMITS[1]:g}]")
    return user_input(a, "y", "age")


def weight_input(weight_kg) -> Value:
    """``weight_kg`` as a user-input Value: refused outside 20-250 kg, warned outside 40-120 kg."""
    allowed = f"a body weight in kg in [{WEIGHT_LIMITS[0]:g}, {WEIGHT_LIMITS[1]:g}]"
    if isinstance(weight_kg, (str, bool)) or weight_kg is None:
        raise TypeError(f"weight_kg must be {allowed}; got {weight_kg!r} ({type(weight_kg).__name__})")
    w = check.number("weight_kg", weight_kg, low=WEIGHT_LIMITS[0], high=WEIGHT_LIMITS[1], allowed=allowed)
    if not WEIGHT_STUDIED[0] <= w <= WEIGHT_STUDIED[1]:
        warnings.warn(f"weight_kg {w:g} kg is outside the {WEIGHT_STUDIED[0]:g}-{WEIGHT_STUDIED[1]:g} kg of adult "
                      "study volunteers; scaling clearance and volume with weight there is an extrapolation",
                      ExtrapolationWarning, stacklevel=3)
    return user_input(w, "kg", "body weight")


def sex_input(sex) -> str | None:
    """``None``, ``"male"`` or ``"female"``."""
    if sex is not None and sex not in SEXES:
        raise ValueError(f"sex must be None, 'male' or 'female'; got {sex!r}")
    return sex


def flag(name: str, value) -> bool:
    """A True/False option; ``TypeError`` naming it otherwise."""
    if not isinstance(value, bool):
        raise TypeError(f"{name} must be True or False; got {value!r} ({type(value).__name__})")
    return value


def warn_outside(age: float, low: Value, high: Value, what: str) -> None:
    """:class:`ExtrapolationWarning` if ``age`` is outside ``[low, high]`` (a study's age range)."""
    if not low.value <= age <= high.value:
        warnings.warn(f"age {age:g} y is outside the {low.value:g}-{high.value:g} y range of {low.source_key} "
                      f"({what}); the figure is an extrapolation", ExtrapolationWarning, stacklevel=3)


def interpolate(age: Value, a0: Value, a1: Value, y0: Value, y1: Value, what: str, unit: str) -> Value:
    """Linear interpolation of y between (a0, y0) and (a1, y1), held constant outside [a0, a1]."""
    t = min(max((age.value - a0.value) / (a1.value - a0.value), 0.0), 1.0)
    return derived(y0.value + t * (y1.value - y0.value), unit,
                   f"{what}: linear in age between {a0.value:g} y and {a1.value:g} y, held constant outside",
                   age, a0, a1, y0, y1)


def at_age(age: float, *, drug: str = "diazepam", **options):
    """A model of ``drug`` at ``age`` from its studies' published group means, for teaching.

    ``options`` go to the drug module (diazepam: ``sex``, ``weight_kg``, ``full``,
    ``fraction_to_dmdz``; the others: ``sex``, ``weight_kg``). Ages outside the drug's studied
    range give an :class:`ExtrapolationWarning`; outside 18-100 y they are refused. For
    comparators whose studies found no age relation the same study-group values come back at
    every age, and the preset's description says so. Like the presets, these describe published
    group means, not any one person; they recommend nothing.
    """
    from .registry import get_drug

    return get_drug(text("drug", drug)).build_at_age(age, **options)
