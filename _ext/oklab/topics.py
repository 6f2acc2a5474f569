"""Topics: a page per tag (``/themen/mobilitaet/``) with the projects and the posts that carry
it, and an overview of all topics (``/themen/``). Tags on project cards, in a project's facts
box and on posts link there (``tags.topic_link``).

The pages are generated list pages (``listpages``): no Markdown file, the same frame as every
page. Projects appear as in the catalogue (``ordering.sort_key``, without images, so a topic
page stays within the page budget), posts newest first. Tags that share an address
(``tags.slug``: "Umwelt" and "umwelt") share a page, named with the spelling that sorts first.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field, replace

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from . import __version__
from .cards import grid
from .escape import text
from .frontmatter import is_broken, page_meta
from .i18n import _
from .labdata import lab
from .listpages import GeneratedPage
from .news import post_docnames, post_grid, post_signature
from .ordering import title_key
from .projects import project_card, project_docnames
from .tags import slug
from .urls import generated_page_reference


@dataclass
class Topic:
    names: set[str] = field(default_factory=set)
    projects: list[str] = field(default_factory=list)
    posts: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        return min(self.names, key=lambda n: (title_key(n), n))


def topics(env: BuildEnvironment) -> dict[str, Topic]:
    """Address (``slug``) -> topic, in the order of the topics' names."""
    found: dict[str, Topic] = {}

    def add(docname: str, into: str) -> None:
        if is_broken(env, docname):
            return
        for tag in getattr(page_meta(env, docname), "tags", []):
            topic = found.setdefault(slug(tag), Topic())
            topic.names.add(tag)
            if docname not in getattr(topic, into):
                getattr(topic, into).append(docname)

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


def topic_content(env: BuildEnvironment, pagename: str, topic: Topic) -> list[nodes.Node]:
    """The topic's projects (as in the catalogue, without images) and posts."""
    content: list[nodes.Node] = []
    if topic.projects:
        cards = [replace(project_card(env, d, page_meta(env, d)), image="") for d in topic.projects]
        projects = grid(cards, env.srcdir, pagename, "1 1 2 3")
        content.append(_section("projekte", _("Projekte"), projects))
    if topic.posts:
        posts = post_grid(env, topic.posts, pagename)
        content.append(_section("neuigkeiten", _("Neuigkeiten"), posts))
    folder = env.config.oklab_topics_folder
    everything = generated_page_reference(f"{folder}/index", text(_("Alle Themen")))
    content.append(nodes.paragraph("", "", everything, classes=["oklab-all-topics"]))
    return content


def topic_page(app: Sphinx, address: str, topic: Topic, lab_name: str) -> GeneratedPage:
    env = app.env
    pagename = f"{app.config.oklab_topics_folder}/{address}"
    projects = [(d, page_meta(env, d).model_dump_json()) for d in topic.projects]
    return GeneratedPage(
        pagename=pagename,
        title=_("Thema: {name}").format(name=topic.name),
        description=_("Projekte und Neuigkeiten des {lab} zum Thema {name}.").format(
            lab=lab_name, name=topic.name
        ),
        content=functools.partial(topic_content, env, pagename, topic),
        signature=(projects, [post_signature(env, d) for d in topic.posts]),
        kind=f"Themenseite „{topic.name}“",
    )


def overview_page(app: Sphinx, found: dict[str, Topic], lab_name: str) -> GeneratedPage:
    folder = app.config.oklab_topics_folder
    items = nodes.bullet_list(classes=["oklab-topic-list"])
    for address, topic in found.items():
        link = generated_page_reference(
            f"{folder}/{address}", text(topic.name), classes=["oklab-tag"]
        )
        count = nodes.Text(f" ({len(topic.projects) + len(topic.posts)})")
        items += nodes.list_item("", nodes.paragraph("", "", link, count))
    intro = _("Projekte und Neuigkeiten nach Thema; die Zahl sagt, wie viele es sind.")
    return GeneratedPage(
        pagename=f"{folder}/index",
        title=_("Themen"),
        description=_("Alle Themen des {lab}: Projekte und Neuigkeiten nach Thema.").format(
            lab=lab_name
        ),
        content=lambda: [nodes.paragraph("", "", text(intro)), items],
        signature=[(a, t.name, len(t.projects) + len(t.posts)) for a, t in found.items()],
        kind="Themenübersicht",
    )


def topic_pages(app: Sphinx) -> list[GeneratedPage]:
    found = topics(app.env)
    if not found:
        return []
    data = lab(app.config)
    lab_name = data.name if data is not None else app.config.project
    pages = [overview_page(app, found, lab_name)]
    pages += [topic_page(app, address, topic, lab_name) for address, topic in found.items()]
    return pages


def setup(app: Sphinx) -> dict:
    app.setup_extension("oklab.listpages")
    app.setup_extension("oklab.tags")
    app.setup_extension("oklab.news")
    app.setup_extension("oklab.projects")
    app.connect("oklab-generated-pages", topic_pages)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
