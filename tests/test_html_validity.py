"""Every page of the built site passes the Nu Html Checker (the W3C validator) without errors.

The checker is the npm package ``vnu-jar`` pinned in package.json (``make test`` installs it
with ``npm ci``) and runs on Java 17 or newer: these tests are marked ``vnu``.
"""

from __future__ import annotations

import pytest
from harness import nu_messages

pytestmark = pytest.mark.vnu

# A control page with one known error: proof that the checker really reads the files it gets.
BROKEN = '<!DOCTYPE html><html lang="de"><head><title>x</title></head><body><p><div></p></body>'


@pytest.fixture(scope="module")
def vnu_messages(sites, tmp_path_factory) -> list[dict]:
    """The checker's messages for every page of every language and the control page (one run)."""
    control = tmp_path_factory.mktemp("vnu") / "kaputt.html"
    control.write_text(BROKEN, encoding="utf-8")
    files = [
        build.outdir / (p if p.endswith(".html") else p + "index.html")
        for build in sites.values()
        for p in build.pages()
    ]
    assert len(files) >= 15, "the site has hardly any pages"
    try:
        return nu_messages([*files, control])
    except FileNotFoundError as missing:
        pytest.fail(str(missing), pytrace=False)


def test_every_page_is_valid_html(sites, vnu_messages):
    errors = [
        m
        for m in vnu_messages
        if m["type"] in ("error", "non-document-error") and "kaputt.html" not in m.get("url", "")
    ]
    listing = "\n".join(
        f"{m.get('url', '?')}:{m.get('lastLine', '?')}: {m['message']}" for m in errors
    )
    assert not errors, f"{len(errors)} Fehler des Nu Html Checkers:\n{listing}"


def test_the_checker_reports_the_control_page(vnu_messages):
    control = [m for m in vnu_messages if m.get("url", "").endswith("/kaputt.html")]
    assert [m["type"] for m in control if m["type"] == "error"], control
