"""Search as a reader uses it, in a real browser: German words with their other forms, a word
only in a page's text, no hits, the keyboard, and nothing of the search before it is used.

Expected results are written out here from the pages' text (projekte/strassenbaeume.md).
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

# Files only the search needs: none of them may load on an ordinary page, or before the
# reader focuses the field on the search page.
SEARCH_FILES = ("searchindex.js", "language_data.js", "search-pages.json", "oklab-search.js")
TREES = "Straßenbäume"
TREES_SNIPPET = "Das Straßenbaumkataster der Stadt Flensburg als Karte."


@pytest.fixture
def page(browser):
    page = browser.new_page(viewport={"width": 1350, "height": 900})
    page.requested = []
    page.errors = []
    page.on("request", lambda request: page.requested.append(request.url))
    page.on("console", lambda m: page.errors.append(m.text) if m.type == "error" else None)
    yield page
    assert page.errors == [], page.errors  # e.g. a CSP violation
    page.close()


def search_files(urls: list[str]) -> list[str]:
    return [url for url in urls if url.split("?")[0].endswith(SEARCH_FILES)]


def results(page) -> list[tuple[str, str]]:
    status = page.locator("#oklab-search-status")  # polled here: the CSP forbids eval
    for _ in range(1200):
        said = status.inner_text()
        if said and not said.endswith("…"):
            break
        page.wait_for_timeout(50)
    items = page.locator("#oklab-search-results li")
    return [
        (
            item.locator("a").inner_text(),
            item.locator("p").inner_text() if item.locator("p").count() else "",
        )
        for item in items.all()
    ]


def status(page) -> str:
    return page.locator("#oklab-search-status").inner_text()


def search(page, server, query: str) -> list[tuple[str, str]]:
    page.goto(server + "search/")
    page.fill("#oklab-search-query", query)
    page.press("#oklab-search-query", "Enter")
    return results(page)


def test_plural_finds_the_compound_in_title_and_text(page, server):
    found = search(page, server, "Bäume")
    assert found[0] == (TREES, TREES_SNIPPET)
    assert status(page) == f"{len(found)} Treffer für „Bäume“"


def test_plural_finds_the_singular(page, server):
    # strassenbaeume.md says "als Karte", never "Karten".
    titles = [title for title, _ in search(page, server, "Karten")]
    assert TREES in titles


def test_word_only_in_the_text(page, server):
    # "Baumpatenschaften" stands only in the section "Stand" of strassenbaeume.md.
    assert search(page, server, "Baumpatenschaften") == [(TREES, TREES_SNIPPET)]
    assert status(page) == "1 Treffer für „Baumpatenschaften“"


def test_no_hits_says_so(page, server):
    assert search(page, server, "Quantencomputer") == []
    assert status(page) == (
        "Keine Treffer für „Quantencomputer“. Versuch es mit einem anderen oder kürzeren Wort."
    )


def test_sidebar_field_and_keyboard(page, server):
    page.goto(server + "ueber-uns/")
    field = page.get_by_role("search").get_by_role("searchbox", name="Suche")
    field.focus()
    page.keyboard.type("Bäume")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search/?q=*")
    assert results(page)[0][0] == TREES
    assert page.locator("#oklab-search-query").input_value() == "Bäume"
    page.focus("#oklab-search-query")
    page.keyboard.press("Tab")  # the button "Suchen"
    assert page.evaluate("document.activeElement.textContent") == "Suchen"
    page.keyboard.press("Tab")  # the first result
    assert page.evaluate("document.activeElement.textContent") == TREES
    page.keyboard.press("Enter")
    page.wait_for_url("**/projekte/strassenbaeume/")


def test_nothing_of_the_search_loads_before_use(page, server):
    for path in ("", "projekte/", "projekte/strassenbaeume/"):
        page.goto(server + path)
        page.wait_for_load_state("networkidle")
        page.hover(".sidebar-search")
    assert search_files(page.requested) == []
    page.requested.clear()
    page.goto(server + "search/")
    page.wait_for_load_state("networkidle")
    assert [u.split("?")[0].rsplit("/", 1)[-1] for u in search_files(page.requested)] == [
        "oklab-search.js"
    ]
    with page.expect_request(lambda request: "searchindex.js" in request.url):
        page.focus("#oklab-search-query")
    page.wait_for_load_state("networkidle")
    loaded = sorted(u.split("?")[0].rsplit("/", 1)[-1] for u in search_files(page.requested))
    assert loaded == ["language_data.js", "oklab-search.js", "search-pages.json", "searchindex.js"]


def test_read_the_docs_search_add_on_stays_hidden(page, server):
    """On Read the Docs its add-on appends <readthedocs-search> (its own English result list);
    the site shows one field and one result list, its own."""
    page.goto(server + "search/?q=Bäume")
    page.evaluate(
        "() => { const addon = document.createElement('readthedocs-search');"
        " addon.innerHTML = '<div>Search docs</div>'; document.body.append(addon); }"
    )
    assert results(page)[0][0] == TREES
    assert not page.locator("readthedocs-search").is_visible()
    assert page.locator("#oklab-search-query").is_visible()
