"""Exercise kind: is a published change pharmacokinetic (PK) or pharmacodynamic (PD)?

The answer is a number, so that the classification is checked with the rest: the factor by
which the change alters the exposure (AUC) to the same dose. A PK change (an interacting drug
that alters diazepam's clearance: FC, P94, O81b) changes it by CL_before / CL_after; a PD change
(R78: more CNS depression at the same plasma level in older people) leaves it as it was.
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np

from .. import literature as lit
from ..regimen import single_dose
from ..simulate import simulate
from . import _core, hints
from ._core import Mistake, Problem, case, fmt, pick, rng_for
from .sampling import _problem

#: The published changes a problem may describe: (modifier name or None for a PD finding, source).
SCENARIOS = (("cimetidine", "FC"), ("fluvoxamine", "P94"), ("rifampin", "O81b"), (None, "R78"))


def _first_sentence(text: str) -> str:
    return text.split(". ")[0].rstrip(".") + "."


def _finding(name: str | None, source: str) -> str:
    """The finding a scenario's prompt quotes: the first sentence of the modifier's or the source's note."""
    return _first_sentence(lit.SOURCES[source].note if name is None else lit.modifier(name).note)


@lru_cache(maxsize=None)
def quoted_half_lives() -> tuple[float, ...]:
    """Every half-life (h) the scenarios' findings quote (``"t1/2 51 -> 118 h"``: 51 and 118), which
    the half-life kinds keep their subjects away from (see :func:`._core.individual`)."""
    found = []
    for name, source in SCENARIOS:
        for m in re.finditer(r"t1/2 (\d+(?:\.\d+)?)(?: -> (\d+(?:\.\d+)?))? h\b", _finding(name, source)):
            found.extend(float(g) for g in m.groups() if g)
    return tuple(found)


def interaction_exposure(seed) -> Problem:
    """PK or PD? The factor by which a published change alters diazepam exposure (AUC) from one dose.

    PK scenarios (cimetidine FC, fluvoxamine P94, rifampin O81b, as :mod:`pkmodel.literature`
    modifiers): the exact AUC0-∞ ratio of the modified to the plain preset after one IV dose
    (``Result.auc``), which is CL_before / CL_after. PD scenario (R78): exposure unchanged.
    **Tolerance ±5 %** (exact). Named mistakes: a PK change taken for PD (no change in
    exposure), the ratio upside down, the half-life ratio for the AUC ratio (listed where the
    volume changed too, so the two differ).
    """
    kind = "interaction_exposure"
    rng = rng_for(seed, kind)
    c = case("diazepam", pick(rng, _core._cases())[1])  # the modifiers are diazepam's; the group is drawn
    name, source = pick(rng, SCENARIOS)
    if name is None:
        finding = _finding(name, source)
        truth, mistakes, what, group = 1.0, [], f"Age and sensitivity ({source})", ""
        hint = hints.PD_NOT_PK
        why = ("R78 compares the response at the same plasma level: a pharmacodynamic change. It leaves the "
               "clearance and the volume, and so the exposure to a dose, as they were: the factor is 1.")
    else:
        mod = lit.modifier(name)
        finding = _finding(name, source)
        changed = lit.apply(c.preset, mod)
        end = np.array([0.0, 80.0 * max(c.half_life, changed.model.half_life(c.drug))])
        auc = [float(simulate(p.model, single_dose(10.0, route="iv"), end).auc(c.drug)) for p in (c.preset, changed)]
        truth = auc[1] / auc[0]
        t_ratio = changed.model.half_life(c.drug) / c.half_life
        mistakes = [Mistake("PK taken for PD", 1.0, hints.PK_NOT_PD),
                    Mistake("upside down", 1.0 / truth, hints.AUC_OVER_CL),
                    Mistake("half-life ratio", t_ratio, hints.AUC_FOLLOWS_CL)]
        what, hint, group = mod.label, hints.AUC_OVER_CL, f" in the {c.preset.label} group"
        why = (f"The study changed diazepam's clearance (factor {fmt(mod.clearance_factor[c.drug])}): a "
               f"pharmacokinetic interaction. AUC = F · Dose / CL, so the exposure changes by CL_before / CL_after "
               f"= {fmt(truth)} (the exact AUC ratio of the {c.label} preset with and without {mod.label}; "
               f"the half-life changes by {fmt(t_ratio)}, which also reflects the volume).")
    prompt = (f"**{what}**: *{finding}* Is this a pharmacokinetic change (what the body does to the "
              f"drug) or a pharmacodynamic one (what the drug does to the body)? Answer with the **factor by which "
              f"it changes the exposure (AUC) to the same dose of {c.drug}**{group}: "
              f"more than 1 if exposure rises, less than 1 if it falls, 1 if it is unchanged.")
    return _problem(kind, seed, "PK or PD?", prompt, {"study": source}, "(ratio)", 0.05, truth, why, mistakes, hint,
                    f"{c.label}; {source}")
