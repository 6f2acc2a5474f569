"""The project catalogue: one Markdown file per project in ``projekte/``, everything else follows.

- ``{projekte}``: one card per project (title, description, status badge, tags linked to their
  topic pages, local image, link to the page). Options ``:limit: 3`` (the first three) and
  ``:status: seeking``.
  Order: ``ordering.sort_key`` (the menu's order, with the status before the title).
- Every project page gets a facts box under its heading, generated from its front matter:
  status, tags, links (source code, website, data source …), collaborators, date, and an
  invitation to the meeting while the project is not finished.
- ``{projektstatus}`seeking``` renders a status badge (words, not only colour).
"""

from __future__ import annotations

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util.docutils import SphinxDirective, SphinxRole
from sphinx_design.icons import get_octicon

from . import __version__, messages
from .cards import Card, grid
from .escape import text
from .frontmatter import is_broken, is_project, local_image, page_meta
from .i18n import _, short_date
from .labdata import lab
from .models import STATUSES, Project
from .ordering import sort_key
from .phrases import project_invitation
from .tags import topic_link


def project_docnames(env: BuildEnvironment) -> list[str]:
    """All project pages in catalogue order."""
    docs = [d for d in env.found_docs if is_project(d, env.config)]
    return sorted(docs, key=lambda d: sort_key(page_meta(env, d), d))


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
            msg = self.inliner.reporter.error(message, line=self.lineno)
            return [self.inliner.problematic(self.rawtext, self.rawtext, msg)], [msg]
        return [status_badge(status)], []


class ProjectCards(SphinxDirective):
    """``{projekte}``: the catalogue as cards."""

    option_spec = {
        "limit": directives.positive_int,
        "status": lambda value: directives.choice(value, list(STATUSES)),
    }

    def run(self) -> list[nodes.Node]:
        cards = []
        for docname in project_docnames(self.env):
            self.env.note_dependency(self.env.doc2path(docname))
            page = page_meta(self.env, docname)
            if "status" in self.options and getattr(page, "status", None) != self.options["status"]:
                continue
            cards.append(project_card(self.env, docname, page))
        cards = cards[: self.options.get("limit", len(cards))]
        if not cards:
            return [nodes.paragraph("", "", text(_("Zurzeit gibt es hier keine Projekte.")))]
        return [grid(cards, self.env.srcdir, self.env.docname, "1 1 2 3")]


def project_card(env: BuildEnvironment, docname: str, page: Project | None) -> Card:
    footer: list[nodes.Node] = []
    if getattr(page, "status", None):
        footer += [status_badge(page.status), nodes.Text(" ")]
    for tag in getattr(page, "tags", []):
        footer += [_tag_icon(), nodes.Text(" "), topic_link(env.config, tag), nodes.Text(" ")]
    return Card(
        title=getattr(page, "title", None) or docname,
        text=getattr(page, "description", None) or "",
        link=f"/{docname}",
        link_type="doc",
        footer=footer[:-1],
        css_class="oklab-project",
        image=local_image(env, docname) or "",
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


def facts_box(
    app: Sphinx, project: Project, image: str | None, invite: nodes.Node | None = None
) -> nodes.container | None:
    fields = nodes.field_list(classes=["oklab-facts-list"])
    if project.status:
        fields += _field(_("Status"), status_badge(project.status))
    if project.tags:
        fields += _field(_("Themen"), *_joined([topic_link(app.config, t) for t in project.tags]))
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
        fields += _field(_("Datum"), text(short_date(project.date, app.config.language)))
    if invite is not None:
        fields += _field(_("Mitmachen"), invite)
    box = nodes.container(classes=["oklab-facts"])
    if image:
        box += nodes.image(uri=image, alt="", classes=["oklab-project-image"])
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
    app.add_role("projektstatus", StatusRole())
    app.add_directive("projekte", ProjectCards)
    # before Sphinx's collectors (priority 500), so the project image is copied to the output
    app.connect("doctree-read", add_facts_box, priority=400)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
