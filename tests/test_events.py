"""Events: the box on the event's page, its own calendar file, its JSON-LD, the one subscribable
calendar with the meeting and every event, and "upcoming" decided in the reader's browser with
a fixed clock (Termine, start page), without JavaScript nothing claims to be upcoming.

Expected values are written out here (the Open Data Day from tests/data/facts-projects.yaml:
1 March 2025, 10:00 to 21:00, Flensburg, https://opendataday-flensburg.de).
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar
from newssite import build_news_site, page, post

BERLIN = ZoneInfo("Europe/Berlin")
ODD = "neuigkeiten/open-data-day-2025/"
ODD_TITLE = "Open Data Day Flensburg am 1. März 2025"
ODD_START = datetime(2025, 3, 1, 10, tzinfo=BERLIN)
ODD_END = datetime(2025, 3, 1, 21, tzinfo=BERLIN)
ODD_SITE = "https://opendataday-flensburg.de"


def json_ld(soup, kind: str) -> list[dict]:
    blocks = [json.loads(s.string) for s in soup.find_all("script", type="application/ld+json")]
    return [b for b in blocks if b.get("@type") == kind]


def fields(box) -> dict[str, object]:
    return {dt.get_text(strip=True).rstrip(":"): dt.find_next_sibling("dd") for dt in box("dt")}


# -- The Open Data Day on the real site ---------------------------------------------------------


def test_the_event_box_says_what_is_known_and_nothing_more(site):
    box = site.page(ODD).select_one("article .oklab-event-box")
    shown = fields(box)
    assert list(shown) == ["Wann", "Wo", "Website"]
    when = shown["Wann"].find("time")
    assert when.get_text(strip=True) == "Samstag, 1. März 2025, 10–21 Uhr"
    assert datetime.fromisoformat(when["datetime"]) == ODD_START
    assert shown["Wo"].get_text(strip=True) == "Flensburg"  # no venue is known
    assert shown["Wo"].find("a") is None  # so no map search either
    assert shown["Website"].a["href"] == ODD_SITE


def test_the_event_has_its_own_calendar_file(site):
    link = site.page(ODD).select_one(".oklab-event-box a.oklab-event-calendar")
    assert link.get_text(strip=True) == "Zum Kalender hinzufügen"
    file = (site.outdir / ODD / link["href"]).resolve()
    (event,) = Calendar.from_ical(file.read_bytes()).walk("VEVENT")
    assert str(event["summary"]) == ODD_TITLE
    assert event.decoded("dtstart") == ODD_START and event.decoded("dtend") == ODD_END
    assert event["dtstart"].params["TZID"] == "Europe/Berlin"
    assert str(event["location"]) == "Flensburg"
    canonical = site.page(ODD).find("link", rel="canonical")["href"]
    assert str(event["url"]) == canonical
    assert ODD_SITE in str(event["description"])


def test_the_event_json_ld(site):
    canonical = site.page(ODD).find("link", rel="canonical")["href"]
    (event,) = json_ld(site.page(ODD), "Event")
    print(json.dumps(event, ensure_ascii=False, indent=1))  # for the report (pytest -s)
    base = site.page("").find("link", rel="canonical")["href"]
    assert event == {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": ODD_TITLE,
        "description": "Zum zweiten Mal gibt es einen Open Data Day in Flensburg – mit "
        "Workshops, Vorträgen und Zeit zum Vernetzen, kostenlos und ohne Anmeldung.",
        "url": canonical,
        "startDate": "2025-03-01T10:00:00+01:00",
        "endDate": "2025-03-01T21:00:00+01:00",
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "location": {
            "@type": "Place",
            "name": "Flensburg",
            "address": {
                "@type": "PostalAddress",
                "addressLocality": "Flensburg",
                "addressCountry": "DE",
            },
        },
        "sameAs": ODD_SITE,
        "organizer": {
            "@id": base + "#organisation",
            "@type": "Organization",
            "name": "OK Lab Flensburg",
            "url": base,
        },
    }


def test_one_subscribable_calendar_holds_the_meeting_and_every_event(site):
    calendar = Calendar.from_ical((site.outdir / "treffen.ics").read_bytes())
    events = calendar.walk("VEVENT")
    for event in events:  # for the report (pytest -s)
        print(event["summary"], event.decoded("dtstart"), "RRULE" if "rrule" in event else "")
    meeting = [e for e in events if "rrule" in e]
    others = {str(e["summary"]): e for e in events if "rrule" not in e}
    assert len(meeting) == 1
    with_events = [p for p in site.pages() if site.page(p).select_one(".oklab-event-box")]
    titles = [site.page(p).find("h1").get_text(strip=True).rstrip("#") for p in with_events]
    assert sorted(others) == sorted(titles)
    odd = others[ODD_TITLE]
    assert odd.decoded("dtstart") == ODD_START
    own = (site.outdir / "neuigkeiten" / "open-data-day-2025.ics").read_bytes()
    assert str(Calendar.from_ical(own).walk("VEVENT")[0]["uid"]) == str(odd["uid"])
    assert str(calendar["x-wr-calname"]) == "OK Lab Flensburg: Treffen und Termine"


def test_termine_lists_every_event_with_its_date(site):
    termine = site.page("termine/")
    cards = termine.select(".oklab-events .oklab-event")
    assert [c.select_one(".sd-card-title").get_text(strip=True) for c in cards] == [ODD_TITLE]
    assert cards[0].find("time").get_text(strip=True) == "Samstag, 1. März 2025, 10–21 Uhr"
    # Nothing in the pages as written claims that an event is still to come.
    assert "Kommende" not in termine.find("article").get_text()
    assert site.page("").select_one(".oklab-next-event").has_attr("hidden")


# -- A small site: place with a street, an online event ------------------------------------------


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    files = {
        "neuigkeiten/werkstatt.md": post(
            "Werkstatt",
            "2025-04-01",
            "event:",
            "  start: 2025-04-10 18:00",
            "  end: 2025-04-11 01:30",
            "  place:",
            "    name: Aktivitetshuset",
            "    street: Norderstraße 49",
            "    postcode: '24939'",
            "    city: Flensburg",
        ),
        "neuigkeiten/online.md": post(
            "Im Netz",
            "2025-05-01",
            "event:",
            "  start: 2025-05-20 19:00",
            "  end: 2025-05-20 20:00",
            "  online: true",
            "  url: https://example.org/raum",
        ),
    }
    outdir, warnings = build_news_site(tmp_path_factory.mktemp("events"), files)
    assert warnings == ""
    return outdir


def test_a_place_with_a_street_gets_a_map_search(small):
    shown = fields(page(small, "neuigkeiten/werkstatt").select_one(".oklab-event-box"))
    where = shown["Wo"]
    assert where.get_text(" ", strip=True).startswith(
        "Aktivitetshuset, Norderstraße 49, 24939 Flensburg"
    )
    assert where.a["href"] == (
        "https://www.openstreetmap.org/search?query=Norderstra%C3%9Fe+49%2C+24939+Flensburg"
    )
    assert shown["Wann"].get_text(strip=True) == (
        "Donnerstag, 10. April 2025, 18 Uhr – Freitag, 11. April 2025, 1:30 Uhr"
    )


def test_an_online_event(small):
    soup = page(small, "neuigkeiten/online")
    assert fields(soup.select_one(".oklab-event-box"))["Wo"].get_text(strip=True) == "online"
    (event,) = json_ld(soup, "Event")
    assert event["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert event["location"] == {"@type": "VirtualLocation", "url": "https://example.org/raum"}
    assert event["startDate"] == "2025-05-20T19:00:00+02:00"  # summer time


# -- Upcoming, decided in the reader's browser ---------------------------------------------------


def open_page(browser, url: str, now: datetime | None, javascript: bool = True):
    context = browser.new_context(java_script_enabled=javascript, timezone_id="Europe/Berlin")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    if now is not None:
        page.clock.set_fixed_time(now)
    page.goto(url)
    return context, page, errors


def termine_as_read(browser, url: str, now: datetime | None, javascript: bool = True) -> list:
    """Headings, texts and event titles of the events list, in reading order."""
    context, page, errors = open_page(browser, url + "termine/", now, javascript)
    shown = page.evaluate(
        """() => [...document.querySelectorAll(
            '.oklab-events h2, .oklab-events > p, .oklab-events .oklab-event .sd-card-title')]
            .filter((e) => e.offsetParent !== null).map((e) => e.textContent.trim())"""
    )
    context.close()
    assert errors == []
    return shown


def next_event_as_read(browser, url: str, now: datetime | None, javascript: bool = True) -> str:
    context, page, errors = open_page(browser, url, now, javascript)
    box = page.locator(".oklab-next-event")
    shown = box.inner_text().strip() if box.count() and box.is_visible() else ""
    context.close()
    assert errors == []
    return " ".join(shown.split())


@pytest.mark.browser
def test_before_the_event_it_is_coming(browser, server):
    before = ODD_START - timedelta(days=3)
    assert termine_as_read(browser, server, before) == ["Kommende Termine", ODD_TITLE]
    shown = next_event_as_read(browser, server, before)
    assert shown.startswith(ODD_TITLE) and "Nächster Termin: Samstag, 1. März 2025" in shown


@pytest.mark.browser
def test_during_the_event_it_is_running(browser, server):
    during = ODD_START + timedelta(hours=2)
    assert termine_as_read(browser, server, during) == ["Kommende Termine", ODD_TITLE]
    assert "Läuft gerade: Samstag, 1. März 2025" in next_event_as_read(browser, server, during)


@pytest.mark.browser
def test_after_the_event_it_is_never_announced(browser, server):
    after = ODD_END + timedelta(minutes=1)
    assert termine_as_read(browser, server, after) == [
        "Kommende Termine",
        "Zurzeit ist kein weiterer Termin angekündigt.",
        "Vergangene Termine",
        ODD_TITLE,
    ]
    assert next_event_as_read(browser, server, after) == ""


@pytest.mark.browser
def test_without_javascript_every_event_is_listed_and_nothing_is_upcoming(browser, server):
    before = ODD_START - timedelta(days=3)
    assert termine_as_read(browser, server, before, javascript=False) == [ODD_TITLE]
    assert next_event_as_read(browser, server, before, javascript=False) == ""


# The start page carries the five events that start last: with more events, the script must not
# call one "next" when an earlier one might be missing from the page.
MANY = {
    f"neuigkeiten/termin-{n}.md": post(
        f"Termin {n}",
        "2025-01-01",
        "event:",
        f"  start: 2025-06-{n:02d} 18:00",
        f"  end: 2025-06-{n:02d} 20:00",
        "  online: true",
    )
    for n in range(1, 8)
}


@pytest.fixture(scope="module")
def many_events(tmp_path_factory):
    import functools
    import threading
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    outdir, warnings = build_news_site(tmp_path_factory.mktemp("many"), MANY)
    assert warnings == ""

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=outdir))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


@pytest.mark.browser
@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (1, ""),  # events 1 and 2 are not on the start page: it cannot know which is next
        (4, "Termin 4"),  # events 1–3 have ended: event 4 is next (and on the page)
        (7, "Termin 7"),
        (8, ""),  # all have ended
    ],
)
def test_the_start_page_names_an_event_only_when_it_is_sure(browser, many_events, day, expected):
    now = datetime(2025, 6, day, 12, tzinfo=BERLIN)
    shown = next_event_as_read(browser, many_events, now)
    assert shown.startswith(expected) if expected else shown == ""
    first_coming = termine_as_read(browser, many_events, now)[1]
    none = "Zurzeit ist kein weiterer Termin angekündigt."
    assert first_coming == (f"Termin {day}" if day <= 7 else none)
