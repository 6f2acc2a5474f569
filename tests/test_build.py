"""The real site builds strictly (the ``site`` fixture fails on any warning) and in German;
conf.py tells local, release, Read the Docs and preview builds apart; the README names the two
commands a volunteer needs."""

import re
import runpy
import sys

import pytest
from harness import ROOT, RTD_URL, environment


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


# conf.py's environment variables -> (oklab_release, oklab_preview, html_baseurl). The test
# roots copy the release line; this checks the site's own conf.py.
ENVIRONMENTS = {
    "local": ({}, (False, False, "https://oklabflensburg.de/")),
    "release": ({"OKLAB_RELEASE": "1"}, (True, False, "https://oklabflensburg.de/")),
    "Read the Docs": (
        {"READTHEDOCS": "True", "READTHEDOCS_CANONICAL_URL": RTD_URL},
        (True, False, RTD_URL),
    ),
    "preview": ({"OKLAB_PREVIEW": "1"}, (False, True, "https://oklabflensburg.de/")),
}


@pytest.mark.parametrize("name", ENVIRONMENTS)
def test_conf_reads_the_environment(name, monkeypatch):
    variables, expected = ENVIRONMENTS[name]
    monkeypatch.setattr(sys, "path", list(sys.path))  # conf.py adds _ext
    with environment(**variables):
        conf = runpy.run_path(str(ROOT / "conf.py"))
    assert (conf["oklab_release"], conf["oklab_preview"], conf["html_baseurl"]) == expected
