"""Input checks shared by every layer: each error names the parameter, the value and what is allowed."""

from __future__ import annotations

import math
from numbers import Real

import numpy as np


def number(name: str, value, *, low: float = -math.inf, high: float = math.inf,
           low_open: bool = False, high_open: bool = False, allowed: str | None = None) -> float:
    """Return ``value`` as a float if it is a finite real number inside the interval, else raise.

    ``low_open``/``high_open`` exclude the end points. The message reads
    ``"<name> must be <allowed>; got <value>"``.
    """
    lo = "(" if low_open else "["
    hi = ")" if high_open else "]"
    what = allowed or f"a finite number in {lo}{_fmt(low)}, {_fmt(high)}{hi}"
    if isinstance(value, bool) or not isinstance(value, (Real, np.floating, np.integer)):
        raise ValueError(f"{name} must be {what}; got {value!r} ({type(value).__name__})")
    v = float(value)
    if not math.isfinite(v):
        raise ValueError(f"{name} must be {what}; got {v!r}")
    if v < low or (low_open and v == low) or v > high or (high_open and v == high):
        raise ValueError(f"{name} must be {what}; got {v!r}")
    return v


def positive(name: str, value) -> float:
    """A finite number > 0."""
    return number(name, value, low=0.0, low_open=True, allowed="a finite number > 0")


def non_negative(name: str, value) -> float:
    """A finite number >= 0."""
    return number(name, value, low=0.0, allowed="a finite number >= 0")


def fraction(name: str, value, *, zero_ok: bool = False) -> float:
    """A number in (0, 1], or [0, 1] with ``zero_ok``."""
    return number(name, value, low=0.0, high=1.0, low_open=not zero_ok,
                  allowed="a number in [0, 1]" if zero_ok else "a number in (0, 1]")


def choice(name: str, value, options) -> str:
    """One of ``options`` (the message lists them)."""
    options = list(options)
    if value not in options:
        raise ValueError(f"{name} must be one of {', '.join(map(repr, options))}; got {value!r}")
    return value


def times(name: str, values) -> np.ndarray:
    """A 1-D array of finite, non-negative, non-decreasing times in hours."""
    try:
        arr = np.asarray(values, dtype=float)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be a sequence of numbers (hours); got {values!r}") from None
    if arr.ndim == 0:
        arr = arr.reshape(1)
    if arr.ndim != 1 or arr.size == 0:
        raise ValueError(f"{name} must be a non-empty 1-D sequence of times (hours); got shape {arr.shape}")
    bad = ~np.isfinite(arr)
    if bad.any():
        raise ValueError(f"{name} must be finite; got {float(arr[bad][0])!r} at index {int(np.argmax(bad))}")
    if (arr < 0).any():
        i = int(np.argmax(arr < 0))
        raise ValueError(f"{name} must be >= 0 h; got {float(arr[i])!r} at index {i}")
    if arr.size > 1 and (np.diff(arr) < 0).any():
        i = int(np.argmax(np.diff(arr) < 0))
        raise ValueError(f"{name} must be sorted in increasing order; got {float(arr[i])!r} then {float(arr[i + 1])!r} "
                         f"at index {i}")
    return arr


def _fmt(x: float) -> str:
    if x == math.inf:
        return "inf"
    if x == -math.inf:
        return "-inf"
    return f"{x:g}"


def unknown_name(what: str, value, allowed) -> ValueError:
    """The error to raise for a name not in ``allowed``: it lists them and suggests the closest.

    ``raise unknown_name("compartment", "diazepan", model.names)`` reads
    ``unknown compartment 'diazepan'; did you mean 'diazepam'? allowed: ['diazepam', ...]``.
    """
    import difflib

    allowed = list(allowed)
    hint = ""
    if isinstance(value, str):
        close = difflib.get_close_matches(value, [str(a) for a in allowed], n=1)
        if not close:  # a case slip ('NG/ML') is not caught by the ratio above
            close = [a for a in map(str, allowed) if a.lower() == value.lower()][:1]
        if close:
            hint = f"did you mean {close[0]!r}? "
    return ValueError(f"unknown {what} {value!r}; {hint}allowed: {allowed}")
