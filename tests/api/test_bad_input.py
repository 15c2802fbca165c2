"""A known parameter with a bad value is a 400 naming the field and the reason.

Never a 500, and never a filter silently dropped: a researcher who mistypes a date
must not receive the unfiltered list as if it were the answer.
"""

from urllib.parse import unquote

import pytest
from django.core import signing

from tests.factories import AttackFactory, GroupFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("url", "params", "field", "reason"), [
    ("attacks", {"date_from": "2015-13"}, "date_from", "not a real date"),
    ("attacks", {"date_to": "yesterday"}, "date_to", "is not a date this site reads"),
    ("attacks", {"date_from": "2018", "date_to": "2016"}, "date_to", "lies before date_from"),
    ("attacks", {"country": "atlantis"}, "country", "No country has the slug “atlantis”"),
    ("attacks", {"province": "pakistan"}, "province", "No province has the slug"),
    ("attacks", {"group": "nobody"}, "group", "No published group has the slug “nobody”"),
    ("attacks", {"attack_type": "10"}, "attack_type", "10 is not one of the available"),
    ("attacks", {"attack_type": "bombing"}, "attack_type", "not one of the available"),
    ("attacks", {"killed_min": "-1"}, "killed_min", "greater than or equal to 0"),
    ("attacks", {"killed_max": "1.5"}, "killed_max", "whole number"),
    ("attacks", {"wounded_min": "99999999999999"}, "wounded_min", "less than or equal to"),
    ("attacks", {"killed_min": "5", "killed_max": "2"}, "killed_max", "lies before killed_min"),
    ("attacks", {"claimed": "maybe"}, "claimed", "Must be true or false"),
    ("attacks", {"has_coordinates": "2"}, "has_coordinates", "Must be true or false"),
    ("attacks", {"updated_since": "last week"}, "updated_since", "ISO 8601"),
    ("attacks", {"updated_since": "0001-01-01T00:00:00+05:00"}, "updated_since", "ISO 8601"),
    ("attacks", {"ordering": "victims"}, "ordering", "not one of the available"),
    ("attacks", {"page_size": "1000000"}, "page_size", "from 1 to 500"),
    ("attacks", {"page_size": "0"}, "page_size", "from 1 to 500"),
    ("attacks", {"page_size": "ten"}, "page_size", "from 1 to 500"),
    ("attacks", {"cursor": "not-a-cursor"}, "cursor", "not one this list gave out"),
    ("attacks", {"format": "xml"}, "format", "choose one of json, csv, geojson"),
    ("attacks", {"format": "csv", "page_size": "10"}, "page_size", "Exports hold every"),
    ("groups", {"status": "sleeping"}, "status", "not one of the available"),
    ("groups", {"ideology": "anarchist"}, "ideology", "not one of the available"),
    ("groups", {"area": "atlantis"}, "area", "No place has the slug"),
    ("groups", {"active_in": "0"}, "active_in", "greater than or equal to 1"),
    ("groups", {"active_in": "twenty"}, "active_in", "whole number"),
    ("groups", {"alias": "--"}, "alias", "at least one letter or digit"),
    ("groups", {"format": "geojson"}, "format", "choose one of json, csv"),
    ("people", {"role": "boss"}, "role", "not one of the available"),
    ("people", {"status": "retired"}, "status", "not one of the available"),
    ("people", {"group": "nobody"}, "group", "No published group"),
    ("sources", {"kind": "rumour"}, "kind", "not one of the available"),
    ("sources", {"reliability": "Z"}, "reliability", "not one of the available"),
    ("places", {"parent": "nowhere"}, "parent", "No place has the slug"),
    ("search", {"q": ""}, "q", "may not be blank"),
    ("search", {}, "q", "required"),
    ("search", {"q": "--"}, "q", "at least one letter or digit"),
    ("search", {"q": "isis", "limit": "1000"}, "limit", "less than or equal to 100"),
    ("search", {"q": "isis", "kind": "source"}, "kind", "not a valid choice"),
])
def test_a_bad_value_is_a_400_with_the_field_and_the_reason(api, url, params, field, reason):
    response = api.get(f"/api/v1/{url}/", params)
    assert response.status_code == 400, response.content
    assert response["Content-Type"] == "application/json"
    errors = response.json()
    assert field in errors, errors
    assert any(reason in message for message in errors[field]), errors


def test_every_bad_field_is_reported_at_once(api):
    response = api.get("/api/v1/attacks/", {"date_from": "x", "killed_min": "-1"})
    assert set(response.json()) == {"date_from", "killed_min"}


def test_unknown_parameters_are_ignored(api):
    AttackFactory()
    response = api.get("/api/v1/attacks/", {"colour": "blue"})
    assert response.status_code == 200
    assert len(response.json()["results"]) == 1


def _cursor(api) -> str:
    for _ in range(3):
        AttackFactory()
    page = api.get("/api/v1/attacks/", {"page_size": 1}).json()
    return unquote(page["next"].split("cursor=")[1].split("&")[0])


def test_a_tampered_cursor_is_a_400(api):
    token = _cursor(api)
    forged = signing.dumps({"o": "-occurred_on,-entry_ptr_id", "v": ["2016-08-08", 1], "r": 0},
                           salt="someone-else")
    tampered = token[:-2] + ("yy" if token.endswith("xx") else "xx")
    for bad in (tampered, forged, token.upper()):
        response = api.get("/api/v1/attacks/", {"cursor": bad, "page_size": 1})
        assert response.status_code == 400
        assert "cursor" in response.json()


def test_a_cursor_from_another_ordering_is_a_400(api):
    token = _cursor(api)
    response = api.get("/api/v1/attacks/", {"cursor": token, "ordering": "name"})
    assert response.status_code == 400
    assert "another sort order" in response.json()["cursor"][0]


def test_a_format_the_address_does_not_offer_is_a_400_also_on_records(api):
    group = GroupFactory()
    response = api.get(f"/api/v1/groups/{group.slug}/", {"format": "csv"})
    assert response.status_code == 400
    assert "format" in response.json()


def test_an_unacceptable_accept_header_is_a_406(api):
    response = api.get("/api/v1/groups/", HTTP_ACCEPT="application/xml")
    assert response.status_code == 406
