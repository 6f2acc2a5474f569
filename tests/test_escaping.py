"""Front matter and the data file are text, never markup: whatever an editor types shows
exactly as typed, and nothing in it can open an element, an attribute, a Markdown construct,
a MyST role or end a ``<script>`` early.

Property-based (Hypothesis, fixed seed and example count): values from a hostile alphabet go
into a project's title, description and tags, a link's name and the meeting place of a small
site (``tests/roots/test-escaping``), which is built each time. The pages must build, show the
values literally, have no element or attribute the same page with harmless values lacks, keep
their JSON-LD and calendar file parseable, and pass the Nu Html Checker. One explicit test per
injection class shows what used to go wrong.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from collections import Counter
from pathlib import Path

import pytest
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


def build(dest: Path, values: dict[str, str]) -> tuple[Path, str]:
    """Build the small site in-process; ``(output folder, warnings)``."""
    built = build_in_process(write_site(dest / "src", values), dest / "build")
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


PAGES = ("", "projekte/", "projekte/karte/", "kontakt/")


@pytest.fixture(scope="module")
def baseline(tmp_path_factory) -> dict[str, Counter]:
    outdir, warnings = build(tmp_path_factory.mktemp("baseline"), HARMLESS)
    assert warnings == ""
    return {path: structure(page(outdir, path)) for path in PAGES}


def check_values_are_text(outdir: Path, values: dict[str, str], baseline: dict) -> None:
    soups = {path: page(outdir, path) for path in PAGES}
    for path, soup in soups.items():
        assert structure(soup) == baseline[path], f"{path}: elements or attributes changed"

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

    (event,) = [b for b in json_ld(kontakt) if b["@type"] == "Event"]
    assert event["location"]["name"] == values["place"]
    calendar = Calendar.from_ical((outdir / "treffen.ics").read_bytes())
    (vevent,) = calendar.walk("VEVENT")
    assert str(vevent["location"]).startswith(values["place"])


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
            for path in PAGES:
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
    for path in PAGES:
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
