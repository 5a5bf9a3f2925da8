"""The interactions the product article names, as data: each one PK or PD, with cited numbers or "not measured".

A **pharmacokinetic** (PK) interaction moves the concentration curve: where a verified study gives a
size, the record names the published modifier that carries it (:func:`pkmodel.literature.modifier`).
A **pharmacodynamic** (PD) interaction leaves the curve where it is and adds to the effect; the
package shows that only with its ILLUSTRATIVE effect curve (:mod:`pkmodel.lessons_interactions`).
Where no study gives a size, the record says ``"not measured"`` and carries no factor: nothing here
invents one.

``LABEL`` (the US product label, registered by :mod:`pkmodel.literature.label`) is cited by key;
:func:`interaction_sources` lists only the keys registered so far.

For teaching only; nothing here recommends or adjusts a dose for anyone.
"""

from __future__ import annotations

from dataclasses import dataclass

from .naming import unknown
from .sources import SOURCES, Population, Source, register_sources

NOT_MEASURED = "not measured"
KINDS = ("PK", "PD", "PK + PD")

register_sources(
    Source("AH96", "Ahonen J, et al.", 1996,
           "The effect of the antimycotic itraconazole on the pharmacokinetics and pharmacodynamics of diazepam",
           "Fundam Clin Pharmacol 10(3):314-318", doi="10.1111/j.1472-8206.1996.tb00312.x", pmid=8836707,
           population=Population(10, "", "healthy volunteers", "itraconazole 200 mg/day for 4 days, 5 mg diazepam "
                                 "on day 4", "oral"),
           note="Small but significant rises in diazepam AUC and t1/2 (size not in the abstract); no clinically "
                "significant psychomotor interaction. Author list beyond the first: details to confirm."),
    Source("SA06", "Saari TI, Laine K, Leino K, Valtonen M, Neuvonen PJ, Olkkola KT", 2006,
           "Effect of voriconazole on the pharmacokinetics and pharmacodynamics of intravenous and oral midazolam",
           "Clin Pharmacol Ther 79:362-370", doi="10.1016/j.clpt.2005.12.305",
           population=Population(10, "", "healthy men", "midazolam 7.5 mg oral or 0.05 mg/kg IV", "oral and IV"),
           note="Oral midazolam AUC 10.3-fold, Cmax 3.8-fold with voriconazole; IV midazolam CL -72 %, t1/2 "
                "2.8 -> 8.3 h. Midazolam depends on CYP3A4 alone."),
    Source("vS93", "van Steveninck AL, Gieschke R, Schoemaker HC, Pieters MS, Kroon JM, Breimer DD, Cohen AF", None,
           "Pharmacodynamic interactions of diazepam and intravenous alcohol at pseudo steady state",
           "journal and year: details to confirm",
           population=Population(8, "", "healthy volunteers", "diazepam 5 mg with IV alcohol (breath 0.38 g/L)",
                                 "oral"),
           note="Effects of combined alcohol and diazepam mostly additive, without significant synergy on "
                "average. Journal, year, DOI/PMID: details to confirm."),
    Source("OMC", "authors: details to confirm", None, "Effect of omeprazole and cimetidine on plasma diazepam levels",
           "Eur J Clin Pharmacol", doi="10.1007/BF02657057",
           population=Population(12, "", "healthy men", "diazepam 0.1 mg/kg after 1 week of omeprazole 20 mg, "
                                 "cimetidine 400 mg twice daily or placebo", "IV"),
           note="Diazepam CL -27 % (omeprazole) and -38 % (cimetidine); t1/2 +36 % and +39 %; Vd unchanged. "
                "Authors, year, volume: details to confirm."),
    Source("C95", "Caraco Y, Tateishi T, Wood AJ", 1995,
           "Interethnic difference in omeprazole's inhibition of diazepam metabolism", "Clin Pharmacol Ther 58(1):62-72",
           population=Population(15, "", "8 white and 7 Chinese men, extensive metabolisers",
                                 "omeprazole 40 mg/day for 21 days, then diazepam 10 mg", "oral"),
           note="Diazepam oral CL -38 % in white vs -20.7 % in Chinese men. DOI/PMID: details to confirm."),
)


@dataclass(frozen=True)
class Interaction:
    """One interacting drug class.

    Attributes
    ----------
    key : short name (``"alcohol"``, ``"opioids"``, ...).
    partner : what the patient takes with diazepam (examples).
    kind : ``"PK"`` (the curve moves), ``"PD"`` (the effect adds) or ``"PK + PD"``.
    direction : what happens, in words.
    size : the published numbers, or text containing ``"not measured"``.
    sources : keys of the sources behind ``size`` (empty only when ``size`` says "not measured").
    modifier : the published modifier that moves the curve, or ``None`` (no verified size).
    """

    key: str
    partner: str
    kind: str
    direction: str
    size: str
    sources: tuple[str, ...] = ()
    modifier: str | None = None

    def __post_init__(self):
        if self.kind not in KINDS:
            raise ValueError(f"Interaction {self.key!r}: kind must be one of {KINDS}; got {self.kind!r}")
        if not self.sources and NOT_MEASURED not in self.size:
            raise ValueError(f"Interaction {self.key!r} must cite sources or say {NOT_MEASURED!r}")
        if self.modifier is not None and "PK" not in self.kind:
            raise ValueError(f"Interaction {self.key!r}: only a PK interaction may move the curve (modifier)")

    @property
    def measured(self) -> bool:
        """Whether the package carries a published size for the curve (a modifier)."""
        return self.modifier is not None


