"""Every schema of the site in one place, with no Sphinx import: it can be read and tested alone.

- page, project and post front matter (``Page``, ``Project``, ``Post``), the project statuses
  and their order; an event any page may describe (``Event`` with its ``Place``);
- the lab's data file ``_data/lab.yaml`` (``Lab`` with ``Meeting``, ``Contact``, ``Link``,
  ``Network``, ``Operator``).

Validation errors are German sentences for editors (``messages``); ``errors`` turns them into
``datei.md:ZEILE: ERROR: Feld „…“: …``. Unknown fields are always mistakes (typos).
"""

from __future__ import annotations

import datetime
import re
from typing import Annotated, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictBool,
    StrictInt,
    StringConstraints,
    ValidationInfo,
    field_validator,
    model_validator,
)

from . import messages
from .paths import correct_spelling, image_file

# -- Building blocks ---------------------------------------------------------------------------


class Strict(BaseModel):
    """Unknown fields are mistakes (typos), never silently ignored."""

    model_config = ConfigDict(extra="forbid", frozen=True)


# Values with a form: field -> (the form, what an editor is told when a value lacks it).
FORMATS = {
    "postcode": (re.compile(r"^\d{5}$"), messages.POSTCODE),  # a German postcode
    "email": (re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$"), messages.NOT_AN_EMAIL),
}


def format_problem(kind: str, value: str) -> str | None:
    """What is wrong with ``value`` as a ``kind`` (``FORMATS``), or None."""
    form, problem = FORMATS[kind]
    return None if form.match(value) else f"{problem}, gefunden: {value!r}"


def _has_form(kind: str) -> AfterValidator:
    def check(value: str) -> str:
        if problem := format_problem(kind, value):
            raise ValueError(problem)
        return value

    return AfterValidator(check)


Postcode = Annotated[str, _has_form("postcode")]
EmailAddress = Annotated[str, _has_form("email")]

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class Translatable:
    """Marks a field whose text readers see: it goes through the page's catalog (``translations``:
    extracted by ``make catalogs``, shown in the reader's language)."""


# Text a reader sees (a title, a description, a link's name): translated per language.
Prose = Annotated[Text, Translatable()]
OptionalProse = Annotated[Text | None, Translatable()]


def translatable_fields(model: BaseModel) -> list[tuple[str, object]]:
    """``[(field name, value), …]`` of the fields marked ``Translatable`` that are set."""
    found = []
    for name, info in type(model).model_fields.items():
        if any(isinstance(meta, Translatable) for meta in info.metadata):
            value = getattr(model, name)
            if value is not None:
                found.append((name, value))
    return found


def translatable_texts(model: BaseModel) -> list[str]:
    """Every text of ``model`` that readers see, nested models (e.g. links) included."""
    texts = [value for _, value in translatable_fields(model)]
    for name in type(model).model_fields:
        value = getattr(model, name)
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, BaseModel):
                texts += translatable_texts(item)
    return texts


def translated(model, gettext):
    """A copy of ``model`` with every ``Translatable`` text passed through ``gettext``."""
    if not isinstance(model, BaseModel):
        return model
    changes = {name: gettext(value) for name, value in translatable_fields(model)}
    for name in type(model).model_fields:
        value = getattr(model, name)
        if isinstance(value, list) and any(isinstance(item, BaseModel) for item in value):
            changes[name] = [translated(item, gettext) for item in value]
        elif isinstance(value, BaseModel):
            changes[name] = translated(value, gettext)
    return model.model_copy(update=changes)


def is_web_address(value: str) -> bool:
    """An address on the web (``https://…``), as opposed to a file or page of this site."""
    return value.startswith(("https://", "http://"))


def _web_address(value: str) -> str:
    if not is_web_address(value) or " " in value or "." not in value:
        raise ValueError(messages.WEB_ADDRESS.format(value=value))
    return value


# Kept as written (no normalisation), so pages show exactly the address in the file.
WebAddress = Annotated[str, AfterValidator(_web_address)]


# -- Page and project front matter -------------------------------------------------------------

