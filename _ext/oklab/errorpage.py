"""The 404 page (``404.md``, served by sphinx-notfound-page) works at any URL depth.

Read the Docs shows it for every unknown address, e.g. ``/de/latest/a/b/c/``: relative links
would point nowhere. sphinx-notfound-page makes the theme's assets and furo's menu absolute
(``notfound_urls_prefix``); this module does the same for what it leaves relative: links in
the page text, the section menu of ``oklab.sidebar`` and the link to the start page.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.builders.html import StandaloneHTMLBuilder

from . import __version__

RELATIVE_HREF = re.compile(r'href="(?![#/]|[a-z][a-z0-9+.-]*:)([^"]*)"')
# After sphinx-notfound-page and oklab.sidebar (400), before furo renders the menu (500).
AFTER_NOTFOUND = 450


def page_url(app: Sphinx) -> str:
    """The 404 page's own absolute path, e.g. ``/de/latest/404/``."""
    prefix = app.config.notfound_urls_prefix or "/"
    return prefix + app.builder.get_target_uri(app.config.notfound_pagename)


def absolute(app: Sphinx, markup: str) -> str:
    here = page_url(app)
    return RELATIVE_HREF.sub(lambda m: f'href="{urljoin(here, m.group(1))}"', markup)


def absolute_text_links(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    if docname != app.config.notfound_pagename or not isinstance(
        app.builder, StandaloneHTMLBuilder
    ):
        return
    here = page_url(app)
    for ref in doctree.findall(nodes.reference):
        uri = ref.get("refuri", "")
        if ref.get("internal") and uri and not uri.startswith("#"):
            ref["refuri"] = urljoin(here, uri)


def absolute_frame_links(
    app: Sphinx, pagename: str, templatename: str, context: dict, doctree
) -> None:
    if pagename != app.config.notfound_pagename or not isinstance(
        app.builder, StandaloneHTMLBuilder
    ):
        return
    toctree, pathto = context.get("toctree"), context.get("pathto")
    prefix = app.config.notfound_urls_prefix or "/"

    def absolute_toctree(*args, **kwargs):
        return absolute(app, toctree(*args, **kwargs) or "")

    def start_page_aware_pathto(otheruri: str, resource: bool = False, *args):
        # sphinx-notfound-page turns the start page's empty dirhtml address into "#".
        if not resource and otheruri == app.config.root_doc:
            return prefix
        return pathto(otheruri, resource, *args)

    if toctree:
        context["toctree"] = absolute_toctree
    if pathto:
        context["pathto"] = start_page_aware_pathto


def setup(app: Sphinx) -> dict:
    app.setup_extension("notfound.extension")
    app.connect("doctree-resolved", absolute_text_links)
    app.connect("html-page-context", absolute_frame_links, priority=AFTER_NOTFOUND)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
