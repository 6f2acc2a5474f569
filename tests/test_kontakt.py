"""The Kontakt page and the meeting card: everything a newcomer needs, from one data file."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from urllib.parse import parse_qs, unquote, urljoin, urlsplit

import pytest
import yaml
from harness import (
    FACTS_LAB,
    LAB_FILE,
    ROOT,
    build_in_process,
    copy_root,
    copy_site,
    sphinx_cli,
    write_files,
)
from icalendar import Calendar
from labyaml import MeetingFacts, hour, read
from oracles import message

LAB = read(LAB_FILE)
MEETING = MeetingFacts.of(LAB)


@pytest.fixture(scope="module")
def page(site):
    return site.page("kontakt/")


def text(element) -> str:
    return re.sub(r"\s+", " ", element.get_text(" ")).strip()


def canonical(soup) -> str:
    return soup.find("link", rel="canonical")["href"]


def test_page_is_titled_kontakt_and_in_the_menu(site, page):
    assert text(page.find("h1")).startswith("Kontakt")
    assert page.title.get_text().startswith("Kontakt")
    menu = [a.get("href") for a in site.page("").select(".sidebar-tree a")]
    assert "kontakt/" in menu


def test_meeting_card_shows_rule_place_and_address(page):
    card = page.select_one(".oklab-meeting")
    shown = text(card)
    assert MEETING.rule in shown
    assert f"{MEETING.place}, {MEETING.address}" in shown


def test_start_page_shows_the_same_card_linking_to_kontakt(site, page):
    start = site.page("").select_one(".oklab-meeting")
    assert start is not None
    rule = start.select_one(".oklab-next-meeting")
    assert rule.attrs == page.select_one(".oklab-next-meeting").attrs
    assert MEETING.rule in text(start) and MEETING.address in text(start)
    assert start.select_one("a.sd-stretched-link")["href"] == "kontakt/"


def test_address_links_to_an_openstreetmap_search_and_embeds_no_map(page):
    links = [a for a in page.select(".oklab-meeting a") if "openstreetmap.org" in a["href"]]
    assert len(links) == 1
    url = urlsplit(links[0]["href"])
    assert (url.scheme, url.netloc, url.path) == ("https", "www.openstreetmap.org", "/search")
    assert parse_qs(url.query) == {"query": [MEETING.address]}
    # A link only: no frames, map tiles or scripts from the map's host.
    assert not page.find_all(["iframe", "object", "embed"])
    for element in page.find_all(["img", "script"], src=True):
        assert "openstreetmap" not in element["src"]


def test_download_link_leads_to_the_built_calendar_file(site, page):
    link = page.select_one("a.oklab-calendar-download")
    assert text(link) == "Zum Kalender hinzufügen"
    target = urljoin("http://site/kontakt/", link["href"])
    assert urlsplit(target).netloc == "site", "download must come from the site itself"
    file = site.outdir / urlsplit(target).path.lstrip("/")
    calendar = Calendar.from_ical(file.read_bytes())
    assert calendar.walk("VEVENT")


def test_subscribe_link_is_webcal_at_the_canonical_address(page):
    link = page.select_one("a.oklab-calendar-subscribe")
    assert text(link) == "Abonnieren"
    download = urljoin(canonical(page), page.select_one("a.oklab-calendar-download")["href"])
    assert download.startswith("https://")
    assert link["href"] == "webcal://" + download.split("://", 1)[1]


def test_contact_cards_are_mail_links(page):
    cards = page.select(".oklab-contact")
    assert len(cards) == len(LAB["contacts"])
    for card, contact in zip(cards, LAB["contacts"], strict=True):
        assert contact["name"] in text(card)
        assert unquote(card.find("a")["href"]) == f"mailto:{contact['email']}"


@pytest.mark.parametrize("path", ["kontakt/", "ueber-uns/"])
def test_link_cards_carry_rel_from_the_data(site, path):
    cards = site.page(path).select(".oklab-link")
    assert [c.find("a")["href"] for c in cards] == [link["url"] for link in LAB["links"]]
    for card, link in zip(cards, LAB["links"], strict=True):
        rel = card.find("a").get("rel", [])
        if link.get("rel"):
            assert link["rel"] in rel, link["name"]
        else:
            assert "me" not in rel, link["name"]
    assert any(link.get("rel") == "me" and "norden.social" in link["url"] for link in LAB["links"])


def test_no_date_is_frozen_into_the_html(site):
    """The next date comes from the browser; the built pages hold only the weekly rule."""
    months = "Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember"
    for path in ("", "kontakt/"):
        card = site.page(path).select_one(".oklab-meeting")
        assert not card.find("time")
        assert not re.search(rf"\d{{1,2}}\. ({months})|\d{{4}}-\d{{2}}-\d{{2}}", str(card))


# -- One source of truth: change the meeting once, every output follows ---------------------

CHANGED = {"weekday": "Donnerstag", "start": "17:30", "end": "20:45", "place": "Testraum"}
OLD_TEXTS = [
    MEETING.weekday,
    f"{hour(MEETING.start)}–{hour(MEETING.end)}",
    f"{hour(MEETING.start)} bis {hour(MEETING.end)}",
    MEETING.place,
]


@pytest.fixture(scope="module")
def changed(tmp_path_factory):
    """A copy of the site whose ``_data/lab.yaml`` has another meeting day, time and place."""
    assert all(MEETING.__dict__[k] != v for k, v in CHANGED.items()), "pick other test values"
    work = tmp_path_factory.mktemp("changed")
    src = copy_site(work / "site")
    data = read(LAB_FILE)
    data["meeting"].update(CHANGED)
    write_files(src, {"_data/lab.yaml": yaml.safe_dump(data, allow_unicode=True, sort_keys=False)})
    build = build_in_process(src, work / "build")
    assert build.statuscode == 0 and build.warnings == "", build.warnings
    return build


def test_changed_meeting_reaches_every_page_text(changed):
    new = MeetingFacts.of({"meeting": {**LAB["meeting"], **CHANGED}})
    ueber_uns = text(changed.page("ueber-uns/").find("article"))
    assert f"jeden {new.weekday}" in ueber_uns
    assert f"{hour(new.start)} bis {hour(new.end)} Uhr" in ueber_uns
    for path in ("", "kontakt/"):
        card = changed.page(path).select_one(".oklab-meeting")
        assert new.rule in text(card) and new.place in text(card), path
        rule = card.select_one(".oklab-next-meeting")
        assert (rule["data-weekday"], rule["data-start"], rule["data-end"]) == (
            str(new.index + 1),
            new.start,
            new.end,
        )
    footer = changed.page("kontakt/").select_one(".oklab-footer-meeting")
    assert new.weekday in text(footer) and hour(new.start) in text(footer)


def test_changed_meeting_leaves_no_old_value_on_any_page(changed):
    for path in changed.pages():
        page = changed.page(path)
        descriptions = [m["content"] for m in page.select('meta[name="description"]')]
        body = " ".join([text(page.find("body")), *descriptions])
        for old in OLD_TEXTS:
            assert old not in body, (path, old)


def test_changed_meeting_reaches_calendar_and_structured_data(changed):
    new = MeetingFacts.of({"meeting": {**LAB["meeting"], **CHANGED}})
    calendar = Calendar.from_ical((changed.outdir / "treffen.ics").read_bytes())
    (event,) = [e for e in calendar.walk("VEVENT") if "rrule" in e]  # the meeting, not events
    start, end = event.decoded("dtstart"), event.decoded("dtend")
    assert (start.weekday(), f"{start:%H:%M}", f"{end:%H:%M}") == (new.index, new.start, new.end)
    assert event["rrule"]["BYDAY"] == [["MO", "TU", "WE", "TH", "FR", "SA", "SU"][new.index]]
    assert new.place in str(event["location"])
    assert new.weekday in str(event["description"])

    blocks = [
        json.loads(s.string)
        for s in changed.page("kontakt/").find_all("script", type="application/ld+json")
    ]
    (event_ld,) = [b for b in blocks if b["@type"] == "Event"]
    schedule = event_ld["eventSchedule"]
    assert schedule["byDay"].endswith("/Thursday")
    assert (schedule["startTime"], schedule["endTime"]) == (new.start, new.end)
    assert event_ld["location"]["name"] == new.place


NOT_SOURCES = {".git", ".venv", "_build", "node_modules"}


def test_calendar_and_script_stay_out_of_the_sources():
    """Generated files go to the output folder only (a live preview would loop otherwise)."""
    generated = []
    for _folder, subfolders, files in os.walk(ROOT):
        subfolders[:] = [d for d in subfolders if d not in NOT_SOURCES]
        generated += [f for f in files if f.endswith(".ics")]
    assert generated == []
    assert Path(ROOT / "_ext" / "oklab" / "static" / "upcoming.js").is_file()


# -- Mistakes in the data file: German message with file, line and field, no traceback ---------

# The data file's mistakes of one build are all reported in that run (one message each, then
# the build stops); (text in the real file, the editor's mistake, the exact message).
DATA_MISTAKES = {
    "Tag, Beginn, Zeitzone, Symbol, Adresse": [
        (
            "weekday: Mittwoch",
            "weekday: Mitwoch",
            message("unbekannter Wochentag", field="meeting.weekday", value="Mitwoch"),
        ),
        (
            'start: "18:00"',
            "start: 18 Uhr",
            message("keine Uhrzeit", field="meeting.start", value="18 Uhr"),
        ),
        (
            "timezone: Europe/Berlin",
            "timezone: Europa/Berlin",
            message("unbekannte Zeitzone", field="meeting.timezone", value="Europa/Berlin"),
        ),
        (
            "icon: mastodon",
            "icon: mastadon",
            message("unbekanntes Symbol", field="links[3].icon", value="mastadon"),
        ),
        (
            "url: https://github.com/oklabflensburg",
            "url: github.com/oklabflensburg",
            message("keine Webadresse", field="links[5].url", value="github.com/oklabflensburg"),
        ),
    ],
    "Ende vor Beginn": [
        (
            'end: "21:00"',
            'end: "17:00"',
            message("Ende vor Beginn", field="meeting.end", end="17:00", start="18:00"),
        ),
    ],
    "Postleitzahl, E-Mail-Adresse": [
        (
            'postcode: "24939"',
            'postcode: "2493"',
            message("keine Postleitzahl", field="meeting.postcode", value="2493"),
        ),
        (
            "email: roald@grain.one",
            "email: roald-grain.one",
            message("keine E-Mail-Adresse", field="contacts[1].email", value="roald-grain.one"),
        ),
    ],
}
STOPPED = "ERROR: " + message("Datendatei fehlerhaft")


@pytest.mark.parametrize("case", DATA_MISTAKES)
def test_mistakes_in_the_data_file_are_reported_in_german(tmp_path, case):
    text = LAB_FILE.read_text(encoding="utf-8")
    expected = []
    for old, new, wording in DATA_MISTAKES[case]:
        assert text.count(old) == 1, old
        line = text[: text.index(old)].count("\n") + 1
        expected.append(f"_data/lab.yaml:{line}: ERROR: {wording}")
        text = text.replace(old, new)
    src = copy_root("meeting", tmp_path / "src")
    write_files(src, {"_data/lab.yaml": text})
    build = sphinx_cli(src, tmp_path / "html")
    assert build.returncode == 1
    assert "Traceback" not in build.output
    reported = [re.sub(r" \[[\w.-]+\]$", "", line) for line in build.stderr.splitlines()]
    assert reported == [*expected, STOPPED]


def test_names_the_chat_channel_without_a_link(page):
    """The lab's channel in the Code for Germany Slack (facts: ``chat``): named, not linked,
    since no invitation address is public."""
    facts = yaml.safe_load(FACTS_LAB.read_text(encoding="utf-8"))["chat"]
    assert "Code for Germany Slack, channel #flensburg" in facts
    chat = page.find("section", id="chat")
    assert "Im Slack von Code for Germany findest du uns im Kanal #flensburg." in text(chat)
    assert chat.find("a", href=re.compile("slack", re.I)) is None
    assert page.find("a", href=re.compile("slack", re.I)) is None
