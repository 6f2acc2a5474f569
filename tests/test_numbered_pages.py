"""Long lists on numbered pages: the project overview, the status pages and the topic pages
show at most 24 cards each and link to each other, so every page stays within the page budget
however many projects and posts there are. The site's own 22 projects stay on one page.

The reader's experience is checked on a copy of the site with 70 more (synthetic) projects and
posts: 92 projects, 4 overview pages. Expected: the addresses, the cards per page and the
links written out here; which project is where from the project files' front matter, read here
with a YAML parser, in the order of the separate model in ``tests/test_projects.py``.
"""

from __future__ import annotations

import gzip
import json
from urllib.parse import urljoin

import pytest
import yaml
from harness import PUBLISHED_CSP, build_in_process, copy_site, make_site, nu_messages, serve
from harness import sphinx_cli as cli
from test_accessibility import MODES, axe_violations
from test_performance import MAX_FILES_PER_PAGE, MAX_GZIP_BYTES, first_visit_files
from test_projects import documented_order

NAV = 'nav[aria-label="Seiten"]'  # the links between the pages
ADDED = 70  # synthetic projects, and as many posts
# 22 + 70 = 92 projects, 24 to a page
OVERVIEW = ["projekte/", "projekte/seite/2/", "projekte/seite/3/", "projekte/seite/4/"]
CARDS_PER_PAGE = [24, 24, 24, 20]
# sucht Mitwirkende: 12 + 23, in Arbeit: 6 + 24, abgeschlossen: 1 + 23 (one full page)
STATUS_PAGES = {
    "sucht-mitwirkende": [24, 11],
    "in-arbeit": [24, 6],
    "abgeschlossen": [24],
}
STATUS_LABELS = {
    "sucht-mitwirkende": "seeking",
    "in-arbeit": "active",
    "abgeschlossen": "finished",
}
# Umwelt: 3 + 14 projects, 14 posts: the projects first, then the posts
UMWELT = [("themen/umwelt/", 17, 7), ("themen/umwelt/seite/2/", 0, 7)]
LINK_TEXTS = {
    1: ["1", "2", "3", "4", "Nächste Seite"],
    2: ["Vorherige Seite", "1", "2", "3", "4", "Nächste Seite"],
    3: ["Vorherige Seite", "1", "2", "3", "4", "Nächste Seite"],
    4: ["Vorherige Seite", "1", "2", "3", "4"],
}


@pytest.fixture(scope="module")
def src(tmp_path_factory):
    """A copy of the site with 70 more projects and posts."""
    return make_site(tmp_path_factory.mktemp("paged") / "src", ADDED, posts=ADDED)


@pytest.fixture(scope="module")
def paged(src):
    """The copy built strictly, as ``make html`` builds it."""
    build = build_in_process(src, src.parent / "build", PUBLISHED_CSP)
    assert build.statuscode == 0 and build.warnings == "", build.warnings
    return build


def front_matters(folder) -> list[dict]:
    files = sorted(p for p in folder.glob("*.md") if p.name != "index.md")
    return [yaml.safe_load(p.read_text(encoding="utf-8").split("---", 2)[1]) for p in files]


def card_titles(soup, within: str = "article") -> list[str]:
    return [t.get_text(strip=True) for t in soup.select(f"{within} .sd-card-title")]


def walk(site, first: str) -> list[str]:
    """The pages a reader reaches from ``first`` by "Nächste Seite"."""
    path, visited = first, [first]
    while (link := site.page(path).select_one(f'{NAV} a[rel="next"]')) is not None:
        assert link.get_text() == "Nächste Seite"
        path = urljoin(f"/{path}", link["href"]).lstrip("/")
        assert path not in visited, f"the pages go round in a circle: {visited + [path]}"
        visited.append(path)
    return visited


def test_every_project_on_exactly_one_overview_page_in_the_site_order(paged, src):
    assert walk(paged, "projekte/") == OVERVIEW
    pages = [card_titles(paged.page(path)) for path in OVERVIEW]
    assert [len(titles) for titles in pages] == CARDS_PER_PAGE
    files = sorted(p for p in (src / "projekte").glob("*.md") if p.name != "index.md")
    assert [title for titles in pages for title in titles] == documented_order(files)
    # the site's own projects without a status come last
    assert pages[0][0] == "Bildungsatlas"
    assert pages[3][-1] == "Visualisierung des städtischen Haushalts"


