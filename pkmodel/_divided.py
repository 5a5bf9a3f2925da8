r"""Divided differences of :math:`z \mapsto e^{z\tau}` over many times at once, and the affine
prefix scan of the dose-event recurrence: the numerical kernels of :mod:`pkmodel._exact`.

Where the nodes are close on the time scale (spread :math:`\cdot\,\tau \le 1`) the series
around their mean is used, :math:`f[z_1..z_p] = e^{\mu\tau}\sum_q c_q \tau^q/q!` with
:math:`c_q = (Z^q)_{p1}` for the bidiagonal Opitz matrix :math:`Z` of the centred nodes;
elsewhere the recurrence :math:`f[A] = (f[A\setminus a] - f[A\setminus b])/(z_b - z_a)` over
the two furthest nodes. References: McCurdy, Ng & Parlett (1984) Math. Comp. 43:501-528;
Higham (2008) *Functions of Matrices*, SIAM, ch. 4 and 10.
"""

from __future__ import annotations

import functools
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

def _members(mask: int, nz: int, m: int) -> list[int]:
    return [i for i in range(m) if mask >> i & 1] + [m] * nz


def _within(mask: int, clusters) -> bool:
    return clusters is None or any(mask & ~c == 0 for c in clusters)


@functools.lru_cache(maxsize=32)
def _structure(m: int, zeros: int, clusters: tuple[int, ...] | None = None):
    """Node sets grouped by size (each group ordered by its number of zeros), with row numbers,
    members, and for each member the row of the set without it.

    With ``clusters`` (bitmasks) only sets of eigenvalues within one cluster are made (closed
    under removing a member, so the recurrence stays inside them)."""
    sets = sorted(((mask, nz) for nz in range(zeros + 1) for mask in range(1 << m)
                   if (mask or nz) and _within(mask, clusters)),
                  key=lambda s: (bin(s[0]).count("1") + s[1], s[1], s[0]))
    # rows numbered zeros-count first, so a structure with fewer zeros numbers its sets the same
    row = {key: r for r, key in enumerate(sorted(sets, key=lambda s: (s[1], bin(s[0]).count("1"), s[0])))}
    levels = []
    for p in range(1, m + zeros + 1):
        keys = [k for k in sets if len(_members(*k, m)) == p]
        if not keys:
            break
        idx = np.array([_members(*k, m) for k in keys])
        drop = np.array([[row[_drop(k, list(i), j, m)] for j in range(p)] for k, i in zip(keys, idx)]) if p > 1 else None
        nz = np.array([k[1] for k in keys])
        counts = [int(np.sum(nz <= z)) for z in range(zeros + 1)]
        levels.append((p, np.array([row[k] for k in keys]), idx, drop, counts))
    # the Opitz matrices' subdiagonal ones for all sets of two or more nodes, padded to P nodes
    P = levels[-1][0]
    big = [lv for lv in levels if lv[0] > 1]
    link = np.zeros((sum(lv[1].size for lv in big), P, P))
    at = 0
    for p, rws, *_ in big:
        link[at:at + rws.size, np.arange(1, p), np.arange(p - 1)] = 1.0
        at += rws.size
    return row, levels, link


@functools.lru_cache(maxsize=16)
def _eye(P: int) -> np.ndarray:
    return np.eye(P)


