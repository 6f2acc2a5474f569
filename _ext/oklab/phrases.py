"""The sentences the site builds from the lab's data, each written once, in the reader's language.

The meeting card, the footer, the calendar file, the structured data, the project pages and the
next-meeting script all take their wording from here: the weekly rule ("jeden Mittwoch,
18–21 Uhr"), the invitation, the event's name. Words go through the catalog (``i18n._``),
weekdays through Babel.
"""

from __future__ import annotations

import re
from datetime import time

from babel.dates import format_time, get_time_format

from .i18n import _, capitalized, locale_of, weekday_name
from .models import Lab, Meeting


def hour(value: time, language: str | None = None) -> str:
    """18:00 -> "18", 18:30 -> "18:30" (as the site writes meeting times); in another language
    as its clock has it (Babel's short time without the minutes of a full hour: English
    "6 PM", Danish "18.30")."""
    if language in (None, "de"):
        return str(value.hour) if value.minute == 0 else f"{value.hour}:{value:%M}"
    locale = locale_of(language)
    pattern = get_time_format("short", locale=locale).pattern.replace("HH", "H")
    if value.minute == 0:
        pattern = re.sub(r"[:.]mm", "", pattern)
    return format_time(value, pattern, locale=locale)


def hours(start: time, end: time, language: str | None = None) -> str:
    """ "18–21 Uhr" """
    return _("{start}–{end} Uhr").format(start=hour(start, language), end=hour(end, language))


def time_span(meeting: Meeting, language: str | None = None) -> str:
    """ "18–21 Uhr": the meeting's hours."""
    return hours(meeting.start, meeting.end, language)


def end_time(meeting: Meeting, language: str | None = None) -> str:
    """ "21 Uhr" """
    return _("{time} Uhr").format(time=hour(meeting.end, language))


def summary(meeting: Meeting, language: str | None) -> str:
    """ "jeden Mittwoch, 18–21 Uhr" """
    return _("jeden {weekday}, {time}").format(
        weekday=weekday_name(meeting.weekday_index, language), time=time_span(meeting, language)
    )


def rule(meeting: Meeting, language: str | None) -> str:
    """ "Jeden Mittwoch, 18–21 Uhr": the summary as a sentence of its own."""
    return capitalized(summary(meeting, language))


def invitation() -> str:
    return _("Komm einfach vorbei, Vorkenntnisse sind nicht erforderlich.")


def event_name(data: Lab) -> str:
    """ "OK Lab Flensburg: offenes Treffen" (calendar entry, structured data)."""
    return _("{lab}: offenes Treffen").format(lab=data.name)


def event_description(data: Lab, language: str | None) -> str:
    """What the calendar entry and the structured data say about the meeting."""
    meeting = data.meeting
    where = _("{rule}: offenes Treffen im {place}.").format(
        rule=rule(meeting, language), place=meeting.full_place
    )
    what = _("Wir arbeiten an lokalen Projekten mit offenen Daten.")
    return f"{where} {what} {invitation()}"


def project_invitation(meeting: Meeting, language: str | None) -> str:
    """The invitation on the page of a project that looks for people."""
    return _("Komm zum offenen Treffen: {summary}").format(summary=summary(meeting, language))
