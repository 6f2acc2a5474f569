"""The weekly meeting as a calendar file: ``treffen.ics`` in the site's root, for download and
subscription (``webcal://``), built from ``_data/lab.yaml`` with the ``icalendar`` library.

The file is written into the OUTPUT folder when the build has finished, never into the
sources. It is byte-identical from build to build (reproducible): no value depends on the
clock or on chance.

- UID: derived from the lab's identity (its page in the Code for Germany network), not from
  time or place, so a changed meeting time updates the same event in subscribed calendars.
- DTSTART: the first meeting day on or after ``oklab_calendar_start`` (conf.py). Every
  meeting day is a true occurrence of "every Wednesday"; a fixed date keeps the file stable.
- DTSTAMP: midnight UTC of that first occurrence (stable, and never later than the event).
- VTIMEZONE: generated from tzdata by icalendar, from the first occurrence until 2038.

Absolute addresses (the event's URL, the ``webcal://`` link) need the site's canonical base
URL (``html_baseurl``). Without one, the file has no URL and pages offer only the download.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event
from sphinx.application import Sphinx
from sphinx.config import Config

from . import __version__, messages
from .errors import Problem, abort, conf_line
from .labdata import lab
from .models import Lab
from .phrases import event_description, event_name
from .urls import page_url, site_url

CALENDAR_FILE = "treffen.ics"
ICAL_DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]  # RRULE BYDAY, Monday first


# -- Dates and addresses ------------------------------------------------------


def calendar_start(config: Config) -> date:
    return date.fromisoformat(config.oklab_calendar_start)


def first_occurrence(lab_data: Lab, since: date) -> date:
    """The first meeting day on or after ``since``."""
    return since + timedelta(days=(lab_data.meeting.weekday_index - since.weekday()) % 7)


def first_meeting(lab_data: Lab, since: date) -> tuple[datetime, datetime]:
    """Start and end of the calendar's first occurrence, in the meeting's time zone."""
    meeting = lab_data.meeting
    day = first_occurrence(lab_data, since)
    zone = ZoneInfo(meeting.timezone)
    return (
        datetime.combine(day, meeting.start, tzinfo=zone),
        datetime.combine(day, meeting.end, tzinfo=zone),
    )


def meeting_page_url(app: Sphinx) -> str | None:
    """The absolute address of the page that presents the meeting (Kontakt)."""
    return page_url(app, app.config.oklab_meeting_page)


def webcal_url(config: Config) -> str | None:
    """``webcal://…/treffen.ics``: calendar apps subscribe to it (needs an absolute base)."""
    base = site_url(config)
    return None if base is None else "webcal://" + base.split("://", 1)[1] + CALENDAR_FILE


# -- The calendar -------------------------------------------------------------


def build_calendar(lab_data: Lab, since: date, url: str | None, language: str | None) -> Calendar:
    """The meeting as an iCalendar with one weekly recurring event."""
    meeting = lab_data.meeting
    start, end = first_meeting(lab_data, since)
    name = event_name(lab_data)
    description = event_description(lab_data, language)

    cal = Calendar()
    cal.add("prodid", f"-//{lab_data.name}//Website//{(language or 'de').upper()}")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("name", name)
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", meeting.timezone)
    # Subscribed calendars look for changes once a day.
    cal.add("refresh-interval", timedelta(days=1), parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", "P1D")

    event = Event()
    event.add("uid", f"{uuid.uuid5(uuid.NAMESPACE_URL, lab_data.network.url + '#treffen')}")
    event.add("dtstamp", datetime.combine(start.date(), datetime.min.time(), tzinfo=UTC))
    event.add("dtstart", start)
    event.add("dtend", end)
    event.add("rrule", {"freq": "weekly", "byday": ICAL_DAYS[meeting.weekday_index]})
    event.add("summary", name)
    event.add("description", f"{description}\n\n{url}" if url else description)
    event.add("location", meeting.full_place)
    if url:
        event.add("url", url)
    cal.add_component(event)
    cal.add_missing_timezones(first_date=start.date())
    return cal


def write_calendar(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    config = app.config
    cal = build_calendar(
        lab(config), calendar_start(config), meeting_page_url(app), config.language
    )
    (Path(app.outdir) / CALENDAR_FILE).write_bytes(cal.to_ical())


def check_calendar_start(app: Sphinx, config: Config) -> None:
    try:
        calendar_start(config)
    except (TypeError, ValueError):
        conf = Path(app.confdir) / "conf.py"
        problem = Problem(
            conf,
            conf_line(conf, "oklab_calendar_start ="),  # None if set elsewhere (sphinx -D)
            messages.DATE_FORMAT.format(value=config.oklab_calendar_start),
            "oklab_calendar_start",
        )
        abort(app, [problem], messages.CONF_BROKEN)


def setup(app: Sphinx) -> dict:
    app.setup_extension("oklab.labdata")
    app.setup_extension("oklab.urls")
    # The calendar's series begins with the first meeting day on or after this date.
    app.add_config_value("oklab_calendar_start", "2026-01-07", "env", types=[str])
    app.connect("config-inited", check_calendar_start)
    app.connect("build-finished", write_calendar)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