class DividedDifferences:
    r"""Divided differences of :math:`f(z) = e^{z\tau}` over every node set, for many :math:`\tau` at once.

    ``lam`` (S, m) are the eigenvalues of S subjects; the node sets are the eigenvalues in a
    bitmask plus up to ``zeros`` nodes at 0 (:meth:`row` maps ``(mask, nz)`` to a row). All that
    depends on the nodes only (centres, spreads, series coefficients, which pair the recurrence
    splits) is computed once here; :meth:`__call__` then costs a few array operations per
    node-set size.
    """

    def __init__(self, lam: np.ndarray, zeros: int, clusters: tuple[int, ...] | None = None):
        S, m = lam.shape
        self.zeros = zeros
        self._row, structure, link = _structure(m, zeros, clusters)
        self.n_rows = len(self._row)
        P = link.shape[1]  # the largest node set
        self.Q = Q = P + SERIES_TERMS
        ext = np.concatenate([lam, np.zeros((S, 1), lam.dtype)], axis=1)
        # series coefficients of all sets of two or more nodes at once: c_q = (Z^q)_{p-1,0} for
        # Z = diag(eps) + subdiagonal ones, each set padded to P nodes (padding disconnected),
        # Krylov vectors Z^q e_0 by doubling (Z, Z^2, Z^4, ...)
        big = [lv for lv in structure if lv[0] > 1]
        n_sets = sum(lv[1].size for lv in big)
        eps = np.zeros((S, n_sets, P), lam.dtype)
        rows = np.arange(S)[:, None]
        self.levels = [(1, structure[0][1], ext[:, structure[0][2][:, 0]], structure[0][4], None)]
        at = 0
        pending = []
        for p, rws, idx, drop, counts in big:
            L = rws.size
            z = ext[:, idx]  # (S, L, p)
            mu = z.mean(axis=2)
            eps[:, at:at + L, :p] = z - mu[..., None]
            dist = np.abs(z[..., :, None] - z[..., None, :]).reshape(S, L, p * p)
            a, b = np.divmod(dist.argmax(axis=2), p)
            cols = np.arange(L)[None, :]
            numeric = {"spread": dist.max(axis=2), "mu": mu, "dz": z[rows, cols, b] - z[rows, cols, a],
                       "without_a": drop[cols, a], "without_b": drop[cols, b]}
            pending.append((p, rws, counts, numeric, at))
            at += L
        if n_sets:
            Z = link + eps[..., None] * _eye(P)  # (S, n_sets, P, P)
            krylov = np.zeros((S, n_sets, P, 1), lam.dtype)
            krylov[..., 0, 0] = 1.0
            power = Z
            while krylov.shape[-1] < Q:
                krylov = np.concatenate([krylov, power @ krylov], axis=-1)
                power = power @ power
        for p, rws, counts, numeric, at in pending:
            L = rws.size
            # q < p-1 gives 0 and q = p-1 gives 1 (the leading term, added exactly): keep q >= p
            numeric["coef"] = np.ascontiguousarray(krylov[:, at:at + L, p - 1, p:Q])
            self.levels.append((p, rws, None, counts, numeric))

    def row(self, mask: int, nz: int) -> int:
        """Row of node set (mask, nz) in the array :meth:`__call__` returns."""
        return self._row[(mask, nz)]

    def __call__(self, tau: np.ndarray, rows=slice(None), zeros: int | None = None) -> np.ndarray:
        """(S', n_rows, N) divided differences at step lengths ``tau`` (h) for subjects ``rows``.

        With ``zeros`` only node sets with at most that many zero nodes are filled in.
        """
        zeros = self.zeros if zeros is None else zeros
        _, rws, z0, counts, _ = self.levels[0]
        n = counts[zeros]
        z0 = z0[rows, :n]
        out = np.empty(z0.shape[:1] + (self.n_rows, tau.size), z0.dtype)
        out[:, rws[:n]] = np.exp(z0[..., None] * tau)
        sub = np.arange(out.shape[0])[:, None]
        tau_max = float(tau.max()) if tau.size else 0.0
        for p, rws, _, counts, num in self.levels[1:]:
            n = counts[zeros]
            if not n:
                continue
            spread = num["spread"][rows, :n]
            # sets whose series holds at every tau, for every subject
            close = spread.max(axis=0) * tau_max <= SERIES_RADIUS
            if close.all():
                out[:, rws[:n]] = self._series(p, num, rows, slice(None, n), tau, float(spread.max()))
                continue
            res = np.empty(out.shape[:1] + (n, tau.size), out.dtype)
            if close.any():
                sel = np.flatnonzero(close)
                res[:, sel] = self._series(p, num, rows, sel, tau, float(spread[:, sel].max()))
            if not close.all():
                sel = np.flatnonzero(~close)
                with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
                    rec = out[sub, num["without_a"][rows][:, sel]] - out[sub, num["without_b"][rows][:, sel]]
                    rec /= num["dz"][rows][:, sel, None]
                # the series where the nodes are close on the scale of tau: only short steps
                cols = np.flatnonzero(tau * float(spread[:, sel].min()) <= SERIES_RADIUS)
                if cols.size:
                    near = self._series(p, num, rows, sel, tau[cols], float(spread[:, sel].max()))
                    valid = spread[:, sel, None] * tau[cols] <= SERIES_RADIUS
                    rec[..., cols] = np.where(valid, near, rec[..., cols])
                res[:, sel] = rec
            out[:, rws[:n]] = res
        return out

    def _series(self, p, num, rows, sel, tau, spread):
        """e^{mu tau} (tau^{p-1}/(p-1)! + sum_q c_q tau^q/q!) for the sets ``sel`` of a level."""
        tau_max = float(tau.max()) if tau.size else 0.0
        r = min(SERIES_RADIUS, spread * tau_max)
        terms = next((j for j in range(1, self.Q - p + 1) if r ** j / math.factorial(j) < 1e-19), self.Q - p)
        capped = np.minimum(tau, _TAU_CAP) if tau_max > _TAU_CAP else tau
        powers = np.empty((p + terms, tau.size))  # tau^q / q!, row by row (np.cumprod along
        powers[0] = 1.0                           # axis 0 is an order of magnitude slower)
        for q in range(1, p + terms):
            np.multiply(powers[q - 1], capped, out=powers[q])
            powers[q] /= q
        coef = num["coef"][rows][:, sel, :terms]
        with np.errstate(over="ignore", invalid="ignore"):
            if terms <= 4:  # a few terms: broadcasting beats a matrix product with a short inner axis
                series = coef[..., 0, None] * powers[p]
                for q in range(1, terms):
                    series += coef[..., q, None] * powers[p + q]
            else:
                series = coef @ powers[p:]
            series += powers[p - 1] if tau_max <= _TAU_CAP else tau ** (p - 1) / math.factorial(p - 1)
            series *= np.exp(num["mu"][rows][:, sel, None] * tau)
        return series


def _drop(key, idx, j, m):
    """The node set ``key`` without its ``j``-th member."""
    mask, nz = key
    return (mask, nz - 1) if idx[j] == m else (mask & ~(1 << idx[j]), nz)
