"""Exercise check functions accept right answers and reject wrong ones; lecture figures are written."""

from __future__ import annotations

import math

import matplotlib

matplotlib.use("Agg")

import numpy as np  # noqa: E402
import pytest  # noqa: E402

from pkmodel import exercises, nca  # noqa: E402
from pkmodel import literature as lit  # noqa: E402


@pytest.fixture(scope="module")
def samples():
    return exercises.sparse_samples("young adult", seed=1)


def test_samples_are_reproducible_and_noisy(samples):
    again = exercises.sparse_samples("young adult", seed=1)
    other = exercises.sparse_samples("young adult", seed=2)
    np.testing.assert_array_equal(samples.concentrations_ng_ml, again.concentrations_ng_ml)
    assert not np.allclose(samples.concentrations_ng_ml, other.concentrations_ng_ml)
    assert samples.truth_half_life_h == pytest.approx(lit.preset("young adult").model.half_life("diazepam"))


def test_nca_estimate_from_the_samples_is_accepted(samples, capsys):
    # The worked solution's route: NCA on the sparse samples must land within the 25 % tolerance.
    est = nca.nca(samples.times_h, samples.concentrations_ng_ml, samples.dose_mg, concentration_unit="ng/mL")
    assert exercises.check_half_life(est.half_life, samples)
    assert "Right" in capsys.readouterr().out


@pytest.mark.parametrize("factor, ok", [(1.0, True), (1.2, True), (0.8, True), (1.5, False), (0.5, False),
                                        (3.0, False)])
def test_check_half_life_accepts_right_and_rejects_wrong(samples, factor, ok, capsys):
    assert exercises.check_half_life(samples.truth_half_life_h * factor, samples) is ok
    out = capsys.readouterr().out
    assert ("Right" in out) is ok and (("Not yet" in out) is (not ok))


@pytest.mark.parametrize("days, ok", [(86 * math.log2(10) / 24, True), (12, True), (3.6, False), (5, False),
                                      (30, False)])
def test_check_time_to_steady_state(days, ok, capsys):
    # 90 % of steady state takes log2(10) = 3.32 half-lives: 86 h x 3.32 = 286 h = 11.9 days.
    assert exercises.check_time_to_steady_state(days, half_life_h=86, fraction=0.9) is ok


def test_check_functions_reject_bad_input(samples):
    with pytest.raises(ValueError, match="answer_h"):
        exercises.check_half_life(-3, samples)
    with pytest.raises(ValueError, match="answer_days"):
        exercises.check_time_to_steady_state(float("nan"), half_life_h=86)


def test_make_figures_writes_png_and_svg(tmp_path):
    from pkmodel.figures import FIGURES, write_figures

    paths = write_figures(tmp_path)
    assert len(paths) == 2 * len(FIGURES)
    for p in paths:
        assert p.stat().st_size > 5_000, p
    assert paths[0].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert b"<svg" in paths[1].read_bytes()[:2000]
    assert "not medical advice" in (tmp_path / "CAPTIONS.md").read_text()
