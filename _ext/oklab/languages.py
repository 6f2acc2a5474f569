"""Where each language lives, and how a page points to itself in the other languages.

Each language is its own build (``-D language=da``; Read the Docs builds one translation
project per language) under its own address: ``oklab_language_url`` holds ``{language}``
(``https://oklabflensburg.de/{language}/`` locally, ``https://…/{language}/latest/`` on
Read the Docs, see conf.py). From it and the build's language this module derives, at
``config-inited``:

- ``html_baseurl`` (canonical links, social previews, the sitemap and robots.txt),
  ``ogp_site_url`` and ``og:locale``, and the 404 page's prefix (each language has its own
  sitemap, each page in it with its alternates in every language: ``sitemap``);
- in every page's head ``<link rel="alternate" hreflang="…">`` for every language and
  ``x-default`` (the source language), absolute and therefore reciprocal;
- the language switcher in the header (template ``partials/language-switcher.html``): each
  language's name in that language, linking to the same page there by a path from the host's
  root, so it works locally (``make html``) and under ``/<language>/latest/`` alike, with no
  extra request.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from babel.core import get_global
from sphinx.application import Sphinx
from sphinx.builders.html import StandaloneHTMLBuilder
from sphinx.config import Config
from sphinx.util import logging

from . import __version__, messages
from .errors import abort
from .i18n import _

logger = logging.getLogger(__name__)


def language_url(config: Config, language: str) -> str:
    """The absolute address of the site's start page in ``language``."""
    return config.oklab_language_url.format(language=language)


def og_locale(language: str) -> str:
    """``da`` -> ``da_DK``: the language with its most likely territory (Babel's CLDR data)."""
    parts = get_global("likely_subtags").get(language, language).split("_")
    return f"{parts[0]}_{parts[-1]}" if len(parts) > 1 else language


def configure_language(app: Sphinx, config: Config) -> None:
    language = config.language or config.oklab_source_language
    if language not in config.oklab_languages:
        allowed = ", ".join(config.oklab_languages)
        message = messages.UNKNOWN_LANGUAGE.format(language=language, allowed=allowed)
        abort(app, [], message)
    if not config.oklab_language_url:
        return  # a test site without languages keeps its own html_baseurl
    base = language_url(config, language)
    config.html_baseurl = base
    config.ogp_site_url = base
    config.ogp_image_alt = _(config.ogp_image_alt) if config.ogp_image_alt else None
    config.ogp_custom_meta_tags = [
        *[tag for tag in config.ogp_custom_meta_tags if 'property="og:locale"' not in tag],
        f'<meta property="og:locale" content="{og_locale(language)}" />',
    ]
    config.notfound_urls_prefix = urlsplit(base).path


def page_path(app: Sphinx, pagename: str) -> str:
    """``ueber-uns/index`` -> ``ueber-uns/`` (the page's address below the language's root)."""
    return app.builder.get_target_uri(pagename)


def alternates(app: Sphinx, pagename: str) -> list[tuple[str, str]]:
    """``[(hreflang, absolute address), …]``: every language, then ``x-default``."""
    config = app.config
    path = page_path(app, pagename)
    links = [(code, language_url(config, code) + path) for code in config.oklab_languages]
    links.append(("x-default", language_url(config, config.oklab_source_language) + path))
    return links


def switcher_entries(app: Sphinx, pagename: str) -> list[dict]:
    """The switcher's links: name, code, root-relative address, and whether it is this page."""
    config = app.config
    path = page_path(app, pagename)
    current = config.language or config.oklab_source_language
    return [
        {
            "code": code,
            "name": name,
            "href": urlsplit(language_url(config, code)).path + path,
            "current": code == current,
        }
        for code, name in config.oklab_languages.items()
    ]


def add_language_context(
    app: Sphinx, pagename: str, templatename: str, context: dict, doctree
) -> None:
    if not isinstance(app.builder, StandaloneHTMLBuilder) or not app.config.oklab_language_url:
        return
    tags = "".join(
        f'<link rel="alternate" hreflang="{code}" href="{url}" />\n'
        for code, url in alternates(app, pagename)
    )
    context["metatags"] = context.get("metatags", "") + tags
    context["oklab_languages"] = switcher_entries(app, pagename)


def setup(app: Sphinx) -> dict:
    # sphinxext-opengraph (ogp_site_url, ogp_custom_meta_tags), imported quietly by pagemeta
    app.setup_extension("oklab.pagemeta")
    app.setup_extension("notfound.extension")  # notfound_urls_prefix
    app.setup_extension("oklab.translations")  # oklab_source_language
    # Language code -> its name in that language, in the switcher's order.
    app.add_config_value("oklab_languages", {"de": "Deutsch"}, "env", types=[dict])
    # The start page's address with "{language}" (empty: html_baseurl stays as configured).
    app.add_config_value("oklab_language_url", "", "env", types=[str])
    app.connect("config-inited", configure_language, priority=200)
    app.connect("html-page-context", add_language_context)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
