"""The comparators as drugs in their own right (G79L, OX1, TZ1), the registry, published groups as
data, and the combination rule with its out-of-range flag (issue 10, parts A, C, D)."""

import warnings

import pytest

import pkmodel
from pkmodel import literature as lit

ML_MIN_PER_KG = 1000 / 60 / 70  # L/h at 70 kg -> mL/min/kg


def test_registry_lists_every_drug_module():
    assert lit.drugs() == ("diazepam", "lorazepam", "oxazepam", "temazepam")
    for d in lit.drugs():
        drug = lit.get_drug(d)
        assert drug.name == d and d in drug.species and set(drug.groups) == {"young adult", "elderly"}
    with pytest.raises(ValueError, match="unknown drug 'lorazepan'.*did you mean 'lorazepam'"):
        lit.get_drug("lorazepan")


# ----- reproduction of each study's figures -----------------------------------------------------
# CL and t1/2 are taken as reported (exact to round-off); V = CL*t1/2/ln2 then differs from the reported
# Vd because the papers average each subject's V, t1/2 and CL separately (a mean of ratios is not a ratio
# of means): 10 % covers every group here (G79L young +9 %, elderly +7 %; OX1 women +7 %; TZ1 women +6 %).
@pytest.mark.parametrize("group,t_half,cl,vd", [("young adult", 14.1, 0.99, 1.11), ("elderly", 15.9, 0.77, 0.99)])
def test_g79l_lorazepam_groups(group, t_half, cl, vd):
    p = lit.preset(group, drug="lorazepam")
    assert p.half_life() == pytest.approx(t_half, rel=1e-9)
    assert p.clearance() * ML_MIN_PER_KG == pytest.approx(cl, rel=1e-9)
    assert p.volume() / 70 == pytest.approx(vd, rel=0.10)
    assert p.sources == ("G79L",) or set(p.sources) == {"G79L"}


def test_g79l_little_change_with_age_and_oral_absorption():
    y, o = lit.preset("young adult", drug="lorazepam"), lit.preset("elderly", drug="lorazepam")
    assert o.half_life() / y.half_life() == pytest.approx(15.9 / 14.1)  # not significant: +13 %
    d = lit.preset("elderly", drug="diazepam").half_life() / lit.preset("young adult").half_life()
    assert d > 2.5  # diazepam's 31 -> 86 h, the contrast the comparator is for
    # G79L: peaks within 2.5 h, absorption t1/2 <= 45 min, 80-100 % absorbed
    m = o.model
    assert m.absorption.ka >= 0.6931471805599453 / 0.75 and 0.8 <= m.absorption.bioavailability <= 1.0
    import numpy as np
    t = np.arange(0, 12, 0.01)
    c = pkmodel.simulate(m, pkmodel.single_dose(2.0), t).concentration("lorazepam")
    assert 2.4 <= t[c.argmax()] <= 2.5  # the slowest absorption with G79L's peak within 2.5 h
    # at_age interpolates between the group midpoints (28.5 y, 72 y) and holds outside
    assert lit.at_age(28.5, drug="lorazepam").half_life() == pytest.approx(14.1)
    assert lit.at_age(72, drug="lorazepam").half_life() == pytest.approx(15.9)
    assert lit.at_age(50.25, drug="lorazepam").half_life() == pytest.approx(15.0)
    with pytest.warns(lit.ExtrapolationWarning, match="19-84 y"):
        lit.at_age(90, drug="lorazepam")


@pytest.mark.parametrize("drug,sex,t_half,cl,vd,tol_v", [
    ("oxazepam", "male", 7.5, 1.48, 0.96, 0.01), ("oxazepam", "female", 8.5, 1.70, 1.17, 0.10),
    ("temazepam", "male", 12.3, 1.35, 1.40, 0.05), ("temazepam", "female", 16.8, 1.02, 1.40, 0.10)])
def test_ox1_tz1_by_sex(drug, sex, t_half, cl, vd, tol_v):
    p = lit.preset("young adult", drug=drug, sex=sex)
    assert p.half_life() == pytest.approx(t_half, rel=1e-9)
    assert p.clearance() * ML_MIN_PER_KG == pytest.approx(cl, rel=1e-9)
    assert p.volume() / 70 == pytest.approx(vd, rel=tol_v)


