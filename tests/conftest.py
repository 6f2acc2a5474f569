"""Shared fixtures: the real site, built once per test session, clean and strict."""

from __future__ import annotations

import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "_ext"))  # the site's extension package, oklab
from benchmarks.synthetic import copy_site, make_site  # noqa: E402, F401  (shared by tests)

# The user's seed page and the public facts, kept with the tests as the reference the built
# site is checked against (independent of _data/lab.yaml, which feeds the site).
DATA = Path(__file__).resolve().parent / "data"
SEED = DATA / "seed-ueber-uns.md"
FACTS_LAB = DATA / "facts-lab.yaml"
FACTS_PROJECTS = DATA / "facts-projects.yaml"


@dataclass
class Build:
    """The result of one ``sphinx-build`` run."""

    returncode: int
    output: str
    outdir: Path

    def page(self, path: str = "") -> BeautifulSoup:
        """The parsed HTML of the page at URL path ``path`` (``""`` is the start page)."""
        file = (
            self.outdir / path / "index.html" if not path.endswith(".html") else self.outdir / path
        )
        return BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")

    def pages(self) -> list[str]:
        """URL paths of every HTML page, e.g. ``"ueber-uns/"``."""
        paths = []
        for file in self.outdir.rglob("*.html"):
            rel = file.relative_to(self.outdir)
            if rel.parts[0].startswith("_"):
                continue
            if file.name != "index.html":
                paths.append(rel.as_posix())
            elif rel.parent != type(rel)("."):
                paths.append(rel.parent.as_posix() + "/")
            else:
                paths.append("")
        return sorted(paths)


def sphinx_build(srcdir: Path, outdir: Path, *args: str, env: dict | None = None) -> Build:
    """Run ``sphinx-build`` as an editor or Read the Docs would (strict, dirhtml)."""
    cmd = [sys.executable, "-m", "sphinx", "-b", "dirhtml", "-W", "-n", "--keep-going", "-q"]
    cmd.append("--no-color")  # CI terminals get colour codes otherwise
    cmd += [*args, str(srcdir), str(outdir)]
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)
    return Build(proc.returncode, proc.stdout + proc.stderr, outdir)


def copy_root(name: str, dest: Path) -> Path:
    """A copy of the small test project ``tests/roots/test-<name>`` plus the site's own icons,
    which the links in ``_data/lab.yaml`` name."""
    shutil.copytree(ROOT / "tests" / "roots" / f"test-{name}", dest)
    shutil.copytree(ROOT / "_static" / "icons", dest / "_static" / "icons")
    return dest


# The site's languages, the source language first (conf.py: oklab_languages).
LANGUAGES = ["de", "da", "en"]


def build_language(out: Path, language: str) -> Build:
    """One language, clean (``-E``) with warnings as errors, as ``make html`` builds it: into
    ``html/<language>/`` (Read the Docs' layout), with the published Content-Security-Policy
    (no room for live reload)."""
    args = ["-E", "-d", str(out / "doctrees" / language), "-D", f"language={language}"]
    build = sphinx_build(ROOT, out / "html" / language, *args, "-D", "oklab_live_reload=0")
    assert build.returncode == 0, build.output
    return build


@pytest.fixture(scope="session")
def site_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("site")


@pytest.fixture(scope="session")
def site(site_folder: Path) -> Build:
    """The real site in German (the source language), built once per session."""
    return build_language(site_folder, "de")


@pytest.fixture(scope="session")
def sites(site: Build, site_folder: Path) -> dict[str, Build]:
    """Every language, each built once per session next to the German one (``html/da/`` …)."""
    return {"de": site, **{code: build_language(site_folder, code) for code in LANGUAGES[1:]}}


# -- Browser: the built site served on 127.0.0.1, visited with a real Chromium ---------------

CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
NO_BROWSER = (
    "Kein Chromium gefunden. Installiere eins mit `apt-get install chromium` (Debian/Ubuntu) "
    "oder `.venv/bin/playwright install chromium`."
)


@pytest.fixture(scope="session")
def host(site: Build):
    """Serve the built languages like a static host; yields the root URL
    (``http://127.0.0.1:PORT/``): the German site is below ``de/``, the others (fixture
    ``sites``) below ``da/`` and ``en/``."""
    import functools
    import threading
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    class QuietHandler(SimpleHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

    handler = functools.partial(QuietHandler, directory=str(site.outdir.parent))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


@pytest.fixture(scope="session")
def server(host: str) -> str:
    """The German site's base URL (``http://127.0.0.1:PORT/de/``)."""
    return host + "de/"


@pytest.fixture(scope="session")
def browser():
    """Chromium: the system's (``/usr/bin/chromium``) if there is one, else Playwright's own."""
    import shutil

    from playwright.sync_api import Error, sync_playwright

    executable = next(
        (p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome")) if p), None
    )
    with sync_playwright() as pw:
        try:
            chromium = pw.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        except Error as err:
            pytest.fail(f"{NO_BROWSER}\n{err}", pytrace=False)
        yield chromium
        chromium.close()
