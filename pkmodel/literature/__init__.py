"""Published diazepam figures as data: sources, values with provenance, presets, covariates.

For teaching only: every model here describes published group means (young vs elderly adults,
age trends, genotype and drug-interaction ratios); nothing recommends or adjusts a dose for anyone.

Quick start::

    import pkmodel
    from pkmodel import literature as lit

    young, old = lit.preset("young adult"), lit.preset("elderly")
    times = np.linspace(0, 30 * 24, 721)
    r_old = pkmodel.simulate(old.model, lit.g21_regimen(), times)
    print(old.cite("diazepam.half_life"))      # where the 86 h comes from
    print(lit.references(old.sources))        # a Markdown reference list

Every number is a :class:`Value` naming its source (DOI/PMID), the inputs it was derived from, or a
named teaching assumption listed in :data:`TEACHING_ASSUMPTIONS`.
"""

from __future__ import annotations

from ..regimen import Regimen, repeated
from .covariates import AGE_LIMITS, ExtrapolationWarning, at_age
from .modifiers import GENOTYPES, MODIFIERS, Modifier, apply, modifier
from .presets import PRESETS, Preset, preset
from .sensitivity import ILLUSTRATIVE_LABEL, illustrative_ec50, illustrative_effect
from .sources import IDENTIFIER_PENDING, SOURCES, Population, Source, cite, references, sources
from .species import DRUGS, SPECIES, Species, species
from .values import FRACTION_DZ_TO_DMDZ, TEACHING_ASSUMPTIONS, Value
from .variability import DEFAULT_CV, percentile_bands, virtual_population
from . import values


def g21_regimen() -> Regimen:
    """G21's regimen: diazepam 2.5 mg orally every 12 h for 15 days (30 doses), from t = 0."""
    return repeated(values.G21_DOSE_MG.value, values.G21_INTERVAL_H.value,
                    count=int(values.G21_DAYS.value * 24 / values.G21_INTERVAL_H.value), route="oral")


#: G21's regimen (see :func:`g21_regimen`).
G21_REGIMEN: Regimen = g21_regimen()

__all__ = [
    "AGE_LIMITS", "DEFAULT_CV", "DRUGS", "ExtrapolationWarning", "FRACTION_DZ_TO_DMDZ", "G21_REGIMEN", "GENOTYPES",
    "IDENTIFIER_PENDING", "ILLUSTRATIVE_LABEL", "MODIFIERS", "Modifier", "PRESETS", "Population", "Preset",
    "SOURCES", "SPECIES", "Source", "Species", "TEACHING_ASSUMPTIONS", "Value", "apply", "at_age", "cite",
    "g21_regimen", "illustrative_ec50", "illustrative_effect", "modifier", "percentile_bands", "preset",
    "references", "sources", "species", "values", "virtual_population",
]
