"""The project catalogue follows from the files in projekte/: one card per file, a facts box on
each page, every fact from the lab's project facts (tests/data/facts-projects.yaml), the start
page's newest projects that look for people, and the editor's template builds.

The order's rules are exercised by the test root ``tests/roots/test-catalogue`` (expected order
written out); the real site's order is checked against a separate, simpler model of the rule.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from urllib.parse import urljoin

import pytest
import yaml
from harness import FACTS_PROJECTS, LAB_FILE, ROOT, STRICT, Output
from oracles import GERMAN_MONTHS as MONTHS

PROJECT_FILES = sorted(p for p in (ROOT / "projekte").glob("*.md") if p.name != "index.md")
FACTS = FACTS_PROJECTS
ALL_FACTS = yaml.safe_load(FACTS.read_text(encoding="utf-8"))
LABELS = {"seeking": "sucht Mitwirkende", "active": "in Arbeit", "finished": "abgeschlossen"}
# 2 from the seed, 15 public projects, 5 from the lab's newest site
PROJECT_COUNT = 22


def front_matter(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---", 2)[1])


def card_titles(soup) -> list[str]:
    return [title for title, _ in cards(soup)]


# The test root's catalogue: navOrder first (Zeta, although finished); then sucht Mitwirkende,
# in Arbeit, abgeschlossen, without status; by title as a German reader sorts (Ä as A, ß as
# ss), unlike file order (aerzte.md, a-masse.md). Two projects of one title are refused
# (tests/test_messages.py), so no tie is left for the file name here (pages: test_navigation).
ROOT_CATALOGUE = [
    ("Zeta", "zeta/"),
    ("Apotheke", "apotheke/"),
    ("Ärzte", "aerzte/"),
    ("Zoo", "zoo/"),
    ("Maß", "b-mass/"),
    ("Masse", "a-masse/"),
    ("Karte", "karte-1/"),
    ("Karte Zwei", "karte-2/"),
    ("Ohne Status", "ohne/"),
]


def cards(soup) -> list[tuple[str, str]]:
    """(title, link) of every project card on a page."""
    return [
        (
            c.select_one(".sd-card-title").get_text(strip=True),
            c.find("a", class_="sd-stretched-link")["href"],
        )
        for c in soup.select(".oklab-project")
    ]


@pytest.mark.sphinx("dirhtml", testroot="catalogue", freshenv=True, confoverrides=STRICT)
def test_catalogue_order_on_overview_start_page_and_next_links(app):
    app.build()
    assert app.statuscode == 0 and app.warning.getvalue() == ""
    build = Output(app.outdir)
    assert cards(build.page("projekte/")) == ROOT_CATALOGUE
    assert cards(build.page("")) == [(t, f"projekte/{href}") for t, href in ROOT_CATALOGUE[:3]]
    # "Weiter" leads through the projects in the same order
    path, visited = "projekte/", []
    while (following := build.page(path).select_one(".related-pages a.next-page")) is not None:
        path = urljoin(f"/{path}", following["href"]).lstrip("/")
        visited.append(path)
    assert visited[: len(ROOT_CATALOGUE)] == [f"projekte/{href}" for _, href in ROOT_CATALOGUE]


def dictionary_order(title: str) -> str:
    """A title as a German dictionary sorts it (DIN 5007-1: Ä as A, ß as ss, case ignored)."""
    decomposed = unicodedata.normalize("NFD", title.replace("ß", "ss"))
    return decomposed.encode("ascii", "ignore").decode("ascii").lower()


def documented_order(files: list[Path]) -> list[str]:
    """The README's rule, stated on its own: projects with navOrder first (lower first), then
    the status groups in this order, each by title; equal titles by file name."""
    pages = [(front_matter(file), file.name) for file in files]
    first = sorted(
        (page for page in pages if "navOrder" in page[0]),
        key=lambda page: (page[0]["navOrder"], dictionary_order(page[0]["title"]), page[1]),
    )
    order = [meta["title"] for meta, _ in first]
    for status in ("seeking", "active", "finished", None):
        group = [page for page in pages if "navOrder" not in page[0]]
        group = [(meta, name) for meta, name in group if meta.get("status") == status]
        group.sort(key=lambda page: (dictionary_order(page[0]["title"]), page[1]))
        order += [meta["title"] for meta, _ in group]
    return order


def test_one_card_per_project_file_in_documented_order(site):
    assert len(PROJECT_FILES) == PROJECT_COUNT
    assert [t for t, _ in cards(site.page("projekte/"))] == documented_order(PROJECT_FILES)


def facts_fields(page) -> dict:
    """The facts box as label -> value element (``dd``)."""
    box = page.select_one(".oklab-facts")
    return {dt.get_text(strip=True).rstrip(":"): dt.find_next_sibling("dd") for dt in box("dt")}


def german_date(iso) -> str:
    """``2023-04-01`` -> "1. April 2023", as a German reader writes it."""
    year, month, day = str(iso).split("-")
    return f"{int(day)}. {MONTHS[int(month) - 1]} {year}"


def page_of(title: str) -> Path:
    (path,) = [p for p in PROJECT_FILES if front_matter(p)["title"] == title]
    return path


def test_22_project_pages_and_22_cards(site):
    pages = [p for p in site.pages() if p.startswith("projekte/") and p != "projekte/"]
    pages = [p for p in pages if not p.startswith("projekte/stand/")]  # the status filters
    assert len(pages) == PROJECT_COUNT
    assert len(site.page("projekte/").select(".oklab-project")) == PROJECT_COUNT
    facts_titles = [p["title"] for p in ALL_FACTS["from_seed"] + ALL_FACTS["public"]]
    facts_titles += [p["title"] for p in ALL_FACTS["newer_site"]]
    assert sorted(card_titles(site.page("projekte/"))) == sorted(facts_titles)


def test_each_card_links_to_its_page_and_shows_status_in_words(site):
    overview = site.page("projekte/")
    for card in overview.select(".oklab-project"):
        href = card.find("a", class_="sd-stretched-link")["href"]
        page = site.page(f"projekte/{href}")
        title = card.select_one(".sd-card-title").get_text(strip=True)
        assert page.find("h1").get_text(strip=True).startswith(title)
        badge = card.select_one(".oklab-status")
        facts_badge = page.select_one(".oklab-facts .oklab-status")
        if badge is None:
            assert facts_badge is None, title
        else:
            assert badge.get_text(strip=True) in LABELS.values()
            assert facts_badge.get_text(strip=True) == badge.get_text(strip=True), title


def test_start_page_shows_the_newest_projects_that_seek_people(site):
    """Aktuelle Projekte: the three most recently presented projects with status seeking."""
    dates = ALL_FACTS["older_site"]
    seeking = [p for p in ALL_FACTS["public"] if p["status"] == "seeking"]
    newest = sorted(seeking, key=lambda p: str(dates[p["repo"]]["date"]), reverse=True)
    expected = ["Open Data Day Flensburg", "Bildungsatlas", "Kitafinder"]
    assert [p["title"] for p in newest[:3]] == expected  # the facts say so, too
    start = site.page("")
    assert card_titles(start) == expected
    assert [b.get_text(strip=True) for b in start.select(".oklab-project .oklab-status")] == [
        "sucht Mitwirkende"
    ] * 3


def test_facts_box_shows_the_front_matter(site):
    for path in PROJECT_FILES:
        meta = front_matter(path)
        page = site.page(f"projekte/{path.stem}/")
        box = page.select_one(".oklab-facts")
        links = {a.get_text(strip=True): a["href"] for a in box.find_all("a")} if box else {}
        if meta.get("repo", "").startswith("https://"):  # a repository outside the lab's
            assert links["Quellcode"] == meta["repo"]
        elif meta.get("repo"):
            assert links["Quellcode"] == f"https://github.com/oklabflensburg/{meta['repo']}"
        for link in meta.get("links", []):
            assert links[link["name"]] == link["url"], path.name
        for tag in meta.get("tags", []):
            assert tag in box.get_text(), path.name
        fields = facts_fields(page)
        if meta.get("technologies"):
            shown = fields["Technik"].get_text(" ", strip=True)
            assert shown == " · ".join(meta["technologies"]), path.name
        else:
            assert "Technik" not in fields, path.name
        if meta.get("date"):
            presented = fields["Erstmals vorgestellt"].get_text(strip=True)
            assert presented == german_date(meta["date"]), path.name


def test_open_projects_invite_to_the_meeting(site):
    """Every project that is not finished invites to the meeting (day and time from the data)."""
    meeting = yaml.safe_load(LAB_FILE.read_text(encoding="utf-8"))["meeting"]
    for path in PROJECT_FILES:
        box = site.page(f"projekte/{path.stem}/").select_one(".oklab-facts")
        fields = {
            dt.get_text(strip=True).rstrip(":"): dt.find_next_sibling("dd") for dt in box("dt")
        }
        if front_matter(path).get("status") == "finished":
            assert "Mitmachen" not in fields, path.name
            continue
        invite = fields["Mitmachen"]
        assert invite.a["href"] == "../../kontakt/", path.name
        assert f"jeden {meeting['weekday']}" in invite.get_text(), path.name


def test_every_public_project_has_its_facts(site):
    facts = yaml.safe_load(FACTS.read_text(encoding="utf-8"))
    by_title = {front_matter(p)["title"]: p for p in PROJECT_FILES}
    for project in facts["from_seed"]:
        assert project["title"] in by_title
        text = (
            site.page(f"projekte/{by_title[project['title']].stem}/").find("article").get_text(" ")
        )
        assert project["seed_phrase"] in text
    for project in facts["public"]:
        box = site.page(f"projekte/{by_title[project['title']].stem}/").select_one(".oklab-facts")
        hrefs = [a["href"] for a in box.find_all("a")]
        assert f"https://github.com/oklabflensburg/{project['repo']}" in hrefs
        assert project["website"] in hrefs
        if "data_source" in project:
            assert project["data_source"] in hrefs
        assert LABELS[project["status"]] in box.get_text()
        assert all(tag in box.get_text() for tag in project["tags"])


def test_every_fact_of_the_older_site_is_on_its_page(site):
    """The day each project was first presented, its data source and extra links."""
    by_repo = {front_matter(p).get("repo"): p for p in PROJECT_FILES}
    assert len(ALL_FACTS["older_site"]) == 15
    for repo, facts in ALL_FACTS["older_site"].items():
        page = site.page(f"projekte/{by_repo[repo].stem}/")
        fields = facts_fields(page)
        assert fields["Erstmals vorgestellt"].get_text(strip=True) == german_date(facts["date"])
        links = {a["href"]: a.get_text(strip=True) for a in fields["Links"].find_all("a")}
        if "data_source" in facts:  # named as what it is: "… (Datenquelle)", "… (Datenabfrage)"
            assert "(Daten" in links[facts["data_source"]], repo
        for extra in facts.get("extra_links", []):
            assert links[extra["url"]] == extra["name"], repo


def test_the_five_projects_of_the_newest_site(site):
    """Title, status (or none), topic, technologies, website, source page, repository."""
    assert len(ALL_FACTS["newer_site"]) == 5
    for project in ALL_FACTS["newer_site"]:
        page = site.page(f"projekte/{page_of(project['title']).stem}/")
        assert page.find("h1").get_text(strip=True).startswith(project["title"])
        fields = facts_fields(page)
        if project["status"] is None:
            assert "Status" not in fields, project["title"]
        else:
            assert fields["Status"].get_text(strip=True) == LABELS[project["status"]]
        assert fields["Themen"].get_text(strip=True) == " · ".join(project["tags"])
        technologies = fields["Technik"].get_text(" ", strip=True)
        assert technologies == " · ".join(project["technologies"]), project["title"]
        hrefs = [a["href"] for a in fields["Links"].find_all("a")]
        assert project["source"] in hrefs, project["title"]
        if "website" in project:
            assert project["website"] in hrefs, project["title"]
        repository = project.get("repository_url") or (
            f"https://github.com/oklabflensburg/{project['repo']}"
        )
        code = fields["Links"].find("a", string="Quellcode")
        assert code["href"] == repository, project["title"]


def test_no_page_loads_an_image_from_another_host(site):
    for path in site.pages():
        for img in site.page(path).find_all("img"):
            assert not re.match(r"(https?:)?//", img.get("src", "")), (path, img)


def test_editor_templates_build_strictly(grown_site):
    """An editor copies _vorlagen/projekt.md and _vorlagen/seite.md unchanged: the site builds
    (``grown_site`` is built strictly with both)."""
    assert "Neues Projekt" in card_titles(grown_site.page("projekte/"))
    assert "Neue Seite" in grown_site.page("").select_one(".sidebar-tree").get_text()
