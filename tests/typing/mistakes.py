"""Mistakes a ward tool's author makes with the model, each on its own line, marked with the
error code ``mypy --strict`` must report for it (tests/test_model_types.py runs mypy on this
file). Not imported, never run."""

from datetime import datetime
from zoneinfo import ZoneInfo

from venue_ready import AreaPlan, Event, Item, Status, Venue, assess

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
START = datetime(2020, 5, 15, 7, 30, tzinfo=TZ)

Event(id="e", name="n", starts=START, areas=["general"])  # expect: list-item
Item(id="a", title="A", evidence="doc.pdf")  # expect: arg-type
Venue(name="v", zones=["hall"])  # expect: list-item
Event(id="e", name="n", starts=START, term="2020-2025")  # expect: arg-type
Event(id="e", name="n", starts=START, lang="fr")  # expect: arg-type
Item(id="a", title="A", status="finished")  # expect: arg-type
Item(id="a", title="A", due="2020-05-10")  # expect: arg-type
AreaPlan(key="general", items=[Item(id="a", title="A")], settings=["x"])  # expect: arg-type
assess(Event(id="e", name="n", starts=START), as_of="2020-05-14")  # expect: arg-type

# and what is right passes
Event(id="e", name="n", starts=START, areas=[AreaPlan(key="general")], lang="en")
Item(id="a", title="A", status="done", evidence=["doc.pdf"])
Item(id="a", title="A", status=Status.DONE, due=datetime(2020, 5, 10))
