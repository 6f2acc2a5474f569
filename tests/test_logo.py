"""The logo: every place that shows it uses the SVG's own size and proportions.

conf.py names the files (furo's ``light_logo``/``dark_logo``); templates and the stylesheet
take the size from the SVG. Checked here against the SVG files the built pages show.
"""

from __future__ import annotations

from urllib.parse import urljoin
from xml.etree import ElementTree

import pytest

LOGOS = "img.sidebar-logo, img.oklab-header-logo"


def svg_size(file) -> tuple[int, int]:
    svg = ElementTree.parse(file).getroot()
    return int(svg.get("width")), int(svg.get("height"))


def test_logo_images_state_the_size_of_their_svg(site):
    for path in ("", "projekte/", "projekte/sozialatlas/"):
        images = site.page(path).select(LOGOS)
        assert len(images) == 4, path  # sidebar and phone header, light and dark
        for img in images:
            shown = site.outdir / urljoin(path, img["src"])
            assert (int(img["width"]), int(img["height"])) == svg_size(shown), (path, img)
        assert {img["src"].rsplit("/", 1)[-1] for img in images} == {
            "logo-light.svg",
            "logo-dark.svg",
        }


SHOWN_LOGOS = """() => [
    ...[...document.querySelectorAll(".sidebar-logo, .oklab-header-logo")]
        .map((img) => img.getBoundingClientRect()),
    document.querySelector(".oklab-hero") && (() => {
        const style = getComputedStyle(document.querySelector(".oklab-hero"), "::before");
        return {width: parseFloat(style.width), height: parseFloat(style.height)};
    })(),
].filter((box) => box && box.width > 0).map((box) => [box.width, box.height])"""


@pytest.mark.browser
@pytest.mark.parametrize("width", [390, 1350])
def test_logo_keeps_its_proportions(site, server, browser, width):
    logo_width, logo_height = svg_size(site.outdir / "_static" / "logo-light.svg")
    page = browser.new_page(viewport={"width": width, "height": 900})
    try:
        page.goto(server, wait_until="load")
        boxes = page.evaluate(SHOWN_LOGOS)
    finally:
        page.close()
    assert len(boxes) >= 2  # the hero, and the sidebar or (on phones) the header
    for box_width, box_height in boxes:
        assert box_width / box_height == pytest.approx(logo_width / logo_height, rel=0.01), boxes
