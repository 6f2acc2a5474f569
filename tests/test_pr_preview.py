"""Pull-request previews on Read the Docs (``READTHEDOCS_VERSION_TYPE=external``).

A preview builds even while the operator data for Impressum and Datenschutz are missing, shows
the banner "Vorschau – nicht veröffentlicht" with the pull request's number on every page, is
``noindex`` everywhere, has no sitemap and a robots.txt that disallows everything. The builds of
``latest`` (``branch``) and ``stable`` (``tag``) still refuse missing operator data with the
German message they gave before. The banner is checked in Chromium (axe, light and dark, phone
and desktop) and by the Nu Html Checker.
"""

from __future__ import annotations

import re

import pytest
import yaml
from bs4 import BeautifulSoup
from harness import ROOT, build_in_process, copy_site, nu_messages, serve, sphinx_cli
from oracles import CSP_PUBLISHED, OPERATOR_LABELS, csp_directives, expected_policy, message
from test_accessibility import MODES, SCREENSHOTS, axe_violations

PR_NUMBER = "42"
BANNER_TITLE = "Vorschau – nicht veröffentlicht"
BANNER_TEXT = f"{BANNER_TITLE} Pull Request #{PR_NUMBER}: Änderungen, die noch geprüft werden."
# The message a release build gave before previews existed (tests/test_legal.py).
REFUSED = "ERROR: " + message(
    "Veröffentlichung abgebrochen", labels=", ".join(OPERATOR_LABELS.values())
)
OPERATOR_FIELDS = tuple(OPERATOR_LABELS)


@pytest.fixture(scope="module")
def source_without_operator(tmp_path_factory):
    """A copy of the site whose operator data are all missing (as today, and independent of
    whether someone fills them in later)."""
    src = copy_site(tmp_path_factory.mktemp("pr") / "src")
    data_file = src / "_data" / "lab.yaml"
    data = yaml.safe_load(data_file.read_text(encoding="utf-8"))
    data["operator"] = dict.fromkeys(OPERATOR_FIELDS)
    data_file.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    return src


def read_the_docs(version_type: str, version: str) -> dict[str, str]:
    return dict(
        READTHEDOCS="True", READTHEDOCS_VERSION_TYPE=version_type, READTHEDOCS_VERSION=version
    )


@pytest.fixture(scope="module")
def preview(source_without_operator, tmp_path_factory):
    """The preview of pull request 42, built in process as Read the Docs would."""
    out = tmp_path_factory.mktemp("pr-html")
    return build_in_process(source_without_operator, out, **read_the_docs("external", PR_NUMBER))


def test_pull_request_preview_builds_without_operator_data(preview):
    assert preview.statuscode == 0, preview.warnings
    assert preview.warnings == ""
    notice = preview.page("impressum/").find(class_="oklab-legal-missing")
    assert notice is not None and "Angaben fehlen noch" in notice.get_text()


@pytest.mark.parametrize(("version_type", "version"), [("branch", "latest"), ("tag", "stable")])
def test_latest_and_stable_still_refuse_missing_operator_data(
    source_without_operator, tmp_path, version_type, version
):
    variables = read_the_docs(version_type, version)
    build = sphinx_cli(source_without_operator, tmp_path / "html", **variables)
    assert build.returncode != 0
    assert "Traceback" not in build.output
    assert REFUSED in build.output.splitlines(), build.output
    for field in OPERATOR_FIELDS:
        wording = message("Angabe fehlt", field=f"operator.{field}")
        line = rf"^_data/lab\.yaml:\d+: ERROR: {re.escape(wording)}$"
        assert re.search(line, build.output, re.M), (field, build.output)


def test_every_page_shows_the_banner_with_the_pull_request_number(preview):
    for path in preview.pages():
        page = preview.page(path)
        banners = page.select("body > .announcement")
        assert len(banners) == 1, path
        assert " ".join(banners[0].get_text(" ").split()) == BANNER_TEXT, path
        assert banners[0].find("strong").get_text() == BANNER_TITLE, path
        # a named landmark, first on the page after the skip link, no inline style
        assert banners[0].find("aside")["aria-label"] == "Vorschau", path
        assert not banners[0].select("[style]"), path


