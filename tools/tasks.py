"""The site's developer commands on every system (``serve html catalogs test bench mutants lock
clean``).

The Makefile and make.bat only call this script, so the logic lives here once:

    python tools/tasks.py test        # Linux, macOS (or: make test)
    py tools\\tasks.py test            # Windows (or: make test in cmd, .\\make test in PowerShell)

Standard library only, for any Python 3.11 or newer. The first call creates ``.venv`` and
installs the locked tools from ``requirements/dev.txt`` (hash-checked); later calls reinstall
only when that file changed. The messages are German: editors read them.
"""

# ruff: noqa: E402  (the version check comes before the imports that need a new Python)
from __future__ import annotations

import sys

MIN_PYTHON = (3, 11)
if sys.version_info < MIN_PYTHON:  # before anything newer is used: a clear word, no traceback
    sys.exit(
        f"Python {MIN_PYTHON[0]}.{MIN_PYTHON[1]} oder neuer ist nötig, gefunden: "
        f"{sys.version_info[0]}.{sys.version_info[1]}. Installiere ein neueres Python und "
        "starte den Befehl damit (zum Beispiel: make test PYTHON=python3.12)."
    )

import argparse
import hashlib
import os
import re
import shutil
import subprocess
import tomllib
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = ROOT / "pyproject.toml"
VENV = ROOT / ".venv"
STAMP = ".installed"  # inside the venv: the SHA-256 of the lock file it was installed from
DEV_LOCK = ROOT / "requirements" / "dev.txt"  # site + preview + test tools: what `make` installs
SITE_LOCK = ROOT / "requirements" / "site.txt"  # only what building needs: Read the Docs
NU_CHECKER = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
# Strict like Read the Docs: every warning is an error, every reference must resolve, and the
# Content-Security-Policy has no room for sphinx-autobuild's inline live-reload script (conf.py
# allows it in every build that is not published).
STRICT_WARNINGS = ["-W", "-n", "--keep-going"]
STRICT = [*STRICT_WARNINGS, "-D", "oklab_live_reload=0"]
# What the live preview must not watch (sphinx-autobuild matches paths with forward slashes,
# on Windows too).
PREVIEW_IGNORE = r"/(\.venv|\.git|_build|tests|benchmarks|node_modules)/"

# The site's languages (conf.py: oklab_languages), the source language first.
LANGUAGES = ["de", "da", "en"]
SOURCE_LANGUAGE = LANGUAGES[0]
# The page at the root of _build/html: it sends readers to the source language (a meta refresh,
# no script: the strict Content-Security-Policy), with a plain link per language as well.
ROOT_PAGE = """<!DOCTYPE html>
<html lang="{source}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'">
<meta http-equiv="refresh" content="0; url={source}/">
<title>OK Lab Flensburg</title>
<link rel="canonical" href="{source}/">
</head>
<body>
<main>
<h1>OK Lab Flensburg</h1>
<ul>
{links}
</ul>
</main>
</body>
</html>
"""
LANGUAGE_NAMES = {"de": "Deutsch", "da": "Dansk", "en": "English"}

Runner = Callable[..., int]


class TaskError(Exception):
    """A failure the user can fix; the message says how (German, no traceback)."""


def say(message: str) -> None:
    print(message, flush=True)


def run(cmd: Sequence[str | os.PathLike], env: dict[str, str] | None = None) -> int:
    """Run ``cmd`` in the repository root; return its exit status."""
    return subprocess.run([str(part) for part in cmd], cwd=ROOT, env=env, check=False).returncode


# -- What the terminal shows an editor ---------------------------------------------------------
#
# The site's extension makes Sphinx quiet and German (_ext/oklab/console.py). Two of Sphinx's
# lines come before it is loaded, and sphinx-autobuild speaks English: both are handled here,
# for `html` and `serve` alike. Everything else passes unchanged.

