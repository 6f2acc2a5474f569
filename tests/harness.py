"""Test helpers: build the site or a copy of it, read the output, serve it to a browser.

- ``build_in_process``: a strict in-process build (``sphinx.testing``) for output tests
- ``sphinx_cli``: ``python -m sphinx`` as an editor or Read the Docs runs it, for the tests
  whose contract is the exit status and the printed message (bad input, release refusal)
- ``Output``: the parsed pages of a build folder
- ``serve``: the one static server of the tests (and of ``make bench``)
- ``nu_messages``: the Nu Html Checker's messages about some files
- ``copy_root``, ``write_files``, ``write_small_site``: copies of the test roots
- ``copy_site``, ``add_projects``, ``make_site``: copies of the site, with synthetic project
  pages for the scale tests and the benchmark

No pytest here: ``benchmarks/`` imports this module too.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[1]
EXT = ROOT / "_ext"
ROOTS = ROOT / "tests" / "roots"
LAB_FILE = ROOT / "_data" / "lab.yaml"
# The user's seed page and the public facts, kept with the tests as the reference the built
# site is checked against (independent of _data/lab.yaml, which feeds the site).
DATA = ROOT / "tests" / "data"
SEED = DATA / "seed-ueber-uns.md"
FACTS_LAB = DATA / "facts-lab.yaml"
FACTS_PROJECTS = DATA / "facts-projects.yaml"
RTD_URL = "https://oklab-test.readthedocs.io/de/latest/"  # as Read the Docs sets it
# The site's languages, the source language first (conf.py: oklab_languages).
LANGUAGES = ["de", "da", "en"]
GROWN_BY = 40  # synthetic projects in the ``grown_site`` fixture
# conf.py reads variables with these prefixes (OKLAB_RELEASE, READTHEDOCS,
# READTHEDOCS_CANONICAL_URL, READTHEDOCS_VERSION_TYPE, …); a build only sees the ones a test sets.
SITE_VARIABLES = ("OKLAB_", "READTHEDOCS")
# What sphinx-build -W -n asks for, in process: every reference must resolve.
STRICT = {"nitpicky": True}
# What ``make html`` adds (``-D oklab_live_reload=0``): the published Content-Security-Policy.
PUBLISHED_CSP = {"oklab_live_reload": False}
ANSI = re.compile(r"\x1b\[[0-9;]*m")


class Output:
    """The HTML pages of one build (``dirhtml``)."""

    def __init__(self, outdir: Path) -> None:
        self.outdir = Path(outdir)

    def page(self, path: str = "") -> BeautifulSoup:
        """The parsed HTML of the page at URL path ``path`` (``""`` is the start page)."""
        file = self.outdir / path if path.endswith(".html") else self.outdir / path / "index.html"
        return BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")

    def pages(self) -> list[str]:
        """URL paths of every HTML page, e.g. ``"ueber-uns/"`` (start page ``""``)."""
        paths = []
        for file in self.outdir.rglob("*.html"):
            rel = file.relative_to(self.outdir)
            if rel.parts[0].startswith("_"):
                continue
            if file.name != "index.html":
                paths.append(rel.as_posix())
            elif rel.parent.parts:
                paths.append(rel.parent.as_posix() + "/")
            else:
                paths.append("")
        return sorted(paths)


@dataclass
class Built(Output):
    """An in-process build: its output, its warnings and the status it would exit with."""

    outdir: Path
    warnings: str
    statuscode: int

    def __post_init__(self) -> None:
        super().__init__(self.outdir)


@dataclass
class CliBuild(Output):
    """One ``python -m sphinx`` run: exit status, what it printed, its output."""

    returncode: int
    stdout: str
    stderr: str
    outdir: Path

    def __post_init__(self) -> None:
        super().__init__(self.outdir)

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


def site_environment(**variables: str) -> dict[str, str]:
    """The process environment without the site's own variables, plus ``variables``.

    ``_ext`` is on the path here, the one place for subprocesses: the test roots' conf.py
    files cannot name it (sphinx.testing copies them elsewhere).
    """
    env = {k: v for k, v in os.environ.items() if not k.startswith(SITE_VARIABLES)}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(EXT), env.get("PYTHONPATH")]))
    return env | variables


@contextlib.contextmanager
def environment(**variables: str) -> Iterator[None]:
    """``os.environ`` as :func:`site_environment` gives it, restored afterwards."""
    saved = dict(os.environ)
    os.environ.clear()
    os.environ.update(site_environment(**variables))
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)


def build_in_process(
    srcdir: Path, builddir: Path, confoverrides: dict | None = None, **variables: str
) -> Built:
    """Build ``srcdir`` clean into ``builddir/dirhtml``, strictly, in this process.

    The application is cleaned up before returning (Sphinx keeps translators, directives and
    nodes in global registries), so no other test application may be alive meanwhile.
    """
    from sphinx.testing.util import SphinxTestApp

    # SphinxTestApp.cleanup() deletes a docutils.conf in the source folder.
    assert not (Path(srcdir) / "docutils.conf").exists(), "docutils.conf would be deleted"
    with environment(**variables):
        app = SphinxTestApp(
            "dirhtml",
            srcdir=Path(srcdir),
            builddir=Path(builddir),
            freshenv=True,
            confoverrides=STRICT | (confoverrides or {}),
        )
        try:
            app.build()
        finally:
            app.cleanup()
    return Built(app.outdir, ANSI.sub("", app.warning.getvalue()), app.statuscode)


def sphinx_cli(
    srcdir: Path,
    outdir: Path,
    *args: str,
    clean: bool = True,
    quiet: bool = True,
    **variables: str,
) -> CliBuild:
    """Run ``python -m sphinx`` strictly (``-W -n --keep-going``, dirhtml; clean unless
    ``clean=False``, for an incremental build on the doctrees of an earlier one; ``-q`` unless
    ``quiet=False``, for what ``make html`` prints besides warnings, e.g. the coverage)."""
    cmd = [sys.executable, "-m", "sphinx", "-b", "dirhtml", "-W", "-n", "--keep-going"]
    cmd += ["-E"] if clean else []
    cmd += ["-q"] if quiet else []
    cmd += ["--no-color", *args, str(srcdir), str(outdir)]
    env = site_environment(**variables)
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)
    return CliBuild(proc.returncode, proc.stdout, proc.stderr, Path(outdir))


def copy_root(name: str, dest: Path) -> Path:
    """A copy of the test root ``tests/roots/test-<name>`` (symbolic links become files)."""
    shutil.copytree(ROOTS / f"test-{name}", dest)
    return dest


def write_files(srcdir: Path, files: dict[str, str]) -> None:
    """Write ``files`` (path -> text) into a copy; never into the repository's sources."""
    where = Path(srcdir).resolve()
    assert not where.is_relative_to(ROOT) or where.is_relative_to(ROOT / "_build"), srcdir
    for name, text in files.items():
        (srcdir / name).parent.mkdir(parents=True, exist_ok=True)
        (srcdir / name).write_text(text, encoding="utf-8")


