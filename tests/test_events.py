"""Events: the box on the event's page, its own calendar file, its JSON-LD, the one subscribable
calendar with the meeting and every event, and "upcoming" decided in the reader's browser with
a fixed clock (Termine, start page), without JavaScript nothing claims to be upcoming. Termine
on numbered pages: a copy of the site with 51 more events, every page within the page budget,
the coming events first on the first page whenever the reader looks.

Expected values are written out here (the Open Data Day from tests/data/facts-projects.yaml:
1 March 2025, 10:00 to 21:00, Flensburg, https://opendataday-flensburg.de).
"""

from __future__ import annotations

import gzip
import json
from datetime import date, datetime, timedelta
from urllib.parse import urljoin
from zoneinfo import ZoneInfo

import pytest
from harness import PUBLISHED_CSP, build_in_process, copy_site, nu_messages, serve, sphinx_cli
from icalendar import Calendar
from newssite import build_news_site, page, post, write_news_site
from test_accessibility import MODES, axe_violations
from test_performance import MAX_FILES_PER_PAGE, MAX_GZIP_BYTES, first_visit_files

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
    assert termine.select_one('nav[aria-label="Seiten"]') is None  # one event: one page


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


def termine_as_read(
    browser, url: str, now: datetime | None, javascript: bool = True, path: str = "termine/"
) -> list:
    """Headings, texts and event titles of the events list, in reading order."""
    context, page, errors = open_page(browser, url + path, now, javascript)
    shown = page.evaluate(
        """() => [...document.querySelectorAll(
            '.oklab-events h2, .oklab-events > p, .oklab-events-more, '
            + '.oklab-events .oklab-event .sd-card-title')]
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


# -- Termine on numbered pages ------------------------------------------------------------------
# A copy of the site with 51 more events (posts): the Open Data Day (1 March 2025), "Termin 01"
# to "Termin 50" (a Wednesday evening each week from 7 January 2026, 18–20 Uhr, the last on
# 16 December) and an exhibition that runs all year ("Ausstellung", 5 January to 20 December
# 2026). 24 events to a page, the one that ends last first: the exhibition, then the weekly
# ones, newest first, then the Open Data Day.

EXHIBITION = "Ausstellung"


def weekly(number: int) -> str:
    return f"Termin {number:02d}"


def termine(*numbers: int) -> list[str]:
    return [weekly(n) for n in numbers]


PAGED_EVENTS = {
    f"neuigkeiten/termin-{n:02d}.md": post(
        weekly(n),
        "2025-12-01",
        "event:",
        f"  start: {date(2026, 1, 7) + timedelta(weeks=n - 1)} 18:00",
        f"  end: {date(2026, 1, 7) + timedelta(weeks=n - 1)} 20:00",
        "  online: true",
    )
    for n in range(1, 51)
} | {
    "neuigkeiten/ausstellung.md": post(
        EXHIBITION,
        "2025-12-01",
        "event:",
        "  start: 2026-01-05 10:00",
        "  end: 2026-12-20 18:00",
        "  place:",
        "    city: Flensburg",
    )
}
TERMINE_PAGES = ["termine/", "termine/seite/2/", "termine/seite/3/"]
ON_PAGE = [
    [EXHIBITION, *termine(*range(50, 27, -1))],
    termine(*range(27, 3, -1)),
    [*termine(3, 2, 1), ODD_TITLE],
]
MORE = "Nicht alle kommenden Termine passen auf diese Seite: weitere findest du auf Seite 2."
NONE = "Zurzeit ist kein weiterer Termin angekündigt."


@pytest.fixture(scope="module")
def paged_events(tmp_path_factory):
    src = copy_site(tmp_path_factory.mktemp("termine") / "src")
    for name, content in PAGED_EVENTS.items():
        (src / name).write_text(content, encoding="utf-8")
    build = build_in_process(src, src.parent / "build", PUBLISHED_CSP)
    assert build.statuscode == 0 and build.warnings == "", build.warnings
    return build


def event_titles(soup) -> list[str]:
    return [t.get_text(strip=True) for t in soup.select("article .oklab-event .sd-card-title")]


def test_termine_lists_every_event_once_on_numbered_pages(paged_events):
    shown = []
    for number, (path, titles) in enumerate(zip(TERMINE_PAGES, ON_PAGE, strict=True), start=1):
        soup = paged_events.page(path)
        assert event_titles(soup) == titles, path
        for card in soup.select("article .oklab-event"):
            assert card.find("time").get_text(strip=True), path  # every event with its date
        nav = soup.select_one('nav[aria-label="Seiten"]')
        links = {a.get_text(): urljoin(f"/{path}", a["href"]) for a in nav.select("a")}
        assert [links[str(n)] for n in (1, 2, 3)] == [f"/{p}" for p in TERMINE_PAGES]
        assert [a.get_text() for a in nav.select('a[aria-current="page"]')] == [str(number)]
        heading = soup.find("h1").get_text(strip=True).rstrip("#")
        assert heading == ("Termine" if number == 1 else f"Termine – Seite {number} von 3")
        shown += event_titles(soup)
    assert sorted(shown) == sorted([EXHIBITION, ODD_TITLE, *termine(*range(1, 51))])
    # The meeting and the subscription stay on the first page, below the events' page links.
    first = str(paged_events.page("termine/").find("article"))
    assert first.index('aria-label="Seiten"') < first.index("oklab-meeting")
    assert "oklab-meeting" not in str(paged_events.page("termine/seite/2/").find("article"))


def test_as_written_nothing_on_termine_claims_to_be_upcoming(paged_events):
    first = paged_events.page("termine/")
    more = first.select_one(".oklab-events-more")
    assert more.has_attr("hidden") and more.get_text(strip=True) == MORE
    assert urljoin("/termine/", more.a["href"]) == "/termine/seite/2/"
    for path in TERMINE_PAGES:
        text = paged_events.page(path).find("article")
        for hidden in text.select("[hidden]"):
            hidden.decompose()
        assert "ommende" not in text.get_text(), path


def urljoin_path(page: str, href: str) -> str:
    return urljoin(f"/{page}", href)


def page_scripts(soup) -> list[str]:
    return sorted(s["src"].split("?")[0].rsplit("/", 1)[-1] for s in soup.select("script[src]"))


def test_every_termine_page_within_the_page_budget(paged_events):
    for path in TERMINE_PAGES:
        files = first_visit_files(paged_events, path)
        weight = sum(len(gzip.compress(f.read_bytes(), 6)) for f in files)
        print(f"/{path}: {len(files)} requests, {weight / 1024:.1f} KB gzip")  # pytest -s
        assert len(files) <= 1 + MAX_FILES_PER_PAGE, (path, files)
        assert weight <= MAX_GZIP_BYTES, f"/{path}: {weight / 1024:.1f} KB gzip"
    # Meeting and events need one script: Termine loads what the Kontakt page (the meeting)
    # loads, and the further pages, which decide nothing, one script less.
    kontakt = page_scripts(paged_events.page("kontakt/"))
    assert page_scripts(paged_events.page("termine/")) == kontakt
    assert page_scripts(paged_events.page("")) == kontakt
    assert page_scripts(paged_events.page("termine/seite/2/")) == [
        s for s in kontakt if s != "upcoming.js"
    ]


@pytest.fixture(scope="module")
def paged_events_server(paged_events):
    with serve(paged_events.outdir) as url:
        yield url


ON_CLOCK = {
    # Before every event but the Open Data Day: more are coming than fit on the first page.
    "all-coming": (
        datetime(2025, 12, 1, 12, tzinfo=BERLIN),
        ["Kommende Termine", MORE, EXHIBITION, *termine(*range(28, 51))],
    ),
    # Termin 39 (30 September) has ended, Termin 40 (7 October) is next; the exhibition runs.
    "autumn": (
        datetime(2026, 10, 1, 12, tzinfo=BERLIN),
        [
            "Kommende Termine",
            EXHIBITION,
            *termine(*range(40, 51)),
            "Vergangene Termine",
            *termine(*range(39, 27, -1)),
        ],
    ),
    # Every weekly event has ended, the exhibition (which began before all of them) has not.
    "exhibition-only": (
        datetime(2026, 12, 18, 12, tzinfo=BERLIN),
        [
            "Kommende Termine",
            EXHIBITION,
            "Vergangene Termine",
            *termine(*range(50, 27, -1)),
        ],
    ),
    "all-over": (
        datetime(2027, 1, 1, 12, tzinfo=BERLIN),
        [
            "Kommende Termine",
            NONE,
            "Vergangene Termine",
            EXHIBITION,
            *termine(*range(50, 27, -1)),
        ],
    ),
}


@pytest.mark.browser
@pytest.mark.parametrize("clock", list(ON_CLOCK))
def test_termine_lists_the_coming_events_first_on_its_first_page(
    browser, paged_events_server, clock
):
    now, expected = ON_CLOCK[clock]
    assert termine_as_read(browser, paged_events_server, now) == expected


@pytest.mark.browser
def test_the_note_leads_to_the_other_coming_events(browser, paged_events_server):
    context, page, errors = open_page(
        browser, paged_events_server + "termine/", ON_CLOCK["all-coming"][0]
    )
    page.get_by_role("link", name=MORE).click()
    page.wait_for_url("**/termine/seite/2/")
    assert page.locator("h1").inner_text().rstrip("#") == "Termine – Seite 2 von 3"
    context.close()
    assert errors == []


@pytest.mark.browser
def test_without_javascript_termine_lists_its_events_by_date_and_claims_nothing(
    browser, paged_events_server
):
    now = ON_CLOCK["autumn"][0]
    for path, titles in zip(TERMINE_PAGES, ON_PAGE, strict=True):
        read = termine_as_read(browser, paged_events_server, now, javascript=False, path=path)
        assert read == titles, path
    # The further pages decide nothing, with or without JavaScript.
    before = ON_CLOCK["all-coming"][0]
    read = termine_as_read(browser, paged_events_server, before, path="termine/seite/2/")
    assert read == ON_PAGE[1]


@pytest.mark.browser
@pytest.mark.parametrize("clock", ["all-coming", "autumn"])
def test_termine_pages_are_accessible(browser, paged_events_server, clock):
    problems = {}
    for width, scheme in MODES:
        context = browser.new_context(
            viewport={"width": width, "height": 900},
            color_scheme=scheme,
            reduced_motion="reduce",
            timezone_id="Europe/Berlin",
        )
        for path in TERMINE_PAGES[:2]:
            page = context.new_page()
            page.clock.set_fixed_time(ON_CLOCK[clock][0])
            page.goto(paged_events_server + path, wait_until="load")
            found = axe_violations(page)
            if page.evaluate("document.documentElement.scrollWidth") > width:
                found.append("wider than the window")
            if found:
                problems[(width, scheme, path)] = found
            page.close()
        context.close()
    assert problems == {}


@pytest.mark.vnu
def test_termine_pages_are_valid_html(paged_events):
    files = [paged_events.outdir / path / "index.html" for path in TERMINE_PAGES]
    try:
        messages = nu_messages(files)
    except FileNotFoundError as missing:
        pytest.fail(str(missing), pytrace=False)
    errors = [m for m in messages if m["type"] in ("error", "non-document-error")]
    assert errors == [], errors


def test_an_event_that_needs_a_second_page_appears_on_an_incremental_build(tmp_path):
    """``make serve``: two events to a page; a third one moves the oldest to page 2."""

    def event(title: str, day: int) -> str:
        lines = ["event:", f"  start: 2026-05-{day:02d} 18:00", f"  end: 2026-05-{day:02d} 20:00"]
        return post(title, "2026-04-01", *lines, "  online: true")

    src = write_news_site(tmp_path / "src", {"neuigkeiten/a.md": event("Erster", 1)})
    (src / "neuigkeiten" / "b.md").write_text(event("Zweiter", 2), encoding="utf-8")
    out, options = tmp_path / "html", ["-d", str(tmp_path / "doctrees"), "-D"]
    first = sphinx_cli(src, out, *options, "oklab_cards_per_page=2", clean=False)
    assert first.returncode == 0, first.output
    assert event_titles(first.page("termine/")) == ["Zweiter", "Erster"]
    assert not (out / "termine" / "seite").exists()
    (src / "neuigkeiten" / "c.md").write_text(event("Dritter", 3), encoding="utf-8")
    second = sphinx_cli(src, out, *options, "oklab_cards_per_page=2", clean=False)
    assert second.returncode == 0, second.output
    assert event_titles(second.page("termine/")) == ["Dritter", "Zweiter"]
    links = second.page("termine/").select('nav[aria-label="Seiten"] a')
    assert [a.get_text() for a in links] == ["1", "2", "Nächste Seite"]
    assert event_titles(second.page("termine/seite/2/")) == ["Erster"]
