"""What an editor reads in the terminal: every message German, with file and line, no noise.

- Every warning and error leaves as ``datei.md:ZEILE: ERROR: …``, the path relative to the
  site's folder (never ``/tmp/…``); ``-W`` still makes every warning fail the build.
- The warnings of Sphinx, docutils and MyST an editor can cause by editing Markdown are said in
  German with what to do (``messages.SPHINX_WARNINGS``, with "meintest du …?" where a close
  name exists). Anything else keeps Sphinx's words, marked as such, never dropped.
- Sphinx's progress lines, MyST's configuration and Sphinx's English summary are not shown
  (``sphinx-build -v`` shows them); the site's own notes are.
- A build with mistakes ends with one line: "Bau fehlgeschlagen: 2 Fehler in a.md, b.md".

How: Python logging filters on the two handlers Sphinx sets up for its logger (warnings and
status), the mechanism Sphinx's own ``suppress_warnings`` uses. Which handlers those are is
Sphinx's internal setup: if it changes, the build stops with a message (README, "furo oder
Sphinx aktualisieren").
"""

from __future__ import annotations

import difflib
import logging
import posixpath
import re
from pathlib import Path, PurePosixPath

from sphinx.application import Sphinx
from sphinx.errors import ExtensionError
from sphinx.util import logging as sphinx_logging

from . import __version__, messages

logger = sphinx_logging.getLogger(__name__)

# The site's own loggers: their notes are what an editor needs from a successful build.
OWN_LOGGERS = f"{sphinx_logging.NAMESPACE}.oklab"
# Sphinx appends the warning's type to its text (``show_warning_types``).
TYPE_SUFFIX = re.compile(r" \[[\w.-]+\]$")
# The building blocks the editor guide shows: the candidates for "meintest du …?".
KNOWN_DIRECTIVES = [
    "note", "tip", "hint", "important", "warning", "caution", "attention", "danger", "error",
    "seealso", "admonition", "image", "figure", "list-table", "csv-table", "table",
    "code-block", "include", "toctree", "card", "grid", "grid-item", "grid-item-card",
    "button-ref", "button-link", "dropdown", "tab-set", "tab-item", "projekte", "kontakte",
    "links", "treffen", "anbieter",
]  # fmt: skip
KNOWN_ROLES = ["projektstatus", "octicon", "ref", "doc", "download", "abbr", "sub", "sup", "kbd"]


def editor_path(path: str | Path, srcdir: str | Path) -> str:
    """``/tmp/x/projekte/karte.md`` -> ``projekte/karte.md`` (a path outside stays as it is)."""
    try:
        relative = Path(path).resolve().relative_to(Path(srcdir).resolve())
    except (ValueError, OSError):
        return str(path)
    return PurePosixPath(*relative.parts).as_posix()


def split_location(location: str) -> tuple[str, int | None]:
    """``"/a/b.md:8"`` -> ``("/a/b.md", 8)``; also ``"b.md"``, ``"b.md:"``, ``"C:\\b.md:8"``."""
    head, colon, tail = location.rpartition(":")
    if colon and len(head) > 1 and (tail.isdigit() or not tail):
        return head, int(tail) if tail else None
    return location, None


def did_you_mean(name: str, candidates, form: str = "{}") -> str:
    """`` Meintest du „…“?`` for the closest candidate (written as ``form``), or ``""``."""
    candidates = sorted(set(candidates))
    close = [c for c in candidates if c.casefold() == name.casefold() and c != name]
    close = close or difflib.get_close_matches(name, candidates, n=1, cutoff=0.8)
    return messages.DID_YOU_MEAN.format(name=form.format(close[0])) if close else ""