_I = Interaction
INTERACTIONS = {i.key: i for i in (
    _I("azole antifungals", "itraconazole, voriconazole, fluconazole", "PK",
       "levels up (CYP3A4, and CYP2C19 for voriconazole and fluconazole)",
       "itraconazole: a small but significant rise in diazepam AUC and t½, size not in the abstract, and no "
       "clinically relevant psychomotor change (AH96): diazepam also relies on CYP2C19. Contrast: midazolam, "
       "cleared by CYP3A4 alone, AUC 10.3-fold with voriconazole (SA06). Voriconazole or fluconazole with oral "
       "diazepam: size not measured here (the study could not be verified), so no factor is shown.",
       ("AH96", "SA06")),
    _I("HIV boosters", "ritonavir- or cobicistat-boosted regimens", "PK", "expected direction: levels up",
       "not measured: no diazepam pharmacokinetic study was found; interaction tables expect levels to rise.", ()),
    _I("alcohol", "alcoholic drinks", "PK + PD",
       "PK: a modest rise in diazepam and slower absorption; PD: sedation adds",
       "total diazepam AUC +30 %, free +27 %, desmethyldiazepam AUC -51 % (S80, 10 mg IV, 6 men); absorption "
       "slower (tmax 0.79 -> 1.79 h, lag 16.5 -> 26.2 min, absorption t½ 19.3 -> 34.6 min) with the 24-h AUC "
       "about the same (G78c); effects mostly additive, no significant synergy (vS93).",
       ("S80", "G78c", "vS93"), "alcohol"),
    _I("opioids", "opioid painkillers and cough medicines", "PD", "effects add at the same diazepam level",
       "boxed warning: benzodiazepines with opioids can cause profound sedation, respiratory depression, coma "
       "and death (LABEL). Size of the added effect: not measured here.", ("LABEL",)),
    _I("sedating antihistamines", "e.g. older antihistamines taken for sleep or allergy", "PD",
       "sedation adds at the same diazepam level",
       "named by the product article; size not measured (no cited study in this package).", ()),
    _I("other benzodiazepines", "a second benzodiazepine or a related sleeping pill", "PD",
       "sedation adds at the same diazepam level",
       "named by the product article; size not measured (no cited study in this package).", ()),
    _I("omeprazole", "omeprazole (a CYP2C19 inhibitor)", "PK", "levels up (less CYP2C19 metabolism)",
       "diazepam CL -26 % in rapid metabolisers of omeprazole, no change in slow metabolisers (OME90, IV); "
       "CL -27 % and t½ +36 % (OMC, IV); oral CL -38 % in white vs -20.7 % in Chinese men (C95).",
       ("OME90", "OMC", "C95"), "omeprazole"),
)}


def interactions() -> tuple[Interaction, ...]:
    """Every interaction record, in the article's order."""
    return tuple(INTERACTIONS.values())


def get_interaction(key) -> Interaction:
    """The record named ``key`` (``ValueError`` listing the names for an unknown one)."""
    if not isinstance(key, str):
        raise TypeError(f"interaction must be a name (str); got {key!r} ({type(key).__name__})")
    try:
        return INTERACTIONS[key]
    except KeyError:
        raise unknown("interaction", key, INTERACTIONS) from None


def apply_interaction(preset, key: str):
    """``preset`` as the interaction's published modifier changes it; unchanged if no size is published.

    A modifier whose factory carries an ``absorption`` function also changes the oral route (alcohol:
    G78c's slower absorption). A PD interaction, or a PK
    one whose size was not measured, returns ``preset`` itself: the curve does not move.
    """
    from .modifiers import apply
    from .registry import modifier_factory

    rec = get_interaction(key)
    if rec.modifier is None:
        return preset
    _, factory = modifier_factory(rec.modifier)
    out = apply(preset, factory())
    absorption = getattr(factory, "absorption", None)  # a drug module's absorption change (alcohol: G78c)
    if absorption is not None and out.model.absorption is not None:
        out = absorption(out)
    return out


def interaction_sources() -> tuple[str, ...]:
    """Keys cited by the records that are registered now (``LABEL`` joins when its module is loaded)."""
    keys = dict.fromkeys(k for i in interactions() for k in i.sources)
    return tuple(k for k in keys if k in SOURCES)