# The project statuses in catalogue order, each with its label. The labels are German (the
# site's source language) and msgids of the catalog, which says them in the reader's language.
STATUSES = {
    "seeking": "sucht Mitwirkende",
    "active": "in Arbeit",
    "finished": "abgeschlossen",
}
# The lab's older Nuxt site wrote the status as German text; its pages build unchanged.
OLDER_SITE_STATUSES = {
    "Sucht ehrenamtlich Engagierte": "seeking",
    "In Arbeit": "active",
    "Abgeschlossen": "finished",
}
_STATUS_WORDS = {
    phrase.casefold(): status
    for phrase, status in [*OLDER_SITE_STATUSES.items(), *((v, k) for k, v in STATUSES.items())]
}


def _known_timezone(value: str) -> str:
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(messages.TIMEZONE.format(value=value)) from None
    return value


TimeZoneName = Annotated[str, AfterValidator(_known_timezone)]
_LOCAL_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}$")


def _local_date_time(value):
    """``2025-03-01 10:00`` (or ``2025-03-01T10:00``): a date and a time on the local clock."""
    if isinstance(value, datetime.datetime):
        return value
    text = str(value).strip()
    if not _LOCAL_TIME.match(text):
        raise ValueError(messages.DATE_TIME_FORMAT.format(value=value))
    try:
        return datetime.datetime.fromisoformat(text.replace(" ", "T"))
    except ValueError:
        raise ValueError(messages.DATE_TIME_IMPOSSIBLE.format(value=value)) from None


LocalDateTime = Annotated[datetime.datetime, BeforeValidator(_local_date_time)]


class Place(Strict):
    """Where an event takes place: only what is known (at least a name or a city)."""

    name: Text | None = None
    street: Text | None = None
    postcode: Postcode | None = None
    city: Text | None = None
    country: str = "DE"

    @field_validator("postcode", mode="before")
    @classmethod
    def postcode_as_text(cls, value):
        return str(value) if isinstance(value, int) else value

    @model_validator(mode="after")
    def something_known(self) -> Place:
        if not (self.name or self.city):
            raise ValueError(messages.PLACE_EMPTY)
        return self

    @property
    def address(self) -> str:
        """ "Norderstraße 49, 24939 Flensburg", as far as known."""
        town = " ".join(filter(None, [self.postcode, self.city]))
        return ", ".join(filter(None, [self.street, town]))

    @property
    def full(self) -> str:
        return ", ".join(filter(None, [self.name, self.address]))


class Event(Strict):
    """An event a page describes (``event:``): times on the local clock of ``timezone``."""

    timezone: TimeZoneName = "Europe/Berlin"
    start: LocalDateTime
    end: LocalDateTime
    place: Place | None = None
    online: StrictBool = False
    url: WebAddress | None = None  # registration or programme

    @field_validator("start", "end")
    @classmethod
    def exists_on_the_local_clock(cls, value: datetime.datetime, info: ValidationInfo):
        zone = ZoneInfo(info.data.get("timezone") or "Europe/Berlin")
        there = value.replace(tzinfo=zone)
        if there.astimezone(datetime.UTC).astimezone(zone).replace(tzinfo=None) != value:
            raise ValueError(messages.TIME_IN_GAP.format(value=value, zone=zone.key))
        return value

    @field_validator("end")
    @classmethod
    def ends_after_start(cls, end: datetime.datetime, info: ValidationInfo):
        start = info.data.get("start")
        if start is not None and end <= start:
            raise ValueError(messages.EVENT_END_BEFORE_START.format(end=end, start=start))
        return end

    @model_validator(mode="after")
    def somewhere(self) -> Event:
        if self.place is None and not self.online:
            raise ValueError(messages.EVENT_PLACE_MISSING)
        return self

    @property
    def starts(self) -> datetime.datetime:
        """The start as an instant (with the time zone's offset on that day)."""
        return self.start.replace(tzinfo=ZoneInfo(self.timezone))

    @property
    def ends(self) -> datetime.datetime:
        return self.end.replace(tzinfo=ZoneInfo(self.timezone))


class MystSettings(Strict):
    """The ``myst:`` block MyST understands; we use it for extra ``<meta>`` tags."""

    html_meta: dict[str, str] = {}
    substitutions: dict[str, str] = {}


