"""Pages by key: one generated list page per key (``/themen/mobilitaet/``) with the projects
and the posts that have that key, and an overview of all keys (``/themen/``). Topics are the
first use: a page's keys are its ``tags``, and tags on project cards, in a project's facts box
and on posts link to their page (``tags.topic_link``).

The generator is general: ``KeyedPages`` says where the pages live (``folder``), which keys a
page has (``keys``: its front matter -> keys, e.g. ``[project.status]`` for a page per status),
how a key becomes an address (``address``, ``tags.slug`` by default), and the titles and
descriptions (callables, so the texts stay in the gettext catalog). ``keyed_pages(app, spec)``
returns the pages for ``listpages``, which writes them with the frame every page gets; connect
a handler for ``oklab-generated-pages`` that returns them. The project overview's filters
(``{projektfilter}``: by topic, by status) link to these pages: one set of pages, not two. The
status pages are a second ``KeyedPages`` (``PROJECT_STATUSES``, ``/projekte/stand/…``).

Projects appear as in the catalogue (``ordering.sort_key``, without images, so a page stays
within the page budget), then the posts, newest first. A key with more than
``oklab_cards_per_page`` of them gets numbered pages (``listpages.numbered_pages``:
``/themen/umwelt/seite/2/`` …), so every page stays within the budget however many projects
and posts share a key. Keys that share an address ("Umwelt" and "umwelt") share a page, named
with the spelling that sorts first.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.environment import BuildEnvironment
from sphinx.util.docutils import SphinxDirective

from . import __version__
from .escape import text
from .frontmatter import is_broken, page_meta
from .i18n import _
from .labdata import lab
from .listpages import GeneratedPage, numbered_pages, split
from .models import STATUSES
from .news import post_docnames, post_grid, post_signature
from .ordering import title_key
from .projects import card_signature, listed_card, project_docnames, project_grid
from .tags import slug
from .urls import generated_page_reference


@dataclass
class Group:
    """The pages that share one key (a tag, a status), and the key's spellings."""

    names: set[str] = field(default_factory=set)
    projects: list[str] = field(default_factory=list)
    posts: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        return min(self.names, key=lambda n: (title_key(n), n))

    @property
    def count(self) -> int:
        return len(self.projects) + len(self.posts)


@dataclass(frozen=True)
class KeyedPages:
    """A set of list pages, one per key, and their overview."""

    folder: Callable[[Config], str]  # "themen": pages /themen/<address>/ and /themen/
    keys: Callable[[object], Iterable[str]]  # a page's front matter -> its keys
    title: Callable[[str], str]  # key's name -> the page's heading
    description: Callable[[str, str], str]  # (lab, key's name) -> meta description
    overview_title: Callable[[], str]
    overview_description: Callable[[str], str]  # lab -> meta description
    overview_intro: Callable[[], str]
    all_link: Callable[[], str]  # the link from each page back to the overview
    kind: str  # German, for editors: what a page is ("Themenseite")
    overview_kind: str  # the same for the overview ("Themenübersicht")
    address: Callable[[str], str] = slug  # key -> last part of the page's address
    # the menu page the pages belong to (marked current in the menu), e.g. "projekte/index"
    section: Callable[[Config], str | None] = lambda config: None
    # key -> its name in the reader's language (the interface catalog): keys stay German, so
    # a page's address is the same in every language (the language switcher's same page)
    label: Callable[[str], str] = _


TOPICS = KeyedPages(
    folder=lambda config: config.oklab_topics_folder,
    keys=lambda meta: getattr(meta, "tags", []),
    title=lambda name: _("Thema: {name}").format(name=name),
    description=lambda lab, name: _("Projekte und Neuigkeiten des {lab} zum Thema {name}.").format(
        lab=lab, name=name
    ),
    overview_title=lambda: _("Themen"),
    overview_description=lambda lab: _(
        "Alle Themen des {lab}: Projekte und Neuigkeiten nach Thema."
    ).format(lab=lab),
    overview_intro=lambda: _(
        "Projekte und Neuigkeiten nach Thema; die Zahl sagt, wie viele es sind."
    ),
    all_link=lambda: _("Alle Themen"),
    kind="Themenseite",
    overview_kind="Themenübersicht",
)


