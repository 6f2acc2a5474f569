"""Shared fixtures: the real site built once per session (clean, strict, in process), its
Read the Docs and preview variants, the test roots (``sphinx.testing``), a static server and
a real Chromium.

Helpers (builds, parsed pages, the server, site copies) live in ``harness.py``.
"""

from __future__ import annotations

import multiprocessing
import shutil
import sys
from pathlib import Path

import pytest
from harness import (
    EXT,
    GROWN_BY,
    LANGUAGES,
    PUBLISHED_CSP,
    ROOT,
    ROOTS,
    RTD_URL,
    STRICT,
    Built,
    LanguagesHandler,
    build_in_process,
    copy_root,
    environment,
    make_site,
    serve,
    write_files,
)

# The site's extension package ``oklab``, once for every in-process build: the test roots'
# conf.py files cannot name it (sphinx.testing copies them to a temporary folder).
sys.path.insert(0, str(EXT))

pytest_plugins = ["sphinx.testing.fixtures"]

# An in-process build that starts helper processes (a parallel Sphinx build; sphinx-sitemap's
# multiprocessing.Manager did on every build until the site wrote its own sitemap): forked
# from this process, they would inherit the pipe to Playwright's driver and keep it open, and
# the session would hang when the browser shuts down. With "forkserver" (Python 3.14's default)
# they start from a clean server process instead, which imports nothing of ours.
multiprocessing.set_start_method("forkserver", force=True)
multiprocessing.set_forkserver_preload([])


def pytest_configure(config: pytest.Config) -> None:
    # In-process builds show the deprecation warnings of other packages (not ours).
    for module in ("myst_parser.*", "notfound.*"):
        config.addinivalue_line(
            "filterwarnings", f"ignore::sphinx.deprecation.RemovedInSphinx11Warning:{module}"
        )


# The test file that checks every page in Chromium, one long test per language.
EVERY_PAGE_IN_THE_BROWSER = "test_accessibility"


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist reads the groups (its hook names them)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Marks that match: ``-m "not browser"`` runs every test that needs no Chromium."""
    mismatched = [
        item.nodeid
        for item in items
        if ("browser" in getattr(item, "fixturenames", ()))
        != (item.get_closest_marker("browser") is not None)
    ]
    if mismatched:
        raise pytest.UsageError(f"the browser fixture and the browser mark differ: {mismatched}")
    # ``make test`` (pytest-xdist, ``--dist loadgroup``): a test file stays in one process, so
    # its session fixtures are made once there; the browser check of each language, the
    # longest test by far, is a group of its own, so the processes share the three.
    for item in items:
        language = getattr(item, "callspec", None) and item.callspec.params.get("language")
        every_page = item.path.stem == EVERY_PAGE_IN_THE_BROWSER
        group = item.path.stem + (f"-{language}" if every_page and language else "")
        item.add_marker(pytest.mark.xdist_group(group))
    # The longest groups first (``make test`` hands groups out in this order): a browser check
    # of every page takes nearly half of the suite's work; started last, one process did all
    # three while the other had nothing left to do.
    items.sort(key=lambda item: item.path.stem != EVERY_PAGE_IN_THE_BROWSER)


def pytest_xdist_node_collection_finished(node, ids: list[str]) -> None:
    """Stop if pytest-xdist lost the groups (it names a grouped test ``…@group``; with pytest 9.2
    that name no longer sticks): each process would build every site variant again, and the
    suite would take twice as long without saying why."""
    if node.config.getvalue("dist") == "loadgroup" and ids and not any("@" in i for i in ids):
        pytest.exit(
            "pytest-xdist hält die Testgruppen (xdist_group) nicht mehr zusammen; prüfe die "
            "Versionen von pytest und pytest-xdist in pyproject.toml.",
            returncode=pytest.ExitCode.USAGE_ERROR,
        )


def strict_site(
    tmp_path_factory: pytest.TempPathFactory,
    name: str,
    confoverrides: dict | None = None,
    **variables: str,
) -> Built:
    """The real site built clean in process; a warning or error fails the fixture."""
    build = build_in_process(ROOT, tmp_path_factory.mktemp(name), confoverrides, **variables)
    assert build.statuscode == 0 and build.warnings == "", build.warnings
    return build


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The real site as ``make html`` builds it: no Read the Docs, and with the published
    Content-Security-Policy (``-D oklab_live_reload=0``, no room for live reload)."""
    return strict_site(tmp_path_factory, "site", PUBLISHED_CSP)


