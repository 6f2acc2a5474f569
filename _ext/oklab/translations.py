"""The site in several languages: catalogs checked, extracted, applied and counted.

German is the source language; every other language (``oklab_languages`` in conf.py) is a set of
gettext catalogs under ``locales/<language>/LC_MESSAGES/``: ``sphinx.po`` for the interface
(templates, Python, the lab's data, the project topics) and one ``.po`` per page
(``gettext_compact = False``) for its text and its front matter.

- **Checked** before anything is read: every ``.po`` of the build's language must parse, and a
  translation must keep the message's placeholders (``{name}``, ``%s``), link targets, MyST
  roles and substitutions. A mistake stops the build with a German message naming file and
  line (``locales/da/LC_MESSAGES/index.po:12: ERROR: …``).
- **Extracted** by the gettext builder (``make catalogs``): besides the page text Sphinx finds,
  the front matter's ``Translatable`` fields go into the page's catalog; the Python msgids
  (``_("…")``, ``N_("…")``), the models' label tables, the lab data's display texts and the
  project topics into ``sphinx.pot``.
- **Applied**: ``page_meta`` hands out front matter in the reader's language (``frontmatter``),
  ``lab(config)`` the lab's data (``labdata``).
- **Marked and counted**: a page whose translation is missing or fuzzy in parts gets a notice in
  the reader's language, and its untranslated paragraphs carry ``lang="de"``; every build prints
  the coverage per language, a release build per page too.
"""

from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
import textwrap
from functools import cache
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import PoFileError, read_po
from docutils import nodes
from sphinx.application import Sphinx
from sphinx.builders.gettext import MessageCatalogBuilder, MsgOrigin
from sphinx.config import Config
from sphinx.environment import BuildEnvironment
from sphinx.transforms import SphinxTransform
from sphinx.util import logging
from sphinx.util.i18n import docname_to_domain
from sphinx.util.nodes import extract_messages

from . import __version__, messages
from .errors import Problem, abort
from .i18n import N_, _
from .models import OPERATOR_FIELDS, STATUSES, translatable_texts

logger = logging.getLogger(__name__)

EXTENSION = Path(__file__).resolve().parent
# What a translation must keep exactly as the message has it.
PLACEHOLDER = re.compile(r"\{\w*\}|%(?:\(\w+\))?[sd]")
LINK_TARGET = re.compile(r"\]\(([^)\s]+)\)|<(https?://[^>\s]+)>")
ROLE = re.compile(r"\{[\w:.-]+\}`")
SUBSTITUTION = re.compile(r"\{\{\s*\w+\s*\}\}")
KEPT = {
    messages.PO_PLACEHOLDERS: PLACEHOLDER,
    messages.PO_LINK_TARGETS: LINK_TARGET,
    messages.PO_ROLES: ROLE,
    messages.PO_SUBSTITUTIONS: SUBSTITUTION,
}
# Sphinx's Locale transform has priority 20; the marking runs right after it.
AFTER_LOCALE = 21


def is_source_language(config: Config) -> bool:
    return (config.language or "de") == config.oklab_source_language


def catalog_folders(srcdir: str | Path, config: Config, language: str) -> list[Path]:
    return [Path(srcdir, folder, language, "LC_MESSAGES") for folder in config.locale_dirs]


# -- Reading and checking the catalogs ---------------------------------------------------------


@cache
def _read(path: Path, stamp: float) -> Catalog:
    with path.open("rb") as file:
        return read_po(file, abort_invalid=True)


def read_catalog(path: Path) -> Catalog | None:
    """The parsed ``.po`` file (cached per modification), or None if there is none."""
    if not path.is_file():
        return None
    return _read(path, path.stat().st_mtime)


def translation(catalog: Catalog | None, message: str) -> str | None:
    """The message's translation, or None where it is missing or fuzzy (still to be checked)."""
    if catalog is None or not message:
        return None
    entry = catalog.get(message)
    if entry is None or entry.fuzzy or not isinstance(entry.string, str) or not entry.string:
        return None
    return entry.string


MSGFMT_PROBLEM = re.compile(r"^(?P<file>.+?):(?P<line>\d+): (?P<problem>.+)$")


