"""Front matter and the data file are text, never markup: whatever an editor types shows
exactly as typed, and nothing in it can open an element, an attribute, a Markdown construct,
a MyST role or end a ``<script>`` early.

Property-based (Hypothesis, fixed seed and example count): values from a hostile alphabet go
into a project's title, description and tags, a link's name and the meeting place of a small
site (``tests/roots/test-escaping``), and the same values into a post (title, description,
tag, author) with an event (its place's name). The site is built each time. The pages must
build, show the values literally, have no element or attribute the same page with harmless
values lacks, keep their JSON-LD, calendar files, feeds and exports (JSON, CSV) parseable (and
the values in them as typed), and pass the Nu Html Checker. One explicit test per injection
class shows what used to go wrong.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import tempfile
from collections import Counter
from pathlib import Path
from urllib.parse import urljoin
from xml.etree import ElementTree

import feedparser
import pytest
import yaml
from bs4 import BeautifulSoup
from harness import Output, build_in_process, nu_messages, sphinx_cli, write_small_site
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st
from icalendar import Calendar
from oracles import message

HARMLESS = {
    "title": "Karte",
    "description": "Eine Karte.",
    "tag": "Umwelt",
    "technology": "PostGIS",
    "link": "Website",
    "place": "Aktivitetshuset",
}
HOSTILE = "<>&\"'`*_[]{}|$#\\"
FRAGMENTS = ["</script>", "<!--", "-->", "<b>", "{{ x }}", "{sub}`x`", "**", "&amp;", "\u2028"]
LETTERS = "aäöüßæøåÆØÅ Zz🙂"


def value_strategy() -> st.SearchStrategy[str]:
    pieces = st.one_of(
        st.text(alphabet=HOSTILE + LETTERS, min_size=1, max_size=6),
        st.sampled_from(FRAGMENTS),
        st.just("\n"),  # line breaks, where YAML allows them (a quoted string)
    )
    return st.lists(pieces, min_size=1, max_size=6).map("".join).map(str.strip).filter(bool)


def shown(text: str) -> str:
    """What a reader sees: the text with its whitespace collapsed (HTML does the same)."""
    return " ".join(text.split())


# -- Building the small site ----------------------------------------------------------------


def write_site(dest: Path, values: dict[str, str]) -> Path:
    def change(lab: dict) -> None:
        lab["meeting"]["place"] = values["place"]
        lab["links"][0]["name"] = values["link"]

    project = {
        "title": values["title"],
        "description": values["description"],
        "status": "seeking",
        "tags": [values["tag"]],
        "technologies": [values["technology"]],
        "links": [{"name": values["link"], "url": "https://oklabflensburg.de"}],
    }
    return write_small_site(dest, project, change)


def write_post(src: Path, values: dict[str, str]) -> None:
    """``neuigkeiten/beitrag.md``: a post with an event, from the same values."""
    front_matter = {
        "title": values["title"],
        "description": values["description"],
        "date": "2025-02-11",
        "tags": [values["tag"]],
        "author": values["link"],
        "event": {
            "start": "2025-03-01 10:00",
            "end": "2025-03-01 21:00",
            "place": {"name": values["place"], "city": "Flensburg"},
        },
    }
    text = "---\n" + yaml.safe_dump(front_matter, allow_unicode=True) + "---\n\nText.\n"
    (src / "neuigkeiten" / "beitrag.md").write_text(text, encoding="utf-8")


def build(dest: Path, values: dict[str, str]) -> tuple[Path, str]:
    """Build the small site in-process; ``(output folder, warnings)``."""
    src = write_site(dest / "src", values)
    write_post(src, values)
    built = build_in_process(src, dest / "build")
    assert built.statuscode == 0, built.warnings
    return built.outdir, built.warnings


def page(outdir: Path, path: str) -> BeautifulSoup:
    return Output(outdir).page(path)


def structure(soup: BeautifulSoup) -> Counter:
    """The page's elements and attribute names, whatever their text. Empty anchors
    (``<span id="…">``, added where a heading's slug differs from its id) carry nothing."""
    return Counter(
        (tag.name, tuple(sorted(tag.attrs)))
        for tag in soup.find_all(True)
        if not (list(tag.attrs) == ["id"] and not tag.contents)
    )


def heading(soup: BeautifulSoup) -> str:
    h1 = soup.find("h1")
    for link in h1.select("a.headerlink"):
        link.extract()
    return h1.get_text()


def json_ld(soup: BeautifulSoup) -> list[dict]:
    return [json.loads(s.string) for s in soup.find_all("script", type="application/ld+json")]


PAGES = (
    "",
    "projekte/",
    "projekte/karte/",
    "kontakt/",
    "neuigkeiten/",
    "neuigkeiten/beitrag/",
    "termine/",
    "themen/",
)
TOPIC = "topic"  # the topic page of the tag, whose address depends on the tag


def topic_path(outdir: Path) -> str:
    """The topic page the post's tag links to (``themen/…/``)."""
    href = page(outdir, "neuigkeiten/beitrag/").select_one(".oklab-post-header a.oklab-tag")["href"]
    return urljoin("/neuigkeiten/beitrag/", href).strip("/") + "/"


def pages_of(outdir: Path) -> dict[str, str]:
    """Name -> URL path of every page the tests look at."""
    return {**{path: path for path in PAGES}, TOPIC: topic_path(outdir)}


@pytest.fixture(scope="module")
def baseline(tmp_path_factory) -> dict[str, Counter]:
    outdir, warnings = build(tmp_path_factory.mktemp("baseline"), HARMLESS)
    assert warnings == ""
    return {name: structure(page(outdir, path)) for name, path in pages_of(outdir).items()}


def check_values_are_text(outdir: Path, values: dict[str, str], baseline: dict) -> None:
    soups = {name: page(outdir, path) for name, path in pages_of(outdir).items()}
    for name, soup in soups.items():
        assert structure(soup) == baseline[name], f"{name}: elements or attributes changed"

    project = soups["projekte/karte/"]
    assert shown(heading(project)) == shown(values["title"])
    assert shown(project.title.get_text()).startswith(shown(values["title"]))
    assert shown(project.find("meta", property="og:title")["content"]) == shown(values["title"])
    description = project.find("meta", attrs={"name": "description"})["content"]
    assert " ".join(description.split()) == " ".join(values["description"].split())
    facts = shown(project.select_one(".oklab-facts").get_text(" "))
    assert shown(values["tag"]) in facts and shown(values["link"]) in facts
    assert shown(values["technology"]) in facts

    card = soups["projekte/"].select_one(".oklab-project")
    assert shown(card.select_one(".sd-card-title").get_text()) == shown(values["title"])
    assert shown(values["description"]) in shown(card.get_text(" "))
    assert shown(values["tag"]) in shown(card.select_one(".sd-card-footer").get_text(" "))

    kontakt = soups["kontakt/"]
    assert shown(values["place"]) in shown(kontakt.select_one(".oklab-meeting").get_text(" "))
    link_titles = [shown(t.get_text()) for t in kontakt.select(".oklab-link .sd-card-title")]
    assert shown(values["link"]) in link_titles
    footer = shown(kontakt.select_one(".oklab-footer-meeting").get_text(" "))
    assert shown(values["place"]) in footer
    start = shown(soups[""].find("article").get_text(" "))
    assert f"im {shown(values['place'])}" in start  # the {{ treffen_ort }} substitution

    # The exports (projekte.json, projekte.csv, the overview's JSON-LD) carry the values as
    # data, exactly as typed.
    (exported,) = json.loads((outdir / "projekte.json").read_text(encoding="utf-8"))["projects"]
    assert exported["title"] == values["title"]
    assert exported["description"] == values["description"]
    assert exported["tags"] == [values["tag"]] and exported["technologies"] == [
        values["technology"]
    ]
    assert exported["links"]["other"] == [
        {"name": values["link"], "url": "https://oklabflensburg.de"}
    ]
    csv_text = (outdir / "projekte.csv").read_bytes().decode("utf-8-sig")
    (row,) = list(csv.DictReader(io.StringIO(csv_text, newline="")))
    assert (row["title"], row["description"]) == (values["title"], values["description"])
    assert (row["tags"], row["technologies"]) == (values["tag"], values["technology"])
    (catalogue,) = [b for b in json_ld(soups["projekte/"]) if b["@type"] == "ItemList"]
    (item,) = [element["item"] for element in catalogue["itemListElement"]]
    assert item["name"] == values["title"]
    assert item["keywords"] == [values["tag"]]

    (event,) = [b for b in json_ld(kontakt) if b["@type"] == "Event"]
    assert event["location"]["name"] == values["place"]
    calendar = Calendar.from_ical((outdir / "treffen.ics").read_bytes())
    (vevent,) = [e for e in calendar.walk("VEVENT") if "rrule" in e]
    assert str(vevent["location"]).startswith(values["place"])
    check_post_is_text(outdir, values, soups)


ATOM = "{http://www.w3.org/2005/Atom}"
FEED_FIELDS = [
    (
        "atom.xml",
        f"{ATOM}entry",
        {"title": f"{ATOM}title", "summary": f"{ATOM}summary", "tag": f"{ATOM}category"},
    ),
    ("rss.xml", "channel/item", {"title": "title", "summary": "description", "tag": "category"}),
]


def check_post_is_text(outdir: Path, values: dict[str, str], soups: dict) -> None:
    """The post, its card, its topic, its event (box, lists, JSON-LD, calendars) and feeds."""
    post = soups["neuigkeiten/beitrag/"]
    assert shown(heading(post)) == shown(values["title"])
    header = post.select_one(".oklab-post-header")
    assert [shown(a.get_text()) for a in header.select("a.oklab-tag")] == [shown(values["tag"])]
    assert shown(f"von {values['link']}") in shown(header.get_text(" "))
    box = shown(post.select_one(".oklab-event-box").get_text(" "))
    assert shown(f"{values['place']}, Flensburg") in box
    for path in ("neuigkeiten/", ""):
        card = soups[path].select_one(".oklab-post")
        assert shown(card.select_one(".sd-card-title").get_text()) == shown(values["title"])
        assert shown(values["description"]) in shown(card.get_text(" "))
        assert shown(values["tag"]) in shown(card.select_one(".sd-card-footer").get_text(" "))
    event_card = soups["termine/"].select_one(".oklab-event")
    assert shown(values["place"]) in shown(event_card.get_text(" "))
    topic = soups[TOPIC]
    assert shown(heading(topic)) == shown(f"Thema: {values['tag']}")
    assert shown(values["title"]) in shown(topic.get_text(" "))

    (event,) = [b for b in json_ld(post) if b["@type"] == "Event"]
    assert event["name"] == values["title"] and event["location"]["name"] == values["place"]
    for file in ("treffen.ics", "neuigkeiten/beitrag.ics"):
        calendar = Calendar.from_ical((outdir / file).read_bytes())
        (vevent,) = [e for e in calendar.walk("VEVENT") if "rrule" not in e]
        assert str(vevent["summary"]) == values["title"]
        assert str(vevent["location"]) == f"{values['place']}, Flensburg"
    # The feeds: valid for a feed reader, the values as typed in the XML (feedparser itself
    # guesses HTML in text and would drop "<!--" and the like).
    for feed, entry_path, fields in FEED_FIELDS:
        file = outdir / "neuigkeiten" / feed
        assert feedparser.parse(file.read_bytes()).bozo == 0
        (entry,) = ElementTree.parse(file).getroot().findall(entry_path)
        texts = {
            key: [shown(e.get("term") or e.text or "") for e in entry.findall(tag)]
            for key, tag in fields.items()
        }
        assert texts == {
            "title": [shown(values["title"])],
            "summary": [shown(values["description"])],
            "tag": [shown(values["tag"])],
        }


def nu_errors(files: list[Path]) -> list[str]:
    try:
        messages = nu_messages(files)
    except FileNotFoundError as missing:
        pytest.fail(str(missing), pytrace=False)
    return [f"{m.get('url')}: {m['message']}" for m in messages if m["type"] != "info"]


# -- Property: any value --------------------------------------------------------------------


@pytest.mark.vnu
def test_any_value_stays_text(baseline, tmp_path):
    checked: list[Path] = []

    @seed(20261129)
    @settings(
        max_examples=12,
        deadline=None,
        derandomize=False,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
        print_blob=True,
    )
    @given(
        title=value_strategy(),
        description=value_strategy(),
        tag=value_strategy(),
        technology=value_strategy(),
        link=value_strategy(),
        place=value_strategy(),
    )
    def check(title, description, tag, technology, link, place):
        values = {"title": title, "description": description, "tag": tag, "link": link}
        values.update(technology=technology, place=place)
        with tempfile.TemporaryDirectory(dir=tmp_path) as folder:
            outdir, warnings = build(Path(folder), values)
            assert warnings == "", warnings
            check_values_are_text(outdir, values, baseline)
            keep = tmp_path / f"example-{len(checked)}"
            for path in pages_of(outdir).values():
                target = keep / path / "index.html"
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy(outdir / path / "index.html", target)
                checked.append(target)

    check()
    assert checked
    assert nu_errors(checked) == []


# -- One test per injection class -----------------------------------------------------------

INJECTIONS = {
    "Element": ("title", "Karte <b>fett</b>"),
    "Attribut": ("description", 'Karte" onmouseover="alert(1)'),
    "Markdown-Betonung": ("title", "open_data_map *fett* __stark__"),
    "MyST-Rolle": ("tag", "{icon}`mail` {sub}`x`"),
    "Technik als Markup": ("technology", "<i>Vue</i> *Nuxt* {{ verein }}"),
    "Skript-Ende": ("title", "</script><script>alert(1)</script><!--"),
    "Pfeil": ("place", "Daten <-> Karte & Co."),
}


@pytest.mark.parametrize("case", INJECTIONS, ids=list(INJECTIONS))
def test_injection_class_shows_as_text(baseline, tmp_path, case):
    field, value = INJECTIONS[case]
    values = {**HARMLESS, field: value}
    outdir, warnings = build(tmp_path, values)
    assert warnings == ""
    check_values_are_text(outdir, values, baseline)
    for path in pages_of(outdir).values():
        soup = page(outdir, path)
        assert soup.find("b") is None and soup.find(attrs={"onmouseover": True}) is None
        assert [s for s in soup.find_all("script") if "alert" in (s.string or "")] == [] or all(
            s.get("type") == "application/ld+json" for s in soup.find_all("script") if s.string
        )


@pytest.mark.parametrize("scheme", ["javascript:alert(1)", "data:text/html,<b>x</b>"])
def test_script_and_data_urls_are_refused(tmp_path, scheme):
    """A link address that is not https:// gets the usual German message, in every link field."""
    src = write_site(tmp_path / "src", HARMLESS)
    (src / "projekte" / "karte.md").write_text(
        f"---\ntitle: Karte\ndescription: Eine Karte.\nlinks:\n  - name: Website\n"
        f"    url: '{scheme}'\n---\n\nText.\n",
        encoding="utf-8",
    )
    proc = sphinx_cli(src, tmp_path / "out")
    assert proc.returncode == 1
    expected = "projekte/karte.md:6: ERROR: " + message(
        "keine Webadresse", field="links[1].url", value=scheme
    )
    assert proc.stderr.splitlines() == [expected], proc.stderr
