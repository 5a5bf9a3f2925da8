"""Table of bad inputs to the engine (model, simulate, Result): each row is a call, the exception
type it must raise (TypeError for a wrong type, ValueError for a wrong value, OverflowError for a
result double precision cannot hold) and regexes that must all appear in the message: the
parameter's name and the offending value (and, where useful, what is allowed)."""

from __future__ import annotations

import math

import numpy as np
import pytest

import pkmodel as pk
from pkmodel._validate import unknown_name
from pkmodel.model import Absorption, Compartment, Model, Transfer

C = Compartment("diazepam", 80.0, 1.6, 284.74)
M = Compartment("desmethyldiazepam", 70.0, 0.7, 270.71)
MODEL = Model((C, M), (Transfer("diazepam", "desmethyldiazepam", 1.0),), Absorption("diazepam", 2.0))
IV = pk.single_dose(10.0, route="iv")
ORAL = pk.single_dose(10.0)
T = [0.0, 1.0, 2.0]


def result():
    return pk.simulate(MODEL, ORAL, T)


def batch():
    return MODEL.vary(volume_factor={"diazepam": np.array([1.0, 1.2])})


ROWS = [
    # ----- Model and its parts: wrong types -----
    ("Model(None)", lambda: Model(None), TypeError, [r"compartments", r"None"]),
    ("Model(5)", lambda: Model(5), TypeError, [r"compartments", r"5 \(int\)"]),
    ("Model('abc')", lambda: Model("abc"), TypeError, [r"compartments", r"'abc'"]),
    ("Model(())", lambda: Model(()), ValueError, [r"compartments", r"empty"]),
    ("compartment not a Compartment", lambda: Model((C, "x")), TypeError, [r"compartments\[1\]", r"'x'"]),
    ("transfers not Transfer", lambda: Model((C,), (1,)), TypeError, [r"transfers\[0\]", r"1 \(int\)"]),
    ("transfers None", lambda: Model((C,), None), TypeError, [r"transfers", r"None"]),
    ("transfers a string", lambda: Model((C,), "ab"), TypeError, [r"transfers", r"'ab'"]),
    ("absorption a string", lambda: Model((C,), (), "oral"), TypeError, [r"absorption", r"'oral'"]),
    ("absorption a number", lambda: Model((C,), (), 2.0), TypeError, [r"absorption", r"2\.0"]),
    ("dose_compartment not a string", lambda: Model((C,), dose_compartment=0), TypeError,
     [r"dose_compartment", r"0 \(int\)"]),
    ("model name not a string", lambda: Model((C,), name=3), TypeError, [r"Model name", r"3 \(int\)"]),
    ("Compartment(None, 1)", lambda: Compartment(None, 1), TypeError, [r"Compartment name", r"None"]),
    ("Compartment(3, 1)", lambda: Compartment(3, 1), TypeError, [r"Compartment name", r"3 \(int\)"]),
    ("Compartment('', 1)", lambda: Compartment("", 1), ValueError, [r"Compartment name", r"''"]),
    ("species not a string", lambda: Compartment("a", 1, species=2), TypeError, [r"species of 'a'", r"2"]),
    ("Transfer source not a string", lambda: Transfer(1, "b", 1.0), TypeError, [r"Transfer source", r"1 \(int\)"]),
    ("Transfer target None", lambda: Transfer("a", None, 1.0), TypeError, [r"Transfer target", r"None"]),
    ("Absorption into a number", lambda: Absorption(0, 1.0), TypeError, [r"Absorption into", r"0 \(int\)"]),
    # ----- Model: values -----
    ("volume negative", lambda: Compartment("a", -1.0), ValueError, [r"volume of 'a' \(L\)", r"-1\.0", r"> 0"]),
    ("volume nan", lambda: Compartment("a", math.nan), ValueError, [r"volume of 'a'", r"nan"]),
    ("clearance inf", lambda: Compartment("a", 1.0, math.inf), ValueError, [r"clearance of 'a'", r"inf"]),
    ("ka zero", lambda: Absorption("a", 0.0), ValueError, [r"ka \(1/h\)", r"0\.0"]),
    ("misspelt transfer target", lambda: Model((C, M), (Transfer("diazepam", "desmethyldiazepan", 1.0),)),
     ValueError, [r"transfer target 'desmethyldiazepan'", r"did you mean 'desmethyldiazepam'"]),
    ("misspelt absorption target", lambda: Model((C,), (), Absorption("diazepan", 1.0)), ValueError,
     [r"absorption target 'diazepan'", r"did you mean 'diazepam'", r"\['diazepam'\]"]),
    ("misspelt dose_compartment", lambda: Model((C, M), dose_compartment="Diazepam"), ValueError,
     [r"dose_compartment 'Diazepam'", r"did you mean 'diazepam'"]),
    ("index of a number", lambda: MODEL.index(3), TypeError, [r"compartment", r"3 \(int\)"]),
    ("rate_constant of unknown", lambda: MODEL.rate_constant("diazepa"), ValueError,
     [r"unknown compartment 'diazepa'", r"did you mean 'diazepam'"]),
    # ----- vary -----
    ("vary(volume_factor=[1, 2])", lambda: MODEL.vary(volume_factor=[1, 2]), TypeError,
     [r"volume_factor", r"mapping", r"\[1, 2\]"]),
    ("vary(clearance_factor=3.0)", lambda: MODEL.vary(clearance_factor=3.0), TypeError,
     [r"clearance_factor", r"3\.0"]),
    ("vary factors are strings", lambda: MODEL.vary(volume_factor={"diazepam": ["a"]}), TypeError,
     [r"volume_factor\['diazepam'\]", r"\['a'\]"]),
    ("vary factors are booleans", lambda: MODEL.vary(volume_factor={"diazepam": [True, False]}), TypeError,
     [r"volume_factor\['diazepam'\]", r"True"]),
    ("vary factors are None", lambda: MODEL.vary(clearance_factor={"diazepam": None}), TypeError,
     [r"clearance_factor\['diazepam'\]", r"None"]),
    ("vary factor zero", lambda: MODEL.vary(volume_factor={"diazepam": np.array([1.0, 0.0])}), ValueError,
     [r"volume_factor\['diazepam'\]", r"0\.0"]),
    ("vary 2-D factors", lambda: MODEL.vary(volume_factor={"diazepam": np.ones((2, 2))}), ValueError,
     [r"volume_factor\['diazepam'\]", r"\(2, 2\)"]),
    ("vary misspelt name", lambda: MODEL.vary(volume_factor={"diazepan": np.ones(2)}), ValueError,
     [r"volume_factor compartment 'diazepan'", r"did you mean 'diazepam'"]),
    ("vary key a number", lambda: MODEL.vary(volume_factor={1: np.ones(2)}), TypeError,
     [r"volume_factor compartment", r"1 \(int\)"]),
    # ----- simulate: types -----
    ("simulate(None model)", lambda: pk.simulate(None, IV, T), TypeError, [r"model must be a Model", r"None"]),
    ("simulate(regimen 'x')", lambda: pk.simulate(MODEL, "x", T), TypeError, [r"regimen must be a Regimen", r"'x'"]),
    ("simulate(regimen a Dose)", lambda: pk.simulate(MODEL, pk.Dose(0.0, 1.0), T), TypeError,
     [r"regimen must be a Regimen", r"Dose"]),
    ("times None", lambda: pk.simulate(MODEL, IV, None), TypeError, [r"times", r"None"]),
    ("times a string", lambda: pk.simulate(MODEL, IV, "5"), TypeError, [r"times", r"'5' \(str\)"]),
    ("times True", lambda: pk.simulate(MODEL, IV, True), TypeError, [r"times", r"True \(bool\)"]),
    ("times with a bool", lambda: pk.simulate(MODEL, IV, [0.0, True]), TypeError,
     [r"times", r"True \(bool\) at index 1"]),
    ("times with None", lambda: pk.simulate(MODEL, IV, [0.0, None]), TypeError, [r"times", r"None.*index 1"]),
    ("times with a numeric string", lambda: pk.simulate(MODEL, IV, [0.0, "5"]), TypeError,
     [r"times", r"'5' \(str\) at index 1"]),
    ("times an object array", lambda: pk.simulate(MODEL, IV, np.array([0.0, None])), TypeError,
     [r"times", r"dtype object"]),
    ("times a boolean array", lambda: pk.simulate(MODEL, IV, np.array([True, False])), TypeError,
     [r"times", r"dtype bool"]),
    ("times a dict", lambda: pk.simulate(MODEL, IV, {"a": 1}), TypeError, [r"times", r"'a'"]),
    # ----- simulate: values -----
    ("times nan", lambda: pk.simulate(MODEL, IV, [0.0, math.nan]), ValueError, [r"times", r"nan"]),
    ("times negative", lambda: pk.simulate(MODEL, IV, [-1.0]), ValueError, [r"times", r"-1\.0"]),
    ("times unsorted", lambda: pk.simulate(MODEL, IV, [2.0, 1.0]), ValueError, [r"times", r"2\.0 then 1\.0"]),
    ("side", lambda: pk.simulate(MODEL, IV, T, side="middle"), ValueError, [r"side", r"'middle'"]),
    ("oral dose without absorption", lambda: pk.simulate(Model((C,)), ORAL, T), ValueError,
     [r"route 'oral'", r"absorption"]),
    ("misspelt dose compartment", lambda: pk.simulate(MODEL, pk.single_dose(1.0, route="iv", compartment="desmethyl"),
                                                        T), ValueError,
     [r"dose compartment 'desmethyl'", r"did you mean 'desmethyldiazepam'"]),
    ("tiny volume", lambda: pk.simulate(Model((Compartment("a", 1e-310, 1.0),)), IV, T), ValueError,
     [r"rate constant out of 'a'", r"volume of 'a'", r"1e-310", r"at most 1e\+09"]),
    ("fast ka", lambda: pk.simulate(pk.one_compartment(10.0, 1.0, ka=1e12), ORAL, T), ValueError,
     [r"ka \(1/h\)", r"1e\+12", r"at most 1e\+09"]),
    ("infusion over 1e-300 h", lambda: pk.simulate(Model((C,)), pk.single_dose(1e10, route="infusion", duration=1e-300),
                                                   T), ValueError,
     [r"infusion 0", r"1e\+10 mg over 1e-300 h", r"at most 1e\+100 mg/h"]),
    ("overflowing integral", lambda: pk.simulate(Model((Compartment("a", 1.0, 1e-9),)),
                                                 pk.single_dose(1.7e308, route="iv"), [0.0, 2e5]).auc("a"),
     OverflowError, [r"time integral", r"1\.7e\+308"]),
    ("overflowing amount in body", lambda: pk.simulate(
        Model((Compartment("a", 1.0, 1e-9), Compartment("b", 1.0, 1e-9))),
        pk.Regimen((pk.Dose(0, 1.7e308, "iv"), pk.Dose(0, 1.7e308, "iv", compartment="b"))), T).in_body(),
     OverflowError, [r"amount in the body", r"1\.7e\+308"]),
    # ----- Result -----
    ("concentration('unknwon')", lambda: result().concentration("unknwon"), ValueError,
     [r"unknown compartment 'unknwon'", r"\['diazepam', 'desmethyldiazepam'\]"]),
    ("concentration misspelt", lambda: result().concentration("diazepan"), ValueError,
     [r"'diazepan'", r"did you mean 'diazepam'"]),
    ("concentration(None)", lambda: result().concentration(None), TypeError, [r"name", r"None"]),
    ("concentration(0)", lambda: result().concentration(0), TypeError, [r"name", r"0 \(int\)"]),
    ("amount(None)", lambda: result().amount(None), TypeError, [r"name", r"None"]),
    ("amount misspelt", lambda: result().amount("desmethyldiazepan"), ValueError,
     [r"'desmethyldiazepan'", r"did you mean 'desmethyldiazepam'"]),
    ("auc(3)", lambda: result().auc(3), TypeError, [r"name", r"3 \(int\)"]),
    ("auc misspelt", lambda: result().auc("Diazepam"), ValueError, [r"'Diazepam'", r"did you mean 'diazepam'"]),
    ("concentration unit misspelt", lambda: result().concentration("diazepam", "ng/ml"), ValueError,
     [r"unit for concentration of 'diazepam'", r"'ng/ml'", r"did you mean 'ng/mL'"]),
    ("concentration unit unknown", lambda: result().concentration("diazepam", "mg/dL"), ValueError,
     [r"unit for concentration", r"'mg/dL'", r"mg/L"]),
    ("amount unit misspelt", lambda: result().amount("diazepam", "mgs"), ValueError,
     [r"unit for amount of 'diazepam'", r"'mgs'", r"did you mean 'mg'"]),
    ("auc unit", lambda: result().auc("diazepam", unit="nmol"), ValueError, [r"unit for concentration", r"'nmol'"]),
    ("auc end before start", lambda: result().auc("diazepam", 2.0, 1.0), ValueError, [r"end \(h\)", r"1\.0"]),
    ("auc start negative", lambda: result().auc("diazepam", -1.0), ValueError, [r"start \(h\)", r"-1\.0"]),
    ("auc start a string", lambda: result().auc("diazepam", "0"), TypeError, [r"start \(h\)", r"'0'"]),
    ("at(None)", lambda: result().at(None), TypeError, [r"times", r"None"]),
    ("at('1')", lambda: result().at("1"), TypeError, [r"times", r"'1'"]),
    ("at side", lambda: result().at([1.0], side="before"), ValueError, [r"side", r"'before'"]),
    ("batch concentration misspelt", lambda: pk.simulate(batch(), ORAL, T).concentration("diazepamm"), ValueError,
     [r"'diazepamm'", r"did you mean 'diazepam'"]),
]


@pytest.mark.parametrize("call, error, patterns", [r[1:] for r in ROWS], ids=[r[0] for r in ROWS])
def test_bad_input(call, error, patterns):
    with pytest.raises(error) as info:
        call()
    assert type(info.value) is error  # not merely a subclass
    for pattern in patterns:
        assert __import__("re").search(pattern, str(info.value)), (pattern, str(info.value))


def test_table_is_large():
    assert len(ROWS) >= 50


def test_unknown_name_helper():
    err = unknown_name("compartment", "diazepan", ["diazepam", "oxazepam"])
    assert isinstance(err, ValueError)
    assert str(err) == "unknown compartment 'diazepan'; did you mean 'diazepam'? allowed: ['diazepam', 'oxazepam']"
    assert "did you mean" not in str(unknown_name("compartment", "liver", ["diazepam"]))
    assert "did you mean 'ng/mL'" in str(unknown_name("unit", "NG/ML", ["mg/L", "ng/mL"]))
    assert "did you mean" not in str(unknown_name("compartment", 3, ["diazepam"]))
