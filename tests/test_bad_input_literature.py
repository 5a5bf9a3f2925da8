"""Bad input to the literature layer: each row is a call, the exception type, and regexes that the
message must match for the parameter's name and for the offending value (issue 9). Unknown names
also list what is allowed and suggest the closest."""

import re

import numpy as np
import pytest

import pkmodel
from pkmodel import literature as lit


def _result():
    p = lit.preset("elderly")
    return pkmodel.simulate(lit.virtual_population(p, 5, seed=1), pkmodel.single_dose(10.0), [0.0, 1.0, 2.0])


ELDERLY = lit.preset("elderly")

ROWS = [
    # (id, call, exception, parameter regex, value regex)
    ("percentiles-str", lambda: lit.percentile_bands(_result(), "diazepam", percentiles=["a"]), TypeError,
     "percentiles", r"\['a'\]"),
    ("percentiles-range", lambda: lit.percentile_bands(_result(), "diazepam", percentiles=(5, 150)), ValueError,
     "percentiles", "150"),
    ("percentiles-empty", lambda: lit.percentile_bands(_result(), "diazepam", percentiles=()), ValueError,
     "percentiles", r"\(\)"),
    ("effect-str", lambda: lit.illustrative_effect("a", 50), TypeError, "concentration_ng_ml", "'a'"),
    ("effect-negative", lambda: lit.illustrative_effect(-1, 50), ValueError, "concentration_ng_ml", "-1"),
    ("effect-nan", lambda: lit.illustrative_effect(float("nan"), 50), ValueError, "concentration_ng_ml", "nan"),
    ("effect-age", lambda: lit.illustrative_effect(10, 5), ValueError, "age", "5"),
    ("ec50-age-str", lambda: lit.illustrative_ec50("old"), TypeError, "age", "'old'"),
    ("references-int", lambda: lit.references(5), TypeError, "keys", "5"),
    ("references-unknown", lambda: lit.references("G2"), ValueError, "source key", "'G2'.*did you mean"),
    ("cite-unknown", lambda: lit.cite("K57"), ValueError, "source key", "'K57'.*did you mean .*'K75'"),
    ("cite-int", lambda: lit.cite(75), TypeError, "source key", "75"),
    ("weight-huge", lambda: lit.preset("elderly", weight_kg=1e308), ValueError, "weight_kg", "1e\\+308"),
    ("weight-small", lambda: lit.preset("elderly", weight_kg=10), ValueError, "weight_kg", "10"),
    ("weight-zero", lambda: lit.preset("elderly", weight_kg=0), ValueError, "weight_kg", "0"),
    ("weight-str", lambda: lit.preset("elderly", weight_kg="70"), TypeError, "weight_kg", "'70'"),
    ("weight-none", lambda: lit.at_age(50, weight_kg=None), TypeError, "weight_kg", "None"),
    ("weight-nan", lambda: lit.at_age(50, weight_kg=float("nan")), ValueError, "weight_kg", "nan"),
    ("weight-lorazepam", lambda: lit.preset("young adult", drug="lorazepam", weight_kg=300), ValueError,
     "weight_kg", "300"),
    ("age-low", lambda: lit.at_age(17), ValueError, "age", "17"),
    ("age-high", lambda: lit.at_age(101, drug="oxazepam"), ValueError, "age", "101"),
    ("age-str", lambda: lit.at_age("80"), TypeError, "age", "'80'"),
    ("age-bool", lambda: lit.at_age(True), TypeError, "age", "True"),
    ("age-inf", lambda: lit.at_age(float("inf"), drug="lorazepam"), ValueError, "age", "inf"),
    ("seed-negative", lambda: lit.virtual_population(ELDERLY, 5, seed=-1), ValueError, "seed", "-1"),
    ("seed-float", lambda: lit.virtual_population(ELDERLY, 5, seed=1.5), TypeError, "seed", "1.5"),
    ("seed-str", lambda: lit.virtual_population(ELDERLY, 5, seed="abc"), TypeError, "seed", "'abc'"),
    ("seed-bool", lambda: lit.virtual_population(ELDERLY, 5, seed=True), TypeError, "seed", "True"),
    ("n-zero", lambda: lit.virtual_population(ELDERLY, 0), ValueError, "n", "0"),
    ("n-float", lambda: lit.virtual_population(ELDERLY, 2.5), TypeError, "n", "2.5"),
    ("population-not-preset", lambda: lit.virtual_population("elderly", 5), TypeError, "preset", "'elderly'"),
    ("cv-negative", lambda: lit.virtual_population(ELDERLY, 5, cv=-0.1), ValueError, "cv", "-0.1"),
    ("cv-key", lambda: lit.virtual_population(ELDERLY, 5, cv={"diazepam.clereance": 0.3}), ValueError,
     "cv key", "'diazepam.clereance'.*did you mean 'diazepam.clearance'"),
    ("preset-unknown", lambda: lit.preset("elderley"), ValueError, "preset", "'elderley'.*did you mean 'elderly'"),
    ("preset-int", lambda: lit.preset(3), TypeError, "group", "3"),
    ("drug-unknown", lambda: lit.preset("elderly", drug="diazepan"), ValueError, "drug",
     "'diazepan'.*did you mean 'diazepam'"),
    ("drug-at-age", lambda: lit.at_age(50, drug="oxazepan"), ValueError, "drug", "'oxazepan'.*did you mean"),
    ("drug-int", lambda: lit.preset("elderly", drug=1), TypeError, "drug", "1"),
    ("modifier-unknown", lambda: lit.modifier("cimetidin"), ValueError, "modifier", "'cimetidin'.*did you mean"),
    ("modifier-int", lambda: lit.modifier(None), TypeError, "modifier name", "None"),
    ("modifier-option", lambda: lit.modifier("cimetidine", dose=300), TypeError, "cimetidine", "dose"),
    ("genotype-unknown", lambda: lit.modifier("cyp2c19", genotype="m1/m2"), ValueError, "genotype",
     "'m1/m2'.*did you mean"),
    ("genotype-type", lambda: lit.modifier("cyp2c19", genotype=2), TypeError, "genotype", "2"),
    ("apply-not-preset", lambda: lit.apply("elderly"), TypeError, "preset", "'elderly'"),
    ("apply-not-modifier", lambda: lit.apply(ELDERLY, "cimetidine"), TypeError, "modifiers", "'cimetidine'"),
    ("apply-wrong-drug", lambda: lit.apply(lit.preset("elderly", drug="oxazepam"), lit.modifier("cirrhosis")),
     ValueError, "modifier 'cirrhosis'", "oxazepam"),
    ("species-unknown", lambda: lit.species("nordiazepan"), ValueError, "species", "'nordiazepan'.*did you mean"),
    ("species-int", lambda: lit.species(4), TypeError, "species name", "4"),
    ("parameter-unknown", lambda: ELDERLY.value("diazepam.halflife"), ValueError, "parameter",
     "'diazepam.halflife'.*did you mean 'diazepam.half_life'"),
    ("parameter-int", lambda: ELDERLY.value(1), TypeError, "parameter key", "1"),
    ("sex-unknown", lambda: lit.at_age(50, sex="m"), ValueError, "sex", "'m'"),
    ("full-not-bool", lambda: lit.preset("elderly", full="yes"), TypeError, "full", "'yes'"),
    ("fraction-range", lambda: lit.preset("elderly", fraction_to_dmdz=1.2), ValueError, "fraction_to_dmdz", "1.2"),
    ("fraction-str", lambda: lit.preset("elderly", fraction_to_dmdz="0.5"), TypeError, "fraction_to_dmdz", "'0.5'"),
    ("outside-not-preset", lambda: lit.outside_published(None), TypeError, "preset", "None"),
    ("published-species", lambda: lit.published_groups("diazepam", species="diazepan"), ValueError, "species",
     "'diazepan'.*did you mean"),
    ("register-not-module", lambda: lit.register_drug(42), TypeError, "register_drug", "42"),
]


@pytest.mark.parametrize("call,exc,param,value", [r[1:] for r in ROWS], ids=[r[0] for r in ROWS])
def test_bad_input_names_parameter_and_value(call, exc, param, value):
    with pytest.raises(exc) as info:
        call()
    msg = str(info.value)
    assert type(info.value) is exc
    assert re.search(param, msg), msg
    assert re.search(value, msg), msg


def test_table_is_large_enough():
    assert len(ROWS) >= 40


@pytest.mark.parametrize("seed", [None, 0, 7, np.int64(3), np.uint8(5), np.random.default_rng(1)])
def test_good_seeds_accepted(seed):
    assert lit.virtual_population(ELDERLY, 3, seed=seed).size == 3


def test_unknown_names_list_the_allowed_ones():
    with pytest.raises(ValueError) as info:
        lit.preset("elderly", drug="xyz")
    assert all(d in str(info.value) for d in lit.drugs())
