"""One way to say "N days before the opening" (#12): venue_ready.days_before and days_after, the
deadlines init writes as bare dates."""

from __future__ import annotations

from datetime import datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

import venue_ready
from venue_ready import Event, Phase, days_after, days_before

from .conftest import RunCli

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
END = time(23, 59, 59, 999999)


def test_days_before_is_the_end_of_a_calendar_day() -> None:
    event = Event(id="e", name="n", starts=datetime(2020, 5, 15, 7, 30, tzinfo=TZ))
    assert days_before(event, 2) == datetime(2020, 5, 13, 23, 59, 59, 999999, tzinfo=TZ)
    assert days_before(event, 0) == event.starts  # the end of the opening day would be after it
    assert days_after(event, 3) == datetime(2020, 5, 18, 23, 59, 59, 999999, tzinfo=TZ)
    assert days_after(event, 0) == event.ends  # a one-day event ends at the end of its day
    with pytest.raises(ValueError, match="whole number of days"):
        days_before(event, -1)
    with pytest.raises(ValueError, match="whole number of days"):
        days_before(event, 1.5)  # type: ignore[arg-type]


@given(
    starts=st.datetimes(datetime(2000, 1, 1), datetime(2090, 1, 1), timezones=st.just(TZ)),
    days=st.integers(1, 366),
)
def test_in_the_events_zone_whatever_the_offset_given(starts: datetime, days: int) -> None:
    utc = starts.astimezone(ZoneInfo("UTC"))
    event = Event(id="e", name="n", starts=utc)
    due = days_before(event, days)
    assert due.timetz().replace(tzinfo=None) == END
    assert (starts.date() - due.astimezone(TZ).date()).days == days
    assert due < event.starts


def test_init_writes_the_same_deadlines(run_cli: RunCli, tmp_path: Path) -> None:
    """Every dated item that init writes is due at days_before/days_after of its lead days."""
    out = tmp_path / "event.toml"
    proc = run_cli("init", out, "--starts", "2020-05-15T07:30", "--id", "e", "--name", "Đại hội")
    assert proc.returncode == 0, proc.stderr
    event = venue_ready.load(out)
    specs = venue_ready.default_plugin_manager().area_specs()
    leads = {t.id: t for spec in specs.values() for t in spec.template}
    checked = 0
    for plan in event.areas:
        for item in plan.items:
            template = leads.get(item.id)
            if template is None or template.lead_days is None or item.phase is Phase.DURING:
                continue
            lead = int(template.lead_days)
            expected = (
                days_after(event, lead) if item.phase is Phase.AFTER else days_before(event, lead)
            )
            assert item.due == expected, item.id
            checked += 1
    assert checked > 20