def msgfmt_problems(path: Path) -> list[Problem]:
    """GNU gettext's own check (``msgfmt --check-format``): syntax, and format strings
    (``#, python-format``) kept; its lines name file and line. Without msgfmt, Babel alone
    reads the file (it lets more slip through: .readthedocs.yaml installs gettext)."""
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        return []
    proc = subprocess.run(
        [msgfmt, "--check-format", "-o", os.devnull, str(path)],
        capture_output=True,
        text=True,
        check=False,
        # msgfmt's own explanation in German where gettext has its German catalog (English
        # otherwise); LANGUAGE counts in any locale but "C".
        env={**os.environ, "LC_ALL": "C.UTF-8", "LANGUAGE": "de"},
    )
    if proc.returncode == 0:
        return []
    found = []
    for line in proc.stderr.splitlines():
        if match := MSGFMT_PROBLEM.match(line):
            problem = messages.PO_SYNTAX.format(problem=match["problem"])
            found.append(Problem(path, int(match["line"]), problem))
    return found or [Problem(path, None, messages.PO_SYNTAX.format(problem=proc.stderr.strip()))]


def problems_in(path: Path) -> list[Problem]:
    """Every mistake in one ``.po`` file (syntax first: then nothing else can be checked)."""
    if found := msgfmt_problems(path):
        return found
    try:
        catalog = read_catalog(path)
    except PoFileError as error:
        line = getattr(error, "lineno", None)
        return [Problem(path, line, messages.PO_SYNTAX.format(problem=error))]
    found = []
    for entry in catalog:
        if not entry.id or not isinstance(entry.string, str) or not entry.string or entry.fuzzy:
            continue
        for message, pattern in KEPT.items():
            if sorted(pattern.findall(entry.id)) != sorted(pattern.findall(entry.string)):
                shown = textwrap.shorten(entry.id, width=60, placeholder=" …")
                found.append(Problem(path, entry.lineno, message.format(msgid=shown)))
    return found


def check_catalogs(app: Sphinx, config: Config) -> None:
    """Stop the build on a broken catalog of its language, naming file and line."""
    problems = []
    for folder in catalog_folders(app.srcdir, config, config.language or "de"):
        for path in sorted(folder.rglob("*.po")):
            problems += problems_in(path)
    if problems:
        abort(app, problems, messages.PO_BROKEN)


# -- Front matter and lab data in the reader's language ------------------------------------------


def page_catalog(srcdir: str | Path, config: Config, docname: str) -> Catalog | None:
    if is_source_language(config):
        return None
    domain = docname_to_domain(docname, config.gettext_compact)
    for folder in catalog_folders(srcdir, config, config.language):
        catalog = read_catalog(folder / f"{domain}.po")
        if catalog is not None:
            return catalog
    return None


def page_gettext(srcdir: str | Path, config: Config, docname: str):
    """A function that says a text of page ``docname`` (its front matter) in the build's
    language, or as written where the page's catalog has no translation."""
    catalog = page_catalog(srcdir, config, docname)
    return lambda text: translation(catalog, text) or text


# -- Extraction (the gettext builder, ``make catalogs``) -------------------------------------------


