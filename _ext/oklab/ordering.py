"""The one order of pages, in the menu and in the project catalogue, and the order of posts.

Lower ``navOrder`` first, pages without one after those with one; then (projects) by status:
sucht Mitwirkende, in Arbeit, abgeschlossen, without status; then by title as a German reader
expects it (Ärzte next to Apotheke, not after Zoo); then by file name, so the order never
depends on chance.

Posts (``newest_first``): the newest date first; posts of one day by title, then file name.
"""

from __future__ import annotations

from .models import STATUSES, Page

_FOLD = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss"})
_STATUS_RANK = {status: rank for rank, status in enumerate(STATUSES)}


def title_key(title: str) -> str:
    return title.casefold().translate(_FOLD)


def sort_key(page: Page | None, docname: str) -> tuple:
    order = getattr(page, "navOrder", None)
    status = _STATUS_RANK.get(getattr(page, "status", None), len(STATUSES))
    title = getattr(page, "title", None) or docname
    return (order is None, order or 0, status, title_key(title), docname)


def newest_first(page: Page, docname: str) -> tuple:
    """Sort key for posts (``models.Post``): newest date first, then title, then file name."""
    return (-page.date.toordinal(), title_key(page.title), docname)
