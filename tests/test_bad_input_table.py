"""Bad input to regimen, metrics, nca and _validate: one table row per case.

Each row is (id, call, expected exception type, regexes). The dialect under test: ``TypeError``
for a wrong type (None, str, bool, float where an integer is needed, something that is not a
Result), ``ValueError`` for a wrong value; the message names the parameter and shows the value
("<name> must be <allowed>; got <value>"). The regexes are searched in the message, so each row
checks the parameter name and, where there is one, the value. Engine and literature rows live in
their own files.
"""

from __future__ import annotations

import math
import re

import numpy as np
import pytest

import pkmodel as pk
from pkmodel import _validate as check
from pkmodel import metrics as m
from pkmodel.nca import auc_linear_up_log_down, nca
from pkmodel.regimen import MAX_DOSES, TaperStep

T = [0.5, 1.0, 2.0, 4.0, 8.0, 12.0]
C = [1.0, 2.0, 1.5, 1.0, 0.5, 0.25]
REG = pk.repeated(5.0, 12.0, count=3)
RESULT = pk.simulate(pk.one_compartment(40.0, 2.0, ka=1.0), REG, np.linspace(0.0, 48.0, 9))
LIMIT = r"MAX_DOSES = 100,000"

ROWS = [
    # ----- regimen: Dose ------------------------------------------------------------------------
    ("dose-time-none", lambda: pk.Dose(None, 1.0), TypeError, [r"dose time \(h\)", "None"]),
    ("dose-time-str", lambda: pk.Dose("0", 1.0), TypeError, [r"dose time \(h\)", "'0'"]),
    ("dose-time-bool", lambda: pk.Dose(True, 1.0), TypeError, [r"dose time \(h\)", "True"]),
    ("dose-time-negative", lambda: pk.Dose(-2.0, 1.0), ValueError, [r"dose time \(h\)", r"-2\.0", ">= 0"]),
    ("dose-amount-list", lambda: pk.Dose(0.0, [1.0]), TypeError, [r"dose amount \(mg\)", r"\[1\.0\]"]),
    ("dose-amount-inf", lambda: pk.Dose(0.0, math.inf), ValueError, [r"dose amount \(mg\)", "inf"]),
    ("dose-route-none", lambda: pk.Dose(0.0, 1.0, None), TypeError, ["route", "None", "'oral'"]),
    ("dose-route-int", lambda: pk.Dose(0.0, 1.0, 3), TypeError, ["route", "3", "'infusion'"]),
    ("dose-route-unknown", lambda: pk.Dose(0.0, 1.0, "nasal"), ValueError, ["route", "'nasal'"]),
    ("dose-duration-none", lambda: pk.Dose(0.0, 1.0, "oral", None), TypeError, [r"duration \(h\)", "None"]),
    ("dose-duration-oral", lambda: pk.Dose(0.0, 1.0, "oral", 1.5), ValueError, ["duration", r"1\.5", "infusions only"]),
    ("dose-infusion-str", lambda: pk.Dose(0.0, 1.0, "infusion", "2"), TypeError,
     [r"infusion duration \(h\)", "'2'"]),
    ("dose-infusion-negative", lambda: pk.Dose(0.0, 1.0, "infusion", -1.0), ValueError,
     [r"infusion duration \(h\)", r"-1\.0", "> 0"]),
    ("dose-compartment-int", lambda: pk.Dose(0.0, 1.0, "iv", compartment=7), TypeError, ["compartment", "7"]),
    ("dose-oral-compartment", lambda: pk.Dose(0.0, 1.0, "oral", compartment="drug"), ValueError,
     ["compartment", "'drug'"]),
    # ----- regimen: Regimen and its edits -------------------------------------------------------
    ("regimen-none", lambda: pk.Regimen(None), TypeError, ["doses", "None"]),
    ("regimen-ints", lambda: pk.Regimen([1, 2]), TypeError, ["doses", "Dose records", "1", "index 0"]),
    ("regimen-str", lambda: pk.Regimen("abc"), TypeError, ["doses", "'abc'"]),
    ("regimen-dose-not-in-sequence", lambda: pk.Regimen(pk.Dose(0.0, 1.0)), TypeError, ["doses", "Dose"]),
    ("regimen-mixed", lambda: pk.Regimen([pk.Dose(0.0, 1.0), (1, 2)]), TypeError, ["doses", r"\(1, 2\)", "index 1"]),
    ("regimen-too-long", lambda: pk.Regimen([pk.Dose(0.0, 1.0)] * (MAX_DOSES + 1)), ValueError,
     ["100,001", LIMIT]),
    ("regimen-endless", lambda: pk.Regimen(pk.Dose(0.0, 1.0) for _ in iter(int, 1)), ValueError,
     ["more than 100,000", LIMIT]),
    ("regimen-plus-too-long", lambda: pk.Regimen([pk.Dose(0.0, 1.0)] * 60_000)
     + pk.Regimen([pk.Dose(1.0, 1.0)] * 60_000), ValueError, ["combined", "120,000", LIMIT]),
    ("regimen-plus-list", lambda: REG + [pk.Dose(0.0, 1.0)], TypeError, ["Regimen", "list"]),
    ("missed-float", lambda: REG.missed(1.5), TypeError, ["dose index", r"1\.5", "integer"]),
    ("missed-float-integral", lambda: REG.missed(1.0), TypeError, ["dose index", r"1\.0"]),
    ("missed-bool", lambda: REG.missed(True), TypeError, ["dose index", "True"]),
    ("missed-str", lambda: REG.missed("1"), TypeError, ["dose index", "'1'"]),
    ("missed-out-of-range", lambda: REG.missed(3), ValueError, ["dose index", r"\[-3, 2\]", "got 3"]),
    ("missed-numpy-out-of-range", lambda: REG.missed(np.int64(-4)), ValueError, ["dose index", "-4"]),
    ("missed-empty", lambda: pk.Regimen().missed(0), ValueError, ["dose index", "has none", "got 0"]),
    ("late-index-none", lambda: REG.late(None, 1.0), TypeError, ["dose index", "None"]),
    ("late-delay-str", lambda: REG.late(0, "1"), TypeError, [r"delay \(h\)", "'1'"]),
    ("late-delay-overflow", lambda: pk.repeated(1.0, 1e307, count=3).late(2, 1.7e308), ValueError,
     [r"delay \(h\)", "finite", r"1\.7e\+308"]),
    ("shifted-negative", lambda: REG.shifted(-1.0), ValueError, [r"delay \(h\)", r"-1\.0"]),
    ("shifted-overflow", lambda: pk.repeated(1.0, 1e307, count=10).shifted(1.7e308), ValueError,
     [r"delay \(h\)", "finite"]),
    ("stopped-at-none", lambda: REG.stopped_at(None), TypeError, [r"stop time \(h\)", "None"]),
    ("loading-bool", lambda: REG.with_loading_dose(False), TypeError, [r"loading dose amount \(mg\)", "False"]),
    ("loading-empty", lambda: pk.Regimen().with_loading_dose(5.0), ValueError, ["at least one dose"]),
    # ----- regimen: builders ----------------------------------------------------------------------
    ("single-amount-str", lambda: pk.single_dose("5"), TypeError, [r"dose amount \(mg\)", "'5'"]),
    ("single-time-negative", lambda: pk.single_dose(5.0, time=-1.0), ValueError, [r"dose time \(h\)", r"-1\.0"]),
    ("repeated-amount-bool", lambda: pk.repeated(True, 12.0, count=3), TypeError, [r"amount \(mg\)", "True"]),
    ("repeated-interval-none", lambda: pk.repeated(1.0, None, count=3), TypeError, [r"interval \(h\)", "None"]),
    ("repeated-interval-zero", lambda: pk.repeated(1.0, 0.0, count=3), ValueError, [r"interval \(h\)", r"0\.0", "> 0"]),
    ("repeated-interval-overflow", lambda: pk.repeated(1.0, 1e308, count=3), ValueError,
     [r"interval \(h\)", r"1e\+308", "count=3", "finite"]),
    ("repeated-start-str", lambda: pk.repeated(1.0, 12.0, count=3, start="0"), TypeError, [r"start \(h\)", "'0'"]),
    ("repeated-count-bool", lambda: pk.repeated(1.0, 12.0, count=True), TypeError, ["count", "True"]),
    ("repeated-count-float", lambda: pk.repeated(1.0, 12.0, count=1.5), TypeError, ["count", r"1\.5", "integer"]),
    ("repeated-count-str", lambda: pk.repeated(1.0, 12.0, count="3"), TypeError, ["count", "'3'"]),
    ("repeated-count-zero", lambda: pk.repeated(1.0, 12.0, count=0), ValueError, ["count", "got 0"]),
    ("repeated-count-numpy-negative", lambda: pk.repeated(1.0, 12.0, count=np.int64(-2)), ValueError,
     ["count", "-2"]),
    ("repeated-count-limit", lambda: pk.repeated(1.0, 12.0, count=10 ** 7), ValueError,
     ["count", "10000000", r"100,000\] \(MAX_DOSES\)"]),
    ("repeated-count-huge", lambda: pk.repeated(1.0, 12.0, count=10 ** 400), ValueError, ["count", "401 digits"]),
    ("repeated-until-tiny-interval", lambda: pk.repeated(1.0, 1e-300, until=1.0), ValueError,
     [r"interval \(h\) = 1e-300", r"about 1e\+300 doses", LIMIT]),
    ("repeated-until-nanosecond", lambda: pk.repeated(1.0, 1e-9, until=1e4), ValueError,
     [r"interval \(h\) = 1e-09", r"about 10,000,000,000,000 doses", LIMIT]),
    ("repeated-until-subnormal", lambda: pk.repeated(1.0, 5e-324, until=1.0), ValueError,
     ["interval", "about inf doses", LIMIT]),
    ("repeated-until-just-over", lambda: pk.repeated(1.0, 1.0, until=MAX_DOSES + 1.5), ValueError,
     ["100,002 doses", LIMIT]),
    ("repeated-until-str", lambda: pk.repeated(1.0, 12.0, until="48"), TypeError, [r"until \(h\)", "'48'"]),
    ("repeated-until-before-start", lambda: pk.repeated(1.0, 12.0, until=5.0, start=10.0), ValueError,
     [r"until \(h\)", r"5\.0", "> start"]),
    ("repeated-both", lambda: pk.repeated(1.0, 12.0, count=2, until=48.0), ValueError, ["count=2", "until=48"]),
    ("repeated-route", lambda: pk.repeated(1.0, 12.0, count=2, route="im"), ValueError, ["route", "'im'"]),
    # ----- regimen: taper -----------------------------------------------------------------------
    ("taper-none", lambda: pk.taper(None), TypeError, ["steps", "None"]),
    ("taper-str", lambda: pk.taper("abc"), TypeError, ["steps", "'abc'"]),
    ("taper-number", lambda: pk.taper(5), TypeError, ["steps", "5", "int"]),
    ("taper-single-step", lambda: pk.taper(TaperStep(24.0, 5.0, 12.0)), TypeError, ["steps", "TaperStep"]),
    ("taper-step-int", lambda: pk.taper([(48.0, 5.0, 12.0), 3]), TypeError, [r"steps\[1\]", "3"]),
    ("taper-step-length", lambda: pk.taper([(48.0, 5.0)]), ValueError, [r"steps\[0\]", r"\(48\.0, 5\.0\)"]),
    ("taper-step-str", lambda: pk.taper([("a", 5.0, 12.0)]), TypeError, [r"taper step duration \(h\)", "'a'"]),
    ("taper-empty", lambda: pk.taper([]), ValueError, ["at least one step"]),
    ("taper-start-none", lambda: pk.taper([(48.0, 5.0, 12.0)], start=None), TypeError, [r"start \(h\)", "None"]),
    ("taper-route", lambda: pk.taper([(48.0, 5.0, 12.0)], route=1), TypeError, ["route", "1"]),
    ("taper-too-many-doses", lambda: pk.taper([(1e6, 5.0, 1.0)]), ValueError, ["interval", "about 1,000,000 doses", LIMIT]),
    ("taper-total-too-many", lambda: pk.taper([(60_000.0, 5.0, 1.0), (60_000.0, 2.0, 1.0)]), ValueError,
     ["taper steps 0 to 1", "120,000", LIMIT]),
    ("taper-duration-overflow", lambda: pk.taper([(1.7e308, 0.0, 1.0), (1.7e308, 5.0, 1.0)]), ValueError,
     ["finite", "step 1"]),
    ("taper-endless-steps", lambda: pk.taper(iter(lambda: (1.0, 0.0, 1.0), None)), ValueError,
     ["steps", "at most MAX_DOSES = 100,000", "got more"]),
    ("taperstep-str-missing", lambda: TaperStep("a", 1), TypeError, [r"taper step duration \(h\)", "'a'"]),
    ("taperstep-missing-interval", lambda: TaperStep(24.0, 1.0), TypeError, [r"taper step interval \(h\)", "None"]),
    ("taperstep-dose-negative", lambda: TaperStep(24.0, -1.0, 12.0), ValueError, [r"taper step dose \(mg\)", r"-1\.0"]),
    ("taperstep-interval-bool", lambda: TaperStep(24.0, 1.0, True), TypeError, [r"taper step interval \(h\)", "True"]),
    # ----- metrics: closed forms ------------------------------------------------------------------
    ("half-life-none", lambda: m.half_life(None, 2.0), TypeError, [r"volume \(L\)", "None"]),
    ("half-life-str", lambda: m.half_life("40", 2.0), TypeError, [r"volume \(L\)", "'40'"]),
    ("half-life-bool", lambda: m.half_life(40.0, True), TypeError, [r"clearance \(L/h\)", "True"]),
    ("half-life-str-in-list", lambda: m.half_life([40.0, "x"], 2.0), TypeError, [r"volume \(L\)", "'x'"]),
    ("half-life-none-in-list", lambda: m.half_life(40.0, [2.0, None]), TypeError, [r"clearance \(L/h\)", "None"]),
    ("half-life-bool-array", lambda: m.half_life(np.array([True, False]), 2.0), TypeError, [r"volume \(L\)", "True"]),
    ("half-life-shapes", lambda: m.half_life([1, 2], [1, 2, 3]), ValueError,
     ["volume and clearance", "broadcast", r"volume \(2,\)", r"clearance \(3,\)"]),
    ("half-life-negative-in-array", lambda: m.half_life(np.array([40.0, -3.0]), 2.0), ValueError,
     [r"volume \(L\)", r"-3\.0"]),
    ("half-life-overflow", lambda: m.half_life(1e308, 1e-308), ValueError,
     ["half_life", "inf", r"volume \(L\) = 1e\+308", r"clearance \(L/h\) = 1e-308"]),
    ("k-overflow", lambda: m.elimination_rate_constant(1e-308, 1e308), ValueError,
     ["elimination_rate_constant", "inf", r"volume \(L\) = 1e-308"]),
    ("k-shapes", lambda: m.elimination_rate_constant([1.0, 2.0], [[1.0, 2.0, 3.0]]), ValueError,
     ["volume and clearance", "broadcast"]),
    ("rate-from-half-life-str", lambda: m.rate_constant_from_half_life("6"), TypeError, [r"half_life \(h\)", "'6'"]),
    ("rate-from-half-life-subnormal", lambda: m.rate_constant_from_half_life(1e-310), ValueError,
     ["rate_constant_from_half_life", "inf", r"half_life \(h\) = 1e-310"]),
    ("accumulation-none", lambda: m.accumulation_ratio(10.0, None), TypeError, [r"interval \(h\)", "None"]),
    ("accumulation-overflow", lambda: m.accumulation_ratio(1e308, 1e-308), ValueError,
     ["accumulation_ratio", "inf", r"interval \(h\) = 1e-308"]),
    ("accumulation-shapes", lambda: m.accumulation_ratio([1.0, 2.0], [1.0, 2.0, 3.0]), ValueError,
     ["half_life and interval", "broadcast"]),
    ("tss-fraction-str", lambda: m.time_to_steady_state(10.0, "0.9"), TypeError, ["fraction", "'0.9'"]),
    ("tss-fraction-one", lambda: m.time_to_steady_state(10.0, 1.0), ValueError, ["fraction", r"1\.0", r"\(0, 1\)"]),
    ("tss-overflow", lambda: m.time_to_steady_state(1e308, 0.999), ValueError, ["time_to_steady_state", "inf"]),
    ("washout-fraction-bool", lambda: m.washout_time(10.0, True), TypeError, ["fraction", "True"]),
    ("washout-overflow", lambda: m.washout_time(1e308, 1e-300), ValueError, ["washout_time", "inf"]),
    ("cavg-dose-none", lambda: m.steady_state_average(None, 12.0, 2.0), TypeError, [r"dose \(mg\)", "None"]),
    ("cavg-f-str", lambda: m.steady_state_average(5.0, 12.0, 2.0, "1"), TypeError, ["bioavailability F", "'1'"]),
    ("cavg-overflow", lambda: m.steady_state_average(1e308, 1e-10, 1e-10), ValueError,
     ["steady_state_average", "inf", r"dose \(mg\) = 1e\+308"]),
    ("cavg-shapes", lambda: m.steady_state_average([1.0, 2.0], [1.0, 2.0, 3.0], 2.0), ValueError,
     ["dose, interval, clearance and bioavailability", "broadcast"]),
    ("ss-ka-bool", lambda: m.steady_state_one_compartment(5.0, 12.0, 40.0, 2.0, ka=True), TypeError,
     [r"ka \(1/h\)", "True"]),
    ("ss-ka-str", lambda: m.steady_state_one_compartment(5.0, 12.0, 40.0, 2.0, ka="1"), TypeError,
     [r"ka \(1/h\)", "'1'"]),
    ("ss-volume-none", lambda: m.steady_state_one_compartment(5.0, 12.0, None, 2.0), TypeError,
     [r"volume \(L\)", "None"]),
    ("ss-shapes", lambda: m.steady_state_one_compartment([5.0, 6.0], 12.0, 40.0, [2.0, 3.0, 4.0]), ValueError,
     ["broadcast", r"dose \(2,\)", r"clearance \(3,\)"]),
    ("ss-shapes-ka", lambda: m.steady_state_one_compartment(5.0, 12.0, 40.0, 2.0, ka=[1.0, 2.0],
                                                               bioavailability=[0.5, 0.6, 0.7]), ValueError,
     ["broadcast", r"ka \(2,\)", r"bioavailability \(3,\)"]),
    ("ss-overflow", lambda: m.steady_state_one_compartment(10.0, 1e-300, 1e10, 1e-10, ka=1.0), ValueError,
     ["steady_state_one_compartment", "cmax is inf", r"interval \(h\) = 1e-300", r"ka \(1/h\) = 1\.0"]),
    ("ss-overflow-array", lambda: m.steady_state_one_compartment(10.0, [12.0, 1e-300], 1e10, 1e-10), ValueError,
     ["cmax is inf", r"at index \(1,\)", r"interval \(h\) = 1e-300"]),
    # ----- metrics: measurements on a Result ------------------------------------------------------
    ("summary-result-none", lambda: m.interval_summary(None, "drug", 0.0, 12.0), TypeError, ["result", "None"]),
    ("summary-result-list", lambda: m.interval_summary([1, 2], "drug", 0.0, 12.0), TypeError,
     ["result", r"\[1, 2\]"]),
    ("summary-name-int", lambda: m.interval_summary(RESULT, 3, 0.0, 12.0), TypeError, ["name", "3"]),
    ("summary-name-unknown", lambda: m.interval_summary(RESULT, "plasma", 0.0, 12.0), ValueError, ["'plasma'"]),
    ("summary-unit-none", lambda: m.interval_summary(RESULT, "drug", 0.0, 12.0, unit=None), TypeError,
     ["unit", "None"]),
    ("summary-start-str", lambda: m.interval_summary(RESULT, "drug", "0", 12.0), TypeError, [r"start \(h\)", "'0'"]),
    ("summary-interval-zero", lambda: m.interval_summary(RESULT, "drug", 0.0, 0.0), ValueError,
     [r"interval \(h\)", r"0\.0"]),
    ("summary-window-overflow", lambda: m.interval_summary(RESULT, "drug", 1e308, 1e308), ValueError,
     [r"start \(h\) \+ interval \(h\)", r"1e\+308"]),
    ("average-result-none", lambda: m.interval_average(None, "drug", 0.0, 12.0), TypeError, ["result", "None"]),
    ("average-name-unknown", lambda: m.interval_average(RESULT, "plasma", 0.0, 12.0), ValueError, ["'plasma'"]),
    ("average-start-negative", lambda: m.interval_average(RESULT, "drug", -1.0, 12.0), ValueError,
     [r"start \(h\)", r"-1\.0"]),
    ("average-interval-zero", lambda: m.interval_average(RESULT, "drug", 0.0, 0.0), ValueError,
     [r"interval \(h\)", r"0\.0"]),
    ("average-window-overflow", lambda: m.interval_average(RESULT, "drug", 1e308, 1e308), ValueError,
     [r"start \(h\) \+ interval \(h\)", r"1e\+308"]),
    ("troughs-result-str", lambda: m.troughs("x", "drug"), TypeError, ["result", "'x'"]),
    ("troughs-name-none", lambda: m.troughs(RESULT, None), TypeError, ["name", "None"]),
    ("below-fraction-str", lambda: m.time_below_fraction(RESULT, "drug", "0.5"), TypeError, ["fraction", "'0.5'"]),
    ("below-fraction-array", lambda: m.time_below_fraction(RESULT, "drug", [0.5]), TypeError,
     ["fraction", "single number"]),
    ("below-after-late", lambda: m.time_below_fraction(RESULT, "drug", 0.5, after=60.0), ValueError,
     [r"after \(h\)", r"60\.0"]),
    ("below-tolerance-bool", lambda: m.time_below_fraction(RESULT, "drug", 0.5, tolerance=True), TypeError,
     [r"tolerance \(h\)", "True"]),
    ("below-result-none", lambda: m.time_below_fraction(None, "drug", 0.5), TypeError, ["result", "None"]),
    ("auc-result-dict", lambda: m.auc({}, "drug"), TypeError, ["result", r"\{\}"]),
    ("auc-start-str", lambda: m.auc(RESULT, "drug", "0"), TypeError, [r"start \(h\)", "'0'"]),
    ("auc-end-before-start", lambda: m.auc(RESULT, "drug", 5.0, 1.0), ValueError, [r"end \(h\)", r"1\.0"]),
    # ----- nca -----------------------------------------------------------------------------------
    ("nca-conc-strings", lambda: nca(T, [str(c) for c in C], 10.0), TypeError, ["concentrations", "'1.0'"]),
    ("nca-conc-str", lambda: nca(T, "123456", 10.0), TypeError, ["concentrations", "'123456'"]),
    ("nca-conc-none", lambda: nca(T, None, 10.0), TypeError, ["concentrations", "None"]),
    ("nca-conc-none-inside", lambda: nca(T, [1.0, None, 1.0, 1.0, 0.5, 0.2], 10.0), TypeError,
     ["concentrations", "None"]),
    ("nca-conc-bools", lambda: nca(T, [True] * 6, 10.0), TypeError, ["concentrations", "True"]),
    ("nca-conc-length", lambda: nca(T, C[:-1], 10.0), ValueError, ["concentrations", r"\(5,\)", "6 times"]),
    ("nca-conc-nan", lambda: nca(T, [1.0, math.nan] + C[2:], 10.0), ValueError, ["concentrations", "nan", "index 1"]),
    ("nca-conc-negative", lambda: nca(T, [1.0, -2.0] + C[2:], 10.0), ValueError,
     ["concentrations", r"-2\.0", "index 1"]),
    ("nca-times-none", lambda: nca(None, C, 10.0), TypeError, ["times", "None"]),
    ("nca-times-str", lambda: nca(["0", "1", "2", "3", "4", "5"], C, 10.0), TypeError, ["times", "'0'"]),
    ("nca-times-duplicate", lambda: nca([0.5, 1.0, 1.0, 4.0, 8.0, 12.0], C, 10.0), ValueError,
     ["times", "strictly increasing", r"1\.0"]),
    ("nca-times-negative", lambda: nca([-0.5] + T[1:], C, 10.0), ValueError, ["times", r"-0\.5"]),
    ("nca-dose-str", lambda: nca(T, C, "10"), TypeError, [r"dose \(mg\)", "'10'"]),
    ("nca-dose-none", lambda: nca(T, C, None), TypeError, [r"dose \(mg\)", "None"]),
    ("nca-dose-zero", lambda: nca(T, C, 0.0), ValueError, [r"dose \(mg\)", r"0\.0"]),
    ("nca-route-none", lambda: nca(T, C, 10.0, route=None), TypeError, ["route", "None"]),
    ("nca-route-infusion", lambda: nca(T, C, 10.0, route="infusion"), ValueError, ["route", "'infusion'"]),
    ("nca-f-str", lambda: nca(T, C, 10.0, bioavailability="0.5"), TypeError, ["bioavailability F", "'0.5'"]),
    ("nca-unit-none", lambda: nca(T, C, 10.0, concentration_unit=None), TypeError, ["concentration_unit", "None"]),
    ("nca-min-points-float", lambda: nca(T, C, 10.0, min_points=3.0), TypeError, ["min_points", r"3\.0"]),
    ("nca-min-points-bool", lambda: nca(T, C, 10.0, min_points=True), TypeError, ["min_points", "True"]),
    ("nca-min-points-two", lambda: nca(T, C, 10.0, min_points=2), ValueError, ["min_points", ">= 3", "got 2"]),
    ("nca-terminal-points-str", lambda: nca(T, C, 10.0, terminal_points="3"), TypeError,
     ["terminal_points", "'3'"]),
    ("nca-terminal-points-one", lambda: nca(T, C, 10.0, terminal_points=np.int64(1)), ValueError,
     ["terminal_points", "got 1"]),
    ("nca-auc-overflow", lambda: nca(T, [1e308, 1.7e308, 1e308, 1e308, 5e307, 2.5e307], 10.0), ValueError,
     ["AUC", "inf", r"1\.7e\+308"]),
    ("nca-c0-overflow", lambda: nca([100.0, 101.0, 102.0, 103.0], [1e300, 1e-300, 1e-301, 1e-302], 10.0,
                                    route="iv"), ValueError, ["C0", "inf", "first two samples"]),
    ("auc-luld-strings", lambda: auc_linear_up_log_down([0.0, 1.0], ["a", 1.0]), TypeError,
     ["concentrations", "'a'"]),
    ("auc-luld-length", lambda: auc_linear_up_log_down([0.0, 1.0], [1.0]), ValueError, ["concentrations", "2 times"]),
    ("auc-luld-unsorted", lambda: auc_linear_up_log_down([1.0, 0.0], [1.0, 1.0]), ValueError, ["times", "sorted"]),
    # ----- _validate -----------------------------------------------------------------------------
    ("number-none", lambda: check.number("x", None), TypeError, ["x must be", "None", "NoneType"]),
    ("number-str", lambda: check.number("x", "1"), TypeError, ["x must be", "'1'", "str"]),
    ("number-bool", lambda: check.number("x", True), TypeError, ["x must be", "True", "bool"]),
    ("number-numpy-bool", lambda: check.number("x", np.bool_(True)), TypeError, ["x must be", "True"]),
    ("number-complex", lambda: check.number("x", 1j), TypeError, ["x must be", "1j", "complex"]),
    ("number-nan", lambda: check.number("x", math.nan), ValueError, ["x must be", "nan"]),
    ("number-huge-int", lambda: check.number("x", 10 ** 400), ValueError, ["x must be", "too large"]),
    ("number-range", lambda: check.number("x", 5.0, low=0.0, high=1.0), ValueError, [r"x must be .*\[0, 1\]", r"5\.0"]),
    ("positive-zero", lambda: check.positive("v", 0), ValueError, ["v must be", "> 0", r"0\.0"]),
    ("fraction-two", lambda: check.fraction("f", 2), ValueError, ["f must be", r"\(0, 1\]", r"2\.0"]),
    ("integer-float", lambda: check.integer("n", 1.5), TypeError, ["n must be an integer", r"1\.5", "float"]),
    ("integer-bool", lambda: check.integer("n", False), TypeError, ["n must be an integer", "False", "bool"]),
    ("integer-str", lambda: check.integer("n", "3"), TypeError, ["n must be", "'3'"]),
    ("integer-low", lambda: check.integer("n", 0, low=1), ValueError, ["n must be an integer >= 1", "got 0"]),
    ("integer-high", lambda: check.integer("n", np.int32(9), high=5), ValueError, ["n must be an integer <= 5", "9"]),
    ("integer-range", lambda: check.integer("n", -1, low=0, high=5), ValueError, [r"n must be an integer in \[0, 5\]", "-1"]),
    ("seed-negative", lambda: check.seed("seed", -1), ValueError, ["seed must be None or an integer >= 0", "-1"]),
    ("seed-float", lambda: check.seed("seed", 1.5), TypeError, ["seed must be", r"1\.5"]),
    ("seed-str", lambda: check.seed("seed", "abc"), TypeError, ["seed must be", "'abc'"]),
    ("seed-bool", lambda: check.seed("seed", True), TypeError, ["seed must be", "True"]),
    ("seed-numpy-negative", lambda: check.seed("seed", np.int64(-3)), ValueError, ["seed must be", "-3"]),
    ("text-none", lambda: check.text("name", None), TypeError, ["name must be a string", "None"]),
    ("choice-none", lambda: check.choice("side", None, ("left", "right")), TypeError, ["side must be one of", "None"]),
    ("choice-unhashable", lambda: check.choice("side", "up", ("left", "right")), ValueError, ["side", "'up'"]),
    ("choice-list-value", lambda: check.choice("side", ["left"], ("left", "right")), TypeError, ["side", r"\['left'\]"]),
    ("sequence-none", lambda: check.sequence_of_numbers("xs", None), TypeError, ["xs must be a sequence", "None"]),
    ("sequence-str", lambda: check.sequence_of_numbers("xs", "12"), TypeError, ["xs", "'12'"]),
    ("sequence-ragged", lambda: check.sequence_of_numbers("xs", [[1, 2], [3]]), TypeError, ["xs", r"\[\[1, 2\], \[3\]\]"]),
    ("sequence-nested-str", lambda: check.sequence_of_numbers("xs", [[1, 2], [3, "a"]]), TypeError, ["xs", "'a'"]),
    ("sequence-object", lambda: check.sequence_of_numbers("xs", [1.0, object()]), TypeError, ["xs", "object"]),
    ("times-empty", lambda: check.times("times", []), ValueError, ["times", r"\(0,\)"]),
    ("times-2d", lambda: check.times("times", [[0.0, 1.0]]), ValueError, ["times", r"\(1, 2\)"]),
    ("times-inf", lambda: check.times("times", [0.0, math.inf]), ValueError, ["times must be finite", "inf", "index 1"]),
    ("times-bools", lambda: check.times("times", [False, True]), TypeError, ["times", "False"]),
]


