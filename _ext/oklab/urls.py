"""Addresses: the site's canonical base, absolute page addresses, links to generated files,
map searches.

The canonical base is ``html_baseurl`` (Read the Docs sets it per build; conf.py falls back to
the lab's own website). Files the build writes into the output folder (calendar files, feeds)
are linked with ``output_file_reference``, pages the site generates itself (topic pages, year
archives: ``listpages``) with ``generated_page_reference``; the relative address is filled in
per page.
"""

from __future__ import annotations

from urllib.parse import urlencode

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.util.osutil import relative_uri

from . import __version__
from .htmlnodes import element, html_element
from .models import is_web_address

OSM_SEARCH = "https://www.openstreetmap.org/search"

# References to a file the build writes into the output folder carry this attribute.
OUTPUT_FILE_ATTR = "oklab_output_file"
# References to a page the site generates (no Markdown file) carry its page name.
GENERATED_PAGE_ATTR = "oklab_generated_page"


def site_url(config: Config) -> str | None:
    """The canonical base URL with a trailing slash, or None if no absolute one is known."""
    base = (config.html_baseurl or "").strip()
    if not is_web_address(base):
        return None
    return base if base.endswith("/") else base + "/"


def page_url(app: Sphinx, docname: str) -> str | None:
    """The absolute address of page ``docname``, if the site's base is known."""
    base = site_url(app.config)
    if base is None or docname not in app.env.found_docs:
        return None
    return base + app.builder.get_target_uri(docname)


def map_search_url(address: str) -> str:
    """A search for ``address`` on OpenStreetMap: a plain link, never an embedded map."""
    return f"{OSM_SEARCH}?{urlencode({'query': address})}"


def output_file_reference(filename: str, text: str, **attributes) -> nodes.reference:
    """A link to a file the build writes into the output folder (address filled in later)."""
    ref = nodes.reference("", text, refuri=filename, **attributes)
    ref[OUTPUT_FILE_ATTR] = filename
    return ref


def generated_page_reference(
    pagename: str, *children: nodes.Node, current: bool = False, **attributes
) -> nodes.Element:
    """A link to page ``pagename`` (a generated page or any other; address filled in later).
    ``current``: the link is to the page it is on, marked ``aria-current="page"`` (Sphinx's
    links carry no ARIA attributes: an HTML element, ``htmlnodes``)."""
    if current:
        classes = ["reference", "internal", *attributes.pop("classes", [])]
        ref = html_element("a", *children, classes=classes, aria_current="page", **attributes)
    else:
        ref = nodes.reference("", "", *children, refuri="#", internal=True, **attributes)
    ref[GENERATED_PAGE_ATTR] = pagename
    return ref


def resolve_output_file_references(app: Sphinx, doctree: nodes.Node, docname: str) -> None:
    """Fill in the addresses of output files and generated pages, relative to ``docname``
    (a page of the site or a generated page)."""
    if app.builder.format != "html":
        return
    page = app.builder.get_target_uri(docname)
    for ref in doctree.findall(nodes.reference):
        if OUTPUT_FILE_ATTR in ref:
            ref["refuri"] = relative_uri(page, ref[OUTPUT_FILE_ATTR])
        elif GENERATED_PAGE_ATTR in ref:
            target = app.builder.get_target_uri(ref[GENERATED_PAGE_ATTR])
            ref["refuri"] = relative_uri(page, target) or "./"
    for link in doctree.findall(element):
        if GENERATED_PAGE_ATTR in link:
            target = app.builder.get_target_uri(link[GENERATED_PAGE_ATTR])
            link["attributes"]["href"] = relative_uri(page, target) or "./"


def setup(app: Sphinx) -> dict:
    app.setup_extension("oklab.htmlnodes")
    app.connect("doctree-resolved", resolve_output_file_references)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
