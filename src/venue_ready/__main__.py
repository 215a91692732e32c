"""``python -m venue_ready``: the same as the ``venue-ready`` command."""

import sys

from .cli import main

sys.exit(main())
