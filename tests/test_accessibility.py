"""Every page in a real Chromium, in every language: phone and desktop width, light and dark
colour scheme.

One page load per page and mode; on it: axe-core (WCAG 2.0/2.1/2.2 A and AA, best practice),
console errors, Content-Security-Policy violations, failed requests, requests to other hosts,
cookies, horizontal overflow at any of the widths. The four modes are four tabs that load each
page in turn; axe runs in all four side by side (each tab has its own renderer process), which
halves the time on two cores. On one page of each kind (``kinds()``: the start page, each
section, and the first page at each depth below it: a project, a post, a topic, a status filter,
the search page, 404 …) also the skip link and the theme toggle (furo's script) from the
keyboard, and a screenshot per mode to ``_build/screenshots/`` (look at them: tests cannot tell
whether the site is welcoming); JPEG, which Chromium writes in less than half the time of PNG.
The keyboard path is the frame furo draws around every page, the same on every page of a kind.
All of this in German, Danish and English (texts differ in length; the switcher is in the frame).
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from harness import CSP_LISTENER, LANGUAGES, ROOT

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
PHONE, DESKTOP = 390, 1350
MODES = [(PHONE, "light"), (PHONE, "dark"), (DESKTOP, "light"), (DESKTOP, "dark")]
SCREENSHOTS = ROOT / "_build" / "screenshots"
MAX_TABS = 80
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}

axe = Axe()


def kinds(paths: list[str]) -> set[str]:
    """One page of each kind: the first (in sorted order) per first path segment and depth."""
    chosen: dict[tuple[str, int], str] = {}
    for path in sorted(paths):
        parts = path.strip("/").split("/") if path.strip("/") else []
        chosen.setdefault((parts[0] if parts else "", len(parts)), path)
    return set(chosen.values())


def describe(results: dict) -> list[str]:
    """axe-core's violations, one line each."""
    return [
        f"axe {v['id']} ({v['impact']}): {v['help']} – {[n['target'] for n in v['nodes'][:3]]}"
        for v in results["violations"]
    ]


def axe_violations(page, rules: list[str] | None = None) -> list[str]:
    """axe-core on the page as it is now: all of ``AXE_TAGS``, or only the given rules."""
    if not page.evaluate("'axe' in window"):
        page.evaluate(axe.axe_script)
    options = AXE_OPTIONS
    if rules:
        options = {"runOnly": {"type": "rule", "values": rules}, "resultTypes": ["violations"]}
    return describe(page.evaluate("(options) => axe.run(document, options)", options))


def overflowing(page) -> list[str]:
    """Elements of the page's content that stick out to the right of the viewport."""
    return page.evaluate(
        """() => {
        const width = document.documentElement.clientWidth;
        const found = [];
        if (document.documentElement.scrollWidth > width)
            found.push(`document ${document.documentElement.scrollWidth}px > ${width}px`);
        const content = document.querySelector('.content');
        const scrollsInside = (el) => {  // a table or code block may scroll sideways itself
            for (let up = el.parentElement; up && up !== content; up = up.parentElement)
                if (['auto', 'scroll'].includes(getComputedStyle(up).overflowX)) return true;
            return false;
        };
        for (const el of document.querySelectorAll('.content *, .mobile-header *')) {
            const box = el.getBoundingClientRect();
            if (box.width && box.right > width + 1 && !scrollsInside(el))
                found.push(`${el.tagName.toLowerCase()}.${el.className}`
                           + ` ends at ${Math.round(box.right)}px`);
        }
        return found.slice(0, 5);
    }"""
    )


FOCUSED_BOX = """() => {
    const el = document.activeElement;
    const box = el.getBoundingClientRect();
    return {
        classes: [...el.classList],
        visible: box.width > 0 && box.height > 0 && box.bottom > 0 && box.top < innerHeight
            && box.left >= 0 && box.right <= innerWidth,
    };
}"""


def focused(page) -> dict:
    return page.evaluate(FOCUSED_BOX)


def keyboard_problems(page, scheme: str) -> list[str]:
    """Skip link and theme toggle, used from the keyboard as a reader would."""
    problems = []
    page.keyboard.press("Tab")
    first = focused(page)
    if "skip-to-content" not in first["classes"]:
        return [f"the first Tab does not reach the skip link (focus on {first['classes']})"]
    for _ in range(20):  # furo slides the skip link in (a short transition)
        if focused(page)["visible"]:
            break
        page.wait_for_timeout(100)
    else:
        return ["the focused skip link stays out of sight"]
    page.keyboard.press("Enter")
    if page.evaluate("location.hash") != "#furo-main-content":
        problems.append("the skip link does not lead to the content")
    page.keyboard.press("Tab")
    if not page.evaluate(
        """() => { const main = document.getElementById('furo-main-content');
            return main.contains(document.activeElement)
                || !!(main.compareDocumentPosition(document.activeElement)
                      & Node.DOCUMENT_POSITION_FOLLOWING); }"""
    ):
        problems.append("after the skip link, Tab does not continue in the content")

    # Back from the content to the visible theme toggle (header on phones, above the content
    # on desktops); Enter switches from "auto" to the opposite of the system scheme.
    for _ in range(MAX_TABS):
        page.keyboard.press("Shift+Tab")
        now = focused(page)
        if "theme-toggle" in now["classes"] and now["visible"]:
            break
    else:
        return problems + ["the theme toggle cannot be reached with the keyboard"]
    page.keyboard.press("Enter")
    expected = "light" if scheme == "dark" else "dark"
    chosen = page.evaluate("[document.body.dataset.theme, localStorage.getItem('theme')]")
    if chosen != [expected, expected]:
        problems.append(f"the theme toggle gave {chosen}, expected {expected}")
    else:
        # The chosen scheme must be as readable as the system's.
        problems += [f"after toggling: {v}" for v in axe_violations(page, ["color-contrast"])]
    return problems