class GermanWarnings(logging.Filter):
    """Rewords every record on Sphinx's warning handler; remembers the files for the summary.

    Runs after Sphinx's own filters: the record is counted (``-W``) and its location is a path.
    """

    def __init__(self, app: Sphinx) -> None:
        super().__init__()
        self.app = app
        self.count = 0
        self.files: list[str] = []
        self.line: int | None = None  # of the record being reworded

    def filter(self, record: logging.LogRecord) -> bool:
        english = record.msg % record.args if record.args else str(record.msg)
        english = TYPE_SUFFIX.sub("", english)
        path, line = split_location(str(getattr(record, "location", None) or ""))
        shown = editor_path(path, self.app.srcdir) if path else ""
        if shown and not line and shown.endswith(".md"):
            line = 1  # a mistake of the whole page: its first line
        kind = ".".join(filter(None, (getattr(record, "type", ""), getattr(record, "subtype", ""))))
        self.line = line
        german = english if kind.startswith("oklab") else self.german(kind, english, shown)
        record.msg, record.args = german, ()
        record.location = f"{shown}:{line}" if shown and line else (shown or None)
        record.levelno, record.levelname = logging.ERROR, "ERROR"
        self.count += 1
        if shown and shown not in self.files:
            self.files.append(shown)
        return True

    def german(self, kind: str, english: str, shown: str) -> str:
        for name, rule in messages.SPHINX_WARNINGS.items():
            if rule.kind != kind.split(".", 1)[0] and rule.kind != kind:
                continue
            found = re.search(rule.english, english, re.S)
            if found is None:
                continue
            fields = {"vorschlag": "", **found.groupdict()}
            extra = getattr(self, f"_{name}", None)
            more = extra(fields, shown) if extra is not None else {}
            if more is None:
                continue  # the rule does not fit this case; the next one may
            return rule.german.format(**{**fields, **more})
        return messages.UNTRANSLATED.format(english=english)

    # -- What a message adds to Sphinx's words ------------------------------------------------

    def _folder_without_index(self, fields: dict, shown: str) -> dict | None:
        srcdir = Path(self.app.srcdir)
        folder = PurePosixPath(shown).parent
        missing = [f for f in reversed(folder.parents) if f.parts] + (
            [folder] if folder.parts else []
        )
        missing = [f for f in missing if not (srcdir / f / "index.md").is_file()]
        return {"ordner": missing[0].as_posix()} if missing else None

    def _link_target_missing(self, fields: dict, shown: str) -> dict:
        return {"vorschlag": self._page_suggestion(fields["ziel"], shown)}

    def _document_missing(self, fields: dict, shown: str) -> dict:
        return {"vorschlag": self._page_suggestion(fields["seite"], shown, suffix="")}

    def _reference_missing(self, fields: dict, shown: str) -> dict:
        return {"vorschlag": self._page_suggestion(fields["ziel"], shown, suffix="")}

    def _page_suggestion(self, target: str, shown: str, suffix: str = ".md") -> str:
        """ " Meintest du „../projekte/karte.md“?" for a page whose name is close to ``target``."""
        env = getattr(self.app, "env", None)
        if env is None or not shown or not target:
            return ""
        here = PurePosixPath(shown).parent
        wanted = PurePosixPath(target.removesuffix(".md").rstrip("/"))
        wanted = PurePosixPath(
            posixpath.normpath(wanted if target.startswith("/") else here / wanted)
        )
        wanted = PurePosixPath(*[p for p in wanted.parts if p != "/"])
        same_folder = {
            PurePosixPath(doc).name: doc
            for doc in env.found_docs
            if PurePosixPath(doc).parent == wanted.parent
        }
        close = difflib.get_close_matches(wanted.name, sorted(same_folder), n=1, cutoff=0.75)
        if not close:
            return ""
        return messages.DID_YOU_MEAN.format(
            name=_relative(PurePosixPath(same_folder[close[0]]), here).as_posix() + suffix
        )

    def _footnote_unused(self, fields: dict, shown: str) -> dict:
        """docutils names a footnote ``[^quelle]`` as ``#``: its name is in the editor's line."""
        if fields["name"] != "#" or not self.line:
            return {}
        try:
            text = Path(self.app.srcdir, shown).read_text(encoding="utf-8-sig").split("\n")
            found = re.match(r"\s*\[\^([^\]]+)\]:", text[self.line - 1])
        except (OSError, IndexError):
            found = None
        return {"name": found[1]} if found else {}

    def _heading_jump(self, fields: dict, shown: str) -> dict:
        return {"richtig": "#" * (int(fields["von"]) + 1), "falsch": "#" * int(fields["nach"])}

    def _image_missing(self, fields: dict, shown: str) -> dict:
        wanted = Path(self.app.srcdir) / fields["pfad"]
        others = [p.name for p in wanted.parent.iterdir()] if wanted.parent.is_dir() else []
        return {"vorschlag": did_you_mean(wanted.name, others)}

    def _label_twice(self, fields: dict, shown: str) -> dict:
        return {"datei": editor_path(fields["datei"], self.app.srcdir)}

    def _include_missing(self, fields: dict, shown: str) -> dict:
        return {"pfad": editor_path(fields["pfad"], self.app.srcdir)}

    def _directive_unknown(self, fields: dict, shown: str) -> dict:
        return {"vorschlag": did_you_mean(fields["name"], KNOWN_DIRECTIVES, "{{{}}}")}

    def _role_unknown(self, fields: dict, shown: str) -> dict:
        return {"vorschlag": did_you_mean(fields["name"], KNOWN_ROLES, "{{{}}}")}

    def _substitution_unknown(self, fields: dict, shown: str) -> dict:
        names = sorted(getattr(self.app.config, "myst_substitutions", {}) or {})
        return {
            "vorschlag": did_you_mean(fields["name"], names, "{{{{ {} }}}}"),
            "bekannt": ", ".join(f"{{{{ {name} }}}}" for name in names) or "keine",
        }

    def _option_unknown(self, fields: dict, shown: str) -> dict:
        allowed = re.findall(r"'([\w-]+)'", fields.pop("erlaubt") or "")
        return {
            "vorschlag": did_you_mean(fields["name"], allowed, ":{}:"),
            "bekannt": ", ".join(f":{name}:" for name in allowed) or "keine",
        }


