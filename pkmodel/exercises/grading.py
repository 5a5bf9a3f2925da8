"""Problem sets, scores and the instructor's answer key (plain lists of dicts; no pandas)."""

from __future__ import annotations

import html

from ._core import fmt, seed_for, validate_seed


class ProblemSet(dict):
    """One problem of every kind for one seed: ``{kind: Problem}``, in the order of ``KINDS``."""

    def __init__(self, seed, kinds: dict):
        self.seed = validate_seed(seed)
        super().__init__((name, make(self.seed)) for name, make in kinds.items())

    def _repr_markdown_(self) -> str:
        lines = [f"**Problem set for seed {self.seed}** ({len(self)} problems)", ""]
        lines += [f"{i}. `{p.kind}`: {p.title}" for i, p in enumerate(self.values(), 1)]
        return "\n".join(lines)


class Score:
    """Verdicts for a set of answers. ``rows``: one dict per problem (kind, title, status, feedback);
    ``correct`` counts right answers to problems whose solution was not revealed first."""

    def __init__(self, rows: list[dict]):
        self.rows = rows
        self.correct = sum(r["status"] == "right" for r in rows)
        self.total = len(rows)

    def __repr__(self) -> str:
        return f"Score({self.correct}/{self.total})"

    def _repr_markdown_(self) -> str:
        mark = {"right": "✅ right", "not yet": "❌ not yet", "not answered": "… not answered",
                "revealed": "📖 revealed", "invalid": "⚠️ invalid"}
        lines = [f"### Score: {self.correct} / {self.total}", "", "| # | exercise | verdict |", "|---:|---|---|"]
        lines += [f"| {i} | {r['title']} | {mark[r['status']]} |" for i, r in enumerate(self.rows, 1)]
        return "\n".join(lines)


def score(problems, answers) -> Score:
    """Check every answer in ``answers`` (``{kind: number or None}``) against ``problems``.

    ``None`` or a missing kind counts as not answered; an answer that is not a positive number is
    reported as invalid (with the reason) rather than stopping the count; a right answer to a
    problem whose solution was revealed first is marked "revealed" and does not score.
    """
    if not hasattr(answers, "get"):
        raise TypeError(f"answers must be a dict {{kind: number}}; got {type(answers).__name__}")
    unknown = set(answers) - set(problems)
    if unknown:
        raise ValueError(f"answers has unknown kinds {sorted(unknown)}; the kinds are {list(problems)}")
    rows = []
    for kind, problem in problems.items():
        answer = answers.get(kind)
        row = {"kind": kind, "title": problem.title, "answer": answer, "feedback": ""}
        if answer is None:
            row["status"] = "not answered"
        else:
            try:
                verdict = problem.check(answer)
            except (TypeError, ValueError) as err:
                row.update(status="invalid", feedback=str(err))
            else:
                row["feedback"] = verdict.feedback
                row["status"] = ("revealed" if problem.revealed else "right") if verdict.correct else "not yet"
        rows.append(row)
    return Score(rows)


class AnswerKey:
    """The answers for many seeds: ``rows`` is a list of dicts (student, seed, kind, title, answer,
    unit, tolerance, source). Shows as a Markdown or HTML table in Jupyter."""

    COLUMNS = ("student", "seed", "kind", "answer", "unit", "tolerance", "source")

    def __init__(self, rows: list[dict]):
        self.rows = rows

    def __len__(self) -> int:
        return len(self.rows)

    def __iter__(self):
        return iter(self.rows)

    def _cells(self, row) -> list[str]:
        return [row["student"], str(row["seed"]), row["kind"], fmt(row["answer"]), row["unit"],
                f"±{row['tolerance']:.0%}", row["source"]]

    def _repr_markdown_(self) -> str:
        lines = ["| " + " | ".join(self.COLUMNS) + " |", "|" + "---|" * len(self.COLUMNS)]
        lines += ["| " + " | ".join(self._cells(r)) + " |" for r in self.rows]
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        head = "".join(f"<th>{c}</th>" for c in self.COLUMNS)
        body = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in self._cells(r)) + "</tr>"
                       for r in self.rows)
        return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def answer_key(seeds, kinds: dict) -> AnswerKey:
    """One row per (seed, kind). ``seeds``: non-negative ints, or names/student numbers (via
    :func:`seed_for`), or a mix."""
    if isinstance(seeds, (str, int)) or not hasattr(seeds, "__iter__"):
        seeds = [seeds]
    rows = []
    for s in seeds:
        student, seed = (s, seed_for(s)) if isinstance(s, str) else ("", validate_seed(s))
        for kind, make in kinds.items():
            p = make(seed)
            rows.append({"student": student, "seed": seed, "kind": kind, "title": p.title, "answer": p._answer,
                         "unit": p.unit, "tolerance": p.tolerance, "source": p.source})
    return AnswerKey(rows)
