"""The next meeting, computed by the reader's browser (fixed clock), in the meeting's time zone.

Expectations come from ``_data/lab.yaml`` and Python's own time-zone database: a meeting day
during the meeting, after it, and the days around both daylight-saving changes of 2027.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from harness import ROOT
from labyaml import WEEKDAYS, MeetingFacts, read
from oracles import GERMAN_MONTHS as MONTHS

pytestmark = pytest.mark.browser

MEETING = MeetingFacts.of(read(ROOT / "_data" / "lab.yaml"))
START, END = time.fromisoformat(MEETING.start), time.fromisoformat(MEETING.end)


def local(day: date, clock: time) -> datetime:
    return datetime.combine(day, clock, tzinfo=MEETING.zone)


def shift(clock: time, minutes: int) -> time:
    return (datetime.combine(date.min, clock) + timedelta(minutes=minutes)).time()


MARCH = MEETING.day_before(date(2027, 3, 28))  # the meeting day before the change to CEST
OCTOBER = MEETING.day_before(date(2027, 10, 31))  # the meeting day before the change to CET
DURING = shift(START, (END.hour * 60 + END.minute - START.hour * 60 - START.minute) // 2)
AFTER = shift(END, 30)

# (name, the reader's clock in the meeting's zone, the expected meeting day, "heute" expected)
CASES = [
    ("meeting-day-during-the-meeting", local(MARCH, DURING), MARCH, True),
    ("meeting-day-just-before-start", local(MARCH, shift(START, -1)), MARCH, True),
    ("meeting-day-after-the-meeting", local(MARCH, AFTER), MEETING.day_after(MARCH), False),
    (
        "day-of-change-to-summer-time",
        local(date(2027, 3, 28), time(12)),
        MEETING.day_after(date(2027, 3, 28)),
        False,
    ),
    (
        "meeting-day-after-meeting-before-winter-time",
        local(OCTOBER, AFTER),
        MEETING.day_after(OCTOBER),
        False,
    ),
    (
        "day-of-change-to-winter-time",
        local(date(2027, 10, 31), time(12)),
        MEETING.day_after(date(2027, 10, 31)),
        False,
    ),
]


def next_meeting(browser, server, now: datetime, timezone_id: str = "Europe/Berlin") -> tuple:
    """The text and ``datetime`` the page shows at instant ``now``."""
    context = browser.new_context(timezone_id=timezone_id, locale="de-DE")
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.clock.set_fixed_time(now)
    page.goto(server + "kontakt/")
    shown = page.locator(".oklab-meeting .oklab-meeting-next time")
    result = shown.inner_text(), shown.get_attribute("datetime")
    context.close()
    assert errors == []
    return result


@pytest.mark.parametrize(("now", "day", "today"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_next_meeting_date_and_time(browser, server, now, day, today):
    text, stamp = next_meeting(browser, server, now)
    expected = local(day, START)
    shown = datetime.fromisoformat(stamp)
    assert shown == expected, (stamp, expected.isoformat())  # the same instant …
    assert shown.utcoffset() == expected.utcoffset()  # … written with that day's offset
    assert stamp.startswith(f"{day:%Y-%m-%d}T{MEETING.start}")
    assert f"{WEEKDAYS[day.weekday()]}, {day.day}. {MONTHS[day.month - 1]}" in text
    assert text.startswith("heute") == today


def test_a_running_meeting_says_so(browser, server):
    text, _ = next_meeting(browser, server, local(MARCH, DURING))
    assert "läuft gerade" in text


def test_meeting_time_zone_wins_over_the_readers(browser, server):
    """A reader whose device is set to Tokyo (already the next day there) still sees today."""
    now = local(MARCH, DURING)
    assert now.astimezone(ZoneInfo("Asia/Tokyo")).date() != MARCH
    text, stamp = next_meeting(browser, server, now, timezone_id="Asia/Tokyo")
    assert text.startswith("heute") and datetime.fromisoformat(stamp) == local(MARCH, START)


def test_start_page_shows_the_next_meeting_too(browser, server):
    context = browser.new_context(timezone_id="Europe/Berlin")
    page = context.new_page()
    page.clock.set_fixed_time(local(MARCH, AFTER))
    page.goto(server)
    stamp = page.locator(".oklab-meeting .oklab-meeting-next time").get_attribute("datetime")
    context.close()
    assert datetime.fromisoformat(stamp) == local(MEETING.day_after(MARCH), START)


def test_without_javascript_the_weekly_rule_remains(browser, server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server + "kontakt/")
    card = page.locator(".oklab-meeting .oklab-next-meeting")
    assert card.inner_text().strip() == MEETING.rule
    assert page.locator(".oklab-meeting-next").count() == 0
    context.close()