def python_msgids() -> list[tuple[str, str, int]]:
    """``(msgid, file, line)`` of every ``_("…")`` and ``N_("…")`` in the extension's code."""
    found = []
    for path in sorted(EXTENSION.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in ("_", "N_")
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                found.append((node.args[0].value, f"_ext/oklab/{path.name}", node.lineno))
    return found


def add_extracted_messages(app: Sphinx, *args) -> None:
    """Give the gettext builder what Sphinx cannot see: front matter, data, Python msgids."""
    builder = app.builder
    if not isinstance(builder, MessageCatalogBuilder):
        return
    from .frontmatter import is_project, source_meta
    from .labdata import source_lab

    interface = builder.catalogs["sphinx"]
    for msgid, file, line in python_msgids():
        interface.add(msgid, MsgOrigin(file, line))
    for label in [*STATUSES.values(), *OPERATOR_FIELDS.values()]:
        interface.add(label, MsgOrigin("_ext/oklab/models.py", 0))
    if app.config.ogp_image_alt:  # the social preview's text (conf.py)
        interface.add(app.config.ogp_image_alt, MsgOrigin("conf.py", 0))
    data = source_lab(app.config)
    if data is not None:
        for text in translatable_texts(data):
            interface.add(text, MsgOrigin(app.config.oklab_data_file, 0))
    for docname in sorted(app.env.found_docs):
        page = source_meta(app.env, docname)
        if page is None:
            continue
        source = app.env.doc2path(docname)
        catalog = builder.catalogs[docname_to_domain(docname, app.config.gettext_compact)]
        for text in translatable_texts(page):
            catalog.add(text, MsgOrigin(str(source), 1))
        if is_project(docname, app.config):
            for topic in getattr(page, "tags", []):
                interface.add(topic, MsgOrigin(str(source), 1))


# -- Untranslated parts: marked, noticed and counted ---------------------------------------------


class MarkUntranslated(SphinxTransform):
    """After Sphinx's Locale transform: ``lang="de"`` on every text the page's catalog does not
    translate, a notice at the top of such a page, and the page's coverage for the report."""

    default_priority = AFTER_LOCALE

    def apply(self, **kwargs) -> None:
        config, env = self.config, self.env
        if is_source_language(config) or not isinstance(self.document, nodes.document):
            return
        docname = env.docname
        catalog = page_catalog(env.srcdir, config, docname)
        done: dict[str, bool] = {}  # each text once, as the catalog has it
        translate_inline_texts(self.document, catalog)
        front_matter = front_matter_node(self.document)
        from_data = data_texts(config)
        for node, message in list(extract_messages(self.document)):
            if front_matter is not None and front_matter in ancestors(node):
                continue  # front matter: its texts are counted below
            ok = bool(
                node.get("translated")
                or message in from_data
                or translation(catalog, message) is not None
            )
            done[message] = done.get(message, False) or ok
            if not ok and is_markable(node):
                mark_source_language(node, config.oklab_source_language)
        from .frontmatter import source_meta

        page = source_meta(env, docname)
        for text in translatable_texts(page) if page is not None else []:
            done[text] = done.get(text, False) or translation(catalog, text) is not None
        translated, total = sum(done.values()), len(done)
        coverage(env)[docname] = (translated, total)
        if translated < total:
            add_notice(self.document, PARTIAL_NOTICE)
        if docname in config.oklab_binding_in_source_language:
            add_notice(self.document, BINDING_NOTICE)


def data_texts(config: Config) -> set[str]:
    """The lab's values as substitutions write them: already in the reader's language."""
    from .escape import markdown
    from .labdata import lab, text_values

    data = lab(config)
    if data is None:
        return set()
    return {markdown(value) for value in text_values(data, config.language).values()}


def front_matter_node(document: nodes.document) -> nodes.Element | None:
    """MyST's front matter as a field list at the top (docutils makes it docinfo later)."""
    index = document.first_child_not_matching_class(nodes.PreBibliographic)
    if index is not None and isinstance(document[index], (nodes.field_list, nodes.docinfo)):
        return document[index]
    return None


def ancestors(node: nodes.Node) -> list[nodes.Node]:
    found = []
    while node.parent is not None:
        node = node.parent
        found.append(node)
    return found


def inline_texts(document: nodes.document) -> list[nodes.inline]:
    """Inline texts marked translatable that Sphinx's own extraction leaves out (sphinx-design's
    ``button-ref`` labels): plain text only."""
    return [
        node
        for node in document.findall(nodes.inline)
        if node.get("translatable") and all(isinstance(c, nodes.Text) for c in node.children)
    ]


def translate_inline_texts(document: nodes.document, catalog: Catalog | None) -> None:
    for node in inline_texts(document):
        text = translation(catalog, node.astext())
        if text is not None:
            node.children = []
            node += nodes.Text(text)
            node["translated"] = True


def add_inline_texts(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """The gettext builder: labels of ``inline_texts`` into the page's catalog."""
    if not isinstance(app.builder, MessageCatalogBuilder):
        return
    catalog = app.builder.catalogs[docname_to_domain(docname, app.config.gettext_compact)]
    for node in inline_texts(doctree):
        catalog.add(node.astext(), MsgOrigin(str(app.env.doc2path(docname)), node.line or 0))


def is_markable(node: nodes.Node) -> bool:
    """Text that can carry a ``<span lang>`` (not a code block, image or raw HTML)."""
    return isinstance(node, nodes.TextElement) and not isinstance(node, nodes.FixedTextElement)


def mark_source_language(node: nodes.TextElement, language: str) -> None:
    """``<p><span lang="de">…</span></p>``: the text's language for screen readers."""
    node.insert(0, nodes.raw("", f'<span lang="{language}">', format="html"))
    node.append(nodes.raw("", "</span>", format="html"))


# (CSS class, title, text) of the notices a translated page can carry; msgids (``N_``), said in
# the reader's language where they are shown.
PARTIAL_NOTICE = (
    "oklab-untranslated-notice",
    N_("Noch nicht vollständig übersetzt"),
    N_("Teile dieser Seite sind noch nicht übersetzt und stehen auf Deutsch da."),
)
BINDING_NOTICE = (
    "oklab-binding-notice",
    N_("Übersetzung"),
    N_("Dies ist eine Übersetzung. Rechtlich verbindlich ist allein die deutsche Fassung."),
)


def add_notice(document: nodes.document, notice_text: tuple[str, str, str]) -> None:
    """A notice under the page's heading, in the reader's language (not itself translated
    again: ``translatable=False``)."""
    css_class, title, body = notice_text
    notice = nodes.admonition(classes=["note", css_class])
    notice += nodes.title("", _(title), translatable=False)
    notice += nodes.paragraph("", _(body), translatable=False)
    section = next(iter(document.findall(nodes.section)), None)
    if section is not None and section.children and isinstance(section[0], nodes.title):
        section.insert(1, notice)
    else:
        document.insert(0, notice)


def coverage(env: BuildEnvironment) -> dict[str, tuple[int, int]]:
    if not hasattr(env, "oklab_translation_coverage"):
        env.oklab_translation_coverage = {}
    return env.oklab_translation_coverage


def purge_coverage(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    coverage(env).pop(docname, None)


def merge_coverage(app: Sphinx, env: BuildEnvironment, docnames, other: BuildEnvironment) -> None:
    for docname in docnames:
        if docname in coverage(other):
            coverage(env)[docname] = coverage(other)[docname]


def coverage_report(language: str, pages: dict[str, tuple[int, int]], per_page: bool) -> str:
    """``Übersetzung da: 97 % (330 von 341 Texten)`` and, if asked, one line per page."""
    done = sum(t for t, _ in pages.values())
    total = sum(n for _, n in pages.values())
    share = 100 if total == 0 else int(100 * done / total)
    lines = [messages.COVERAGE.format(language=language, share=share, done=done, total=total)]
    if per_page:
        for docname, (t, n) in sorted(pages.items()):
            page_share = 100 if n == 0 else int(100 * t / n)
            lines.append(f"  {docname}: {page_share} % ({t}/{n})")
    return "\n".join(lines)


def print_coverage(app: Sphinx, exception: Exception | None) -> None:
    if exception or is_source_language(app.config) or app.builder.format != "html":
        return
    pages = {d: c for d, c in coverage(app.env).items() if d in app.env.found_docs}
    release = "oklab_release" in app.config and app.config.oklab_release  # oklab.legal
    per_page = release or app.config.oklab_coverage_per_page
    logger.info(coverage_report(app.config.language, pages, per_page=per_page))


def setup(app: Sphinx) -> dict:
    app.setup_extension("oklab.plaintext")  # translated plain text without MyST: build time
    app.add_config_value("oklab_source_language", "de", "env", types=[str])
    # The coverage per page, not only per language (release builds always print it).
    app.add_config_value("oklab_coverage_per_page", False, "", types=[bool])
    # Pages whose German text alone is binding (Impressum, Datenschutz): translations say so.
    app.add_config_value("oklab_binding_in_source_language", [], "env", types=[list])
    app.connect("config-inited", check_catalogs, priority=100)
    app.connect("write-started", add_extracted_messages)
    app.connect("doctree-resolved", add_inline_texts)
    app.add_transform(MarkUntranslated)
    app.connect("env-purge-doc", purge_coverage)
    app.connect("env-merge-info", merge_coverage)
    app.connect("build-finished", print_coverage)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
