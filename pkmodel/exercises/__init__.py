"""Exercises that regenerate with new numbers for every seed, and checks that teach.

Each kind in :data:`KINDS` is a generator ``kind(seed) -> Problem``. A problem is built from a
published preset (every drug of ``lit.drugs()`` in each group of ``lit.PRESETS``, e.g. oxazepam
in OX1's elderly group, see :mod:`pkmodel.literature`; the interaction kind uses diazepam's
modifiers): its ``prompt`` (Markdown, with units), its ``data`` (the numbers or samples to work
on) and ``check(answer)``, which returns a :class:`Verdict` with ``correct``, ``feedback`` and,
only after a right answer or :meth:`Problem.reveal`, the worked solution, which names the preset
and the published value behind it with its source (``[G21]``, ``[G79L]``, ``[OX1]``, ``[TZ1]``).
A wrong answer is told "too high" or "too low" and, where it matches a common mistake (hours for
days, mg for µg, log10 for ln, the early phase, F left out, τ twice, ...), what the mistake was;
never the answer or its digits.

The same seed gives the same problem; :func:`seed_for` turns a name or student number into a
stable seed. :func:`problem_set` draws one problem of each kind, :func:`score` checks a dict of
answers, :func:`answer_key` tabulates the answers for many seeds (for instructors).

Example::

    from pkmodel import exercises
    problems = exercises.problem_set(exercises.seed_for("Ada Lovelace"))
    p = problems["time_to_steady_state"]
    p                    # the prompt and data, in Jupyter
    p.check(12)          # a Verdict: feedback now, the solution once right

For teaching only: the drugs, doses and groups are exercises in arithmetic on published group
means; nothing here recommends or adjusts a dose for any person.
"""

from __future__ import annotations

from ._core import Mistake, Problem, Verdict, seed_for
from . import dosing, grading, interactions, sampling
from .grading import AnswerKey, ProblemSet, Score

#: Every exercise kind: name -> generator(seed) -> :class:`Problem`.
KINDS = {
    "half_life_from_samples": sampling.half_life_from_samples,
    "clearance_from_auc": sampling.clearance_from_auc,
    "bioavailability_from_auc": sampling.bioavailability_from_auc,
    "volume_from_half_life": dosing.volume_from_half_life,
    "accumulation_ratio": dosing.accumulation_ratio,
    "time_to_steady_state": dosing.time_to_steady_state,
    "washout": dosing.washout,
    "half_life_from_troughs": sampling.half_life_from_troughs,
    "compare_accumulation": dosing.compare_accumulation,
    "steady_state_average": dosing.steady_state_average,
    "interaction_exposure": interactions.interaction_exposure,
}


def problem(kind: str, seed) -> Problem:
    """The problem of ``kind`` (a key of :data:`KINDS`) for ``seed``."""
    if not isinstance(kind, str) or kind not in KINDS:
        raise ValueError(f"kind must be one of {', '.join(map(repr, KINDS))}; got {kind!r}")
    return KINDS[kind](seed)


def problem_set(seed) -> ProblemSet:
    """One problem of every kind for ``seed`` (a non-negative int, e.g. from :func:`seed_for`)."""
    return ProblemSet(seed, KINDS)


def score(problems: ProblemSet, answers: dict) -> Score:
    """Check ``answers`` (``{kind: number or None}``) against ``problems``; see :func:`grading.score`."""
    return grading.score(problems, answers)


def answer_key(seeds) -> AnswerKey:
    """The true answers of every kind for ``seeds`` (ints or names), for instructors."""
    return grading.answer_key(seeds, KINDS)


__all__ = ["KINDS", "AnswerKey", "Mistake", "Problem", "ProblemSet", "Score", "Verdict", "answer_key", "problem",
           "problem_set", "score", "seed_for"]
