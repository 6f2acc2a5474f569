"""Every page's front matter, checked once per build before Sphinx reads a single page.

A pre-pass in the main process reads each Markdown file's front matter directly (with the line
of every field), validates it against ``models.Page`` or ``models.Project`` and reports every
mistake at once in German (``datei.md:4: ERROR: Feld „navOrder“: …``). Pages in the news folder
(``oklab_news_folder``, except its index) are posts (``models.Post``). The build goes on, so
that one run shows all mistakes, and exits with status 1. A page whose front matter is broken
is still built (with what is usable of its front matter), never silently dropped.

The validated models are kept on the environment: ``page_meta(env, docname)`` gives a page's
``Page`` or ``Project`` with its texts (title, description, link names: the fields marked
``Translatable``) in the reader's language (``translations``), ``source_meta`` as written;
``local_image(env, docname)`` its image as a path from the site root.

Every build validates every page again (a page's image may have gone), but parses a file's
front matter only when the file changed since the last build (``front_matter``): with hundreds
of posts, parsing is what made the pass slow, and ``make serve`` rebuilds after each save.

The same pass checks what belongs to no single field: file and folder names (they become the
address: lowercase letters, digits and hyphens), and two projects with the same title. A page
without ``description`` gets one from its first paragraph (``body.summary``), as the pages of the
lab's older site need.

The front-matter ``title`` is the page's name everywhere the site names it: menu, sidebars,
browser tab, social previews, previous/next links and cards. A page without a ``# heading`` of
its own shows it as heading too (``sources``); a page with one shows that heading on the page.
"""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from . import __version__, messages
from .body import summary
from .errors import Problem, load_yaml_file, report, validate
from .labdata import substitute
from .models import Page, Post, Project, is_web_address, translated
from .ordering import title_key
from .paths import image_file, site_path
from .translations import is_source_language, page_gettext
from .yamlsource import YamlDocument, read_text

# What a file or folder name may contain: it becomes part of the page's address.
ADDRESS_NAME = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_SPELLED_OUT = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def is_project(docname: str, config) -> bool:
    folder = config.oklab_projects_folder
    return docname.startswith(f"{folder}/") and docname != f"{folder}/index"


def is_post(docname: str, config) -> bool:
    folder = config.oklab_news_folder
    return docname.startswith(f"{folder}/") and docname != f"{folder}/index"


def schema_for(docname: str, config) -> type[Page]:
    if is_post(docname, config):
        return Post
    return Project if is_project(docname, config) else Page


def check_all_pages(app: Sphinx, env: BuildEnvironment, added, changed, removed) -> list[str]:
    """Validate every page's front matter (runs on every build, also incremental ones)."""
    srcdir = Path(app.srcdir)
    pages, broken, problems = {}, set(), []
    parsed = dict(getattr(env, "oklab_front_matter", {}))
    files = set()
    for docname in sorted(env.found_docs):
        path = env.doc2path(docname)  # a Path
        if path.suffix != ".md":
            continue
        files.add(str(path))
        doc = front_matter(parsed, path)
        page, found = check_page(path, srcdir, schema_for(docname, app.config), doc)
        if page is not None and not found and page.description is None:
            page, found = with_description(app, path, page)
        pages[docname] = page
        if found:
            broken.add(docname)
            problems += found
    problems += check_names(env, srcdir) + same_titles(env, pages, srcdir, parsed)
    env.oklab_front_matter = {file: parsed[file] for file in files & parsed.keys()}
    env.oklab_pages_source = pages
    # In the source language every text stays as written: no copy of a thousand models.
    env.oklab_pages = (
        pages
        if is_source_language(app.config)
        else {
            docname: translated(page, page_gettext(srcdir, app.config, docname))
            for docname, page in pages.items()
        }
    )
    env.oklab_pages_broken = broken
    report(app, problems)
    return []


# A file's state as the file system tells it, without reading it: (modification time, size).
FileState = tuple[int, int]
Parsed = tuple[YamlDocument | None, list[Problem]]


def front_matter(parsed: dict[str, tuple[FileState, Parsed]], path: Path) -> Parsed:
    """The file's front matter as ``errors.load_yaml_file`` reads it, taken from ``parsed``
    (the last build's, by file) unless the file's modification time or size changed since,
    as Sphinx decides whether to read a page again. ``parsed`` is updated."""
    key = str(path)
    try:
        stat = os.stat(path)  # before reading: a change while reading shows next time
    except OSError:
        parsed.pop(key, None)
        return load_yaml_file(path, front_matter=True)
    state = (stat.st_mtime_ns, stat.st_size)
    if (before := parsed.get(key)) is not None and before[0] == state:
        return before[1]
    result = load_yaml_file(path, front_matter=True)
    parsed[key] = (state, result)
    return result


