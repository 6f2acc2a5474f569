"""The lab's facts from ``_data/lab.yaml``: validated once, then shown everywhere.

- ``{{ treffen_… }}`` substitutions for running text (MyST ``substitution`` extension)
- ``{kontakte}`` and ``{links}`` directives: contact and link cards (a link's ``rel`` from the
  data, e.g. ``rel: me`` for Mastodon, lands on the card's ``<a>``)
- ``oklab`` in the HTML template context (footer): the validated ``Lab``; ``oklab.meeting``
  offers ready-made texts (``summary``, ``time_text``, ``start_text``, ``full_place``, …)

The validated data is stored in the config value ``oklab_lab``: when the file changes,
Sphinx sees a changed configuration and re-reads every page.
"""

from __future__ import annotations

import re
from datetime import time
from pathlib import Path
from typing import Literal
from urllib.parse import urlencode
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from docutils import nodes
from pydantic import Field, ValidationInfo, field_validator
from sphinx.application import Sphinx
from sphinx.config import Config

from . import __version__
from .cards import Card, MarkdownDirective, grid, icon_svg, unknown_icon
from .errors import abort, load_yaml_file, validate
from .legal import Operator
from .schema import EMAIL, POSTCODE, Strict, WebAddress

WEEKDAYS = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"]
# The same days as iCalendar (RRULE BYDAY) and schema.org name them.
ICAL_DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
SCHEMA_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
OSM_SEARCH = "https://www.openstreetmap.org/search"


class Meeting(Strict):
    weekday: Literal[tuple(WEEKDAYS)]  # type: ignore[valid-type]
    start: time
    end: time
    timezone: str
    place: str
    street: str
    postcode: str = Field(pattern=POSTCODE)
    city: str
    country: str = "DE"

    @field_validator("timezone")
    @classmethod
    def known_timezone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            message = f"unbekannte Zeitzone {value!r} (zum Beispiel Europe/Berlin)"
            raise ValueError(message) from None
        return value

    @field_validator("end")
    @classmethod
    def ends_after_start(cls, end: time, info: ValidationInfo) -> time:
        start = info.data.get("start")
        if start is not None and end <= start:
            raise ValueError(f"das Ende ({end:%H:%M}) muss nach dem Beginn ({start:%H:%M}) liegen")
        return end

    @property
    def weekday_index(self) -> int:
        """0 for Monday … 6 for Sunday (Python's ``date.weekday()``)."""
        return WEEKDAYS.index(self.weekday)

    @property
    def ical_day(self) -> str:
        return ICAL_DAYS[self.weekday_index]

    @property
    def schema_day(self) -> str:
        return f"https://schema.org/{SCHEMA_DAYS[self.weekday_index]}"

    @property
    def start_text(self) -> str:
        return hour(self.start)

    @property
    def end_text(self) -> str:
        return hour(self.end)

    @property
    def time_text(self) -> str:
        """``18–21 Uhr``"""
        return f"{self.start_text}–{self.end_text} Uhr"

    @property
    def summary(self) -> str:
        """``jeden Mittwoch, 18–21 Uhr``"""
        return f"jeden {self.weekday}, {self.time_text}"

    @property
    def address(self) -> str:
        return f"{self.street}, {self.postcode} {self.city}"

    @property
    def full_place(self) -> str:
        return f"{self.place}, {self.address}"

    @property
    def map_url(self) -> str:
        """A search for the address on OpenStreetMap: a plain link, no embedded map."""
        return f"{OSM_SEARCH}?{urlencode({'query': self.address})}"


class Contact(Strict):
    name: str
    email: str = Field(pattern=EMAIL)
    general: bool = False  # the lab's general address (structured data names it)


class Link(Strict):
    name: str
    url: WebAddress
    icon: str = "link-external"
    rel: str | None = None

    @field_validator("icon")
    @classmethod
    def known_icon(cls, value: str, info: ValidationInfo) -> str:
        srcdir = (info.context or {}).get("srcdir")
        if srcdir is not None and icon_svg(srcdir, value) is None:
            raise ValueError(unknown_icon(value))
        return value


class Network(Strict):
    name: str
    initiator: str
    url: WebAddress