def _relative(target: PurePosixPath, start: PurePosixPath) -> PurePosixPath:
    """``projekte/karte.md`` seen from ``kontakt`` -> ``../projekte/karte.md``."""
    up = [".."] * len(start.parts)
    common = 0
    for a, b in zip(start.parts, target.parts, strict=False):
        if a != b:
            break
        common += 1
    return PurePosixPath(*up[common:], *target.parts[common:])


class QuietStatus(logging.Filter):
    """Only the site's own notes on Sphinx's status handler (everything with ``-v``)."""

    def __init__(self, app: Sphinx) -> None:
        super().__init__()
        self.app = app

    def filter(self, record: logging.LogRecord) -> bool:
        return self.app.verbosity > 0 or record.name.startswith(OWN_LOGGERS)


def sphinx_handlers() -> tuple[logging.Handler, logging.Handler]:
    """Sphinx's warning and status handlers (``sphinx.util.logging.setup``)."""
    handlers = logging.getLogger(sphinx_logging.NAMESPACE).handlers
    warnings = [h for h in handlers if isinstance(h, sphinx_logging.WarningStreamHandler)]
    status = [h for h in handlers if isinstance(h, sphinx_logging.NewLineStreamHandler)]
    if len(warnings) != 1 or len(status) != 1:
        raise ExtensionError(
            "oklab.console: Sphinx richtet seine Ausgabe nicht mehr mit je einem "
            "WarningStreamHandler und NewLineStreamHandler ein (sphinx.util.logging.setup); "
            "die deutschen Meldungen brauchen sie. Bitte _ext/oklab/console.py anpassen "
            "(README: „furo oder Sphinx aktualisieren“)."
        )
    return warnings[0], status[0]


def summarise(app: Sphinx, exception: Exception | None) -> None:
    """The last line of a build with mistakes (Sphinx's own summary is not shown)."""
    german = getattr(app, "oklab_german_warnings", None)
    if exception is not None or german is None or not german.count:
        return
    if german.files:
        line = messages.BUILD_FAILED.format(count=german.count, files=", ".join(german.files))
    else:
        line = messages.BUILD_FAILED_ELSEWHERE.format(count=german.count)
    logger.info(line)


def setup(app: Sphinx) -> dict:
    warnings, status = sphinx_handlers()
    app.oklab_german_warnings = GermanWarnings(app)
    warnings.addFilter(app.oklab_german_warnings)
    status.addFilter(QuietStatus(app))
    app.connect("build-finished", summarise, priority=900)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
