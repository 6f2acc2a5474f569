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


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The real site, built clean (``-E``) with warnings as errors, as ``make html`` builds
    it: with the published Content-Security-Policy (no room for live reload)."""
    out = tmp_path_factory.mktemp("site")
    strict_csp = ("-D", "oklab_live_reload=0")
    build = sphinx_build(ROOT, out / "html", "-E", "-d", str(out / "doctrees"), *strict_csp)
    assert build.returncode == 0, build.output
    return build


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
def server(site: Build):
    """Serve the built site like a static host; yields its base URL (``http://127.0.0.1:PORT/``)."""
    import functools
    import threading
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    class QuietHandler(SimpleHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

    handler = functools.partial(QuietHandler, directory=str(site.outdir))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


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
