"""Page budget: each page loads only the stylesheets and scripts it uses.

Sphinx, furo and sphinx-design add their assets to *every* page. This site has no code
listings on most pages, no tabs, and a search page that is the only user of Sphinx's search
scripts. So, per page (in ``html-page-context``, before the page is rendered):

- ``pygments.css`` (syntax highlighting, 20 KB) only where the page shows a code block;
- ``design-tabs.js`` (sphinx-design tabs) only where the page has a tab set;
- Sphinx's ``documentation_options.js``, ``doctools.js``, ``sphinx_highlight.js`` and
  ``translations.js`` on no page: they serve Sphinx's own search scripts (and the highlighting
  of search terms on the page a result opens), which the site does not use (``oklab.search``).

furo's own script (theme toggle, sidebar drawer) and every stylesheet the theme and the site
add themselves stay on every page. Assets another extension adds for one page stay as well.

Search (``oklab_search``, on by default): Sphinx's index with the site's own small script
(``oklab.search``); stock Sphinx search would make the search page the heaviest of the site
(17 requests, 48 KB gzip: the index, the stemmer, six scripts). ``oklab_search = False``
leaves out the search page, the index and the search box.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.application import Sphinx

from . import __version__

SEARCH_SCRIPTS = frozenset(
    {"documentation_options.js", "doctools.js", "sphinx_highlight.js", "translations.js"}
)
TABS_SCRIPT = "design-tabs.js"
HIGHLIGHT_CSS = "pygments.css"
SEARCH_BOX = "sidebar/search.html"  # furo's sidebar search form


def _name(asset: Any) -> str:
    """``doctools.js`` for ``_static/doctools.js?v=…`` or an asset object with that filename."""
    return str(getattr(asset, "filename", asset)).split("?")[0].rsplit("/", 1)[-1]


def has_code(doctree: nodes.document | None) -> bool:
    return doctree is not None and next(doctree.findall(nodes.literal_block), None) is not None


def has_tabs(doctree: nodes.document | None) -> bool:
    if doctree is None:
        return False
    return any("sd-tab-set" in node["classes"] for node in doctree.findall(nodes.Element))


def unused_assets(pagename: str, doctree: nodes.document | None) -> set[str]:
    """File names of the theme's assets that page ``pagename`` does not use."""
    unused = set(SEARCH_SCRIPTS)
    if not has_tabs(doctree):
        unused.add(TABS_SCRIPT)
    if not has_code(doctree):
        unused.add(HIGHLIGHT_CSS)
    return unused


def _trim_assets(
    app: Sphinx, pagename: str, templatename: str, context: dict, doctree: Any
) -> None:
    if not app.config.oklab_trim_assets:
        return
    unused = unused_assets(pagename, doctree)
    for key in ("css_files", "script_files"):
        if key in context:
            context[key] = [asset for asset in context[key] if _name(asset) not in unused]


def _without_search(app: Sphinx) -> None:
    if not app.config.oklab_search and hasattr(app.builder, "search"):
        # The builder's own switch (Sphinx turns it off for HTML Help and the like): no search
        # page, no search index, ``hasdoc('search')`` is false, so no ``<link rel="search">``.
        app.builder.search = False


def _drop_search_box(
    app: Sphinx, pagename: str, templatename: str, context: dict, doctree: Any
) -> None:
    if not app.config.oklab_search and context.get("sidebars"):
        context["sidebars"] = [s for s in context["sidebars"] if s != SEARCH_BOX]


def setup(app: Sphinx) -> dict:
    # False loads every asset on every page, as stock Sphinx does (for comparisons).
    app.add_config_value("oklab_trim_assets", True, "html", types=[bool])
    # False: no search page, index or search box (see the module docstring).
    app.add_config_value("oklab_search", True, "html", types=[bool])
    app.connect("builder-inited", _without_search)
    app.connect("html-page-context", _trim_assets)
    app.connect("html-page-context", _drop_search_box)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
