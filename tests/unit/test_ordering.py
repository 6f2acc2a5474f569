"""The one order of menu and catalogue, against orders written out by hand."""

from __future__ import annotations

from oklab.models import Page, Project
from oklab.ordering import sort_key


def page(title, order=None, **more):
    return Page.model_construct(title=title, navOrder=order, **more)


def project(title, status=None, order=None):
    return Project.model_construct(title=title, status=status, navOrder=order, description="x")


def ordered(entries: dict[str, object]) -> list[str]:
    return sorted(entries, key=lambda docname: sort_key(entries[docname], docname))


def test_navorder_first_lower_first_negative_allowed_none_last():
    entries = {
        "echo": page("Echo"),
        "alpha": page("Alpha", 2),
        "chronik": page("Chronik", -1),
        "null": page("Null", 0),
        "delta": page("Delta"),
    }
    assert ordered(entries) == ["chronik", "null", "alpha", "delta", "echo"]


def test_navorder_zero_before_one_whatever_the_title():
    entries = {"zebra": page("Zebra", 0), "apfel": page("Apfel", 1)}
    assert ordered(entries) == ["zebra", "apfel"]


def test_ties_by_title_not_file_name():
    entries = {"aa-zoo": page("Zoo", 1), "zz-anton": page("Anton", 1)}
    assert ordered(entries) == ["zz-anton", "aa-zoo"]


def test_same_title_ties_by_file_name():
    entries = {"gleich-b": page("Gleich", 1), "gleich-a": page("Gleich", 1)}
    assert ordered(entries) == ["gleich-a", "gleich-b"]


def test_umlauts_sort_as_a_german_reader_expects():
    entries = {
        "z": page("Zoo"),
        "oe": page("Öffnungszeiten"),
        "ae": page("Ärzte"),
        "a": page("Apotheke"),
        "ss": page("Straße"),
        "st": page("Strasse Nord"),
        "kl": page("ärmel"),
    }
    assert ordered(entries) == ["a", "kl", "ae", "oe", "ss", "st", "z"]


def test_projects_by_status_then_title():
    entries = {
        "ohne": project("Aaa"),
        "fertig": project("Bbb", "finished"),
        "arbeit": project("Ccc", "active"),
        "sucht": project("Ddd", "seeking"),
        "sucht2": project("Aab", "seeking"),
    }
    assert ordered(entries) == ["sucht2", "sucht", "arbeit", "fertig", "ohne"]


def test_navorder_wins_over_status():
    entries = {"sucht": project("A", "seeking"), "vorn": project("Z", "finished", 1)}
    assert ordered(entries) == ["vorn", "sucht"]


def test_a_page_without_front_matter_sorts_by_its_file_name():
    entries = {"b": None, "a": page("C"), "c": None}
    assert ordered(entries) == ["b", "a", "c"]
