"""What the terminal shows an editor: a quiet `make html`, one German line at the end of a
failed build, and `make serve` with the same German messages after every rebuild and a word
when the page in the browser is out of date.

The commands run as an editor runs them, in a copy of the website (with this checkout's
.venv): their exit status and printed lines are the contract.
"""

from __future__ import annotations

import os
import queue
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import sphinx_autobuild
from harness import ROOT

from tools import tasks

NOTE = (
    "Hinweis: Impressum und Datenschutz zeigen „Angaben fehlen noch“, bis in _data/lab.yaml im "
    "Block „operator“ alles eingetragen ist (es fehlt: name, street, postcode, city, email). "
    "Für die Vorschau ist das in Ordnung; veröffentlicht wird erst mit vollständigen Angaben."
)
EDIT_LINK_NOTE = (
    "Hinweis: Die Adresse des Repositorys der Website fehlt (conf.py, html_theme_options "
    "„source_repository“); die Seiten zeigen noch keinen Link „Seite bearbeiten“."
)
# What a build printed before (issue 15): none of it may appear.
NOISE = re.compile(
    r"myst v\d|MdParserConfig|matplotlib|editable|setuptools|The configuration has changed|"
    r"Running Sphinx|loading translations|reading sources|writing output|build succeeded|"
    r"build finished|warnings treated as errors|tools/tasks\.py|\[sphinx-autobuild\]|"
    r"Serving on|Traceback|WARNING"
)
# The coverage line of a translation (its figures change with every translated text).
COVERAGE = re.compile(r"^Übersetzung (da|en): \d+ % \(\d+ von \d+ Texten\)$")
# Two new pages with one mistake each (independent of the site's own pages).
WERKSTATT = (
    "---\ntitle: Werkstatt\n---\n\n# Werkstatt\n\nZur [Testkarte](../projekte/testkart.md).\n"
)
TESTKARTE = "---\ntitle: Testkarte\ndescription: Eine Karte.\nstatus: geplant\n---\n\n# Testkarte\n"
ERRORS = [
    "mitmachen/werkstatt.md:7: ERROR: Das Linkziel „../projekte/testkart.md“ gibt es nicht, "
    "weder als Seite oder Datei noch als Überschrift. Meintest du „../projekte/testkarte.md“? "
    "Seiten verlinkst du mit ihrem Pfad relativ zu dieser Datei (zum Beispiel "
    "../kontakt/index.md), Überschriften mit # und ihrem Anker (zum Beispiel #wann-und-wo).",
    "projekte/testkarte.md:4: ERROR: Feld „status“: ungültiger Wert 'geplant'; erlaubt: "
    "seeking (sucht Mitwirkende), active (in Arbeit), finished (abgeschlossen); wie auf der "
    "älteren Website auch: „Sucht ehrenamtlich Engagierte“, „In Arbeit“, „Abgeschlossen“",
]
SUMMARY = "Bau fehlgeschlagen: 2 Fehler in projekte/testkarte.md, mitmachen/werkstatt.md"
OUT_OF_DATE = (
    "Achtung: Die Seite im Browser ist nicht mehr aktuell, weil der letzte Bau fehlgeschlagen "
    "ist. Behebe die Fehler oben und speichere die Datei erneut."
)


def website(tmp_path: Path) -> Path:
    """The website as an editor has it, in a temporary folder, with this checkout's .venv."""
    dest = tmp_path / "website"
    skip = shutil.ignore_patterns(
        ".git", ".venv", "_build", "node_modules", "tests", "benchmarks", "__pycache__", ".*cache"
    )
    shutil.copytree(ROOT, dest, ignore=skip)
    (dest / ".venv").symlink_to(ROOT / ".venv", target_is_directory=True)
    return dest


def editor_env() -> dict[str, str]:
    # Not as a sub-make of `make test` (no "Entering directory" lines).
    skip = ("MAKEFLAGS", "MAKELEVEL", "MFLAGS", "PYTHONPATH")
    return {k: v for k, v in os.environ.items() if k not in skip}


