"""The version of venue_ready, read by hatch at build time and by the CLI at run time."""

__version__ = "0.1.0"
