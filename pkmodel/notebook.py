"""Small helpers for the notebooks' own cells: the teaching notice and generated references.

Imported by notebooks only (it imports IPython); the maths layers never import it.
"""

from __future__ import annotations

from . import TEACHING_NOTICE
from . import literature as lit


def notice():
    """The teaching-only notice as a Markdown object (for the top of a dashboard)."""
    from IPython.display import Markdown

    return Markdown(f"> **{TEACHING_NOTICE}**")


def references(*keys: str):
    """A numbered Markdown reference list generated from :data:`pkmodel.literature.SOURCES`."""
    from IPython.display import Markdown

    return Markdown(lit.references(list(keys) if keys else None))