@pytest.fixture(scope="session")
def rtd_site(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The real site with Read the Docs' canonical URL (language and version in the path)."""
    return strict_site(tmp_path_factory, "rtd", PUBLISHED_CSP, READTHEDOCS_CANONICAL_URL=RTD_URL)


@pytest.fixture(scope="session")
def grown_site(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """A copy of the site grown as editors grow it: 40 more (synthetic) projects and posts, and a
    project and a page copied unchanged from the editor's templates in ``_vorlagen/``."""
    work = tmp_path_factory.mktemp("grown")
    src = make_site(work / "src", GROWN_BY, posts=GROWN_BY)
    shutil.copy(ROOT / "_vorlagen" / "projekt.md", src / "projekte" / "neues-projekt.md")
    (src / "neue-seite").mkdir()
    shutil.copy(ROOT / "_vorlagen" / "seite.md", src / "neue-seite" / "index.md")
    build = build_in_process(src, work / "build", PUBLISHED_CSP)
    assert build.statuscode == 0 and build.warnings == "", build.warnings
    return build


# -- Test roots (tests/roots/test-<name>) ------------------------------------------------------


@pytest.fixture(scope="session")
def rootdir() -> Path:
    """Where ``@pytest.mark.sphinx(testroot=…)`` finds its roots."""
    return ROOTS


@pytest.fixture
def root_app(make_app, tmp_path):
    """A test root copied to a fresh folder, with ``files`` written into it, as a test app.

    For cases whose files must change before Sphinx starts (the data file is read at
    start-up) or between two builds (``freshenv=False``: an incremental build of the same
    copy); unchanged roots use ``@pytest.mark.sphinx(testroot=…)`` directly.
    """
    made = []

    def make(name, files=None, confoverrides=None, freshenv=True, **variables):
        src = tmp_path / name
        if not src.exists():
            copy_root(name, src)
        write_files(src, files or {})
        for earlier in made:  # one application at a time: Sphinx's registries are global
            earlier.cleanup()
        with environment(**variables):
            app = make_app(
                "dirhtml",
                srcdir=src,
                builddir=tmp_path / "_build",
                freshenv=freshenv,
                confoverrides=STRICT | (confoverrides or {}),
            )
        made.append(app)
        return app

    return make


# -- Every language (``make html``: ``html/de/``, ``html/da/``, ``html/en/``) --------------------


@pytest.fixture(scope="session")
def sites(site: Built, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Built]:
    """Every language, each built once per session (clean, strict, in process) like the German
    ``site``: ``language`` set as ``make html`` and Read the Docs set it (``-D language=…``)."""
    built = {"de": site}
    for code in LANGUAGES[1:]:
        built[code] = strict_site(
            tmp_path_factory, f"site-{code}", PUBLISHED_CSP | {"language": code}
        )
    return built


@pytest.fixture(scope="session")
def languages_folder(sites: dict[str, Built], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One folder with every language below its code (``de/``, ``da/``, ``en/``), as
    ``make html`` and Read the Docs lay them out (links to the language of the built pages)."""
    folder = tmp_path_factory.mktemp("languages")
    for code, build in sites.items():
        (folder / code).symlink_to(build.outdir, target_is_directory=True)
    return folder


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
def host(languages_folder: Path):
    """Every language on a static host like Read the Docs; yields the root URL
    (``http://127.0.0.1:PORT/``): the German site below ``de/``, the others below ``da/`` and
    ``en/``; an unknown address gets its language's 404 page."""
    with serve(languages_folder, LanguagesHandler) as url:
        yield url


@pytest.fixture(scope="session")
def server(site: Built, tmp_path_factory: pytest.TempPathFactory):
    """The German site's base URL (``http://127.0.0.1:PORT/de/``), served like ``host`` but
    without building the other languages."""
    folder = tmp_path_factory.mktemp("german")
    (folder / "de").symlink_to(site.outdir, target_is_directory=True)
    with serve(folder, LanguagesHandler) as url:
        yield url + "de/"


@pytest.fixture(scope="session")
def browser():
    """Chromium: the system's (``/usr/bin/chromium``) if there is one, else Playwright's own."""
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
