"""The site's own search: Sphinx's search index with its German stemmer, and a small script
that uses them on the search page only.

- Every page has furo's search field in the sidebar (``templates/sidebar/search.html``): a
  plain form that opens the search page (``/search/?q=…``). Nothing of the search loads before
  the reader opens that page.
- The search page (``templates/search.html``) has its own field, a status line and a result
  list, styled by ``static/oklab-search.css`` (on that page only). Its script
  (``static/oklab-search.js``, the only script of the search there) loads the index
  (``searchindex.js``), the stemmer (``_static/language_data.js``, Sphinx's, in the build's
  language) and the pages' descriptions (``search-pages.json``) when the reader focuses the
  field or searches, never before. Sphinx's own search scripts (``searchtools.js`` and its
  helpers) are not used: they need six more files.
- Words are stemmed as Sphinx stems them when it builds the index ("Bäume" and "Baum" →
  "baum"), and a word also matches indexed words that contain it ("baum" → "strassenbaum").
  A page matches when it contains every word of the query; a word in the title counts more.
- The texts the script shows come from the catalog (data attributes the template writes).
- Read the Docs' own search (its addons) would open a second, English result list: the
  stylesheet hides its element, and the README says how to switch it off in the dashboard.

``search-pages.json`` (written after every build, sorted, byte-identical) maps each page to
its address (relative to the site's root) and its front-matter ``description``.
"""

from __future__ import annotations

import json
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.util.osutil import relative_uri

from . import __version__
from .frontmatter import page_meta
from .i18n import _
from .pagemeta import DESCRIPTION
from .unchanged import write_if_changed

SEARCH_PAGE = "search"
PAGES_FILE = "search-pages.json"
SCRIPT = "oklab-search.js"
STYLESHEET = "oklab-search.css"


def searchable(app: Sphinx) -> bool:
    return bool(getattr(app.builder, "search", False)) and app.builder.format == "html"


def search_pages(app: Sphinx) -> dict[str, dict[str, str]]:
    """Each page's address and description, for the result list."""
    env = app.env
    pages = {}
    for docname in sorted(env.found_docs):
        if "nosearch" in env.metadata.get(docname, {}):
            continue
        meta = page_meta(env, docname)
        pages[docname] = {
            "url": app.builder.get_target_uri(docname),
            "description": getattr(meta, "description", None) or "",
        }
    return pages


def add_search_script(app: Sphinx, pagename: str, templatename: str, context: dict, doctree):
    if pagename != SEARCH_PAGE or not searchable(app):
        return
    app.add_js_file(SCRIPT, loading_method="defer")
    app.add_css_file(STYLESHEET)
    # What search engines show of the search page (it has no front matter to take it from).
    context[DESCRIPTION] = _("Durchsuche die Seiten, Projekte und Neuigkeiten der Website.")
    page = app.builder.get_target_uri(pagename)
    context["oklab_search_files"] = {
        "index": relative_uri(page, "searchindex.js"),
        "stemmer": relative_uri(page, "_static/language_data.js"),
        "pages": relative_uri(page, PAGES_FILE),
        "root": relative_uri(page, "") or "./",
    }


def write_search_pages(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or not searchable(app):
        return
    content = json.dumps(search_pages(app), ensure_ascii=False, indent=0, sort_keys=True) + "\n"
    write_if_changed(Path(app.outdir) / PAGES_FILE, content.encode("utf-8"))


def setup(app: Sphinx) -> dict:
    app.setup_extension("oklab.frontmatter")
    app.setup_extension("oklab.budget")
    # Before oklab.budget (500) copies the page's list of scripts.
    app.connect("html-page-context", add_search_script, priority=400)
    app.connect("build-finished", write_search_pages)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
