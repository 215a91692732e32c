"""``python -m venue_ready``: the same as the ``venue-ready`` command."""

import gc

# A `check` runs without the cyclic garbage collector, from the first import on: the objects
# the imports create are none of them garbage (cli.program turns it back on for the other
# commands).
gc.disable()

from .cli import program  # noqa: E402 - after the pause, which is the point

program()