def write_small_site(dest: Path, project: dict, lab_changes=None) -> Path:
    """A copy of ``tests/roots/test-escaping`` (every place a front-matter or data value is
    shown) with ``projekte/karte.md`` from ``project`` (front matter) and the real
    ``_data/lab.yaml``, changed by ``lab_changes(data)`` if given."""
    import yaml

    copy_root("escaping", dest)
    lab = yaml.safe_load(LAB_FILE.read_text(encoding="utf-8"))
    if lab_changes is not None:
        lab_changes(lab)
    page = "---\n" + yaml.safe_dump(project, allow_unicode=True) + "---\n\nText.\n"
    write_files(
        dest,
        {"_data/lab.yaml": yaml.safe_dump(lab, allow_unicode=True), "projekte/karte.md": page},
    )
    return dest


# -- The static server and the browser --------------------------------------------------------

# An init script for Chromium: collects Content-Security-Policy violations from the first
# moment of every document in ``window.__csp``.
CSP_LISTENER = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`);
});
"""


class QuietHandler(SimpleHTTPRequestHandler):
    """Static files without a log line per request."""

    def log_message(self, *args) -> None:
        pass


class ReadTheDocsHandler(QuietHandler):
    """Like Read the Docs: an unknown address gets the site's ``404/index.html``, status 404."""

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404" / "index.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class LanguagesHandler(QuietHandler):
    """Every language below its code (``/de/``, ``/da/``, ``/en/``): an unknown address gets
    its language's ``404/index.html`` (German outside a language folder), status 404."""

    def send_error(self, code, message=None, explain=None):
        first = self.path.lstrip("/").split("/", 1)[0]
        language = first if first in LANGUAGES else LANGUAGES[0]
        page = Path(self.directory) / language / "404" / "index.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class Server(ThreadingHTTPServer):
    """A browser that moves on to the next page may drop a request halfway: not an error."""

    def handle_error(self, request, client_address) -> None:
        if not isinstance(sys.exception(), ConnectionError):
            super().handle_error(request, client_address)


@contextlib.contextmanager
def serve(folder: Path, handler: type[SimpleHTTPRequestHandler] = ReadTheDocsHandler):
    """Serve ``folder`` on 127.0.0.1; yields the base URL (``http://127.0.0.1:PORT/``)."""
    httpd = Server(("127.0.0.1", 0), functools.partial(handler, directory=folder))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()


# -- The Nu Html Checker ------------------------------------------------------------------------

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
NU_MISSING = (
    "Der Nu Html Checker fehlt: `make test` installiert ihn (`npm ci` im Repository), "
    "dazu Java 17 (`apt-get install default-jre-headless`) und npm (`apt-get install npm`)."
)


def nu_messages(files: list[Path]) -> list[dict]:
    """The Nu Html Checker's messages (JSON) about ``files``; raises ``FileNotFoundError``
    with ``NU_MISSING`` if Java or the checker is not installed."""
    java = shutil.which("java")
    if not java or not VNU.exists():
        raise FileNotFoundError(NU_MISSING)
    proc = subprocess.run(
        [java, "-jar", str(VNU), "--format", "json", "--stdout", *map(str, files)],
        capture_output=True,
        text=True,
        check=False,
    )
    return json.loads(proc.stdout)["messages"]


# -- Copies of the site, with synthetic project pages ---------------------------------------

# Never copied: tools, caches, build output, tests.
SKIP = {
    ".venv",
    ".git",
    "_build",
    "node_modules",
    "tests",
    "benchmarks",
    ".pytest_cache",
    ".ruff_cache",
    "__pycache__",
}
STATUSES = ("seeking", "active", "finished")
TAGS = ("Umwelt", "Mobilität", "Kultur", "Statistik", "Familie")
PREFIX = "testprojekt-"
WORDS: list[str] = []  # the site's vocabulary while ``add_projects(varied=True)`` runs
POST_PREFIX = "testbeitrag-"
NEWEST_POST = date(2026, 11, 25)  # then one post a week, going back


def copy_site(dest: Path, root: Path = ROOT) -> Path:
    """Copy the site's sources (not its tools or output) to ``dest``."""
    shutil.copytree(
        root,
        dest,
        ignore=lambda _dir, names: [n for n in names if n in SKIP or n.endswith(".mo")],
        symlinks=True,
    )
    return dest


def project_page(number: int) -> str:
    """One synthetic project page, front matter as the real project pages have it.

    The pages use only the front matter every project page has (title, description, status,
    tags, links, repo), are clearly marked as test data ("Testprojekt") and never leave the
    temporary folder.
    """
    status = STATUSES[number % len(STATUSES)]
    tag = TAGS[number % len(TAGS)]
    return f"""---
title: Testprojekt {number}
description: Ein erfundenes Projekt Nummer {number}, nur für Messungen der Bauzeit.
status: {status}
tags: [{tag}]
links:
  - name: Quellcode
    url: https://github.com/oklabflensburg/testprojekt-{number}
repo: testprojekt-{number}
---

# Testprojekt {number}

Dieses Projekt gibt es nicht: Die Seite misst nur, wie die Website mit vielen Projekten wächst.

## Worum es geht

Ein Absatz Text, damit die Seite so lang ist wie eine echte Projektseite. Offene Daten aus
Flensburg werden aufbereitet und als Karte gezeigt.

## Mitmachen

Komm zu einem Treffen und frag nach dem Projekt.

{varied_text(number, WORDS, 60) if WORDS else ""}
"""


def add_projects(site: Path, count: int, start: int = 1, varied: bool = False) -> list[Path]:
    """Write ``count`` synthetic project pages into ``site/projekte/`` (the site's menu and
    catalogue pick them up from the files; ``varied``: with a paragraph of the site's own words
    each, for a realistic search index)."""
    global WORDS
    WORDS = site_words() if varied else []
    folder = site / "projekte"
    files = []
    for number in range(start, start + count):
        file = folder / f"{PREFIX}{number:04d}.md"
        file.write_text(project_page(number), encoding="utf-8")
        files.append(file)
    return files


def post_page(number: int, event: bool | None = None) -> str:
    """One synthetic post (with an event a week after its date: every tenth, unless ``event``
    says)."""
    day = NEWEST_POST - timedelta(weeks=number - 1)
    with_event = number % 10 == 0 if event is None else event
    event = ""
    if with_event:
        when = day + timedelta(weeks=1)
        event = (
            f"event:\n  start: {when} 18:00\n  end: {when} 21:00\n  place:\n    city: Flensburg\n"
        )
    return f"""---
title: Testbeitrag {number}
description: Ein erfundener Beitrag Nummer {number}, nur für Messungen der Bauzeit.
date: {day}
tags: [{TAGS[number % len(TAGS)]}]
{event}---

# Testbeitrag {number}

Diesen Beitrag gibt es nicht: Die Seite misst nur, wie die Website mit vielen Beiträgen wächst.

Ein zweiter Absatz, damit der Beitrag so lang ist wie ein echter. Offene Daten aus Flensburg
werden aufbereitet und gezeigt.

{varied_text(-number, WORDS) if WORDS else ""}
"""


def add_posts(
    site: Path, count: int, start: int = 1, varied: bool = False, event: bool | None = None
) -> list[Path]:
    """Write ``count`` synthetic posts into ``site/neuigkeiten/`` (``varied``: with a paragraph
    of the site's own words each, for a realistic search index; ``event``: see ``post_page``)."""
    global WORDS
    WORDS = site_words() if varied else []
    folder = site / "neuigkeiten"
    files = []
    for number in range(start, start + count):
        file = folder / f"{POST_PREFIX}{number:04d}.md"
        file.write_text(post_page(number, event), encoding="utf-8")
        files.append(file)
    return files


def make_site(dest: Path, projects: int, posts: int = 0) -> Path:
    """A copy of the site with ``projects`` synthetic project pages and ``posts`` posts
    (clearly marked as test data, "Testbeitrag")."""
    copy_site(dest)
    add_projects(dest, projects)
    add_posts(dest, posts)
    return dest


# -- Varied text (for the search index) ------------------------------------------------------


def site_words(root: Path = ROOT) -> list[str]:
    """Every distinct word of the site's own pages, in a fixed order: synthetic text made
    from them gives a search index with the vocabulary of the real site."""
    import re

    words: set[str] = set()
    for folder, subfolders, files in os.walk(root):
        subfolders[:] = sorted(d for d in subfolders if d not in SKIP and d[0] not in "._")
        for name in files:
            if name.endswith(".md") and name != "README.md":
                text = (Path(folder) / name).read_text(encoding="utf-8")
                words.update(re.findall(r"[A-Za-zÄÖÜäöüß]{4,}", text))
    return sorted(words)


def varied_text(number: int, words: list[str], length: int = 120) -> str:
    """``length`` words chosen by ``number`` (deterministic), as a paragraph."""
    import random

    chooser = random.Random(number)
    return " ".join(chooser.choice(words) for _ in range(length)) + "."
