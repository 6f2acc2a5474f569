"""Sentences built from the lab's data, the Content-Security-Policy and the calendar file,
checked against texts and values written out here (German: the site's source language)."""

from __future__ import annotations

import re
from datetime import date, time
from pathlib import Path

import pytest
import recurring_ical_events
from icalendar import Calendar
from oklab import csp, phrases
from oklab.calendar import build_calendar, first_occurrence
from oklab.models import Lab
from oklab.yamlsource import parse_yaml

LAB = Lab.model_validate(
    parse_yaml((Path(__file__).parents[2] / "_data" / "lab.yaml").read_text("utf-8")).data
)


@pytest.mark.parametrize(
    ("value", "text"),
    [(time(18), "18"), (time(9), "9"), (time(0), "0"), (time(18, 30), "18:30"),
     (time(9, 5), "9:05"), (time(0, 30), "0:30")],
)  # fmt: skip
def test_hours_as_the_site_writes_them(value, text):
    assert phrases.hour(value) == text


def test_meeting_sentences():
    meeting = LAB.meeting
    assert phrases.time_span(meeting) == "18–21 Uhr"
    assert phrases.end_time(meeting) == "21 Uhr"
    assert phrases.summary(meeting, "de") == "jeden Mittwoch, 18–21 Uhr"
    assert phrases.rule(meeting, "de") == "Jeden Mittwoch, 18–21 Uhr"
    assert phrases.invitation() == "Komm einfach vorbei, Vorkenntnisse sind nicht erforderlich."
    assert phrases.event_name(LAB) == "OK Lab Flensburg: offenes Treffen"
    assert phrases.event_description(LAB, "de") == (
        "Jeden Mittwoch, 18–21 Uhr: offenes Treffen im Aktivitetshuset, Hinterhaus, "
        "Norderstraße 49, 24939 Flensburg. Wir arbeiten an lokalen Projekten mit offenen "
        "Daten. Komm einfach vorbei, Vorkenntnisse sind nicht erforderlich."
    )
    assert phrases.project_invitation(meeting, "de") == (
        "Komm zum offenen Treffen: jeden Mittwoch, 18–21 Uhr"
    )


NNBSP = "\u202f"  # CLDR's narrow no-break space between an English hour and "PM"


@pytest.mark.parametrize(
    ("value", "language", "text"),
    [(time(18), "da", "18"), (time(18, 30), "da", "18.30"), (time(9, 5), "da", "9.05"),
     (time(18), "en", f"6{NNBSP}PM"), (time(18, 30), "en", f"6:30{NNBSP}PM"),
     (time(9), "en", f"9{NNBSP}AM"), (time(18), "de", "18")],
)  # fmt: skip
def test_hours_as_each_language_writes_them(value, language, text):
    assert phrases.hour(value, language) == text


def test_weekday_in_the_readers_language():
    meeting = LAB.meeting
    # Without a catalog the German words stay; weekday and clock come from Babel.
    assert phrases.summary(meeting, "en") == f"jeden Wednesday, 6{NNBSP}PM–9{NNBSP}PM Uhr"
    assert phrases.rule(meeting, "da") == "Jeden onsdag, 18–21 Uhr"
    assert phrases.project_invitation(meeting, "en").endswith(
        f"Wednesday, 6{NNBSP}PM–9{NNBSP}PM Uhr"
    )
    assert phrases.event_description(LAB, "da").startswith("Jeden onsdag, 18–21 Uhr: ")


def directives(policy: str) -> dict[str, list[str]]:
    parsed = {}
    for part in policy.split(";"):
        name, *values = part.split()
        assert name not in parsed
        parsed[name] = values
    return parsed


def test_published_policy_exactly():
    assert directives(csp.policy(["'sha256-abc'"])) == {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'sha256-abc'"],
        "img-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
    }


