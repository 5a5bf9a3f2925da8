"""docs/adding-a-drug.md, proven: a toy drug module with two cited values, written to a temporary
directory, registered, and run through preset, at_age, a modifier, a virtual population and a
dashboard (headless)."""

import textwrap
import warnings

import numpy as np
import pytest

import pkmodel
from pkmodel import literature as lit

TOY = textwrap.dedent('''
    """Toyzepam: a made-up drug for the recipe test."""
    from pkmodel.literature.drug import Drug, PublishedGroup, Species
    from pkmodel.literature.modifiers import make
    from pkmodel.literature.simple import no_age_relation
    from pkmodel.literature.sources import Population, Source, register_sources
    from pkmodel.literature.values import NO_ABSORPTION_LAG, assumption, reported

    register_sources(Source("TOY1", "Doe J", 2000, "Toyzepam in 20 volunteers", "J Toy 1:1-2",
                            doi="10.0000/toy.1", population=Population(20, "20-70", "volunteers", "5 mg", "oral")))
    CL = {"male": reported(1.0, "mL/min/kg", "TOY1", "toyzepam CL, men"),
          "female": reported(1.0, "mL/min/kg", "TOY1", "toyzepam CL, women")}
    T_HALF = {"male": reported(10.0, "h", "TOY1", "toyzepam t1/2, men"),
              "female": reported(10.0, "h", "TOY1", "toyzepam t1/2, women")}
    AGE_MIN = reported(20.0, "y", "TOY1", "youngest")
    AGE_MAX = reported(70.0, "y", "TOY1", "oldest")
    KA = assumption("TOYZEPAM_KA", 2.0, "1/h", "toy absorption")
    F = assumption("TOYZEPAM_F", 1.0, "1", "toy bioavailability")
    CV = assumption("TOYZEPAM_CV", 0.2, "1", "toy CV")
    INHIBITION = reported(0.5, "1", "TOY1", "CL halved by the toy inhibitor")

    build_preset, build_at_age = no_age_relation(
        drug="toyzepam", study="TOY1", finding="TOY1 found no age relation", cl_per_kg=CL, t_half=T_HALF,
        age_low=AGE_MIN, age_high=AGE_MAX, ka=KA, bioavailability=F, lag=NO_ABSORPTION_LAG, molar_mass=300.0)

    def toy_inhibitor(**options):
        return make("toy_inhibitor", "Toy inhibitor (TOY1)", "TOY1", "the same volunteers without it (TOY1)",
                    "CL halved, volume unchanged.", {"toyzepam": (INHIBITION, None)})

    DRUG = Drug(name="toyzepam", label="Toyzepam", species={"toyzepam": Species("toyzepam", 300.0)},
                groups=("young adult", "elderly"), build_preset=build_preset, build_at_age=build_at_age,
                age_range=(AGE_MIN, AGE_MAX),
                default_cv={"toyzepam.clearance": CV, "toyzepam.volume": CV},
                modifiers={"toy_inhibitor": toy_inhibitor},
                published_groups=(PublishedGroup("toyzepam", "toyzepam", "TOY1", "all (20-70 y)", T_HALF["male"], 20,
                                                 20.0, 70.0),))
''')


@pytest.fixture
def toyzepam(tmp_path, monkeypatch):
    (tmp_path / "toyzepam.py").write_text(TOY)
    monkeypatch.syspath_prepend(str(tmp_path))
    saved = [(d, dict(d)) for d in (lit.SOURCES, lit.TEACHING_ASSUMPTIONS)]
    import importlib

    module = importlib.import_module("toyzepam")
    lit.register_drug(module)
    yield module
    lit.unregister_drug("toyzepam")
    for d, old in saved:
        d.clear()
        d.update(old)
    import sys
    sys.modules.pop("toyzepam", None)


def test_toy_drug_runs_through_the_machinery(toyzepam):
    assert "toyzepam" in lit.drugs()
    young = lit.preset("young adult", drug="toyzepam")
    assert young.half_life() == pytest.approx(10.0, rel=1e-12)  # the cited t1/2 comes back
    assert young.clearance() == pytest.approx(1.0 * 0.06 * 70, rel=1e-12)  # 1 mL/min/kg at 70 kg, in L/h
    assert "doi:10.0000/toy.1" in young.cite("toyzepam.half_life")
    old = lit.preset("elderly", drug="toyzepam")
    assert old.half_life() == young.half_life() and "no age relation" in old.description
    with pytest.warns(lit.ExtrapolationWarning, match="20-70 y"):
        lit.at_age(85, drug="toyzepam")
    mid = lit.at_age(45, drug="toyzepam")
    assert mid.half_life() == pytest.approx(10.0)
    slowed = lit.apply(mid, lit.modifier("toy_inhibitor"))
    assert slowed.half_life() == pytest.approx(20.0, rel=1e-9)  # CL halved, V unchanged
    assert lit.outside_published(slowed) is not None and lit.outside_published(mid) is None
    pop = lit.virtual_population(mid, 50, seed=1)
    r = pkmodel.simulate(pop, pkmodel.single_dose(5.0), np.linspace(0, 48, 49))
    assert r.concentration("toyzepam").shape == (50, 49)
    bands = lit.percentile_bands(r, "toyzepam")
    assert np.all(bands[0] <= bands[2])
    with pytest.raises(ValueError, match="modifier 'cimetidine' changes diazepam"):
        lit.apply(mid, lit.modifier("cimetidine"))


def test_toy_drug_in_a_dashboard(toyzepam):
    import matplotlib
    matplotlib.use("Agg")
    from pkmodel.dashboards import LifespanDashboard

    with warnings.catch_warnings():
        warnings.simplefilter("error", lit.ExtrapolationWarning)
        d = LifespanDashboard("toyzepam")
        d.set(age=50)
    x, y = d.data()["age-dz"]
    assert np.all(np.isfinite(y)) and y.max() > 0
    assert "toyzepam" in d.axes[1].get_ylabel()
    assert any("TOY1" in t.get_text() for t in d.axes[1].get_legend().get_texts())


def test_unregistered_afterwards():
    assert "toyzepam" not in lit.drugs()
    with pytest.raises(ValueError, match="unknown drug 'toyzepam'"):
        lit.preset("elderly", drug="toyzepam")
