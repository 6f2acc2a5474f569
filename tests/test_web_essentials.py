"""What browsers, search engines and social networks get: clean canonical URLs, unique titles,
descriptions and previews from front matter, sitemap and robots.txt, a German 404 page that
works at any depth, external links that reveal nothing, legal pages in the footer only."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from harness import LAB_FILE, ROOT, RTD_URL

SITE_NAME = "OK Lab Flensburg"
NOT_LISTED = ("search/", "genindex/", "404/", "impressum/", "datenschutz/")
SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def source_of(path: str) -> Path | None:
    """The Markdown file of the page at URL path ``path`` (none for a generated page)."""
    stem = path.rstrip("/") or "index"
    for candidate in (ROOT / stem / "index.md", ROOT / f"{stem}.md"):
        if candidate.is_file():
            return candidate
    return None


def front_matter(path: str) -> dict:
    """The page's front matter; a generated page (topics, archives) has none."""
    source = source_of(path)
    text = source.read_text(encoding="utf-8") if source is not None else ""
    return yaml.safe_load(text.split("---", 2)[1]) if text.startswith("---") else {}


def content_pages(build) -> list[str]:
    return [p for p in build.pages() if not p.startswith(("search/", "genindex/"))]


def meta(soup, **attrs) -> str | None:
    tag = soup.find("meta", attrs=attrs)
    return tag["content"] if tag else None


# -- URLs ------------------------------------------------------------------------------------


def test_clean_canonical_urls_share_one_base(site):
    bases = set()
    for path in content_pages(site):
        canonical = site.page(path).find("link", rel="canonical")["href"]
        assert canonical.endswith("/" + path) and not canonical.endswith(".html"), canonical
        bases.add(canonical[: len(canonical) - len(path)])
    assert len(bases) == 1


def test_canonical_base_comes_from_read_the_docs(rtd_site):
    for path in content_pages(rtd_site):
        page = rtd_site.page(path)
        assert page.find("link", rel="canonical")["href"] == RTD_URL + path
        assert meta(page, property="og:url") == RTD_URL + path


# -- Titles, descriptions, previews ------------------------------------------------------------


def test_every_page_has_a_unique_title_naming_page_and_lab(site):
    titles = {path: site.page(path).title.get_text(strip=True) for path in content_pages(site)}
    assert len(set(titles.values())) == len(titles), titles
    assert titles[""].startswith(SITE_NAME)
    for path, title in titles.items():
        if path:
            heading = site.page(path).find("h1").get_text(strip=True).rstrip("#")
            assert title == f"{heading} · {SITE_NAME}", path


def test_start_page_title_carries_the_tagline(site):
    tagline = yaml.safe_load(LAB_FILE.read_text(encoding="utf-8"))["tagline"]
    assert site.page("").title.get_text(strip=True) == f"{SITE_NAME} · {tagline}"


def test_description_and_preview_come_from_front_matter(site):
    checked = 0
    for path in content_pages(site):
        description = front_matter(path).get("description")
        page = site.page(path)
        descriptions = page.find_all("meta", attrs={"name": "description"})
        if description is None:
            continue
        checked += 1
        # {{ treffen_tag }}, {{ verein }} … are filled in from _data/lab.yaml (one word or more)
        expected = re.compile(
            r"\S.*?".join(map(re.escape, re.split(r"\{\{\s*\w+\s*\}\}", description.strip())))
        )
        assert len(descriptions) == 1 and expected.fullmatch(descriptions[0]["content"]), path
        assert "{{" not in descriptions[0]["content"], path
        assert meta(page, property="og:description") == descriptions[0]["content"], path
        assert meta(page, property="og:title"), path
        assert meta(page, property="og:locale") == "de_DE"
    assert checked >= 5


def test_every_page_has_a_description(site):
    for path in content_pages(site):
        assert meta(site.page(path), name="description"), path


def test_preview_image_is_absolute_and_published(site):
    for path in content_pages(site):
        image = meta(site.page(path), property="og:image")
        assert image and image.startswith("https://"), path
        assert image.endswith((".png", ".jpg")), (path, "social networks show no SVG")
        local = urlsplit(image).path
        base_path = urlsplit(site.page(path).find("link", rel="canonical")["href"]).path
        published = site.outdir / local[len(base_path) - len(path) :].lstrip("/")
        assert published.is_file(), (path, image)


# -- Sitemap and robots.txt --------------------------------------------------------------------


def sitemap_urls(build) -> list[str]:
    tree = ET.parse(build.outdir / "sitemap.xml")
    return [loc.text for loc in tree.getroot().findall("s:url/s:loc", SITEMAP_NS)]


