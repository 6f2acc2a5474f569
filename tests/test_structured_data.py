"""Structured data (JSON-LD): the lab on every page, the weekly meeting on the Kontakt page."""

from __future__ import annotations

import json
from datetime import date

import pytest
import yaml
from harness import LAB_FILE, Output
from labyaml import SCHEMA_DAYS, MeetingFacts, read

LAB = read(LAB_FILE)
MEETING = MeetingFacts.of(LAB)


def blocks(soup) -> list[dict]:
    """Every JSON-LD block of a page, parsed (fails on invalid JSON)."""
    return [json.loads(s.string) for s in soup.find_all("script", type="application/ld+json")]


def of_type(soup, kind: str) -> list[dict]:
    return [b for b in blocks(soup) if b.get("@type") == kind]


@pytest.fixture(scope="module")
def base(site) -> str:
    return site.page("").find("link", rel="canonical")["href"]


def test_every_page_has_one_organization(site, base):
    general = [c["email"] for c in LAB["contacts"] if c.get("general")]
    for path in site.pages():
        soup = site.page(path)
        orgs = of_type(soup, "Organization")
        assert len(orgs) == 1, path
        org = orgs[0]
        assert org["@context"] == "https://schema.org"
        assert org["name"] == LAB["name"]
        assert org["url"] == base
        assert org["sameAs"] == [link["url"] for link in LAB["links"]]
        assert [org["email"]] == general


def test_organization_logo_is_a_file_of_the_site(site, base):
    (org,) = of_type(site.page(""), "Organization")
    assert org["logo"].startswith(base)
    assert (site.outdir / org["logo"][len(base) :]).is_file()


def test_kontakt_page_describes_the_weekly_meeting(site, base):
    (event,) = of_type(site.page("kontakt/"), "Event")
    assert event["url"] == base + "kontakt/"
    schedule = event["eventSchedule"]
    assert schedule["@type"] == "Schedule"
    assert schedule["byDay"] == f"https://schema.org/{SCHEMA_DAYS[MEETING.index]}"
    assert (schedule["startTime"], schedule["endTime"]) == (MEETING.start, MEETING.end)
    assert schedule["scheduleTimezone"] == MEETING.timezone
    assert schedule["repeatFrequency"] == "P1W"
    assert date.fromisoformat(schedule["startDate"]).weekday() == MEETING.index

    place = event["location"]
    assert place["@type"] == "Place" and place["name"] == MEETING.place
    address = place["address"]
    assert address["@type"] == "PostalAddress"
    assert (address["streetAddress"], address["postalCode"], address["addressLocality"]) == (
        MEETING.street,
        MEETING.postcode,
        MEETING.city,
    )
    assert address["addressCountry"] == LAB["meeting"]["country"]
    assert event["organizer"]["name"] == LAB["name"]


def test_only_the_kontakt_page_and_event_pages_have_an_event(site):
    """The weekly meeting on Kontakt, and each page that describes an event (test_events.py)."""
    pages = [path for path in site.pages() if of_type(site.page(path), "Event")]
    with_event = [p for p in site.pages() if site.page(p).select_one(".oklab-event-box")]
    assert with_event and pages == sorted(["kontakt/", *with_event])


def test_data_blocks_cannot_break_out_of_their_script(site):
    """No ``<`` in the raw text: a value can never close the ``<script>`` element early."""
    for path in ("", "kontakt/"):
        for script in site.page(path).find_all("script", type="application/ld+json"):
            assert "<" not in script.string and not script.get("src")


# Values no real data file has, but an editor could write: markup and the end of a script.
HOSTILE_TAGLINE = 'Daten </script><script>alert("tagline")</script> & Taten'
HOSTILE_PLACE = "Raum <3 & Hinterhaus </SCRIPT >"


def test_hostile_values_stay_data(root_app):
    data = read(LAB_FILE)
    data["tagline"] = HOSTILE_TAGLINE
    data["meeting"]["place"] = HOSTILE_PLACE
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    app = root_app("structured-data", {"_data/lab.yaml": text})
    app.build()
    assert app.statuscode == 0 and app.warning.getvalue() == ""
    page = Output(app.outdir).page("kontakt/")
    scripts = page.find_all("script")
    assert not [s for s in scripts if "alert(" in (s.string or "") and not s.get("type")]
    raw = [s.string for s in scripts if s.get("type") == "application/ld+json"]
    assert raw and all("<" not in text and ">" not in text for text in raw), raw
    (org,) = of_type(page, "Organization")
    (event,) = of_type(page, "Event")
    assert org["description"] == HOSTILE_TAGLINE
    assert event["location"]["name"] == HOSTILE_PLACE
