"""The product label (US Valium tablets prescribing information) as data: doses stated and boxed warning.

LABEL has no DOI or PMID (a prescribing information, not a paper), so it is listed by
:func:`~pkmodel.literature.sources.identifier_pending` like the package's other sources whose
identifier is not verified; its note says ``"details to confirm"`` (revision to confirm on the
official label page). The doses are what the label states for its indications, kept here so the
notebooks quote them from one place; they are for teaching about the label, never dose advice
for anyone.

Example
-------
>>> from pkmodel.literature import label
>>> label.MUSCLE_SPASM.times_a_day
(3, 4)
"""

from __future__ import annotations

from dataclasses import dataclass

from .sources import Population, Source, register_sources
from .values import Value, reported

LABEL = Source(
    "LABEL", "Roche (distributor revision)", 2024, "Valium (diazepam) tablets: US prescribing information",
    "US product label (FDA label data)",
    population=Population(None, "adults; older or debilitated patients", "", "2-10 mg", "oral"),
    note="Usual adult doses: anxiety 2-10 mg two to four times daily; adjunct in skeletal muscle spasm 2-10 mg "
         "three or four times daily; older or debilitated patients 2-2.5 mg once or twice daily at first, "
         "increased gradually as needed and tolerated. Boxed warning: opioids with benzodiazepines; abuse, "
         "misuse and addiction; dependence and withdrawal reactions. No DOI/PMID (a label); revision (August "
         "2024) read on FDA label data and pages reproducing the label: details to confirm on the official label page.")
register_sources(LABEL)


@dataclass(frozen=True)
class LabelDose:
    """One dose statement of the label: ``low``-``high`` mg, ``times_a_day`` (fewest, most)."""

    indication: str
    low: Value
    high: Value
    times_a_day: tuple[int, int]

    @property
    def statement(self) -> str:
        """The statement in a line: "anxiety, 2–10 mg 2–4 times daily"."""
        return f"{self.indication}, {_span(self.low.value, self.high.value)} mg {_span(*self.times_a_day)} times daily"

    def __str__(self) -> str:
        return f"{self.statement} (label, {self.low.source_key})"


def _span(low, high) -> str:
    return f"{low:g}" if low == high else f"{low:g}–{high:g}"


def _dose(indication: str, low: float, high: float, times: tuple[int, int], text: str) -> LabelDose:
    return LabelDose(indication, reported(low, "mg", "LABEL", f"{text} (low end)"),
                     reported(high, "mg", "LABEL", f"{text} (high end)"), times)


ANXIETY = _dose("anxiety", 2.0, 10.0, (2, 4), "usual adult dose for anxiety, 2-10 mg two to four times daily")
MUSCLE_SPASM = _dose("skeletal muscle spasm (adjunct)", 2.0, 10.0, (3, 4),
                     "usual adult dose, adjunct in skeletal muscle spasm, 2-10 mg three or four times daily")
OLDER_OR_DEBILITATED = _dose("older or debilitated patients, at first", 2.0, 2.5, (1, 2),
                             "older or debilitated patients: 2-2.5 mg once or twice daily at first, increased "
                             "gradually as needed and tolerated")
#: The label's dose statements used in the notebooks.
DOSES = (ANXIETY, MUSCLE_SPASM, OLDER_OR_DEBILITATED)

#: The boxed warning's three parts, paraphrased as literature.md (LABEL) records them (not the label's
#: verbatim wording).
BOXED_WARNING = {
    "opioids": "benzodiazepines taken with opioids can cause profound sedation, respiratory depression, coma "
               "and death",
    "abuse": "abuse, misuse and addiction",
    "dependence": "dependence and withdrawal reactions after continued use, so stopping or reducing should be "
                  "gradual",
}

__all__ = ["ANXIETY", "BOXED_WARNING", "DOSES", "LABEL", "LabelDose", "MUSCLE_SPASM", "OLDER_OR_DEBILITATED"]