class Page(Strict):
    """Front matter of every page. Keys Sphinx, MyST and Furo understand are allowed too."""

    model_config = ConfigDict(populate_by_name=True)

    title: Prose
    navOrder: StrictInt | None = None
    navigation: StrictBool = True
    image: str | None = None
    description: OptionalProse = None
    # understood by Furo / Sphinx / MyST themselves
    hide_toc: StrictBool = Field(False, alias="hide-toc")
    orphan: StrictBool = False
    nosearch: StrictBool = False
    myst: MystSettings | None = None
    event: Event | None = None

    @field_validator("image")
    @classmethod
    def image_exists(cls, value: str | None, info: ValidationInfo) -> str | None:
        if value is None or is_web_address(value):
            return value  # another host: only ever used for social previews, never loaded
        if "://" in value or value.startswith(("//", "data:")):
            raise ValueError(messages.IMAGE_FORM.format(value=value))
        context = info.context or {}
        if "page" not in context:
            return value
        page, srcdir = context["page"], context["srcdir"]
        if (actual := correct_spelling(page, srcdir, value)) is not None:
            raise ValueError(messages.NAME_CASE.format(actual=actual, written=value))
        if image_file(page, srcdir, value) is None:
            raise ValueError(messages.IMAGE_MISSING.format(value=value))
        return value


# What a project's link points to (``kind:``): the exports (``opendata``) sort links by it.
LINK_KINDS = ("website", "data")


class ProjectLink(Strict):
    name: Prose
    url: WebAddress
    kind: str | None = None  # "website" or "data" (a data source); without: another link

    @field_validator("kind")
    @classmethod
    def known_kind(cls, value: str | None) -> str | None:
        if value is not None and value not in LINK_KINDS:
            raise ValueError(
                messages.UNKNOWN_VALUE.format(value=value, allowed=", ".join(LINK_KINDS))
            )
        return value


class Collaborator(Strict):
    name: Text


def _repository(value: str) -> str:
    if is_web_address(value):
        return value
    if not value or not all(c.isalnum() or c in "-_." for c in value):
        raise ValueError(messages.REPOSITORY.format(value=value))
    return value


def _date_as_text(value):
    # YAML dates stay text (see yamlsource); a number like 20240115 is not a date.
    if isinstance(value, (int, float)):
        raise ValueError(messages.DATE_FORMAT.format(value=value))
    return value


def _known_status(value):
    """A status phrase of the older site, or a status label, as the status value."""
    if isinstance(value, str):
        return _STATUS_WORDS.get(value.strip().casefold(), value)
    return value


class Project(Page):
    """Front matter of a project page (compatible with the lab's older Nuxt site).

    ``date`` is the day the project was first presented; ``tags`` are its topics (the first
    one with a signet gives the project its picture); ``technologies`` what it is built with.
    Without ``description``, the site takes it from the page's first paragraph
    (``frontmatter``); the status may be a phrase of the older site ("In Arbeit").
    """

    status: Annotated[str, BeforeValidator(_known_status)] | None = None
    date: Annotated[datetime.date, BeforeValidator(_date_as_text)] | None = None
    tags: list[Text] = []
    technologies: list[Text] = []
    links: list[ProjectLink] = []
    collaborators: list[Collaborator] = []
    repo: Annotated[str, AfterValidator(_repository)] | None = None

    @field_validator("status")
    @classmethod
    def known_status(cls, value: str | None) -> str | None:
        if value is not None and value not in STATUSES:
            allowed = ", ".join(f"{key} ({label})" for key, label in STATUSES.items())
            phrases = ", ".join(f"„{phrase}“" for phrase in OLDER_SITE_STATUSES)
            raise ValueError(
                messages.UNKNOWN_STATUS.format(value=value, allowed=allowed, phrases=phrases)
            )
        return value

    def repository_url(self, organisation: str | None) -> str | None:
        """The repository's address: ``repo`` as written, or a name below ``organisation``."""
        if self.repo is None or is_web_address(self.repo):
            return self.repo
        if organisation is None:
            return None
        return f"{organisation.rstrip('/')}/{self.repo}"


class Post(Page):
    """Front matter of a post in the news folder (compatible with the older Nuxt site's blog:
    ``navigation: false`` is accepted; posts are never listed in the menu anyway)."""

    date: Annotated[datetime.date, BeforeValidator(_date_as_text)]
    tags: list[Text] = []
    author: Text | None = None


