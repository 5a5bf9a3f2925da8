"""Exercises' public surface: seeds, bad answers, verdicts, reveal, problem sets, scores, answer key."""

from __future__ import annotations

import hashlib
import math

import numpy as np
import pytest

from pkmodel import exercises


def test_seed_for_is_a_stable_sha256_of_the_normalised_name():
    expected = int.from_bytes(hashlib.sha256(b"ada lovelace").digest()[:4], "big")
    assert exercises.seed_for("Ada Lovelace") == expected
    assert exercises.seed_for("  ada   LOVELACE ") == expected
    assert exercises.seed_for("s1234567") != exercises.seed_for("s1234568")
    assert 0 <= exercises.seed_for("x") < 2 ** 32


@pytest.mark.parametrize("bad, error", [(None, TypeError), (12, TypeError), ("", ValueError), ("   ", ValueError)])
def test_seed_for_refuses_non_names(bad, error):
    with pytest.raises(error, match="name"):
        exercises.seed_for(bad)


@pytest.mark.parametrize("bad, error", [(-1, ValueError), (1.5, TypeError), ("abc", TypeError), (True, TypeError),
                                        (None, TypeError), (np.float64(2.0), TypeError), (np.int64(-3), ValueError)])
@pytest.mark.parametrize("kind", list(exercises.KINDS))
def test_generators_refuse_bad_seeds_naming_seed(kind, bad, error):
    with pytest.raises(error, match="seed"):
        exercises.KINDS[kind](bad)


def test_problem_set_and_answer_key_refuse_bad_seeds():
    for bad, error in ((-1, ValueError), (1.5, TypeError), (True, TypeError)):
        with pytest.raises(error, match="seed"):
            exercises.problem_set(bad)
        with pytest.raises(error, match="seed"):
            exercises.answer_key([bad])


@pytest.mark.parametrize("bad, error", [(None, TypeError), ("12", TypeError), (True, TypeError), ([12], TypeError),
                                        (float("nan"), ValueError), (float("inf"), ValueError), (-3, ValueError),
                                        (0, ValueError)])
def test_check_refuses_bad_answers_naming_answer(bad, error):
    p = exercises.KINDS["washout"](3)
    with pytest.raises(error, match="answer"):
        p.check(bad)


def test_numpy_answers_are_accepted():
    p = exercises.KINDS["accumulation_ratio"](3)
    assert p.check(np.float64(p._answer)).correct and p.check(np.float32(p._answer)).correct


def test_verdicts_and_problems_display_in_jupyter_without_the_answer():
    p = exercises.KINDS["time_to_steady_state"](5)
    md = p._repr_markdown_()
    assert p.prompt in md and "days" in md and "±5 %".replace(" ", "") in md
    wrong = p.check(p._answer * 3)
    assert wrong._repr_markdown_().startswith("❌ **Not yet.**") and "too high" in wrong.feedback
    assert not wrong and wrong.solution is None and "Worked solution" not in wrong._repr_markdown_()
    right = p.check(p._answer)
    assert right and right._repr_markdown_().startswith("✅ **Right.**")
    # the citation of the study the drug's half-life rests on (typed from the papers)
    source = {"diazepam": "G21", "lorazepam": "G79L", "oxazepam": "OX1", "temazepam": "TZ1"}
    drug, = [d for d in source if d in p.source]
    assert "Worked solution" in right._repr_markdown_() and f"[{source[drug]}]" in right.solution


def test_reveal_shows_the_solution_and_a_revealed_problem_does_not_score():
    problems = exercises.problem_set(11)
    p = problems["washout"]
    shown = p.reveal()
    assert shown.revealed and not shown.correct and shown.solution and shown.answer == p._answer
    assert p.check(p._answer * 3).solution  # once revealed, the solution stays available
    answers = {"washout": p._answer, "accumulation_ratio": problems["accumulation_ratio"]._answer}
    result = exercises.score(problems, answers)
    status = {r["kind"]: r["status"] for r in result.rows}
    assert status["washout"] == "revealed" and status["accumulation_ratio"] == "right"
    assert result.correct == 1 and result.total == len(exercises.KINDS)


