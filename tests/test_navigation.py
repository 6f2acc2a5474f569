"""The menu follows navOrder in front matter: lower first, pages without navOrder after, ties by
title, ``navigation: false`` out of the menu but built; on incremental builds too."""

from __future__ import annotations

import os
from pathlib import Path

import yaml
from conftest import ROOT, copy_root, sphinx_build

ENV = {**os.environ, "PYTHONPATH": str(ROOT / "_ext")}


def top_menu(build, path: str = "") -> list[str]:
    """The top-level entries of the sidebar menu on page ``path``."""
    tree = build.page(path).select_one(".sidebar-tree")
    return [li.find("a").get_text(strip=True) for li in tree.select("ul > li.toctree-l1")]


def sub_menu(build, path: str) -> list[str]:
    return [
        a.get_text(strip=True) for a in build.page(path).select(".sidebar-tree li.toctree-l2 > a")
    ]


def navigation_root(tmp_path: Path) -> Path:
    return copy_root("navigation", tmp_path / "src")


def test_order_by_navorder_then_title(tmp_path):
    build = sphinx_build(navigation_root(tmp_path), tmp_path / "html", "-E", env=ENV)
    assert build.returncode == 0, build.output
    # Chronik -1; Alpha and Beta tie at 2 (by title); Delta and Echo have no navOrder
    assert top_menu(build) == ["Chronik", "Alpha", "Beta", "Delta", "Echo"]
    assert sub_menu(build, "alpha/") == ["Eins", "Zwei", "Drei"]


def test_navigation_false_is_built_but_not_in_the_menu(tmp_path):
    build = sphinx_build(navigation_root(tmp_path), tmp_path / "html", "-E", env=ENV)
    assert build.returncode == 0, build.output  # no "not included in any toctree" warning
    assert build.page("versteckt/").find("h1").get_text(strip=True).startswith("Versteckt")
    assert "Versteckt" not in build.page("").select_one(".sidebar-tree").get_text()


def test_reorder_and_new_section_reach_every_sidebar_incrementally(tmp_path):
    src, out = navigation_root(tmp_path), tmp_path / "html"
    doctrees = ["-d", str(tmp_path / "doctrees")]
    first = sphinx_build(src, out, *doctrees, env=ENV)
    assert first.returncode == 0, first.output
    echo = (src / "echo.md").read_text(encoding="utf-8")
    (src / "echo.md").write_text(
        echo.replace("title: Echo", "title: Echo\nnavOrder: -5"), encoding="utf-8"
    )
    (src / "foxtrot").mkdir()
    (src / "foxtrot" / "index.md").write_text(
        "---\ntitle: Foxtrot\nnavOrder: 1\n---\n\n# Foxtrot\n"
    )
    second = sphinx_build(src, out, *doctrees, env=ENV)  # incremental, like make serve
    assert second.returncode == 0, second.output
    expected = ["Echo", "Chronik", "Foxtrot", "Alpha", "Beta", "Delta"]
    for page in ("", "alpha/", "alpha/zwei/", "delta/", "beta/"):  # none of these files changed
        assert top_menu(second, page) == expected, page


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
    assert top_menu(site) == [
        "Projekte",
        "Über uns",
        "Kontakt",
        "Mitmachen",
        "Neuigkeiten",
        "Termine",
    ]
    # equal to the order the top-level pages' front matter asks for, and the same on every page
    top = [front_matter(f) for url, f in sources(site).items() if url.count("/") == 1]
    shown = [m for m in top if m.get("navigation", True) is not False]
    shown.sort(key=lambda m: (m.get("navOrder") is None, m.get("navOrder") or 0, m["title"]))
    assert top_menu(site) == [m["title"] for m in shown]
    for path in (
        "projekte/",
        "projekte/unfallkarte/",
        "mitmachen/website-bearbeiten/",
        "ueber-uns/",
    ):
        assert top_menu(site, path) == top_menu(site), path


def test_pages_out_of_the_menu_are_still_built(site):
    menu = site.page("").select_one(".sidebar-tree").get_text()
    hidden = {
        url: front_matter(f)
        for url, f in sources(site).items()
        if front_matter(f).get("navigation") is False
    }
    for url, meta in hidden.items():
        assert site.page(url).find("h1"), url
        assert meta["title"] not in menu, url
