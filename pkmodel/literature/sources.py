"""Published sources as data: the :class:`Source` record and the registry every drug module fills.

Each :class:`Source` names its authors, year, title, journal and, where verified, its DOI and/or
PMID, with the population studied. A drug module registers its own sources with
:func:`register_sources` before it defines the values that cite them; the few sources that belong
to no one drug (clinical context, sensitivity) are registered here. Where a bibliographic detail has not been checked against the
paper, the record keeps what is known and says ``"details to confirm"`` in :attr:`Source.note`;
no page numbers or identifiers are invented. Sources whose DOI/PMID is still to be confirmed are
listed by :func:`identifier_pending`.

Use :func:`cite` for one formatted citation and :func:`references` for a Markdown reference list.
"""

from __future__ import annotations

from dataclasses import dataclass

from .naming import unknown


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


#: How a record marks a detail still to verify (rendered neutrally by :meth:`Source.citation`).
PENDING_MARK = "details to confirm"


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
        pending = PENDING_MARK in self.note
        # students see a neutral remark, not a to-do: "journal: not yet verified", or one closing note
        text = text.replace(PENDING_MARK, "not yet verified")
        if pending and "not yet verified" not in text:
            text += " (some bibliographic details not yet verified)"
        return text


#: Every registered source by key (filled by :func:`register_sources`; drug modules add theirs).
SOURCES: dict[str, Source] = {}


def register_sources(*records: Source) -> None:
    """Add ``records`` to :data:`SOURCES`; a key already taken by a different record is an error."""
    for s in records:
        if not isinstance(s, Source):
            raise TypeError(f"register_sources takes Source records; got {s!r} ({type(s).__name__})")
        old = SOURCES.get(s.key)
        if old is not None and old != s:
            raise ValueError(f"source key {s.key!r} is already registered for a different record: {old.citation()}")
        SOURCES[s.key] = s


def identifier_pending() -> tuple[str, ...]:
    """Keys of the sources whose DOI/PMID has not yet been verified."""
    return tuple(k for k, s in SOURCES.items() if s.identifier is None)


# Sources that belong to no one drug: sensitivity (R78) and clinical context (Beers criteria).
register_sources(
    Source("R78", "Reidenberg MM, et al.", 1978,
           "Relationship between diazepam dose, plasma level, age, and central nervous system depression",
           "Clin Pharmacol Ther (volume, pages: details to confirm)",
           population=Population(None, "", "patients premedicated for elective cardioversion", "individualised",
                                 "IV"),
           note="Both the dose and the plasma level needed for the same CNS depression fall with age: "
                "older people are more sensitive. Pages, DOI/PMID: details to confirm."),
    Source("BEERS", "American Geriatrics Society Beers Criteria Update Expert Panel", 2023,
           "American Geriatrics Society 2023 updated AGS Beers Criteria for potentially inappropriate "
           "medication use in older adults", "J Am Geriatr Soc", doi="10.1111/jgs.18372",
           population=Population(None, "older adults", "", "", ""),
           note="Benzodiazepines stay on the list to avoid in older adults (cognitive impairment, "
                "delirium, falls, fractures, motor vehicle crashes). Volume and pages: details to confirm."),
)


def _source(key) -> Source:
    if not isinstance(key, str):
        raise TypeError(f"source key must be a string; got {key!r} ({type(key).__name__})")
    try:
        return SOURCES[key]
    except KeyError:
        raise unknown("source key", key, SOURCES) from None


def cite(key: str) -> str:
    """One formatted citation (with DOI/PMID where verified) for source ``key``."""
    return _source(key).citation()


def sources() -> list[Source]:
    """All registered sources, in registration order."""
    return list(SOURCES.values())


def references(keys=None) -> str:
    """A Markdown numbered reference list for ``keys`` (one key, a sequence of keys, or ``None`` for all)."""
    if keys is None:
        keys = list(SOURCES)
    elif isinstance(keys, str):
        keys = [keys]
    else:
        try:
            keys = list(dict.fromkeys(keys))
        except TypeError:
            raise TypeError(f"keys must be a source key, a sequence of keys or None; got {keys!r} "
                            f"({type(keys).__name__})") from None
    return "\n".join(f"{i}. **{k}** {_source(k).citation()}" for i, k in enumerate(keys, 1))
