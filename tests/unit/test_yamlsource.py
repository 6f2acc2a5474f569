"""Front matter read with libyaml (fast) gives exactly what PyYAML's Python parser gives: the
same values, the same line for every field, the same German message for broken YAML.

The Python parser is PyYAML's reference implementation and the one whose messages the site
translates; libyaml is only a faster way to the same result.
"""

from __future__ import annotations

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from oklab import yamlsource
from oklab.yamlsource import YamlSyntaxError, parse_yaml

pytestmark = pytest.mark.skipif(not yaml.__with_libyaml__, reason="PyYAML without libyaml")

# Characters where YAML parsers are known to differ: line separators, control characters,
# a byte-order mark, quotes, indicators, tabs and non-BMP characters.
TRICKY = "ab Ä:#-[]{}'\"|>&*!%@`,?\t\n\r\x85\u2028\u2029\x07\x1b\ufeff\U0001f600"


def read(text: str, monkeypatch=None) -> tuple:
    """``(data, lines)`` or the message and line of the error."""
    try:
        doc = parse_yaml(text, first_line=2)
    except YamlSyntaxError as error:
        return ("error", str(error), error.line)
    return (doc.data, doc.lines)


def read_with_python_parser(text: str) -> tuple:
    fast, yamlsource._FastTextDatesLoader = yamlsource._FastTextDatesLoader, None
    try:
        return read(text)
    finally:
        yamlsource._FastTextDatesLoader = fast


def test_libyaml_is_used():
    calls = []
    original = yamlsource._compose
    yamlsource._compose = lambda cls, text: calls.append(cls) or original(cls, text)
    try:
        parse_yaml("title: Karte\n")
    finally:
        yamlsource._compose = original
    assert [base.__name__ for cls in calls for base in cls.__mro__[1:2]] == ["CSafeLoader"]


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=TRICKY, max_size=60))
def test_any_text_reads_the_same(text):
    assert read(text) == read_with_python_parser(text)


values = st.text(alphabet=TRICKY, max_size=20)
fields = st.dictionaries(
    st.sampled_from(["title", "date", "tags", "event", "place", "Straße"]),
    values
    | st.lists(values, max_size=3)
    | st.dictionaries(st.sampled_from(["start", "city"]), values),
    max_size=4,
)


@settings(max_examples=300, deadline=None)
@given(fields, st.sampled_from([{}, {"default_flow_style": True}, {"default_style": '"'}]))
def test_front_matter_reads_the_same(data, style):
    text = yaml.safe_dump(data, allow_unicode=True, **style)
    assert read(text) == read_with_python_parser(text)


def test_dates_stay_text_and_lines_are_the_files():
    text = "title: Karte\ndate: 2025-03-01\ntags:\n  - Kultur\n"
    assert read(text) == read_with_python_parser(text)
    data, lines = read(text)
    assert data["date"] == "2025-03-01"
    assert lines[("tags", 0)] == 5