def make(folder: Path, target: str) -> tuple[int, list[str]]:
    """``make <target>`` (``python tools/tasks.py <target>`` where there is no make)."""
    if shutil.which("make"):
        cmd = ["make", "--no-print-directory", target]
    else:
        cmd = [sys.executable, "tools/tasks.py", target]
    proc = subprocess.run(cmd, cwd=folder, capture_output=True, text=True, env=editor_env())
    return proc.returncode, (proc.stdout + proc.stderr).splitlines()


def without_make(lines: list[str]) -> list[str]:
    """GNU make's own last word after a failed command ("make: *** [html] Error 1")."""
    return [line for line in lines if not line.startswith("make: ***")]


def test_a_successful_build_shows_only_what_an_editor_needs(tmp_path):
    status, lines = make(website(tmp_path), "html")
    assert status == 0, "\n".join(lines)
    # One line per language, the notes once (the German build's), each translation's coverage
    assert [COVERAGE.sub("Übersetzung \\1: … %", line) for line in lines] == [
        "Baue Deutsch (de) …",
        EDIT_LINK_NOTE,
        NOTE,
        "Baue Dansk (da) …",
        "Übersetzung da: … %",
        "Baue English (en) …",
        "Übersetzung en: … %",
        "Fertig: _build/html/index.html (leitet weiter nach de/)",
    ], "\n".join(lines)
    assert not NOISE.search("\n".join(lines))


def test_a_failed_build_names_file_and_line_and_ends_with_one_german_line(tmp_path):
    folder = website(tmp_path)
    (folder / "mitmachen" / "werkstatt.md").write_text(WERKSTATT, encoding="utf-8")
    (folder / "projekte" / "testkarte.md").write_text(TESTKARTE, encoding="utf-8")
    status, lines = make(folder, "html")
    assert status != 0
    shown = without_make(lines)
    # the German build fails: the other languages are not built
    expected = ["Baue Deutsch (de) …", EDIT_LINK_NOTE, NOTE, ERRORS[1], ERRORS[0], SUMMARY]
    assert shown == expected, "\n".join(lines)
    assert not NOISE.search("\n".join(shown))


def test_a_rebuild_in_the_preview_shows_no_configuration_noise(tmp_path, capsys):
    folder = website(tmp_path)
    # The command sphinx-autobuild runs for `make serve`, twice: a first build and a rebuild.
    cmd = [sys.executable, "-m", "sphinx", "build", folder, folder / "_build" / "serve"]
    cmd += ["-b", "dirhtml", *tasks.STRICT_WARNINGS]
    assert tasks.run_for_editors(cmd, env=editor_env()) == 0
    capsys.readouterr()
    kontakt = folder / "kontakt" / "index.md"
    kontakt.write_text(kontakt.read_text(encoding="utf-8") + "\nNoch ein Satz.\n", "utf-8")
    assert tasks.run_for_editors(cmd, env=editor_env()) == 0
    assert capsys.readouterr().out.splitlines() == [EDIT_LINK_NOTE, NOTE]


# -- sphinx-autobuild's English lines, in German -------------------------------------------

GREEN, CYAN, BLUE, RESET = "\x1b[32m", "\x1b[36m", "\x1b[34m", "\x1b[0m"
PREVIEW = {
    f"{GREEN}[sphinx-autobuild] {CYAN}Starting initial build{RESET}": "Die Vorschau baut die "
    "Website …",
    f"{GREEN}[sphinx-autobuild] {BLUE}> python -m sphinx build . _build/serve{RESET}": None,
    f"{GREEN}[sphinx-autobuild] {CYAN}Serving on http://127.0.0.1:8000{RESET}": "Vorschau läuft "
    "auf http://127.0.0.1:8000/",
    f"{GREEN}[sphinx-autobuild] {CYAN}Waiting to detect changes...{RESET}": "Warte auf "
    "Änderungen (beenden mit Strg+C) …",
    f"{GREEN}[sphinx-autobuild] {CYAN}Detected changes (kontakt/index.md){RESET}": "Geändert: "
    "kontakt/index.md – baue neu …",
    f"{GREEN}[sphinx-autobuild] {CYAN}Rebuilding...{RESET}": None,
    "Sphinx exited with exit code: 1": None,
    "The server will continue serving the build folder, but the contents being served are no "
    "longer in sync with the documentation sources. Please fix the cause of the error above or "
    "press Ctrl+C to stop the server.": OUT_OF_DATE,
    f"{GREEN}[sphinx-autobuild] {CYAN}Server ceasing operations. Cheerio!{RESET}": "Vorschau "
    "beendet.",
    "Running Sphinx v9.0.4": None,
    "loading translations [de]... done": None,
    "kontakt/index.md:12: ERROR: Den Baustein {karte} gibt es nicht.": "kontakt/index.md:12: "
    "ERROR: Den Baustein {karte} gibt es nicht.",
}


