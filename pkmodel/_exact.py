r"""Exact propagation when rate constants coincide or nearly coincide: triangular form and divided differences.

For such subjects the eigenvectors are (nearly) parallel, so the modal formulas of
:mod:`pkmodel.simulate` cancel catastrophically. Here instead the rate matrix is brought to
upper triangular form :math:`K = U T U^H` with a unitary :math:`U`: first a permutation that
orders the states downstream-first (a parent → metabolite chain is then already triangular and
:math:`U` is a pure permutation, so no rounding enters at all), then a Schur decomposition of
each strongly connected block (a drug with its peripheral compartment). For triangular
:math:`T` every function of :math:`T` is a sum over increasing paths :math:`i = s_0 < \dots < s_p = j`
(Opitz; Higham, *Functions of Matrices*, 2008, Thm 4.11),

.. math::

    f(T)_{ij} = \sum_{\text{paths}} T_{s_0 s_1}\cdots T_{s_{p-1} s_p}\; f[\lambda_{s_0},\dots,\lambda_{s_p}],

with :math:`f(z) = e^{z\tau}` for the propagator, and the integrals
:math:`\int_0^\tau e^{Ts}ds` and :math:`\int_0^\tau\!\int_0^s e^{Tr}dr\,ds` obtained by adding
one or two nodes at 0 to the divided difference (:math:`\varphi = f[\lambda, 0]`,
:math:`\psi = f[\lambda, 0, 0]`). Divided differences of the exponential are computed

* where the nodes are close on the time scale (spread :math:`\cdot\,\tau \le 1`) by the series
  around their mean :math:`\mu`, :math:`f[z_1..z_p] = e^{\mu\tau}\sum_q c_q \tau^q/q!` with
  :math:`c_q = (Z^q)_{p1}` for the bidiagonal Opitz matrix :math:`Z` of the centred nodes
  (the complete homogeneous symmetric polynomials), truncated where :math:`1/n! < 10^{-19}`;
* elsewhere by the recurrence :math:`f[A] = (f[A\setminus a] - f[A\setminus b])/(z_b - z_a)`
  over the two furthest nodes, whose distance is then at least :math:`1/\tau`, so each level
  amplifies rounding by at most :math:`1/(1 - e^{-1}) \approx 1.6` for real nodes.

No perturbation of equal rates is involved: equal nodes are simply the series with zero spread
(:math:`f[\lambda,\lambda] = \tau e^{\lambda\tau}`), exact to rounding.

References: McCurdy, Ng & Parlett (1984) Math. Comp. 43:501-528 (accurate divided differences
of the exponential); Higham (2008) *Functions of Matrices*, SIAM, ch. 4 and 9.
"""

from __future__ import annotations

import math

import numpy as np

#: Nodes whose spread times tau is at most this use the series; others the recurrence.
SERIES_RADIUS = 1.0
#: Series terms beyond the leading one: SERIES_RADIUS**n / n! < 1e-19 for n >= this.
SERIES_TERMS = 22
#: tau is capped here inside the series tables so tau**q / q! cannot overflow (h).
_TAU_CAP = 1e10


def affine_scan(a, c, matrix: bool = False):
    r"""All :math:`y_k = a_k y_{k-1} + c_k` (:math:`y_{-1} = 0`) along axis 1, by doubling.

    Hillis-Steele prefix scan: :math:`\lceil\log_2 E\rceil` vectorised steps instead of a Python
    loop over the E segments. ``a`` multiplies elementwise, or as (..., m, m) matrices with
    ``matrix=True``. For decaying modes :math:`|a_k| \le 1`, so products cannot overflow.
    """
    y = np.array(c, copy=True)
    a = np.array(a, copy=True)
    E = y.shape[1]
    d = 1
    while d < E:
        if matrix:
            y[:, d:] = (a[:, d:] @ y[:, :-d, :, None])[..., 0] + y[:, d:]
            if 2 * d < E:
                a[:, d:] = a[:, d:] @ a[:, :-d]
        else:
            y[:, d:] = a[:, d:] * y[:, :-d] + y[:, d:]
            if 2 * d < E:
                a[:, d:] = a[:, d:] * a[:, :-d]
        d *= 2
    return y


# ----- divided differences of z -> exp(z tau) ---------------------------------------------------

def _node_sets(m: int, zeros: int):
    """Node sets (bitmask of eigenvalue indices, number of nodes at 0), smallest first."""
    sets = [(mask, nz) for nz in range(zeros + 1) for mask in range(1 << m) if mask or nz]
    return sorted(sets, key=lambda s: (bin(s[0]).count("1") + s[1], s))


def _members(mask: int, nz: int, m: int) -> list[int]:
    return [i for i in range(m) if mask >> i & 1] + [m] * nz


