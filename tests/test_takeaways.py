"""Every number quoted in a notebook's "Key takeaways" is recomputed through the package.

Each notebook's takeaways cell (from its .md source) is parsed for numbers (digits, and the words
two to ten); the multiset found must equal the table below, so a new or changed number fails until
it is added here with the package call that gives it. Each entry is (quoted text, call, absolute
tolerance, why that tolerance), or (quoted text, INPUT, reason) for a number that is an input of
the computation (an age, a fraction asked for), not a result. Ignored: ordinals (5th, 95th),
"ln 2", "notebook N", and source keys (G21, TZ1).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

import numpy as np
import pytest

import pkmodel as pk
from pkmodel import lessons, lessons_interactions as li
from pkmodel import literature as lit
from pkmodel import metrics

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"
INPUT = "input"
WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}


def takeaways(path: Path) -> str:
    text = path.read_text()
    m = re.search(r"^## Key takeaways\n(.*?)(?=^\+\+\+|^## |\Z)", text, flags=re.S | re.M)
    return m.group(1) if m else ""


def quoted_numbers(text: str) -> list[str]:
    text = re.sub(r"\bln 2\b|\bnotebooks? \d+\b|\b\d+(?:st|nd|rd|th)\b", " ", text)
    nums = re.findall(r"(?<![\w.])(\d+(?:\.\d+)?)(?![\w])", text)
    words = [str(WORDS[w.lower()]) for w in re.findall(r"\b(" + "|".join(WORDS) + r")\b", text, flags=re.I)]
    return nums + words


# ----- the package calls --------------------------------------------------------------------
def _young():
    return lit.preset("young adult")


def _elderly():
    return lit.preset("elderly")


def _days_to(p, f):
    return metrics.time_to_steady_state(p.model.half_life("diazepam"), f) / 24


def _g80_men_cl_fall_pct():
    pub = lit.species("diazepam").published
    return 100 * (1 - pub["clearance.male.elderly.G80"].value / pub["clearance.male.young.G80"].value)


def _preset_cl_fall_pct():
    return 100 * (1 - _elderly().clearance("diazepam") / _young().clearance("diazepam"))


@lru_cache(maxsize=None)
def _spread_95_5(age):
    """95th / 5th percentile of DZ at day 15 (360 h, where the next dose would fall: the last
    trough), as notebook 7's dashboard reads it."""
    batch = lit.virtual_population(lit.at_age(age), 200, seed=2021)
    t = np.arange(0, 40 * 24 + 1, 3.0)
    lo, _, hi = lit.percentile_bands(pk.simulate(batch, lit.g21_regimen(), t), "diazepam", percentiles=(5, 50, 95))
    i = int(np.flatnonzero(t == 15 * 24)[0])
    return hi[i] / lo[i]


def _dmdz_above_day():
    t = np.linspace(0, 14 * 24, 14 * 24 * 4 + 1)
    r = pk.simulate(lit.preset("elderly", full=True).model, pk.single_dose(10), t)
    return li.metabolite_above_parent_from(r, "diazepam", "desmethyldiazepam") / 24


def _iv_auc_ratio(modifier):
    t = np.linspace(0, 3000 * 24, 30001)
    p = _young()
    iv = pk.single_dose(10, route="iv")
    a = [pk.simulate(q.model, iv, t).auc("diazepam", 0, t[-1]) for q in (p, lit.apply(p, lit.modifier(modifier)))]
    return a[1] / a[0]


def _css_rise_pct():
    # average level at steady state ~ 1/CL (F, dose and interval equal): elderly vs young
    return 100 * (_young().clearance("diazepam") / _elderly().clearance("diazepam") - 1)


