"""The building blocks of the triangular path, against independent references.

* divided differences of z -> exp(z tau) at clustered, separated, equal, zero and complex
  nodes, against mpmath's 50-digit recursion on the exact (decimal) nodes;
* the triangular form: K = U T U^H with U unitary, T upper triangular, and for a chain U a
  permutation (no rounding at all);
* the doubling prefix scan against the plain loop.

Tolerance: 1e-13 relative for real nodes (the recurrence amplifies rounding by at most ~1.6
per level over <= 6 levels, the series by at most e^2; observed ~1e-15), 1e-12 for complex.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

mp = pytest.importorskip("mpmath")

from pkmodel._exact import DividedDifferences, _structure, affine_scan, triangularize  # noqa: E402


def mp_divided_difference(nodes, tau):
    """f[z_0..z_p] for f(z) = exp(z tau) at 60 digits; confluent nodes by the limit formula."""
    with mp.workdps(60):
        z = [mp.mpc(complex(v)) for v in nodes]
        t = mp.mpf(float(tau))

        def dd(zs):
            if len(zs) == 1:
                return mp.exp(zs[0] * t)
            if all(abs(v - zs[0]) < mp.mpf(10) ** -40 for v in zs):  # all equal: f^(p)/p!
                return t ** (len(zs) - 1) * mp.exp(zs[0] * t) / mp.factorial(len(zs) - 1)
            zs = sorted(zs, key=lambda v: (v.real, v.imag))
            return (dd(zs[1:]) - dd(zs[:-1])) / (zs[-1] - zs[0])

        # 60 digits absorb the cancellation of the plain recursion for spacings down to 1e-14
        with mp.workdps(200):
            return complex(dd(z))


def check(lam, taus, rtol):
    lam = np.asarray(lam)[None, :]
    m = lam.shape[1]
    dd = DividedDifferences(lam, 2)
    got = dd(np.asarray(taus, float))
    row = _structure(m, 2)[0]
    ext = list(lam[0]) + [0.0]
    for (mask, nz), r in row.items():
        nodes = [ext[i] for i in range(m) if mask >> i & 1] + [0.0] * nz
        for n, tau in enumerate(taus):
            want = mp_divided_difference(nodes, tau)
            assert abs(got[0, r, n] - want) <= rtol * abs(want) + 1e-300, (nodes, tau, got[0, r, n], want)


TAUS = [0.0, 1e-6, 1e-3, 0.1, 1.0, 7.5, 30.0, 200.0]


@pytest.mark.parametrize("lam", [
    [-0.3, -0.3, -0.3],                       # equal
    [-0.3, -0.3 * (1 + 1e-14), -0.3 * (1 - 1e-12)],  # clustered
    [-0.3, -0.3 * (1 + 1e-6), -2.2],          # a cluster and a far node
    [-2.2, -0.02, -0.02 * (1 + 1e-9), -0.7],  # depot, near-equal pair, another
    [0.0, -1e-12, -0.5],                      # a node at (nearly) zero, next to the zero nodes
    [-5.0, -0.05, -0.5],                      # well separated
])
def test_divided_differences_against_mpmath(lam):
    check(lam, TAUS, 1e-13)


def test_divided_differences_complex_nodes():
    lam = np.array([-3.2 + 1.7j, -3.2 - 1.7j, -0.2 + 0j, -0.2 * (1 + 1e-10) + 0j])
    check(lam, [0.0, 1e-3, 0.5, 3.0, 20.0], 1e-12)


@settings(max_examples=25, deadline=None)
@given(k=st.floats(0.01, 3.0), exps=st.lists(st.floats(-14, -1), min_size=2, max_size=3),
       signs=st.lists(st.sampled_from([-1.0, 1.0]), min_size=3, max_size=3),
       tau=st.one_of(st.just(0.0), st.floats(1e-8, 300.0)))  # the 200-digit reference resolves tau >= 1e-8
def test_divided_differences_random_clusters(k, exps, signs, tau):
    lam = [-k] + [-k * (1 + s * 10.0 ** e) for s, e in zip(signs, exps)]
    check(lam, [tau], 1e-13)


def test_triangular_form_of_a_chain_is_a_permutation():
    K = np.array([[-0.5, 0.0, 2.0],
                  [0.3, -0.5, 0.0],
                  [0.0, 0.0, -2.0]])  # parent <- depot, metabolite <- parent (lower part)
    U, T = triangularize(K[None])
    assert np.all((U[0] == 0) | (U[0] == 1))  # a permutation: exact
    assert np.allclose(np.tril(T[0], -1), 0)
    np.testing.assert_array_equal(U[0] @ T[0] @ U[0].T, K)


def test_triangular_form_with_a_peripheral_block():
    rng = np.random.default_rng(1)
    V = rng.uniform(5, 50, 4)
    K = np.zeros((4, 4))
    q = 3.0  # 0 <-> 1 exchange, 0 -> 2 -> 3 chain
    K[0, 0], K[1, 0] = -(q + 1.0) / V[0], q / V[0]
    K[0, 1], K[1, 1] = q / V[1], -q / V[1]
    K[2, 0] = 1.0 / V[0]
    K[2, 2], K[3, 2] = -0.4, 0.2
    K[3, 3] = -0.4
    U, T = triangularize(K[None])
    np.testing.assert_allclose(U[0] @ U[0].conj().T, np.eye(4), atol=1e-15)
    assert np.allclose(np.tril(T[0], -1), 0)
    np.testing.assert_allclose((U[0] @ T[0] @ U[0].conj().T).real, K, atol=1e-15)


@pytest.mark.parametrize("E", [1, 2, 3, 7, 64, 1000])
def test_affine_scan_equals_the_loop(E):
    rng = np.random.default_rng(E)
    a, c = rng.uniform(0, 1, (2, E, 3)), rng.normal(size=(2, E, 3))
    A, C = rng.uniform(0, 0.5, (2, E, 3, 3)), rng.normal(size=(2, E, 3))
    y, Y = np.zeros((2, 3)), np.zeros((2, 3))
    want, want_m = np.empty_like(c), np.empty_like(C)
    for k in range(E):
        y = a[:, k] * y + c[:, k]
        Y = (A[:, k] @ Y[..., None])[..., 0] + C[:, k]
        want[:, k], want_m[:, k] = y, Y
    np.testing.assert_allclose(affine_scan(a, c), want, rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(affine_scan(A, C, matrix=True), want_m, rtol=1e-12, atol=1e-12)


def test_block_diagonalize_reconstructs_and_decouples():
    """T = Y D Y^-1 with Y unit upper triangular and D zero between clusters; ill-conditioned
    splits and single clusters are refused (None), so the full triangular form is kept."""
    from pkmodel._exact import block_diagonalize

    T = np.array([[[-0.02, 0.012, 0.3], [0.0, -0.02, 2.1], [0.0, 0.0, -2.2]]])
    Y, Yinv, D, clusters = block_diagonalize(T, 1e-2, 1e3)
    assert clusters == (0b011, 0b100)
    np.testing.assert_allclose(Y @ D @ Yinv, T, rtol=0, atol=1e-15 * np.abs(T).max())
    np.testing.assert_allclose(Yinv @ Y, np.eye(3)[None], rtol=0, atol=1e-15)
    assert np.all(np.diagonal(Y, axis1=1, axis2=2) == 1.0) and np.all(np.tril(Y[0], -1) == 0)
    assert D[0, 0, 2] == 0.0 and D[0, 1, 2] == 0.0 and D[0, 0, 1] == 0.012
    # Y_ij = T_ij / (T_jj - T_ii) for a 2x2 across clusters, by hand
    Y2 = block_diagonalize(np.array([[[-1.0, 0.5], [0.0, -2.0]]]), 1e-2, 1e3)[0]
    assert Y2[0, 0, 1] == pytest.approx(0.5 / (-2.0 + 1.0), rel=1e-15)
    # rates 2 % apart with a strong coupling: Y would amplify rounding ~ 1e4 times -> refused
    assert block_diagonalize(np.array([[[-1.0, 300.0], [0.0, -1.02]]]), 1e-2, 1e3) is None
    # everything in one cluster: nothing to split
    assert block_diagonalize(np.array([[[-1.0, 0.3], [0.0, -1.0 - 1e-9]]]), 1e-2, 1e3) is None
