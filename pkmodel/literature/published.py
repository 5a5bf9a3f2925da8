"""Published study groups as data: half-lives at an age, and peaks after one oral dose.

:func:`published_groups` gives every registered drug's study-group half-lives (K75, G80, G21,
G89, CZ1 for diazepam and desmethyldiazepam; OX1, TZ1, G79L for the comparators), with age range,
n and source, for plots to draw beside the model line. :func:`single_dose_peaks` gives the
published peaks after one oral dose (G89, ABS, KL75, G78c). No plotting here.
"""

from __future__ import annotations

from .drug import PublishedGroup, SingleDosePeak
from .registry import SPECIES, drugs, get_drug


def published_groups(drug: str | None = "diazepam", *, species: str | None = None,
                     include_modifier_studies: bool = False) -> tuple[PublishedGroup, ...]:
    """Study-group half-lives of ``drug`` (``None``: every drug), optionally of one ``species``.

    Healthy groups only unless ``include_modifier_studies`` (then genotype, disease and
    interaction groups too, whose ``condition`` says what they had).
    """
    names = drugs() if drug is None else (get_drug(drug).name,)
    if species is not None and species not in SPECIES:
        from .naming import unknown
        raise unknown("species", species, SPECIES)
    out = []
    for name in names:
        for g in get_drug(name).published_groups:
            if species is not None and g.species != species:
                continue
            if g.condition != "healthy" and not include_modifier_studies:
                continue
            out.append(g)
    return tuple(out)


def single_dose_peaks(drug: str | None = "diazepam") -> tuple[SingleDosePeak, ...]:
    """Published peak concentrations (and tmax) after one oral dose of ``drug`` (``None``: all)."""
    names = drugs() if drug is None else (get_drug(drug).name,)
    return tuple(r for n in names for r in get_drug(n).single_dose_peaks)
