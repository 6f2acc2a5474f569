"""Events: any page may describe one in its front matter (``event:``, ``models.Event``).

- The page shows an event box under its heading: when ("Samstag, 1. März 2025, 10–21 Uhr",
  Babel and the catalog), where (only what is known: a place without a street gets no map
  link; with one, a search on OpenStreetMap like the meeting's), the event's own website, and
  "Zum Kalender hinzufügen": the event as its own calendar file (``calendar_file``, written
  by ``calendar``, which also puts every event into the subscribable ``treffen.ics``).
- ``{termine}``: every event with its date, the one that ends last first, on numbered pages
  (``listpages.numbered_pages``, ``oklab_cards_per_page`` each: ``/termine/``,
  ``/termine/seite/2/`` …), so the page stays within the budget however many events there are.
  Ordered by end, the events that have not ended always come first, whenever the reader looks:
  the coming ones are on the first page (if more are coming than fit there, the second page
  begins with the rest). Whether an event is still to come is decided in the reader's browser
  (``static/upcoming.js``), as for the next meeting, and on the first page only: the script
  lists the coming events first (soonest first) under headings whose texts the build writes
  into data attributes, and says when more are coming on page 2 (before ``data-later-end``,
  the last end on the further pages); it holds no word of its own.
  Without JavaScript every event stays listed with its date, and nothing claims to be
  upcoming. The further pages are an archive: cards with dates, no script.
- ``{naechster-termin}``: the next event on the start page. The build writes the events that
  start last as hidden cards; the script shows the first that has not ended, if it can be
  sure that no event missing from the page comes earlier. An ended event is never shown;
  without JavaScript nothing is.
- Structured data (an ``Event`` per page, ``structured_data``) and the calendars read
  ``all_events``.
"""

from __future__ import annotations

from dataclasses import dataclass

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util.docutils import SphinxDirective

from . import __version__
from .cards import Card, action_button, grid, paragraph
from .escape import text
from .frontmatter import is_broken, page_meta
from .htmlnodes import html_element, load_upcoming_script, time_element
from .i18n import _, full_date
from .listpages import (
    GeneratedPage,
    add_list_kind,
    list_node,
    numbered_pagename,
    numbered_pages,
    page_links,
    pages_with_list,
    split,
)
from .models import Event
from .phrases import hour, hours
from .urls import generated_page_reference, map_search_url, output_file_reference

EVENTS_LIST, NEXT_EVENT = "events", "next-event"
# The start page carries the events that start last, so its size does not grow with them.
NEXT_EVENT_CANDIDATES = 5


@dataclass(frozen=True)
class EventPage:
    """A page that describes an event."""

    docname: str
    title: str
    description: str
    event: Event


def all_events(env: BuildEnvironment) -> list[EventPage]:
    """Every event of the site, the earliest start first (ties by page)."""
    found = []
    for docname in env.found_docs:
        page = page_meta(env, docname)
        event = getattr(page, "event", None)
        if event is None or is_broken(env, docname):
            continue
        description = getattr(page, "description", None) or ""
        found.append(EventPage(docname, page.title, description, event))
    return sorted(found, key=lambda e: (e.event.starts, e.docname))


def calendar_file(docname: str) -> str:
    """The event's own calendar file in the output: ``neuigkeiten/open-data-day.ics``."""
    return f"{docname}.ics"


# -- What the reader sees ------------------------------------------------------------------------


def when(event: Event, language: str | None) -> str:
    """ "Samstag, 1. März 2025, 10–21 Uhr" (or from one day to another)."""
    start, end = event.start, event.end
    if start.date() == end.date():
        return _("{date}, {hours}").format(
            date=full_date(start.date(), language), hours=hours(start.time(), end.time(), language)
        )
    return _("{start_date}, {start} Uhr – {end_date}, {end} Uhr").format(
        start_date=full_date(start.date(), language),
        start=hour(start.time(), language),
        end_date=full_date(end.date(), language),
        end=hour(end.time(), language),
    )


def where(event: Event) -> str:
    """ "Aktivitetshuset, Norderstraße 49, 24939 Flensburg", "Flensburg", "online" …"""
    if event.place is None:
        return _("online")
    if event.online:
        return _("{place} und online").format(place=event.place.full)
    return event.place.full


def when_node(event: Event, language: str | None) -> nodes.Element:
    return time_element(text(when(event, language)), event.starts.isoformat())


