"""The furo internals the site relies on are checked at every build: a furo update that
changes one of them stops the build with a German message naming the place."""

from __future__ import annotations

import shutil

import pytest
from jinja2 import TemplateRuntimeError
from oklab import theme
from sphinx.errors import ExtensionError


class FakeApp:
    class config:  # noqa: N801
        html_theme = "furo"


@pytest.fixture
def furo_copy(tmp_path, monkeypatch):
    copy = tmp_path / "furo"
    shutil.copytree(theme.FURO_THEME, copy)
    monkeypatch.setattr(theme, "FURO_THEME", copy)
    return copy


def test_unchanged_furo_passes(furo_copy):
    theme.check_furo(FakeApp)


@pytest.mark.parametrize(
    ("template", "old", "new", "place"),
    [
        ("page.html", '<div class="related-pages">', '<nav class="related">', "footer"),
        ("partials/icons.html", 'id="svg-sun"', 'id="svg-sonne"', "Symbole"),
        ("base.html", 'localStorage.getItem("theme")', "localStorage.theme", "Farbschema"),
        (
            "components/edit-this-page.html",
            "{% block link_available -%}",
            "{% block link -%}",
            "Seite bearbeiten",
        ),
    ],
)
def test_changed_furo_stops_the_build(furo_copy, template, old, new, place):
    file = furo_copy / template
    source = file.read_text(encoding="utf-8")
    assert old in source
    file.write_text(source.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(ExtensionError) as error:
        theme.check_furo(FakeApp)
    message = str(error.value)
    assert f"furo/theme/furo/{template} hat sich geändert" in message
    assert place in message and "Fingerabdruck in _ext/oklab/theme.py" in message


def test_must_replace_refuses_missing_markup():
    assert theme.must_replace('<aside class="x">', '<aside class="x">', "y") == "y"
    with pytest.raises(TemplateRuntimeError, match="furo liefert die Stelle"):
        theme.must_replace("<aside>", 'aria-label="Toggle site navigation sidebar"', "z")
