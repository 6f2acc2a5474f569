"""Calendar files, built with the ``icalendar`` library:

- ``treffen.ics`` in the site's root, for download and subscription (``webcal://``): the
  weekly meeting from ``_data/lab.yaml`` **and** every event a page describes (``events``),
  so one subscription brings both;
- one file per event (``events.calendar_file``: ``neuigkeiten/open-data-day.ics``), offered
  on the event's page as "Zum Kalender hinzufügen".

The files are written into the OUTPUT folder when the build has finished, never into the
sources, and again only when what they hold changed (``unchanged``): building them is most of
the cost of a small incremental build. They are byte-identical from build to build
(reproducible): no value depends on the clock or on chance.

- UID: derived from the lab's identity (its page in the Code for Germany network), not from
  time or place, so a changed meeting time updates the same event in subscribed calendars;
  an event's UID adds its page, the same in both files.
- DTSTART: the first meeting day on or after ``oklab_calendar_start`` (conf.py). Every
  meeting day is a true occurrence of "every Wednesday"; a fixed date keeps the file stable.
- DTSTAMP: midnight UTC of that first occurrence (stable, and never later than the event); for
  an event, of its post's date (or of its first day).
- VTIMEZONE: generated from tzdata by icalendar, from the first date in the file until 2038.

Absolute addresses (the event's URL, the ``webcal://`` link) need the site's canonical base
URL (``html_baseurl``). Without one, the file has no URL and pages offer only the download.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from sphinx.application import Sphinx
from sphinx.config import Config

from . import __version__, messages
from .errors import Problem, abort, conf_line
from .events import EventPage, all_events, calendar_file, where
from .frontmatter import page_meta
from .i18n import _
from .labdata import lab
from .models import Lab
from .phrases import event_description, event_name
from .unchanged import WrittenBefore
from .urls import page_url, site_url

if TYPE_CHECKING:
    from icalendar import Calendar, Event

CALENDAR_FILE = "treffen.ics"
RECORD = "oklab-calendars.json"  # what the last build wrote (``unchanged.WrittenBefore``)
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


def new_calendar(lab_data: Lab, name: str, language: str | None) -> Calendar:
    # Imported here: only a build that writes a calendar file needs the library, and importing
    # it took longer than everything else the calendar does when nothing changed.
    from icalendar import Calendar

    name = " ".join(name.split())  # the calendar's name is one line (icalendar refuses more)
    cal = Calendar()
    cal.add("prodid", f"-//{lab_data.name}//Website//{(language or 'de').upper()}")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("name", name)
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", lab_data.meeting.timezone)
    # Subscribed calendars look for changes once a day.
    cal.add("refresh-interval", timedelta(days=1), parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", "P1D")
    return cal


def build_calendar(
    lab_data: Lab,
    since: date,
    url: str | None,
    language: str | None,
    events: list[tuple[EventPage, str | None, date]] = (),
) -> Calendar:
    """The meeting (one weekly recurring event) and ``events`` (page, address, date stamp)."""
    meeting = lab_data.meeting
    start, end = first_meeting(lab_data, since)
    name = event_name(lab_data)
    description = event_description(lab_data, language)
    title = _("{lab}: Treffen und Termine").format(lab=lab_data.name) if events else name
    cal = new_calendar(lab_data, title, language)

    from icalendar import Event  # see new_calendar

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
    for event_page, page_address, stamp in events:
        cal.add_component(event_component(lab_data, event_page, page_address, stamp))
    first = min([start.date(), *(e.event.start.date() for e, _url, _stamp in events)])
    cal.add_missing_timezones(first_date=first)
    return cal


def event_uid(lab_data: Lab, docname: str) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"{lab_data.network.url}#termin/{docname}"))


def event_component(lab_data: Lab, event_page: EventPage, url: str | None, stamp: date) -> Event:
    """One event of a page: its times in its time zone, its place, its page's address."""
    from icalendar import Event  # see new_calendar

    event = event_page.event
    component = Event()
    component.add("uid", event_uid(lab_data, event_page.docname))
    component.add("dtstamp", datetime.combine(stamp, datetime.min.time(), tzinfo=UTC))
    component.add("dtstart", event.starts)
    component.add("dtend", event.ends)
    component.add("summary", event_page.title)
    details = [event_page.description, event.url, url]
    component.add("description", "\n\n".join(filter(None, details)))
    component.add("location", where(event))
    if url:
        component.add("url", url)
    return component


def event_calendar(lab_data: Lab, event_page: EventPage, url: str | None, stamp: date, language):
    """A calendar with one event: "Zum Kalender hinzufügen" on the event's page."""
    cal = new_calendar(lab_data, event_page.title, language)
    cal.add_component(event_component(lab_data, event_page, url, stamp))
    cal.add_missing_timezones(first_date=event_page.event.start.date())
    return cal


def events_to_publish(app: Sphinx) -> list[tuple[EventPage, str | None, date]]:
    """Every event with its page's address and its date stamp (the post's date, if any)."""
    found = []
    for event_page in all_events(app.env):
        page = page_meta(app.env, event_page.docname)
        stamp = getattr(page, "date", None) or event_page.event.start.date()
        found.append((event_page, page_url(app, event_page.docname), stamp))
    return found


def write_calendar(app: Sphinx, exception: Exception | None) -> None:
    """``treffen.ics`` and each event's file, each written again only when what it holds
    changed (``unchanged``)."""
    if exception is not None or app.builder.format != "html":
        return
    config, outdir = app.config, Path(app.outdir)
    data = lab(config)
    events = events_to_publish(app)
    record = WrittenBefore(app, RECORD)
    since, url = calendar_start(config), meeting_page_url(app)
    if not record.unchanged(CALENDAR_FILE, (since, url, events), outdir / CALENDAR_FILE):
        cal = build_calendar(data, since, url, config.language, events)
        (outdir / CALENDAR_FILE).write_bytes(cal.to_ical())
    for event_page, url, stamp in events:
        name = calendar_file(event_page.docname)
        file = outdir / name
        if record.unchanged(name, (event_page, url, stamp), file):
            continue
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_bytes(event_calendar(data, event_page, url, stamp, config.language).to_ical())
    record.save()


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
    app.setup_extension("oklab.events")
    # The calendar's series begins with the first meeting day on or after this date.
    app.add_config_value("oklab_calendar_start", "2026-01-07", "env", types=[str])
    app.connect("config-inited", check_calendar_start)
    app.connect("build-finished", write_calendar)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
