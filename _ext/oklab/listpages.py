"""Pages the site generates from what it knows, without a Markdown file: "a generated list
page" (topic pages, the news archive by year; later also filter pages).

A module describes its pages by connecting a handler ``(app) -> list[GeneratedPage]`` to the
event ``oklab-generated-pages``. Each page has a title (its heading), a description (meta
description and social previews), optionally the menu section it belongs to (marked current
in the menu), its content as docutils nodes (values as text, ``escape.text``; cards as
``cards.grid`` makes them), built only when the page is written, and a signature: whatever
the content shows, cheap to compute. A page whose signature, title, description and frame
(menu, templates) are those of the last build that wrote it is not written again
(``unchanged``: a clean build, a changed configuration or changed HTML options write every
page), so ``make serve`` stays fast with hundreds of posts.

Other modules describe pages this way (``topics``: one page per tag; ``news``: one page per
year), and any list "items selected by a key" can be added the same way: a handler returning
``GeneratedPage(pagename, title, description, content, signature, section, kind)``.

This module writes the pages through Sphinx's documented extension point for extra pages,
``html-collect-pages``, with the theme's ``page.html``: they get the frame every page gets
(menu, footer, Content-Security-Policy, canonical address, sitemap, structured data, feed
links), and the checks after the build cover them too.

Links in the content are resolved here, relative to the generated page: references to pages
(as cards make them), to other generated pages and to output files (``urls``).

sphinxext-opengraph writes its ``og:…`` tags only for pages with a doctree; for generated
pages this module asks it for the same tags (``get_tags``). If that function changes, the
build stops with a message (README: "furo oder Sphinx aktualisieren").

A Markdown page whose address a generated page would take is an editor's mistake: the build
reports it in German, and the Markdown page keeps its address.

A long list of cards is split into numbered pages (``numbered_pages``): page 1 at the list's own
address, page 2 at ``…/seite/2/`` and so on, at most ``oklab_cards_per_page`` cards each
(24: full rows in one, two and three columns; a page of 24 of the site's own project cards
stays within the page budget of 40 KB gzip, README "Leistung"). Below the cards, ``page_links``
leads to the other pages: a ``<nav>`` with the previous page, every page by its number (the
current one ``aria-current="page"``) and the next page, plain links that need no script
(``link_nav``, which the news archive's links between its years use too). The project
overview, the status pages, the topic pages and Termine (``events``) use it.

Lists inside Markdown pages (``{neuigkeiten}`` on the start page, ``{termine}`` …) use the same
idea: the directive leaves a placeholder (``list_node``), which is filled in each time the page
is written (``add_list_kind``), and a page whose list changed is written again on the next
incremental build, while pages that list nothing stay as they are.
"""

from __future__ import annotations

import functools
import hashlib
import html
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.builders.html import StandaloneHTMLBuilder
from sphinx.environment import BuildEnvironment
from sphinx.errors import ExtensionError
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.docutils import new_document

from . import __version__, messages
from .errors import Problem, report
from .escape import text
from .htmlnodes import html_element
from .i18n import _
from .links import PRIVATE, add_rel, is_external
from .pagemeta import DESCRIPTION, opengraph
from .sidebar import SECTION
from .unchanged import WrittenBefore
from .urls import generated_page_reference, resolve_output_file_references

get_tags = getattr(opengraph, "get_tags", None)
if get_tags is None:  # pragma: no cover - only after a sphinxext-opengraph update
    raise ExtensionError(
        "sphinxext-opengraph liefert get_tags nicht mehr: _ext/oklab/listpages.py muss an "
        "die neue Version angepasst werden."
    )

EVENT = "oklab-generated-pages"
# The record of what the last successful build wrote (``unchanged.WrittenBefore``).
WRITTEN = "oklab-generated-pages.json"
TEMPLATE = "page.html"
GENERATED = "oklab_generated_page"  # in the template context: a generated page
# After sphinxext-opengraph (500), which skips pages without a doctree.
AFTER_OPENGRAPH = 510


@dataclass
class GeneratedPage:
    pagename: str  # "themen/umwelt" is written to /themen/umwelt/
    title: str
    description: str
    content: Callable[[], list[nodes.Node]]  # built only when the page is written
    signature: object  # changes whenever the content would (repr() must be stable)
    section: str | None = None  # the menu page it belongs to, e.g. "neuigkeiten/index"
    kind: str = ""  # what it is, in German, for the message when a file takes its address


