r"""Lesson science for interactions (notebook 10) and the metabolite crossing (notebook 3), headless.

**PK vs PD.** A *pharmacokinetic* interaction changes the concentration curve (a modifier from
:mod:`pkmodel.literature`); a *pharmacodynamic* one leaves the curve where it is and adds to the
effect. The effect here is the package's ILLUSTRATIVE concentration-effect curve
(:func:`pkmodel.literature.illustrative_effect`, an invented EC50 that halves between 20 and 80 y),
combined with a second sedative by concentration addition (Loewe additivity, the simplest
"additive" model; vS93 found alcohol and diazepam mostly additive):

.. math::  E = \frac{C/EC_{50}(a) + x}{1 + C/EC_{50}(a) + x},

where :math:`x \ge 0` is the other sedative's contribution in diazepam-EC50 units, itself an
**illustrative input**, not a measured quantity. Shape only: not a clinical threshold, and no
number here is data.

For teaching only; nothing here recommends or adjusts a dose for anyone.
"""

from __future__ import annotations

from numbers import Real

import numpy as np

from . import literature as lit
from .literature import interactions as ix
from .simulate import simulate

#: Upper end of the illustrative other-sedative input (in diazepam-EC50 units).
OTHER_SEDATIVE_MAX = 3.0


def _other(x) -> float:
    if not isinstance(x, Real) or isinstance(x, bool):
        raise TypeError(f"other_sedative must be a number from 0 to {OTHER_SEDATIVE_MAX:g} (illustrative units); "
                        f"got {x!r} ({type(x).__name__})")
    if not (0.0 <= float(x) <= OTHER_SEDATIVE_MAX):
        raise ValueError(f"other_sedative must be from 0 to {OTHER_SEDATIVE_MAX:g} (illustrative units); got {x!r}")
    return float(x)


def additive_effect(concentration_ng_ml, age: float, other_sedative: float = 0.0) -> np.ndarray:
    """ILLUSTRATIVE combined effect in [0, 1) by concentration addition (module docstring).

    ``other_sedative = 0`` gives :func:`pkmodel.literature.illustrative_effect` exactly.
    """
    x = _other(other_sedative)
    e = lit.illustrative_effect(concentration_ng_ml, age)  # checks the concentrations and the age
    u = e / (1.0 - e) + x  # C / EC50 + x
    return u / (1.0 + u)


def pk_vs_pd(preset, interaction: str, regimen, times_h, *, age: float, other_sedative: float = 0.0,
             unit: str = "ng/mL", species: str = "diazepam") -> dict:
    """``species`` (diazepam by default) alone vs with ``interaction`` (a key of
    :func:`pkmodel.literature.interactions.interactions`).

    The concentration curve changes only through the interaction's published modifier (PK); the
    illustrative effect (:func:`additive_effect`, on ng/mL) adds ``other_sedative`` only if the
    interaction is pharmacodynamic. That effect curve is the illustrative diazepam one
    (:func:`pkmodel.literature.illustrative_effect`), whatever ``species`` is shown.

    Returns ``{"kind", "concentration_alone", "concentration_with", "effect_alone", "effect_with"}``
    (concentrations in ``unit``, effects illustrative fractions of maximum).
    """
    rec = ix.get_interaction(interaction)
    x = _other(other_sedative)
    alone = simulate(preset.model, regimen, times_h)
    with_pk = simulate(ix.apply_interaction(preset, interaction).model, regimen, times_h)
    pd = "PD" in rec.kind
    return {"kind": rec.kind, "concentration_alone": alone.concentration(species, unit),
            "concentration_with": with_pk.concentration(species, unit),
            "effect_alone": additive_effect(alone.concentration(species, "ng/mL"), age),
            "effect_with": additive_effect(with_pk.concentration(species, "ng/mL"), age, x if pd else 0.0)}


def metabolite_above_parent_from(result, parent: str, metabolite: str, unit: str = "ng/mL") -> float | None:
    """First time (h) after the parent's peak from which ``metabolite`` stays above ``parent``, else ``None``.

    Formation-limited means the metabolite falls *in parallel* with its parent, not below it: in
    G21's elderly preset DMDZ (t½ 80 h) falls with diazepam (86 h) but above it.
    """
    t = np.asarray(result.times, dtype=float)
    p = np.asarray(result.concentration(parent, unit))
    m = np.asarray(result.concentration(metabolite, unit))
    after_peak = np.arange(len(t)) >= int(np.argmax(p))
    above = (m > p) & after_peak
    if not above[-1]:
        return None
    below = np.where(after_peak & ~above)[0]
    first = below[-1] + 1 if len(below) else int(np.argmax(after_peak))
    return float(t[first])
