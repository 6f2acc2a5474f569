"""Live reload with plain ``sphinx-autobuild . _build/html``, and strict published builds.

sphinx-autobuild runs ``python -m sphinx build`` as a child process with the environment
unchanged and injects an inline script into every page it serves; it sets no variable a build
could recognise it by. So conf.py decides the other way round: builds that are published (Read
the Docs, ``OKLAB_RELEASE=1``) keep the strict Content-Security-Policy, every other build lets
the live-reload script run. The table below is that decision, written out; the browser tests
run a real sphinx-autobuild process on a copy of the site, edit a page and watch Chromium
reload it, and watch the same server's script being blocked in published builds.
"""

from __future__ import annotations

import os
import runpy
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
import yaml
from harness import CSP_LISTENER, ROOT, SITE_VARIABLES, copy_site, site_environment
from oracles import CSP_LIVE_RELOAD, CSP_PUBLISHED, csp_directives, expected_policy

# Values from the lab's public facts (tests/data/facts-lab.yaml), used only so that a release
# build has complete operator data (as in tests/test_legal.py); they say nothing about who
# runs the website.
COMPLETE_OPERATOR = {
    "name": "Kontakt Allgemein",
    "street": "Norderstraße 49",
    "postcode": "24939",
    "city": "Flensburg",
    "email": "oklabflensburg@grain.one",
}


# -- The decision in conf.py --------------------------------------------------------------------

# environment -> (live reload allowed, release check, pull-request preview, its number)
DECISIONS = [
    ({}, (True, False, False, "")),
    ({"OKLAB_RELEASE": "1"}, (False, True, False, "")),
    ({"READTHEDOCS": "True"}, (False, True, False, "")),
    ({"READTHEDOCS": "True", "READTHEDOCS_VERSION_TYPE": "branch"}, (False, True, False, "")),
    ({"READTHEDOCS": "True", "READTHEDOCS_VERSION_TYPE": "tag"}, (False, True, False, "")),
    (
        {"READTHEDOCS": "True", "READTHEDOCS_VERSION_TYPE": "external", "READTHEDOCS_VERSION": "7"},
        (False, False, True, "7"),
    ),
    # only Read the Docs' own marker makes a pull-request preview
    ({"READTHEDOCS_VERSION_TYPE": "external"}, (True, False, False, "")),
]


@pytest.mark.parametrize(("variables", "expected"), DECISIONS)
def test_conf_decides_from_what_marks_a_published_build(monkeypatch, variables, expected):
    for name in list(os.environ):
        if name.startswith(SITE_VARIABLES):
            monkeypatch.delenv(name)
    for name, value in variables.items():
        monkeypatch.setenv(name, value)
    conf = runpy.run_path(str(ROOT / "conf.py"))
    decided = (
        conf["oklab_live_reload"],
        conf["oklab_release"],
        conf["oklab_pr_preview"],
        conf["oklab_pr_number"],
    )
    assert decided == expected


def test_make_html_and_the_tests_build_strictly():
    sys.path.insert(0, str(ROOT / "tools"))
    import tasks

    assert "oklab_live_reload=0" in tasks.STRICT
    assert "OKLAB_PREVIEW" not in (ROOT / "tools" / "tasks.py").read_text(encoding="utf-8")


def test_make_serve_fails_on_warnings_and_keeps_live_reload(monkeypatch):
    """`make serve` shows the same errors as `make html`, and its pages still reload."""
    sys.path.insert(0, str(ROOT / "tools"))
    import tasks

    ran = []
    monkeypatch.setattr(tasks, "ensure_venv", lambda: Path("python"))
    monkeypatch.setattr(tasks, "run_for_editors", lambda cmd, env=None: ran.append(cmd) or 0)
    assert tasks.serve([]) == 0
    (cmd,) = ran
    words = [str(part) for part in cmd]
    assert words[1:3] == ["-m", "sphinx_autobuild"]
    assert {"-W", "-n", "--keep-going"} <= set(words)
    assert not any("oklab_live_reload" in word for word in words), words


# -- A real sphinx-autobuild process --------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def autobuild_program() -> str:
    """sphinx-autobuild as installed next to this Python (``.venv/bin`` or ``.venv\\Scripts``)."""
    program = shutil.which("sphinx-autobuild", path=str(Path(sys.executable).parent))
    assert program, "sphinx-autobuild fehlt: `make venv` installiert es (requirements/dev.txt)"
    return program