@pytest.mark.parametrize("drug,study,low,high", [("oxazepam", "OX1", 20, 86), ("temazepam", "TZ1", 24, 84)])
def test_no_age_relation_is_the_studys_finding(drug, study, low, high):
    y, o = lit.preset("young adult", drug=drug), lit.preset("elderly", drug=drug)
    assert y.half_life() == o.half_life() and y.clearance() == o.clearance()
    for p in (y, o):
        assert "by the study's finding" in p.description and study in p.description
    with warnings.catch_warnings():
        warnings.simplefilter("error", lit.ExtrapolationWarning)
        ages = [lit.at_age(a, drug=drug) for a in (low, (low + high) / 2, high)]
    assert {round(p.half_life(), 12) for p in ages} == {round(y.half_life(), 12)}
    assert "no age relation" in ages[0].label
    with pytest.warns(lit.ExtrapolationWarning, match=f"{low:g}-{high:g} y"):
        lit.at_age(high + 2, drug=drug)


def test_comparators_have_no_dose_range_and_named_absorption():
    # no source here gives a usual dose range: none is stated; absorption without a source is named
    for drug in ("oxazepam", "temazepam"):
        p = lit.preset("elderly", drug=drug)
        assert f"{drug.upper()}_ABSORPTION_HALF_LIFE_H" in p.value("absorption.ka").assumptions()
        assert not any("dose_range" in k for k in p.parameters)
    assert lit.preset("elderly", drug="lorazepam").value("absorption.ka").source_keys() == ("G79L",)


def test_metabolites_in_diazepams_chain_come_from_their_own_modules():
    full = lit.preset("young adult", full=True)
    tz = lit.preset("young adult", drug="temazepam")
    assert full.half_life("temazepam") == pytest.approx(tz.half_life())
    assert full.value("oxazepam.half_life") == lit.preset("young adult", drug="oxazepam").value("oxazepam.half_life")


def test_variability_reads_each_drugs_cvs():
    for drug in lit.drugs():
        p = lit.preset("elderly", drug=drug)
        cvs = lit.default_cvs(p)
        assert set(cvs) == {f"{s}.{k}" for s in {c.species for c in p.model.compartments}
                            for k in ("clearance", "volume")}
        pop = lit.virtual_population(p, 10, seed=0)
        assert pop.size == 10
    assert lit.default_cvs(lit.preset("elderly", drug="lorazepam"))["lorazepam.clearance"].name == \
        "CV_CONJUGATED_METABOLITES"


def test_two_compartment_population_keeps_half_life_ratio():
    # one subject's factors apply to both diazepam compartments (and to Q both ways), so each subject's
    # terminal t1/2 is the preset's times fV/fCL exactly; read from the batch's own rate matrices
    import numpy as np
    p = lit.preset("young adult")
    m = p.model
    pop = lit.virtual_population(p, 5, seed=3)
    vols = pop.volumes()
    fv = vols[:, 0] / m.compartment("diazepam").volume
    np.testing.assert_allclose(vols[:, 1] / m.compartment("diazepam_peripheral").volume, fv, rtol=1e-12)
    fcl = pop.elimination_clearances()[:, 0] / m.compartment("diazepam").clearance
    k = pop.rate_matrix()[:, :2, :2]
    t_half = np.log(2) / (-np.linalg.eigvals(k).real).min(axis=1)
    np.testing.assert_allclose(t_half, p.half_life() * fv / fcl, rtol=1e-9)


# ----- published groups as data (C) ---------------------------------------------------------------
def test_published_groups_records():
    dz = lit.published_groups("diazepam", species="diazepam")
    keys = {g.source_key for g in dz}
    assert {"K75", "G21", "G89"} <= keys
    g21 = [g for g in dz if g.source_key == "G21"]
    assert sorted((g.age_low, g.age_high, g.n, g.half_life_h) for g in g21) == [(21, 33, 7, 31.0), (61, 78, 8, 86.0)]
    dmdz = {g.source_key for g in lit.published_groups("diazepam", species="desmethyldiazepam")}
    assert {"CZ1", "G21", "CZ3"} <= dmdz
    assert {g.source_key for g in lit.published_groups("oxazepam")} == {"OX1"}
    assert {g.source_key for g in lit.published_groups("temazepam")} == {"TZ1", "TZ_CIM"}
    assert {g.source_key for g in lit.published_groups("lorazepam")} == {"G79L"}
    every = lit.published_groups(None)
    assert {g.drug for g in every} == set(lit.drugs())
    assert all(g.condition == "healthy" for g in every)
    with_mods = lit.published_groups("diazepam", include_modifier_studies=True)
    assert {"Q99", "P94", "O81b", "FC"} <= {g.source_key for g in with_mods}


