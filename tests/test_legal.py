"""Impressum and Datenschutz: the operator's data from one place, nothing invented.

Missing data shows "Angaben fehlen noch" on a local build and stops a release build (Read the
Docs, ``OKLAB_RELEASE=1``) with a German message naming the fields; placeholders are refused.
"""

from __future__ import annotations

import os
from urllib.parse import unquote

import pytest
import yaml
from conftest import ROOT, copy_root, sphinx_build

# field in _data/lab.yaml -> how pages and messages name it (written out: the oracle)
FIELDS = {
    "name": "Name der verantwortlichen Person",
    "street": "Straße und Hausnummer",
    "postcode": "Postleitzahl",
    "city": "Ort",
    "email": "E-Mail-Adresse",
}

NOTICE = "Angaben fehlen noch"
# Values from ../shared/facts (the meeting place and the general contact), used only to
# exercise the code: they say nothing about who runs the website.
COMPLETE = {
    "name": "Kontakt Allgemein",
    "street": "Norderstraße 49",
    "postcode": "24939",
    "city": "Flensburg",
    "email": "oklabflensburg@grain.one",
}


def real_data() -> dict:
    return yaml.safe_load((ROOT / "_data" / "lab.yaml").read_text(encoding="utf-8"))


def build(tmp_path, operator: dict | None, **env_vars: str):
    src = copy_root("legal", tmp_path / "src")
    data = real_data()
    data["operator"] = operator
    (src / "_data").mkdir()
    (src / "_data" / "lab.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("READTHEDOCS", "OKLAB_RELEASE")}
    env.update(PYTHONPATH=str(ROOT / "_ext"), **env_vars)
    return sphinx_build(src, tmp_path / "html", "-E", env=env)


def test_local_build_shows_the_notice_and_names_what_is_missing(tmp_path):
    result = build(tmp_path, {"name": None, "street": "", "email": None})
    assert result.returncode == 0, result.output
    notice = result.page("").find(class_="oklab-legal-missing")
    assert notice is not None and NOTICE in notice.get_text()
    for label in FIELDS.values():
        assert label in notice.get_text()
    # the association is known and shown
    assert real_data()["association"] in result.page("").find("article").get_text()


@pytest.mark.parametrize("marker", [{"OKLAB_RELEASE": "1"}, {"READTHEDOCS": "True"}])
def test_release_build_fails_naming_the_missing_fields(tmp_path, marker):
    result = build(tmp_path, {**COMPLETE, "street": None, "email": ""}, **marker)
    assert result.returncode != 0
    assert "Traceback" not in result.output
    assert "Veröffentlichung abgebrochen" in result.output
    assert "Straße und Hausnummer" in result.output and "E-Mail-Adresse" in result.output
    assert "Feld „operator.street“: fehlt" in result.output
    assert "Postleitzahl" not in result.output.split("Es fehlen")[1].split(".")[0]
    assert "_data/lab.yaml:" in result.output  # file and line for the editor


@pytest.mark.parametrize(
    "field, value",
    [
        ("name", "Max Mustermann"),
        ("street", "TODO"),
        ("email", "info@example.org"),
        ("city", "XXX"),
    ],
)
def test_release_build_refuses_placeholders(tmp_path, field, value):
    result = build(tmp_path, {**COMPLETE, field: value}, OKLAB_RELEASE="1")
    assert result.returncode != 0
    assert f"Feld „operator.{field}“: ist ein Platzhalter" in result.output
    assert "Traceback" not in result.output


def test_release_build_refuses_a_malformed_postcode(tmp_path):
    result = build(tmp_path, {**COMPLETE, "postcode": "2493"}, OKLAB_RELEASE="1")
    assert result.returncode != 0 and "fünf Ziffern" in result.output


def test_complete_data_publish_without_notice(tmp_path):
    result = build(tmp_path, COMPLETE, OKLAB_RELEASE="1")
    assert result.returncode == 0, result.output
    page = result.page("")
    assert page.find(class_="oklab-legal-missing") is None
    text = " ".join(page.find("article").get_text().split())
    for value in COMPLETE.values():
        assert value in text
    mail_links = [unquote(a["href"]) for a in page.select('a[href^="mailto:"]')]
    assert f"mailto:{COMPLETE['email']}" in mail_links


def test_the_real_site_shows_the_notice_exactly_while_data_are_missing(site):
    operator = real_data().get("operator") or {}
    gaps = [field for field in FIELDS if not str(operator.get(field) or "").strip()]
    for path in ("impressum/", "datenschutz/"):
        notice = site.page(path).find(class_="oklab-legal-missing")
        assert (notice is not None) == bool(gaps), path
        if gaps:
            assert NOTICE in notice.get_text()


def test_legal_pages_are_german_and_explain_what_the_site_does(site):
    impressum = site.page("impressum/").find("article").get_text(" ", strip=True)
    assert "§ 5" in impressum and "DDG" in impressum
    privacy = site.page("datenschutz/").find("article").get_text(" ", strip=True)
    for statement in (
        "keine Cookies",
        "kein Tracking",
        "localStorage",
        "Read the Docs",
        "Server-Logs",
        "EthicalAds",
        "Content Security Policy",
    ):
        assert statement in privacy, statement
