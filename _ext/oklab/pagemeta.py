"""What browsers, search engines and social networks read from a page's head.

- ``<title>``: "Seite · OK Lab Flensburg"; the start page "OK Lab Flensburg · <Motto>"
  (template ``templates/base.html``, block ``htmltitle``)
- ``<meta name="description">`` and ``og:description`` from the front-matter ``description``
  (sphinxext-opengraph would take the first sentence of the body), or from the code that
  writes the page (``oklab_description`` in its context: a post's summary, a generated page)
- ``og:image``: the page's own image (front matter ``image``, a file in ``_static/``), else the
  site default ``ogp_image``

``sitemap.xml`` and ``robots.txt``: ``oklab.sitemap``.
"""

from __future__ import annotations

import contextlib
import html
import io
import re
from pathlib import Path
from urllib.parse import urljoin

from sphinx.application import Sphinx
from sphinx.builders.html import StandaloneHTMLBuilder

from . import __version__
from .escape import html_attribute, opengraph_text
from .frontmatter import local_image, page_meta
from .labdata import lab, substitute

# sphinxext-opengraph writes the og:… tags this module fills in. Importing it prints a line about
# matplotlib (needed only for generated preview cards, which conf.py switches off): an editor
# never needs to read it. Imported here once, for this module and ``listpages``.
with contextlib.redirect_stdout(io.StringIO()):
    import sphinxext.opengraph as opengraph  # noqa: F401 (listpages uses it)

SEPARATOR = " · "
# In a page's template context: its description, where no front matter gives one.
DESCRIPTION = "oklab_description"
# sphinxext-opengraph (priority 500) skips its own description tag when one is there.
BEFORE_OPENGRAPH = 450


def page_title(app: Sphinx, pagename: str, title: str) -> str:
    site = app.config.html_title or app.config.project
    if pagename == app.config.root_doc:
        data = lab(app.config)
        tagline = data.tagline if data is not None else ""
        return f"{site}{SEPARATOR}{tagline}" if tagline else site
    return f"{title}{SEPARATOR}{site}" if title else site


def page_image_url(app: Sphinx, docname: str) -> str | None:
    """Absolute address of the page's own image (front matter ``image``) if the site
    publishes that file as it is, i.e. it lies in a static folder (``_static/…``)."""
    image = local_image(app.env, docname)  # "/_static/logo.svg", or None for other hosts
    if image is None:
        return None
    source = Path(app.srcdir, image.lstrip("/")).resolve()
    for static in app.config.html_static_path:
        folder = Path(app.confdir, static).resolve()
        if source.is_relative_to(folder):
            path = "_static/" + source.relative_to(folder).as_posix()
            return urljoin(app.config.ogp_site_url or app.config.html_baseurl, path)
    return None


def add_page_meta(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    if not isinstance(app.builder, StandaloneHTMLBuilder):
        return
    title = _plain(context.get("title", ""))
    context["oklab_title"] = page_title(app, pagename, title)
    meta = dict(context.get("meta") or {})
    # sphinxext-opengraph writes og:… values as they are, escaping only '"'.
    # The start page's front-matter title names it in the menu ("Start"); shared, it is the site.
    site = app.config.html_title or app.config.project
    meta["og:title"] = opengraph_text(site if pagename == app.config.root_doc else title)
    description = getattr(page_meta(app.env, pagename), "description", None)
    description = description or context.get(DESCRIPTION) or ""
    description = substitute(description, app.config).strip()
    if description:
        tag = f'<meta name="description" content="{html_attribute(description)}" />\n'
        context["metatags"] = context.get("metatags", "") + tag
        meta["og:description"] = opengraph_text(description)
    image = page_image_url(app, pagename)
    if image:
        meta["og:image"] = image
    context["meta"] = meta  # a copy: the environment's metadata stays as read


def _plain(title: str) -> str:
    """A page title as text (Sphinx hands it over as HTML)."""
    return html.unescape(re.sub(r"<[^>]+>", "", title)).strip()


def setup(app: Sphinx) -> dict:
    app.setup_extension("sphinxext.opengraph")  # imported quietly above
    app.connect("html-page-context", add_page_meta, priority=BEFORE_OPENGRAPH)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