def test_model_line_passes_near_the_published_groups():
    # the K75 line meets K75's points exactly; the G21 group means are the presets (exact)
    for g in lit.published_groups("diazepam", species="diazepam"):
        if g.source_key == "K75" and g.age_mean is not None:
            assert lit.at_age(g.age_mean).half_life() == pytest.approx(g.half_life_h, rel=1e-9)


# ----- the combination rule and its flag (D) ----------------------------------------------------
def test_each_modifier_states_its_baseline():
    for name in lit.MODIFIERS:
        m = lit.modifier(name)
        assert m.baseline.strip()
    assert lit.modifier("cyp2c19", genotype="m1/m1").baseline == "CYP2C19 wt/wt (Q99)"
    # the preset is read as wt/wt: the wt/wt genotype changes nothing
    base = lit.at_age(70)
    same = lit.apply(base, lit.modifier("cyp2c19", genotype="wt/wt"))
    assert same.half_life() == pytest.approx(base.half_life(), rel=1e-12)


def test_issue_combinations_are_flagged_and_still_computed():
    at70 = lit.at_age(70)
    assert lit.outside_published(at70) is None
    pm = lit.apply(at70, lit.modifier("cyp2c19", genotype="m1/m1"))
    # rule: Q99's ratio 84/20 on the 70-year-old's K75 t1/2 (78.3 h): 329 h, the issue's number
    assert pm.half_life() == pytest.approx(at70.half_life() * 84 / 20, rel=1e-9)
    assert round(pm.half_life()) == 329
    msg = lit.outside_published(pm)
    assert "No study measured this combination" in msg and "extrapolation" in msg and "118 h" in msg
    stacked = lit.apply(at70, *(lit.modifier(n) for n in ("cimetidine", "fluvoxamine", "cirrhosis")),
                        lit.modifier("cyp2c19", genotype="m1/m1"))
    assert stacked.half_life() > 2000 and lit.outside_published(stacked)
    # inside the published range: fluvoxamine on P94-like young adults (31 h x 118/51 = 72 h)
    assert lit.outside_published(lit.apply(lit.preset("young adult"), lit.modifier("fluvoxamine"))) is None
    # the description states the rule
    assert "baseline" in pm.description and "independent" in pm.description


def test_modifier_on_a_drug_without_its_species_is_refused():
    with pytest.raises(ValueError, match="modifier 'fluvoxamine' changes diazepam; this lorazepam preset has"):
        lit.apply(lit.preset("elderly", drug="lorazepam"), lit.modifier("fluvoxamine"))
    assert lit.modifiers_for("diazepam") == lit.MODIFIERS and lit.modifiers_for("lorazepam") == ()


def test_preset_parameters_read_only():
    p = lit.preset("elderly")
    with pytest.raises(TypeError):
        p.parameters["diazepam.clearance"] = lit.Value(1.0, "L/h", "G21", "x")
    import dataclasses
    with pytest.raises(dataclasses.FrozenInstanceError):
        p.age = 30


@pytest.mark.parametrize("drug,keys", [("diazepam", {"K75", "G21", "G89"}), ("lorazepam", {"G79L"}),
                                       ("oxazepam", {"OX1"}), ("temazepam", {"TZ1"})])
def test_lifespan_dashboard_draws_every_published_group(drug, keys):
    import matplotlib
    matplotlib.use("Agg")
    from pkmodel.dashboards import LifespanDashboard

    d = LifespanDashboard(drug)
    ax = d.axes[1]
    groups = [g for g in lit.published_groups(drug, species=drug) if g.age_low is not None]
    assert len(ax.containers) == len(groups)  # one error bar per study group
    ys = sorted(float(c.lines[0].get_ydata()[0]) for c in ax.containers)
    assert ys == sorted(g.half_life_h for g in groups)
    legend = " ".join(t.get_text() for t in ax.get_legend().get_texts())
    assert all(f"({k})" in legend for k in keys)
    d.set(age=60)  # the age marker moves; the published groups stay
    assert len(ax.containers) == len(groups)