def generated_pages(app: Sphinx) -> list[GeneratedPage]:
    """Every generated page, in a stable order; a page that a Markdown file's address takes
    is reported and left out."""
    pages: dict[str, GeneratedPage] = {}
    for found in app.events.emit(EVENT):
        for page in found:
            if page.pagename in pages:
                raise ExtensionError(f"{page.pagename}: zwei erzeugte Seiten, eine Adresse")
            pages[page.pagename] = page
    builder = app.builder
    taken = {builder.get_target_uri(docname): docname for docname in app.env.found_docs}
    problems = []
    for pagename in sorted(pages):
        address = builder.get_target_uri(pagename)
        if address in taken:
            path = Path(app.env.doc2path(taken[address]))
            what = pages.pop(pagename).kind
            message = messages.GENERATED_PAGE_TAKEN.format(address=f"/{address}", what=what)
            problems.append(Problem(path, 1, message))  # Sphinx reads a bare path as a page
    report(app, problems)
    return [pages[name] for name in sorted(pages)]


def resolve_references(app: Sphinx, tree: nodes.Element, pagename: str) -> None:
    """Links in generated content, relative to the generated page ``pagename``."""
    builder = app.builder
    for xref in list(tree.findall(addnodes.pending_xref)):
        target = xref["reftarget"].lstrip("/")
        if xref.get("reftype") != "doc" or target not in app.env.found_docs:
            raise ExtensionError(f"{pagename}: unbekanntes Ziel {xref['reftarget']!r}")
        uri = builder.get_relative_uri(pagename, target)
        ref = nodes.reference("", "", *xref.children, refuri=uri or "./", internal=True)
        ref["classes"] = list(xref["classes"])
        xref.replace_self(ref)
    resolve_output_file_references(app, tree, pagename)
    own_base = app.config.html_baseurl or ""
    for ref in tree.findall(nodes.reference):
        if is_external(ref.get("refuri", ""), own_base):
            add_rel(ref, *PRIVATE)


def page_body(app: Sphinx, page: GeneratedPage) -> str:
    """The page's heading and content as HTML, as a Markdown page's body would be."""
    section = nodes.section(ids=[nodes.make_id(page.pagename)])
    section += nodes.title("", "", text(page.title))
    section.extend(page.content())
    resolve_references(app, section, page.pagename)
    builder = app.builder
    # The HTML writer reads the numbers of the page being written (``write_doc`` sets them);
    # a build that writes no Markdown page has none yet. A generated page numbers nothing.
    builder.secnumbers, builder.fignumbers = {}, {}
    return builder.render_partial(section)["fragment"]


def frame(app: Sphinx) -> tuple:
    """What every generated page shows around its content: the menu (``navigation``), the
    templates (their newest change: Sphinx stats every template file to tell) and the policy
    in the head (a build for sphinx-autobuild allows its live reload)."""
    return (
        getattr(app.env, "oklab_sidebar", None),
        app.builder.templates.newest_template_mtime(),
        app.config.oklab_live_reload,
    )


def signature(page: GeneratedPage, frame: tuple) -> tuple:
    """What the page shows, and the frame around it."""
    return (page.title, page.description, page.section, page.signature, frame)


def collect_pages(app: Sphinx):
    if not isinstance(app.builder, StandaloneHTMLBuilder):
        return []
    record = WrittenBefore(app, WRITTEN)
    pages = generated_pages(app)
    around = frame(app) if pages else ()  # (a test site of single modules may have no pages)
    result = []
    for page in pages:
        output = Path(app.builder.get_outfilename(page.pagename))
        if record.unchanged(page.pagename, signature(page, around), output):
            continue  # unchanged since the last build that wrote it
        context = {
            "title": html.escape(page.title),
            "body": page_body(app, page),
            "meta": {},
            "metatags": "",
            DESCRIPTION: page.description,
            SECTION: page.section,
            GENERATED: True,
        }
        result.append((page.pagename, context, TEMPLATE))
    app.env.oklab_generated_written = record
    return result


def generated_pagenames(app: Sphinx) -> list[str]:
    """The pages this build generated or left unchanged (known after the HTML builder has
    collected them)."""
    record = getattr(app.env, "oklab_generated_written", None)
    return sorted(record.now) if record is not None else []


def remember_written(app: Sphinx, exception: Exception | None) -> None:
    """After a successful build: what it wrote, for the next one to compare with."""
    record = getattr(app.env, "oklab_generated_written", None)
    if exception is None and record is not None:
        record.save()


