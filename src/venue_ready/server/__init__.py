"""``venue-ready serve DIR``: a web app on the events under a folder (the ``server`` extra).

Teams record their progress from a phone, every board updates within seconds, the district
sees its wards, and nobody records outside their scope. One module per concern:

- :mod:`.app`: the app (:func:`.app.create_app`): routes, sessions, CSRF, security headers;
- :mod:`.access`: accounts, roles, scopes, one-time links, passwords and tokens, the access
  store (:class:`~.access.SQLiteAccessStore`);
- :mod:`.events`: the events under the folder and every access to their journals;
- :mod:`.common`: who is asking, in which language, and the one check of a mark;
- :mod:`.pages`: the HTML pages; :mod:`.api`: the JSON API;
- ``templates/`` and ``static/``: what the pages are drawn from and the script and style they
  load, all served by the app itself (no CDN, no build step).

Nothing here is imported by ``import venue_ready`` or by ``venue-ready check``; the web
libraries are imported when the app is made, and say which extra to install when missing.
"""

from __future__ import annotations

__all__: list[str] = []
