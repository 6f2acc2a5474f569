"""What search engines read besides the pages: ``sitemap.xml`` and ``robots.txt``.

- ``sitemap.xml``, one per language (each language is its own build, ``languages``), lists
  the canonical address (``urls.site_url``) of every page of the site and every page it
  generates (``listpages``), except those ``oklab_sitemap_excludes`` names (shell patterns on
  the address below the language's root, e.g. ``"impressum/"``). Each page names the same page
  in every language of the site (``<xhtml:link rel="alternate" hreflang="da" href="…">``, the
  build's own language too), as its head does. It is complete after every build, also an
  incremental one: sphinx-sitemap, used before, listed only the pages a build wrote (its issue
  #13: after adding a post, a handful instead of a thousand) and started a helper process on
  every build. Sorted, byte-identical from build to build, and written only when it changed.
- ``robots.txt`` allows everything and names the absolute address of the build's sitemap.
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
from .languages import language_url
from .listpages import generated_pagenames
from .unchanged import write_if_changed
from .urls import site_url

SITEMAP_FILE = "sitemap.xml"
NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML = "http://www.w3.org/1999/xhtml"  # the namespace of the alternates' <link>
QUOTE = {'"': "&quot;"}  # escaped in attribute values too


def has_sitemap(config: Config) -> bool:
    return not config.oklab_pr_preview and site_url(config) is not None


def listed_pages(app: Sphinx) -> list[str]:
    """The addresses of the pages the sitemap lists, below the language's root (``kontakt/``),
    sorted."""
    builder, excludes = app.builder, app.config.oklab_sitemap_excludes
    pages = set(app.env.found_docs) | set(generated_pagenames(app))
    links = {builder.get_target_uri(page) for page in pages}
    return sorted(
        link
        for link in links
        if not any(fnmatch.fnmatchcase(link, pattern) for pattern in excludes)
    )


def language_roots(config: Config) -> list[tuple[str, str]]:
    """``[(hreflang, the language's root address), …]`` for every language of the site, in
    the switcher's order; none for a site without languages (``oklab_language_url`` empty)."""
    if not config.oklab_language_url:
        return []
    return [(code, language_url(config, code)) for code in config.oklab_languages]


def sitemap_xml(base: str, links: list[str], languages: list[tuple[str, str]]) -> bytes:
    """The sitemap protocol's XML: one ``<url>`` per page (``base`` + its address), with its
    address in every language (``languages``: ``language_roots``), values escaped."""
    urlset = f'<urlset xmlns="{NAMESPACE}"' + (f' xmlns:xhtml="{XHTML}">' if languages else ">")
    lines = ["<?xml version='1.0' encoding='utf-8'?>", urlset]
    for link in links:
        lines.append(f"  <url><loc>{escape(base + link)}</loc>")
        lines += [
            f'    <xhtml:link rel="alternate" hreflang="{escape(code, QUOTE)}"'
            f' href="{escape(root + link, QUOTE)}"/>'
            for code, root in languages
        ]
        lines.append("  </url>")
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
        content = sitemap_xml(site_url(app.config), listed_pages(app), language_roots(app.config))
        write_if_changed(outdir / SITEMAP_FILE, content)


def setup(app: Sphinx) -> dict:
    app.setup_extension("oklab.preview")  # oklab_pr_preview
    app.setup_extension("oklab.listpages")
    app.setup_extension("oklab.languages")  # oklab_languages, oklab_language_url
    # Pages a search engine should not list: shell patterns on their address (dirhtml:
    # "impressum/"). Sphinx's search page is never listed.
    app.add_config_value("oklab_sitemap_excludes", [], "html", types=[list])
    app.connect("build-finished", write_files)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
