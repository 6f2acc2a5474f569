"""The project catalogue: one Markdown file per project in ``projekte/``, everything else follows.

- ``{projekte}``: one card per project (signet or local image, title, description, status
  badge, topics linked to their topic pages (a shared vocabulary: the interface catalog
  translates them), link to the page). Options: ``:status: seeking`` (only projects with that
  status), ``:order: date`` (the most recently presented first, projects without a date last)
  and ``:limit: 3`` (the first three). Without ``:order:`` the catalogue order:
  ``ordering.sort_key`` (the menu's order, with the status before the title).
- On the project overview (``projekte/index``), ``{projekte}`` without options shows the
  catalogue page by page (``listpages.numbered_pages``): the first ``oklab_cards_per_page``
  cards and links to the pages with the others, ``/projekte/seite/2/`` … (generated pages;
  their cards show the signet, not a project's own image, as on the topic and status pages).
  With the site's 22 projects the catalogue is one page.
- Every project page gets its signet next to its heading (``signets``) and a facts box under
  it, generated from its front matter: status, topics, technologies, links (source code,
  website, data sources …), collaborators, the day it was first presented, and an invitation
  to the meeting while the project is not finished.
- ``{projektstatus}`seeking``` renders a status badge (words, not only colour).
"""

from __future__ import annotations

import functools
from dataclasses import replace

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective, SphinxRole
from sphinx_design.icons import get_octicon

from . import __version__, messages
from .cards import Card, grid
from .escape import text
from .frontmatter import is_broken, is_project, local_image, page_meta
from .i18n import _, long_date
from .labdata import lab
from .listpages import GeneratedPage, note_list, numbered_pages, page_links, pages_with_list, split
from .models import STATUSES, Project
from .ordering import sort_key
from .phrases import project_invitation
from .signets import signet_for
from .tags import topic_link

logger = logging.getLogger(__name__)
CATALOGUE = "project-catalogue"  # the overview's catalogue, page by page (``listpages``)
COLUMNS = "1 1 2 3"


def overview_docname(config) -> str:
    return f"{config.oklab_projects_folder}/index"


def project_docnames(env: BuildEnvironment) -> list[str]:
    """All project pages in catalogue order."""
    docs = [d for d in env.found_docs if is_project(d, env.config)]
    return sorted(docs, key=lambda d: sort_key(page_meta(env, d), d))


def catalogue_parts(env: BuildEnvironment) -> list[list[str]]:
    """The catalogue as the overview shows it: the projects of each of its pages."""
    return split(project_docnames(env), env.config.oklab_cards_per_page)


def newest_first(env: BuildEnvironment, docnames: list[str]) -> list[str]:
    """``docnames`` by the day each project was first presented, the most recent first;
    projects without a date after those with one, ties in the order given."""
    dates = {d: getattr(page_meta(env, d), "date", None) for d in docnames}
    dated = sorted((d for d in docnames if dates[d]), key=lambda d: dates[d], reverse=True)
    return dated + [d for d in docnames if not dates[d]]


def status_badge(status: str) -> nodes.inline:
    # Colours per status in _static/css/oklab.css; the words carry the meaning, not the colour.
    classes = ["sd-sphinx-override", "sd-badge", "oklab-status", f"oklab-status-{status}"]
    label = _(STATUSES[status])
    return nodes.inline(label, label, classes=classes)


class StatusRole(SphinxRole):
    """``{projektstatus}`active``` -> badge "in Arbeit"."""

    def run(self):
        status = self.text.strip()
        if status not in STATUSES:
            message = messages.UNKNOWN_STATUS_ROLE.format(value=status, allowed=", ".join(STATUSES))
            logger.error(message, location=self.get_location(), type="oklab", subtype="content")
            return [nodes.literal(self.rawtext, self.rawtext)], []
        return [status_badge(status)], []


