"""The published sources behind every number in :mod:`pkmodel.literature`, as data.

Each :class:`Source` names its authors, year, title, journal and, where verified, its DOI and/or
PMID, with the population studied. Where a bibliographic detail has not been checked against the
paper, the record keeps what is known and says ``"details to confirm"`` in :attr:`Source.note`;
no page numbers or identifiers are invented. Sources whose DOI/PMID is still to be confirmed are
listed in :data:`IDENTIFIER_PENDING`.

Use :func:`cite` for one formatted citation and :func:`references` for a Markdown reference list.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Population:
    """Who was studied: ``n`` people, ``ages`` (text, years), ``sex``, ``dose`` and ``route``."""

    n: int | None = None
    ages: str = ""
    sex: str = ""
    dose: str = ""
    route: str = ""

    def __str__(self) -> str:
        parts = []
        if self.n is not None:
            parts.append(f"n={self.n}")
        if self.ages:
            parts.append(f"{self.ages} y")
        for p in (self.sex, self.dose, self.route):
            if p:
                parts.append(p)
        return ", ".join(parts)


@dataclass(frozen=True)
class Source:
    """One published source.

    Parameters
    ----------
    key : short key used throughout the package (e.g. ``"G21"``).
    authors, year, title, journal : bibliographic record (journal may include volume and pages).
    doi, pmid : identifiers, only where verified.
    population : the people studied.
    note : what the package takes from it; ``"details to confirm"`` flags unverified details.
    """

    key: str
    authors: str
    year: int | None
    title: str
    journal: str
    doi: str | None = None
    pmid: int | None = None
    population: Population = Population()
    note: str = ""

    @property
    def identifier(self) -> str | None:
        """``"doi:…"`` and/or ``"PMID …"``, or ``None`` if neither is verified yet."""
        ids = []
        if self.doi:
            ids.append(f"doi:{self.doi}")
        if self.pmid:
            ids.append(f"PMID {self.pmid}")
        return "; ".join(ids) or None

    def citation(self) -> str:
        """One formatted citation: authors (year). title. journal. identifiers."""
        year = f" ({self.year})" if self.year else ""
        text = f"{self.authors}{year}".rstrip(".") + f". {self.title}. {self.journal}."
        if self.identifier:
            text += f" {self.identifier}."
        if "details to confirm" in self.note:
            text += " [details to confirm]"
        return text


_S = Source
_P = Population

SOURCES: dict[str, Source] = {s.key: s for s in (
    _S("K75", "Klotz U, Avant GR, Hoyumpa A, Schenker S, Wilkinson GR", 1975,
       "The effects of age and liver disease on the disposition and elimination of diazepam in adult man",
       "J Clin Invest 55(2):347-359", doi="10.1172/JCI107938", pmid=1127104,
       population=_P(33, "15-82", "healthy volunteers (plus 9 with alcoholic cirrhosis)",
                     "0.1 mg/kg IV or 10 mg", "IV or oral"),
       note="DZ t1/2 ~20 h at 20 y rising linearly to ~90 h at 80 y; CL 20-32 mL/min, not age-related; "
            "binding 97.4 +/- 1.2 %; cirrhosis t1/2 105.6 +/- 15.2 vs 46.6 +/- 14.2 h, CL 13.8 +/- 2.4 "
            "mL/min (about half of normal)."),
    _S("G21", "Greenblatt DJ, Harmatz JS, Zhang Q, Chen Y, Shader RI", 2021,
       "Slow accumulation and elimination of diazepam and its active metabolite with extended "
       "treatment in the elderly", "J Clin Pharmacol 61(2):193-203", doi="10.1002/jcph.1726",
       pmid=32856316,
       population=_P(15, "21-33 (young, n=7) and 61-78 (elderly, n=8)", "healthy volunteers",
                     "2.5 mg twice daily for 15 days", "oral"),
       note="Mean t1/2 DZ 31 vs 86 h, DMDZ 40 vs 80 h (young vs elderly); Css 30-35 % higher in the "
            "elderly (not significant)."),
    _S("G80", "Greenblatt DJ, Allen MD, Harmatz JS, Shader RI", 1980, "Diazepam disposition determinants",
       "Clin Pharmacol Ther 27(3):301-312", doi="10.1038/clpt.1980.40", pmid=7357789,
       population=_P(44, "21-37 (young) and 61-84 (elderly)", "men and women, 11 per group",
                     "5-10 mg", "IV"),
       note="Total CL (mL/min/kg) young vs elderly: men 0.39 vs 0.24; women 0.51 vs 0.48. Vd 0.7-4.7 "
            "L/kg, larger with age and in women; fu 0.9-2.7 %, higher in the elderly."),
    _S("G89", "Greenblatt DJ, et al.", 1989, "A large-sample study of diazepam pharmacokinetics",
       "Ther Drug Monit 11(6):652-657", doi="10.1097/00007691-198911000-00007",
       population=_P(48, "18-44", "healthy men", "10 mg", "oral"),
       note="Mean t1/2 44.2 h, CL 26.6 mL/min, V 83 L; t1/2, k and V log-normally distributed. "
            "Full author list: details to confirm."),
    _S("ABS", "Ochs HR, Greenblatt DJ, et al.", None, "Diazepam absorption", "journal: details to confirm",
       population=_P(37, "19-79", "healthy volunteers", "5 mg tablet, fasting", "oral"),
       note="Lag ~12 min, absorption t1/2 ~19 min (0-96), tmax ~0.9 h, F ~97 % (n=7 with IV "
            "reference), no age or sex effect (early 1980s). Full authors, year, journal, DOI/PMID: details to confirm."),
    _S("AB79", "Abel JG, et al.", 1979, "Inter- and intra-subject variation in diazepam free fraction",
       "Clin Pharmacol Ther 26:247-255", pmid=572277,
       population=_P(None, "", "healthy volunteers", "", "in vitro binding"),
       note="Diazepam free fraction 0.97-1.99 %, mean 1.25 % in men."),
    _S("K77", "Klotz U, Antonin KH, Brügel H, Bieck PR", 1977,
       "Disposition of diazepam and its major metabolite desmethyldiazepam in patients with liver disease",
       "journal and pages: details to confirm", pmid=321178,
       population=_P(4, "", "healthy subjects (plus patients with liver disease)",
                     "DMDZ 0.1 mg/kg", "IV"),
       note="Healthy: DMDZ t1/2 50.9 +/- 6.2 h, CL 11.3 +/- 3.1 mL/min; DZ 32.6 +/- 11.3 h, "
            "32.3 +/- 11.0 mL/min. Liver disease (4 patients): DMDZ CL 4.6 +/- 1.1 mL/min, t1/2 "
            "108.2 +/- 40.3 h. These figures were checked against the abstract as indexed under "
            "PMID 321178; journal and pages: details to confirm."),
    _S("CZ1", "authors: details to confirm", None,
       "Desmethyldiazepam kinetics after intravenous, intramuscular, and oral administration of "
       "clorazepate dipotassium", "journal: details to confirm",
       population=_P(17, "21-66", "healthy volunteers", "20 mg clorazepate", "IV"),
       note="DMDZ Vd 1.24 L/kg, t1/2 65 h, CL 0.24 mL/min/kg; in men t1/2 lengthened and CL fell with "
            "age, not in women. Authors, year, journal, DOI/PMID: details to confirm."),
    _S("CZ3", "Post C, Lindgren S, Bertler Å, Malmgren H", None,
       "Pharmacokinetics of N-desmethyldiazepam in healthy volunteers after single daily doses of "
       "dipotassium chlorazepate", "Psychopharmacology 53:105-109", doi="10.1007/BF00426477",
       population=_P(12, "22-38", "healthy volunteers (8 men, 4 women)",
                     "20 mg clorazepate daily for 14 days", "oral"),
       note="DMDZ t1/2 53 +/- 6 h, Vbeta 1.13 +/- 0.08 L/kg (mean +/- SEM), Css 884 +/- 73 ng/mL. "
            "Year: details to confirm."),
    _S("OX1", "authors: details to confirm", None,
       "Disposition of oxazepam in relation to age, sex, and cigarette smoking", "Klin Wochenschr",
       doi="10.1007/BF01721923",
       population=_P(31, "20-86", "22 men, 9 women", "30 mg", "oral"),
       note="t1/2 7.5 (men) / 8.5 h (women); Vd 0.96 / 1.17 L/kg; CL 1.48 / 1.70 mL/min/kg; no "
            "kinetic variable related to age. Authors, year, volume: details to confirm."),
    _S("TZ1", "authors: details to confirm", 1981, "Effect of age and gender on disposition of temazepam",
       "J Pharm Sci 70:1104-1107", doi="10.1002/jps.2600701004", pmid=6117653,
       population=_P(32, "24-84", "men and women", "30 mg", "oral"),
       note="t1/2 8-38 h (women 16.8, men 12.3 h); CL men 1.35, women 1.02 mL/min/kg; Vd 1.40 L/kg; "
            "fu 2.6 %; no age relation. Authors: details to confirm."),
    _S("TZ_CIM", "Greenblatt DJ, Abernethy DR, Divoll M, Locniskar A, Harmatz JS, Shader RI", 1984,
       "Noninteraction of temazepam and cimetidine", "J Pharm Sci 73(3):399-401",
       population=_P(9, "", "healthy men and women", "30 mg", "oral"),
       note="Temazepam t1/2 9.9 h, Vd 1.30 L/kg, CL 1.59 mL/min/kg, fu 4.1 %; unchanged by cimetidine "
            "(conjugated, not oxidised). DOI/PMID: details to confirm."),
    _S("Q99", "Qin XP, Xie HG, Wang W, et al.", 1999,
       "Effect of the gene dosage of CYP2C19 on diazepam metabolism in Chinese subjects",
       "Clin Pharmacol Ther 66", doi="10.1053/cp.1999.v66.103379001",
       population=_P(18, "", "healthy Chinese men, 6 per genotype", "5 mg", "oral"),
       note="DZ t1/2 20.0 / 62.9 / 84.0 h and CL 19.5 / 7.2 / 2.8 mL/min for wt/wt, wt/m1, m1/m1; "
            "DMDZ t1/2 99.2 / 132.1 / 176.0 h. Pages: details to confirm."),
    _S("FC", "authors: details to confirm", None,
       "Interaction of diazepam with famotidine and cimetidine, two H2-receptor antagonists",
       "journal, volume, pages: details to confirm",
       population=_P(11, "", "healthy men", "10 mg", "IV"),
       note="With cimetidine DZ t1/2 72 vs 55 h, CL 0.20 vs 0.28 mL/min/kg, Vd unchanged; DMDZ 7-day "
            "AUC up (4.6 vs 3.8 h*ug/mL); famotidine no effect. Authors, year, journal, DOI/PMID: details "
            "to confirm."),
    _S("G84", "Greenblatt DJ, Abernethy DR, Morse DS, Harmatz JS, Shader RI", 1984,
       "Clinical importance of the interaction of diazepam and cimetidine",
       "N Engl J Med 310:1639-1643", pmid=6427609,
       population=_P(10, "", "patients on long-term diazepam", "unchanged diazepam + cimetidine 300 mg "
                     "four times daily", "oral"),
       note="Cimetidine raised DZ + DMDZ concentrations by 57 % on average."),
    _S("P94", "Perucca E, Gatti G, Cipolla G, Spina E, Barel S, Soback S, Gips M, Bialer M", 1994,
       "Title: details to confirm (effect of fluvoxamine on diazepam and N-desmethyldiazepam kinetics)",
       "Clin Pharmacol Ther 56(5):471-476", doi="10.1038/clpt.1994.167", pmid=7955810,
       population=_P(8, "", "healthy volunteers", "10 mg", "oral"),
       note="Oral CL 0.40 -> 0.14 mL/min/kg; t1/2 51 -> 118 h with fluvoxamine (100-150 mg daily). "
            "Exact title: details to confirm."),
    _S("O81b", "Ochs HR, Greenblatt DJ, Roberts GM, Dengler HJ", 1981,
       "Diazepam interaction with antituberculosis drugs", "Clin Pharmacol Ther 29:671-678",
       doi="10.1038/clpt.1981.94", pmid=7214796,
       population=_P(None, "", "patients on rifampin + isoniazid + ethambutol vs controls", "", "IV"),
       note="t1/2 14 vs 58 h, CL 1.50 vs 0.37 mL/min/kg (about 4-fold); isoniazid alone 34 -> 45 h."),
    _S("R78", "Reidenberg MM, et al.", 1978,
       "Relationship between diazepam dose, plasma level, age, and central nervous system depression",
       "Clin Pharmacol Ther (volume, pages: details to confirm)",
       population=_P(None, "", "patients premedicated for elective cardioversion", "individualised",
                     "IV"),
       note="Both the dose and the plasma level needed for the same CNS depression fall with age: "
            "older people are more sensitive. Pages, DOI/PMID: details to confirm."),
    _S("BEERS", "American Geriatrics Society Beers Criteria Update Expert Panel", 2023,
       "American Geriatrics Society 2023 updated AGS Beers Criteria for potentially inappropriate "
       "medication use in older adults", "J Am Geriatr Soc", doi="10.1111/jgs.18372",
       population=_P(None, "older adults", "", "", ""),
       note="Benzodiazepines stay on the list to avoid in older adults (cognitive impairment, "
            "delirium, falls, fractures, motor vehicle crashes). Volume and pages: details to confirm."),
)}

#: Sources whose DOI/PMID has not yet been verified (their other details are in the record).
IDENTIFIER_PENDING: tuple[str, ...] = tuple(k for k, s in SOURCES.items() if s.identifier is None)


def _source(key: str) -> Source:
    try:
        return SOURCES[key]
    except (KeyError, TypeError):
        raise ValueError(f"unknown source key {key!r}; known keys: {', '.join(SOURCES)}") from None


def cite(key: str) -> str:
    """One formatted citation (with DOI/PMID where verified) for source ``key``."""
    return _source(key).citation()


def sources() -> list[Source]:
    """All sources, in the order of :data:`SOURCES`."""
    return list(SOURCES.values())


def references(keys=None) -> str:
    """A Markdown numbered reference list for ``keys`` (all sources if ``None``), in the given order."""
    keys = list(SOURCES) if keys is None else list(dict.fromkeys(keys))
    return "\n".join(f"{i}. **{k}** {_source(k).citation()}" for i, k in enumerate(keys, 1))
