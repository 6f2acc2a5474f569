"""'Seite bearbeiten': with the repository configured, every content page links to its Markdown
file in GitHub's web editor (furo's ``source_repository``/``source_branch``/``source_directory``);
while the address is empty, as today, no page shows a link and the build has no error.
"""

from __future__ import annotations

import re

import pytest
from harness import PUBLISHED_CSP, ROOT, build_in_process, nu_messages, serve, sphinx_cli
from oracles import message
from test_accessibility import MODES, SCREENSHOTS, axe_violations

# Only exercises the code: a repository of the lab named in tests/data/facts-projects.yaml, not
# the website's own (which no source names).
REPOSITORY = "https://github.com/oklabflensburg/open-accident-map"
LABEL = "Seite bearbeiten"


def markdown_file(path: str) -> str | None:
    """The Markdown file (relative to the repository) of the page at URL path ``path``; None
    for a page the site generates (topics, archives by year)."""
    stem = path.rstrip("/") or "index"
    for candidate in (f"{stem}/index.md", f"{stem}.md"):
        if (ROOT / candidate).is_file():
            return candidate
    return None


def source_file(path: str) -> str:
    found = markdown_file(path)
    if found is None:
        raise FileNotFoundError(path)
    return found


def content_pages(build) -> list[str]:
    pages = [p for p in build.pages() if not p.startswith(("search/", "genindex/"))]
    return [p for p in pages if markdown_file(p) is not None]


def test_generated_pages_have_no_edit_link(with_repository):
    """No Markdown file to edit: a topic page or a year's archive offers no link."""
    generated = [p for p in with_repository.pages() if markdown_file(p) is None]
    assert "themen/" in generated and "neuigkeiten/2025/" in generated
    for path in generated:
        assert edit_links(with_repository.page(path)) == [], path


@pytest.fixture(scope="module")
def with_repository(tmp_path_factory):
    option = {"html_theme_options.source_repository": REPOSITORY}
    build = build_in_process(ROOT, tmp_path_factory.mktemp("edit"), PUBLISHED_CSP | option)
    assert build.statuscode == 0 and build.warnings == "", build.warnings
    return build


def edit_links(soup) -> list:
    return soup.select('a[rel~="edit"]')


def test_without_repository_no_page_has_an_edit_link(site):
    for path in site.pages():
        page = site.page(path)
        assert edit_links(page) == [], path
        assert "/edit/" not in str(page), path


def test_every_content_page_links_to_its_markdown_file_in_the_web_editor(with_repository):
    pages = content_pages(with_repository)
    assert len(pages) >= 10
    for path in pages:
        links = edit_links(with_repository.page(path))
        assert len(links) == 1, path
        link = links[0]
        assert link["href"] == f"{REPOSITORY}/edit/main/{source_file(path)}", path
        assert link.get_text(strip=True) == LABEL, path  # visible German text: the name
        assert {"noopener", "noreferrer"} <= set(link["rel"]), path
        assert link.find("svg")["aria-hidden"] == "true", path
        assert not link.has_attr("title"), path  # the visible text says it already


def test_edit_link_is_above_the_text_and_the_footer_stays_clean(with_repository):
    for path in content_pages(with_repository):
        page = with_repository.page(path)
        assert page.select_one(".content-icon-container a[rel~='edit']") is not None, path
        footer = page.find("footer")
        assert footer.select("a[rel~='edit']") == [] and LABEL not in footer.get_text(), path


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        (
            {"source_repository": "https://codefor.de/flensburg/"},
            [message("Repository nicht auf GitHub", value="https://codefor.de/flensburg/")],
        ),
        (
            {"source_repository": REPOSITORY, "source_branch": ""},
            [message("Branch fehlt")],
        ),
    ],
    ids=["not-github", "no-branch"],
)
def test_unusable_repository_stops_the_build_in_german(tmp_path, options, expected):
    overrides = [arg for k, v in options.items() for arg in ("-D", f"html_theme_options.{k}={v}")]
    build = sphinx_cli(ROOT, tmp_path / "html", *overrides)
    assert build.returncode != 0
    assert "Traceback" not in build.output
    for wording in expected:
        line = rf"^conf\.py:\d+: ERROR: {re.escape(wording)}$"
        assert re.search(line, build.output, re.M), build.output
    assert "ERROR: " + message("conf.py fehlerhaft") in build.output


# -- In Chromium and the Nu Html Checker -----------------------------------------------------------


@pytest.fixture(scope="module")
def edit_server(with_repository):
    with serve(with_repository.outdir) as url:
        yield url


@pytest.mark.browser
@pytest.mark.parametrize(("width", "scheme"), MODES, ids=[f"{w}px-{s}" for w, s in MODES])
def test_edit_link_is_visible_and_accessible(browser, edit_server, width, scheme):
    context = browser.new_context(
        viewport={"width": width, "height": 900}, color_scheme=scheme, reduced_motion="reduce"
    )
    page = context.new_page()
    csp: list[str] = []
    page.on("console", lambda m: "Content Security Policy" in m.text and csp.append(m.text))
    for path in ("ueber-uns/", "projekte/unfallkarte/"):
        page.goto(edit_server + path, wait_until="load")
        link = page.get_by_role("link", name=LABEL, exact=True)
        assert link.is_visible(), path
        box = link.bounding_box()
        assert box["height"] >= 44 and box["x"] + box["width"] <= width, (path, box)
        assert axe_violations(page) == [], (path, width, scheme)
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        name = path.strip("/").replace("/", "-")
        page.screenshot(path=SCREENSHOTS / f"edit-link-{name}-{width}px-{scheme}.png")
    assert csp == []
    context.close()


@pytest.mark.vnu
def test_every_page_with_the_edit_link_is_valid_html(with_repository):
    files = [
        with_repository.outdir / (p if p.endswith(".html") else p + "index.html")
        for p in with_repository.pages()
    ]
    try:
        messages = nu_messages(files)
    except FileNotFoundError as missing:
        pytest.fail(str(missing), pytrace=False)
    errors = [m for m in messages if m["type"] != "info"]
    assert errors == [], errors


def test_editor_guide_says_where_to_set_the_repository(site):
    guide = site.page("mitmachen/vorschau/").find(id="seite-bearbeiten")
    text = " ".join(guide.get_text(" ").split())
    assert "conf.py" in text and "html_theme_options" in text
    example = guide.find("pre").get_text()
    assert '"source_repository": "https://github.com/BESITZER/NAME"' in example
