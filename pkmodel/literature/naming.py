"""One helper for every "unknown name" error in the literature layer: list the allowed names and
suggest the closest (:func:`difflib.get_close_matches`)."""

from __future__ import annotations

import difflib


def unknown(what: str, value, allowed) -> ValueError:
    """``ValueError("unknown <what> <value>; choose one of ... (did you mean ...?)")``."""
    allowed = [str(a) for a in allowed]
    text = f"unknown {what} {value!r}; choose one of {', '.join(map(repr, allowed))}"
    if isinstance(value, str):
        close = difflib.get_close_matches(value, allowed, n=2, cutoff=0.5)
        if not close:
            low = {a.lower(): a for a in allowed}
            close = [low[m] for m in difflib.get_close_matches(value.lower(), list(low), n=2, cutoff=0.5)]
        if close:
            text += f" (did you mean {' or '.join(map(repr, close))}?)"
    return ValueError(text)


def text(name: str, value) -> str:
    """A required string parameter; ``TypeError`` naming it otherwise."""
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a string; got {value!r} ({type(value).__name__})")
    return value