def test_the_table_is_large_and_ids_are_unique():
    ids = [row[0] for row in ROWS]
    assert len(ids) >= 100
    assert len(set(ids)) == len(ids)


@pytest.mark.parametrize("call, error, patterns", [row[1:] for row in ROWS], ids=[row[0] for row in ROWS])
def test_bad_input(call, error, patterns):
    with pytest.raises(Exception) as info:
        call()
    # exactly the expected class (TypeError and ValueError are never interchangeable here)
    assert type(info.value) is error, f"{type(info.value).__name__}: {info.value}"
    message = str(info.value)
    for pattern in patterns:
        assert re.search(pattern, message), f"{pattern!r} not in {message!r}"


@pytest.mark.parametrize("good, expected", [(None, None), (0, 0), (np.int64(7), 7), (2 ** 70, 2 ** 70)])
def test_seed_accepts_none_and_non_negative_integers(good, expected):
    assert check.seed("seed", good) == expected


def test_numpy_integers_are_integers():
    assert len(pk.repeated(1.0, 12.0, count=np.int64(3))) == 3
    assert REG.missed(np.int64(1)).times == (0.0, 24.0)
    assert REG.late(np.int32(-1), 1.0).times == (0.0, 12.0, 25.0)
    assert check.integer("n", np.uint8(200), high=255) == 200
    assert nca(T, C, 10.0, terminal_points=np.int64(3)).terminal_indices == (3, 4, 5)


def test_dose_limit_is_exact():
    # MAX_DOSES doses are allowed, one more is refused; `until` is counted the same way
    assert len(pk.repeated(0.0, 1.0, until=float(MAX_DOSES))) == MAX_DOSES
    with pytest.raises(ValueError, match="100,001 doses"):
        pk.repeated(0.0, 1.0, until=MAX_DOSES + 0.5)
