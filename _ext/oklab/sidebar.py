"""Keep furo's global navigation small: the sections and their few sub-pages, no projects.

furo renders the *whole* global toctree into every page (``maxdepth=-1``) and re-parses it
with BeautifulSoup: with hundreds of project pages every page carries hundreds of sidebar
links and the build grows quadratically (measured: 500 project pages took 110 s instead of
10 s; ``make bench`` shows the figures). Project pages are listed by the
overview's cards instead; the menu shows the sections and their few sub-pages, and on a
project page its section ("Projekte") stays marked as current.

How: an ``html-page-context`` handler that runs *before* furo's (priority below 500) hands
furo a ``toctree()`` that lists the root document's toctree entries (plus each section's sub-pages)
and never the projects (``oklab_navigation_sections_only = False`` restores furo's full tree).
No template or furo code is copied, so furo stays updatable. If furo stops asking for its
navigation this way (a furo update), the build stops with a message instead of silently
rendering the full tree again.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.environment.adapters.toctree import TocTree
from sphinx.errors import ExtensionError
from sphinx.util.nodes import clean_astext

from . import __version__

# furo's own handler is connected with the default priority (500).
BEFORE_FURO, AFTER_FURO = 400, 600
ASKED = "oklab_navigation_asked"
# In a page's template context: the menu page a page outside the menu belongs to (a post
# belongs to the news overview, a generated page to its section), marked current like it.
SECTION = "oklab_section"


def subpages(env, section: str) -> list[str]:
    """The menu pages below ``section`` that the sidebar lists (none for the projects folder:
    its overview's cards are the index of the projects)."""
    if section.startswith(f"{env.config.oklab_projects_folder}/"):
        return []
    return getattr(env, "oklab_menu", {}).get(section, [])


def section_toctree(app: Sphinx, docname: str, section: str | None = None) -> str:
    """HTML of the root document's toctree entries (the sections), for page ``docname``.

    Each section lists its own sub-pages (a handful), never the project pages, so the cost
    per page does not grow with the number of projects. The section that contains
    ``docname`` (at any depth), or the page ``section`` it belongs to, is marked ``current``
    like Sphinx's own toctree does.
    """
    env, builder = app.env, app.builder
    root = env.config.root_doc
    tree = TocTree(env)
    ancestors = {docname, *tree.get_toctree_ancestors(docname)}
    if section:
        ancestors |= {section, *tree.get_toctree_ancestors(section)}
    container = addnodes.compact_paragraph("", "", toctree=True)
    for toctree in env.tocs[root].findall(addnodes.toctree):
        if caption := toctree.get("caption"):
            container += nodes.title(caption, caption)
        items = _list(env, builder, docname, toctree["entries"], ancestors, level=1)
        if items.children:
            container += items
    if not container.children:
        return ""
    return builder.render_partial(container)["fragment"]


def _list(env, builder, docname, entries, ancestors, level: int) -> nodes.bullet_list:
    items = nodes.bullet_list()
    for title, ref in entries:
        item = _entry(env, builder, docname, title, ref, ancestors, level)
        if item is None:
            continue
        if level == 1 and (children := subpages(env, ref)):
            item += _list(env, builder, docname, [(None, c) for c in children], ancestors, 2)
        items += item
    if "current" in {c for item in items.children for c in item["classes"]}:
        items["classes"].append("current")
    return items


def _entry(env, builder, docname, title, ref, ancestors, level) -> nodes.list_item | None:
    """One ``<li class="toctree-lN">`` as Sphinx renders it for a toctree entry."""
    if "://" in ref or ref.startswith("mailto:"):
        reference = nodes.reference("", title or ref, internal=False, refuri=ref)
        current = False
    else:
        target = env.config.root_doc if ref == "self" else ref
        if target not in env.titles:
            return None  # Sphinx has already warned about the missing document.
        text = title or clean_astext(env.titles[target])
        current = target in ancestors
        uri = "#" if target == docname else builder.get_relative_uri(docname, target)
        reference = nodes.reference("", text, internal=True, refuri=uri)
    classes = [f"toctree-l{level}"] + (["current"] if current else [])
    if current:
        reference["classes"].append("current")
    paragraph = addnodes.compact_paragraph("", "", reference, classes=list(classes))
    return nodes.list_item("", paragraph, classes=list(classes))


def _limit_navigation(
    app: Sphinx, pagename: str, templatename: str, context: dict, doctree: Any
) -> None:
    if "toctree" not in context or not app.config.oklab_navigation_sections_only:
        return
    full_toctree = context["toctree"]

    def toctree(**kwargs: Any) -> str:
        if kwargs.get("includehidden") and kwargs.get("maxdepth", 0) < 0:
            # furo's global navigation (maxdepth=-1, includehidden): the sections only.
            context[ASKED] = True
            return section_toctree(app, pagename, context.get(SECTION))
        return full_toctree(**kwargs)

    context["toctree"] = toctree


def _check_furo_asked(
    app: Sphinx, pagename: str, templatename: str, context: dict, doctree: Any
) -> None:
    """furo computes its navigation in its own handler (priority 500), before this one."""
    if app.config.html_theme != "furo" or not app.config.oklab_navigation_sections_only:
        return
    if doctree is None:
        return  # a generated page (e.g. sphinx-notfound-page's default 404) has its own menu
    if "toctree" in context and not context.get(ASKED):
        raise ExtensionError(
            "furo fragt die Navigation nicht mehr mit toctree(maxdepth=-1, includehidden=True) "
            "ab: _ext/oklab/sidebar.py muss an die neue furo-Version angepasst werden "
            "(README: „furo oder Sphinx aktualisieren“)."
        )


def setup(app: Sphinx) -> dict:
    # True: the menu lists the top-level sections only; False: furo's full tree.
    app.add_config_value("oklab_navigation_sections_only", True, "html", types=[bool])
    app.connect("html-page-context", _limit_navigation, priority=BEFORE_FURO)
    app.connect("html-page-context", _check_furo_asked, priority=AFTER_FURO)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
