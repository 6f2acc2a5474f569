"""Every page of the built site passes the Nu Html Checker (the W3C validator) without errors.

The checker is the npm package ``vnu-jar`` pinned in package.json (``make test`` installs it
with ``npm ci``) and runs on Java 17 or newer.
"""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
from conftest import ROOT

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
INSTALL_HINT = (
    "Der Nu Html Checker fehlt: `make test` installiert ihn (`npm ci` im Repository), "
    "dazu Java 17 (`apt-get install default-jre-headless`) und npm (`apt-get install npm`)."
)


@pytest.fixture(scope="module")
def vnu_messages(sites) -> list[dict]:
    """The checker's messages for every page of every language (one run)."""
    java = shutil.which("java")
    if not java or not VNU.exists():
        pytest.fail(INSTALL_HINT, pytrace=False)
    files = [
        build.outdir / (p if p.endswith(".html") else p + "index.html")
        for build in sites.values()
        for p in build.pages()
    ]
    assert files, "the site has no pages"
    proc = subprocess.run(
        [java, "-jar", str(VNU), "--format", "json", "--stdout", *map(str, files)],
        capture_output=True,
        text=True,
        check=False,
    )
    report = json.loads(proc.stdout)
    return report["messages"]


def test_every_page_is_valid_html(site, vnu_messages):
    errors = [m for m in vnu_messages if m["type"] in ("error", "non-document-error")]
    where = site.outdir.parent.as_uri()
    listing = "\n".join(
        f"{m.get('url', '?').replace(where, '')}:{m.get('lastLine', '?')}: {m['message']}"
        for m in errors
    )
    assert not errors, f"{len(errors)} Fehler des Nu Html Checkers:\n{listing}"


def test_every_page_was_checked(site, vnu_messages):
    """The checker really read each page (it reports every file it could not open)."""
    unreadable = [m for m in vnu_messages if m["type"] == "non-document-error"]
    assert not unreadable
    assert len(site.pages()) >= 5