class ProjectCards(SphinxDirective):
    """``{projekte}``: the catalogue as cards (on the overview without options: page by page)."""

    option_spec = {
        "limit": directives.positive_int,
        "status": lambda value: directives.choice(value, list(STATUSES)),
        "order": lambda value: directives.choice(value, ["date"]),
    }

    def run(self) -> list[nodes.Node]:
        if self.env.docname == overview_docname(self.config) and not self.options:
            return self.first_page()
        docnames = project_docnames(self.env)
        if self.options.get("order") == "date":
            docnames = newest_first(self.env, docnames)
        cards = []
        for docname in docnames:
            self.env.note_dependency(self.env.doc2path(docname))
            page = page_meta(self.env, docname)
            if "status" in self.options and getattr(page, "status", None) != self.options["status"]:
                continue
            cards.append(project_card(self.env, docname, page))
        cards = cards[: self.options.get("limit", len(cards))]
        return project_grid(self.env, cards, self.env.docname)

    def first_page(self) -> list[nodes.Node]:
        """The overview's catalogue: its first page, and links to the others."""
        env = self.env
        parts = catalogue_parts(env)
        for docname in (d for part in parts for d in part):
            env.note_dependency(env.doc2path(docname))
        note_list(env, CATALOGUE)  # the other pages exist while this one links to them
        cards = [project_card(env, d, page_meta(env, d)) for d in parts[0]]
        links = page_links(env.docname, len(parts), 1)
        return [*project_grid(env, cards, env.docname), *links]


def project_grid(env: BuildEnvironment, cards: list[Card], docname: str) -> list[nodes.Node]:
    if not cards:
        return [nodes.paragraph("", "", text(_("Zurzeit gibt es hier keine Projekte.")))]
    return [grid(cards, env.srcdir, docname, COLUMNS)]


def listed_card(env: BuildEnvironment, docname: str) -> Card:
    """A project's card on a generated list page: its signet, never its own image (an image
    is a request more; 24 of them would break the page budget)."""
    return replace(project_card(env, docname, page_meta(env, docname)), image="")


def card_signature(env: BuildEnvironment, docnames: list[str]) -> list:
    """What cards of these projects show (a project whose front matter has a mistake: only
    its name; the mistake is reported and fails the build)."""
    metas = [(d, page_meta(env, d)) for d in docnames]
    return [(d, meta.model_dump_json() if meta else None) for d, meta in metas]


def catalogue_pages(app: Sphinx) -> list[GeneratedPage]:
    """The overview's pages after the first (``/projekte/seite/2/`` …), while the overview
    shows the catalogue page by page."""
    env, overview = app.env, overview_docname(app.config)
    if overview not in pages_with_list(env, CATALOGUE):
        return []
    page = page_meta(env, overview)

    def content(pagename: str, docnames: list[str], links: list[nodes.Node]):
        cards = [listed_card(env, d) for d in docnames]
        return [*project_grid(env, cards, pagename), *links]

    return numbered_pages(
        overview,
        catalogue_parts(env),
        title=getattr(page, "title", None) or _("Projekte"),
        description=getattr(page, "description", None) or "",
        content=content,
        signature=functools.partial(card_signature, env),
        section=overview,
        kind="Projektübersicht",
    )[1:]


def project_card(env: BuildEnvironment, docname: str, page: Project | None) -> Card:
    footer: list[nodes.Node] = []
    if getattr(page, "status", None):
        footer += [status_badge(page.status), nodes.Text(" ")]
    topics = getattr(page, "tags", [])
    for topic in topics:
        link = topic_link(env.config, topic)
        tag = nodes.inline("", "", _tag_icon(), nodes.Text(" "), link, classes=["oklab-topic"])
        footer += [tag, nodes.Text(" ")]
    image = local_image(env, docname)
    return Card(
        title=getattr(page, "title", None) or docname,
        text=getattr(page, "description", None) or "",
        link=f"/{docname}",
        link_type="doc",
        footer=footer[:-1],
        css_class="oklab-project",
        image=image or "",
        picture=None if image else signet_for(env, topics),
    )


def _tag_icon() -> nodes.raw:
    return nodes.raw("", get_octicon("tag", height="1em"), format="html")


# -- The facts box on each project page ------------------------------------------------------


def add_facts_box(app: Sphinx, doctree: nodes.document) -> None:
    env = app.env
    docname = env.docname
    if not is_project(docname, app.config) or is_broken(env, docname):
        return  # a broken page's front-matter mistakes are reported already
    project = page_meta(env, docname)
    invite = invitation(app, docname) if project.status != "finished" else None
    box = facts_box(app, project, local_image(env, docname), invite)
    if box is None:
        return
    section = next(iter(doctree.findall(nodes.section)), None)
    if section is not None and isinstance(section[0], nodes.title):
        section.insert(1, box)
    else:
        doctree.insert(0, box)


