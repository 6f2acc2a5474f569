"""The interface around the content speaks German, like the content (and a catalog, not copied
templates, does the translating, so Danish or English can follow)."""

from __future__ import annotations

import re

import pytest
from harness import LAB_FILE, ROOT

# What stock furo and Sphinx show on a German page (measured). Phrases are
# looked for on the whole page (the search page's text is interface too), single words only in
# the page frame, where German content cannot contain them.
ENGLISH_PHRASES = [
    "Skip to content", "On this page", "Back to top", "Made with", "Light mode", "Dark mode",
    "Auto light/dark", "Link to this", "Toggle navigation", "Light Logo", "Dark Logo",
    "Please activate JavaScript", "Last updated on", "Edit this page", "View this page",
]  # fmt: skip
ENGLISH_WORDS = ["Next", "Previous", "Home", "Toggle", "Contents", "Menu", "Expand", "Search"]
ENGLISH_PHRASE = re.compile("|".join(map(re.escape, ENGLISH_PHRASES)))
ENGLISH_WORD = re.compile(r"\b(" + "|".join(ENGLISH_WORDS) + r")\b")
INTERFACE_ATTRIBUTES = ("aria-label", "title", "alt", "placeholder")
CATALOG = ROOT / "locales" / "de" / "LC_MESSAGES" / "sphinx.po"


def interface_texts(soup) -> list[str]:
    """Text a reader sees or hears from the page frame (not the page's own content)."""
    texts = [a for tag in soup.find_all(True) for n in INTERFACE_ATTRIBUTES if (a := tag.get(n))]
    texts += [t.get_text(" ", strip=True) for t in soup.find_all("title")]
    article = soup.find("article", attrs={"role": "main"})
    if article is not None:
        article.extract()
    texts.append(soup.body.get_text(" ", strip=True))
    return [t if isinstance(t, str) else " ".join(t) for t in texts]


def test_no_english_interface_strings(site):
    found = {}
    for path in site.pages():
        page = site.page(path)
        hits = set(ENGLISH_PHRASE.findall(page.get_text(" ")))
        for text in interface_texts(page):
            hits |= set(ENGLISH_PHRASE.findall(text)) | set(ENGLISH_WORD.findall(text))
        if hits:
            found[path or "/"] = sorted(hits)
    assert not found, f"English interface strings: {found}"


def test_german_interface_strings_in_place(site):
    soup = site.page("ueber-uns/")
    assert soup.select_one("a.skip-to-content").get_text(strip=True) == "Zum Inhalt springen"
    assert soup.select_one("a.headerlink")["title"] == "Link zu dieser Überschrift"
    assert soup.select_one(".theme-toggle")["aria-label"].startswith("Farbschema")
    assert soup.select_one(".toc-title").get_text(strip=True) == "Auf dieser Seite"


@pytest.mark.parametrize("path", ["", "ueber-uns/"])
def test_one_viewport_meta(site, path):
    assert len(site.page(path).select('meta[name="viewport"]')) == 1


def test_landmarks_have_names(site):
    """Two <aside> (navigation, table of contents) need names to be told apart (axe)."""
    for path in site.pages():
        asides = site.page(path).find_all("aside")
        labels = [a.get("aria-label") for a in asides]
        assert all(labels) and len(set(labels)) == len(labels), (path, labels)


def test_catalog_translates_every_entry():
    entries = re.findall(
        r'^msgid "(.+)"\nmsgstr "(.*)"$', CATALOG.read_text(encoding="utf-8"), re.M
    )
    assert len(entries) > 20
    assert [msgid for msgid, msgstr in entries if not msgstr] == []


def test_navigation_corrections(monkeypatch):
    """Toctree captions get a heading level; furo's toggle labels are translated."""
    import sphinx.locale
    from oklab.accessibility import accessible_navigation

    # Sphinx keeps its translators in one global registry: this test's German catalog must not
    # reach the builds of other tests.
    monkeypatch.setattr(sphinx.locale, "translators", type(sphinx.locale.translators)())
    sphinx.locale.init([CATALOG.parents[2]], "de")
    html = (
        '<p class="caption" role="heading"><span class="caption-text">Projekte</span></p>'
        '<ul><li class="toctree-l1 has-children"><a href="#">Über uns</a>'
        '<input type="checkbox" class="toctree-checkbox"'
        ' aria-label="Toggle navigation of Über uns">'
        "<ul><li><a>Kontakt</a></li></ul></li></ul>"
    )
    corrected = accessible_navigation(html)
    assert 'aria-level="2"' in corrected
    assert 'aria-label="Unterseiten von Über uns ein- oder ausblenden"' in corrected


def test_footer_on_every_page(site):
    """Meeting, legal pages and source code on every page; the values come from _data/lab.yaml."""
    import yaml

    lab = yaml.safe_load(LAB_FILE.read_text(encoding="utf-8"))
    github = next(link["url"] for link in lab["links"] if link["name"] == "GitHub")
    for path in site.pages():
        footer = site.page(path).select_one(".oklab-footer")
        assert footer is not None, path
        meeting = footer.select_one(".oklab-footer-meeting").get_text(" ", strip=True)
        assert f"jeden {lab['meeting']['weekday']}" in meeting, (path, meeting)
        assert lab["meeting"]["street"] in meeting, (path, meeting)
        links = {a.get_text(strip=True): a["href"] for a in footer.select("nav a")}
        assert {"Impressum", "Datenschutz", "Quellcode"} <= set(links), (path, links)
        assert links["Quellcode"].rstrip("/") == github.rstrip("/"), (path, links)
        assert "Made with" not in footer.get_text() and "Furo" not in footer.get_text()
