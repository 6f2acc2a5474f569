"""Every project has a face: its topic's signet next to its title on its card and its page.

The signet a project should show is written out here (topic -> file), independent of the
extension's naming rule. Signets are decorative next to the title (``aria-hidden``, no text of
their own), small (at most 1 KB), plain drawings in ``currentColor`` that follow the colour
scheme, inlined without a request; a local ``image:`` wins; an editor's new project without
a picture gets its first topic's signet, or the general one.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from xml.etree import ElementTree

import pytest
import yaml
from harness import ROOT, build_in_process, copy_root, sphinx_cli
from oracles import message

SIGNETS = ROOT / "_static" / "signets"
PROJECT_FILES = sorted(p for p in (ROOT / "projekte").glob("*.md") if p.name != "index.md")
# Every topic in use -> the signet drawn for it, and what it shows; "projekt" for a project
# without a topic.
TOPIC_SIGNETS = {
    "Bildung": "bildung",  # an open book
    "Familie": "familie",  # a grown-up and a child
    "Freizeit": "freizeit",  # the sun over waves
    "Geodaten": "geodaten",  # a folded map
    "Infrastruktur": "infrastruktur",  # a database
    "Kultur": "kultur",  # a temple front with columns
    "Mobilität": "mobilitaet",  # a bus from the front
    "Sicherheit": "sicherheit",  # a shield with a tick
    "Stadtentwicklung": "stadtentwicklung",  # houses and a tower
    "Statistik": "statistik",  # a bar chart
    "Umwelt": "umwelt",  # a leaf
    "Veranstaltung": "veranstaltung",  # a calendar sheet with a star
    "Wohnen": "wohnen",  # a house
}
GENERAL = "projekt"  # the lab's hexagon with three connected points
SHAPES = {"g", "path", "circle", "ellipse", "rect", "line", "polyline", "polygon"}
SVG = "{http://www.w3.org/2000/svg}"


def front_matter(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---", 2)[1])


def expected_signet(meta: dict) -> str:
    tags = meta.get("tags") or []
    return TOPIC_SIGNETS[tags[0]] if tags else GENERAL


def signets_in(element) -> list:
    return element.select("svg.oklab-signet")


def assert_decorative(svg, where: str) -> None:
    """Next to the title, the signet is hidden from screen readers and adds no text."""
    assert svg.get("aria-hidden") == "true", where
    assert svg.get("role") is None and svg.find("title") is None, where
    assert svg.get_text(strip=True) == "", where


# -- The real site ------------------------------------------------------------------------------


def test_every_topic_in_use_has_its_signet_file():
    topics = {tag for p in PROJECT_FILES for tag in front_matter(p).get("tags", [])}
    assert topics == set(TOPIC_SIGNETS), "a topic without a drawn signet, or a stale entry"
    for name in [*TOPIC_SIGNETS.values(), GENERAL]:
        assert (SIGNETS / f"{name}.svg").is_file(), name


@pytest.mark.parametrize("path", sorted(SIGNETS.glob("*.svg")), ids=lambda p: p.name)
def test_signet_file_is_a_small_plain_drawing_in_current_colour(path):
    data = path.read_bytes()
    assert len(data) <= 1024, f"{path.name}: {len(data)} bytes"
    root = ElementTree.fromstring(data)
    assert root.tag == f"{SVG}svg" and "viewBox" in root.attrib
    assert {e.tag.removeprefix(SVG) for e in root.iter()} - {"svg"} <= SHAPES
    colours = {v for e in root.iter() for k, v in e.attrib.items() if k in ("fill", "stroke")}
    assert colours <= {"none", "currentColor"}, f"{path.name}: fixed colours {colours}"
    assert not re.search(rb"#[0-9a-f]{3}|rgb|hsl|style|href|<script", data, re.I), path.name


def test_every_card_shows_its_projects_signet_beside_the_title(site):
    cards = {
        c.select_one(".sd-card-title").get_text(strip=True): c
        for c in site.page("projekte/").select(".oklab-project")
    }
    assert len(cards) == len(PROJECT_FILES) == 22
    for path in PROJECT_FILES:
        meta = front_matter(path)
        title = cards[meta["title"]].select_one(".sd-card-title")
        (svg,) = signets_in(title)
        assert f"oklab-signet-{expected_signet(meta)}" in svg["class"], path.name
        assert_decorative(svg, path.name)
        assert title.get_text(strip=True) == meta["title"]  # the signet adds no text


def test_every_project_page_shows_its_signet_beside_the_heading(site):
    for path in PROJECT_FILES:
        meta = front_matter(path)
        page = site.page(f"projekte/{path.stem}/")
        (svg,) = signets_in(page.find("article"))
        assert svg.find_parent("h1") is not None, path.name
        assert f"oklab-signet-{expected_signet(meta)}" in svg["class"], path.name
        assert_decorative(svg, path.name)
        # the browser tab, the social preview and the neighbours' links keep the plain title
        assert page.title.get_text().startswith(meta["title"]), path.name
        assert page.find("meta", property="og:title")["content"] == meta["title"]
        for link in page.select(".related-pages a"):
            assert link.find("svg", class_="oklab-signet") is None, path.name


def test_signets_cost_no_request(site):
    for path in ("", "projekte/", "projekte/unfallkarte/"):
        page = site.page(path)
        sources = [i["src"] for i in page.find_all("img")] + [u["href"] for u in page("use")]
        assert not [s for s in sources if "signets" in s], path


@pytest.mark.browser
def test_signets_follow_the_colour_scheme_with_contrast(server, browser):
    """Drawn in the palette's colour on its tile, at least 3:1 (WCAG, non-text), light and dark."""
    seen = {}
    for scheme in ("light", "dark"):
        context = browser.new_context(color_scheme=scheme)
        page = context.new_page()
        page.goto(server + "projekte/")
        looks = page.evaluate(
            """() => [...document.querySelectorAll('svg.oklab-signet')].map(svg => {
                const style = getComputedStyle(svg);
                return [style.color, style.backgroundColor, svg.getBoundingClientRect().width];
            })"""
        )
        context.close()
        assert len(looks) == 22
        assert len(set(map(tuple, looks))) == 1, "every signet looks the same way"
        color, background, width = looks[0]
        assert contrast(color, background) >= 3, (scheme, color, background)
        assert 24 <= width <= 64, width
        seen[scheme] = (color, background)
    assert seen["light"][0] != seen["dark"][0] and seen["light"][1] != seen["dark"][1], seen