ANSI_COLOUR = re.compile(r"\x1b\[[0-9;]*m")
SPHINX_START = ("Running Sphinx v", "loading translations [")
# sphinx-autobuild's own lines (sphinx_autobuild/build.py, __main__.py) -> German, or None
# for a line an editor does not need. tests/test_console.py checks that the installed
# sphinx-autobuild still prints them.
PREVIEW_LINES = [
    (r"\[sphinx-autobuild\] Starting initial build", "Die Vorschau baut die Website …"),
    (r"\[sphinx-autobuild\] > ", None),
    (r"\[sphinx-autobuild\] Serving on (\S+)", "Vorschau läuft auf {0}/"),
    (
        r"\[sphinx-autobuild\] Waiting to detect changes",
        "Warte auf Änderungen (beenden mit Strg+C) …",
    ),
    (r"\[sphinx-autobuild\] Detected changes \((.*)\)", "Geändert: {0} – baue neu …"),
    (r"\[sphinx-autobuild\] Rebuilding", None),
    (r"Sphinx exited with exit code", None),
    (
        r"The server will continue serving the build folder",
        "Achtung: Die Seite im Browser ist nicht mehr aktuell, weil der letzte Bau "
        "fehlgeschlagen ist. Behebe die Fehler oben und speichere die Datei erneut.",
    ),
    (r"\[sphinx-autobuild\] Server ceasing operations", "Vorschau beendet."),
]


def for_editors(line: str) -> str | None:
    """One line of Sphinx's or sphinx-autobuild's output as an editor reads it (None: hidden)."""
    plain = ANSI_COLOUR.sub("", line).rstrip()
    if plain.startswith(SPHINX_START):
        return None
    for english, german in PREVIEW_LINES:
        if found := re.match(english, plain):
            return None if german is None else german.format(*found.groups())
    return line.rstrip("\r\n")


def run_for_editors(
    cmd: Sequence[str | os.PathLike],
    env: dict[str, str] | None = None,
    shown_before: set[str] | None = None,
) -> int:
    """Run ``cmd`` in the repository root, showing its output through ``for_editors``; a line
    in ``shown_before`` (what earlier commands of the same task showed) is not repeated."""
    env = {**(os.environ if env is None else env), "PYTHONUNBUFFERED": "1"}
    with subprocess.Popen(
        [str(part) for part in cmd],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        encoding="utf-8",
        errors="replace",
    ) as process:
        for line in process.stdout:
            shown = for_editors(line)
            if shown is None or (shown_before is not None and shown in shown_before):
                continue
            if shown_before is not None:
                shown_before.add(shown)
            print(shown, flush=True)
        return process.wait()


def colour_option() -> list[str]:
    """Sphinx writes into a pipe here: colours only if the editor's terminal shows them."""
    return ["--color"] if sys.stdout.isatty() else ["--no-color"]


# -- The virtual environment -------------------------------------------------------------------


def venv_scripts(venv: Path, os_name: str = os.name) -> Path:
    """The folder with the venv's programs: ``Scripts`` on Windows, ``bin`` elsewhere."""
    return venv / ("Scripts" if os_name == "nt" else "bin")


def venv_python(venv: Path, os_name: str = os.name) -> Path:
    return venv_scripts(venv, os_name) / ("python.exe" if os_name == "nt" else "python")


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def create_venv(venv: Path = VENV, runner: Runner = run) -> Path:
    """Create ``venv`` unless it has a Python already; return that Python."""
    python = venv_python(venv)
    if not python.exists():
        say(f"Lege die Umgebung {venv.name} an …")
        if runner([sys.executable, "-m", "venv", "--clear", venv]) != 0:
            raise TaskError(
                f"Die Umgebung {venv.name} ließ sich nicht anlegen. Debian/Ubuntu: "
                "`apt-get install python3-venv`, dann den Befehl wiederholen."
            )
    return python