@pytest.mark.parametrize("line", PREVIEW)
def test_the_preview_speaks_german(line):
    assert tasks.for_editors(line) == PREVIEW[line]


@pytest.mark.parametrize(
    "text",
    [
        "[sphinx-autobuild] ",
        '"Starting initial build"',
        'f"Serving on {self.uri}"',
        '"Waiting to detect changes..."',
        "f\"Detected changes ({', '.join(rel_paths)})\"",
        '"Rebuilding..."',
        'f"Sphinx exited with exit code: {e.returncode}"',
        '"The server will continue serving the build folder, but the contents "',
        '"Server ceasing operations. Cheerio!"',
    ],
)
def test_sphinx_autobuild_still_prints_what_the_preview_translates(text):
    source = Path(sphinx_autobuild.__file__).parent
    assert any(text in file.read_text(encoding="utf-8") for file in source.glob("*.py")), (
        f"sphinx-autobuild {sphinx_autobuild.__version__} no longer prints {text}: adjust "
        "PREVIEW_LINES in tools/tasks.py"
    )


# -- make serve, as an editor uses it -------------------------------------------------------


class Preview:
    """`python tools/tasks.py serve` in the background; its lines arrive in a queue."""

    def __init__(self, folder: Path) -> None:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        cmd = [sys.executable, "tools/tasks.py", "serve", "--port", str(port)]
        self.process = subprocess.Popen(
            cmd,
            cwd=folder,
            env=editor_env(),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            start_new_session=True,  # its own group: stopped below as Strg+C would stop it
        )
        self.lines: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.process.stdout:
            self.lines.put(line.rstrip("\n"))

    def until(self, wanted: str, timeout: float = 300, required: bool = True) -> list[str]:
        """The lines up to and including the first that starts with ``wanted``."""
        start, got = time.monotonic(), []
        while time.monotonic() - start < timeout:
            try:
                line = self.lines.get(timeout=1)
            except queue.Empty:
                continue
            got.append(line)
            self.seen.append(line)
            if line.startswith(wanted):
                return got
        if required:
            pytest.fail(f"no line {wanted!r} within {timeout} s; got:\n" + "\n".join(self.seen))
        return []

    def save(self, path: Path, text: str) -> None:
        """Save a file as an editor does, and again if the preview's file watcher, which may
        still be starting, missed it."""
        for _attempt in range(10):
            path.write_text(text, encoding="utf-8")
            if self.until("Geändert: ", timeout=30, required=False):
                return
        pytest.fail("the preview noticed no change:\n" + "\n".join(self.seen))

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGINT)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()


@pytest.mark.skipif(sys.platform == "win32", reason="process groups")
def test_the_preview_shows_the_same_german_messages_after_each_rebuild(tmp_path):
    folder = website(tmp_path)
    preview = Preview(folder)
    try:
        first = preview.until("Warte auf Änderungen (beenden mit Strg+C) …")
        assert first[-5:-1] == [
            "Die Vorschau baut die Website …",
            EDIT_LINK_NOTE,
            NOTE,
            first[-2],
        ]
        assert first[-2].startswith("Vorschau läuft auf http://127.0.0.1:")
        preview.save(folder / "projekte" / "testkarte.md", TESTKARTE)
        failed = preview.until(OUT_OF_DATE)
        assert failed[-3:] == [ERRORS[1], "Bau fehlgeschlagen: 1 Fehler in projekte/testkarte.md",
                               OUT_OF_DATE]  # fmt: skip
        fixed = TESTKARTE.replace("status: geplant", "status: seeking")
        preview.save(folder / "projekte" / "testkarte.md", fixed)
        again = preview.until(first[-2])
        assert [line for line in again if "ERROR" in line or "Bau fehlgeschlagen" in line] == []
    finally:
        preview.stop()
    assert not NOISE.search("\n".join(preview.seen)), "\n".join(preview.seen)