def contrast(first: str, second: str) -> float:
    def luminance(css: str) -> float:
        red, green, blue = (int(v) / 255 for v in re.findall(r"\d+", css)[:3])
        channels = (red, green, blue)
        linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


# -- An editor's new project (a small site) -------------------------------------------------------


def project(title: str, tags: list[str], extra: str = "") -> str:
    topics = "".join(f"\n  - {tag}" for tag in tags)
    return f"---\ntitle: {title}\ndescription: Eine Karte.\ntags:{topics or ' []'}\n{extra}---\n"


def small_site(tmp_path: Path, pages: dict[str, str], signets: bool = True) -> Path:
    src = copy_root("frontmatter", tmp_path / "src")
    if signets:
        shutil.copytree(SIGNETS, src / "_static" / "signets")
    for name, text in pages.items():
        (src / name).write_text(text, encoding="utf-8")
    return src


def build_strictly(src: Path, builddir: Path):
    build = build_in_process(src, builddir)
    assert build.statuscode == 0 and build.warnings == "", build.warnings
    return build


def shown_signet(build, page: str):
    svgs = signets_in(build.page(page).find("article"))
    return [s["class"][-1].removeprefix("oklab-signet-") for s in svgs]


def test_new_project_without_image_gets_its_topics_signet(tmp_path):
    src = small_site(
        tmp_path,
        {
            "projekte/baeume.md": project("Bäume", ["Umwelt"]),
            "projekte/neu.md": project("Neu", ["Neues Thema", "Bildung"]),
            "projekte/ohne.md": project("Ohne", []),
            "projekte/unbekannt.md": project("Unbekannt", ["Neues Thema"]),
        },
    )
    build = build_strictly(src, tmp_path / "build")
    assert shown_signet(build, "projekte/baeume/") == ["umwelt"]
    assert shown_signet(build, "projekte/neu/") == ["bildung"]  # the first topic with a signet
    assert shown_signet(build, "projekte/ohne/") == [GENERAL]
    assert shown_signet(build, "projekte/unbekannt/") == [GENERAL]
    overview = build.page("projekte/")
    cards = {
        c.select_one(".sd-card-title").get_text(strip=True): c
        for c in overview.select(".oklab-project")
    }
    assert [s["class"][-1] for s in signets_in(cards["Bäume"])] == ["oklab-signet-umwelt"]


def test_a_local_image_wins_over_the_signet(tmp_path):
    """projekte/karte.md of the small site names karte.svg and the topic Umwelt."""
    build = build_strictly(small_site(tmp_path, {}), tmp_path / "build")
    assert shown_signet(build, "projekte/karte/") == []
    assert build.page("projekte/karte/").select_one(".oklab-facts img")["src"].endswith(".svg")
    card = build.page("projekte/").select_one(".oklab-project")
    assert signets_in(card) == [] and card.find("img")["alt"] == ""


def test_a_site_without_signets_builds_without_them(tmp_path):
    src = small_site(tmp_path, {"projekte/baeume.md": project("Bäume", ["Umwelt"])}, False)
    build = build_strictly(src, tmp_path / "build")
    assert shown_signet(build, "projekte/baeume/") == []


def test_a_signet_too_large_or_not_plain_is_reported_in_german(tmp_path):
    src = small_site(tmp_path, {})
    large = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">'
    large += '<path d="M1 1h2"/>' * 60 + "</svg>"
    (src / "_static" / "signets" / "gross.svg").write_text(large, encoding="utf-8")
    script = (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">'
        "<script>alert(1)</script></svg>"
    )
    (src / "_static" / "signets" / "skript.svg").write_text(script, encoding="utf-8")
    build = sphinx_cli(src, tmp_path / "html")
    assert build.returncode == 1
    assert "Traceback" not in build.output
    errors = sorted(line for line in build.output.splitlines() if "ERROR" in line)
    size = len(large.encode())
    assert errors == [
        "_static/signets/gross.svg:1: ERROR: " + message("Signet zu groß", size=str(size)),
        "_static/signets/skript.svg:1: ERROR: " + message("Signet nicht einfach", found="<script>"),
    ], build.output
