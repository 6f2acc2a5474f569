"""The menu follows from front matter alone: nobody writes a toctree by hand.

Every folder's ``index.md`` (and the start page for the top level) gets a hidden toctree of the
pages and sub-folders below it, ordered by ``navOrder``: lower first, pages without ``navOrder``
after those with one, ties by title (``ordering.sort_key``, which also orders the catalogue).
``navigation: false`` keeps a page out of the menu; it is still built and reachable (marked
orphan, so Sphinx does not warn). Posts (``neuigkeiten/…``) are never in the menu: the news
overview lists them (``news.py``), and adding one does not change any menu. A page that
already has a toctree of its own keeps it and gets none generated.

Incremental builds (``make serve``): when the menu changes (a page added, removed, reordered or
renamed), the pages with generated toctrees are read again, and every page whose sidebar,
parent or previous/next link changed is written again (sphinx issue 5506).
"""

from __future__ import annotations

import posixpath

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from . import __version__
from .frontmatter import is_post, page_meta
from .ordering import sort_key
from .sidebar import subpages


def parent_of(docname: str) -> str | None:
    """``ueber-uns/index`` -> ``index``; ``mitmachen/website`` -> ``mitmachen/index``."""
    folder = posixpath.dirname(docname)
    if posixpath.basename(docname) == "index":
        if not folder:
            return None  # the start page
        folder = posixpath.dirname(folder)
    return f"{folder}/index" if folder else "index"


def menu(env: BuildEnvironment) -> dict[str, list[str]]:
    """Parent page -> its children in menu order (only pages shown in the menu)."""
    root = env.config.root_doc
    children: dict[str, list[str]] = {}
    for docname in env.found_docs:
        parent = parent_of(docname) if docname != root else None
        if parent == "index":
            parent = root
        if parent is None or parent not in env.found_docs:
            continue
        if not in_menu(env, docname):
            continue
        children.setdefault(parent, []).append(docname)
    for docs in children.values():
        docs.sort(key=lambda d: sort_key(page_meta(env, d), d))
    return dict(sorted(children.items()))


def in_menu(env: BuildEnvironment, docname: str) -> bool:
    if is_post(docname, env.config):
        return False
    return getattr(page_meta(env, docname), "navigation", True) is not False


def hidden_pages(env: BuildEnvironment) -> set[str]:
    return {d for d in env.found_docs if not in_menu(env, d)}


def update_menu(app: Sphinx, env: BuildEnvironment, added, changed, removed) -> list[str]:
    """Compute the menu; if it changed since the last build, re-read pages with toctrees."""
    tree = menu(env)
    titles = {d: getattr(page_meta(env, d), "title", None) for docs in tree.values() for d in docs}
    signature = (tree, titles)
    env.oklab_menu = tree
    env.oklab_menu_changed = getattr(env, "oklab_menu_signature", None) != signature
    env.oklab_menu_signature = signature
    return list(tree) if env.oklab_menu_changed else []


def add_toctree(app: Sphinx, docname: str, source: list[str]) -> None:
    """Append a hidden toctree of the page's children (lines above keep their numbers)."""
    children = getattr(app.env, "oklab_menu", {}).get(docname)
    if not children or "{toctree}" in source[0]:
        return
    entries = "\n".join(f"/{child}" for child in children)
    source[0] = source[0].rstrip("\n") + f"\n\n```{{toctree}}\n:hidden:\n\n{entries}\n```\n"


def finish(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """Pages out of the menu are orphans; pages whose menu or neighbours changed are rewritten.

    The sidebar (``sidebar.py``) shows the sections and their sub-pages: when these change,
    every page is rewritten. Otherwise only the pages whose parent, previous or next page (or
    its title) changed, so adding one project rewrites a handful of pages, not all of them.
    """
    for docname in hidden_pages(env):
        if docname in env.metadata:
            env.metadata[docname]["orphan"] = True
    titles = {d: env.titles[d].astext() for d in env.titles}
    links = {
        d: tuple((rel, titles.get(rel)) for rel in rels)
        for d, rels in env.collect_relations().items()
    }
    sections = env.oklab_menu.get(env.config.root_doc, [])
    shown = sections + [d for section in sections for d in subpages(env, section)]
    if not app.config.oklab_navigation_sections_only:
        shown = [d for docs in env.oklab_menu.values() for d in docs]
    sidebar = [(d, titles.get(d)) for d in shown]
    old_links = getattr(env, "oklab_links", {})
    old_sidebar = getattr(env, "oklab_sidebar", None)
    env.oklab_links, env.oklab_sidebar = links, sidebar
    if sidebar != old_sidebar:
        return sorted(env.found_docs)
    return sorted(d for d, rel in links.items() if rel != old_links.get(d))


def setup(app: Sphinx) -> dict:
    app.setup_extension("oklab.frontmatter")
    app.setup_extension("oklab.sources")
    app.setup_extension("oklab.sidebar")  # what the sidebar shows decides what to rewrite
    app.connect("env-get-outdated", update_menu, priority=600)
    app.connect("source-read", add_toctree)
    app.connect("env-updated", finish)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
