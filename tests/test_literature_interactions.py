"""Interactions (notebook 10): records cite sources or say "not measured"; the alcohol and omeprazole
modifiers reproduce their studies' numbers through the public API."""

from __future__ import annotations

import numpy as np
import pytest

import pkmodel as pk
from pkmodel import lessons_interactions as li
from pkmodel import literature as lit
from pkmodel.literature import interactions as ix

# An IV AUC to "infinity": 3000 days is > 500 terminal half-lives of the elderly preset (86 h)
T_INF = np.linspace(0, 3000 * 24, 30001)


def iv_auc(preset, species="diazepam"):
    r = pk.simulate(preset.model, pk.single_dose(10, route="iv"), T_INF)
    return r.auc(species, 0, T_INF[-1])


def test_every_record_is_pk_or_pd_and_cites_or_says_not_measured():
    for rec in ix.interactions():
        assert rec.kind in ("PK", "PD", "PK + PD")
        assert rec.sources or ix.NOT_MEASURED in rec.size, rec.key
        for key in rec.sources:
            # every key is registered, except LABEL (its module is built elsewhere; the lead reconciles)
            assert key in lit.SOURCES or key == "LABEL", key
    named = {"azole antifungals", "HIV boosters", "alcohol", "opioids", "sedating antihistamines",
             "other benzodiazepines"}
    assert named <= set(ix.INTERACTIONS)


def test_unmeasured_interactions_carry_no_factor():
    for key in ("HIV boosters", "azole antifungals", "opioids", "sedating antihistamines", "other benzodiazepines"):
        rec = ix.get_interaction(key)
        assert rec.modifier is None and not rec.measured
        p = lit.preset("elderly")
        assert ix.apply_interaction(p, key) is p  # the curve does not move
    assert "not measured" in ix.get_interaction("HIV boosters").size


def test_opioid_record_states_the_boxed_warning():
    size = ix.get_interaction("opioids").size
    for words in ("profound sedation", "respiratory depression", "coma", "death"):
        assert words in size


def test_a_record_without_source_or_not_measured_is_refused():
    with pytest.raises(ValueError, match="not measured"):
        ix.Interaction("x", "y", "PK", "up", "a 2-fold rise")
    with pytest.raises(ValueError, match="kind"):
        ix.Interaction("x", "y", "PKPD", "up", "not measured")
    with pytest.raises(ValueError, match="unknown|one of"):
        ix.get_interaction("grapefruit")
    with pytest.raises(TypeError):
        ix.get_interaction(3)


@pytest.mark.parametrize("group", ["young adult", "elderly"])
def test_alcohol_reproduces_s80_auc_rise(group):
    # S80: total DZ AUC +30 % after 10 mg IV. Linear PK: AUC = dose / CL exactly, so 1 % covers
    # only the numerical integration of the finite-time AUC.
    p = lit.preset(group)
    ratio = iv_auc(lit.apply(p, lit.modifier("alcohol"))) / iv_auc(p)
    assert ratio == pytest.approx(1.30, rel=0.01)


def test_alcohol_states_baseline_and_leaves_dmdz_unchanged():
    m = lit.modifier("alcohol")
    assert "without ethanol" in m.baseline and "S80" in m.baseline
    assert "desmethyldiazepam" not in m.species and "-51 %" in m.note


def test_alcohol_absorption_g78c_delays_the_peak_without_changing_the_extent():
    # G78c: tmax 0.79 -> 1.79 h, 24-h AUC about the same. The model takes the ka and lag ratios
    # exactly; its tmax must move later (direction) and its 24-h AUC (absorption change alone)
    # stay within 5 % (G78c reports "about the same", no figure).
    from pkmodel.literature.drugs.diazepam.interactions import with_alcohol_absorption

    p = lit.preset("young adult")
    slow = with_alcohol_absorption(p)
    assert slow.model.absorption.ka == pytest.approx(p.model.absorption.ka * 19.3 / 34.6, rel=1e-12)
    assert slow.model.absorption.lag == pytest.approx(p.model.absorption.lag * 26.2 / 16.5, rel=1e-12)
    t = np.linspace(0, 24, 24 * 60 + 1)
    r0, r1 = (pk.simulate(q.model, pk.single_dose(5), t) for q in (p, slow))
    c0, c1 = r0.concentration("diazepam", "ng/mL"), r1.concentration("diazepam", "ng/mL")
    assert t[c1.argmax()] > t[c0.argmax()] + 0.25
    assert r1.auc("diazepam", 0, 24) / r0.auc("diazepam", 0, 24) == pytest.approx(1.0, abs=0.05)


