"""Every bad input raises TypeError (wrong type) or ValueError (wrong value), and the message names
the parameter and the bad value."""

from __future__ import annotations

import math
import re

import numpy as np
import pytest

import pkmodel as pk
from pkmodel.model import Absorption, Compartment, Model, Transfer

BAD_NUMBERS = [(-1.0, r"-1\.0"), (math.nan, "nan"), (math.inf, "inf"), (-math.inf, "-inf")]


@pytest.fixture
def oral_model():
    return pk.one_compartment(50.0, 5.0, ka=1.0)


@pytest.fixture
def result(oral_model):
    return pk.simulate(oral_model, pk.single_dose(10.0), [0.0, 1.0, 2.0])


# ----- numbers: dose, volume, clearance, ka -------------------------------------------------------

@pytest.mark.parametrize("bad, shown", BAD_NUMBERS)
def test_bad_dose_amount(bad, shown):
    with pytest.raises(ValueError, match=rf"dose amount \(mg\).*got {shown}"):
        pk.Dose(0.0, bad)
    with pytest.raises(ValueError, match=rf"dose amount \(mg\).*got {shown}"):
        pk.single_dose(bad)
    with pytest.raises(ValueError, match=rf"amount \(mg\).*got {shown}"):
        pk.repeated(bad, 12.0, count=3)


@pytest.mark.parametrize("bad, shown", BAD_NUMBERS + [(0.0, r"0\.0")])
def test_bad_volume(bad, shown):
    with pytest.raises(ValueError, match=rf"volume of 'drug' \(L\).*got {shown}"):
        pk.one_compartment(bad, 1.0)
    with pytest.raises(ValueError, match=rf"volume of 'x' \(L\).*got {shown}"):
        Compartment("x", bad)


@pytest.mark.parametrize("bad, shown", BAD_NUMBERS)
def test_bad_clearance(bad, shown):
    with pytest.raises(ValueError, match=rf"clearance of 'drug' \(L/h\).*got {shown}"):
        pk.one_compartment(10.0, bad)
    with pytest.raises(ValueError, match=rf"clearance of transfer 'a' -> 'b' \(L/h\).*got {shown}"):
        Transfer("a", "b", bad)
    with pytest.raises(ValueError, match=rf"clearance of 'drug' \(L/h\).*got {shown}"):
        pk.two_compartment(10.0, bad, 20.0, 1.0)


@pytest.mark.parametrize("bad, shown", BAD_NUMBERS + [(0.0, r"0\.0")])
def test_bad_ka(bad, shown):
    with pytest.raises(ValueError, match=rf"ka \(1/h\).*got {shown}"):
        pk.one_compartment(10.0, 1.0, ka=bad)
    with pytest.raises(ValueError, match=rf"ka \(1/h\).*got {shown}"):
        Absorption("drug", bad)


def test_non_numbers_are_named():
    with pytest.raises(TypeError, match=r"volume of 'drug' \(L\).*got '10' \(str\)"):
        pk.one_compartment("10", 1.0)
    with pytest.raises(TypeError, match=r"dose amount \(mg\).*got None"):
        pk.Dose(0.0, None)
    with pytest.raises(TypeError, match=r"ka \(1/h\).*got True"):
        pk.one_compartment(10.0, 1.0, ka=True)


@pytest.mark.parametrize("bad, shown", [(0.0, r"0\.0"), (1.5, r"1\.5"), (math.nan, "nan"), (-0.2, r"-0\.2")])
def test_bioavailability_outside_0_1(bad, shown):
    with pytest.raises(ValueError, match=rf"bioavailability F must be a number in \(0, 1\]; got {shown}"):
        pk.one_compartment(10.0, 1.0, ka=1.0, bioavailability=bad)


def test_bad_lag_and_dose_time():
    with pytest.raises(ValueError, match=r"lag \(h\).*got -0\.5"):
        pk.one_compartment(10.0, 1.0, ka=1.0, lag=-0.5)
    with pytest.raises(ValueError, match=r"dose time \(h\).*got -1\.0"):
        pk.Dose(-1.0, 5.0)
    with pytest.raises(ValueError, match=r"dose time \(h\).*got nan"):
        pk.Dose(math.nan, 5.0)


# ----- regimens -----------------------------------------------------------------------------------

@pytest.mark.parametrize("bad, shown", [(0.0, r"0\.0"), (-12.0, r"-12\.0"), (math.nan, "nan"), (math.inf, "inf")])
def test_interval_not_positive(bad, shown):
    with pytest.raises(ValueError, match=rf"interval \(h\) must be a finite number > 0; got {shown}"):
        pk.repeated(5.0, bad, count=3)
    with pytest.raises(ValueError, match=rf"taper step interval \(h\).*got {shown}"):
        pk.TaperStep(24.0, 5.0, bad)


