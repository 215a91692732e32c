"""``python -m venue_ready.cli``: the same as ``python -m venue_ready`` and ``venue-ready``."""

from . import program

program()