def test_omeprazole_reproduces_ome90_clearance_fall():
    # OME90: CL -26 % in rapid metabolisers; the IV AUC rises by 1/0.74 (1 %: integration only)
    p = lit.preset("young adult")
    q = lit.apply(p, lit.modifier("omeprazole"))
    assert q.clearance("diazepam") / p.clearance("diazepam") == pytest.approx(0.74, rel=1e-12)
    assert iv_auc(q) / iv_auc(p) == pytest.approx(1 / 0.74, rel=0.01)


def test_additive_effect_is_the_illustrative_curve_plus_the_other_sedative():
    c = np.array([0.0, 100.0, 500.0])
    assert np.allclose(li.additive_effect(c, 20), lit.illustrative_effect(c, 20))
    # at C = EC50(20 y) = 500 ng/mL and x = 1: u = 2, E = 2/3 (closed form)
    assert li.additive_effect(500.0, 20, 1.0) == pytest.approx(2 / 3, rel=1e-12)
    assert np.all(li.additive_effect(c, 80, 0.5) > li.additive_effect(c, 80, 0.0))
    with pytest.raises(ValueError, match="other_sedative"):
        li.additive_effect(c, 20, -1)
    with pytest.raises(TypeError, match="other_sedative"):
        li.additive_effect(c, 20, "a lot")


def test_pd_keeps_the_curve_pk_moves_it():
    p = lit.preset("elderly")
    reg, t = lit.g21_regimen(), np.linspace(0, 20 * 24, 241)
    pd = li.pk_vs_pd(p, "opioids", reg, t, age=80, other_sedative=1.0)
    assert np.array_equal(pd["concentration_alone"], pd["concentration_with"])
    assert np.all(pd["effect_with"][1:] > pd["effect_alone"][1:])
    pkx = li.pk_vs_pd(p, "omeprazole", reg, t, age=80, other_sedative=1.0)
    assert pkx["concentration_with"][-1] > pkx["concentration_alone"][-1]
    assert np.allclose(pkx["effect_with"], li.additive_effect(pkx["concentration_with"], 80))  # no PD part


def test_dmdz_crosses_above_diazepam_in_the_elderly_not_parallel_below():
    # notebook 3: formation-limited DMDZ falls in parallel with diazepam but above it (elderly)
    t = np.linspace(0, 14 * 24, 14 * 24 * 4 + 1)
    r = pk.simulate(lit.preset("elderly", full=True).model, pk.single_dose(10), t)
    day = li.metabolite_above_parent_from(r, "diazepam", "desmethyldiazepam") / 24
    dz, dm = r.concentration("diazepam", "ng/mL"), r.concentration("desmethyldiazepam", "ng/mL")
    first = np.argmax((dm > dz) & (t > 24))
    assert day == pytest.approx(t[first] / 24) and 3 < day < 8


def test_pk_vs_pd_units_change_the_curves_not_the_effect():
    """Concentrations come in the unit asked for; the illustrative effect always reads ng/mL."""
    p = lit.preset("elderly")
    reg, t = lit.g21_regimen(), np.linspace(0, 20 * 24, 241)
    ng = li.pk_vs_pd(p, "omeprazole", reg, t, age=80, other_sedative=0.5)
    mg = li.pk_vs_pd(p, "omeprazole", reg, t, age=80, other_sedative=0.5, unit="mg/L")
    np.testing.assert_allclose(mg["concentration_with"] * 1000, ng["concentration_with"], rtol=1e-13)
    assert np.array_equal(mg["effect_with"], ng["effect_with"])
    dmdz = li.pk_vs_pd(lit.preset("elderly", full=True), "opioids", reg, t, age=80, species="desmethyldiazepam")
    assert dmdz["concentration_alone"][-1] > 0 and not np.array_equal(dmdz["concentration_alone"],
                                                                       ng["concentration_alone"])
