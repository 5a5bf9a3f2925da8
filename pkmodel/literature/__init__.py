"""Published benzodiazepine figures as data: sources, values with provenance, presets, covariates.

For teaching only: every model here describes published group means (young vs elderly adults,
age trends, genotype and drug-interaction ratios); nothing recommends or adjusts a dose for anyone.

The house reads one way: **drug modules** (:mod:`pkmodel.literature.drugs`: ``diazepam`` with
its metabolites, ``oxazepam``, ``temazepam``, ``lorazepam``; each exposes ``DRUG``) ← **generic
machinery** here (sources, values, presets, covariates, modifiers, variability, published
groups; no drug named) ← the engine (:mod:`pkmodel.model`, :mod:`pkmodel.simulate`). Adding a
drug is adding a module: see ``docs/adding-a-drug.md``.

Quick start::

    import pkmodel
    from pkmodel import literature as lit

    young, old = lit.preset("young adult"), lit.preset("elderly")
    times = np.linspace(0, 30 * 24, 721)
    r_old = pkmodel.simulate(old.model, lit.g21_regimen(), times)
    print(old.cite("diazepam.half_life"))      # where the 86 h comes from
    print(lit.references(old.sources))        # a Markdown reference list
    lit.drugs()                                # ('diazepam', 'lorazepam', 'oxazepam', 'temazepam')
    lit.preset("elderly", drug="lorazepam")

Every number is a :class:`Value` naming its source (DOI/PMID), the inputs it was derived from, or a
named teaching assumption listed in :data:`TEACHING_ASSUMPTIONS`.
"""

from __future__ import annotations

from . import values
from .covariates import AGE_LIMITS, WEIGHT_LIMITS, WEIGHT_STUDIED, ExtrapolationWarning, at_age
from .drug import Drug, PublishedGroup, SingleDosePeak, Species
from .modifiers import Modifier, apply, modifier, modifiers_for, outside_published
from .presets import Preset, groups, preset
from .published import published_groups, single_dose_peaks
from .registry import SPECIES, discover, drugs, get_drug, register_drug, species, unregister_drug
from .sensitivity import ILLUSTRATIVE_LABEL, illustrative_ec50, illustrative_effect
from .sources import SOURCES, Population, Source, cite, identifier_pending, references, sources
from .values import TEACHING_ASSUMPTIONS, Value
from . import label  # noqa: E402  (registers LABEL, the product label; issue 11)
from .variability import default_cvs, percentile_bands, virtual_population

discover()

# Conveniences for the diazepam lessons (the notebooks' main drug), read from its module.
from .drugs import diazepam  # noqa: E402
from .drugs.diazepam import DEFAULT_CV, GENOTYPES, g21_regimen  # noqa: E402
from .drugs.diazepam.values import FRACTION_DZ_TO_DMDZ  # noqa: E402
from .registry import drugs, modifier_names  # noqa: E402,F811  (importing the drugs package bound its name here)
from . import interactions  # noqa: E402  (interaction records and their sources: AH96, SA06, vS93, OMC, C95)

#: Preset names of the default drug (diazepam): ``("young adult", "elderly")``.
PRESETS: tuple[str, ...] = groups("diazepam")
#: Names accepted by :func:`modifier`.
MODIFIERS: tuple[str, ...] = modifier_names()
#: Sources whose DOI/PMID is not yet verified (see :func:`identifier_pending` after registering more).
IDENTIFIER_PENDING: tuple[str, ...] = identifier_pending()
#: G21's regimen (see :func:`g21_regimen`).
G21_REGIMEN = g21_regimen()

__all__ = [
    "AGE_LIMITS", "DEFAULT_CV", "Drug", "ExtrapolationWarning", "FRACTION_DZ_TO_DMDZ", "G21_REGIMEN", "GENOTYPES",
    "IDENTIFIER_PENDING", "ILLUSTRATIVE_LABEL", "MODIFIERS", "Modifier", "PRESETS", "Population", "Preset",
    "PublishedGroup", "SOURCES", "SPECIES", "SingleDosePeak", "Source", "Species", "TEACHING_ASSUMPTIONS", "Value",
    "WEIGHT_LIMITS", "WEIGHT_STUDIED", "apply", "at_age", "cite", "default_cvs", "diazepam", "drugs", "g21_regimen",
    "get_drug", "groups", "identifier_pending", "illustrative_ec50", "illustrative_effect", "interactions", "label",
    "modifier",
    "modifiers_for", "outside_published", "percentile_bands", "preset", "published_groups", "references",
    "register_drug", "single_dose_peaks", "sources", "species", "unregister_drug", "values", "virtual_population",
]
