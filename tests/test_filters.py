"""The project overview's filters: links to static pages, one per topic and one per status,
that list exactly the projects with that topic or status, with JavaScript off.

Expected: written out for two filters, and for every filter from the project files' front
matter read here with a YAML parser (an independent, simpler model than the site's).
"""

from __future__ import annotations

from urllib.parse import urljoin

import pytest
import yaml
from harness import ROOT

LABELS = {"seeking": "sucht Mitwirkende", "active": "in Arbeit", "finished": "abgeschlossen"}


def projects() -> list[dict]:
    found = []
    for file in sorted((ROOT / "projekte").glob("*.md")):
        if file.name != "index.md":
            found.append(yaml.safe_load(file.read_text(encoding="utf-8").split("---\n")[1]))
    return found


def filter_links(site) -> dict[str, dict[str, str]]:
    """``{"Nach Thema:": {"Umwelt": "themen/umwelt/", …}, "Nach Stand:": {…}}``"""
    box = site.page("projekte/").select_one(".oklab-project-filters")
    assert box is not None, "the overview has no filters"
    links = {}
    for paragraph in box.find_all("p"):
        name = paragraph.find("strong").get_text()
        base = "/projekte/"
        links[name] = {
            a.get_text(): urljoin(base, a["href"]).lstrip("/") for a in paragraph.find_all("a")
        }
    return links


def listed_projects(site, path: str) -> list[str]:
    section = site.page(path).select_one("section#projekte")
    return [t.get_text(strip=True) for t in section.select(".sd-card-title")] if section else []


def test_filters_offer_every_topic_and_status_of_a_project(site):
    links = filter_links(site)
    topics = sorted({tag for p in projects() for tag in p.get("tags", [])})
    assert sorted(links["Nach Thema:"]) == topics
    assert list(links["Nach Stand:"]) == ["sucht Mitwirkende", "in Arbeit", "abgeschlossen"]
    assert links["Nach Stand:"]["in Arbeit"] == "projekte/stand/in-arbeit/"
    assert links["Nach Thema:"]["Mobilität"] == "themen/mobilitaet/"


def test_two_filter_pages_written_out(site):
    links = filter_links(site)
    assert listed_projects(site, links["Nach Stand:"]["abgeschlossen"]) == ["Kulturnacht-Karte"]
    umwelt = listed_projects(site, links["Nach Thema:"]["Umwelt"])
    assert sorted(umwelt) == ["Biotopkarte", "Recyclingcontainer", "Straßenbäume"]


def test_every_filter_page_lists_exactly_its_projects(site):
    links = filter_links(site)
    everything = projects()
    for tag, path in links["Nach Thema:"].items():
        expected = sorted(p["title"] for p in everything if tag in p.get("tags", []))
        assert sorted(listed_projects(site, path)) == expected, tag
    for status, label in LABELS.items():
        expected = sorted(p["title"] for p in everything if p.get("status") == status)
        assert sorted(listed_projects(site, links["Nach Stand:"][label])) == expected, label


@pytest.mark.browser
def test_filter_works_with_javascript_off(browser, server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server + "projekte/")
    page.locator(".oklab-project-filters").get_by_role("link", name="in Arbeit").click()
    page.wait_for_url("**/projekte/stand/in-arbeit/")
    assert page.locator("h1").inner_text().rstrip("#") == "Projekte: in Arbeit"
    titles = page.locator("section#projekte .sd-card-title").all_inner_texts()
    assert sorted(t.strip() for t in titles) == [
        "Badestellenkarte Schleswig-Holstein",
        "Biotopkarte",
        "Flurstücksauskunft Schleswig-Holstein",
        "Notfallkarte Schleswig-Holstein",
        "Wohnort-Kompass",
        "kulturbytes",
    ]
    context.close()
