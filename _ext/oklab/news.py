"""News: one Markdown file per post in ``neuigkeiten/`` (``models.Post``); the rest follows.

- A post's page shows under its heading its date (Babel, in the reader's language), its author
  if the post names one, and its tags as links to their topic pages, then its image (a local
  file; an image on another host is only ever a social preview). The footer leads to the
  newer and the older post. Posts are not in the menu (``navigation``): the menu marks the
  news section on them, and the overview lists them.
- ``{neuigkeiten}``: the latest posts as cards, newest first (date, summary, tags, link);
  ``:limit: 3`` on the start page, otherwise the latest ``oklab_news_latest``.
- ``{neuigkeiten-archiv}``: a link per year to a generated page (``/neuigkeiten/2025/``,
  ``listpages``) with all posts of that year; so the overview stays small, however many
  posts there are.
- A post's summary: its ``description``, else its first paragraph shortened to whole sentences
  (``body.summary``, as for every page). It is the page's meta description too.

The lists are filled in when a page is written (``listpages``): a new or changed post rewrites
the pages that list posts and the posts next to it, nothing else.
"""

from __future__ import annotations

import functools
import html

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util.docutils import SphinxDirective

from . import __version__
from .cards import Card, grid, paragraph
from .escape import text
from .events import when_node
from .frontmatter import is_broken, is_post, local_image, page_meta
from .htmlnodes import time_element
from .i18n import _, long_date
from .labdata import lab
from .listpages import GeneratedPage, add_list_kind, link_nav, list_node
from .models import Post
from .ordering import newest_first
from .pagemeta import DESCRIPTION
from .sidebar import SECTION
from .tags import tag_links
from .urls import generated_page_reference

LATEST, ARCHIVE = "news-latest", "news-archive"
COLUMNS = "1 1 2 3"  # as the project catalogue


# -- The posts ---------------------------------------------------------------------------------


def post_docnames(env: BuildEnvironment) -> list[str]:
    """Every post, newest first (posts whose front matter has mistakes are left out): ordered
    once per build (``order_posts``), asked for by a dozen lists, pages and files."""
    order = getattr(env, "oklab_posts", None)
    return list(order) if order is not None else _ordered_posts(env)


def _ordered_posts(env: BuildEnvironment) -> list[str]:
    found = [
        d
        for d in env.found_docs
        if is_post(d, env.config) and isinstance(page_meta(env, d), Post) and not is_broken(env, d)
    ]
    return sorted(found, key=lambda d: newest_first(page_meta(env, d), d))


def order_posts(app: Sphinx, env: BuildEnvironment, added, changed, removed) -> list[str]:
    """Once the front matter is checked (``frontmatter``, the same event), before anything
    asks for the posts."""
    env.oklab_posts = _ordered_posts(env)
    return []


def overview(config) -> str:
    return f"{config.oklab_news_folder}/index"


def summary(env: BuildEnvironment, docname: str) -> str:
    """The post's ``description`` (``frontmatter`` derives it from the first paragraph)."""
    return getattr(page_meta(env, docname), "description", None) or ""


def year_pagename(config, year: int) -> str:
    return f"{config.oklab_news_folder}/{year}"


# -- A post's page --------------------------------------------------------------------------------


def date_node(page: Post, language: str | None) -> nodes.Element:
    return time_element(text(long_date(page.date, language)), page.date.isoformat())


def post_header(env: BuildEnvironment, docname: str, page: Post) -> nodes.container:
    """Date, author and tags of a post, and its image."""
    line: list[nodes.Node] = [date_node(page, env.config.language)]
    if page.author:
        line += [nodes.Text(" · "), text(_("von {author}").format(author=page.author))]
    header = nodes.container(classes=["oklab-post-header"])
    header += nodes.paragraph("", "", *line, classes=["oklab-post-meta"])
    if page.tags:
        tags = [text(_("Themen:")), nodes.Text(" "), *tag_links(env.config, page.tags)]
        header += nodes.paragraph("", "", *tags, classes=["oklab-post-tags"])
    if image := local_image(env, docname):
        header += nodes.image(uri=image, alt="", classes=["oklab-post-image"])
    return header


def read_post(app: Sphinx, doctree: nodes.document) -> None:
    """Puts the post's header (date, author, tags, image) under its heading."""
    env, docname = app.env, app.env.docname
    if not is_post(docname, app.config) or is_broken(env, docname):
        return
    page = page_meta(env, docname)
    section = next(iter(doctree.findall(nodes.section)), None)
    header = post_header(env, docname, page)
    if section is not None and isinstance(section[0], nodes.title):
        section.insert(1, header)
    else:
        doctree.insert(0, header)