def _field(name: str, *content: nodes.Node) -> nodes.field:
    body = nodes.field_body("", nodes.paragraph("", "", *content))
    return nodes.field("", nodes.field_name(name, name), body)


def _host(url: str) -> str:
    return url.split("://", 1)[-1].rstrip("/")


def event_box(docname: str, event: Event, language: str | None) -> nodes.container:
    """The box under a page's heading: when, where, the event's website, the calendar file."""
    fields = nodes.field_list(classes=["oklab-facts-list"])
    fields += _field(_("Wann"), when_node(event, language))
    place: list[nodes.Node] = [text(where(event))]
    if event.place is not None and event.place.street:
        osm = _("Karte auf OpenStreetMap")
        place += [nodes.Text(" · "), nodes.reference("", "", text(osm), refuri=map_url(event))]
    fields += _field(_("Wo"), *place)
    if event.url:
        fields += _field(
            _("Website"), nodes.reference("", "", text(_host(event.url)), refuri=event.url)
        )
    box = nodes.container(classes=["oklab-facts", "oklab-event-box"])
    title = nodes.paragraph("", "", nodes.strong("", "", text(_("Termin"))))
    title["classes"] = ["oklab-event-box-title"]
    box += title
    box += fields
    download = output_file_reference(calendar_file(docname), "", classes=["oklab-event-calendar"])
    box += nodes.paragraph(
        "",
        "",
        action_button(download, "download", _("Zum Kalender hinzufügen")),
        classes=["oklab-cta-row"],
    )
    return box


def map_url(event: Event) -> str:
    return map_search_url(event.place.address if event.place else "")


# Boxes that the site puts under a page's heading before the event box.
HEAD_BOXES = {"oklab-facts", "oklab-post-header"}


def add_event_box(app: Sphinx, doctree: nodes.document) -> None:
    docname = app.env.docname
    event = getattr(page_meta(app.env, docname), "event", None)
    if event is None or is_broken(app.env, docname):
        return
    box = event_box(docname, event, app.config.language)
    section = next(iter(doctree.findall(nodes.section)), None)
    if section is None or not isinstance(section[0], nodes.title):
        doctree.insert(0, box)
        return
    index = 1
    while index < len(section) and HEAD_BOXES & set(section[index].get("classes", [])):
        index += 1
    section.insert(index, box)


# -- Lists: all events, the next event -------------------------------------------------------------


def event_card(event_page: EventPage, language: str | None, *first: nodes.Node) -> Card:
    event = event_page.event
    return Card(
        title=event_page.title,
        link=f"/{event_page.docname}",
        link_type="doc",
        icon="calendar",
        css_class="oklab-event",
        body=[paragraph(*first, when_node(event, language)), paragraph(text(where(event)))],
    )


def _dated(event: Event, *children: nodes.Node, **options) -> nodes.Element:
    """An element the script can place in time: start and end as instants."""
    return html_element(
        "div",
        *children,
        data_start=event.starts.isoformat(),
        data_end=event.ends.isoformat(),
        **options,
    )


def latest_first(events: list[EventPage]) -> list[EventPage]:
    """The order of Termine: the event that ends last first (ties: the later start first,
    then by page). In this order the events that have not ended are always the first ones,
    whenever the reader looks: the coming events are on the first page, and if there are more
    than fit on one, the next page begins with the rest."""
    return sorted(events, key=lambda e: (e.event.ends, e.event.starts), reverse=True)


def events_parts(env: BuildEnvironment) -> list[list[EventPage]]:
    """The events of Termine page by page (``oklab_cards_per_page`` each)."""
    return split(latest_first(all_events(env)), env.config.oklab_cards_per_page)


def events_grid(env: BuildEnvironment, events: list[EventPage], pagename: str) -> nodes.Node:
    """The events as cards, each in an element with its start and end for the script."""
    language = env.config.language
    container = grid([event_card(e, language) for e in events], env.srcdir, pagename, "1 1 2 2")
    row = container[0]
    for index, (column, event_page) in enumerate(zip(row.children, events, strict=True)):
        row[index] = _dated(event_page.event, *column.children, classes=column["classes"])
    return container


