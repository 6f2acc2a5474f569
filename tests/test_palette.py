"""The lab's colours: each written once, and the dark ones really shown in both dark modes.

The palette lives in conf.py (``oklab_colours``), declared in _static/css/oklab.css_t; it
writes the dark values for two selectors: dark chosen with the theme toggle
(``body[data-theme="dark"]``), and "auto" on a system set to dark
(``prefers-color-scheme: dark``). A reader must get the same dark colours either way.
"""

from __future__ import annotations

import colorsys
import re
from collections import defaultdict

import pytest
from harness import ROOT

# Where colours may be written: the configuration and the stylesheets (plain or templates).
COLOUR_SOURCES = [ROOT / "conf.py", *sorted((ROOT / "_static" / "css").glob("*.css*"))]
COLOUR = re.compile(
    r"#(?:[0-9a-f]{8}|[0-9a-f]{6}|[0-9a-f]{3,4})\b|\b(?:rgba?|hsla?)\([^)]*\)", re.IGNORECASE
)


def rgba(literal: str) -> tuple[int, int, int, float]:
    """The colour a literal stands for, so that ``#fff`` and ``rgb(255 255 255)`` are equal."""
    text = literal.lower()
    if text.startswith("#"):
        digits = text[1:]
        if len(digits) in (3, 4):
            digits = "".join(d * 2 for d in digits)
        alpha = int(digits[6:8], 16) / 255 if len(digits) == 8 else 1.0
        return int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16), round(alpha, 3)
    name, args = text.split("(", 1)
    parts = re.split(r"[\s,/]+", args.rstrip(")").strip())
    values = [float(p.rstrip("%deg")) / (100 if p.endswith("%") else 1) for p in parts]
    alpha = values[3] if len(values) > 3 else 1.0
    if name.startswith("hsl"):
        hue, saturation, lightness = values[0] / 360, values[1], values[2]
        red, green, blue = (round(c * 255) for c in colorsys.hls_to_rgb(hue, lightness, saturation))
    else:
        red, green, blue = (round(v) for v in values[:3])
    return red, green, blue, round(alpha, 3)


def colour_literals(sources: dict[str, str]) -> dict[tuple, list[str]]:
    """Every colour literal in ``sources`` (name -> text), by the colour it stands for."""
    found: dict[tuple, list[str]] = defaultdict(list)
    for name, text in sources.items():
        for number, line in enumerate(text.splitlines(), start=1):
            for match in COLOUR.finditer(line):
                found[rgba(match.group())].append(f"{name}:{number}: {match.group()}")
    return found


def test_the_literal_finder_sees_every_notation():
    css = """a { color: #fff; }
b { color: #FFFFFF; border-color: rgb(255, 255, 255); }
c { color: hsl(0 0% 100%); box-shadow: 0 1px 2px rgb(16 44 72 / 8%); }
#furo-main-content { background: #102c4880; }"""
    assert colour_literals({"x.css": css}) == {
        (255, 255, 255, 1.0): [
            "x.css:1: #fff",
            "x.css:2: #FFFFFF",
            "x.css:2: rgb(255, 255, 255)",
            "x.css:3: hsl(0 0% 100%)",
        ],
        (16, 44, 72, 0.08): ["x.css:3: rgb(16 44 72 / 8%)"],
        (16, 44, 72, 0.502): ["x.css:4: #102c4880"],
    }


def test_no_colour_is_written_twice():
    found = colour_literals(
        {str(f.relative_to(ROOT)): f.read_text(encoding="utf-8") for f in COLOUR_SOURCES}
    )
    repeated = {colour: places for colour, places in found.items() if len(places) > 1}
    listing = "\n".join("\n  ".join(["same colour:", *places]) for places in repeated.values())
    assert not repeated, listing
    # the palette itself was seen: light and dark values of text, brand, page, borders, …
    assert len(found) >= 30, found


# -- In the browser: both dark-mode selectors show the dark palette ---------------------------

# Expected colours, written out from the lab's design brief (its blue, light and dark schemes).
LIGHT = {
    "page": "rgb(255, 255, 255)",
    "heading": "rgb(16, 44, 72)",  # navy #102c48
    "button": "rgb(11, 79, 128)",  # brand blue #0b4f80
    "badge": "rgb(10, 107, 61)",  # "sucht Mitwirkende" #0a6b3d
    "logo": "logo-light.svg",
}
DARK = {
    "page": "rgb(15, 26, 38)",  # #0f1a26
    "heading": "rgb(230, 237, 243)",  # #e6edf3
    "button": "rgb(124, 180, 255)",  # #7cb4ff
    "badge": "rgb(126, 226, 168)",  # #7ee2a8
    "logo": "logo-dark.svg",
}
# (the system's colour scheme, the reader's choice with the theme toggle) -> what shows
SCHEMES = [
    ("light", "auto", LIGHT),
    ("dark", "auto", DARK),  # @media (prefers-color-scheme: dark) body:not([data-theme=light])
    ("light", "dark", DARK),  # body[data-theme="dark"]
    ("dark", "light", LIGHT),
]

SHOWN = """() => {
    const style = (selector, pseudo) => getComputedStyle(document.querySelector(selector), pseudo);
    return {
        page: style("body").backgroundColor,
        heading: style("h1").color,
        button: style(".sd-btn-primary").backgroundColor,
        badge: style(".oklab-status-seeking").backgroundColor,
        logo: style(".oklab-hero", "::before").backgroundImage.replace(/^.*\\/|"\\)$/g, ""),
    };
}"""


@pytest.mark.browser
@pytest.mark.parametrize(
    ("system", "chosen", "expected"), SCHEMES, ids=[f"{s}-system-{c}" for s, c, _ in SCHEMES]
)
def test_colour_scheme_shows_its_palette(server, browser, system, chosen, expected):
    context = browser.new_context(color_scheme=system, reduced_motion="reduce")
    context.add_init_script(f"localStorage.setItem('theme', '{chosen}')")
    page = context.new_page()
    failed: list[str] = []
    page.on("response", lambda r: r.status >= 400 and failed.append(f"HTTP {r.status} {r.url}"))
    try:
        page.goto(server, wait_until="load")
        assert page.evaluate("document.body.dataset.theme") == chosen
        assert page.evaluate(SHOWN) == expected
        assert not failed
    finally:
        context.close()
