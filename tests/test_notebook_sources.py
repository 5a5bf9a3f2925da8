"""Notebook sources: one Jupytext MyST Markdown file per notebook is the source, paired with the
``.ipynb`` that Binder opens. An instructor edits either (JupyterLab with jupytext keeps both in
step) and runs ``make notebooks``; these tests fail if a pair has drifted apart, if regeneration
would rewrite cell ids, or if a check cell is left visible to students."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import jupytext
import pytest

ROOT = Path(__file__).resolve().parents[1]
FOLDERS = ("notebooks", "instructor")
SOURCES = sorted(p for f in FOLDERS for p in (ROOT / f).glob("*.md"))
JUPYTEXT = Path(sys.executable).with_name("jupytext")


def _cells(nb):
    return [(c.cell_type, c.source.strip(), sorted(c.metadata.get("tags", []))) for c in nb.cells]


def test_every_notebook_has_a_markdown_source_and_back():
    notebooks = sorted(p for f in FOLDERS for p in (ROOT / f).glob("*.ipynb"))
    assert notebooks, "no notebooks found"
    assert [p.with_suffix(".md") for p in notebooks] == SOURCES


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.stem)
def test_pair_in_sync(source):
    """The .ipynb holds exactly the cells of its .md source (type, text, tags)."""
    md = jupytext.read(source)
    ipynb = jupytext.read(source.with_suffix(".ipynb"))
    assert _cells(md) == _cells(ipynb), f"{source.name} and its .ipynb differ: run `make notebooks`"
    assert ipynb.metadata.get("jupytext", {}).get("formats") == "ipynb,md:myst"


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.stem)
def test_sync_keeps_cell_ids(source, tmp_path):
    """Regenerating the .ipynb from its source keeps every cell id (no churn in diffs)."""
    for suffix in (".md", ".ipynb"):
        shutil.copy(source.with_suffix(suffix), tmp_path / (source.stem + suffix))
    before = [c["id"] for c in json.loads((tmp_path / (source.stem + ".ipynb")).read_text())["cells"]]
    assert len(set(before)) == len(before)
    (tmp_path / (source.stem + ".md")).touch()
    subprocess.run([str(JUPYTEXT), "--sync", str(tmp_path / (source.stem + ".md")), "-q"], check=True)
    after = [c["id"] for c in json.loads((tmp_path / (source.stem + ".ipynb")).read_text())["cells"]]
    assert after == before


@pytest.mark.parametrize("source", [s for s in SOURCES if s.parent.name == "notebooks"], ids=lambda p: p.stem)
def test_student_views_hide_checks_and_lecture_hides_prompts(source):
    """Check cells (nbval's asserts) are tagged ``check`` and collapsed; "Try this" prompts are
    tagged ``student-only`` (lecture mode leaves both out); the teaching notice comes first."""
    nb = jupytext.read(source)
    first = " ".join(c.source for c in nb.cells[:2]).lower()
    assert "for teaching only" in first and "not medical advice" in first
    for c in nb.cells:
        tags = c.metadata.get("tags", [])
        if c.cell_type == "code" and re.search(r"^assert ", c.source, re.M):
            assert "check" in tags, c.source
            assert c.metadata.get("jupyter", {}).get("source_hidden") is True, c.source
        if c.cell_type == "markdown" and re.match(r"#+\s*Try this", c.source.strip()):
            assert "student-only" in tags, c.source[:60]


def test_solutions_are_outside_the_students_root():
    assert not (ROOT / "notebooks" / "solutions").exists()
    assert any((ROOT / "instructor").glob("*.ipynb"))
