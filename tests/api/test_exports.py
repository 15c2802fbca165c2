"""CSV and GeoJSON exports: every matching row, with the list's filters, flat or mapped."""

import csv
import io
import json

import pytest

from tests.api.builders import rich_attack
from tests.factories import AttackFactory, GroupFactory, PersonFactory

pytestmark = pytest.mark.django_db


def download(api, url, headers=None, **params):
    response = api.get(url, params, **(headers or {}))
    assert response.status_code == 200
    return response, b"".join(response.streaming_content).decode()


def test_attacks_export_as_csv_with_the_same_filters(api):
    attack = rich_attack(2)
    AttackFactory(name="Elsewhere")
    response, text = download(api, "/api/v1/attacks/", format="csv", country="testland")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="attacks.csv"'
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [r["slug"] for r in rows] == [attack.slug]
    row = rows[0]
    assert (row["date"], row["date_precision"]) == ("2016-08-08", "day")
    assert (row["country"], row["country_slug"]) == ("Testland", "testland")
    assert (row["latitude"], row["longitude"]) == ("25.1264", "62.3225")
    assert row["attack_types"] == "Assassination; Armed Assault"
    assert row["attack_types_codes"] == "1; 2"
    assert row["claimed_by"] == "Rich attack claimant 0; Rich attack claimant 1"
    assert row["attributed_to_slugs"] == "rich-attack-suspect-0; rich-attack-suspect-1"
    assert (row["killed"], row["suicide"], row["end_date"]) == ("10", "true", "")


def test_csv_cells_cannot_run_as_spreadsheet_formulas(api):
    AttackFactory(name="=HYPERLINK(\"http://evil.example\")")
    _, text = download(api, "/api/v1/attacks/", format="csv")
    assert next(csv.DictReader(io.StringIO(text)))["name"].startswith("'=")


def test_an_export_holds_every_row_not_one_page(api, settings):
    settings.KB = {**settings.KB, "API_PAGE_SIZE": 2}
    for i in range(5):
        GroupFactory(name=f"Group {i}")
    _, text = download(api, "/api/v1/groups/", format="csv", ordering="-name")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [r["name"] for r in rows] == [f"Group {i}" for i in range(4, -1, -1)]
    assert "attack_count" in rows[0]


def test_people_export_as_csv(api):
    PersonFactory(name="Hafiz Saeed")
    response, text = download(api, "/api/v1/people/", {"HTTP_ACCEPT": "text/csv"})
    assert response["Content-Disposition"] == 'attachment; filename="people.csv"'
    assert next(csv.DictReader(io.StringIO(text)))["name"] == "Hafiz Saeed"


def test_an_empty_export_still_has_its_header(api):
    _, text = download(api, "/api/v1/attacks/", format="csv")
    assert text.splitlines()[0].startswith("id,slug,name,web_url,api_url")
    assert len(text.splitlines()) == 1


def test_attacks_with_coordinates_export_as_geojson(api):
    attack = rich_attack(1)
    AttackFactory(name="Nowhere known")
    response, text = download(api, "/api/v1/attacks/", format="geojson")
    assert response["Content-Type"] == "application/geo+json"
    collection = json.loads(text)
    assert collection["type"] == "FeatureCollection"
    [feature] = [f for f in collection["features"] if f["id"] == attack.pk]
    assert feature["geometry"] == {"type": "Point", "coordinates": [62.3225, 25.1264]}
    assert feature["properties"]["name"] == "Rich attack"
    assert feature["properties"]["claimed_by"][0]["slug"] == "rich-attack-claimant-0"
    assert "latitude" not in feature["properties"]
    assert all(f["properties"]["name"] != "Nowhere known" for f in collection["features"])


def test_geojson_honours_the_filters(api):
    rich_attack(1)
    _, text = download(api, "/api/v1/attacks/", format="geojson", date_from="2020")
    assert json.loads(text) == {"type": "FeatureCollection", "features": []}


def test_errors_of_an_export_are_json(api):
    response = api.get("/api/v1/attacks/", {"format": "csv", "date_from": "never"})
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert "date_from" in response.json()