def fill_events(env: BuildEnvironment, node, docname: str) -> list[nodes.Node]:
    """``{termine}``: the first page of events, latest first, for the script to sort into
    coming and past, and the links to the further pages (``events_pages``)."""
    parts = events_parts(env)
    if not parts[0]:
        return [nodes.paragraph("", "", text(_("Zurzeit sind keine Termine eingetragen.")))]
    texts = {
        "data_upcoming": _("Kommende Termine"),
        "data_past": _("Vergangene Termine"),
        "data_none": _("Zurzeit ist kein weiterer Termin angekündigt."),
    }
    shown = [events_grid(env, parts[0], docname)]
    if len(parts) > 1:
        # Until the last of the later pages' events has ended, some of them are still to come.
        later = max(e.event.ends for part in parts[1:] for e in part)
        texts["data_later_end"] = later.isoformat()
        more = _(
            "Nicht alle kommenden Termine passen auf diese Seite: weitere findest du auf Seite 2."
        )
        link = generated_page_reference(numbered_pagename(docname, 2), text(more))
        note = nodes.paragraph("", "", link)
        shown.append(html_element("div", note, classes=["oklab-events-more"], hidden=True))
    return [
        html_element("div", *shown, classes=["oklab-events"], **texts),
        *page_links(docname, len(parts), 1),
    ]


def events_pages(app: Sphinx) -> list[GeneratedPage]:
    """The further pages of every page that lists the events (``/termine/seite/2/`` …): the
    older events, as cards with their dates, without the script."""
    env = app.env
    parts = events_parts(env)
    pages = []
    for docname in sorted(pages_with_list(env, EVENTS_LIST)):
        page = page_meta(env, docname)

        def content(pagename: str, events: list[EventPage], links: list[nodes.Node]):
            cards = events_grid(env, events, pagename)
            return [html_element("div", cards, classes=["oklab-events"]), *links]

        pages += numbered_pages(
            docname,
            parts,
            title=getattr(page, "title", None) or _("Termine"),
            description=getattr(page, "description", None) or "",
            content=content,
            signature=lambda events: [(e.docname, e.title, e.event) for e in events],
            section=docname,
            kind="Termine",
        )[1:]
    return pages


def fill_next_event(env: BuildEnvironment, node, docname: str) -> list[nodes.Node]:
    """``{naechster-termin}``: the events that start last, hidden; the script shows one."""
    events = all_events(env)
    candidates = events[-NEXT_EVENT_CANDIDATES:]
    if not candidates:
        return []
    language = env.config.language
    boxes = []
    for event_page in candidates:
        label = html_element(
            "span",
            text(_("Nächster Termin:")),
            classes=["oklab-next-event-label"],
            data_running=_("Läuft gerade:"),
        )
        card = event_card(event_page, language, label, nodes.Text(" "))
        shown = grid([card], env.srcdir, docname, "1")
        boxes.append(_dated(event_page.event, shown, hidden=True))
    complete = "true" if len(events) == len(candidates) else "false"
    return [
        html_element(
            "div", *boxes, classes=["oklab-next-event"], hidden=True, data_complete=complete
        )
    ]


def events_signature(env: BuildEnvironment) -> tuple:
    return tuple((e.docname, e.title, e.event) for e in all_events(env))


class EventsList(SphinxDirective):
    """``{termine}``: every event (coming first, decided in the reader's browser)."""

    def run(self) -> list[nodes.Node]:
        return [list_node(self.env, EVENTS_LIST)]


class NextEvent(SphinxDirective):
    """``{naechster-termin}``: the next event (start page), shown by the reader's browser."""

    def run(self) -> list[nodes.Node]:
        return [list_node(self.env, NEXT_EVENT)]


def add_script(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    if doctree is None:
        return
    for node in doctree.findall(nodes.Element):
        if {"oklab-events", "oklab-next-event"} & set(node.get("classes", [])):
            load_upcoming_script(app)
            return


def setup(app: Sphinx) -> dict:
    app.setup_extension("oklab.htmlnodes")
    app.setup_extension("oklab.listpages")
    app.setup_extension("oklab.urls")
    add_list_kind(EVENTS_LIST, fill_events, events_signature)
    add_list_kind(NEXT_EVENT, fill_next_event, events_signature)
    app.add_directive("termine", EventsList)
    app.add_directive("naechster-termin", NextEvent)
    # After the facts box and a post's header (400), before Sphinx's collectors (500).
    app.connect("doctree-read", add_event_box, priority=410)
    app.connect("html-page-context", add_script)
    app.connect("oklab-generated-pages", events_pages)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
