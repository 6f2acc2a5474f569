"""The menu follows navOrder in front matter: lower first, pages without navOrder after, ties by
title as a German reader sorts them (Ö as O), equal titles by file name; ``navigation: false``
out of the menu but built; on incremental builds too.

The test root ``tests/roots/test-navigation`` holds a case for each rule; the expected orders
are written out here.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin

import pytest
import yaml
from harness import ROOT, STRICT, Output

# (title, link from the start page) of the root's top-level menu, in the expected order:
# navOrder -1; 2 twice, same order by title and by file; 5 twice, title order (Ahorn in
# berta.md) unlike file order (Zeppelin in anton.md); 7 twice with equal titles, by file name;
# without navOrder last, by title: Öffnungszeiten as "Offnungszeiten", Zoo in aa-zoo.md.
ROOT_MENU = [
    ("Chronik", "chronik/"),
    ("Alpha", "alpha/"),
    ("Beta", "beta/"),
    ("Ahorn", "berta/"),
    ("Zeppelin", "anton/"),
    ("Gleich", "gleich-a/"),
    ("Gleich", "gleich-b/"),
    ("Delta", "delta/"),
    ("Echo", "echo/"),
    ("Öffnungszeiten", "oeffnungszeiten/"),
    ("Zoo", "aa-zoo/"),
]
NAVIGATION = pytest.mark.sphinx(
    "dirhtml", testroot="navigation", freshenv=True, confoverrides=STRICT
)


def top_menu(build, path: str = "") -> list[tuple[str, str]]:
    """(title, link) of the top-level entries of the sidebar menu on page ``path``."""
    tree = build.page(path).select_one(".sidebar-tree")
    return [
        (li.find("a").get_text(strip=True), li.find("a")["href"])
        for li in tree.select("ul > li.toctree-l1")
    ]


def titles(menu: list[tuple[str, str]]) -> list[str]:
    return [title for title, _ in menu]


def sub_menu(build, path: str) -> list[str]:
    return [
        a.get_text(strip=True) for a in build.page(path).select(".sidebar-tree li.toctree-l2 > a")
    ]


@NAVIGATION
def test_order_by_navorder_then_title_then_file_name(app):
    app.build()
    assert app.statuscode == 0 and app.warning.getvalue() == ""
    build = Output(app.outdir)
    assert top_menu(build) == ROOT_MENU
    assert sub_menu(build, "alpha/") == ["Eins", "Zwei", "Drei"]


@NAVIGATION
def test_navigation_false_is_built_but_not_in_the_menu(app):
    app.build()
    assert app.warning.getvalue() == ""  # no "not included in any toctree" warning
    build = Output(app.outdir)
    assert build.page("versteckt/").find("h1").get_text(strip=True).startswith("Versteckt")
    assert "Versteckt" not in build.page("").select_one(".sidebar-tree").get_text()


def test_reorder_and_new_section_reach_every_sidebar_incrementally(root_app):
    first = root_app("navigation")
    first.build()
    assert first.statuscode == 0 and first.warning.getvalue() == ""
    src = Path(first.srcdir)
    echo = (src / "echo.md").read_text(encoding="utf-8")
    second = root_app(
        "navigation",
        {
            "echo.md": echo.replace("title: Echo", "title: Echo\nnavOrder: -5"),
            "foxtrot/index.md": "---\ntitle: Foxtrot\nnavOrder: 1\n---\n\n# Foxtrot\n",
        },
        freshenv=False,  # incremental, like make serve
    )
    second.build()
    assert second.statuscode == 0 and second.warning.getvalue() == ""
    expected = [
        "Echo",
        "Chronik",
        "Foxtrot",
        "Alpha",
        "Beta",
        "Ahorn",
        "Zeppelin",
        "Gleich",
        "Gleich",
        "Delta",
        "Öffnungszeiten",
        "Zoo",
    ]
    build = Output(second.outdir)
    for page in ("", "alpha/", "alpha/zwei/", "delta/", "beta/"):  # none of these files changed
        assert titles(top_menu(build, page)) == expected, page


# -- The real site ----------------------------------------------------------------------------


def front_matter(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---", 2)[1]) or {}


def sources(site) -> dict[str, Path]:
    """URL path of each built page -> its Markdown file."""
    found = {}
    for url in site.pages():
        for candidate in (ROOT / url / "index.md", ROOT / f"{url.rstrip('/')}.md"):
            if url and candidate.is_file():
                found[url] = candidate
    return found


def test_real_site_menu_order(site):
    assert titles(top_menu(site)) == [
        "Projekte",
        "Über uns",
        "Kontakt",
        "Mitmachen",
        "Neuigkeiten",
        "Termine",
    ]
    for path in (
        "projekte/",
        "projekte/unfallkarte/",
        "mitmachen/website-bearbeiten/",
        "ueber-uns/",
    ):
        here = [(title, urljoin(f"/{path}", href)) for title, href in top_menu(site, path)]
        assert here == [(title, f"/{href}") for title, href in top_menu(site)], path


def test_pages_out_of_the_menu_are_still_built(site):
    menu = site.page("").select_one(".sidebar-tree").get_text()
    hidden = {
        url: front_matter(f)
        for url, f in sources(site).items()
        if front_matter(f).get("navigation") is False
    }
    assert hidden, "the site has no page out of the menu (Impressum, Datenschutz)"
    for url, meta in hidden.items():
        assert site.page(url).find("h1"), url
        assert meta["title"] not in menu, url