def add_signet_to_heading(app: Sphinx, doctree: nodes.document) -> None:
    """The project's signet before the text of its heading, unless a local image wins.

    Runs after Sphinx's collectors (priority 500) have taken the page's title for the
    browser tab, the menu and the previous/next links: only the heading itself shows it."""
    env = app.env
    docname = env.docname
    if not is_project(docname, app.config) or local_image(env, docname):
        return
    heading = next(iter(doctree.findall(nodes.section)), None)
    if heading is None or not isinstance(heading[0], nodes.title):
        return
    picture = signet_for(env, getattr(page_meta(env, docname), "tags", []))
    if picture is not None:
        heading[0].insert(0, picture)
        heading[0]["classes"].append("oklab-project-heading")


def facts_box(
    app: Sphinx, project: Project, image: str | None, invite: nodes.Node | None = None
) -> nodes.container | None:
    fields = nodes.field_list(classes=["oklab-facts-list"])
    if project.status:
        fields += _field(_("Status"), status_badge(project.status))
    if project.tags:
        fields += _field(_("Themen"), *_joined([topic_link(app.config, t) for t in project.tags]))
    if project.technologies:
        fields += _field(_("Technik"), *_joined([text(name) for name in project.technologies]))
    links = []
    data = lab(app.config)
    code = data.code_link.url if data is not None and data.code_link else None
    if repository := project.repository_url(code):
        links.append(_link(_("Quellcode"), repository))
    links += [_link(link.name, link.url) for link in project.links]
    if links:
        fields += _field(_("Links"), *_joined(links))
    if project.collaborators:
        names = ", ".join(c.name for c in project.collaborators)
        fields += _field(_("Mitwirkende"), text(names))
    if project.date:
        presented = long_date(project.date, app.config.language)
        fields += _field(_("Erstmals vorgestellt"), text(presented))
    if invite is not None:
        fields += _field(_("Mitmachen"), invite)
    box = nodes.container(classes=["oklab-facts"])
    if image:
        box += nodes.image(uri=image, alt="", classes=["oklab-project-image"], made_by_site=True)
    if len(fields):
        box += fields
    return box if len(box) else None


def invitation(app: Sphinx, docname: str) -> addnodes.pending_xref | None:
    """ "Komm zum offenen Treffen: jeden Mittwoch, 18–21 Uhr", linked to the meeting page
    (a site without the lab's data file, such as a small test project, has none)."""
    data = lab(app.config)
    if data is None:
        return None
    return addnodes.pending_xref(
        "",
        text(project_invitation(data.meeting, app.config.language)),
        refdomain="std",
        reftype="doc",
        reftarget=f"/{app.config.oklab_meeting_page}",
        refexplicit=True,
        refdoc=docname,
    )


def _field(name: str, *content: nodes.Node) -> nodes.field:
    body = nodes.field_body("", nodes.paragraph("", "", *content))
    return nodes.field("", nodes.field_name(name, name), body)


def _link(name: str, url: str) -> nodes.reference:
    return nodes.reference("", "", text(name), refuri=url)


def _joined(items: list[nodes.Node]) -> list[nodes.Node]:
    out: list[nodes.Node] = []
    for i, item in enumerate(items):
        if i:
            out.append(nodes.Text(" · "))
        out.append(item)
    return out


def setup(app: Sphinx) -> dict:
    app.setup_extension("oklab.cards")
    app.setup_extension("oklab.frontmatter")
    app.setup_extension("oklab.sources")
    app.setup_extension("oklab.tags")
    app.setup_extension("oklab.signets")
    app.setup_extension("oklab.listpages")
    app.add_role("projektstatus", StatusRole())
    app.add_directive("projekte", ProjectCards)
    app.connect("oklab-generated-pages", catalogue_pages)
    # before Sphinx's collectors (priority 500), so the project image is copied to the output
    app.connect("doctree-read", add_facts_box, priority=400)
    app.connect("doctree-read", add_signet_to_heading, priority=600)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
