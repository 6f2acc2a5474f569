"""Small pages at any catalogue size: what the reader's browser has to load.

The timed figures live in ``make bench`` (benchmarks/bench.py); these tests check the
structure that makes them possible, without timing anything.
"""

from __future__ import annotations

import gzip
import re
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest
from bs4 import BeautifulSoup
from harness import GROWN_BY, LANGUAGES

# A first visit may cost at most 12 requests (the site's page budget): the page itself and 11 files.
MAX_FILES_PER_PAGE = 11
# ... and at most 40 KB as a static host sends it, compressed with gzip (level 6, as nginx does).
MAX_GZIP_BYTES = 40 * 1024


def project_pages(site) -> list[str]:
    return [p for p in site.pages() if p.startswith("projekte/") and p != "projekte/"]


def sidebar_links(page: BeautifulSoup) -> list[str]:
    tree = page.select_one(".sidebar-tree")
    assert tree is not None, "furo's navigation is missing"
    return [a["href"] for a in tree.select("a[href]")]


def test_project_page_menu_lists_sections_not_projects(site):
    projects = project_pages(site)
    assert projects, "the site has no project pages"
    page = site.page(projects[0])
    links = sidebar_links(page)
    # Relative to projekte/<name>/: a section is "../../<section>/", the overview "../".
    other_projects = [h for h in links if re.fullmatch(r"\.\./[^./][^/]*/", h)]
    assert other_projects == [], f"the menu of a project page lists projects: {other_projects}"
    assert len(links) == len(sidebar_links(site.page(""))), "not the same menu as the start page"
    current = page.select(".sidebar-tree li.current > a")
    assert [a.get_text(strip=True) for a in current] == ["Projekte"]


def test_menu_marks_the_current_section_on_every_page(site):
    sections = {href.split("#")[0] for href in sidebar_links(site.page("")) if "://" not in href}
    checked = 0
    for path in site.pages():
        section = path.split("/")[0] + "/"
        if section not in sections:
            continue  # the start page, or a page outside the menu (404, Impressum)
        current = site.page(path).select(".sidebar-tree li.toctree-l1.current > a")
        assert len(current) == 1, f"/{path}: {len(current)} sections marked as current"
        target = urljoin(f"/{path}", current[0]["href"]).split("#")[0]
        assert target == f"/{section}", f"/{path} marks {target} instead of /{section}"
        checked += 1
    assert checked > len(sections), "no pages below the sections were checked"


def subresources(page: BeautifulSoup) -> list[str]:
    """Files the browser fetches for the page (each once): stylesheets, scripts, images, icon."""
    files = [link["href"] for link in page.select('link[rel~="stylesheet"][href]')]
    files += [script["src"] for script in page.select("script[src]")]
    files += [img["src"] for img in page.select("img[src]") if not img["src"].startswith("data:")]
    if page.select_one('link[rel~="icon"]'):
        files.append("favicon")
    return list(dict.fromkeys(files))


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_within_request_budget(sites, language):
    site = sites[language]
    for path in site.pages():
        files = subresources(site.page(path))
        assert len(files) <= MAX_FILES_PER_PAGE, f"/{path} loads {len(files)} files: {files}"


def first_visit_files(site, path: str, language: str = LANGUAGES[0]) -> list[Path]:
    """The page's file and every file it loads (as in ``subresources``), in the output."""
    page = site.page(path)
    urls = [
        link["href"]
        for link in page.select('link[rel~="stylesheet"][href], link[rel~="icon"][href]')
    ]
    urls += [script["src"] for script in page.select("script[src]")]
    urls += [img["src"] for img in page.select("img[src]") if not img["src"].startswith("data:")]
    own = site.outdir / (path if path.endswith(".html") else path + "index.html")
    # Each language is served below its code, /de/ … (the 404 page names its files from there).
    folder = f"/{language}/"
    served = [urlparse(urljoin(folder + path, url)).path for url in urls]
    found = [site.outdir / s.removeprefix(folder) for s in served]
    return [own, *dict.fromkeys(found)]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_within_weight_budget(sites, language):
    site = sites[language]
    weights = {}
    for path in site.pages():
        files = first_visit_files(site, path, language)
        missing = [f for f in files if not f.is_file()]
        assert missing == [], f"/{path} loads files the build did not write: {missing}"
        weights[path] = sum(len(gzip.compress(f.read_bytes(), 6)) for f in files)
    heavy = {f"/{p}": f"{w / 1024:.1f} KB" for p, w in weights.items() if w > MAX_GZIP_BYTES}
    assert heavy == {}, f"pages over 40 KB gzip: {heavy}"
    # The editor guide is the heaviest part of the site: all of its pages are measured.
    guide = [p for p in weights if p.startswith("mitmachen/")]
    assert len(guide) >= 5, guide


