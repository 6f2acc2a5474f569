"""The real site builds strictly (the ``site`` fixture fails on any warning), in German, and the
README names the two commands a volunteer needs."""

import re

from harness import ROOT


def test_every_page_is_german(site):
    for path in site.pages():
        html = site.page(path).find("html")
        assert html.get("lang") == "de", path


def test_start_page_names_the_lab(site):
    assert "OK Lab Flensburg" in site.page("").find("h1").get_text()


def test_readme_names_the_two_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make serve" in readme and "make test" in readme
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for target in ("serve", "test", "html"):
        assert re.search(rf"^{target}:", makefile, re.M), target
