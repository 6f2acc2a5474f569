"""Corrections to the markup that Sphinx, docutils and furo generate, made where it is generated.

- the sidebar's toctree captions (``<p role="heading">``) get the ``aria-level`` that ARIA
  requires (axe: aria-required-attr; Nu Html Checker error);
- furo's English "Toggle navigation of …" labels go through the catalog (``locales/``);
- docutils' second ``<meta name="viewport">`` is dropped (furo's ``base.html`` has one);
- regions that scroll sideways on a phone (tables, code) can be scrolled with the keyboard
  (``tabindex="0"``; axe: scrollable-region-focusable).

Strings furo hard-codes in its page frame are translated in ``templates/page.html``.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup
from sphinx.application import Sphinx
from sphinx.errors import ExtensionError

from . import __version__
from .i18n import _

DOCUTILS_VIEWPORT = re.compile(r'<meta name="viewport"[^>]*>\s*')
FURO_TOGGLE_LABEL = "Toggle navigation of "
SCROLLING_REGION = re.compile(r'<(pre(?=[\s>])|div(?= class="table-wrapper))(?![^>]*tabindex)')


def accessible_navigation(html: str) -> str:
    """The sidebar tree with heading levels on captions and translated toggle labels."""
    if not html:
        return html
    soup = BeautifulSoup(html, "html.parser")
    for caption in soup.select('[role="heading"]:not([aria-level])'):
        caption["aria-level"] = "2"
    for toggle in soup.select("input.toctree-checkbox"):
        label = toggle.get("aria-label", "")
        if not label.startswith(FURO_TOGGLE_LABEL):
            raise ExtensionError(
                f"furo beschriftet die Schalter im Menü nicht mehr mit {FURO_TOGGLE_LABEL!r} "
                f"(gefunden: {label!r}): _ext/oklab/accessibility.py muss an die neue "
                "furo-Version angepasst werden (README: „furo oder Sphinx aktualisieren“)."
            )
        toggle["aria-label"] = _("Toggle navigation of %s") % label[len(FURO_TOGGLE_LABEL) :]
    return str(soup)


def correct_page_context(
    app: Sphinx, pagename: str, templatename: str, context: dict, doctree
) -> None:
    if "metatags" in context:
        context["metatags"] = DOCUTILS_VIEWPORT.sub("", context["metatags"])
    if "body" in context:
        context["body"] = SCROLLING_REGION.sub(r'<\1 tabindex="0"', context["body"])
    if app.config.html_theme == "furo":
        if "furo_navigation_tree" not in context:
            raise ExtensionError(
                "furo liefert furo_navigation_tree nicht mehr: _ext/oklab/accessibility.py "
                "muss an die neue furo-Version angepasst werden."
            )
        # Pages at the same depth of one section share their menu's markup: each distinct
        # tree is corrected once per build (a few dozen for a thousand pages).
        corrected = app.__dict__.setdefault("oklab_corrected_navigation", {})
        tree = context["furo_navigation_tree"]
        if tree not in corrected:
            corrected[tree] = accessible_navigation(tree)
        context["furo_navigation_tree"] = corrected[tree]


def setup(app: Sphinx) -> dict:
    # After furo (priority 500), which fills furo_navigation_tree.
    app.connect("html-page-context", correct_page_context, priority=900)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
