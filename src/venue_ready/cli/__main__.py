"""``python -m venue_ready.cli``: the same as ``python -m venue_ready`` and ``venue-ready``."""

import sys

from . import main

sys.exit(main())