def test_the_page_links_lead_to_each_other(paged):
    for number, path in enumerate(OVERVIEW, start=1):
        nav = paged.page(path).select_one(NAV)
        assert nav is not None, path
        links = nav.select("li > p > a")
        assert [a.get_text() for a in links] == LINK_TEXTS[number], path
        targets = {a.get_text(): urljoin(f"/{path}", a["href"]).lstrip("/") for a in links}
        assert [targets[str(n)] for n in range(1, 5)] == OVERVIEW
        if number > 1:
            assert targets["Vorherige Seite"] == OVERVIEW[number - 2]
        current = nav.select('a[aria-current="page"]')
        assert [(a.get_text(), targets[a.get_text()]) for a in current] == [(str(number), path)]


def test_the_following_pages_say_where_the_reader_is(paged):
    page = paged.page("projekte/seite/2/")
    assert page.find("h1").get_text(strip=True).rstrip("#") == "Projekte – Seite 2 von 4"
    assert page.title.get_text() == "Projekte – Seite 2 von 4 · OK Lab Flensburg"
    assert page.find("meta", attrs={"name": "description"})["content"] == (
        "Die Projekte des OK Lab Flensburg – Karten, Daten und Werkzeuge für Flensburg und "
        "Schleswig-Holstein. Seite 2 von 4."
    )
    assert page.find("link", rel="canonical")["href"] == (
        "https://oklabflensburg.de/de/projekte/seite/2/"
    )
    current = page.select(".sidebar-tree li.toctree-l1.current > a")
    assert [a.get_text(strip=True) for a in current] == ["Projekte"]


def test_every_status_page_lists_its_projects_once_on_numbered_pages(paged, src):
    projects = front_matters(src / "projekte")
    for slug, cards in STATUS_PAGES.items():
        first = f"projekte/stand/{slug}/"
        pages = walk(paged, first)
        expected = [first] + [f"{first}seite/{n}/" for n in range(2, len(cards) + 1)]
        assert pages == expected
        titles = [card_titles(paged.page(p), "section#projekte") for p in pages]
        assert [len(t) for t in titles] == cards, slug
        shown = [t for page in titles for t in page]
        status = STATUS_LABELS[slug]
        assert sorted(shown) == sorted(p["title"] for p in projects if p.get("status") == status)
    assert paged.page("projekte/stand/abgeschlossen/").select_one("nav.oklab-pagination") is None


def test_a_topic_page_shows_projects_then_posts_on_numbered_pages(paged, src):
    assert walk(paged, "themen/umwelt/") == [path for path, _, _ in UMWELT]
    projects = [
        p["title"] for p in front_matters(src / "projekte") if "Umwelt" in p.get("tags", [])
    ]
    posts = [
        p["title"] for p in front_matters(src / "neuigkeiten") if "Umwelt" in p.get("tags", [])
    ]
    shown = {"projekte": [], "neuigkeiten": []}
    for path, project_count, post_count in UMWELT:
        page = paged.page(path)
        on_page = {kind: card_titles(page, f"section#{kind}") for kind in shown}
        assert [len(on_page["projekte"]), len(on_page["neuigkeiten"])] == [
            project_count,
            post_count,
        ]
        for kind in shown:
            shown[kind] += on_page[kind]
        assert page.select_one(".oklab-all-topics a").get_text() == "Alle Themen"
    assert sorted(shown["projekte"]) == sorted(projects)
    assert sorted(shown["neuigkeiten"]) == sorted(posts)


def test_json_ld_names_every_project_once_over_the_pages_and_the_exports_all(paged, src):
    positions, names = [], []
    for path, cards in zip(OVERVIEW, CARDS_PER_PAGE, strict=True):
        soup = paged.page(path)
        blocks = [json.loads(s.string) for s in soup.find_all("script", type="application/ld+json")]
        (item_list,) = [b for b in blocks if b["@type"] == "ItemList"]
        assert item_list["numberOfItems"] == 92
        assert item_list["url"] == "https://oklabflensburg.de/de/projekte/"
        on_page = [e["item"]["name"] for e in item_list["itemListElement"]]
        assert on_page == card_titles(soup) and len(on_page) == cards
        positions += [e["position"] for e in item_list["itemListElement"]]
        names += on_page
    assert positions == list(range(1, 93))
    titles = sorted(p["title"] for p in front_matters(src / "projekte"))
    assert sorted(names) == titles
    exported = json.loads((paged.outdir / "projekte.json").read_text(encoding="utf-8"))
    assert sorted(p["title"] for p in exported["projects"]) == titles
    rows = (paged.outdir / "projekte.csv").read_text(encoding="utf-8-sig").splitlines()
    assert len(rows) == 1 + 92