def with_description(app: Sphinx, path: Path, page: Page) -> tuple[Page, list[Problem]]:
    """A page without ``description`` gets its first paragraph (a project must have one)."""
    config = getattr(app.env, "myst_config", None)
    derived = substitute(summary(read_text(path), config), app.config)
    if derived:
        return page.model_copy(update={"description": derived}), []
    if isinstance(page, Project):
        return page, [Problem(path, 1, messages.DESCRIPTION_UNDERIVABLE, "description")]
    return page, []


def address_name(name: str) -> str:
    """``Mein Projekt Ä`` -> ``mein-projekt-ae``: what a name in an address may look like."""
    lowered = name.lower().translate(_SPELLED_OUT)
    ascii_only = unicodedata.normalize("NFKD", lowered).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_only).strip("-") or "seite"


def check_names(env: BuildEnvironment, srcdir: Path) -> list[Problem]:
    """File and folder names that cannot be part of an address, each reported once."""
    problems, seen = [], set()
    for docname in sorted(env.found_docs):
        parts = docname.split("/")  # Sphinx's docnames use "/" on every system
        for depth, name in enumerate(parts):
            if ADDRESS_NAME.match(name):
                continue
            where = "/".join(parts[: depth + 1])
            if where in seen:
                continue
            seen.add(where)
            kind = "file" if depth == len(parts) - 1 else "folder"
            text = messages.PAGE_NAME.format(
                name=name,
                kind=messages.PAGE_NAME_KIND[kind],
                suggestion=address_name(name),
            )
            problems.append(Problem(Path(env.doc2path(docname)), 1, text))
    return problems


def same_titles(env: BuildEnvironment, pages: dict, srcdir: Path, parsed: dict) -> list[Problem]:
    """Two projects with the same title would give two identical cards."""
    first: dict[str, str] = {}
    problems = []
    for docname, page in pages.items():
        title = getattr(page, "title", None)
        if not is_project(docname, env.config) or not title:
            continue
        key = title_key(title.strip())
        if key not in first:
            first[key] = docname
            continue
        text = messages.PROJECT_TITLE_TWICE.format(
            title=title.strip(),
            first=Path(env.doc2path(first[key])).relative_to(srcdir).as_posix(),
            second=Path(env.doc2path(docname)).relative_to(srcdir).as_posix(),
        )
        path = Path(env.doc2path(docname))
        doc, _ = front_matter(parsed, path)
        line = doc.line_of(("title",)) if doc is not None else 1
        problems.append(Problem(path, line, text, "title"))
    return problems


def check_page(
    path: Path, srcdir: Path, model: type[Page], parsed: Parsed
) -> tuple[Page | None, list[Problem]]:
    """``(front matter as far as usable, problems)``: never raises on an editor's mistake.
    ``parsed``: the file's front matter as ``front_matter`` gives it."""
    doc, problems = parsed
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


def source_meta(env: BuildEnvironment, docname: str) -> Page | None:
    """The front matter of ``docname`` as written (German), for logic and extraction."""
    return getattr(env, "oklab_pages_source", {}).get(docname)


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


def title_from_front_matter(app: Sphinx, doctree: nodes.document) -> None:
    """The front-matter title names the page (after Sphinx took the first heading)."""
    env = app.env
    title = getattr(page_meta(env, env.docname), "title", None)
    if title:
        env.titles[env.docname] = nodes.title("", "", nodes.Text(title))
        env.longtitles[env.docname] = nodes.title("", "", nodes.Text(title))


def setup(app: Sphinx) -> dict:
    app.setup_extension("oklab.console")
    app.setup_extension("oklab.translations")  # front matter in the reader's language
    app.add_config_value("oklab_projects_folder", "projekte", "env", types=[str])
    app.add_config_value("oklab_news_folder", "neuigkeiten", "env", types=[str])
    app.connect("env-get-outdated", check_all_pages, priority=400)
    # after Sphinx's title collector (priority 500), which takes the first heading
    app.connect("doctree-read", title_from_front_matter, priority=600)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
