"""Small content findings: the projects link on Über uns, contact via Kontakt, one time style.

- Über uns keeps the seed's sentence "Einige unserer Projekte stellen wir auf dieser Seite
  vor …" and links it to the project catalogue.
- Impressum and the 404 page send readers who want to reach the lab to Kontakt.
- Every time span reads in one style everywhere ("18–21 Uhr", as cards, footer and calendar
  write the meeting; "10–21 Uhr" for the Open Data Day); only Über uns keeps the seed's own
  wording ("zwischen 18 bis 21 Uhr").
"""

from __future__ import annotations

import re

from harness import ROOT
from labyaml import MeetingFacts, hour, read

SEED_SENTENCE = (
    "Einige unserer Projekte stellen wir auf dieser Seite vor, schau doch gerne mal rein."
)
MEETING = MeetingFacts.of(read(ROOT / "_data" / "lab.yaml"))
ONE_STYLE = f"{hour(MEETING.start)}–{hour(MEETING.end)} Uhr"  # "18–21 Uhr"
# The one style: hours joined by an en dash, then "Uhr" (the meeting's own span is one of them).
ONE_STYLE_PATTERN = re.compile(r"\d{1,2}–\d{1,2} Uhr")
SEED_WORDING = f"zwischen {hour(MEETING.start)} bis {hour(MEETING.end)} Uhr"
# Any clock time a reader can see: "18 Uhr", "18:00", "18–21 Uhr", "von 18 bis 21 Uhr" …
CLOCK = re.compile(
    r"(?:\b(?:von|um|ab|zwischen)\s+)?(?<![\d.:/])\b\d{1,2}(?::\d{2})?"
    r"(?:\s*(?:–|-|bis)\s*\d{1,2}(?::\d{2})?)?(?:\s*Uhr|(?<=:\d{2}))"
)


def text(soup) -> str:
    for hidden in soup(["script", "style", "code", "pre"]):  # code examples are no times
        hidden.decompose()
    return " ".join(soup.body.get_text(" ").split())


def href_target(href: str) -> str:
    """``../projekte/`` or ``/de/projekte/`` -> ``projekte/`` (the page a link leads to)."""
    return re.sub(r"^(\.\./|\./|/de/|/)+", "", href.split("#")[0])


def test_ueber_uns_links_its_projects_sentence_to_the_catalogue(site):
    article = site.page("ueber-uns/").find("article")
    paragraph = next(p for p in article.find_all("p") if "Einige unserer Projekte" in p.get_text())
    assert SEED_SENTENCE in " ".join(paragraph.get_text().split())
    links = paragraph.find_all("a")
    assert [href_target(a["href"]) for a in links] == ["projekte/"]
    assert links[0].get_text() == "Einige unserer Projekte"


def test_impressum_sends_readers_to_kontakt(site):
    section = site.page("impressum/").find(id="uber-das-ok-lab-flensburg")
    links = {a.get_text(strip=True): href_target(a["href"]) for a in section.select("p a")}
    assert links == {"Kontakt": "kontakt/"}
    assert "erreichst" in section.get_text()


def test_404_page_sends_readers_to_kontakt(site):
    items = site.page("404/").find("article").find_all("li")
    by_target = {href_target(li.find("a")["href"]): li.get_text(" ", strip=True) for li in items}
    assert "erreichst" in by_target["kontakt/"]
    # no other entry claims to say how to reach the lab
    assert [t for target, t in by_target.items() if "erreichst" in t and target != "kontakt/"] == []


def test_one_time_style_everywhere_but_the_seed_wording_on_ueber_uns(site):
    found: dict[str, set[str]] = {}
    for path in site.pages():
        page_text = text(site.page(path))
        if path == "":  # the start page's meeting card writes the meeting's own span
            assert ONE_STYLE in page_text
        if path == "ueber-uns/":
            assert page_text.count(SEED_WORDING) == 1
            page_text = page_text.replace(SEED_WORDING, "")
        styles = {t for t in CLOCK.findall(page_text) if not ONE_STYLE_PATTERN.fullmatch(t)}
        if styles:
            found[path] = styles
    assert not found, found


def test_the_time_finder_sees_every_style():
    sample = (
        "um 18 Uhr, von 18 bis 21 Uhr, 18:00, zwischen 18 bis 21 Uhr, 18–21 Uhr, 2026, "
        "http://127.0.0.1:8000"
    )
    assert CLOCK.findall(sample) == [
        "um 18 Uhr",
        "von 18 bis 21 Uhr",
        "18:00",
        "zwischen 18 bis 21 Uhr",
        "18–21 Uhr",
    ]
    assert [t for t in CLOCK.findall(sample) if ONE_STYLE_PATTERN.fullmatch(t)] == ["18–21 Uhr"]


def test_pages_write_the_time_with_the_placeholder():
    """Sources and templates: the time comes from {{ treffen_zeit }} (Über uns: the seed's)."""
    sources = [*ROOT.glob("*.md"), *ROOT.glob("*/*.md"), *ROOT.glob("_vorlagen/*.md")]
    for source in sources:
        if source.name == "README.md" or source.is_relative_to(ROOT / "ueber-uns"):
            continue
        body = re.sub(r"`[^`]*`", "", source.read_text(encoding="utf-8"))  # not code
        assert "{{ treffen_beginn }}" not in body and "{{ treffen_ende }}" not in body, source
        assert not re.search(r"\b(?:um|von)\s+\d{1,2}\s+Uhr", body), source