def divided_differences(lam: np.ndarray, tau: np.ndarray, zeros: int) -> dict:
    r"""``{(mask, nz): f[nodes]}`` for :math:`f(z) = e^{z\tau}`, each of shape (S, N).

    ``lam`` (S, m) are the eigenvalues, ``tau`` (N,) the step lengths (h, >= 0); the node set
    is the eigenvalues in ``mask`` plus ``nz`` <= ``zeros`` nodes at 0.
    """
    S, m = lam.shape
    ext = np.concatenate([lam, np.zeros((S, 1), lam.dtype)], axis=1)
    n_max = m + zeros
    Q = n_max + SERIES_TERMS
    tau_c = np.minimum(tau, _TAU_CAP)
    ratios = np.empty((tau.size, Q))
    ratios[:, 0] = 1.0
    ratios[:, 1:] = tau_c[:, None] / np.arange(1, Q)
    powers = np.cumprod(ratios, axis=1)  # tau^q / q!
    rows = np.arange(S)
    out = {}
    for key in _node_sets(m, zeros):
        idx = _members(*key, m)
        p = len(idx)
        z = ext[:, idx]
        if p == 1:
            out[key] = np.exp(np.multiply.outer(z[:, 0], tau))
            continue
        dist = np.abs(z[:, :, None] - z[:, None, :])
        spread = dist.reshape(S, -1).max(axis=1)
        valid = spread[:, None] * tau[None, :] <= SERIES_RADIUS
        mu = z.mean(axis=1)
        eps = z - mu[:, None]
        # c_q = (Z^q)_{p-1, 0} with Z = diag(eps) + subdiagonal ones: Z^{p-1} gives c = 1 (the
        # leading term, kept exact for any tau), higher powers the corrections
        v = np.zeros((S, p), z.dtype)
        v[:, 0] = 1.0
        coef = np.zeros((S, Q), z.dtype)
        for q in range(Q):
            coef[:, q] = v[:, p - 1]
            nxt = eps * v
            nxt[:, 1:] += v[:, :-1]
            v = nxt
        lead = tau ** (p - 1) / math.factorial(p - 1)
        with np.errstate(over="ignore", invalid="ignore"):
            series = coef[:, p:] @ powers[:, p:].T
            series += lead
            series *= np.exp(np.multiply.outer(mu, tau))
        if valid.all():
            out[key] = series
            continue
        far = dist.reshape(S, -1).argmax(axis=1)
        a, b = np.divmod(far, p)
        without = np.stack([out[_drop(key, idx, j, m)] for j in range(p)], axis=1)  # (S, p, N)
        with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
            rec = (without[rows, a] - without[rows, b]) / (z[rows, b] - z[rows, a])[:, None]
        out[key] = np.where(valid, series, rec)
    return out


def _drop(key, idx, j, m):
    """The node set ``key`` without its ``j``-th member."""
    mask, nz = key
    return (mask, nz - 1) if idx[j] == m else (mask & ~(1 << idx[j]), nz)


# ----- the triangular form -------------------------------------------------------------------------

def _downstream_order(pattern: np.ndarray):
    """State order putting K in block upper triangular form, and its diagonal blocks.

    ``pattern[i, j]`` is True where state j flows into state i. A state reaches fewer states
    than anything upstream of it, so sorting by the size of the reachable set (then by the
    strongly connected component) puts targets before sources and keeps each component contiguous.
    """
    m = pattern.shape[0]
    reach = (pattern | np.eye(m, dtype=bool)).astype(int)
    for _ in range(m.bit_length() + 1):
        reach = ((reach @ reach) > 0).astype(int)
    reach = reach.astype(bool)  # reach[i, j]: i is reachable from j
    component = [min(i for i in range(m) if reach[i, j] and reach[j, i]) for j in range(m)]
    order = sorted(range(m), key=lambda j: (int(reach[:, j].sum()), component[j], j))
    blocks, start = [], 0
    for pos in range(1, m + 1):
        if pos == m or component[order[pos]] != component[order[start]]:
            blocks.append((start, pos))
            start = pos
    return order, blocks


def triangularize(K: np.ndarray):
    """``U, T`` with ``K = U T U^H``, ``U`` unitary and ``T`` upper triangular, for each of S subjects."""
    S, m, _ = K.shape
    pattern = np.any(K != 0, axis=0) & ~np.eye(m, dtype=bool)
    order, blocks = _downstream_order(pattern)
    Kp = K[:, order][:, :, order]
    Q = np.zeros((S, m, m), complex)
    complex_needed = False
    for start, stop in blocks:
        if stop - start == 1:
            Q[:, start, start] = 1.0
            continue
        from scipy.linalg import rsf2csf, schur  # lazily: only a block with a peripheral needs it

        for s in range(S):
            Tb, Zb = schur(Kp[s, start:stop, start:stop], output="real")
            if np.any(np.diag(Tb, -1)):  # a complex pair: the complex triangular form
                Tb, Zb = rsf2csf(Tb, Zb)
                complex_needed = True
            Q[s, start:stop, start:stop] = Zb
    if not complex_needed:
        Q = Q.real.copy()
    T = np.triu(np.swapaxes(Q, 1, 2).conj() @ Kp @ Q)
    U = np.empty_like(Q)
    U[:, order, :] = Q
    return U, T