def test_score_counts_right_wrong_unanswered_and_invalid():
    problems = exercises.problem_set(exercises.seed_for("a student"))
    kinds = list(problems)
    answers = {kinds[0]: problems[kinds[0]]._answer, kinds[1]: problems[kinds[1]]._answer * 2, kinds[2]: None,
               kinds[3]: "twelve"}
    result = exercises.score(problems, answers)
    status = [r["status"] for r in result.rows]
    assert status[:4] == ["right", "not yet", "not answered", "invalid"]
    assert "answer" in result.rows[3]["feedback"]
    assert result.correct == 1 and "Score: 1 / " in result._repr_markdown_()
    with pytest.raises(ValueError, match="unknown kinds"):
        exercises.score(problems, {"no_such_kind": 1.0})
    with pytest.raises(TypeError, match="answers"):
        exercises.score(problems, [1.0])


def test_problem_set_has_one_problem_per_kind_and_the_same_seed_reproduces():
    a, b = exercises.problem_set(42), exercises.problem_set(42)
    assert list(a) == list(exercises.KINDS)
    assert all(a[k].prompt == b[k].prompt for k in a)
    assert "seed 42" in a._repr_markdown_()
    with pytest.raises(ValueError, match="kind"):
        exercises.problem("nope", 1)


def test_answer_key_lists_every_kind_for_every_seed_with_its_source():
    key = exercises.answer_key([3, "Grace Hopper"])
    assert len(key) == 2 * len(exercises.KINDS)
    rows = list(key)
    assert rows[0]["seed"] == 3 and rows[-1]["student"] == "Grace Hopper"
    assert rows[-1]["seed"] == exercises.seed_for("Grace Hopper")
    for r in rows:
        p = exercises.problem(r["kind"], r["seed"])
        assert r["answer"] == p._answer and r["unit"] == p.unit and r["tolerance"] == p.tolerance
        studies = {"diazepam": "G21", "lorazepam": "G79L", "oxazepam": "OX1", "temazepam": "TZ1"}
        named = [d for d in studies if d in r["source"]]
        assert named and all(studies[d] in r["source"] for d in named), r["source"]
        assert p.check(r["answer"]).correct
    md, html = key._repr_markdown_(), key._repr_html_()
    assert md.count("\n") == len(rows) + 1 and html.startswith("<table>") and html.count("<tr>") == len(rows) + 1
    assert exercises.answer_key(7).rows[0]["seed"] == 7


def test_old_fixed_exercises_are_gone():
    assert not hasattr(exercises, "sparse_samples") and not hasattr(exercises, "check_half_life")
    assert all(math.isfinite(exercises.problem(k, 0)._answer) for k in exercises.KINDS)


def test_notebook_8_has_every_kind_and_its_placeholder_is_wrong_without_a_named_mistake():
    import json
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    cells = json.loads((root / "notebooks" / "08_exercises.ipynb").read_text())["cells"]
    code = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
    placeholder = 0.0001  # the value notebook 08 puts in every answer cell
    for kind in exercises.KINDS:
        assert f'answers["{kind}"] = {placeholder}' in code and f'problems["{kind}"].check(' in code
        for s in range(50):
            v = exercises.problem(kind, s).check(placeholder)
            assert not v.correct and v.mistake is None and "too low" in v.feedback
    assert "exercises.score(problems, answers)" in code and 'exercises.seed_for("your name")' in code
    assert not (root / "notebooks" / "solutions").exists()
    assert (root / "instructor" / "08_exercises_solutions.ipynb").is_file()


def test_readme_lists_every_kind_with_its_tolerance():
    import re
    from pathlib import Path

    text = (Path(__file__).resolve().parents[1] / "README.md").read_text()
    listed = dict(re.findall(r"^\| `(\w+)` \|[^|]+\| ±(\d+) % \|$", text, flags=re.M))
    assert set(listed) == set(exercises.KINDS)
    for kind, pct in listed.items():
        assert exercises.problem(kind, 0).tolerance == pytest.approx(int(pct) / 100), kind
