"""venue_ready's own plugins, registered through the ``venue_ready`` entry-point group like any
third party's, so they are listed (``venue-ready plugins``) and blocked (``-p no:NAME``) the
same way.

- :mod:`.checklist`: every area's plain checklist items become Findings; the ``general`` area.
- :mod:`.subevents`: the ``subevents`` area, a parent's readiness including its children's.
  Its Findings are made by the core (``assessment``), which has the children's results; its
  :class:`~venue_ready.SubeventResult` is public, importable from ``venue_ready``.

The congress areas (security, decoration, …) are plugins too, but live outside the package, in
``plugins/``, and use only the public API, as a third party's would.
"""