def post_context(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    """A post: its section in the menu, its summary as description, newer and older post."""
    if not is_post(pagename, app.config) or pagename not in app.env.found_docs:
        return
    env = app.env
    context[SECTION] = overview(app.config)
    context[DESCRIPTION] = summary(env, pagename)
    newer, older = getattr(env, "oklab_post_neighbours", {}).get(pagename, (None, None))
    context["prev"] = _neighbour(app, pagename, newer)
    context["next"] = _neighbour(app, pagename, older)
    context["oklab_prev_label"] = _("Neuerer Beitrag")
    context["oklab_next_label"] = _("Älterer Beitrag")


def _neighbour(app: Sphinx, pagename: str, other: str | None) -> dict | None:
    if other is None:
        return None
    title = page_meta(app.env, other).title
    return {"link": app.builder.get_relative_uri(pagename, other), "title": html.escape(title)}


def rewrite_neighbours(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """Posts whose newer or older post (or its title) changed are written again."""
    order = post_docnames(env)
    titles = {d: page_meta(env, d).title for d in order}
    neighbours = {
        d: (order[i - 1] if i else None, order[i + 1] if i + 1 < len(order) else None)
        for i, d in enumerate(order)
    }
    shown = {d: tuple((n, titles.get(n)) for n in pair) for d, pair in neighbours.items()}
    old = getattr(env, "oklab_post_neighbours_shown", {})
    env.oklab_post_neighbours, env.oklab_post_neighbours_shown = neighbours, shown
    return sorted(d for d in shown if shown[d] != old.get(d))


# -- Lists of posts --------------------------------------------------------------------------------


def post_card(env: BuildEnvironment, docname: str) -> Card:
    page = page_meta(env, docname)
    language = env.config.language
    body = [paragraph(date_node(page, language), classes=["sd-card-text", "oklab-post-date"])]
    if page.event is not None:
        label = text(_("Termin:"))
        body.append(paragraph(label, nodes.Text(" "), when_node(page.event, language)))
    if text_ := summary(env, docname):
        body.append(paragraph(text(text_)))
    return Card(
        title=page.title,
        link=f"/{docname}",
        link_type="doc",
        css_class="oklab-post",
        body=body,
        footer=tag_links(env.config, page.tags),
    )


def post_grid(env: BuildEnvironment, docnames: list[str], pagename: str) -> nodes.Node:
    cards = [post_card(env, d) for d in docnames]
    if not cards:
        return nodes.paragraph("", "", text(_("Noch gibt es hier keine Beiträge.")))
    return grid(cards, env.srcdir, pagename, COLUMNS)


def fill_latest(env: BuildEnvironment, node, docname: str) -> list[nodes.Node]:
    limit = node["options"].get("limit") or env.config.oklab_news_latest
    return [post_grid(env, post_docnames(env)[:limit], docname)]


def posts_by_year(env: BuildEnvironment) -> dict[int, list[str]]:
    years: dict[int, list[str]] = {}
    for docname in post_docnames(env):
        years.setdefault(page_meta(env, docname).date.year, []).append(docname)
    return years


def fill_archive(env: BuildEnvironment, node, docname: str) -> list[nodes.Node]:
    years = posts_by_year(env)
    if not years:
        return []
    items = nodes.bullet_list(classes=["oklab-archive-years"])
    for year, posts in years.items():
        link = generated_page_reference(year_pagename(env.config, year), text(str(year)))
        count = nodes.Text(f" ({len(posts)})")
        items += nodes.list_item("", nodes.paragraph("", "", link, count))
    return [items]


def post_signature(env: BuildEnvironment, docname: str) -> tuple:
    """What a list shows of a post (its card)."""
    return (docname, page_meta(env, docname).model_dump_json(), summary(env, docname))


def posts_signature(env: BuildEnvironment) -> tuple:
    return tuple(post_signature(env, d) for d in post_docnames(env))


class LatestPosts(SphinxDirective):
    """``{neuigkeiten}``: the latest posts as cards (``:limit: 3``)."""

    option_spec = {"limit": directives.positive_int}

    def run(self) -> list[nodes.Node]:
        return [list_node(self.env, LATEST, limit=self.options.get("limit"))]


class Archive(SphinxDirective):
    """``{neuigkeiten-archiv}``: links to the yearly archive pages."""

    def run(self) -> list[nodes.Node]:
        return [list_node(self.env, ARCHIVE)]


# -- Archive pages by year -------------------------------------------------------------------------


def year_pages(app: Sphinx) -> list[GeneratedPage]:
    env, config = app.env, app.config
    if overview(config) not in env.found_docs:
        return []
    data = lab(config)
    name = data.name if data is not None else config.project
    years = posts_by_year(env)
    return [
        GeneratedPage(
            pagename=year_pagename(config, year),
            title=_("Neuigkeiten {year}").format(year=year),
            description=_("Alle Beiträge des {lab} aus dem Jahr {year}.").format(
                lab=name, year=year
            ),
            content=functools.partial(year_content, env, year, list(years), posts),
            signature=(list(years), [post_signature(env, d) for d in posts]),
            section=overview(config),
            kind=f"Jahresarchiv {year}",
        )
        for year, posts in years.items()
    ]


def year_content(env: BuildEnvironment, year: int, years: list[int], posts: list[str]):
    """Links to every year (this one marked as the current page, as the page links of
    numbered pages mark theirs), then the year's posts."""
    links = [
        (year_pagename(env.config, other), str(other), {"current": other == year})
        for other in years
    ]
    return [link_nav(_("Jahre"), links), post_grid(env, posts, year_pagename(env.config, year))]


def setup(app: Sphinx) -> dict:
    app.setup_extension("oklab.frontmatter")
    app.setup_extension("oklab.listpages")
    app.setup_extension("oklab.tags")
    app.setup_extension("oklab.events")
    app.add_config_value("oklab_news_latest", 10, "env", types=[int])
    add_list_kind(LATEST, fill_latest, posts_signature)
    add_list_kind(ARCHIVE, fill_archive, posts_signature)
    app.add_directive("neuigkeiten", LatestPosts)
    app.add_directive("neuigkeiten-archiv", Archive)
    # Before Sphinx's collectors (500), so the post's image is copied to the output.
    app.connect("doctree-read", read_post, priority=400)
    app.connect("env-get-outdated", order_posts, priority=450)  # front matter: 400
    app.connect("env-updated", rewrite_neighbours)
    # Before the menu (furo, 500) and the page's description (pagemeta, 450).
    app.connect("html-page-context", post_context, priority=400)
    app.connect("oklab-generated-pages", year_pages)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