def add_social_tags(app: Sphinx, pagename: str, templatename: str, context: dict, doctree):
    """The ``og:…`` tags sphinxext-opengraph writes for every page with a doctree."""
    if doctree is not None or not context.get(GENERATED):
        return
    document = new_document("<generated>")
    document += nodes.paragraph("", "", text(context[DESCRIPTION]))
    try:
        tags = get_tags(
            context,
            document,
            srcdir=app.srcdir,
            outdir=app.outdir,
            config=app.config,
            builder=app.builder,
            env=app.env,
        )
    except TypeError as error:  # pragma: no cover - only after a sphinxext-opengraph update
        raise ExtensionError(
            "sphinxext-opengraph: get_tags hat eine neue Signatur; _ext/oklab/listpages.py "
            f"muss angepasst werden ({error})."
        ) from error
    context["metatags"] = context.get("metatags", "") + tags


# -- Long lists on numbered pages -------------------------------------------------------------

PAGE_FOLDER = "seite"  # page 2 of /projekte/ is /projekte/seite/2/


def numbered_pagename(first: str, number: int) -> str:
    """The page name of page ``number`` of a list whose page 1 is ``first``:
    ``projekte/index`` -> ``projekte/seite/2``, ``themen/umwelt`` -> ``themen/umwelt/seite/2``."""
    if number == 1:
        return first
    folder = first.removesuffix("index") if first.rsplit("/", 1)[-1] == "index" else first + "/"
    return f"{folder}{PAGE_FOLDER}/{number}"


def split(items: list, per_page: int) -> list[list]:
    """``items`` in parts of at most ``per_page``; an empty list is one empty part."""
    size = max(per_page, 1)
    return [items[start : start + size] for start in range(0, len(items), size)] or [[]]


def link_nav(label: str, links: list[tuple[str, str, dict]]) -> nodes.Element:
    """``<nav aria-label="label">`` with a list of links, one per ``(pagename, text,
    attributes)``; ``current=True`` in the attributes marks the link to the page it is on
    (``aria-current="page"``). The page links of numbered pages and the years of the news
    archive look and read alike this way."""
    items = nodes.bullet_list()
    for pagename, label_text, attributes in links:
        link = generated_page_reference(pagename, text(label_text), **attributes)
        items.append(nodes.list_item("", nodes.paragraph("", "", link)))
    return html_element("nav", items, classes=["oklab-pagination"], aria_label=label)


def page_links(first: str, count: int, number: int) -> list[nodes.Node]:
    """The links between the ``count`` pages of a list, on page ``number``: previous page,
    every page by its number (the current one marked with ``aria-current="page"``), next page.
    Nothing for a list on one page."""
    if count <= 1:
        return []
    links = []
    if number > 1:
        links.append((numbered_pagename(first, number - 1), _("Vorherige Seite"), {"rel": "prev"}))
    for target in range(1, count + 1):
        links.append((numbered_pagename(first, target), str(target), {"current": target == number}))
    if number < count:
        links.append((numbered_pagename(first, number + 1), _("Nächste Seite"), {"rel": "next"}))
    return [link_nav(_("Seiten"), links)]


def numbered_title(title: str, number: int, count: int) -> str:
    if number == 1:
        return title
    return _("{title} – Seite {number} von {count}").format(title=title, number=number, count=count)


def numbered_description(description: str, number: int, count: int) -> str:
    if number == 1:
        return description
    return _("{description} Seite {number} von {count}.").format(
        description=description, number=number, count=count
    )


def numbered_pages(
    first: str,
    parts: list[list],
    *,
    title: str,
    description: str,
    content: Callable[[str, list, list[nodes.Node]], list[nodes.Node]],
    signature: Callable[[list], object],
    section: str | None = None,
    kind: str = "",
) -> list[GeneratedPage]:
    """A list's pages, one per part (``split``): page 1 at ``first``, then ``…/seite/2`` ….
    ``content(pagename, part, links)`` gives a page's content, with the links between the
    pages (``page_links``) where they belong; ``signature(part)`` what the part shows."""
    count = len(parts)
    pages = []
    for number, part in enumerate(parts, start=1):
        pages.append(
            GeneratedPage(
                pagename=numbered_pagename(first, number),
                title=numbered_title(title, number, count),
                description=numbered_description(description, number, count),
                content=functools.partial(_numbered_content, content, first, count, number, part),
                signature=(signature(part), number, count),
                section=section,
                kind=kind if number == 1 else f"{kind}, Seite {number}",
            )
        )
    return pages


