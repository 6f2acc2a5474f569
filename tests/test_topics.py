"""Topics: a page per tag with the projects and the posts that carry it, an overview of all
topics, and tags that link there from project cards, facts boxes and posts.

The expected topics come from the front matter (read here) and a simpler model of the
address (lower case, umlauts written out, anything else a hyphen) written in this file.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin

import yaml
from harness import ROOT

SOURCES = {
    "projects": sorted(p for p in (ROOT / "projekte").glob("*.md") if p.name != "index.md"),
    "posts": sorted(p for p in (ROOT / "neuigkeiten").glob("*.md") if p.name != "index.md"),
}
UMLAUTS = {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"}


def address(tag: str) -> str:
    text = "".join(UMLAUTS.get(c, c) for c in tag.lower())
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def front_matter(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---", 2)[1])


def expected_topics() -> dict[str, dict[str, set[str]]]:
    """Topic address -> {"projects": titles, "posts": titles}."""
    topics: dict[str, dict[str, set[str]]] = {}
    for kind, files in SOURCES.items():
        for file in files:
            meta = front_matter(file)
            for tag in meta.get("tags", []):
                topic = topics.setdefault(address(tag), {"projects": set(), "posts": set()})
                topic[kind].add(meta["title"])
    return topics


def titles(section) -> set[str]:
    if section is None:
        return set()
    return {t.get_text(strip=True) for t in section.select(".sd-card-title")}


def test_a_page_per_topic_with_its_projects_and_posts(site):
    topics = expected_topics()
    assert "veranstaltung" in topics and topics["kultur"]["posts"]
    for name, expected in topics.items():
        soup = site.page(f"themen/{name}/")
        assert soup.find("h1").get_text(strip=True).startswith("Thema: ")
        assert titles(soup.find("section", id="projekte")) == expected["projects"], name
        assert titles(soup.find("section", id="neuigkeiten")) == expected["posts"], name
    generated = {p.split("/")[1] for p in site.pages() if re.fullmatch(r"themen/[^/]+/", p)}
    assert generated == set(topics)


def test_the_overview_links_every_topic(site):
    links = site.page("themen/").select("article a.oklab-tag")
    assert {urljoin("/themen/", a["href"]) for a in links} == {
        f"/themen/{name}/" for name in expected_topics()
    }


def test_tags_link_to_their_topic_on_cards_facts_boxes_and_posts(site):
    checked = 0
    for path in site.pages():
        if path.startswith("projekte/stand/"):
            continue  # the statuses' overview lists statuses (tests/test_filters.py)
        for tag in site.page(path).select("article a.oklab-tag"):
            target = urljoin(f"/{path}", tag["href"])
            assert target == f"/themen/{address(tag.get_text(strip=True))}/", (path, target)
            checked += 1
    box = site.page("projekte/unfallkarte/").select_one(".oklab-facts")
    assert [a.get_text(strip=True) for a in box.select("a.oklab-tag")] == ["Mobilität"]
    assert checked > 30


def test_topic_pages_are_pages_like_any_other(site):
    """Canonical address, sitemap, description, German title: what every page has."""
    sitemap = (site.outdir / "sitemap.xml").read_text(encoding="utf-8")
    for name in expected_topics():
        soup = site.page(f"themen/{name}/")
        canonical = soup.find("link", rel="canonical")["href"]
        assert canonical.endswith(f"/themen/{name}/") and f"<loc>{canonical}</loc>" in sitemap
        assert soup.find("meta", attrs={"name": "description"})["content"].startswith(
            "Projekte und Neuigkeiten des OK Lab Flensburg zum Thema "
        )
        assert soup.find("meta", property="og:url")["content"] == canonical