def test_pages_load_only_what_they_use(site):
    for path in site.pages():
        page = site.page(path)
        names = {f.split("?")[0].rsplit("/", 1)[-1] for f in subresources(page)}
        assert "pygments.css" in names or not page.select(".highlight"), path
        if not page.select(".highlight"):
            assert "pygments.css" not in names, f"/{path}: highlighting CSS without code"
        if not page.select(".sd-tab-set"):
            assert "design-tabs.js" not in names, f"/{path}: tab script without tabs"
        assert not names & {"searchtools.js", "doctools.js", "sphinx_highlight.js"}, path
        assert "furo.js" in names, f"/{path}: furo's script (theme toggle, menu) is missing"


def test_search_field_is_a_plain_form_and_the_search_page_loads_no_index(site):
    """Every page has the sidebar's search form, which needs no script; the search page loads
    only its own small script, the index when the reader uses it (tests/test_search.py)."""
    for path in site.pages():
        form = site.page(path).select_one("form.sidebar-search-container")
        assert form is not None and form["method"] == "get", path
    names = {f.split("?")[0].rsplit("/", 1)[-1] for f in subresources(site.page("search/"))}
    assert "oklab-search.js" in names
    assert not names & {"searchindex.js", "language_data.js", "searchtools.js"}


def test_project_page_size_does_not_grow_with_catalogue(site, grown_site):
    """The same project page, in the real catalogue and in one with 40 more projects."""
    page = "projekte/unfallkarte/index.html"
    size_small = (site.outdir / page).stat().st_size
    size_large = (grown_site.outdir / page).stat().st_size
    # Only neighbour titles (previous/next) and the new page's menu entry may differ.
    assert abs(size_large - size_small) <= 0.02 * size_small, (size_small, size_large)
    grown_menu = grown_site.page(page).select_one(".sidebar-tree")
    new_section = grown_menu.find("a", href="../../neue-seite/").parent
    if isinstance(new_section.next_sibling, str) and not new_section.next_sibling.strip():
        new_section.next_sibling.extract()  # the line break after it
    new_section.decompose()
    assert str(grown_menu) == str(site.page(page).select_one(".sidebar-tree"))


def test_every_project_reachable_from_the_overview(grown_site):
    """From its first page, through "Nächste Seite" (63 projects: 3 pages of at most 24)."""
    path, visited, linked = "projekte/", [], set()
    while path:
        overview = grown_site.page(path)
        visited.append(path)
        links = overview.select("article a[href]")
        linked |= {urljoin(f"/{path}", a["href"]).strip("/") for a in links}
        following = overview.select_one('nav.oklab-pagination a[rel="next"]')
        path = urljoin(f"/{path}", following["href"]).lstrip("/") if following else ""
    assert visited == ["projekte/", "projekte/seite/2/", "projekte/seite/3/"]
    for number in (1, GROWN_BY // 2, GROWN_BY):
        assert f"projekte/testprojekt-{number:04d}" in linked


def without_neighbours(path: Path) -> int:
    """A post page's bytes without its links to the newer and the older post: the newest post
    has one neighbour, any other two, however many posts there are."""
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    for link in soup.select(".related-pages, link[rel=prev], link[rel=next]"):
        link.decompose()
    return len(str(soup).encode())


def test_post_page_size_does_not_grow_with_the_number_of_posts(site, grown_site):
    """The same post, among the site's own posts and among 40 more."""
    page = "neuigkeiten/open-data-day-2025/index.html"
    size_small = without_neighbours(site.outdir / page)
    size_large = without_neighbours(grown_site.outdir / page)
    assert abs(size_large - size_small) <= 0.02 * size_small, (size_small, size_large)


def test_news_overview_stays_small_with_many_posts(grown_site):
    large = grown_site
    overview = large.page("neuigkeiten/")
    assert len(overview.select(".oklab-post")) == 10
    assert len(subresources(overview)) <= MAX_FILES_PER_PAGE
    years = overview.select(".oklab-archive-years a")
    linked = sum(
        len(large.page(f"neuigkeiten/{a.get_text()}/").select(".oklab-post")) for a in years
    )
    assert linked == GROWN_BY + 2  # the synthetic posts and the site's own