def wait_for(url: str, process: subprocess.Popen, timeout: float = 180) -> None:
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        if process.poll() is not None:
            raise AssertionError(f"sphinx-autobuild ended with {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if b"</html>" in response.read():
                    return
        except OSError:
            pass
        time.sleep(0.25)
    raise AssertionError(f"sphinx-autobuild served nothing at {url} within {timeout} s")


@pytest.fixture
def autobuild(tmp_path):
    """Start ``sphinx-autobuild . _build/html`` in a copy of the site, as its README shows
    (only the port is chosen, so parallel runs do not collide). -> (base URL, source folder)"""
    processes: list[subprocess.Popen] = []

    def start(variables: dict[str, str], operator: dict | None = None) -> tuple[str, Path]:
        src = copy_site(tmp_path / "site")
        if operator is not None:
            data_file = src / "_data" / "lab.yaml"
            data = yaml.safe_load(data_file.read_text(encoding="utf-8"))
            data["operator"] = operator
            data_file.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        port = free_port()
        process = subprocess.Popen(
            [autobuild_program(), ".", "_build/html", "--port", str(port)],
            cwd=src,
            env=site_environment(**variables),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # the builds it starts end with it
        )
        processes.append(process)
        base = f"http://127.0.0.1:{port}/"
        wait_for(base + "ueber-uns/index.html", process)
        return base, src

    yield start
    for process in processes:
        if process.poll() is None:
            os.killpg(process.pid, 15) if hasattr(os, "killpg") else process.terminate()
            process.wait(timeout=30)


def wait_until(page, expression: str, what: str, timeout: float = 30) -> None:
    """Poll ``expression`` from outside the page (Playwright's own waiting evaluates strings
    inside the page, which a strict policy forbids)."""
    deadline = time.monotonic() + timeout
    while not page.evaluate(expression):
        if time.monotonic() > deadline:
            raise AssertionError(f"{what} (CSP violations: {page.evaluate('window.__csp')})")
        page.wait_for_timeout(100)


def served_policy(page):
    """(the served page's policy by directive, the parsed page)."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(page.content(), "html.parser")
    tag = soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})
    return {name: set(values) for name, values in csp_directives(tag["content"]).items()}, soup


def open_served_page(browser, url: str):
    page = browser.new_page()
    page.add_init_script(CSP_LISTENER)
    page.goto(url, wait_until="load")
    return page


@pytest.mark.browser
def test_plain_sphinx_autobuild_reloads_the_browser_after_an_edit(browser, autobuild):
    base, src = autobuild({})
    page = open_served_page(browser, base + "ueber-uns/index.html")
    wait_until(
        page,
        "typeof ws === 'object' && ws.readyState === WebSocket.OPEN",
        "sphinx-autobuild's script did not open its WebSocket",
    )
    policy, soup = served_policy(page)
    assert policy == expected_policy(soup, CSP_LIVE_RELOAD)

    marker = f"Frisch gespeichert {time.time_ns()}"
    source = src / "ueber-uns" / "index.md"
    with page.expect_navigation(timeout=120_000):  # the reload sphinx-autobuild asks for
        source.write_text(source.read_text(encoding="utf-8") + f"\n{marker}\n", "utf-8")
    page.wait_for_load_state("load")
    assert marker in page.inner_text("article")
    assert page.evaluate("window.__csp") == []
    page.close()


@pytest.mark.browser
@pytest.mark.parametrize(
    "variables",
    [{"OKLAB_RELEASE": "1"}, {"READTHEDOCS": "True", "READTHEDOCS_VERSION_TYPE": "branch"}],
    ids=["OKLAB_RELEASE", "read-the-docs"],
)
def test_published_builds_keep_the_strict_policy(browser, autobuild, variables):
    """The same server and script: a published build's policy blocks the inline script."""
    base, _src = autobuild(variables, operator=COMPLETE_OPERATOR)
    page = open_served_page(browser, base + "ueber-uns/index.html")
    policy, soup = served_policy(page)
    assert policy == expected_policy(soup, CSP_PUBLISHED)
    assert page.evaluate("typeof ws") == "undefined"  # the live-reload script did not run
    assert any(v.startswith("script-src") for v in page.evaluate("window.__csp"))
    page.close()
