"""Pull-request previews on Read the Docs: clearly a preview, and invisible to search engines.

conf.py recognises a pull-request build (``READTHEDOCS_VERSION_TYPE=external``) and sets
``oklab_pr_preview`` and ``oklab_pr_number``. Such a build

- shows the banner "Vorschau – nicht veröffentlicht" (with the pull request's number) at the
  top of every page: furo's documented ``announcement`` option, coloured by
  ``color-announcement-*`` in conf.py, named as a landmark in ``templates/page.html``;
- tells search engines to leave every page out (``<meta name="robots" content="noindex">``);
- has no sitemap and a ``robots.txt`` that disallows everything (``oklab.sitemap``);
- builds while the operator data are still missing (``oklab.legal``: not a release).
"""

from __future__ import annotations

from html import escape

from sphinx.application import Sphinx
from sphinx.builders.html import StandaloneHTMLBuilder
from sphinx.config import Config

from . import __version__
from .i18n import _

NOINDEX = '<meta name="robots" content="noindex" />\n'


def banner(number: str) -> str:
    """The banner's HTML (furo inserts ``announcement`` as it is): every value escaped."""
    title = escape(_("Vorschau – nicht veröffentlicht"))
    if number:
        detail = _("Pull Request #{number}: Änderungen, die noch geprüft werden.")
        detail = detail.format(number=number)
    else:
        detail = _("Änderungen, die noch geprüft werden.")
    return f'<strong>{title}</strong> <span class="oklab-preview-detail">{escape(detail)}</span>'


def add_banner(app: Sphinx, config: Config) -> None:
    if config.oklab_pr_preview:
        options = config.html_theme_options or {}
        config.html_theme_options = {**options, "announcement": banner(config.oklab_pr_number)}


def add_noindex(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    if app.config.oklab_pr_preview and isinstance(app.builder, StandaloneHTMLBuilder):
        context["metatags"] = context.get("metatags", "") + NOINDEX


def setup(app: Sphinx) -> dict:
    app.add_config_value("oklab_pr_preview", False, "html", types=[bool])
    app.add_config_value("oklab_pr_number", "", "html", types=[str])
    app.connect("config-inited", add_banner)
    app.connect("html-page-context", add_noindex)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
