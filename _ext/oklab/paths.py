"""Files an editor names: an image next to the page or below the site's root.

Names are compared letter for letter, also on Windows and macOS, whose file systems do not
care about capitals: Read the Docs builds on Linux, where ``bild.PNG`` is not ``bild.png``.
"""

from __future__ import annotations

import os
from pathlib import Path, PurePosixPath


def named_file(page: Path, srcdir: Path, value: str) -> Path | None:
    """The path ``value`` names (relative to ``page`` or ``/``-absolute) inside the site."""
    base = Path(srcdir) if value.startswith("/") else page.parent
    file = Path(os.path.normpath(base.resolve() / value.lstrip("/")))
    try:
        file.relative_to(Path(srcdir).resolve())
    except ValueError:
        return None
    return file


def image_file(page: Path, srcdir: Path, value: str) -> Path | None:
    """The local image file ``value`` names, if it exists with exactly that name."""
    file = named_file(page, srcdir, value)
    if file is None or not file.is_file() or spelled_otherwise(file, srcdir) is not None:
        return None
    return file


def spelled_otherwise(file: Path, srcdir: Path) -> Path | None:
    """The existing file whose name differs from ``file`` only in capitals, if there is one."""
    root = Path(srcdir).resolve()
    actual, differs = root, False
    for part in file.relative_to(root).parts:
        try:
            names = os.listdir(actual)
        except OSError:
            return None
        if part not in names:
            same = [n for n in names if n.casefold() == part.casefold()]
            if not same:
                return None
            part, differs = same[0], True
        actual = actual / part
    return actual if differs and actual.is_file() else None


def correct_spelling(page: Path, srcdir: Path, value: str) -> str | None:
    """For ``Karte.PNG`` naming the file ``karte.png``: ``karte.png``, written as the editor
    wrote the name (relative to the page, or from the site root with ``/``); else ``None``."""
    named = named_file(page, srcdir, value)
    actual = spelled_otherwise(named, srcdir) if named is not None else None
    if actual is None:
        return None
    if value.startswith("/"):
        return site_path(actual, srcdir)
    return Path(os.path.relpath(actual, Path(page).parent.resolve())).as_posix()


def site_path(file: Path, srcdir: Path) -> str:
    """``/projekte/karte.png``: a file of the site as a path from the site's root."""
    return "/" + PurePosixPath(file.relative_to(Path(srcdir).resolve())).as_posix()
