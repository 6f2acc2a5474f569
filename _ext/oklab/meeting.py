"""The weekly meeting on the pages: one card, the next date, calendar links.

- ``{treffen}``: the meeting card (the site's one card pattern, ``cards.Card``): the rule
  ("Jeden Mittwoch, 18–21 Uhr"), the place and an invitation. With ``:link: kontakt/index``
  the whole card leads there (start page); without a link it shows the address with a link
  to a map search on OpenStreetMap (Kontakt page; a link only, no embedded map).
- The rule sits in ``<div class="oklab-next-meeting" data-weekday data-start data-end
  data-timezone>``, written from ``_data/lab.yaml``. ``_static/js/next-meeting.js`` reads
  these attributes and adds the next date, computed in the reader's browser. No date is
  ever frozen into the HTML; without JavaScript the rule alone stays ("Jeden Mittwoch …").
- ``{treffen-kalender}``: "Zum Kalender hinzufügen" (download ``treffen.ics``) and
  "Abonnieren" (``webcal://``, only when the site's canonical base URL is known).
- ``oklab_meeting_links`` in the template context: relative and absolute addresses
  (``page``, ``calendar``, ``webcal``, ``map``) for the footer.
"""

from __future__ import annotations

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective
from sphinx_design.icons import get_octicon

from . import __version__
from .calendar import CALENDAR_FILE, output_file_reference, webcal_url
from .cards import Card, MarkdownDirective, grid
from .labdata import Meeting, lab

SCRIPT = "js/next-meeting.js"


class next_meeting(nodes.General, nodes.Element):  # noqa: N801 (docutils node naming)
    """The meeting rule plus the data the next-meeting script needs."""


def next_meeting_node(meeting: Meeting) -> next_meeting:
    node = next_meeting(
        weekday=str(meeting.weekday_index + 1),  # ISO 8601: 1 = Monday … 7 = Sunday
        start=f"{meeting.start:%H:%M}",
        end=f"{meeting.end:%H:%M}",
        timezone=meeting.timezone,
    )
    rule = nodes.paragraph(classes=["oklab-meeting-rule"])
    rule += nodes.strong(text=meeting.summary[0].upper() + meeting.summary[1:])
    node += rule
    return node


def visit_next_meeting_html(self, node: next_meeting) -> None:
    data = {f"data-{key}": node[key] for key in ("weekday", "start", "end", "timezone")}
    self.body.append(self.starttag(node, "div", CLASS="oklab-next-meeting", **data))


def depart_next_meeting_html(self, node: next_meeting) -> None:
    self.body.append("</div>\n")


def _pass(self, node: nodes.Node) -> None:
    """Other builders (text, LaTeX …) show the rule as plain content."""


class MeetingCard(MarkdownDirective):
    """``{treffen}``: the meeting card, identical on every page that shows it."""

    option_spec = {"link": directives.unchanged}

    def markdown(self) -> str:
        meeting = lab(self.config).meeting
        link = self.options.get("link", "")
        if link:
            place = meeting.full_place
        else:
            place = f"{meeting.full_place}\n\n[Karte auf OpenStreetMap]({meeting.map_url})"
        card = Card(
            "Offenes Treffen",
            f"{place}\n\nKomm einfach vorbei, Vorkenntnisse sind nicht erforderlich.",
            link=link,
            icon="calendar",
            css_class="oklab-meeting",
            link_type="doc",
        )
        return grid([card], columns="1", css_class="oklab-meeting-cards")

    def run(self) -> list[nodes.Node]:
        result = super().run()
        rule = next_meeting_node(lab(self.config).meeting)
        body = next(
            node
            for top in result
            for node in top.findall(nodes.Element)
            if "sd-card-body" in node.get("classes", [])
        )
        titles = [
            i
            for i, child in enumerate(body.children)
            if "sd-card-title" in child.get("classes", [])
        ]
        body.insert(titles[0] + 1 if titles else 0, rule)
        return result


class CalendarLinks(SphinxDirective):
    """``{treffen-kalender}``: download and subscribe to the meeting's calendar file.

    The buttons are the site's call-to-action buttons (``oklab-cta`` in a ``oklab-cta-row``).
    """

    has_content = False

    def run(self) -> list[nodes.Node]:
        actions = nodes.paragraph(classes=["oklab-cta-row", "oklab-meeting-actions"])
        download = output_file_reference(
            CALENDAR_FILE,
            "",
            classes=["sd-btn", "sd-btn-primary", "oklab-cta", "oklab-calendar-download"],
        )
        download += _icon("download")
        download += nodes.Text("Zum Kalender hinzufügen")
        actions += download
        webcal = webcal_url(self.config)
        if webcal:
            actions += nodes.Text(" ")
            subscribe = nodes.reference(
                "",
                "",
                refuri=webcal,
                classes=["sd-btn", "sd-btn-secondary", "oklab-cta", "oklab-calendar-subscribe"],
            )
            subscribe += _icon("sync")
            subscribe += nodes.Text("Abonnieren")
            actions += subscribe
        return [actions]


def _icon(name: str) -> nodes.raw:
    svg = get_octicon(name, height="1.1em", classes=["oklab-button-icon"])
    return nodes.raw("", svg + " ", format="html")


def add_meeting_context(
    app: Sphinx, pagename: str, templatename: str, context: dict, doctree
) -> None:
    pathto = context.get("pathto")
    if pathto is None:
        return
    meeting = lab(app.config).meeting
    page = app.config.oklab_meeting_page
    context["oklab_meeting_links"] = {
        "page": pathto(page) if page in app.env.found_docs else "",
        "calendar": pathto(CALENDAR_FILE, 1),
        "webcal": webcal_url(app.config) or "",
        "map": meeting.map_url,
    }
    if doctree is not None and next(doctree.findall(next_meeting), None) is not None:
        app.add_js_file(SCRIPT, loading_method="defer")


def setup(app: Sphinx) -> dict:
    app.setup_extension("oklab.calendar")
    passthrough = (_pass, _pass)
    app.add_node(
        next_meeting,
        html=(visit_next_meeting_html, depart_next_meeting_html),
        text=passthrough,
        latex=passthrough,
        man=passthrough,
        texinfo=passthrough,
    )
    app.add_directive("treffen", MeetingCard)
    app.add_directive("treffen-kalender", CalendarLinks)
    app.connect("html-page-context", add_meeting_context)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
