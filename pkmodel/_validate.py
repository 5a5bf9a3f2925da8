"""Input checks shared by every layer: each error names the parameter, the value and what is allowed.

One dialect: a value of the wrong *type* (``None``, a string, a bool where a number is expected,
a float where an integer is expected) raises ``TypeError``; a value of the right type that is
out of range raises ``ValueError``. Every message reads ``"<name> must be <allowed>; got <value>"``.
Bools are never numbers here (``True`` is refused); numpy integers and floats are accepted.
"""

from __future__ import annotations

import math
from numbers import Integral, Real

import numpy as np


def _is_number(value) -> bool:
    """A real number that is not a bool (numpy scalars included)."""
    if type(value) is float or type(value) is int:  # the common case, without the ABC checks
        return True
    return (not isinstance(value, (bool, np.bool_))
            and isinstance(value, (Real, np.floating, np.integer)))


def _is_integer(value) -> bool:
    """A Python or numpy integer that is not a bool."""
    return not isinstance(value, (bool, np.bool_)) and isinstance(value, (Integral, np.integer))


def number(name: str, value, *, low: float = -math.inf, high: float = math.inf,
           low_open: bool = False, high_open: bool = False, allowed: str | None = None) -> float:
    """Return ``value`` as a float if it is a finite real number inside the interval, else raise.

    ``low_open``/``high_open`` exclude the end points. ``TypeError`` if ``value`` is not a real
    number (``None``, ``str``, ``bool``, ...), ``ValueError`` if it is not finite or outside the
    interval. The message reads ``"<name> must be <allowed>; got <value>"``.
    """
    lo = "(" if low_open else "["
    hi = ")" if high_open else "]"
    what = allowed or f"a finite number in {lo}{_fmt(low)}, {_fmt(high)}{hi}"
    if not _is_number(value):
        raise TypeError(f"{name} must be {what}; got {value!r} ({type(value).__name__})")
    try:
        v = float(value)
    except OverflowError:  # a Python int beyond the float range
        raise ValueError(f"{name} must be {what}; got {value!r} (too large for a float)") from None
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


def integer(name: str, value, *, low: int | None = None, high: int | None = None,
            allowed: str | None = None) -> int:
    """Return ``value`` as a Python int if it is an integer in ``[low, high]``, else raise.

    Python and numpy integers are accepted; bools, floats (even ``3.0``), strings and ``None``
    raise ``TypeError``; integers outside the range raise ``ValueError``.
    """
    if allowed is None:
        if low is not None and high is not None:
            allowed = f"an integer in [{low}, {high}]"
        elif low is not None:
            allowed = f"an integer >= {low}"
        elif high is not None:
            allowed = f"an integer <= {high}"
        else:
            allowed = "an integer"
    if not _is_integer(value):
        raise TypeError(f"{name} must be {allowed}; got {value!r} ({type(value).__name__})")
    v = int(value)
    if (low is not None and v < low) or (high is not None and v > high):
        raise ValueError(f"{name} must be {allowed}; got {_short(v)}")
    return v


def seed(name: str, value) -> int | None:
    """A random seed: ``None`` (fresh entropy) or a non-negative integer (numpy integers too).

    ``TypeError`` for bools, floats, strings; ``ValueError`` for negative integers.
    """
    if value is None:
        return None
    return integer(name, value, low=0, allowed="None or an integer >= 0")


def text(name: str, value, *, allowed: str = "a string") -> str:
    """A ``str`` (``TypeError`` otherwise)."""
    if not isinstance(value, str):
        raise TypeError(f"{name} must be {allowed}; got {value!r} ({type(value).__name__})")
    return value


def choice(name: str, value, options) -> str:
    """One of ``options`` (the message lists them).

    ``TypeError`` if every option is a string and ``value`` is not one (``None``, a number, ...);
    ``ValueError`` if it is the right type but not among the options.
    """
    options = list(options)
    listed = ", ".join(map(repr, options))
    if options and all(isinstance(o, str) for o in options) and not isinstance(value, str):
        raise TypeError(f"{name} must be one of {listed}; got {value!r} ({type(value).__name__})")
    try:
        ok = value in options
    except TypeError:  # e.g. an unhashable or oddly comparing object
        ok = False
    if not ok:
        raise ValueError(f"{name} must be one of {listed}; got {value!r}")
    return value


def sequence_of_numbers(name: str, values, *, allowed: str = "a sequence of numbers") -> np.ndarray:
    """Return ``values`` as a float array if it holds only real numbers, else raise ``TypeError``.

    Refuses ``None``, strings (also inside the sequence), bools and other objects; the values
    themselves (finite, range, shape) are the caller's to check, as ``ValueError``.
    """
    if values is None or isinstance(values, (str, bytes)):
        raise TypeError(f"{name} must be {allowed}; got {values!r} ({type(values).__name__})")
    try:
        arr = np.asarray(values)
    except (TypeError, ValueError):  # ragged nesting and the like
        raise TypeError(f"{name} must be {allowed}; got {values!r}") from None
    # a bool among numbers is upcast silently ([1.0, True] -> [1., 1.]): look at each element
    bad = _first_non_number(values, arr) if arr.dtype.kind not in "iuf" or isinstance(values, (list, tuple)) \
        else values
    if bad is not values or arr.dtype.kind not in "iuf":
        raise TypeError(f"{name} must be {allowed}; got {bad!r} ({type(bad).__name__})"
                        + (f" in {_short(values)}" if bad is not values else ""))
    try:
        return arr.astype(float)
    except OverflowError:  # pragma: no cover - numpy raises this only for object arrays
        raise ValueError(f"{name} must be {allowed}; got a value too large for a float") from None


