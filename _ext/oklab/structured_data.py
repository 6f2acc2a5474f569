"""Structured data (JSON-LD, schema.org) from ``_data/lab.yaml``, for search engines and maps.

- every page: the lab as an ``Organization`` (name, url, logo, email, sameAs from the links);
- the meeting page (``oklab_meeting_page``, Kontakt): the weekly meeting as an ``Event`` (name
  and description in the build's language, ``inLanguage``) with
  an ``eventSchedule`` (``Schedule``: byDay, startTime, endTime, scheduleTimezone,
  repeatFrequency P1W) and its ``Place`` with a ``PostalAddress``;
- every page that describes an event (``event:``): that ``Event`` (startDate and endDate with
  the offset of that day, eventStatus, attendance mode, location with only the known parts
  of the address, or a ``VirtualLocation`` online).

Each block is a ``<script type="application/ld+json">`` added for that page only. Browsers do
not execute data blocks, so a strict Content-Security-Policy does not need to allow them.
"""

from __future__ import annotations

from sphinx.application import Sphinx
from sphinx.config import Config

from . import __version__
from .calendar import calendar_start, first_occurrence, meeting_page_url
from .escape import json_in_html
from .frontmatter import is_broken, page_meta
from .labdata import lab
from .models import Event, Lab, Place
from .pagemeta import DESCRIPTION
from .phrases import event_description, event_name
from .urls import page_url, site_url

CONTEXT = "https://schema.org"
SCHEMA_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def logo_url(config: Config) -> str | None:
    """The absolute address of the site's logo (furo's ``light_logo`` or ``html_logo``)."""
    base = site_url(config)
    name = (config.html_theme_options or {}).get("light_logo") or config.html_logo or ""
    if base is None or not name or "://" in name:
        return None
    return f"{base}_static/{name.rsplit('/', 1)[-1]}"


def organization(lab_data: Lab, config: Config) -> dict:
    base = site_url(config)
    org: dict = {"@context": CONTEXT, "@type": "Organization"}
    if base:
        org["@id"] = base + "#organisation"
        org["url"] = base
    org["name"] = lab_data.name
    org["description"] = lab_data.tagline
    if logo := logo_url(config):
        org["logo"] = logo
    if lab_data.email:
        org["email"] = lab_data.email
    org["sameAs"] = [link.url for link in lab_data.links]
    org["memberOf"] = {"@type": "Organization", "name": lab_data.network.name}
    return org


def organizer(lab_data: Lab, config: Config) -> dict:
    base = site_url(config)
    data = {"@type": "Organization", "name": lab_data.name}
    return {"@id": base + "#organisation", **data, "url": base} if base else data


def event(lab_data: Lab, config: Config, page_url: str | None) -> dict:
    meeting = lab_data.meeting
    data: dict = {
        "@context": CONTEXT,
        "@type": "Event",
        "name": event_name(lab_data),
        "description": event_description(lab_data, config.language),
        "inLanguage": config.language or "de",
    }
    if page_url:
        data["url"] = page_url
    data |= {
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "eventStatus": "https://schema.org/EventScheduled",
        "eventSchedule": {
            "@type": "Schedule",
            "byDay": f"https://schema.org/{SCHEMA_DAYS[meeting.weekday_index]}",
            "startTime": f"{meeting.start:%H:%M}",
            "endTime": f"{meeting.end:%H:%M}",
            "scheduleTimezone": meeting.timezone,
            "repeatFrequency": "P1W",
            "startDate": first_occurrence(lab_data, calendar_start(config)).isoformat(),
        },
        "location": {
            "@type": "Place",
            "name": meeting.place,
            "address": {
                "@type": "PostalAddress",
                "streetAddress": meeting.street,
                "postalCode": meeting.postcode,
                "addressLocality": meeting.city,
                "addressCountry": meeting.country,
            },
        },
        "organizer": organizer(lab_data, config),
    }
    return data


def place(where: Place) -> dict:
    """A ``Place`` with only what is known of it."""
    address = {
        "@type": "PostalAddress",
        "streetAddress": where.street,
        "postalCode": where.postcode,
        "addressLocality": where.city,
        "addressCountry": where.country,
    }
    data = {"@type": "Place", "name": where.name or where.city}
    data["address"] = {key: value for key, value in address.items() if value}
    return data


ATTENDANCE = {
    (True, False): "https://schema.org/OfflineEventAttendanceMode",
    (False, True): "https://schema.org/OnlineEventAttendanceMode",
    (True, True): "https://schema.org/MixedEventAttendanceMode",
}


def page_event(
    lab_data: Lab, config: Config, title: str, description: str, happening: Event, url: str | None
) -> dict:
    """The event a page describes."""
    data: dict = {"@context": CONTEXT, "@type": "Event", "name": title}
    if description:
        data["description"] = description
    if url:
        data["url"] = url
    data |= {
        "startDate": happening.starts.isoformat(),
        "endDate": happening.ends.isoformat(),
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": ATTENDANCE[(happening.place is not None, happening.online)],
    }
    locations = [place(happening.place)] if happening.place is not None else []
    if happening.online:
        locations.append({"@type": "VirtualLocation", "url": happening.url or url})
    data["location"] = locations[0] if len(locations) == 1 else locations
    if happening.url:
        data["sameAs"] = happening.url
    data["organizer"] = organizer(lab_data, config)
    return data


def add_structured_data(
    app: Sphinx, pagename: str, templatename: str, context: dict, doctree
) -> None:
    lab_data = lab(app.config)
    if lab_data is None:
        return
    blocks = [organization(lab_data, app.config)]
    if pagename == app.config.oklab_meeting_page:
        blocks.append(event(lab_data, app.config, meeting_page_url(app)))
    page = page_meta(app.env, pagename)
    if getattr(page, "event", None) is not None and not is_broken(app.env, pagename):
        description = page.description or context.get(DESCRIPTION) or ""
        url = page_url(app, pagename)
        blocks.append(page_event(lab_data, app.config, page.title, description, page.event, url))
    for block in blocks:
        app.add_js_file(None, body=json_in_html(block), type="application/ld+json")


def setup(app: Sphinx) -> dict:
    app.setup_extension("oklab.calendar")
    app.connect("html-page-context", add_structured_data)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