def test_repeated_needs_exactly_one_of_count_and_until():
    with pytest.raises(ValueError, match=r"exactly one of count and until; got count=3, until=48"):
        pk.repeated(5.0, 12.0, count=3, until=48)
    with pytest.raises(ValueError, match=r"exactly one of count and until; got count=None, until=None"):
        pk.repeated(5.0, 12.0)
    with pytest.raises(ValueError, match=r"count must be an integer in \[1, 100,000\] \(MAX_DOSES\); got 0"):
        pk.repeated(5.0, 12.0, count=0)
    with pytest.raises(TypeError, match=r"count must be an integer in \[1, 100,000\].*; got 2\.5"):
        pk.repeated(5.0, 12.0, count=2.5)
    with pytest.raises(ValueError, match=r"until \(h\).*> start.*got 0\.0"):
        pk.repeated(5.0, 12.0, until=0.0)


def test_taper_step_of_zero_duration():
    with pytest.raises(ValueError, match=r"taper step duration \(h\) must be a finite number > 0; got 0\.0"):
        pk.TaperStep(0.0, 5.0, 12.0)
    with pytest.raises(ValueError, match=r"taper step duration \(h\).*got 0\.0"):
        pk.taper([(48.0, 10.0, 12.0), (0.0, 5.0, 12.0)])
    with pytest.raises(ValueError, match=r"taper needs at least one step"):
        pk.taper([])


def test_infusion_duration_and_route():
    with pytest.raises(ValueError, match=r"infusion duration \(h\).*got 0\.0"):
        pk.Dose(0.0, 5.0, "infusion")
    with pytest.raises(ValueError, match=r"duration applies to infusions only; got duration=2\.0"):
        pk.Dose(0.0, 5.0, "iv", 2.0)
    with pytest.raises(ValueError, match=r"route must be one of 'oral', 'iv', 'infusion'; got 'rectal'"):
        pk.Dose(0.0, 5.0, "rectal")


def test_regimen_edits():
    reg = pk.repeated(5.0, 12.0, count=3)
    with pytest.raises(ValueError, match=r"dose index must be an integer in \[-3, 2\]; got 3"):
        reg.missed(3)
    with pytest.raises(ValueError, match=r"delay \(h\).*got -1\.0"):
        reg.late(0, -1.0)
    with pytest.raises(TypeError, match=r"doses must be Dose records; got \(0, 5\)"):
        pk.Regimen(((0, 5),))


def test_oral_dose_on_model_without_absorption():
    with pytest.raises(ValueError, match=r"route 'oral' needs a model with an absorption route"):
        pk.simulate(pk.one_compartment(10.0, 1.0), pk.single_dose(5.0), [0.0, 1.0])


# ----- times --------------------------------------------------------------------------------------

def test_unsorted_or_negative_or_nonfinite_times(oral_model):
    reg = pk.single_dose(5.0)
    with pytest.raises(ValueError, match=r"times must be sorted in increasing order; got 2\.0 then 1\.0 at index 1"):
        pk.simulate(oral_model, reg, [0.0, 2.0, 1.0])
    with pytest.raises(ValueError, match=r"times must be >= 0 h; got -1\.0 at index 0"):
        pk.simulate(oral_model, reg, [-1.0, 0.0, 1.0])
    with pytest.raises(ValueError, match=r"times must be finite; got nan at index 1"):
        pk.simulate(oral_model, reg, [0.0, math.nan])
    with pytest.raises(ValueError, match=r"times must be finite; got inf"):
        pk.simulate(oral_model, reg, [0.0, math.inf])
    with pytest.raises(ValueError, match=r"times must be a non-empty 1-D sequence.*got shape \(0,\)"):
        pk.simulate(oral_model, reg, [])
    with pytest.raises(TypeError, match=r"times must be a sequence of numbers \(hours\); got 'a' \(str\) at index 0"):
        pk.simulate(oral_model, reg, ["a"])
    with pytest.raises(ValueError, match=r"side must be one of 'right', 'left'; got 'middle'"):
        pk.simulate(oral_model, reg, [0.0], side="middle")


def test_result_at_checks_times(result):
    with pytest.raises(ValueError, match=r"times must be sorted.*got 2\.0 then 1\.0"):
        result.at([2.0, 1.0])
    with pytest.raises(ValueError, match=r"side must be one of.*got 'up'"):
        result.at([1.0], side="up")


# ----- names and units ----------------------------------------------------------------------------

