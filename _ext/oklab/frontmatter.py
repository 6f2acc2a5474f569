"""Front matter of every page, validated before Sphinx reads a single page.

A pre-pass in the main process reads each Markdown file's front matter directly (with the line
of every field), checks it against the schemas below and reports every mistake at once in
German (``datei.md:4: ERROR: Feld „navOrder“: …``). The build goes on, so that one run shows all
mistakes, and exits with status 1. A page whose front matter is broken is still built (its front
matter is ignored), never silently dropped.

The validated front matter of every page is kept in ``env.oklab_frontmatter``
(docname -> dict, keys as editors write them), for navigation, project cards and social-preview
metadata. ``local_image(env, docname)`` gives a page's image as a path from the site root.
"""

from __future__ import annotations

import datetime
import json
import re
from pathlib import Path, PurePosixPath
from typing import Annotated

from pydantic import (
    AfterValidator,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictBool,
    StrictInt,
    StringConstraints,
    ValidationInfo,
    field_validator,
)
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from . import __version__
from .errors import Problem, load_yaml_file, report, validate
from .schema import Strict, WebAddress, is_web_address
from .yamlsource import front_matter_end

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]

STATUS_LABELS = {
    "seeking": "sucht Mitwirkende",
    "active": "in Arbeit",
    "finished": "abgeschlossen",
}


class MystSettings(Strict):
    """The ``myst:`` block MyST understands; we use it for extra ``<meta>`` tags."""

    html_meta: dict[str, str] = {}
    substitutions: dict[str, str] = {}


class Page(Strict):
    """Front matter of every page. Keys Sphinx, MyST and Furo understand are allowed too."""

    model_config = ConfigDict(populate_by_name=True)

    title: Text
    navOrder: StrictInt | None = None
    navigation: StrictBool = True
    image: str | None = None
    description: Text | None = None
    # understood by Furo / Sphinx / MyST themselves
    hide_toc: StrictBool = Field(False, alias="hide-toc")
    orphan: StrictBool = False
    nosearch: StrictBool = False
    myst: MystSettings | None = None

    @field_validator("image")
    @classmethod
    def image_exists(cls, value: str | None, info: ValidationInfo) -> str | None:
        if value is None or is_web_address(value):
            return value  # another host: only ever used for social previews, never loaded
        if "://" in value or value.startswith(("//", "data:")):
            raise ValueError(
                "muss ein Pfad zu einer Bilddatei (zum Beispiel bild.png) oder eine "
                f"https://-Adresse sein, gefunden: {value!r}"
            )
        context = info.context or {}
        if "page" in context and image_file(context["page"], context["srcdir"], value) is None:
            raise ValueError(
                f"Bilddatei {value!r} nicht gefunden (Pfad relativ zu dieser Seite oder "
                "mit / am Anfang ab dem Hauptordner der Website)"
            )
        return value


class ProjectLink(Strict):
    name: Text
    url: WebAddress


class Collaborator(Strict):
    name: Text


def _repository(value: str) -> str:
    if is_web_address(value):
        return value
    if not value or not all(c.isalnum() or c in "-_." for c in value):
        raise ValueError(
            "muss der Name eines Repositorys unter github.com/oklabflensburg sein "
            f"(zum Beispiel open-accident-map) oder eine https://-Adresse, gefunden: {value!r}"
        )
    return value


def _date_as_text(value):
    # YAML dates stay text (see yamlsource); a number like 20240115 is not a date.
    if isinstance(value, (int, float)):
        raise ValueError(f"muss ein Datum im Format JJJJ-MM-TT sein, gefunden: {value!r}")
    return value


class Project(Page):
    """Front matter of a project page (compatible with the lab's older Nuxt site)."""

    description: Text
    status: str | None = None
    date: Annotated[datetime.date, BeforeValidator(_date_as_text)] | None = None
    tags: list[Text] = []
    links: list[ProjectLink] = []
    collaborators: list[Collaborator] = []
    repo: Annotated[str, AfterValidator(_repository)] | None = None

    @field_validator("status")
    @classmethod
    def known_status(cls, value: str | None) -> str | None:
        if value is not None and value not in STATUS_LABELS:
            allowed = ", ".join(f"{key} ({label})" for key, label in STATUS_LABELS.items())
            raise ValueError(f"ungültiger Wert {value!r}; erlaubt: {allowed}")
        return value

    @property
    def repository_url(self) -> str | None:
        if self.repo is None or is_web_address(self.repo):
            return self.repo
        return f"https://github.com/oklabflensburg/{self.repo}"


def image_file(page: Path, srcdir: Path, value: str) -> Path | None:
    """The local image file ``value`` names (relative to ``page`` or ``/``-absolute), if any."""
    base = Path(srcdir) if value.startswith("/") else page.parent
    file = (base / value.lstrip("/")).resolve()
    try:
        file.relative_to(Path(srcdir).resolve())
    except ValueError:
        return None
    return file if file.is_file() else None


