"""What search engines read besides the pages: ``sitemap.xml`` and ``robots.txt``.

- ``sitemap.xml`` lists the canonical address (``urls.site_url``) of every page of the site
  and every page it generates (``listpages``), except those ``oklab_sitemap_excludes`` names
  (shell patterns on the address below the site's root, e.g. ``"impressum/"``). It is complete
  after every build, also an incremental one: sphinx-sitemap, used before, listed only the
  pages a build wrote (its issue #13: after adding a post, a handful instead of a thousand) and
  started a helper process on every build. Sorted, byte-identical from build to build, and
  written only when it changed.
- ``robots.txt`` allows everything and names the sitemap's absolute address.
- A pull-request preview (``oklab.preview``) has no sitemap, and a ``robots.txt`` that
  disallows everything; a site without a canonical address has no sitemap either.
"""

from __future__ import annotations

import fnmatch
from pathlib import Path
from xml.sax.saxutils import escape

from sphinx.application import Sphinx
from sphinx.builders.html import StandaloneHTMLBuilder
from sphinx.config import Config

from . import __version__
from .listpages import generated_pagenames
from .unchanged import write_if_changed
from .urls import site_url

SITEMAP_FILE = "sitemap.xml"
NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9"


def has_sitemap(config: Config) -> bool:
    return not config.oklab_pr_preview and site_url(config) is not None


def listed_addresses(app: Sphinx) -> list[str]:
    """The absolute addresses the sitemap lists, sorted."""
    builder, excludes = app.builder, app.config.oklab_sitemap_excludes
    pages = set(app.env.found_docs) | set(generated_pagenames(app))
    links = {builder.get_target_uri(page) for page in pages}
    base = site_url(app.config)
    return sorted(
        base + link
        for link in links
        if not any(fnmatch.fnmatchcase(link, pattern) for pattern in excludes)
    )


def sitemap_xml(addresses: list[str]) -> bytes:
    """The sitemap protocol's XML: one ``<url><loc>`` per address (escaped), a line each."""
    lines = ["<?xml version='1.0' encoding='utf-8'?>", f'<urlset xmlns="{NAMESPACE}">']
    lines += [f"  <url><loc>{escape(address)}</loc></url>" for address in addresses]
    lines.append("</urlset>\n")
    return "\n".join(lines).encode("utf-8")


def robots_txt(config: Config) -> str:
    if config.oklab_pr_preview:  # for reviewers, never for search engines
        return "User-agent: *\nDisallow: /\n"
    text = "User-agent: *\nAllow: /\n"
    if has_sitemap(config):
        text += f"\nSitemap: {site_url(config)}{SITEMAP_FILE}\n"
    return text


def write_files(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or not isinstance(app.builder, StandaloneHTMLBuilder):
        return
    outdir = Path(app.outdir)
    write_if_changed(outdir / "robots.txt", robots_txt(app.config).encode("utf-8"))
    if has_sitemap(app.config):
        write_if_changed(outdir / SITEMAP_FILE, sitemap_xml(listed_addresses(app)))


def setup(app: Sphinx) -> dict:
    app.setup_extension("oklab.preview")  # oklab_pr_preview
    app.setup_extension("oklab.listpages")
    # Pages a search engine should not list: shell patterns on their address (dirhtml:
    # "impressum/"). Sphinx's search page is never listed.
    app.add_config_value("oklab_sitemap_excludes", [], "html", types=[list])
    app.connect("build-finished", write_files)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
