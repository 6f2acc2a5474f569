"""Addresses: the site's canonical base, absolute page addresses, links to generated files.

The canonical base is ``html_baseurl`` (Read the Docs sets it per build; conf.py falls back to
the lab's own website). Files the build writes into the output folder (calendar files, feeds)
are linked with ``output_file_reference``; the relative address is filled in per page.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.util.osutil import relative_uri

from . import __version__
from .models import is_web_address

# References to a file the build writes into the output folder carry this attribute.
OUTPUT_FILE_ATTR = "oklab_output_file"


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


def output_file_reference(filename: str, text: str, **attributes) -> nodes.reference:
    """A link to a file the build writes into the output folder (address filled in later)."""
    ref = nodes.reference("", text, refuri=filename, **attributes)
    ref[OUTPUT_FILE_ATTR] = filename
    return ref


def resolve_output_file_references(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    if app.builder.format != "html":
        return
    page = app.builder.get_target_uri(docname)
    for ref in doctree.findall(nodes.reference):
        if OUTPUT_FILE_ATTR in ref:
            ref["refuri"] = relative_uri(page, ref[OUTPUT_FILE_ATTR])


def setup(app: Sphinx) -> dict:
    app.connect("doctree-resolved", resolve_output_file_references)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
