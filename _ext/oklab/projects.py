"""The project catalogue: one Markdown file per project in ``projekte/``, everything else follows.

- ``{projekte}``: one card per project (title, description, status badge, tags, local image,
  link to the page). Options ``:limit: 3`` (the first three) and ``:status: seeking``.
- Order (overview, menu, start page): projects with ``navOrder`` first (lower first), then by
  status – sucht Mitwirkende, in Arbeit, abgeschlossen, without status – then by title.
- Every project page gets a facts box under its heading, generated from its front matter:
  status, tags, links (source code on GitHub, website, data source …), collaborators, date.
- ``{projektstatus}`seeking``` renders a status badge (text, not only colour).
"""

from __future__ import annotations

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util.docutils import SphinxRole

from . import __version__
from .cards import Card, MarkdownDirective, grid
from .frontmatter import STATUS_LABELS, Project, frontmatter, is_project, local_image
from .labdata import lab

STATUS_ORDER = {"seeking": 0, "active": 1, "finished": 2}
# sphinx-design colours with white text at AA contrast; oklab-status-* for the theme's own look
_FOLD = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss"})


def title_key(title: str) -> str:
    """Sort titles as a German reader expects (Ärzte next to Apotheke, not after Zoo)."""
    return title.casefold().translate(_FOLD)


def catalogue_key(meta: dict) -> tuple:
    order = meta.get("navOrder")
    status = STATUS_ORDER.get(meta.get("status"), len(STATUS_ORDER))
    return (order is None, order or 0, status, title_key(meta.get("title", "")))


def project_docnames(env: BuildEnvironment) -> list[str]:
    """All project pages in catalogue order."""
    docs = [d for d in env.found_docs if is_project(d, env.config)]
    return sorted(docs, key=lambda d: (catalogue_key(frontmatter(env, d) or {"title": d}), d))


def status_badge(status: str) -> nodes.inline:
    label = STATUS_LABELS[status]
    # Colours per status in _static/css/oklab.css; the words carry the meaning, not the colour.
    classes = ["sd-sphinx-override", "sd-badge", "oklab-status", f"oklab-status-{status}"]
    return nodes.inline(label, label, classes=classes)


class StatusRole(SphinxRole):
    """``{projektstatus}`active``` -> badge "in Arbeit"."""

    def run(self):
        status = self.text.strip()
        if status not in STATUS_LABELS:
            msg = self.inliner.reporter.error(
                f"unbekannter Projektstatus {status!r}; erlaubt: {', '.join(STATUS_LABELS)}",
                line=self.lineno,
            )
            return [self.inliner.problematic(self.rawtext, self.rawtext, msg)], [msg]
        return [status_badge(status)], []


class ProjectCards(MarkdownDirective):
    """``{projekte}``: the catalogue as cards."""

    option_spec = {
        "limit": directives.positive_int,
        "status": lambda value: directives.choice(value, list(STATUS_LABELS)),
    }

    def markdown(self) -> str:
        cards = []
        for docname in project_docnames(self.env):
            self.env.note_dependency(self.env.doc2path(docname))
            meta = frontmatter(self.env, docname)
            if "status" in self.options and meta.get("status") != self.options["status"]:
                continue
            cards.append(project_card(self.env, docname, meta))
        cards = cards[: self.options.get("limit", len(cards))]
        if not cards:
            return "Zurzeit gibt es hier keine Projekte."
        return grid(cards, columns="1 1 2 3", css_class="oklab-projects")


def project_card(env: BuildEnvironment, docname: str, meta: dict) -> Card:
    footer = []
    if meta.get("status"):
        footer.append(f"{{projektstatus}}`{meta['status']}`")
    footer += [
        f"{{octicon}}`tag;1em;oklab-tag-icon` [{tag}]{{.oklab-tag}}" for tag in meta.get("tags", [])
    ]
    return Card(
        title=meta.get("title", docname),
        text=meta.get("description", ""),
        link=f"/{docname}",
        link_type="doc",
        footer=" ".join(footer),
        css_class="oklab-project",
        image=local_image(env, docname) or "",
    )


# -- The facts box on each project page ------------------------------------------------------


def add_facts_box(app: Sphinx, doctree: nodes.document) -> None:
    env = app.env
    docname = env.docname
    if not is_project(docname, app.config):
        return
    if docname in getattr(env, "oklab_frontmatter_broken", ()):
        return  # its front-matter mistakes are reported already
    meta = frontmatter(env, docname)
    project = Project.model_validate(meta)
    invite = invitation(app, docname) if project.status != "finished" else None
    box = facts_box(project, local_image(env, docname), invite)
    if box is None:
        return
    section = next(iter(doctree.findall(nodes.section)), None)
    if section is not None and isinstance(section[0], nodes.title):
        section.insert(1, box)
    else:
        doctree.insert(0, box)


def facts_box(
    project: Project, image: str | None, invite: nodes.Node | None = None
) -> nodes.container | None:
    fields = nodes.field_list(classes=["oklab-facts-list"])
    if project.status:
        fields += _field("Status", status_badge(project.status))
    if project.tags:
        fields += _field(
            "Themen", *_joined([nodes.inline(t, t, classes=["oklab-tag"]) for t in project.tags])
        )
    links = []
    if project.repository_url:
        links.append(_link("Quellcode", project.repository_url))
    links += [_link(link.name, link.url) for link in project.links]
    if links:
        fields += _field("Links", *_joined(links))
    if project.collaborators:
        fields += _field(
            "Mitwirkende", nodes.Text(", ".join(c.name for c in project.collaborators))
        )
    if project.date:
        fields += _field("Datum", nodes.Text(f"{project.date:%d.%m.%Y}"))
    if invite is not None:
        fields += _field("Mitmachen", invite)
    box = nodes.container(classes=["oklab-facts"])
    if image:
        box += nodes.image(uri=image, alt="", classes=["oklab-project-image"])
    if len(fields):
        box += fields
    return box if len(box) else None


def invitation(app: Sphinx, docname: str) -> addnodes.pending_xref | None:
    """ "Komm zum offenen Treffen: jeden Mittwoch, 18–21 Uhr", linked to the meeting page
    (a site without the lab's data file, such as a small test project, has none)."""
    if not getattr(app.config, "oklab_lab", None):
        return None
    text = f"Komm zum offenen Treffen: {lab(app.config).meeting.summary}"
    return addnodes.pending_xref(
        "",
        nodes.inline(text, text),
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
    return nodes.reference(name, name, refuri=url)


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
    app.add_role("projektstatus", StatusRole())
    app.add_directive("projekte", ProjectCards)
    # before Sphinx's collectors (priority 500), so the project image is copied to the output
    app.connect("doctree-read", add_facts_box, priority=400)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