# The project overview's filter by status ("sucht Mitwirkende", "in Arbeit", "abgeschlossen"):
# the same generator, a page per status below the overview (/projekte/stand/in-arbeit/). The
# key is the status's German label (one address in every language); heading and links show
# it in the reader's language.
STATUS_FOLDER = "stand"


def _status_keys(meta) -> list[str]:
    status = getattr(meta, "status", None)
    return [STATUSES[status]] if status in STATUSES else []


PROJECT_STATUSES = KeyedPages(
    folder=lambda config: f"{config.oklab_projects_folder}/{STATUS_FOLDER}",
    keys=_status_keys,
    title=lambda name: _("Projekte: {status}").format(status=name),
    description=lambda lab, name: _("Die Projekte des {lab} mit dem Stand „{status}“.").format(
        lab=lab, status=name
    ),
    overview_title=lambda: _("Projekte nach Stand"),
    overview_description=lambda lab: _("Die Projekte des {lab} nach ihrem Stand.").format(lab=lab),
    overview_intro=lambda: _("Projekte nach Stand; die Zahl sagt, wie viele es sind."),
    all_link=lambda: _("Alle Projekte nach Stand"),
    kind="Seite eines Projektstands",
    overview_kind="Übersicht der Projektstände",
    section=lambda config: f"{config.oklab_projects_folder}/index",
)


def groups(env: BuildEnvironment, spec: KeyedPages) -> dict[str, Group]:
    """Address -> group, in the order of the groups' names."""
    found: dict[str, Group] = {}

    def add(docname: str, into: str) -> None:
        if is_broken(env, docname):
            return
        for key in spec.keys(page_meta(env, docname)) or []:
            group = found.setdefault(spec.address(key), Group())
            group.names.add(key)
            if docname not in getattr(group, into):
                getattr(group, into).append(docname)

    for docname in project_docnames(env):
        add(docname, "projects")
    for docname in post_docnames(env):
        add(docname, "posts")
    return dict(sorted(found.items(), key=lambda item: (title_key(item[1].name), item[0])))


def _section(name: str, title: str, *content: nodes.Node) -> nodes.section:
    section = nodes.section(ids=[name])
    section += nodes.title("", "", text(title))
    section.extend(content)
    return section


def group_content(
    env: BuildEnvironment,
    spec: KeyedPages,
    pagename: str,
    shown: list[tuple[str, str]],
    links: list[nodes.Node],
) -> list[nodes.Node]:
    """One page of the group: its projects (as in the catalogue, without images) and posts
    (``shown``: ``("projects" | "posts", docname)``), the links to its other pages."""
    projects = [d for kind, d in shown if kind == "projects"]
    posts = [d for kind, d in shown if kind == "posts"]
    content: list[nodes.Node] = []
    if projects:
        cards = project_grid(env, [listed_card(env, d) for d in projects], pagename)
        content.append(_section("projekte", _("Projekte"), *cards))
    if posts:
        content.append(_section("neuigkeiten", _("Neuigkeiten"), post_grid(env, posts, pagename)))
    content.extend(links)
    overview = f"{spec.folder(env.config)}/index"
    everything = generated_page_reference(overview, text(spec.all_link()))
    content.append(nodes.paragraph("", "", everything, classes=["oklab-all-topics"]))
    return content


def shown_signature(env: BuildEnvironment, shown: list[tuple[str, str]]) -> list:
    """What a page of a group shows of its projects and posts."""
    return [
        card_signature(env, [d])[0] if kind == "projects" else post_signature(env, d)
        for kind, d in shown
    ]


