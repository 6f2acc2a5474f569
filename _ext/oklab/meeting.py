"""The weekly meeting on the pages: one card, the next date, calendar links.

- ``{treffen}``: the meeting card (the site's one card pattern, ``cards.Card``): the rule
  ("Jeden Mittwoch, 18–21 Uhr"), the place and an invitation. With ``:link: kontakt/index``
  the whole card leads there (start page); without a link it shows the address with a link
  to a map search on OpenStreetMap (Kontakt page; a link only, no embedded map).
- The rule sits in ``<div class="oklab-next-meeting" data-…>``, written from
  ``_data/lab.yaml``: the rule's data (ISO weekday, start, end, time zone) and the texts the
  script shows, already in the reader's language. The upcoming script (``static/upcoming.js``,
  ``htmlnodes.load_upcoming_script``) adds the next date, computed in the reader's browser on
  the wall clock of the meeting's time zone (right across daylight-saving changes, wherever
  the reader's device thinks it is; a meeting that has begun is still "heute"). No date is
  frozen into the HTML; without JavaScript the rule alone stays ("Jeden Mittwoch …").
- ``{treffen-kalender}``: "Zum Kalender hinzufügen" (download ``treffen.ics``) and
  "Abonnieren" (``webcal://``, only when the site's canonical base URL is known).
- ``oklab_meeting`` in the template context: the footer's text and addresses.
"""

from __future__ import annotations

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from . import __version__
from .calendar import CALENDAR_FILE, webcal_url
from .cards import Card, action_button, grid, paragraph
from .escape import text
from .htmlnodes import load_upcoming_script
from .i18n import _
from .labdata import lab
from .models import Meeting
from .phrases import end_time, invitation, rule, summary
from .urls import map_search_url, output_file_reference


def map_url(meeting: Meeting) -> str:
    """A search for the address on OpenStreetMap: a plain link, no embedded map."""
    return map_search_url(meeting.address)


class next_meeting(nodes.General, nodes.Element):  # noqa: N801 (docutils node naming)
    """The meeting rule plus the data and texts the next-meeting script needs."""


def next_meeting_node(meeting: Meeting, language: str | None) -> next_meeting:
    node = next_meeting(
        weekday=str(meeting.weekday_index + 1),  # ISO 8601: 1 = Monday … 7 = Sunday
        start=f"{meeting.start:%H:%M}",
        end=f"{meeting.end:%H:%M}",
        timezone=meeting.timezone,
        locale=language or "de",
        # What the script writes; {date} is the meeting's date in the reader's language.
        label=_("Nächstes Treffen:"),
        today=_("heute, {date}"),
        tomorrow=_("morgen, {date}"),
        running=_("heute, {date} – läuft gerade bis {end}").replace(
            "{end}", end_time(meeting, language)
        ),
    )
    node += nodes.paragraph("", "", nodes.strong("", "", text(rule(meeting, language))))
    return node


DATA_ATTRIBUTES = (
    "weekday",
    "start",
    "end",
    "timezone",
    "locale",
    "label",
    "today",
    "tomorrow",
    "running",
)


def visit_next_meeting_html(self, node: next_meeting) -> None:
    data = {f"data-{key}": node[key] for key in DATA_ATTRIBUTES}
    self.body.append(self.starttag(node, "div", CLASS="oklab-next-meeting", **data))


def depart_next_meeting_html(self, node: next_meeting) -> None:
    self.body.append("</div>\n")


def _pass(self, node: nodes.Node) -> None:
    """Other builders (text, LaTeX …) show the rule as plain content."""


class MeetingCard(SphinxDirective):
    """``{treffen}``: the meeting card, identical on every page that shows it."""

    option_spec = {"link": directives.unchanged}

    def run(self) -> list[nodes.Node]:
        meeting = lab(self.config).meeting
        link = self.options.get("link", "")
        body: list[nodes.Node] = [paragraph(text(meeting.full_place))]
        if not link:
            osm = _("Karte auf OpenStreetMap")
            body.append(paragraph(nodes.reference("", "", text(osm), refuri=map_url(meeting))))
        body.append(paragraph(text(invitation())))
        card = Card(
            _("Offenes Treffen"),
            link=link,
            link_type="doc",
            icon="calendar",
            css_class="oklab-meeting",
            body=[next_meeting_node(meeting, self.config.language), *body],
        )
        return [grid([card], self.env.srcdir, self.env.docname, columns="1")]


class CalendarLinks(SphinxDirective):
    """``{treffen-kalender}``: download and subscribe to the meeting's calendar file.

    The buttons are the site's call-to-action buttons (``oklab-cta`` in a ``oklab-cta-row``).
    """

    has_content = False

    def run(self) -> list[nodes.Node]:
        # Built from the catalog (``_``) already: not a text of the page's own catalog.
        actions = nodes.paragraph(classes=["oklab-cta-row"], translatable=False)
        download = output_file_reference(CALENDAR_FILE, "", classes=["oklab-calendar-download"])
        actions += action_button(download, "download", _("Zum Kalender hinzufügen"))
        webcal = webcal_url(self.config)
        if webcal:
            actions += nodes.Text(" ")
            subscribe = nodes.reference("", "", refuri=webcal, classes=["oklab-calendar-subscribe"])
            actions += action_button(subscribe, "sync", _("Abonnieren"), primary=False)
        return [actions]


def add_meeting_context(
    app: Sphinx, pagename: str, templatename: str, context: dict, doctree
) -> None:
    data = lab(app.config)
    if data is None:
        return
    meeting = data.meeting
    context["oklab_meeting"] = {
        "summary": summary(meeting, app.config.language),
        "place": meeting.full_place,
    }
    if doctree is not None and next(doctree.findall(next_meeting), None) is not None:
        load_upcoming_script(app)


def setup(app: Sphinx) -> dict:
    app.setup_extension("oklab.calendar")
    app.setup_extension("oklab.cards")
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
