"""The Content-Security-Policy: exactly the intended policy in every page, honoured by the site,
and it blocks what is injected.

The policy is parsed into directives and compared with the sets written out in
``tests/oracles.py``: for every published page, and for the build plain ``sphinx-autobuild``
makes, which lets exactly its live-reload script run. In Chromium, an inline script injected
into a page (that snippet, as a proxy or an attacker would add it) is blocked; that every page
opens without a single violation is checked on the walk through every page
(``test_accessibility.py``). Live reload under a real sphinx-autobuild process, and the policy
of published builds served by it: ``test_live_reload.py``.
"""

from __future__ import annotations

import re

import pytest
from harness import CSP_LISTENER, LANGUAGES, STRICT, Output
from oracles import CSP_LIVE_RELOAD, CSP_PUBLISHED, csp_directives, expected_policy
from sphinx_autobuild.middleware import web_socket_script

HASH = re.compile(r"'sha256-[A-Za-z0-9+/]{43}='")


def csp_of(soup) -> str:
    tags = soup.find_all("meta", attrs={"http-equiv": "Content-Security-Policy"})
    assert len(tags) == 1, f"{len(tags)} policies"
    return tags[0]["content"]


def check_policy(soup, expected: dict[str, set[str]], path: str) -> None:
    policy = csp_directives(csp_of(soup))
    assert {name: set(values) for name, values in policy.items()} == expected_policy(
        soup, expected
    ), path
    assert all(len(values) == len(set(values)) for values in policy.values()), (path, policy)
    hashes = [value for value in policy["style-src"] if value != "'self'"]
    assert hashes and all(HASH.fullmatch(value) for value in hashes), (path, hashes)
    # hashes would allow style="" attributes only with 'unsafe-hashes': there are none
    assert soup.find_all(style=True) == [], path


@pytest.mark.parametrize("language", LANGUAGES)
def test_published_policy_is_exact_on_every_page(sites, language):
    site = sites[language]
    for path in site.pages():
        soup = site.page(path)
        check_policy(soup, CSP_PUBLISHED, path)
        # a policy covers only what comes after it
        first = soup.head.find(_loads_or_csp)
        assert first is not None and first.get("http-equiv") == "Content-Security-Policy", path


@pytest.mark.sphinx(
    "dirhtml",
    testroot="catalogue",
    freshenv=True,
    confoverrides=STRICT | {"oklab_live_reload": True},
)
def test_live_reload_policy_is_exact_on_every_page(app):
    """What conf.py decides for plain sphinx-autobuild (``oklab_live_reload``, see
    test_live_reload.py), on a small site; the real site under sphinx-autobuild: there."""
    app.build()
    assert app.statuscode == 0 and app.warning.getvalue() == ""
    built = Output(app.outdir)
    assert len(built.pages()) >= 10
    for path in built.pages():
        check_policy(built.page(path), CSP_LIVE_RELOAD, path)


def open_page(browser, url: str, inject: str = ""):
    """Open ``url``; ``inject`` is appended to the HTML as a proxy would. -> (page, messages)"""
    page = browser.new_page()
    page.add_init_script(CSP_LISTENER)
    messages: list[str] = []
    page.on("console", lambda msg: messages.append(msg.text))
    if inject:

        def add_snippet(route):
            response = route.fetch()
            route.fulfill(response=response, body=response.text() + inject)

        page.route(
            "**/*",
            lambda route: (
                add_snippet(route)
                if route.request.resource_type == "document"
                else route.continue_()
            ),
        )
    page.goto(url)
    page.wait_for_load_state("load")
    return page, messages


def _loads_or_csp(tag) -> bool:
    return tag.name in ("link", "style", "script") or tag.get("http-equiv") is not None


def test_no_inline_scripts_that_would_need_unsafe_inline(site):
    for path in site.pages():
        for script in site.page(path).find_all("script"):
            assert script.get("src") or script.get("type") == "application/ld+json", (
                path,
                str(script)[:80],
            )


@pytest.mark.browser
def test_theme_script_from_file_still_sets_the_colour_scheme(browser, server):
    page, _ = open_page(browser, server)
    assert page.evaluate("document.body.dataset.theme") == "auto"
    page.evaluate("document.querySelector('.theme-toggle').click()")
    assert page.evaluate("document.body.dataset.theme") != "auto"
    page.close()


@pytest.mark.browser
def test_injected_inline_script_is_blocked(browser, server):
    snippet = web_socket_script("127.0.0.1:9").replace(
        "const ws", "window.__injected = true; const ws"
    )
    page, _ = open_page(browser, server, inject=snippet)
    assert page.evaluate("window.__injected === undefined")
    assert any(v.startswith("script-src") for v in page.evaluate("window.__csp"))
    page.close()
