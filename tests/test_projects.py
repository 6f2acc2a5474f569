"""The project catalogue follows from the files in projekte/: one card per file, a facts box on
each page, every fact from ../shared/facts/projects.yaml (kept in tests/data/), the start page's
newest projects that look for people, and the editor's template builds."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import yaml
from conftest import FACTS_PROJECTS, ROOT, copy_site, sphinx_build

PROJECT_FILES = sorted(p for p in (ROOT / "projekte").glob("*.md") if p.name != "index.md")
FACTS = FACTS_PROJECTS
ALL_FACTS = yaml.safe_load(FACTS.read_text(encoding="utf-8"))
LABELS = {"seeking": "sucht Mitwirkende", "active": "in Arbeit", "finished": "abgeschlossen"}
# 2 from the seed, 15 public projects, 5 from the lab's newest site
PROJECT_COUNT = 22
MONTHS = [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
]


def front_matter(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---", 2)[1])


def card_titles(soup) -> list[str]:
    return [
        c.select_one(".sd-card-title").get_text(strip=True) for c in soup.select(".oklab-project")
    ]


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


def test_one_card_per_project_file_in_documented_order(site):
    metas = [front_matter(p) for p in PROJECT_FILES]
    rank = {"seeking": 0, "active": 1, "finished": 2}
    fold = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss"})
    metas.sort(key=lambda m: (rank.get(m.get("status"), 3), m["title"].casefold().translate(fold)))
    assert len(PROJECT_FILES) == PROJECT_COUNT
    assert card_titles(site.page("projekte/")) == [m["title"] for m in metas]


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
    meeting = yaml.safe_load((ROOT / "_data" / "lab.yaml").read_text(encoding="utf-8"))["meeting"]
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


def test_local_project_image_on_card_and_page(tmp_path):
    root = Path(__file__).parent / "roots" / "test-frontmatter"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "_ext")}
    build = sphinx_build(root, tmp_path / "html", "-E", env=env)
    assert build.returncode == 0, build.output
    card_img = build.page("projekte/").select_one(".oklab-project img")
    page_img = build.page("projekte/karte/").select_one(".oklab-facts img")
    for img, base in ((card_img, "projekte/"), (page_img, "projekte/karte/")):
        assert img is not None and img["src"].endswith(".svg")
        assert (build.outdir / base / img["src"]).resolve().is_file()


def test_editor_templates_build_strictly(tmp_path):
    """An editor copies _vorlagen/projekt.md and _vorlagen/seite.md unchanged: the site builds."""
    src = tmp_path / "site"
    copy_site(src)
    shutil.copy(ROOT / "_vorlagen" / "projekt.md", src / "projekte" / "neues-projekt.md")
    (src / "neue-seite").mkdir()
    shutil.copy(ROOT / "_vorlagen" / "seite.md", src / "neue-seite" / "index.md")
    build = sphinx_build(src, tmp_path / "html", "-E")
    assert build.returncode == 0, build.output
    assert "Neues Projekt" in card_titles(build.page("projekte/"))
    assert "Neue Seite" in build.page("").select_one(".sidebar-tree").get_text()
