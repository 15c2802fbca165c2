"""The OpenAPI schema and the documentation pages that read it."""

import re

import pytest
import yaml
from django.contrib.staticfiles import finders

pytestmark = pytest.mark.django_db


@pytest.fixture
def schema(api):
    response = api.get("/api/v1/schema/?format=json")
    assert response.status_code == 200
    return response.json()


def test_the_schema_lists_every_endpoint_and_nothing_else(schema):
    assert schema["openapi"].startswith("3.")
    assert sorted(schema["paths"]) == [
        "/api/v1/attacks/", "/api/v1/attacks/{key}/", "/api/v1/groups/", "/api/v1/groups/{key}/",
        "/api/v1/people/", "/api/v1/people/{key}/", "/api/v1/places/", "/api/v1/places/{key}/",
        "/api/v1/search/", "/api/v1/sources/", "/api/v1/sources/{key}/",
    ]
    assert all(list(operations) == ["get"] for operations in schema["paths"].values())


def test_the_schema_describes_every_filter_and_the_paging(schema):
    parameters = {p["name"]: p for p in schema["paths"]["/api/v1/attacks/"]["get"]["parameters"]}
    assert set(parameters) == {
        "date_from", "date_to", "country", "province", "attack_type", "target_type",
        "weapon_type", "group", "claimed_by", "attributed_to", "claimed", "killed_min",
        "killed_max", "wounded_min", "wounded_max", "has_coordinates", "updated_since",
        "ordering", "cursor", "page_size", "format",
    }
    assert parameters["attack_type"]["schema"]["items"]["enum"] == list(range(1, 10))
    assert parameters["killed_min"]["schema"] == {
        "type": "integer", "minimum": 0, "maximum": 2**31 - 1,
    }
    assert parameters["page_size"]["schema"]["maximum"] == 500
    assert set(parameters["format"]["schema"]["enum"]) == {"json", "csv", "geojson"}
    assert re.fullmatch(parameters["date_from"]["schema"]["pattern"], "2015-05")
    assert "-killed" in parameters["ordering"]["schema"]["enum"]
    groups = {p["name"] for p in schema["paths"]["/api/v1/groups/"]["get"]["parameters"]}
    assert {"status", "ideology", "area", "active_in", "alias", "updated_since"} <= groups
    people = {p["name"] for p in schema["paths"]["/api/v1/people/"]["get"]["parameters"]}
    assert {"group", "role", "status", "updated_since"} <= people


def test_the_schema_describes_errors_and_export_bodies(schema):
    responses = schema["paths"]["/api/v1/attacks/"]["get"]["responses"]
    assert {"200", "304", "400", "406", "429"} <= set(responses)
    content = responses["200"]["content"]
    assert set(content) == {"application/json", "text/csv", "application/geo+json"}
    assert content["text/csv"]["schema"]["type"] == "string"
    geojson = content["application/geo+json"]["schema"]
    assert geojson["properties"]["type"]["enum"] == ["FeatureCollection"]
    # A feature's properties are the record without its coordinates (the geometry).
    properties = geojson["properties"]["features"]["items"]["properties"]["properties"]
    assert {"latitude", "longitude"}.isdisjoint(properties["properties"])
    assert {"latitude", "longitude"}.isdisjoint(properties["required"])
    assert {"name", "summary", "killed"} <= set(properties["properties"])
    assert "Retry-After" in responses["429"]["headers"]
    record = schema["paths"]["/api/v1/groups/{key}/"]["get"]["responses"]
    assert {"200", "301", "304", "404"} <= set(record)


def test_the_schema_is_also_served_as_yaml(api):
    response = api.get("/api/v1/schema/")
    assert response["Content-Type"].startswith("application/vnd.oai.openapi")
    assert yaml.safe_load(response.content)["info"]["title"] == "Militancy Knowledge Base API"


@pytest.mark.parametrize("page", ["/api/v1/docs/", "/api/v1/redoc/"])
def test_the_docs_load_nothing_from_another_site(api, page):
    response = api.get(page)
    assert response.status_code == 200
    html = response.content.decode()
    assert "/static/drf_spectacular_sidecar/" in html
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html), html
    assert "/api/v1/schema/" in html


def test_the_docs_assets_ship_with_the_site():
    # Served by the site's static files (whitenoise), from the sidecar package.
    for asset in ("swagger-ui-dist/swagger-ui-bundle.js", "redoc/bundles/redoc.standalone.js"):
        assert finders.find(f"drf_spectacular_sidecar/{asset}"), asset