def test_unknown_compartment_in_result(result):
    with pytest.raises(ValueError, match=r"unknown compartment 'plasma'; allowed: \['drug'\]"):
        result.concentration("plasma")
    with pytest.raises(ValueError, match=r"unknown compartment 'plasma'"):
        result.amount("plasma")
    with pytest.raises(ValueError, match=r"unknown compartment 'plasma'"):
        result.auc("plasma")


def test_unknown_transfer_target_and_source():
    comps = (Compartment("a", 10.0, 1.0), Compartment("b", 10.0, 1.0))
    with pytest.raises(ValueError, match=r"unknown transfer target 'c'; allowed: \['a', 'b'\]"):
        Model(comps, (Transfer("a", "c", 1.0),))
    with pytest.raises(ValueError, match=r"unknown transfer source 'z'"):
        Model(comps, (Transfer("z", "a", 1.0),))
    with pytest.raises(ValueError, match=r"unknown absorption target 'gut'"):
        Model(comps, (), Absorption("gut", 1.0))
    with pytest.raises(ValueError, match=r"unknown dose_compartment 'q'"):
        Model(comps, dose_compartment="q")
    with pytest.raises(ValueError, match=r"compartment names must be unique; repeated: \['a'\]"):
        Model((comps[0], comps[0]))
    with pytest.raises(ValueError, match=r"Transfer source and target must differ; got 'a' twice"):
        Transfer("a", "a", 1.0)


def test_unknown_dose_compartment():
    model = pk.two_compartment(10.0, 1.0, 20.0, 2.0)
    reg = pk.single_dose(5.0, route="iv", compartment="liver")
    with pytest.raises(ValueError, match=r"unknown dose compartment 'liver'; allowed: \['drug', 'drug_peripheral'\]"):
        pk.simulate(model, reg, [0.0, 1.0])


def test_unknown_compartment_in_vary():
    model = pk.one_compartment(10.0, 1.0)
    with pytest.raises(ValueError, match=r"unknown volume_factor compartment 'kidney'"):
        model.vary(volume_factor={"kidney": np.ones(3)})
    with pytest.raises(ValueError, match=r"unknown clearance_factor compartment 'kidney'"):
        model.vary(clearance_factor={"kidney": np.ones(3)})
    with pytest.raises(ValueError, match=r"clearance_factor\['drug'\] must hold finite numbers > 0; got -1\.0"):
        model.vary(clearance_factor={"drug": np.array([1.0, -1.0])})
    with pytest.raises(ValueError, match=r"volume_factor\['drug'\] must hold finite numbers > 0; got nan"):
        model.vary(volume_factor={"drug": np.array([1.0, np.nan])})
    with pytest.raises(ValueError, match=r"one length \(subjects\); got lengths \[2, 3\]"):
        pk.two_compartment(10.0, 1.0, 20.0, 2.0).vary(volume_factor={"drug": np.ones(2)},
                                                       clearance_factor={"drug": np.ones(3)})


def test_unknown_unit(result):
    with pytest.raises(ValueError, match=r"unit for concentration of 'drug' must be one of .*got 'mg/dL'"):
        result.concentration("drug", "mg/dL")
    # molar units need molar masses
    with pytest.raises(ValueError, match=r"unit for concentration of 'drug'.*molar units need molar masses.*got 'nmol/L'"):
        result.concentration("drug", "nmol/L")
    with pytest.raises(ValueError, match=r"unit for amount of 'drug' must be one of .*got 'g'"):
        result.amount("drug", "g")
    with pytest.raises(ValueError, match=r"unit for concentration of 'drug'.*got 'furlongs'"):
        result.auc("drug", 0, 1, unit="furlongs")


def test_mixed_molar_masses_and_bad_auc_window(result):
    with pytest.raises(ValueError, match=r"molar_mass must be given for every compartment or for none"):
        Model((Compartment("a", 1.0, 1.0, 300.0), Compartment("b", 1.0, 1.0)))
    with pytest.raises(ValueError, match=r"molar_mass of 'a' \(g/mol\).*got -3\.0"):
        Compartment("a", 1.0, 1.0, -3.0)
    with pytest.raises(ValueError, match=r"end \(h\) must be a finite time >= start \(2 h\); got 1\.0"):
        result.auc("drug", 2.0, 1.0)


def test_wrong_types_for_simulate(oral_model):
    with pytest.raises(TypeError, match=r"model must be a Model or ModelBatch; got \{\} \(dict\)"):
        pk.simulate({}, pk.single_dose(1.0), [0.0])
    with pytest.raises(TypeError, match=r"regimen must be a Regimen.*\(list\)"):
        pk.simulate(oral_model, [pk.Dose(0.0, 1.0)], [0.0])