def test_every_page_is_noindex(preview):
    for path in preview.pages():
        robots = preview.page(path).find_all("meta", attrs={"name": "robots"})
        assert [tag["content"] for tag in robots] == ["noindex"], path


def test_no_sitemap_and_robots_txt_disallows_everything(preview):
    assert not (preview.outdir / "sitemap.xml").exists()
    assert (preview.outdir / "robots.txt").read_text(encoding="utf-8") == (
        "User-agent: *\nDisallow: /\n"
    )


def test_preview_keeps_the_strict_policy(preview):
    for path in preview.pages():
        soup = preview.page(path)
        tag = soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})
        policy = {name: set(values) for name, values in csp_directives(tag["content"]).items()}
        assert policy == expected_policy(soup, CSP_PUBLISHED), path


def test_banner_without_a_number_and_with_a_strange_one():
    from oklab.preview import banner

    def text(markup: str) -> str:
        return " ".join(BeautifulSoup(markup, "html.parser").get_text(" ").split())

    assert text(banner("")) == f"{BANNER_TITLE} Änderungen, die noch geprüft werden."
    strange = banner('7<script>alert("x")</script>')
    assert "<script>" not in strange
    assert text(strange) == (
        f'{BANNER_TITLE} Pull Request #7<script>alert("x")</script>: '
        "Änderungen, die noch geprüft werden."
    )


def test_published_site_has_no_banner_no_noindex_and_a_sitemap(site):
    for path in site.pages():
        page = site.page(path)
        assert page.select(".announcement") == [], path
        assert page.find("meta", attrs={"name": "robots"}) is None, path
    assert (site.outdir / "sitemap.xml").is_file()
    assert "Disallow" not in (site.outdir / "robots.txt").read_text(encoding="utf-8")


# -- What a reviewer sees: Chromium and the Nu Html Checker ---------------------------------------


@pytest.fixture(scope="module")
def preview_server(preview):
    with serve(preview.outdir) as url:
        yield url


@pytest.mark.browser
@pytest.mark.parametrize(("width", "scheme"), MODES, ids=[f"{w}px-{s}" for w, s in MODES])
def test_banner_is_visible_readable_and_accessible(browser, preview_server, width, scheme):

    context = browser.new_context(
        viewport={"width": width, "height": 900}, color_scheme=scheme, reduced_motion="reduce"
    )
    errors: list[str] = []
    page = context.new_page()
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    for path in ("", "ueber-uns/", "impressum/"):
        page.goto(preview_server + path, wait_until="load")
        banner = page.locator(".announcement")
        box = banner.bounding_box()
        assert box is not None and box["y"] == 0 and box["width"] == width, (path, box)
        assert page.evaluate("document.documentElement.scrollWidth") <= width, path
        assert BANNER_TITLE in banner.inner_text()
        assert axe_violations(page) == [], (path, width, scheme)
        name = (path.strip("/") or "start") + f"-{width}px-{scheme}.png"
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=SCREENSHOTS / f"pr-preview-{name}")
    assert errors == []
    context.close()


@pytest.mark.vnu
def test_every_preview_page_is_valid_html(preview):
    files = [
        preview.outdir / (p if p.endswith(".html") else p + "index.html") for p in preview.pages()
    ]
    try:
        messages = nu_messages(files)
    except FileNotFoundError as missing:
        pytest.fail(str(missing), pytrace=False)
    errors = [m for m in messages if m["type"] != "info"]
    assert errors == [], errors


def test_readme_says_how_to_switch_on_pull_request_previews():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Vorschau für Pull Requests (Read the Docs)", 1)[1].split("\n## ")[0]
    steps = ("**Admin**", "**Settings**", "**Build pull requests for this project**", "**Save**")
    for step in steps:
        assert step in section, step
    assert "READTHEDOCS_VERSION_TYPE=external" in section