def test_live_reload_policy_exactly():
    assert directives(csp.policy([], live_reload=True)) == {
        "default-src": ["'self'"],
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "connect-src": ["'self'", "ws:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
    }


def test_style_hashes_are_sha256_of_the_element_text():
    # sha256("a{b:c}") in base64, computed independently with the openssl command line
    assert csp.style_hashes("<style>a{b:c}</style><style>a{b:c}</style>") == [
        "'sha256-0cRUVYRKwNwnl1hkfkPGjkht16b039TjFdJzmXfFK2o='"
    ]


def test_frame_check_finds_what_the_policy_blocks():
    head = '<meta http-equiv="Content-Security-Policy" content="style-src \'self\' {h}">'
    allowed = csp.style_hashes("<style>ok</style>")[0]
    page = head.format(h=allowed) + "<style>ok</style><article><p style='x'>text</p></article>"
    assert csp.frame_problems(page) == []
    bad = head.format(h=allowed) + '<style>neu</style><script>x()</script><div style="a">'
    assert csp.frame_problems(bad) == [
        "Inline-Skript '<script>'",
        "style-Attribut in '<div style=\"a\">'",
        "<style> ohne Hash in der Richtlinie "
        "('sha256-sWiMurfiyK189hkEfiXu1snjRO2XC63NrNDp7HOwhiY=')",
    ]
    long_tag = "<div " + "x" * 80 + ' style="a">'
    assert csp.frame_problems(long_tag) == [f"style-Attribut in {long_tag[:60]!r}"]
    long_script = "<script " + "x" * 80 + ">"
    assert csp.frame_problems(long_script) == [f"Inline-Skript {long_script[:60]!r}"]
    assert (
        csp.frame_problems('<script src="a.js"></script><script type="application/ld+json">') == []
    )


CALENDAR_HEAD = """BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//OK Lab Flensburg//Website//DE
CALSCALE:GREGORIAN
METHOD:PUBLISH
NAME:OK Lab Flensburg: offenes Treffen
X-WR-CALNAME:OK Lab Flensburg: offenes Treffen
REFRESH-INTERVAL;VALUE=DURATION:P1D
X-PUBLISHED-TTL:P1D
X-WR-TIMEZONE:Europe/Berlin
"""
# UID: uuid5(NAMESPACE_URL, "https://codefor.de/flensburg/#treffen"); DTSTAMP: midnight UTC of
# the first occurrence; lines folded after 75 octets, commas escaped (RFC 5545).
CALENDAR_EVENT = "\n".join(
    [
        "BEGIN:VEVENT",
        "SUMMARY:OK Lab Flensburg: offenes Treffen",
        "DTSTART;TZID=Europe/Berlin:20260107T180000",
        "DTEND;TZID=Europe/Berlin:20260107T210000",
        "DTSTAMP:20260107T000000Z",
        "UID:850ed90f-6c8b-5654-ab87-c5c5b18c4326",
        "RRULE:FREQ=WEEKLY;BYDAY=WE",
        "DESCRIPTION:Jeden Mittwoch\\, 18–21 Uhr: offenes Treffen im Aktivitetshus",
        " et\\, Hinterhaus\\, Norderstraße 49\\, 24939 Flensburg. Wir arbeiten an loka",
        " len Projekten mit offenen Daten. Komm einfach vorbei\\, Vorkenntnisse sind ",
        " nicht erforderlich.\\n\\nhttps://oklabflensburg.de/kontakt/",
        "LOCATION:Aktivitetshuset\\, Hinterhaus\\, Norderstraße 49\\, 24939 Flensburg",
        "URL:https://oklabflensburg.de/kontakt/",
        "END:VEVENT",
        "END:VCALENDAR",
        "",
    ]
)


def test_calendar_file_exactly():
    text = build_calendar(LAB, date(2026, 1, 1), "https://oklabflensburg.de/kontakt/", "de")
    text = text.to_ical().decode("utf-8").replace("\r\n", "\n")
    assert text.startswith(CALENDAR_HEAD + "BEGIN:VTIMEZONE\nTZID:Europe/Berlin\n")
    assert text.endswith(CALENDAR_EVENT)
    english = build_calendar(LAB, date(2026, 1, 1), None, "en").to_ical().decode("utf-8")
    english = english.replace("\r\n ", "")  # unfolded
    assert "URL:" not in english and "PRODID:-//OK Lab Flensburg//Website//EN" in english
    # weekday and clock from Babel
    assert f"DESCRIPTION:Jeden Wednesday\\, 6{NNBSP}PM–9{NNBSP}PM Uhr" in english
    assert "nicht erforderlich.\r\nLOCATION" in english
    default = build_calendar(LAB, date(2026, 1, 1), None, None).to_ical().decode("utf-8")
    assert "PRODID:-//OK Lab Flensburg//Website//DE\r\n" in default


def test_calendar_repeats_weekly_on_the_meeting_day():
    start = date(2026, 1, 7)
    assert first_occurrence(LAB, date(2026, 1, 5)) == start  # Monday -> that Wednesday
    assert first_occurrence(LAB, date(2026, 1, 1)) == start  # Thursday -> next Wednesday
    assert first_occurrence(LAB, start) == start
    cal = build_calendar(LAB, date(2026, 1, 1), "https://oklabflensburg.de/kontakt/", "de")
    (event,) = cal.walk("VEVENT")
    assert str(event["summary"]) == "OK Lab Flensburg: offenes Treffen"
    assert str(event["location"]) == "Aktivitetshuset, Hinterhaus, Norderstraße 49, 24939 Flensburg"
    assert str(event["url"]) == "https://oklabflensburg.de/kontakt/"
    assert str(event["description"]).endswith("\n\nhttps://oklabflensburg.de/kontakt/")
    parsed = Calendar.from_ical(cal.to_ical())
    days = recurring_ical_events.of(parsed).between(date(2027, 3, 1), date(2027, 4, 1))
    starts = [e.decoded("dtstart") for e in days]
    assert [d.day for d in starts] == [3, 10, 17, 24, 31]
    assert {f"{d:%H:%M}" for d in starts} == {"18:00"}
    assert {d.utcoffset().total_seconds() / 3600 for d in starts} == {1.0, 2.0}  # DST on 28th
    again = build_calendar(LAB, date(2026, 1, 1), "https://oklabflensburg.de/kontakt/", "de")
    assert cal.to_ical() == again.to_ical()
    assert re.search(rb"UID:[0-9a-f-]{36}", cal.to_ical())
