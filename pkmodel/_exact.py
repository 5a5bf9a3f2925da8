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

Only clusters of near-equal eigenvalues need the path sums: :func:`block_diagonalize` splits
:math:`T = Y D Y^{-1}` (unit upper triangular :math:`Y`, :math:`D` zero between clusters) when
:math:`Y` is well conditioned, so well-separated modes (an oral depot, a peripheral
compartment) stay diagonal and only node sets within a cluster are formed.

No perturbation of equal rates is involved: equal nodes are simply the series with zero spread
(:math:`f[\lambda,\lambda] = \tau e^{\lambda\tau}`), exact to rounding.

References: McCurdy, Ng & Parlett (1984) Math. Comp. 43:501-528 (accurate divided differences
of the exponential); Higham (2008) *Functions of Matrices*, SIAM, ch. 4 and 9.
"""

from __future__ import annotations

import functools

import numpy as np

from ._divided import DividedDifferences, _members, _structure, _within, affine_scan  # noqa: F401  (re-exported)

#: Splitting the triangular form (:func:`block_diagonalize`): clusters link eigenvalues closer
#: than this relative gap, and the split is used only if cond(Y) stays below SPLIT_CONDITION.
#: Stricter than the eigen path's limits (1e-2, 1e3): at 1e-2 / 1e3 a 4-species chain with a
#: peripheral compartment showed 1.7e-9 relative error in a small downstream compartment (the
#: modes' cancellation at early times); with well-separated modes (an oral depot ~100x faster)
#: the split costs no accuracy.
SPLIT_GAP = 0.5
SPLIT_CONDITION = 100.0


# ----- the triangular form -------------------------------------------------------------------------

def _downstream_order(pattern: np.ndarray):
    return _downstream_order_cached(pattern.shape[0], pattern.tobytes())


@functools.lru_cache(maxsize=64)
def _downstream_order_cached(m: int, pattern_bytes: bytes):
    """State order putting K in block upper triangular form, and its diagonal blocks.

    ``pattern[i, j]`` is True where state j flows into state i. A state reaches fewer states
    than anything upstream of it, so sorting by the size of the reachable set (then by the
    strongly connected component) puts targets before sources and keeps each component contiguous.
    """
    pattern = np.frombuffer(pattern_bytes, dtype=bool).reshape(m, m)
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


def _clusters(lam: np.ndarray, gap_limit: float) -> tuple[int, ...]:
    """Bitmasks of the eigenvalue indices linked by a relative gap below ``gap_limit`` in any subject."""
    S, m = lam.shape
    parent = list(range(m))

    def root(i):
        while parent[i] != i:
            i = parent[i]
        return i

    scale = np.maximum(np.abs(lam[:, :, None]), np.abs(lam[:, None, :]))
    with np.errstate(divide="ignore", invalid="ignore"):
        near = ~(np.abs(lam[:, :, None] - lam[:, None, :]) >= gap_limit * scale)  # NaN counts as near
    near = near.any(axis=0)
    for i in range(m):
        for j in range(i + 1, m):
            if near[i, j]:
                parent[root(j)] = root(i)
    masks = {}
    for i in range(m):
        masks[root(i)] = masks.get(root(i), 0) | 1 << i
    return tuple(sorted(masks.values()))


def block_diagonalize(T: np.ndarray, gap_limit: float, condition_limit: float):
    r"""Split the triangular :math:`T` into clusters of near-equal eigenvalues: :math:`T = Y D Y^{-1}`.

    :math:`Y` is unit upper triangular and :math:`D` upper triangular with :math:`D_{ij} = 0`
    wherever :math:`\lambda_i, \lambda_j` lie in different clusters (relative gap
    >= ``gap_limit``), so functions of :math:`D` need divided differences only over node sets
    within a cluster. Column by column, from :math:`TY = YD` (the Parlett recurrence of
    Bavely & Stewart's block diagonalisation, Higham 2008, sec. 4.6):
    :math:`Y_{ij} = (\sum_{i<k<j} Y_{ik}D_{kj} - \sum_{i<k\le j} T_{ik}Y_{kj}) / (T_{ii} - T_{jj})`
    across clusters, :math:`D_{ij} = \sum_{i<k\le j} T_{ik}Y_{kj} - \sum_{i<k<j} Y_{ik}D_{kj}` within.
    Returns ``(Y, Y^{-1}, D, clusters)``, or None when there is only one cluster or when
    :math:`Y` is not well conditioned (cond >= ``condition_limit`` in some subject): then the
    whole triangular form is kept.
    """
    S, m, _ = T.shape
    lam = np.diagonal(T, axis1=1, axis2=2)
    clusters = _clusters(lam, gap_limit)
    if len(clusters) == 1:
        return None
    of = [next(c for c, mask in enumerate(clusters) if mask >> i & 1) for i in range(m)]
    Y = np.zeros_like(T)
    D = np.zeros_like(T)
    idx = np.arange(m)
    Y[:, idx, idx] = 1.0
    D[:, idx, idx] = lam
    with np.errstate(all="ignore"):
        for j in range(1, m):
            for i in range(j - 1, -1, -1):
                ty = (T[:, i, i + 1:j + 1] * Y[:, i + 1:j + 1, j]).sum(axis=1)
                yd = (Y[:, i, i + 1:j] * D[:, i + 1:j, j]).sum(axis=1)
                if of[i] == of[j]:
                    D[:, i, j] = ty - yd
                else:
                    Y[:, i, j] = (yd - ty) / (lam[:, i] - lam[:, j])
        Yinv = np.linalg.inv(Y)
        # ||Y||_F ||Y^-1||_F bounds the 2-norm condition number from above: no SVD needed
        cond = np.sqrt((np.abs(Y) ** 2).sum(axis=(1, 2)) * (np.abs(Yinv) ** 2).sum(axis=(1, 2)))
    if not np.all(np.isfinite(cond) & (cond < condition_limit)):
        return None
    return Y, Yinv, D, clusters


class TriangularPart:
    r"""Subjects with (nearly) coinciding rate constants: propagation in the triangular form.

    With :math:`z = U^H x`, over a step :math:`\tau` from a segment start
    :math:`z(\tau) = F z_k + G w_k` and :math:`\int_0^\tau z = G z_k + H w_k`, where
    :math:`F = e^{T\tau}`, :math:`G = \int_0^\tau e^{Ts}ds`, :math:`H = \int_0^\tau G` are path
    sums of divided differences (module docstring). Each node set :math:`B` of eigenvalue
    indices is exactly one path (from its smallest to its largest index), with weight
    :math:`\omega_B = \prod T_{b_l b_{l+1}}`. With ``gap_limit`` and ``condition_limit`` the
    form is first split by :func:`block_diagonalize` (then ``U`` stands for :math:`UY`, no longer
    unitary, and ``T`` for :math:`D`); only node sets within a cluster, and paths of nonzero
    weight, are kept.
    """

    def __init__(self, K: np.ndarray, ev, has_input: bool, gap_limit: float | None = None,
                 condition_limit: float | None = None):
        U, T = triangularize(K)
        S, m, _ = K.shape
        uh = np.swapaxes(U, 1, 2).conj()
        self.clusters = None
        split = block_diagonalize(T, gap_limit, condition_limit) if gap_limit is not None else None
        if split is not None:  # well-separated modes stay diagonal; only clusters keep paths
            Y, Yinv, T, self.clusters = split
            U, uh = U @ Y, Yinv @ uh
        self.U, self.m, self.has_input = U, m, has_input
        self.lam = np.diagonal(T, axis1=1, axis2=2).copy()
        masks = [mask for mask in range(1, 1 << m) if _within(mask, self.clusters)]
        members = [_members(mask, 0, m) for mask in masks]
        omega = np.ones((S, len(members)), T.dtype)
        for j, b in enumerate(members):
            for i, i2 in zip(b[:-1], b[1:]):
                omega[:, j] *= T[:, i, i2]
        keep = np.flatnonzero(np.any(omega != 0, axis=0))  # a path of weight 0 adds nothing
        self.omega = np.ascontiguousarray(omega[:, keep])
        self.paths = np.array(masks)[keep]
        self.first = np.array([members[j][0] for j in keep])
        self.last = np.array([members[j][-1] for j in keep])
        self.to_first = (self.first[:, None] == np.arange(m)).astype(float)  # (paths, m)
        bz = np.einsum("sij,ej->sei", uh, ev.bolus)
        self.w = np.einsum("sij,ej->sei", uh, ev.rate) if has_input else None
        self._dd = {}
        self._J = self._U_first = None
        self.width = 1 << m  # divided-difference rows per subject and time, typically (bounds the chunks)
        self.steps = self.inverse = None
        self._bz, self._z = bz, None
        if ev.starts.size > 1:
            self.steps, self.inverse = np.unique(np.diff(ev.starts), return_inverse=True)
        else:
            self._z = bz

    @property
    def z(self):
        """State (triangular coordinates) at each segment start, after its bolus: (S, E, m)."""
        if self._z is None:
            self._segment_states(self.dd(1 if self.has_input else 0)(self.steps))
        return self._z

    def _segment_states(self, D):
        r"""The affine scan :math:`z_k = F_{k-1} z_{k-1} + G_{k-1} w_{k-1} + U^H b_k` from the
        divided differences ``D`` at the distinct segment lengths."""
        a = np.zeros(self._bz.shape + (self.m,), self._bz.dtype)
        a[:, 1:] = self._matrix(D, 0)[:, self.inverse]
        c = self._bz.copy()
        if self.has_input:
            c[:, 1:] += (self._matrix(D, 1)[:, self.inverse] @ self.w[:, :-1, :, None])[..., 0]
        self._z = affine_scan(a, c, matrix=True)

    def dd(self, zeros: int) -> DividedDifferences:
        """The divided differences with up to ``zeros`` nodes at 0 (made when first needed)."""
        if zeros not in self._dd:
            self._dd[zeros] = DividedDifferences(self.lam, zeros, self.clusters)
        return self._dd[zeros]

    @property
    def J(self):
        r"""Integral of the state (triangular coordinates) from 0 to each segment start, made on first use:
        :math:`J_k = \sum_{l<k} G_l z_l + H_l w_l`."""
        if self._J is None:
            J = np.zeros_like(self.z)
            if self.steps is not None:
                D = self.dd(2 if self.has_input else 1)(self.steps)
                inc = (self._matrix(D, 1)[:, self.inverse] @ self.z[:, :-1, :, None])[..., 0]
                if self.has_input:
                    inc += (self._matrix(D, 2)[:, self.inverse] @ self.w[:, :-1, :, None])[..., 0]
                np.cumsum(inc, axis=1, out=J[:, 1:])
            self._J = J
        return self._J

    def _rows(self, D, nz):
        row = _structure(self.m, nz, self.clusters)[0]
        return np.array([row[(mask, nz)] for mask in self.paths])

    def _matrix(self, D, nz):
        """(S, n_tau, m, m) matrix function from the divided differences with ``nz`` zero nodes."""
        S, m = self.lam.shape
        d = D[:, self._rows(D, nz)] * self.omega[:, :, None]
        out = np.zeros((S, d.shape[2], m, m), d.dtype)
        for j, (i, i2) in enumerate(zip(self.first, self.last)):
            out[:, :, i, i2] += d[:, j]
        return out

    def _apply(self, D, nz, vec, rows):
        """Per path B: omega_B f[B (+ nz zeros)] vec[last B], (S, paths, N); summed into
        component first B by ``to_first.T`` (here folded into :attr:`U_first`).

        ``vec`` is (S, m, N): the long time axis last, for fast broadcasting.
        """
        d = D[:, self._rows(D, nz)]  # (S, paths, N)
        d *= self.omega[rows, :, None]
        d *= vec[:, self.last]
        return d

    @property
    def U_first(self):
        """``U @ to_first.T``, (S, m, paths): one matrix product maps the path terms to the states."""
        if self._U_first is None:
            self._U_first = self.U @ self.to_first.T
        return self._U_first

    def _at_starts(self, a, k, rows):
        """(S', m, N) values of the (S, E, m) array ``a`` at the segments ``k``."""
        return np.take(np.ascontiguousarray(np.swapaxes(a[rows], 1, 2)), k, axis=2)

    def evaluate(self, k, tau, integral, rows=slice(None)):
        """State and integral in (S', m, N) layout for subjects ``rows``."""
        zeros = max(1 if self.has_input else 0, (2 if self.has_input else 1) if integral else 0)
        if self._z is None and range(self.lam.shape[0])[rows] == range(self.lam.shape[0]):
            # the first evaluation for every subject also yields the segment propagators: one call
            D = self.dd(zeros)(np.concatenate([tau, self.steps]))
            self._segment_states(D[..., tau.size:])
            D = D[..., :tau.size]
        else:
            D = self.dd(zeros)(tau, rows)
        zk = self._at_starts(self.z, k, rows)
        out = self._apply(D, 0, zk, rows)
        if self.has_input:
            wk = self._at_starts(self.w, k, rows)
            out += self._apply(D, 1, wk, rows)
        uf = self.U_first[rows]
        x = (uf @ out).real
        integ = None
        if integral:
            im = self._apply(D, 1, zk, rows)
            if self.has_input:
                im += self._apply(D, 2, wk, rows)
            im = uf @ im
            im += self.U[rows] @ self._at_starts(self.J, k, rows)
            integ = im.real
        return x, integ