def _numbered_content(content, first: str, count: int, number: int, part: list):
    pagename = numbered_pagename(first, number)
    return content(pagename, part, page_links(first, count, number))


# -- Lists inside Markdown pages --------------------------------------------------------------


class list_placeholder(nodes.General, nodes.Element):  # noqa: N801 (docutils node naming)
    """Where a list of other pages goes in a Markdown page (``{neuigkeiten}``, ``{termine}``
    …). It is filled in each time the page is written: the list changes when other pages do."""


@dataclass
class ListKind:
    """How to fill one kind of list, and what it depends on (any change rewrites its pages)."""

    fill: Callable[[BuildEnvironment, list_placeholder, str], list[nodes.Node]]
    signature: Callable[[BuildEnvironment], object]


_KINDS: dict[str, ListKind] = {}


def add_list_kind(name: str, fill, signature) -> None:
    """Register a kind of list: ``fill(env, placeholder, docname)`` gives its nodes (links to
    pages as pending references, as cards make them); ``signature(env)`` changes whenever the
    list would."""
    _KINDS[name] = ListKind(fill, signature)


def _pages_with_lists(env: BuildEnvironment) -> dict[str, set[str]]:
    return env.__dict__.setdefault("oklab_list_pages", {})


def note_list(env: BuildEnvironment, kind: str) -> None:
    """The page being read shows a list of kind ``kind`` (forgotten when it is read again)."""
    _pages_with_lists(env).setdefault(kind, set()).add(env.docname)


def pages_with_list(env: BuildEnvironment, kind: str) -> set[str]:
    return _pages_with_lists(env).get(kind, set())


def list_node(env: BuildEnvironment, kind: str, **options) -> list_placeholder:
    """A placeholder for a list of kind ``kind`` in the page being read."""
    note_list(env, kind)
    return list_placeholder("", kind=kind, options=options)


class FillLists(SphinxPostTransform):
    """Fills the placeholders when a page is written, before Sphinx resolves references."""

    default_priority = 5  # Sphinx's ReferencesResolver: 10

    def run(self, **kwargs) -> None:
        for node in list(self.document.findall(list_placeholder)):
            kind = _KINDS[node["kind"]]
            node.replace_self(kind.fill(self.env, node, self.env.docname) or [])


def forget_lists(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    for pages in _pages_with_lists(env).values():
        pages.discard(docname)


def merge_lists(app: Sphinx, env: BuildEnvironment, docnames, other: BuildEnvironment) -> None:
    for kind, pages in _pages_with_lists(other).items():
        _pages_with_lists(env).setdefault(kind, set()).update(pages)


def rewrite_changed_lists(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """The pages whose lists changed since the last build (``make serve`` keeps them fresh)."""
    old = getattr(env, "oklab_list_signatures", {})
    # Kinds may share a signature (the latest posts and the archive: the posts); each is
    # computed once and kept as a digest (the environment is pickled after every build).
    digests = {}
    for kind in _KINDS.values():
        if kind.signature not in digests:
            shown = repr(kind.signature(env)).encode("utf-8")
            digests[kind.signature] = hashlib.sha256(shown).hexdigest()
    new = {name: digests[kind.signature] for name, kind in _KINDS.items()}
    env.oklab_list_signatures = new
    changed = [name for name in new if new[name] != old.get(name)]
    pages = _pages_with_lists(env)
    return sorted({docname for name in changed for docname in pages.get(name, ())})


def setup(app: Sphinx) -> dict:
    app.setup_extension("oklab.frontmatter")  # oklab_news_folder, the pages' models
    app.setup_extension("oklab.urls")
    app.add_event(EVENT)
    # Cards on one page of a long list (project overview, status and topic pages).
    app.add_config_value("oklab_cards_per_page", 24, "env", types=[int])
    app.connect("html-collect-pages", collect_pages)
    app.connect("build-finished", remember_written)
    app.connect("html-page-context", add_social_tags, priority=AFTER_OPENGRAPH)
    app.add_node(list_placeholder)
    app.add_post_transform(FillLists)
    app.connect("env-purge-doc", forget_lists)
    app.connect("env-merge-info", merge_lists)
    app.connect("env-updated", rewrite_changed_lists)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