def group_pages(
    app: Sphinx, spec: KeyedPages, address: str, group: Group, lab_name: str
) -> list[GeneratedPage]:
    """The group's page, or its numbered pages if it has more than one page of cards."""
    env = app.env
    shown = [("projects", d) for d in group.projects] + [("posts", d) for d in group.posts]
    return numbered_pages(
        f"{spec.folder(app.config)}/{address}",
        split(shown, app.config.oklab_cards_per_page),
        title=spec.title(spec.label(group.name)),
        description=spec.description(lab_name, spec.label(group.name)),
        content=functools.partial(group_content, env, spec),
        signature=functools.partial(shown_signature, env),
        section=spec.section(app.config),
        kind=f"{spec.kind} „{group.name}“",
    )


def overview_page(
    app: Sphinx, spec: KeyedPages, found: dict[str, Group], lab_name: str
) -> GeneratedPage:
    folder = spec.folder(app.config)
    items = nodes.bullet_list(classes=["oklab-topic-list"])
    for address, group in found.items():
        link = generated_page_reference(
            f"{folder}/{address}", text(spec.label(group.name)), classes=["oklab-tag"]
        )
        count = nodes.Text(f" ({group.count})")
        items += nodes.list_item("", nodes.paragraph("", "", link, count))
    intro = spec.overview_intro()
    return GeneratedPage(
        pagename=f"{folder}/index",
        title=spec.overview_title(),
        description=spec.overview_description(lab_name),
        content=lambda: [nodes.paragraph("", "", text(intro)), items],
        signature=[(a, g.name, g.count) for a, g in found.items()],
        section=spec.section(app.config),
        kind=spec.overview_kind,
    )


def keyed_pages(app: Sphinx, spec: KeyedPages) -> list[GeneratedPage]:
    """The overview and one page per key, or nothing if no page has a key."""
    found = groups(app.env, spec)
    if not found:
        return []
    data = lab(app.config)
    lab_name = data.name if data is not None else app.config.project
    pages = [overview_page(app, spec, found, lab_name)]
    for address, group in found.items():
        pages += group_pages(app, spec, address, group, lab_name)
    return pages


def topic_pages(app: Sphinx) -> list[GeneratedPage]:
    return keyed_pages(app, TOPICS)


def status_pages(app: Sphinx) -> list[GeneratedPage]:
    return keyed_pages(app, PROJECT_STATUSES)


# -- The project overview's filters ------------------------------------------------------------


def filter_links(env: BuildEnvironment, spec: KeyedPages, order=None) -> list[nodes.Node]:
    """Links to the pages of ``spec`` that list at least one project, separated by " · "."""
    found = {a: g for a, g in groups(env, spec).items() if g.projects}
    addresses = sorted(found, key=order) if order else list(found)
    folder = spec.folder(env.config)
    links: list[nodes.Node] = []
    for address in addresses:
        if links:
            links.append(nodes.Text(" · "))
        name = spec.label(found[address].name)
        links.append(generated_page_reference(f"{folder}/{address}", text(name)))
    return links


class ProjectFilters(SphinxDirective):
    """``{projektfilter}``: the project overview's filters, links to static pages (one per
    topic, one per status), which work without JavaScript."""

    def run(self) -> list[nodes.Node]:
        env = self.env
        for docname in project_docnames(env):
            env.note_dependency(env.doc2path(docname))
        labels = list(STATUSES.values())  # the keys: German
        by_status = {slug(label): index for index, label in enumerate(labels)}
        box = nodes.container(classes=["oklab-project-filters"])
        for name, spec, order in (
            (_("Nach Thema:"), TOPICS, None),
            (_("Nach Stand:"), PROJECT_STATUSES, by_status.get),
        ):
            links = filter_links(env, spec, order)
            if links:
                label = nodes.strong("", "", text(name))
                box += nodes.paragraph("", "", label, nodes.Text(" "), *links)
        return [box] if len(box) else []


def setup(app: Sphinx) -> dict:
    app.setup_extension("oklab.listpages")
    app.setup_extension("oklab.tags")
    app.setup_extension("oklab.news")
    app.setup_extension("oklab.projects")
    app.connect("oklab-generated-pages", topic_pages)
    app.connect("oklab-generated-pages", status_pages)
    app.add_directive("projektfilter", ProjectFilters)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
