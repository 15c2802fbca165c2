"""HTTP behaviour: read-only, conditional requests, throttling, CORS and compression."""

import gzip

import pytest
from django.test import override_settings

from tests.factories import AttackFactory, GroupFactory

pytestmark = pytest.mark.django_db

ADDRESSES = [
    "/api/v1/groups/", "/api/v1/groups/{group}/", "/api/v1/people/", "/api/v1/attacks/",
    "/api/v1/attacks/{attack}/", "/api/v1/sources/", "/api/v1/places/", "/api/v1/search/?q=x",
    "/api/v1/schema/", "/api/v1/docs/",
]


@pytest.fixture
def addresses():
    group, attack = GroupFactory(), AttackFactory()
    return [a.format(group=group.slug, attack=attack.slug) for a in ADDRESSES]


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_writes_are_refused_with_405(api, addresses, method):
    for address in addresses:
        response = getattr(api, method)(address, {"name": "x"}, format="json")
        assert response.status_code == 405, (method, address)
        assert "GET" in response["Allow"]


def test_writes_are_405_for_a_signed_in_editor_too(api, editor):
    group = GroupFactory()
    api.force_login(editor)
    assert api.delete(f"/api/v1/groups/{group.slug}/").status_code == 405
    assert api.post("/api/v1/groups/", {"name": "x"}).status_code == 405


def test_a_current_copy_is_answered_with_304(api):
    group = GroupFactory()
    url = f"/api/v1/groups/{group.slug}/"
    first = api.get(url)
    assert first["ETag"] and first["Last-Modified"]
    assert api.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    assert api.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]).status_code == 304
    assert api.get(url, HTTP_IF_NONE_MATCH='"stale"').status_code == 200


def test_a_changed_record_is_sent_again(api):
    group = GroupFactory(name="Before")
    url = f"/api/v1/groups/{group.slug}/"
    etag = api.get(url)["ETag"]
    group.name = "After"
    group.save()
    response = api.get(url, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert response.json()["name"] == "After"


def test_lists_carry_an_etag_and_revalidate(api):
    GroupFactory()
    first = api.get("/api/v1/groups/")
    assert api.get("/api/v1/groups/", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    GroupFactory(name="New one")
    assert api.get("/api/v1/groups/", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 200


def test_a_gzipped_copy_revalidates_with_its_weak_etag(api):
    for i in range(30):
        GroupFactory(name=f"Group number {i}")
    first = api.get("/api/v1/groups/", HTTP_ACCEPT_ENCODING="gzip")
    assert first["Content-Encoding"] == "gzip"
    assert first["ETag"].startswith('W/"')
    assert gzip.decompress(first.content).startswith(b'{"next"')
    again = api.get("/api/v1/groups/", HTTP_ACCEPT_ENCODING="gzip",
                    HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304


def test_anonymous_clients_are_throttled_with_retry_after(api, settings):
    settings.KB = {**settings.KB, "API_ANON_RATE": "3/minute"}
    for _ in range(3):
        assert api.get("/api/v1/groups/").status_code == 200
    response = api.get("/api/v1/groups/")
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert "throttled" in response.json()["detail"].lower()
    other = api.get("/api/v1/groups/", REMOTE_ADDR="198.51.100.7")
    assert other.status_code == 200


def test_a_forged_forwarded_for_header_does_not_escape_the_throttle(api, settings):
    settings.KB = {**settings.KB, "API_ANON_RATE": "2/minute"}
    for n in range(2):
        api.get("/api/v1/groups/", HTTP_X_FORWARDED_FOR=f"10.0.0.{n}")
    assert api.get("/api/v1/groups/", HTTP_X_FORWARDED_FOR="10.0.0.9").status_code == 429


def test_cors_is_off_unless_enabled(api):
    response = api.get("/api/v1/groups/", HTTP_ORIGIN="https://elsewhere.example")
    assert "Access-Control-Allow-Origin" not in response


@override_settings(CORS_ALLOW_ALL_ORIGINS=True)
def test_cors_when_enabled_allows_reads_from_any_origin(api):
    origin = {"HTTP_ORIGIN": "https://elsewhere.example"}
    response = api.get("/api/v1/groups/", **origin)
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "ETag" in response["Access-Control-Expose-Headers"]
    preflight = api.options(
        "/api/v1/groups/", HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="if-none-match", **origin,
    )
    assert preflight.status_code == 200
    assert "POST" not in preflight["Access-Control-Allow-Methods"]
    site = api.get("/groups/", **origin)
    assert "Access-Control-Allow-Origin" not in site


def test_head_answers_like_get_without_a_body(api):
    GroupFactory()
    response = api.head("/api/v1/groups/")
    assert response.status_code == 200
    assert response.content == b""
    assert response["ETag"] == api.get("/api/v1/groups/")["ETag"]


def test_the_format_varies_with_accept(api):
    AttackFactory()
    response = api.get("/api/v1/attacks/", HTTP_ACCEPT="text/csv")
    assert response["Content-Type"].startswith("text/csv")
    for url in ("/api/v1/attacks/", "/api/v1/groups/"):
        vary = [v.strip().lower() for v in api.get(url)["Vary"].split(",")]
        assert "accept" in vary
