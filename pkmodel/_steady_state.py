r"""Cancellation-free pieces of the one-compartment steady-state formulas (for :mod:`pkmodel.formulas`).

The textbook forms of the oral steady state (Gibaldi & Perrier, multiple dosing with first-order
absorption) overflow for large :math:`k_a\tau`, give ``nan`` for weekly dosing with fast
absorption, and lose digits as :math:`k_a \to k` or :math:`k\tau \to 0`. The functions here
rewrite them so that every exponent is <= 0 and no two large terms are subtracted; they take
and return floats or arrays and make no input checks (the caller does).
"""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np


def phi(z):
    r""":math:`\varphi(z) = (1 - e^{-z})/z` for z >= 0, with :math:`\varphi(0) = 1` (``expm1``: no cancellation)."""
    z = np.asarray(z, dtype=float)
    safe = np.where(z == 0, 1.0, z)
    return np.where(z == 0, 1.0, -np.expm1(-safe) / safe)


def log1p_ratio(x):
    """log1p(x)/x, equal to 1 at x = 0."""
    x = np.asarray(x, dtype=float)
    safe = np.where(x == 0, 1.0, x)
    return np.where(x == 0, 1.0, np.log1p(safe) / safe)


def _bernoulli_even(n_max: int) -> list[Fraction]:
    """B_0, B_2, ..., B_{2 n_max} exactly (Akiyama–Tanigawa)."""
    size = 2 * n_max + 1
    a = [Fraction(0)] * (size + 1)
    out = []
    for m in range(size + 1):
        a[m] = Fraction(1, m + 1)
        for j in range(m, 0, -1):
            a[j - 1] = j * (a[j - 1] - a[j])
        if m % 2 == 0:
            out.append(a[0])
    return out[: n_max + 1]


#: Taylor coefficients of :math:`M(u) = \ln(\sinh u / u) = \sum_{n \ge 1} c_n u^{2n}`,
#: :math:`c_n = 2^{2n} B_{2n} / (2n\,(2n)!)`; 16 terms give full double precision for u <= 0.7
#: (the series converges for |u| < pi; the 17th term is below 1e-19 of the sum there).
_M_COEFFS = np.array([float(Fraction(2 ** (2 * n)) * b / (2 * n * math.factorial(2 * n)))
                      for n, b in enumerate(_bernoulli_even(16)) if n >= 1])
_SERIES_MAX = 0.7


def _n_value(u):
    r""":math:`N(u) = u - \ln(\sinh u/u)`, u >= 0: the series below 0.7, else :math:`\ln 2u - \ln(1 - e^{-2u})`."""
    u = np.asarray(u, dtype=float)
    small = np.minimum(u, _SERIES_MAX)
    u2 = small * small
    series = small - u2 * np.polyval(_M_COEFFS[::-1], u2)
    large = np.maximum(u, _SERIES_MAX)
    return np.where(u <= _SERIES_MAX, series, np.log(2.0 * large) - np.log1p(-np.exp(-2.0 * large)))


def n_divided_difference(x, y):
    r"""The divided difference :math:`(N(x) - N(y))/(x - y)` (:math:`N'(x)` at x = y), accurate to rounding.

    Three regimes, each free of cancellation: both arguments <= 0.7, the Taylor series of
    :math:`M = u - N` differenced term by term (:math:`(x^m - y^m)/(x - y) = \sum_j x^j y^{m-1-j}`,
    all positive); both >= 0.5, :math:`N = \ln 2u - \ln(1 - e^{-2u})` differenced with ``log1p`` and
    ``expm1``; otherwise the arguments differ by a factor > 1.4 and the plain difference is used.
    """
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    hi = np.maximum(x, y)
    lo = np.minimum(x, y)
    # (1) both small: 1 - sum_n c_n (hi^{2n} - lo^{2n})/(hi - lo)
    hs, ls = np.minimum(hi, _SERIES_MAX), np.minimum(lo, _SERIES_MAX)
    power_sum = np.ones_like(hs)  # S_m = sum_{j=0}^{m} hs^j ls^(m-j), S_0 = 1
    lo_power = np.ones_like(ls)
    dd_m = np.zeros_like(hs)
    for n, c in enumerate(_M_COEFFS, start=1):
        for m in (2 * n - 1, 2 * n):
            lo_power = lo_power * ls
            power_sum = hs * power_sum + lo_power
            if m == 2 * n - 1:
                dd_m = dd_m + c * power_sum
    series = 1.0 - dd_m
    # (2) both large: [log1p(h/lo) - log1p(w)] / h with w = e^{-2 lo}(1 - e^{-2h})/(1 - e^{-2 lo})
    lo_l = np.maximum(lo, 0.5)
    h = hi - lo
    w_over_h = 2.0 * np.exp(-2.0 * lo_l) * phi(2.0 * h) / (-np.expm1(-2.0 * lo_l))
    logs = log1p_ratio(h / lo_l) / lo_l - log1p_ratio(w_over_h * h) * w_over_h
    # (3) well apart
    apart = (_n_value(hi) - _n_value(lo)) / np.where(h == 0, 1.0, h)
    return np.where(hi <= _SERIES_MAX, series, np.where(lo >= 0.5, logs, apart))


def oral_ss_shape(t, k, ka, tau):
    r"""The bracket of the steady-state oral concentration, as a sum of two non-negative terms.

    With :math:`l = \min(k, k_a)`, :math:`h = \max(k, k_a)`, :math:`\delta = |k_a - k|` and
    :math:`q(s) = (1 - e^{-\delta s})/\delta` (:math:`= s` at :math:`\delta = 0`):

    .. math::

        \frac{1}{k_a - k}\left[\frac{e^{-kt}}{1 - e^{-k\tau}} - \frac{e^{-k_a t}}{1 - e^{-k_a\tau}}\right]
        = \frac{e^{-l t}\, q(t) + e^{-h t - l\tau}\, q(\tau - t)}{(1 - e^{-k\tau})(1 - e^{-k_a\tau})}

    Every exponent is <= 0 and nothing cancels, for any :math:`k_a`, :math:`k`, :math:`\tau`.
    Returned without the denominator: the caller divides.
    """
    lo = np.minimum(k, ka)
    hi = np.maximum(k, ka)
    delta = hi - lo

    def q(s):
        return s * phi(delta * s)

    return np.exp(-lo * t) * q(t) + np.exp(-hi * t - lo * tau) * q(tau - t)
