"""Every page's front matter, checked once per build before Sphinx reads a single page.

A pre-pass in the main process reads each Markdown file's front matter directly (with the line
of every field), validates it against ``models.Page`` or ``models.Project`` and reports every
mistake at once in German (``datei.md:4: ERROR: Feld „navOrder“: …``). The build goes on, so
that one run shows all mistakes, and exits with status 1. A page whose front matter is broken
is still built (with what is usable of its front matter), never silently dropped.

The validated models are kept on the environment: ``page_meta(env, docname)`` gives a page's
``Page`` or ``Project``; ``local_image(env, docname)`` its image as a path from the site root.
"""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from . import __version__, messages
from .errors import Problem, load_yaml_file, report, validate
from .models import Page, Project, is_web_address
from .paths import image_file, site_path


def is_project(docname: str, config) -> bool:
    folder = config.oklab_projects_folder
    return docname.startswith(f"{folder}/") and docname != f"{folder}/index"


def schema_for(docname: str, config) -> type[Page]:
    return Project if is_project(docname, config) else Page


def check_all_pages(app: Sphinx, env: BuildEnvironment, added, changed, removed) -> list[str]:
    """Validate every page's front matter (runs on every build, also incremental ones)."""
    srcdir = Path(app.srcdir)
    pages, broken, problems = {}, set(), []
    for docname in sorted(env.found_docs):
        path = Path(env.doc2path(docname))
        if path.suffix != ".md":
            continue
        page, found = check_page(path, srcdir, schema_for(docname, app.config))
        pages[docname] = page
        if found:
            broken.add(docname)
            problems += found
    env.oklab_pages = pages
    env.oklab_pages_broken = broken
    report(app, problems)
    return []


def check_page(path: Path, srcdir: Path, model: type[Page]) -> tuple[Page | None, list[Problem]]:
    """``(front matter as far as usable, problems)``: never raises on an editor's mistake."""
    doc, problems = load_yaml_file(path, front_matter=True)
    if problems:
        return None, problems
    if doc is None:
        return None, [Problem(path, 1, messages.FRONT_MATTER_MISSING, "title")]
    if not isinstance(doc.data, dict):
        return None, [Problem(path, doc.first_line, messages.FRONT_MATTER_NOT_FIELDS)]
    page, problems = validate(model, doc, path, page=path, srcdir=srcdir)
    if page is None:
        return _usable_part(doc.data), problems
    return page, []


def _usable_part(data: dict) -> Page:
    """What navigation can still use from invalid front matter (so no page goes missing)."""
    title = data.get("title")
    order = data.get("navOrder")
    return Page.model_construct(
        title=title if isinstance(title, str) else None,
        navOrder=order if type(order) is int else None,
        navigation=data.get("navigation") is not False,
    )


def page_meta(env: BuildEnvironment, docname: str) -> Page | None:
    """The validated front matter of ``docname`` (only its usable part if it had mistakes)."""
    return getattr(env, "oklab_pages", {}).get(docname)


def is_broken(env: BuildEnvironment, docname: str) -> bool:
    return docname in getattr(env, "oklab_pages_broken", ())


def local_image(env: BuildEnvironment, docname: str) -> str | None:
    """The page's local ``image`` as a path from the site root (``/projekte/karte.png``)."""
    page = page_meta(env, docname)
    value = getattr(page, "image", None)
    if not value or is_web_address(value):
        return None
    file = image_file(Path(env.doc2path(docname)), Path(env.srcdir), value)
    return None if file is None else site_path(file, Path(env.srcdir))


def setup(app: Sphinx) -> dict:
    app.add_config_value("oklab_projects_folder", "projekte", "env", types=[str])
    app.connect("env-get-outdated", check_all_pages, priority=400)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
