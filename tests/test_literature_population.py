"""Virtual populations, percentile bands, and the illustrative sensitivity curve."""

import numpy as np
import pytest

import pkmodel
from pkmodel import literature as lit


def test_seeded_reproducibility():
    p = lit.preset("elderly")
    a = lit.virtual_population(p, 50, seed=1)
    b = lit.virtual_population(p, 50, seed=1)
    c = lit.virtual_population(p, 50, seed=2)
    np.testing.assert_array_equal(a.volumes(), b.volumes())
    np.testing.assert_array_equal(a.elimination_clearances(), b.elimination_clearances())
    assert not np.array_equal(a.volumes(), c.volumes())
    g = lit.virtual_population(p, 50, seed=np.random.default_rng(1))
    np.testing.assert_array_equal(a.volumes(), g.volumes())
    assert a.size == 50


@pytest.mark.parametrize("cv", [0.2, 0.5])
def test_sampled_cv_matches_requested(cv):
    n = 20000
    pop = lit.virtual_population(lit.preset("young adult"), n, seed=7, cv=cv)
    cl = pop.elimination_clearances()[:, 0]
    v = pop.volumes()[:, 0]
    for x in (cl, v):
        sample_cv = x.std() / x.mean()
        # Standard error of a sample CV is about CV*sqrt((1 + 2CV^2)/(2n)) (< 0.4 % here); allow 4 SE.
        se = cv * np.sqrt((1 + 2 * cv ** 2) / (2 * n))
        assert sample_cv == pytest.approx(cv, abs=4 * se)
    # median of the factors ~ 1 (the preset is the population median): 4 SE of a log-normal median
    sigma = np.sqrt(np.log1p(cv ** 2))
    ref = lit.preset("young adult").value("diazepam.central_volume").value  # column 0 is the central compartment
    assert np.median(v) / ref == pytest.approx(1.0, abs=4 * 1.2533 * sigma / np.sqrt(n))


def test_default_cvs_from_published_sds():
    assert lit.DEFAULT_CV["desmethyldiazepam.clearance"].value == pytest.approx(3.1 / 11.3)
    assert lit.DEFAULT_CV["diazepam.clearance"].value == pytest.approx(11.0 / 32.3)
    assert "K77" in lit.DEFAULT_CV["diazepam.clearance"].source_keys()
    pop = lit.virtual_population(lit.preset("elderly", full=True), 10, seed=0)
    assert pop.size == 10
    with pytest.raises(ValueError, match="unknown cv key 'lorazepam.volume'.*did you mean"):
        lit.virtual_population(lit.preset("elderly"), 10, cv={"lorazepam.volume": 0.3})
    with pytest.raises(ValueError, match="n must be an integer"):
        lit.virtual_population(lit.preset("elderly"), 0)


def test_bands_ordered_and_shaped():
    pop = lit.virtual_population(lit.preset("elderly"), 200, seed=3)
    times = np.linspace(0, 30 * 24, 121)
    r = pkmodel.simulate(pop, lit.g21_regimen(), times)
    bands = lit.percentile_bands(r, "diazepam")
    assert bands.shape == (3, times.size)
    assert np.all(bands[0] <= bands[1]) and np.all(bands[1] <= bands[2])
    b2 = lit.percentile_bands(r, "desmethyldiazepam", percentiles=(10, 90), unit="nmol/L")
    assert b2.shape == (2, times.size) and np.all(b2[0] <= b2[1])
    with pytest.raises(ValueError, match="percentiles"):
        lit.percentile_bands(r, "diazepam", percentiles=(5, 150))


def test_illustrative_sensitivity():
    assert lit.illustrative_ec50(80) == pytest.approx(lit.illustrative_ec50(20) / 2)  # halves 20 -> 80 y
    assert lit.illustrative_ec50(30) > lit.illustrative_ec50(70)  # falls with age (R78's direction)
    e = lit.illustrative_effect(np.array([0.0, 100.0, 1e6]), 50)
    assert e[0] == 0 and 0 < e[1] < 1 and e[2] < 1 and np.all(np.diff(e) > 0)
    c = lit.illustrative_ec50(60)
    assert lit.illustrative_effect(c, 60) == pytest.approx(0.5)
    with pytest.raises(ValueError, match="age"):
        lit.illustrative_ec50(10)
    with pytest.raises(ValueError, match="concentration"):
        lit.illustrative_effect(-1.0, 50)