def is_project(docname: str, config) -> bool:
    folder = config.oklab_projects_folder
    return docname.startswith(f"{folder}/") and docname != f"{folder}/index"


def schema_for(docname: str, config) -> type[Page]:
    return Project if is_project(docname, config) else Page


# -- The pre-pass ---------------------------------------------------------------------------


def check_all_pages(app: Sphinx, env: BuildEnvironment, added, changed, removed) -> list[str]:
    """Validate every page's front matter (runs on every build, also incremental ones)."""
    srcdir = Path(app.srcdir)
    pages, broken, problems = {}, set(), []
    for docname in sorted(env.found_docs):
        path = Path(env.doc2path(docname))
        if path.suffix != ".md":
            continue
        data, found = check_page(path, srcdir, schema_for(docname, app.config))
        pages[docname] = data
        if found:
            broken.add(docname)
            problems += found
    env.oklab_frontmatter = pages
    env.oklab_frontmatter_broken = broken
    report(app, problems)
    return []


def check_page(path: Path, srcdir: Path, model: type[Page]) -> tuple[dict, list[Problem]]:
    """``(front matter as far as usable, problems)``: never raises on an editor's mistake."""
    doc, problems = load_yaml_file(path, front_matter=True)
    if problems:
        return {}, problems
    if doc is None:
        return {}, [
            Problem(
                path,
                1,
                "Der Kopfbereich (Front Matter) fehlt: jede Seite beginnt "
                "mit ---, dann mindestens title: …, dann wieder ---",
                "title",
            )
        ]
    if not isinstance(doc.data, dict):
        return {}, [
            Problem(
                path,
                doc.first_line,
                "Der Kopfbereich (Front Matter) muss aus Zeilen der Form feld: wert bestehen",
            )
        ]
    page, problems = validate(model, doc, path, page=path, srcdir=srcdir)
    if page is None:
        return _usable_part(doc.data), problems
    return page.model_dump(mode="json", by_alias=True, exclude_unset=True), []


def _usable_part(data: dict) -> dict:
    """What navigation can still use from invalid front matter (so no page goes missing)."""
    usable = {}
    if isinstance(data.get("title"), str):
        usable["title"] = data["title"]
    if type(data.get("navOrder")) is int:
        usable["navOrder"] = data["navOrder"]
    if data.get("navigation") is False:
        usable["navigation"] = False
    return usable


def ignore_broken_front_matter(app: Sphinx, docname: str, source: list[str]) -> None:
    """A page with reported front-matter mistakes is read without its front matter.

    Keeps MyST from adding English warnings about the same mistake; every line stays where it
    was, so later messages still point to the right line.
    """
    if docname not in getattr(app.env, "oklab_frontmatter_broken", ()):
        return
    lines = source[0].split("\n")
    end = front_matter_end(lines)
    if end is not None:
        lines[1:end] = ["{}"] + ["#"] * (end - 2)
        source[0] = "\n".join(lines)


def add_missing_heading(app: Sphinx, docname: str, source: list[str]) -> None:
    """A page without a heading of its own gets its ``title`` as heading (as on the older
    Nuxt site, whose pages start with ``##``). Lines keep their numbers where possible."""
    title = frontmatter(app.env, docname).get("title")
    lines = source[0].split("\n")
    if not title or docname in getattr(app.env, "oklab_frontmatter_broken", ()):
        return
    end = front_matter_end(lines)
    if end is None:
        return
    first = next((line for line in lines[end + 1 :] if re.match(r"#{1,6}\s", line)), "")
    if first.startswith("# "):
        return
    data = json.dumps(frontmatter(app.env, docname), ensure_ascii=False)
    head = ["---", data, "---", f"# {title}", ""]
    head += [""] * (end + 1 - len(head))  # the same number of lines when there is room
    source[0] = "\n".join(head + lines[end + 1 :])


def frontmatter(env: BuildEnvironment, docname: str) -> dict:
    """The validated front matter of ``docname`` (empty if it had mistakes)."""
    return getattr(env, "oklab_frontmatter", {}).get(docname, {})


def local_image(env: BuildEnvironment, docname: str) -> str | None:
    """The page's local ``image`` as a path from the site root (``/projekte/karte.png``)."""
    value = frontmatter(env, docname).get("image")
    if not value or is_web_address(value):
        return None
    file = image_file(Path(env.doc2path(docname)), Path(env.srcdir), value)
    if file is None:
        return None
    return "/" + PurePosixPath(file.relative_to(Path(env.srcdir).resolve())).as_posix()


def setup(app: Sphinx) -> dict:
    app.add_config_value("oklab_projects_folder", "projekte", "env", types=[str])
    app.connect("env-get-outdated", check_all_pages, priority=400)
    app.connect("source-read", ignore_broken_front_matter, priority=400)
    app.connect("source-read", add_missing_heading, priority=410)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
