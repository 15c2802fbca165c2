"""Cursor pagination: every row exactly once, forwards and back, in any sort order."""

import datetime as dt

import pytest

from kb.api.pagination import after_position, sort_keys
from kb.models import Attack
from tests.factories import AttackFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def attacks():
    """Eleven attacks; several share a date and several have no death toll."""
    made = []
    for i in range(11):
        made.append(AttackFactory(
            name=f"Attack {i:02}", occurred_on=dt.date(2016, 1 + i % 3, 1),
            killed=None if i % 4 == 0 else (i * 7) % 5,
        ))
    return made


def walk(api, direction="next", **params):
    page = api.get("/api/v1/attacks/", params).json()
    pages = [page]
    while page[direction]:
        page = api.get(page[direction]).json()
        pages.append(page)
    return pages


def slugs(pages):
    return [a["slug"] for page in pages for a in page["results"]]


@pytest.mark.parametrize("ordering", ["", "date", "-date", "name", "-name", "killed", "-killed",
                                      "wounded", "updated_at", "-updated_at"])
def test_walking_forward_visits_every_row_once_in_order(api, attacks, ordering):
    everything = slugs([api.get("/api/v1/attacks/", {"ordering": ordering,
                                                      "page_size": 100}).json()])
    pages = walk(api, ordering=ordering, page_size=3)
    assert slugs(pages) == everything
    assert len(everything) == 11
    assert [len(p["results"]) for p in pages] == [3, 3, 3, 2]
    assert pages[0]["previous"] is None and pages[-1]["next"] is None


@pytest.mark.parametrize("ordering", ["", "killed", "-killed", "name"])
def test_walking_back_returns_the_same_pages(api, attacks, ordering):
    forward = walk(api, ordering=ordering, page_size=4)
    page, backward = forward[-1], []
    while page["previous"]:
        page = api.get(page["previous"]).json()
        backward.append(page["results"])
    assert backward == [p["results"] for p in reversed(forward[:-1])]


def test_nullable_keys_put_empty_values_last_both_ways(api, attacks):
    ascending = slugs([api.get("/api/v1/attacks/", {"ordering": "killed"}).json()])
    descending = slugs([api.get("/api/v1/attacks/", {"ordering": "-killed"}).json()])
    empties = {a.slug for a in attacks if a.killed is None}
    assert set(ascending[-len(empties):]) == empties
    assert set(descending[-len(empties):]) == empties


def test_page_size_defaults_and_is_capped(api, settings, attacks):
    settings.KB = {**settings.KB, "API_PAGE_SIZE": 4, "API_MAX_PAGE_SIZE": 6}
    assert len(api.get("/api/v1/attacks/").json()["results"]) == 4
    assert len(api.get("/api/v1/attacks/", {"page_size": 6}).json()["results"]) == 6
    assert api.get("/api/v1/attacks/", {"page_size": 7}).status_code == 400


def test_links_keep_the_filters(api, attacks):
    page = api.get("/api/v1/attacks/", {"page_size": 2, "date_from": "2016-02"}).json()
    assert "date_from=2016-02" in page["next"]
    assert "page_size=2" in page["next"]


def test_lists_are_never_counted(api, attacks, django_assert_num_queries):
    with django_assert_num_queries(1) as captured:
        api.get("/api/v1/attacks/", {"page_size": 2})
    assert "COUNT(" not in captured.captured_queries[0]["sql"].upper()


def test_a_deep_page_filters_on_the_sort_key_instead_of_skipping_rows(attacks):
    queryset = Attack.objects.order_by("-occurred_on", "-pk")
    keys = sort_keys(queryset)
    assert [k.name for k in keys] == ["occurred_on", "entry_ptr_id"]
    last = attacks[5]
    after = queryset.filter(after_position(keys, [last.occurred_on, last.pk], reverse=False))
    sql = str(after.query).upper()
    assert "OFFSET" not in sql
    expected = [a.pk for a in queryset if (a.occurred_on, a.pk) < (last.occurred_on, last.pk)]
    assert [a.pk for a in after] == expected