class TriangularPart:
    r"""Subjects with (nearly) coinciding rate constants: propagation in the triangular form.

    With :math:`z = U^H x`, over a step :math:`\tau` from a segment start
    :math:`z(\tau) = F z_k + G w_k` and :math:`\int_0^\tau z = G z_k + H w_k`, where
    :math:`F = e^{T\tau}`, :math:`G = \int_0^\tau e^{Ts}ds`, :math:`H = \int_0^\tau G` are path
    sums of divided differences (module docstring). Each node set :math:`B` of eigenvalue
    indices is exactly one path (from its smallest to its largest index), with weight
    :math:`\omega_B = \prod T_{b_l b_{l+1}}`.
    """

    def __init__(self, K: np.ndarray, ev, has_input: bool):
        U, T = triangularize(K)
        S, m, _ = K.shape
        self.U, self.m, self.has_input = U, m, has_input
        self.lam = np.diagonal(T, axis1=1, axis2=2).copy()
        members = [_members(mask, 0, m) for mask in range(1, 1 << m)]
        self.first = np.array([b[0] for b in members])
        self.last = np.array([b[-1] for b in members])
        omega = np.ones((S, len(members)), T.dtype)
        for j, b in enumerate(members):
            for i, i2 in zip(b[:-1], b[1:]):
                omega[:, j] *= T[:, i, i2]
        self.omega = omega
        self.to_first = (self.first[:, None] == np.arange(m)).astype(float)  # (paths, m)
        uh = np.swapaxes(U, 1, 2).conj()
        bz = np.einsum("sij,ej->sei", uh, ev.bolus)
        self.w = np.einsum("sij,ej->sei", uh, ev.rate) if has_input else None
        J = np.zeros_like(bz)
        if ev.starts.size > 1:
            steps, inverse = np.unique(np.diff(ev.starts), return_inverse=True)
            D = divided_differences(self.lam, steps, 2 if has_input else 1)
            F, G = self._matrix(D, 0)[:, inverse], self._matrix(D, 1)[:, inverse]
            a = np.zeros(bz.shape + (m,), F.dtype)
            a[:, 1:] = F
            c = bz.copy()
            if has_input:
                c[:, 1:] += (G @ self.w[:, :-1, :, None])[..., 0]
            z = affine_scan(a, c, matrix=True)
            inc = (G @ z[:, :-1, :, None])[..., 0]
            if has_input:
                inc += (self._matrix(D, 2)[:, inverse] @ self.w[:, :-1, :, None])[..., 0]
            np.cumsum(inc, axis=1, out=J[:, 1:])
        else:
            z = bz
        self.z, self.J = z, J

    def _matrix(self, D, nz):
        """(S, n_tau, m, m) matrix function from the divided differences with ``nz`` zero nodes."""
        S, m = self.lam.shape
        d = np.stack([D[(mask, nz)] for mask in range(1, 1 << m)], axis=1) * self.omega[:, :, None]
        out = np.zeros((S, d.shape[2], m, m), d.dtype)
        for j, (i, i2) in enumerate(zip(self.first, self.last)):
            out[:, :, i, i2] += d[:, j]
        return out

    def _apply(self, D, nz, vec, rows):
        """sum over paths B of omega_B f[B (+ nz zeros)] vec[last B], into component first B: (S, N, m)."""
        m = self.m
        d = np.stack([D[(mask, nz)] for mask in range(1, 1 << m)], axis=2)  # (S, N, paths)
        d *= self.omega[rows, None, :]
        d *= vec[:, :, self.last]
        return d @ self.to_first

    def evaluate(self, k, tau, integral, rows=slice(None)):
        zeros = max(1 if self.has_input else 0, (2 if self.has_input else 1) if integral else 0)
        D = divided_differences(self.lam[rows], tau, zeros)
        zk = self.z[rows, k]
        out = self._apply(D, 0, zk, rows)
        if self.has_input:
            wk = self.w[rows, k]
            out += self._apply(D, 1, wk, rows)
        ut = np.swapaxes(self.U[rows], 1, 2)
        x = (out @ ut).real
        integ = None
        if integral:
            im = self._apply(D, 1, zk, rows) + self.J[rows, k]
            if self.has_input:
                im += self._apply(D, 2, wk, rows)
            integ = (im @ ut).real
        return x, integ
