"""Control values and the readout table: what ``Dashboard.set`` accepts, and how the readout renders.

``checked_control_value`` is the one place that says which values a control takes: a slider's
range and step, a checkbox's True/False, a selection's options. Nothing is clamped; a value the
control would not take is an error naming the control, the value and what it accepts.
"""

from __future__ import annotations

import difflib  # imported here, not at the first set(): that import cost the first move 15 ms
import math
from numbers import Real


def control_options(w) -> list:
    """The values a selection widget accepts (options may be plain values or (label, value) pairs)."""
    return [o[1] if isinstance(o, tuple) and len(o) == 2 else o for o in w.options]


def checked_control_value(controls: dict, name: str, value):
    """``value`` if control ``name`` would take it unchanged; else a clear error (nothing clamped)."""
    import ipywidgets as W

    if name not in controls:
        close = difflib.get_close_matches(str(name), list(controls), n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        raise ValueError(f"unknown control {name!r}{hint}; this dashboard has {list(controls)}")
    w = controls[name]
    if isinstance(w, (W.FloatSlider, W.IntSlider)):
        integer = isinstance(w, W.IntSlider)
        kind = "a whole number" if integer else "a number"
        allowed = f"{kind} from {w.min:g} to {w.max:g} in steps of {w.step:g}"
        if not isinstance(value, Real) or isinstance(value, bool):
            raise TypeError(f"control {name!r} takes {allowed}; got {value!r} ({type(value).__name__})")
        v = float(value)
        steps = (v - w.min) / w.step if math.isfinite(v) else math.nan
        whole = not integer or v == int(v) if math.isfinite(v) else False
        if not (w.min <= v <= w.max) or not whole or abs(steps - round(steps)) > 1e-9 * max(1.0, abs(steps)):
            raise ValueError(f"control {name!r} takes {allowed}; got {value!r}")
        return int(v) if integer else v
    if isinstance(w, (W.Checkbox, W.ToggleButton)):
        if not isinstance(value, bool):
            raise TypeError(f"control {name!r} takes True or False; got {value!r} ({type(value).__name__})")
        return value
    if hasattr(w, "options"):
        options = control_options(w)
        if value not in options or isinstance(value, bool) != any(isinstance(o, bool) and o == value
                                                                  for o in options):
            raise ValueError(f"control {name!r} takes one of {options!r}; got {value!r}")
        return value
    raise TypeError(f"control {name!r} ({type(w).__name__}) cannot be set from Python")


def table_html(rows, caption: str = "") -> str:
    """The readout table: 13 px at line height 1.35 (ipywidgets' HTML sets 28 px, which made a
    six-row table taller than a projector's screen); values never wrap, labels may."""
    if not rows:
        return ""
    head, *rows = rows
    th = "".join(f"<th style='text-align:left;padding:1px 3px'>{h}</th>" for h in head)
    # values never wrap inside a cell (a "31 → 86" split over two lines reads as two rows)
    trs = "".join("<tr>" + "".join(f"<td style='padding:1px 3px{'' if i == 0 else ';white-space:nowrap'}'>{c}</td>"
                                   for i, c in enumerate(r)) + "</tr>" for r in rows)
    cap = f"<caption style='text-align:left;padding:0 4px'>{caption}</caption>" if caption else ""
    return (f"<table style='font-size:13px;line-height:1.35;border-collapse:collapse'>{cap}"
            f"<tr>{th}</tr>{trs}</table>")