# -- The lab's data file -----------------------------------------------------------------------

# Editors write the meeting day in German; code uses its index (0 = Monday, as Python's
# ``date.weekday()``) and prints it in the reader's language with Babel.
WEEKDAYS_DE = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"]


class Meeting(Strict):
    weekday: Literal[tuple(WEEKDAYS_DE)]  # type: ignore[valid-type]
    start: datetime.time
    end: datetime.time
    timezone: TimeZoneName
    place: Annotated[str, Translatable()]
    street: str
    postcode: Postcode
    city: str
    country: str = "DE"

    @field_validator("end")
    @classmethod
    def ends_after_start(cls, end: datetime.time, info: ValidationInfo) -> datetime.time:
        start = info.data.get("start")
        if start is not None and end <= start:
            raise ValueError(messages.END_BEFORE_START.format(end=end, start=start))
        return end

    @property
    def weekday_index(self) -> int:
        """0 for Monday … 6 for Sunday (Python's ``date.weekday()``)."""
        return WEEKDAYS_DE.index(self.weekday)

    @property
    def address(self) -> str:
        return f"{self.street}, {self.postcode} {self.city}"

    @property
    def full_place(self) -> str:
        return f"{self.place}, {self.address}"


class Contact(Strict):
    name: Annotated[str, Translatable()]
    email: EmailAddress
    general: bool = False  # the lab's general address (structured data names it)


class Link(Strict):
    name: Annotated[str, Translatable()]
    url: WebAddress
    icon: str = "link-external"
    rel: str | None = None
    # The lab's source code: the footer's "source code" link, and the address below which
    # a project's ``repo:`` name is a repository.
    code: bool = False

    @field_validator("icon")
    @classmethod
    def known_icon(cls, value: str, info: ValidationInfo) -> str:
        icon_exists = (info.context or {}).get("icon_exists")
        if icon_exists is not None and not icon_exists(value):
            raise ValueError(messages.unknown_icon(value))
        return value


class Network(Strict):
    name: str
    initiator: str
    url: WebAddress


# What a reader of the Impressum needs, in the order it is shown: field -> German label.
OPERATOR_FIELDS = {
    "name": "Name der verantwortlichen Person",
    "street": "Straße und Hausnummer",
    "postcode": "Postleitzahl",
    "city": "Ort",
    "email": "E-Mail-Adresse",
}
PLACEHOLDER = re.compile(
    r"todo|tbd|fixme|xxx|\?\?|\.\.\.|…|muster|beispiel|example|lorem|ipsum|platzhalter"
    r"|placeholder|n\.\s?n\.|unbekannt|ausfüllen",
    re.IGNORECASE,
)


class Operator(Strict):
    """Who runs the website (Impressum, Datenschutz); empty fields mean "not known yet"."""

    name: str | None = None
    street: str | None = None
    postcode: str | None = None
    city: str | None = None
    email: str | None = None

    @field_validator("*", mode="before")
    @classmethod
    def as_text(cls, value):
        return str(value).strip() if value is not None else None

    def gaps(self) -> dict[str, str]:
        """field -> what is wrong with it, for every field not ready to publish."""
        gaps = {}
        for field in OPERATOR_FIELDS:
            value = getattr(self, field) or ""
            if not value:
                gaps[field] = messages.MISSING_VALUE
            elif PLACEHOLDER.search(value):
                gaps[field] = messages.PLACEHOLDER.format(value=value)
            elif field in FORMATS and (problem := format_problem(field, value)):
                gaps[field] = problem
        return gaps


class Lab(Strict):
    name: str
    tagline: Annotated[str, Translatable()]
    network: Network
    association: str
    meeting: Meeting
    contacts: list[Contact]
    links: list[Link]
    operator: Operator = Operator()

    @property
    def email(self) -> str | None:
        """The general contact address, if the data marks one (``general: true``)."""
        return next((c.email for c in self.contacts if c.general), None)

    @property
    def code_link(self) -> Link | None:
        """The link to the lab's source code (``code: true``), if the data marks one."""
        return next((link for link in self.links if link.code), None)
