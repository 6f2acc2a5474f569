"""The meeting's calendar file: a weekly rule in the meeting's time zone, right across DST."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
import recurring_ical_events
from harness import LAB_FILE, STRICT, Output
from icalendar import Calendar
from labyaml import MeetingFacts, read

MEETING = MeetingFacts.of(read(LAB_FILE))
ICAL_DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
# The two daylight-saving changes of 2027 in the EU (last Sunday of March and of October).
DST_CHANGES_2027 = [date(2027, 3, 28), date(2027, 10, 31)]


@pytest.fixture(scope="module")
def ics(site) -> bytes:
    return (site.outdir / "treffen.ics").read_bytes()


@pytest.fixture(scope="module")
def calendar(ics) -> Calendar:
    return Calendar.from_ical(ics)


@pytest.fixture(scope="module")
def event(calendar):
    """The weekly meeting (the file also holds every event of the site: test_events.py)."""
    (event,) = [e for e in calendar.walk("VEVENT") if "rrule" in e]
    return event


def test_weekly_rule_on_the_meeting_day(event):
    rule = event["rrule"]
    assert dict(rule) == {"FREQ": ["WEEKLY"], "BYDAY": [ICAL_DAYS[MEETING.index]]}
    assert event.content_line("rrule", rule).endswith(
        f"FREQ=WEEKLY;BYDAY={ICAL_DAYS[MEETING.index]}"
    )


def test_start_and_end_in_the_meeting_time_zone_with_vtimezone(calendar, event):
    start, end = event.decoded("dtstart"), event.decoded("dtend")
    assert event["dtstart"].params["TZID"] == event["dtend"].params["TZID"] == MEETING.timezone
    assert start.weekday() == MEETING.index, "the first occurrence must itself follow the rule"
    assert (f"{start:%H:%M}", f"{end:%H:%M}") == (MEETING.start, MEETING.end)
    assert start.date() == end.date()
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == [MEETING.timezone]


def test_location_url_and_german_texts(site, event):
    assert str(event["location"]) == f"{MEETING.place}, {MEETING.address}"
    kontakt = site.page("kontakt/").find("link", rel="canonical")["href"]
    assert str(event["url"]) == kontakt
    assert "Treffen" in str(event["summary"])
    description = str(event["description"])
    assert f"Jeden {MEETING.weekday}" in description and "Vorkenntnisse" in description


@pytest.mark.parametrize("change", DST_CHANGES_2027, ids=str)
def test_occurrences_around_the_dst_change_have_the_right_utc_times(calendar, change):
    before, after = MEETING.day_before(change), MEETING.day_after(change)
    found = recurring_ical_events.of(calendar).between(before, after + timedelta(days=1))
    found = sorted(found, key=lambda e: e.decoded("dtstart"))
    starts = [e.decoded("dtstart") for e in found]
    assert [s.date() for s in starts] == [before, after]
    for day, occurrence in zip((before, after), found, strict=True):
        for field, clock in (("dtstart", MEETING.start), ("dtend", MEETING.end)):
            utc = occurrence.decoded(field).astimezone(UTC)
            assert utc == MEETING.at(day, clock).astimezone(UTC), (day, field, utc)
    # The local time stays the same; the UTC time moves by the hour the clocks changed.
    utc_hours = [s.astimezone(UTC).hour for s in starts]
    assert [f"{s:%H:%M}" for s in starts] == [MEETING.start] * 2
    assert abs(utc_hours[0] - utc_hours[1]) == 1, utc_hours


@pytest.mark.parametrize("change", DST_CHANGES_2027, ids=str)
def test_the_files_own_vtimezone_knows_the_dst_changes(calendar, change):
    """Clients that use the file's VTIMEZONE (not their own tz database) get the same times."""
    (vtimezone,) = calendar.walk("VTIMEZONE")
    own = vtimezone.to_tz()
    for day in (MEETING.day_before(change), MEETING.day_after(change)):
        local = MEETING.at(day, MEETING.start)
        naive = local.replace(tzinfo=None)
        assert naive.replace(tzinfo=own).utcoffset() == local.utcoffset(), day


def test_the_file_has_no_clock_time(event):
    """No build time in the file (test_reproducible: two builds give the same bytes)."""
    stamp = event.decoded("dtstamp")
    assert stamp <= event.decoded("dtstart") and stamp < datetime.now(UTC)


@pytest.mark.sphinx("dirhtml", testroot="meeting", freshenv=True, confoverrides=STRICT)
def test_without_a_canonical_address_only_the_download_is_offered(app):
    """No absolute base URL: no webcal link (it needs one), no URL in the file, no warning."""
    app.build()
    assert app.statuscode == 0 and app.warning.getvalue() == ""
    page = Output(app.outdir).page("kontakt/")
    assert page.select_one("a.oklab-calendar-download")["href"] == "../treffen.ics"
    assert page.select_one("a.oklab-calendar-subscribe") is None
    event = Calendar.from_ical((app.outdir / "treffen.ics").read_bytes()).walk("VEVENT")[0]
    assert "url" not in event and event["rrule"]
