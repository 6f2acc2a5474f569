"""The one way the site's Python code speaks to readers: the gettext catalog under ``locales/``.

``_("…")`` translates a message into the language of the build (``language`` in conf.py, or
``-D language=…`` on Read the Docs). This site's own msgids are German, its source language;
furo's and Sphinx's msgids are English and ``locales/de/LC_MESSAGES/sphinx.po`` translates them.
``N_("…")`` only marks a msgid kept in a table (translated where it is shown).
Dates and weekdays come from Babel in the build's language, never from hand-written names.
"""

from __future__ import annotations

from datetime import date

from babel import Locale
from babel.dates import format_date, get_day_names
from sphinx.locale import get_translation

_ = get_translation("sphinx")


def N_(message: str) -> str:  # noqa: N802 (the gettext convention)
    return message


def locale_of(language: str | None) -> Locale:
    return Locale.parse((language or "de").replace("-", "_"))


def weekday_name(index: int, language: str | None) -> str:
    """``2`` -> "Mittwoch" (0 = Monday, as Python's ``date.weekday()``)."""
    return get_day_names("wide", locale=locale_of(language))[index]


def long_date(day: date, language: str | None) -> str:
    """``2025-03-01`` -> "1. März 2025"."""
    return format_date(day, format="long", locale=locale_of(language))


def full_date(day: date, language: str | None) -> str:
    """``2025-03-01`` -> "Samstag, 1. März 2025"."""
    return format_date(day, format="full", locale=locale_of(language))


def short_date(day: date, language: str | None) -> str:
    """``2025-03-01`` -> "01.03.2025"."""
    return format_date(day, format="medium", locale=locale_of(language))


def capitalized(text: str) -> str:
    """The first letter upper case (the start of a sentence)."""
    return text[:1].upper() + text[1:]