class Lab(Strict):
    name: str
    tagline: str
    network: Network
    association: str
    meeting: Meeting
    contacts: list[Contact]
    links: list[Link]
    operator: Operator = Operator()  # Impressum/Datenschutz, checked by oklab.legal

    @property
    def email(self) -> str | None:
        """The general contact address, if the data marks one (``general: true``)."""
        return next((c.email for c in self.contacts if c.general), None)


def hour(value: time) -> str:
    """18:00 -> "18", 18:30 -> "18:30" (as Germans say meeting times)."""
    return f"{value:%H}".lstrip("0") or "0" if value.minute == 0 else f"{value:%H:%M}"


def substitute(text: str, config: Config) -> str:
    """``{{ treffen_tag }}`` etc. in text that MyST does not parse (front-matter descriptions)."""
    values = config.myst_substitutions
    return re.sub(r"\{\{\s*(\w+)\s*\}\}", lambda m: str(values.get(m[1], m[0])), text)


def lab(config: Config) -> Lab:
    return Lab.model_validate(config.oklab_lab)


def load_lab_data(app: Sphinx, config: Config) -> None:
    path = Path(app.srcdir) / config.oklab_data_file
    doc, problems = load_yaml_file(path)
    data = None
    if doc is not None:
        data, problems = validate(Lab, doc, path, srcdir=app.srcdir)
    if data is None:
        abort(app, problems, f"Der Bau bricht ab: {config.oklab_data_file} enthält Fehler.")
    config.oklab_lab = data.model_dump(mode="json")
    meeting = data.meeting
    config.myst_substitutions = {
        **config.myst_substitutions,
        "treffen_tag": meeting.weekday,
        "treffen_beginn": hour(meeting.start),
        "treffen_ende": hour(meeting.end),
        "treffen_ort": meeting.place,
        "treffen_adresse": meeting.full_place,
    }


class ContactCards(MarkdownDirective):
    """``{kontakte}``: one mail card per contact."""

    def markdown(self) -> str:
        contacts = lab(self.config).contacts
        return grid(
            [
                Card(c.name, c.email, f"mailto:{c.email}", "mail", css_class="oklab-contact")
                for c in contacts
            ]
        )


class LinkCards(MarkdownDirective):
    """``{links}``: one card per link of the lab (website, social media, source code)."""

    def markdown(self) -> str:
        links = lab(self.config).links
        return grid(
            [
                Card(link.name, _host(link.url), link.url, link.icon, css_class="oklab-link")
                for link in links
            ],
            columns="1 2 2 2",
        )

    def run(self) -> list[nodes.Node]:
        result = super().run()
        rels = {link.url: link.rel for link in lab(self.config).links if link.rel}
        for node in result:
            for ref in node.findall(nodes.reference):
                if ref.get("refuri") in rels:
                    add_rel(ref, rels[ref["refuri"]])
        return result


def add_rel(node: nodes.reference, *values: str) -> None:
    """Add tokens to a link's ``rel`` (Sphinx's HTML writer prints ``node["rel"]``).

    Keeps tokens already there, so other code can add e.g. ``noopener`` to ``me``.
    """
    tokens = node.get("rel", "").split()
    for value in values:
        tokens += [token for token in value.split() if token not in tokens]
    node["rel"] = " ".join(tokens)


def _host(url: str) -> str:
    return url.split("://", 1)[-1].rstrip("/")


def add_template_context(
    app: Sphinx, pagename: str, templatename: str, context: dict, doctree
) -> None:
    context["oklab"] = lab(app.config)


def setup(app: Sphinx) -> dict:
    app.setup_extension("oklab.cards")
    app.add_config_value("oklab_data_file", "_data/lab.yaml", "env", types=[str])
    app.add_config_value("oklab_lab", {}, "env", types=[dict])
    # The page that presents the meeting (card, calendar, map); calendar and cards link to it.
    app.add_config_value("oklab_meeting_page", "kontakt/index", "env", types=[str])
    app.connect("config-inited", load_lab_data)
    app.connect("html-page-context", add_template_context)
    app.add_directive("kontakte", ContactCards)
    app.add_directive("links", LinkCards)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
