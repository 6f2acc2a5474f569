"""The real site builds strictly (the ``site`` fixture fails on any warning) and in German;
conf.py takes the canonical address from Read the Docs; the README names the two
commands a volunteer needs."""

import gc
import re
import runpy
import sys

import pytest
from harness import ROOT, RTD_URL, build_in_process, environment
from newssite import post, write_news_site


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


# conf.py's environment variables -> html_baseurl (the canonical address). Which builds are
# published and which leave room for live reload: test_live_reload.py.
BASE_URLS = {
    "local": ({}, "https://oklabflensburg.de/de/"),
    "release": ({"OKLAB_RELEASE": "1"}, "https://oklabflensburg.de/de/"),
    "Read the Docs": ({"READTHEDOCS": "True", "READTHEDOCS_CANONICAL_URL": RTD_URL}, RTD_URL),
}


@pytest.mark.parametrize("name", BASE_URLS)
def test_conf_takes_the_canonical_address_from_read_the_docs(name, monkeypatch):
    variables, expected = BASE_URLS[name]
    monkeypatch.setattr(sys, "path", list(sys.path))  # conf.py adds _ext
    with environment(**variables):
        conf = runpy.run_path(str(ROOT / "conf.py"))
    assert conf["html_baseurl"] == expected


def test_a_build_leaves_the_garbage_collector_as_it_found_it(tmp_path):
    """The extension holds back Python's full collections while Sphinx loads its environment
    and freezes what is loaded (oklab.collector); afterwards, other code in the same process
    (here: the next test) gets the collector as it was."""
    before = gc.get_threshold()
    src = write_news_site(tmp_path / "src", {"neuigkeiten/alt.md": post("Alt", "2025-01-02")})
    built = build_in_process(src, tmp_path / "build")
    assert built.statuscode == 0, built.warnings
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0
    assert gc.isenabled()
