"""Files an editor names in front matter: an image next to the page or below the site's root."""

from __future__ import annotations

from pathlib import Path, PurePosixPath


def image_file(page: Path, srcdir: Path, value: str) -> Path | None:
    """The local image file ``value`` names (relative to ``page`` or ``/``-absolute), if any."""
    base = Path(srcdir) if value.startswith("/") else page.parent
    file = (base / value.lstrip("/")).resolve()
    try:
        file.relative_to(Path(srcdir).resolve())
    except ValueError:
        return None
    return file if file.is_file() else None


def site_path(file: Path, srcdir: Path) -> str:
    """``/projekte/karte.png``: a file of the site as a path from the site's root."""
    return "/" + PurePosixPath(file.relative_to(Path(srcdir).resolve())).as_posix()