def test_one_page_of_each_kind():
    pages = ["", "404.html", "projekte/", "projekte/a/", "projekte/b/", "projekte/stand/x/"]
    pages += ["neuigkeiten/", "neuigkeiten/2025/", "neuigkeiten/post/", "search/"]
    assert kinds(pages) == {
        "",
        "404.html",
        "projekte/",
        "projekte/a/",
        "projekte/stand/x/",
        "neuigkeiten/",
        "neuigkeiten/2025/",
        "search/",
    }


class Tab:
    """One browser tab in one mode, reused for every page: a page load, then axe-core started
    in the tab's own renderer process, so that the four modes' checks of a page run side by
    side (the machine's cores) while the test loads the page in the next mode."""

    def __init__(self, browser, host: str, width: int, scheme: str) -> None:
        self.mode, self.scheme = f"{width}px {scheme}", scheme
        self.suffix = f"{width}px-{scheme}"
        # Reduced motion: axe measures colours after a theme switch, not halfway through a fade.
        self.context = browser.new_context(
            viewport={"width": width, "height": 900}, color_scheme=scheme, reduced_motion="reduce"
        )
        # Every page as on a first visit: the theme follows the system ("auto").
        self.context.add_init_script("localStorage.removeItem('theme')")
        self.context.add_init_script(CSP_LISTENER)
        self.context.add_init_script(axe.axe_script)
        self.page = self.context.new_page()
        self.problems: list[str] = []
        self.loaded = False
        say = self.problems.append
        self.page.on("console", lambda m: m.type == "error" and say(f"console: {m.text}"))
        self.page.on("pageerror", lambda e: say(f"script error: {e}"))
        self.page.on("requestfailed", lambda r: say(f"request failed: {r.url}"))
        self.page.on("response", lambda r: r.status >= 400 and say(f"HTTP {r.status}: {r.url}"))
        self.page.on(
            "request",
            lambda r: (
                urlsplit(r.url).scheme in ("http", "https", "ws", "wss")
                and urlsplit(r.url).netloc != host
                and say(f"request to another host: {r.url}")
            ),
        )

    def start(self, url: str, screenshot: Path | None) -> None:
        """Load the page, take the screenshot and start axe (without waiting for it)."""
        self.problems.clear()
        response = self.page.goto(url, wait_until="load")
        self.loaded = response is not None and response.ok
        if not self.loaded:
            self.problems.append(f"the page itself: HTTP {response and response.status}")
            return
        if screenshot:
            self.page.screenshot(
                path=screenshot.with_name(f"{screenshot.name}-{self.suffix}.jpg"),
                full_page=True,
                type="jpeg",
                quality=85,
            )
        self.page.evaluate(
            "(options) => { window.__axe = axe.run(document, options); }", AXE_OPTIONS
        )

    def finish(self, keyboard: bool) -> list[str]:
        """axe's findings and the checks after it; ``keyboard``: also walk the frame."""
        if not self.loaded:
            return list(self.problems)
        problems = [*self.problems, *describe(self.page.evaluate("window.__axe"))]
        problems += [f"wider than the window: {o}" for o in overflowing(self.page)]
        if keyboard:
            problems += keyboard_problems(self.page, self.scheme)
        problems += [f"CSP violation: {v}" for v in self.page.evaluate("window.__csp")]
        problems += [f"cookie: {c['name']}" for c in self.context.cookies()]
        return problems


@pytest.mark.browser
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_in_the_browser(sites, host, browser, language):
    site, server = sites[language], f"{host}{language}/"
    (SCREENSHOTS / language).mkdir(parents=True, exist_ok=True)
    tabs = [Tab(browser, urlsplit(server).netloc, width, scheme) for width, scheme in MODES]
    failures: dict[str, list[str]] = {}
    samples = kinds(site.pages())
    # Each tab collects a page's findings just before it loads the next page, while axe still
    # runs in the others: no tab waits for the slowest of the four.
    shown: dict[Tab, str] = {}

    def collect(tab: Tab) -> None:
        path = shown.pop(tab, None)
        if path is not None and (problems := tab.finish(keyboard=path in samples)):
            failures[f"{path or '/'} ({tab.mode})"] = problems

    try:
        for path in site.pages():
            name = (path.strip("/").replace("/", "-") or "start").removesuffix(".html")
            for tab in tabs:
                collect(tab)
                tab.start(server + path, SCREENSHOTS / language / name if path in samples else None)
                shown[tab] = path
        for tab in tabs:
            collect(tab)
    finally:
        for tab in tabs:
            tab.context.close()
    assert not failures, "\n".join(f"{p}:\n  " + "\n  ".join(f) for p, f in failures.items())
