"""The Content-Security-Policy: honoured completely by the site, and it blocks what is injected.

Every page opens in Chromium without a single CSP violation; an inline script injected into a
page (here: sphinx-autobuild's live-reload snippet, as a proxy or an attacker would) is blocked.
Live reload under a real sphinx-autobuild process: tests/test_live_reload.py.
"""

from __future__ import annotations

import pytest
from sphinx_autobuild.middleware import web_socket_script

pytestmark = pytest.mark.browser

# Collects violations from the first moment of every document.
LISTEN = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`);
});
"""


def csp_of(soup) -> str:
    tag = soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})
    return tag["content"] if tag else ""


def open_page(browser, url: str, inject: str = ""):
    """Open ``url``; ``inject`` is appended to the HTML as a proxy would. -> (page, messages)"""
    page = browser.new_page()
    page.add_init_script(LISTEN)
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


def test_policy_is_strict_and_first_in_head(site):
    for path in site.pages():
        soup = site.page(path)
        policy = csp_of(soup)
        assert "default-src 'self'" in policy, path
        assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy, path
        # a policy covers only what comes after it
        first = soup.head.find(_loads_or_csp)
        assert first is not None and first.get("http-equiv") == "Content-Security-Policy", path


def test_no_inline_scripts_that_would_need_unsafe_inline(site):
    for path in site.pages():
        for script in site.page(path).find_all("script"):
            assert script.get("src") or script.get("type") == "application/ld+json", (
                path,
                str(script)[:80],
            )


def test_every_page_loads_without_csp_violations(browser, server, site):
    for path in site.pages():
        page, messages = open_page(browser, server + path)
        page.evaluate("document.querySelector('.theme-toggle')?.click()")  # furo's script runs
        violations = page.evaluate("window.__csp")
        csp_console = [m for m in messages if "Content Security Policy" in m]
        assert violations == [] and csp_console == [], (path, violations, csp_console)
        page.close()


def test_theme_script_from_file_still_sets_the_colour_scheme(browser, server):
    page, _ = open_page(browser, server)
    assert page.evaluate("document.body.dataset.theme") == "auto"
    page.evaluate("document.querySelector('.theme-toggle').click()")
    assert page.evaluate("document.body.dataset.theme") != "auto"
    page.close()


def test_injected_inline_script_is_blocked(browser, server):
    snippet = web_socket_script("127.0.0.1:9").replace(
        "const ws", "window.__injected = true; const ws"
    )
    page, _ = open_page(browser, server, inject=snippet)
    assert page.evaluate("window.__injected === undefined")
    assert any(v.startswith("script-src") for v in page.evaluate("window.__csp"))
    page.close()