def test_every_list_page_within_the_page_budget(paged):
    sizes: dict = {}

    def gzipped(file) -> int:
        if file not in sizes:
            sizes[file] = len(gzip.compress(file.read_bytes(), 6))
        return sizes[file]

    lists = [p for p in paged.pages() if p.startswith(("projekte/seite/", "projekte/stand/"))]
    lists += [p for p in paged.pages() if p.startswith("themen/")] + ["projekte/"]
    weights = {}
    for path in lists:
        files = first_visit_files(paged, path)
        assert len(files) <= 1 + MAX_FILES_PER_PAGE, (path, files)
        weights[path] = sum(gzipped(f) for f in files)
    heavy = {p: f"{w / 1024:.1f} KB" for p, w in weights.items() if w > MAX_GZIP_BYTES}
    assert heavy == {}, f"pages over 40 KB gzip: {heavy}"
    # the overview's 4 pages; 3 statuses, 2 with a second page, and their overview; 13 topics,
    # 5 with a second page, and their overview
    assert len(lists) == 4 + 6 + 19


def test_the_site_s_own_catalogue_is_one_page(site):
    assert len(card_titles(site.page("projekte/"), ".oklab-project")) == 22
    assert site.page("projekte/").select_one("nav.oklab-pagination") is None
    assert not [p for p in site.pages() if "/seite/" in p]


def test_a_new_project_that_needs_a_second_page_appears_on_an_incremental_build(tmp_path):
    """``make serve``: three more projects (25), and the overview links its second page."""
    copy = copy_site(tmp_path / "src")
    out, doctrees = tmp_path / "html", tmp_path / "doctrees"
    first = cli(copy, out, "-d", str(doctrees), clean=False)
    assert first.returncode == 0, first.output
    assert not (out / "projekte" / "seite").exists()
    for name in ("zebrastreifen", "zeitreise", "zugverbindungen"):
        title = name.capitalize()
        (copy / "projekte" / f"{name}.md").write_text(
            f"---\ntitle: {title}\ndescription: Ein neues Projekt.\n---\n\n# {title}\n",
            encoding="utf-8",
        )
    second = cli(copy, out, "-d", str(doctrees), clean=False)
    assert second.returncode == 0, second.output
    links = second.page("projekte/").select(f"{NAV} a")
    assert [a.get_text() for a in links] == ["1", "2", "Nächste Seite"]
    assert card_titles(second.page("projekte/seite/2/")) == ["Zugverbindungen"]


@pytest.fixture(scope="module")
def paged_server(paged):
    with serve(paged.outdir) as url:
        yield url


SAMPLES = [
    "projekte/",
    "projekte/seite/2/",
    "projekte/seite/4/",
    "projekte/stand/in-arbeit/seite/2/",
    "themen/umwelt/seite/2/",
]


@pytest.mark.browser
@pytest.mark.parametrize(("width", "scheme"), MODES, ids=[f"{w}px-{s}" for w, s in MODES])
def test_numbered_pages_are_accessible(browser, paged_server, width, scheme):
    context = browser.new_context(
        viewport={"width": width, "height": 900}, color_scheme=scheme, reduced_motion="reduce"
    )
    problems = {}
    for path in SAMPLES:
        page = context.new_page()
        page.goto(paged_server + path, wait_until="load")
        found = axe_violations(page)
        if page.evaluate("document.documentElement.scrollWidth") > width:
            found.append("wider than the window")
        if found:
            problems[path] = found
        page.close()
    context.close()
    assert problems == {}


@pytest.mark.browser
def test_page_links_work_with_javascript_off(browser, paged_server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(paged_server + "projekte/")
    pages = page.get_by_role("navigation", name="Seiten")
    pages.get_by_role("link", name="Nächste Seite").click()
    page.wait_for_url("**/projekte/seite/2/")
    assert page.locator("h1").inner_text().rstrip("#") == "Projekte – Seite 2 von 4"
    pages.get_by_role("link", name="4", exact=True).click()
    page.wait_for_url("**/projekte/seite/4/")
    pages.get_by_role("link", name="Vorherige Seite").click()
    page.wait_for_url("**/projekte/seite/3/")
    pages.get_by_role("link", name="1", exact=True).click()
    page.wait_for_url("**/projekte/")
    context.close()


@pytest.mark.vnu
def test_numbered_pages_are_valid_html(paged):
    files = [paged.outdir / path / "index.html" for path in SAMPLES]
    try:
        messages = nu_messages(files)
    except FileNotFoundError as missing:
        pytest.fail(str(missing), pytrace=False)
    errors = [m for m in messages if m["type"] in ("error", "non-document-error")]
    assert errors == [], errors