def test_sitemap_lists_every_content_page_once(site):
    urls = sitemap_urls(site)
    base = site.page("").find("link", rel="canonical")["href"]
    expected = [p for p in site.pages() if not p.startswith(NOT_LISTED)]
    assert sorted(urls) == sorted(base + p for p in expected)
    assert len(urls) == len(set(urls))


def test_sitemap_urls_have_no_doubled_language(rtd_site):
    urls = sitemap_urls(rtd_site)
    assert urls and all(u.startswith(RTD_URL) for u in urls)
    assert not any("/de/latest/de/" in u or "/de/de/" in u for u in urls)
    for excluded in NOT_LISTED:
        assert RTD_URL + excluded not in urls


def test_robots_txt_points_to_the_absolute_sitemap(rtd_site):
    robots = (rtd_site.outdir / "robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {RTD_URL}sitemap.xml" in robots.splitlines()
    assert "User-agent: *" in robots
    assert not (ROOT / "robots.txt").exists() and not (ROOT / "sitemap.xml").exists()


# -- 404 page --------------------------------------------------------------------------------


def test_404_page_is_german_and_styled(site):
    page = site.page("404/")
    assert page.find("h1").get_text(strip=True).rstrip("#") == "Seite nicht gefunden"
    assert page.find("link", rel="stylesheet")
    assert "404" not in " ".join(sitemap_urls(site))


def test_404_page_links_absolutely_with_read_the_docs_prefix(rtd_site):
    prefix = urlsplit(RTD_URL).path
    page = rtd_site.page("404/")
    switcher = page.find("nav", class_="oklab-languages").extract()
    for tag, attr in (("a", "href"), ("link", "href"), ("script", "src"), ("img", "src")):
        for element in page.find_all(tag, attrs={attr: True}):
            value = element[attr]
            if value.startswith(("#", "https://", "http://", "mailto:")):
                continue
            assert value.startswith(prefix), (tag, value)
    # the language switcher leads to the 404 page of the other languages, same version
    assert [a["href"] for a in switcher.find_all("a")] == ["/da/latest/404/", "/en/latest/404/"]


@pytest.mark.browser
@pytest.mark.parametrize("missing", ["gibts-nicht/", "a/b/c/d/alt.html"])
def test_404_page_works_at_any_depth(browser, server, missing):
    """The host answers an unknown address with the 404 page (as Read the Docs does)."""
    page = browser.new_page()
    failed = []
    page.on("requestfailed", lambda request: failed.append(request.url))
    page.on(
        "response",
        lambda r: failed.append(r.url) if r.status >= 400 and r.url != server + missing else None,
    )
    response = page.goto(server + missing)
    assert response.status == 404
    assert page.locator("h1").first.inner_text().startswith("Seite nicht gefunden")
    # furo's stylesheet applied: the page layout is a flex box
    assert page.evaluate("getComputedStyle(document.querySelector('.page')).display") == "flex"
    assert failed == []
    page.locator("article a", has_text="Projekte").first.click()
    page.wait_for_load_state()
    assert urlsplit(page.url).path == "/de/projekte/"
    page.close()


# -- Links -----------------------------------------------------------------------------------


def test_external_links_reveal_nothing(site):
    for path in site.pages():
        for link in site.page(path).find_all("a", href=True):
            if link["href"].startswith(("https://", "http://")):
                rel = link.get("rel") or []
                assert {"noopener", "noreferrer"} <= set(rel), (path, str(link))


def test_mastodon_link_keeps_rel_me(site):
    lab = yaml.safe_load(LAB_FILE.read_text(encoding="utf-8"))
    profiles = [link["url"] for link in lab["links"] if link.get("rel") == "me"]
    assert profiles
    found = [a for p in site.pages() for a in site.page(p).find_all("a", href=profiles[0])]
    assert found and all("me" in (a.get("rel") or []) for a in found)


# -- Legal pages -----------------------------------------------------------------------------


def test_legal_pages_are_in_every_footer_but_not_in_the_menu(site):
    for path in content_pages(site):
        page = site.page(path)
        footer = page.find("footer")
        texts = {a.get_text(strip=True) for a in footer.find_all("a")}
        assert {"Impressum", "Datenschutz"} <= texts, path
        menu = page.find(class_="sidebar-tree")
        if menu:
            menu_texts = {a.get_text(strip=True) for a in menu.find_all("a")}
            assert not {"Impressum", "Datenschutz"} & menu_texts, path