def ensure_venv(venv: Path = VENV, lock: Path = DEV_LOCK, runner: Runner = run) -> Path:
    """The venv's Python, with the locked versions of ``lock`` installed (hash-checked).

    Installs only when the lock file differs from the one recorded in the stamp file, and
    records it only after a successful install (an interrupted install is repeated). Packages
    that a new lock drops stay installed until .venv is deleted.
    """
    python = create_venv(venv, runner)
    stamp = venv / STAMP
    digest = file_digest(lock)
    if stamp.exists() and stamp.read_text(encoding="utf-8").strip() == digest:
        return python
    rel = lock.relative_to(ROOT).as_posix() if lock.is_relative_to(ROOT) else lock
    say(f"Installiere die Abhängigkeiten aus {rel} (beim ersten Mal 1–2 Minuten) …")
    install = [python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    if runner([*install, "--require-hashes", "-r", lock]) != 0:
        raise TaskError(
            "Die Installation ist fehlgeschlagen (siehe oben). Prüfe die Internetverbindung "
            "und starte den Befehl erneut."
        )
    stamp.write_text(digest + "\n", encoding="utf-8")
    return python


# -- Node tools (Nu Html Checker, Lighthouse) --------------------------------------------------


def npm_ci(*options: str, runner: Runner = run) -> None:
    npm = shutil.which("npm")
    if npm is None:
        raise TaskError(
            "npm fehlt (es installiert die Prüfwerkzeuge aus package.json). Debian/Ubuntu: "
            "`apt-get install npm`; Windows und macOS: Node.js installieren (enthält npm)."
        )
    if runner([npm, "ci", *options, "--ignore-scripts", "--no-audit", "--no-fund"]) != 0:
        raise TaskError("`npm ci` ist fehlgeschlagen (siehe oben); bitte erneut starten.")


def ensure_nu_checker(runner: Runner = run) -> None:
    """The Nu Html Checker (npm package vnu-jar, pinned in package-lock.json)."""
    if not NU_CHECKER.exists():
        npm_ci("--omit=dev", runner=runner)
    if shutil.which("java") is None:
        say(
            "Achtung: Java fehlt, die HTML-Prüfung (Nu Html Checker) wird fehlschlagen. "
            "Debian/Ubuntu: `apt-get install default-jre-headless`; sonst Java 17 oder neuer "
            "installieren."
        )


# -- The commands ------------------------------------------------------------------------------


def serve(args: list[str]) -> int:
    """Live preview: rebuild on every save and reload the browser."""
    parser = argparse.ArgumentParser(prog="tasks.py serve")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", default="8000")
    parser.add_argument("--language", default=SOURCE_LANGUAGE, choices=LANGUAGES)
    options = parser.parse_args(args)
    python = ensure_venv()
    say(f"Vorschau startet auf http://{options.host}:{options.port}/ (beenden mit Strg+C)")
    cmd = [python, "-m", "sphinx_autobuild", ".", f"_build/serve/{options.language}"]
    cmd += ["-b", "dirhtml", "-d", f"_build/serve/.doctrees/{options.language}"]
    cmd += ["-D", f"language={options.language}"]
    cmd += ["--host", options.host, "--port", options.port]
    cmd += ["--re-ignore", PREVIEW_IGNORE, "--ignore", "*.mo"]
    # The same messages as `html` and Read the Docs; the live-reload script stays allowed.
    cmd += [*STRICT_WARNINGS, *colour_option()]
    try:
        return run_for_editors(cmd)
    except KeyboardInterrupt:  # Strg+C is how the preview is meant to end: no error
        say("Vorschau beendet.")
        return 0


def language_build(python: Path, language: str, *args: str) -> list[str | os.PathLike]:
    """One language, strictly, as Read the Docs builds its translation project."""
    out, doctrees = f"_build/html/{language}", f"_build/doctrees/{language}"
    cmd = [python, "-m", "sphinx", "-b", "dirhtml", *STRICT, "-E", *colour_option()]
    return [*cmd, "-d", doctrees, "-D", f"language={language}", *args, ".", out]


def root_page() -> str:
    links = "\n".join(
        f'<li><a href="{code}/" lang="{code}" hreflang="{code}">{LANGUAGE_NAMES[code]}</a></li>'
        for code in LANGUAGES
    )
    return ROOT_PAGE.format(source=SOURCE_LANGUAGE, links=links)


def html(args: list[str]) -> int:
    """Build every language strictly into _build/html/<language>/, as Read the Docs does,
    and a page at the root that sends readers to the German site."""
    python = ensure_venv()
    shown: set[str] = set()  # the notes about missing data: once, not once per language
    for language in LANGUAGES:
        say(f"Baue {LANGUAGE_NAMES[language]} ({language}) …")
        status = run_for_editors(language_build(python, language, *args), shown_before=shown)
        if status != 0:
            return status
    (ROOT / "_build" / "html" / "index.html").write_text(root_page(), encoding="utf-8")
    say("Fertig: _build/html/index.html (leitet weiter nach de/)")
    return 0


def catalogs(args: list[str]) -> int:
    """Bring every language's catalogs (locales/<language>/) in step with the German pages."""
    python = ensure_venv()
    pot = "_build/gettext"
    shutil.rmtree(ROOT / pot, ignore_errors=True)
    if run([python, "-m", "sphinx", "-b", "gettext", "-q", *args, ".", pot]) != 0:
        raise TaskError("Die Texte ließen sich nicht aus den Seiten sammeln (siehe oben).")
    update = [python, "-m", "sphinx_intl", "update", "-p", pot, "-d", "locales"]
    for language in LANGUAGES[1:]:
        update += ["-l", language]
    if run(update) != 0:
        raise TaskError("Die Übersetzungsdateien ließen sich nicht aktualisieren (siehe oben).")
    say(
        "Die Übersetzungsdateien in locales/da/ und locales/en/ sind auf dem Stand der Seiten. "
        "Neue und geänderte Texte haben ein leeres oder als „fuzzy“ markiertes msgstr."
    )
    return 0


# The whole suite on every core (pytest-xdist): one process per core, each test file kept in
# one process, so a file's session fixtures (the built sites, the browser) are made once there
# (the groups: tests/conftest.py). The groups are handed out in the order the tests come in,
# the longest first (conftest.py sorts them so), not by pytest-xdist's own order (most tests
# first): that put the three browser checks, one long test each, last and all on one process,
# while the other waited ten of the suite's seventeen minutes.
WHOLE_SUITE = ["--numprocesses", "auto", "--dist", "loadgroup", "--no-loadscope-reorder"]


def test(args: list[str]) -> int:
    """All checks (pytest), on every core; arguments go to pytest instead, e.g. ``test
    tests/test_build.py -x`` (then in one process)."""
    python = ensure_venv()
    ensure_nu_checker()
    return run([python, "-m", "pytest", *(args or WHOLE_SUITE)])


def bench(args: list[str]) -> int:
    """Build times, preview latency, page weight, Lighthouse and search in one table."""
    python = ensure_venv()
    if not LIGHTHOUSE.exists():
        npm_ci()  # with devDependencies: Lighthouse
    # Pagefind, the search the site's own is compared with (not part of the site or the tests).
    install = [python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    if run([*install, *pyproject()["dependency-groups"]["bench"]]) != 0:
        raise TaskError("Pagefind ließ sich nicht installieren (siehe oben); bitte erneut starten.")
    return run([python, "benchmarks/bench.py", *args])


# Mutation testing (``make mutants``): the modules whose logic is pure, and the fast tests that
# must notice every change to them.
MUTATED = [
    "models.py",
    "errors.py",
    "yamlsource.py",
    "ordering.py",
    "escape.py",
    "phrases.py",
    "csp.py",
    "calendar.py",
]
MUTATION_TESTS = "tests/unit"


def mutation_workspace(work: Path) -> Path:
    """A copy for mutmut: the extension as ``src/oklab`` (mutmut names modules by their path
    below ``src/``), the fast tests and the data they read, and mutmut's settings."""
    shutil.rmtree(work, ignore_errors=True)
    shutil.copytree(ROOT / "_ext" / "oklab", work / "src" / "oklab")
    shutil.copytree(ROOT / MUTATION_TESTS, work / MUTATION_TESTS)
    shutil.copytree(ROOT / "_data", work / "_data")
    shutil.copy(PYPROJECT, work / "pyproject.toml")  # the version the extension reports
    only = "\n    ".join(f"src/oklab/{name}" for name in MUTATED)
    (work / "setup.cfg").write_text(
        "[mutmut]\n"
        "source_paths = src/oklab\n"
        f"only_mutate =\n    {only}\n"
        f"pytest_add_cli_args_test_selection = {MUTATION_TESTS}\n"
        "also_copy = _data\n"
        # Sphinx glue in those modules (event handlers, setup) is left to the build tests:
        # only lines the fast tests run are mutated (a build per mutant would take hours).
        "mutate_only_covered_lines = true\n",
        encoding="utf-8",
    )
    return work


def mutants(args: list[str]) -> int:
    """Mutation testing with mutmut; the survivors are listed at the end."""
    python = ensure_venv()
    (requirement,) = pyproject()["dependency-groups"]["mutants"]
    install = [python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    if run([*install, requirement]) != 0:
        raise TaskError("mutmut ließ sich nicht installieren (siehe oben); bitte erneut starten.")
    work = mutation_workspace(ROOT / "_build" / "mutants")
    mutmut = [python, "-m", "mutmut"]
    status = subprocess.run([*map(str, mutmut), "run", *args], cwd=work, check=False).returncode
    subprocess.run([*map(str, mutmut), "results"], cwd=work, check=False)
    say(f"Einen Mutanten ansehen: cd {work.relative_to(ROOT)}, dann mutmut show NAME")
    return status


def lock_commands(uv: Sequence[str | os.PathLike]) -> list[list[str | os.PathLike]]:
    """The two uv calls that write the lock files from pyproject.toml.

    dev.txt first; site.txt is then constrained by it, so Read the Docs builds with exactly the
    versions the tests ran with.
    """
    # One set of versions for Linux, macOS and Windows and every Python the project allows
    # ("fewest": no second Sphinx just because a newer one needs a newer Python).
    common = ["--universal", "--fork-strategy", "fewest", "--python-version", oldest_python()]
    common += ["--generate-hashes", "--upgrade", "--annotation-style", "line"]
    common += ["--custom-compile-command", "python tools/tasks.py lock", "--quiet"]
    # Paths relative to the repository root (the working directory): uv writes them into the
    # files' comments, which must not depend on where the clone lies.
    dev, site = (lock.relative_to(ROOT).as_posix() for lock in (DEV_LOCK, SITE_LOCK))
    return [
        [*uv, "pip", "compile", "pyproject.toml", "--group", "dev", *common, "-o", dev],
        [*uv, "pip", "compile", "pyproject.toml", "-c", dev, *common, "-o", site],
    ]


def pyproject() -> dict:
    return tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))


def oldest_python() -> str:
    """The lower bound of ``requires-python`` (``>=3.11`` → ``3.11``): what the locks target."""
    return pyproject()["project"]["requires-python"].removeprefix(">=")


def lock_tool_requirement() -> str:
    """The pinned uv from pyproject.toml's dependency group "lock", e.g. ``uv==0.13.9``."""
    (requirement,) = pyproject()["dependency-groups"]["lock"]
    return requirement


def lock(args: list[str]) -> int:
    """Write requirements/dev.txt and requirements/site.txt anew (newest allowed versions)."""
    python = create_venv()
    install = [python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    if run([*install, lock_tool_requirement()]) != 0:
        raise TaskError("uv ließ sich nicht installieren (siehe oben); bitte erneut starten.")
    for cmd in lock_commands([python, "-m", "uv"]):
        if run(cmd) != 0:
            raise TaskError(
                "Die Lock-Dateien ließen sich nicht erzeugen (siehe oben). Oft passen zwei "
                "Versionsbereiche in pyproject.toml nicht zusammen."
            )
    say(
        "requirements/dev.txt und requirements/site.txt sind neu. Jetzt `make test` ausführen "
        "(installiert die neuen Versionen) und beide Dateien mit pyproject.toml committen."
    )
    return 0


def clean(args: list[str]) -> int:
    shutil.rmtree(ROOT / "_build", ignore_errors=True)
    return 0


def venv(args: list[str]) -> int:
    """Only create or update .venv."""
    ensure_venv()
    return 0


COMMANDS: dict[str, Callable[[list[str]], int]] = {
    "serve": serve,
    "html": html,
    "catalogs": catalogs,
    "test": test,
    "bench": bench,
    "mutants": mutants,
    "lock": lock,
    "clean": clean,
    "venv": venv,
}

USAGE = """Aufruf: python tools/tasks.py BEFEHL   (oder: make BEFEHL)

  serve   Live-Vorschau auf http://127.0.0.1:8000 (--host, --port ändern das;
          --language da oder en zeigt die dänische oder englische Website)
  html    Website streng in allen Sprachen nach _build/html/<sprache>/ bauen, wie Read the Docs
  catalogs Übersetzungsdateien (locales/da, locales/en) auf den Stand der Seiten bringen
  test    alle Prüfungen; weitere Argumente gehen an pytest
  bench   Bauzeiten, Seitengewicht und Lighthouse messen (etwa 5 Minuten)
  mutants Mutationstests (mutmut) der reinen Module mit den schnellen Tests
  lock    requirements/*.txt aus pyproject.toml neu erzeugen (neueste erlaubte Versionen)
  clean   _build löschen
  venv    nur die Umgebung .venv anlegen oder aktualisieren"""


def main(argv: list[str]) -> int:
    if not argv or argv[0] in ("-h", "--help", "help"):
        say(USAGE)
        return 0 if argv else 2
    name, *args = argv
    if name not in COMMANDS:
        print(f"Unbekannter Befehl „{name}“.\n\n{USAGE}", file=sys.stderr)
        return 2
    try:
        return COMMANDS[name](args)
    except TaskError as error:
        print(f"Fehler: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
