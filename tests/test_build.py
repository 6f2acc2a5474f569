"""The real site builds strictly, and what a reader sees on the main pages is right."""

import re

from conftest import ROOT


def test_strict_build_has_no_warnings(site):
    assert "WARNING" not in site.output and "ERROR" not in site.output, site.output


def test_every_page_is_german(site):
    for path in site.pages():
        html = site.page(path).find("html")
        assert html.get("lang") == "de", path


def test_titles_name_page_and_lab(site):
    assert site.page("").title.get_text(strip=True).startswith("OK Lab Flensburg")
    title = site.page("ueber-uns/").title.get_text(strip=True)
    assert title.startswith("Über uns") and "OK Lab Flensburg" in title


def test_readme_names_the_two_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make serve" in readme and "make test" in readme
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for target in ("serve", "test", "html"):
        assert re.search(rf"^{target}:", makefile, re.M), target