def times(name: str, values) -> np.ndarray:
    """A 1-D array of finite, non-negative, non-decreasing times in hours."""
    arr = sequence_of_numbers(name, values, allowed="a sequence of numbers (hours)")
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


def _first_non_number(values, arr: np.ndarray):
    """The first element of ``values`` that is not a real number (or ``values`` itself)."""
    if isinstance(values, (list, tuple)):
        for x in values:
            if isinstance(x, (list, tuple)):
                inner = _first_non_number(x, np.asarray(x, dtype=object))
                if inner is not x:
                    return inner
            elif not _is_number(x):
                return _plain(x)
        return values
    if arr.ndim == 0:
        return _plain(arr[()])
    for x in arr.flat:
        if not _is_number(x):
            return _plain(x)
    return _plain(arr.flat[0]) if arr.size else arr


def _plain(x):
    """numpy scalars as the Python value they hold (for readable messages)."""
    return x.item() if isinstance(x, np.generic) else x


def _short(values, limit: int = 60) -> str:
    """``repr`` cut to ``limit`` characters (a huge integer keeps its digit count)."""
    s = repr(values)
    if len(s) <= limit:
        return s
    if isinstance(values, int):
        return f"{s[:20]}... ({len(s.lstrip('-'))} digits)"
    return s[: limit - 3] + "..."


# ----- checks that accept a number or an array of them (closed-form metrics) --------------

def array_check(name: str, value, test, allowed: str):
    """Validate an array elementwise (finite and ``test``); the message names the first bad value."""
    arr = sequence_of_numbers(name, value, allowed=f"{allowed} (or an array of them)")
    ok = np.isfinite(arr) & test(arr)
    if not ok.all():
        bad = arr[~ok].flat[0]
        raise ValueError(f"{name} must be {allowed}; got {bad!r}")
    return arr


def positive_or_array(name: str, value):
    if np.ndim(value) == 0 and not isinstance(value, np.ndarray):
        return positive(name, value)
    return array_check(name, value, lambda a: a > 0, "a finite number > 0")


def open_fraction_or_array(name: str, value):
    allowed = "a number in (0, 1) (both ends excluded)"
    if np.ndim(value) == 0 and not isinstance(value, np.ndarray):
        return number(name, value, low=0.0, high=1.0, low_open=True, high_open=True,
                            allowed=allowed)
    return array_check(name, value, lambda a: (a > 0) & (a < 1), allowed)


def bioavailability_or_array(value):
    if np.ndim(value) == 0 and not isinstance(value, np.ndarray):
        return fraction("bioavailability F", value)
    return array_check("bioavailability F", value, lambda a: (a > 0) & (a <= 1), "a number in (0, 1]")


def scalar_out(x):
    """0-d arrays back to Python floats, so scalar in gives scalar out."""
    return float(x) if np.ndim(x) == 0 else x


def broadcast(**named):
    """Refuse arrays whose shapes do not broadcast together, naming them and their shapes."""
    shapes = {k: np.shape(v) for k, v in named.items()}
    try:
        np.broadcast_shapes(*shapes.values())
    except ValueError:
        names = list(shapes)
        listed = ", ".join(f"{k} {s}" for k, s in shapes.items())
        raise ValueError(f"{', '.join(names[:-1])} and {names[-1]} must have shapes that broadcast "
                         f"together (equal lengths, or single numbers); got shapes {listed}") from None


def finite_out(function: str, outputs: dict, inputs: dict):
    """Raise ``ValueError`` if any output is nan or inf: the inputs lie beyond the float range.

    ``outputs`` and ``inputs`` map names to values (arrays allowed); the message gives the first
    bad output and the inputs at that position.
    """
    for out_name, out in outputs.items():
        arr = np.asarray(out, dtype=float)
        bad = ~np.isfinite(arr)
        if bad.any():
            idx = np.unravel_index(int(np.argmax(bad)), arr.shape) if arr.ndim else ()
            shown = []
            for k, v in inputs.items():
                v = np.asarray(v, dtype=float)
                v = np.broadcast_to(v, arr.shape)[idx] if v.ndim and arr.ndim else v
                shown.append(f"{k} = {float(v)!r}")
            where = f" at index {tuple(int(i) for i in idx)}" if arr.ndim else ""
            given = f" for {', '.join(shown)}" if shown else ""
            raise ValueError(f"{function}: {out_name} is {float(arr[bad].flat[0])!r}{where}, outside "
                             f"the floating-point range{given}; these inputs are beyond what the "
                             f"formula can represent")


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
