"""A batch mixing coincident-rate subjects (triangular divided-difference path) with ordinary ones (eigen path)."""

import numpy as np

import pkmodel as pk


def bateman(t, dose, F, V, ka, k):
    """Closed form for one-compartment oral absorption, with its ka == k limit."""
    if np.isclose(ka, k, rtol=0, atol=0):
        return F * dose / V * k * t * np.exp(-k * t)
    return F * dose * ka / (V * (ka - k)) * (np.exp(-k * t) - np.exp(-ka * t))


def test_mixed_batch_takes_each_subject_down_its_own_exact_path():
    model = pk.one_compartment(50.0, 5.0, ka=0.1, bioavailability=0.9)  # k = CL/V = 0.1 = ka
    factors = np.array([1.0, 2.0, 0.5, 1.0 + 1e-7])
    batch = model.vary(clearance_factor={"drug": factors})
    t = np.linspace(0, 96, 97)
    r = pk.simulate(batch, pk.single_dose(100.0), t)
    sol = r._solution
    assert not sol.modal  # at least one subject needed the triangular path
    assert len(sol._parts) == 2
    conc = r.concentration("drug")
    for i, f in enumerate(factors):
        expected = bateman(t, 100.0, 0.9, 50.0, 0.1, 0.1 * f) if f != 1.0 + 1e-7 else None
        if expected is None:
            # near-coincident: compare with the exact limit; the difference is O(1e-7) relative
            expected = bateman(t, 100.0, 0.9, 50.0, 0.1, 0.1)
            np.testing.assert_allclose(conc[i], expected, rtol=1e-5, atol=1e-12)
        else:
            # tolerance 1e-9 relative + 1e-12 of the peak: round-off of a few exponentials
            np.testing.assert_allclose(conc[i], expected, rtol=1e-9, atol=1e-12 * expected.max())
    # and each row equals simulating that subject alone
    for i, f in enumerate(factors):
        alone = pk.simulate(pk.one_compartment(50.0, 5.0 * f, ka=0.1, bioavailability=0.9),
                            pk.single_dose(100.0), t).concentration("drug")
        np.testing.assert_allclose(conc[i], alone, rtol=1e-9, atol=1e-12 * alone.max())
    # mass balance holds on both paths
    np.testing.assert_allclose(r.administered(), r.in_body() + r.eliminated(), rtol=1e-9)