TABLE = {
    "01_half_life_volume_clearance": [
        ("25", _preset_cl_fall_pct, 1.0, "rounded to whole per cent"),
        ("38", _g80_men_cl_fall_pct, 0.5, "rounded to whole per cent"),
    ],
    "02_diazepam_across_the_lifespan": [
        ("4.5", lambda: lit.at_age(80).half_life() / lit.at_age(20).half_life(), 0.05, "one decimal"),
        ("20", INPUT, "age (K75's line)"), ("80", INPUT, "age (K75's line)"),
        ("2.8", lambda: _elderly().half_life() / _young().half_life(), 0.05, "one decimal"),
        ("38", _g80_men_cl_fall_pct, 0.5, "rounded to whole per cent"),
    ],
    "03_metabolites": [
        ("5", _dmdz_above_day, 0.5, "'about day 5', whole days"),
    ],
    "04_repeated_dosing_and_accumulation": [
        ("90", INPUT, "fraction of steady state asked for"),
        ("4", lambda: _days_to(_young(), 0.9), 0.5, "'about 4 days', whole days"),
        ("12", lambda: _days_to(_elderly(), 0.9), 0.5, "whole days"),
        ("97", INPUT, "fraction of steady state asked for"),
        ("6.5", lambda: _days_to(_young(), 0.97), 0.05, "one decimal"),
        ("18", lambda: _days_to(_elderly(), 0.97), 0.5, "whole days"),
        ("30", _css_rise_pct, 2.5 + 1e-9, "G21's 30-35 % range: the presets' CL ratio is its midpoint"),
        ("35", _css_rise_pct, 2.5 + 1e-9, "G21's 30-35 % range: the presets' CL ratio is its midpoint"),
        ("3", lambda: _elderly().half_life() / _young().half_life(), 0.25, "'almost three times'"),
    ],
    "05_stopping": [
        ("3.3", lambda: math.log(10) / math.log(2), 0.05, "one decimal"),
        ("10", INPUT, "fraction asked for"),
        ("5", INPUT, "number of half-lives"),
        ("3", lambda: 100 * 0.5 ** 5, 0.2, "whole per cent (3.1 %)"),
    ],
    "07_variability_and_sensitivity": [
        ("15", lambda: lessons.G21_DAYS, 0, "G21's days of dosing (the day read)"),
        ("2.7", lambda: _spread_95_5(80), 0.05, "one decimal (200 virtual people, seed 2021)"),
        ("80", INPUT, "age"),
        ("3.7", lambda: _spread_95_5(25), 0.05, "one decimal (200 virtual people, seed 2021)"),
        ("25", INPUT, "age"),
    ],
    "10_interactions_and_risks": [
        ("30", lambda: 100 * (_iv_auc_ratio("alcohol") - 1), 0.5, "S80's +30 %, integration error only"),
        ("26", lambda: 100 * (1 - lit.apply(_young(), lit.modifier("omeprazole")).clearance("diazepam")
                              / _young().clearance("diazepam")), 0.5, "OME90's -26 %"),
    ],
}


def _notebooks():
    return sorted(NOTEBOOKS.glob("[0-9][0-9]_*.md"))


def test_every_notebook_has_takeaways_and_the_parser_finds_numbers():
    assert len(_notebooks()) >= 10
    assert quoted_numbers("about 4.5-fold, 5th to 95th, ln 2, notebook 2, G21, two- to three-fold") == \
        ["4.5", "2", "3"]


@pytest.mark.parametrize("path", _notebooks(), ids=lambda p: p.stem)
def test_takeaway_numbers_are_all_in_the_table(path):
    found = Counter(quoted_numbers(takeaways(path)))
    listed = Counter(entry[0] for entry in TABLE.get(path.stem, []))
    assert found == listed, (f"{path.name}: numbers in the takeaways {sorted(found.elements())} differ from the "
                             f"table {sorted(listed.elements())}; add each new number with the call that gives it")


@pytest.mark.parametrize("stem,entry", [(s, e) for s, entries in TABLE.items() for e in entries if e[1] is not INPUT],
                         ids=lambda x: x if isinstance(x, str) else x[0])
def test_each_quoted_number_is_what_the_package_gives(stem, entry):
    text, call, tol, why = entry
    got = call()
    assert abs(got - float(text)) <= tol, f"{stem}: takeaway says {text}, the package gives {got:.4g} ({why})"
