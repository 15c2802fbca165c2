"""Each list page and each record costs a fixed number of queries, however many rows.

Every assertion is exact: a related list that starts to load row by row, or a filter
that adds a query, shows up here first. Query budgets (see the benchmark targets):
an attack list page, filtered or deep, at most 4; the group list with attack counts at
most 3; an attack record at most 6.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kb.models import AttackType
from tests.api.builders import places, rich_attack, rich_group, rich_person
from tests.factories import AttackFactory, ClaimFactory, GroupFactory, PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _json_support_known():
    # SQLite probes its JSON support once per connection; not a query of the request.
    assert connection.features.supports_json_field


def count_queries(api, url, **params) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = api.get(url, params)
        # An export reads the database while it streams.
        body = b"".join(response.streaming_content) if response.streaming else response.content
    assert response.status_code == 200, body
    return len(queries)


@pytest.mark.parametrize("n", [1, 3])
def test_attack_record_costs_five_queries_whatever_its_rows(api, n):
    attack = rich_attack(n, name=f"Attack with {n}")
    assert count_queries(api, f"/api/v1/attacks/{attack.slug}/") == 5


@pytest.mark.parametrize("n", [1, 3])
def test_group_record_costs_five_queries_whatever_its_rows(api, n):
    group = rich_group(n, name=f"Group with {n}")
    assert count_queries(api, f"/api/v1/groups/{group.slug}/") == 5


@pytest.mark.parametrize("n", [1, 3])
def test_person_record_costs_five_queries_whatever_its_rows(api, n):
    person = rich_person(n, name=f"Person with {n}")
    assert count_queries(api, f"/api/v1/people/{person.slug}/") == 5


def test_source_and_place_records_cost_one_query(api):
    attack = rich_attack(2)
    source = attack.citations.first().source
    assert count_queries(api, f"/api/v1/sources/{source.slug}/") == 1
    assert count_queries(api, "/api/v1/places/harbour-city/") == 1


@pytest.mark.parametrize("n", [1, 3])
def test_lists_cost_one_query_whatever_the_related_rows(api, n):
    rich_attack(n, name=f"Attack with {n}")
    rich_group(n, name=f"Group with {n}")
    rich_person(n, name=f"Person with {n}")
    for url in ("attacks", "groups", "people", "sources", "places"):
        assert count_queries(api, f"/api/v1/{url}/") == 1, url


def test_filtered_attack_list_costs_at_most_four_queries_on_any_page(api):
    country, province, city = places()
    group = GroupFactory(name="Claimant")
    bombing = AttackType.objects.get(code=3)
    for i in range(12):
        attack = AttackFactory(name=f"Attack {i:02}", place=city, country=country,
                               province=province)
        attack.attack_types.add(bombing)
        ClaimFactory(attack=attack, group=group)
    params = {
        "group": group.slug, "country": "testland", "province": "north-province",
        "date_from": "2015", "date_to": "2017-06", "attack_type": "3", "claimed": "true",
        "page_size": "2",
    }
    # Each slug parameter is checked in one query, then one query reads the page.
    with CaptureQueriesContext(connection) as queries:
        page = api.get("/api/v1/attacks/", params).json()
    assert len(queries) == 4
    assert len(page["results"]) == 2
    for _ in range(4):
        page = api.get(page["next"]).json()
    with CaptureQueriesContext(connection) as queries:
        page = api.get(page["next"]).json()
    assert len(queries) == 4
    assert [a["name"] for a in page["results"]] == ["Attack 01", "Attack 00"]
    assert page["next"] is None


def test_group_list_with_attack_counts_costs_one_query(api):
    for i in range(3):
        rich_group(2, name=f"Group {i}")
    assert count_queries(api, "/api/v1/groups/", status="active", ideology="salafi_jihadist") == 1
    assert count_queries(api, "/api/v1/groups/", area="testland", active_in="2016") == 2


def test_people_filtered_by_group_cost_two_queries(api):
    rich_person(2)
    group = GroupFactory()
    assert count_queries(api, "/api/v1/people/", group=group.slug, role="leader") == 2


def test_exports_cost_one_query_whatever_their_length(api):
    for i in range(3):
        rich_attack(2, name=f"Export {i}")
        PersonFactory()
    for fmt in ("csv", "geojson"):
        assert count_queries(api, "/api/v1/attacks/", format=fmt) == 1
    assert count_queries(api, "/api/v1/groups/", format="csv") == 1
    assert count_queries(api, "/api/v1/people/", format="csv") == 1


def test_search_costs_four_queries(api):
    """Whole names, other alias and name matches, then the entries: each index-backed."""
    rich_group(3, name="Searchable")
    assert count_queries(api, "/api/v1/search/", q="searchable") == 4
