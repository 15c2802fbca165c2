"""Only published data leaves the API, whoever asks and however it is asked.

Drafts, archived and merged entries, revisions, comments and every e-mail or IP
address stay inside: these tests crawl every list, export and record of a catalogue
that holds all of them and search each body for what must not be there.
"""

import json

import pytest

from kb.choices import RevisionState
from kb.models import Revision
from tests.api.builders import SECRET_EMAIL, build_catalogue, hidden_entries
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

FORBIDDEN = (
    "Secret draft", "Archived group", "Merged duplicate", SECRET_EMAIL, "203.0.113.9",
    "@example.org", "Draft proposal text", "reader@example.org",
)
LISTS = ("attacks", "groups", "people", "sources", "places")


def body_of(response) -> str:
    raw = b"".join(response.streaming_content) if response.streaming else response.content
    return raw.decode()


def crawl(api) -> dict[str, str]:
    """Every list page, export and record the API links to, by address."""
    seen: dict[str, str] = {}
    pending = [f"/api/v1/{name}/" for name in LISTS]
    pending += [f"/api/v1/{name}/?format={fmt}" for name in ("attacks", "groups", "people")
                for fmt in ("csv",)]
    pending += ["/api/v1/attacks/?format=geojson", "/api/v1/search/?q=group",
                "/api/v1/search/?q=secret", "/api/v1/search/?q=attack"]
    while pending:
        url = pending.pop()
        if url in seen:
            continue
        response = api.get(url)
        assert response.status_code == 200, (url, response.status_code)
        seen[url] = body_of(response)
        if response["Content-Type"].startswith("application/json"):
            pending += [
                link.removeprefix("http://testserver")
                for link in _links(json.loads(seen[url]))
                if "/api/v1/" in link
            ]
    return seen


def _links(value):
    if isinstance(value, dict):
        for key, item in value.items():
            if key in ("api_url", "next") and isinstance(item, str):
                yield item
            else:
                yield from _links(item)
    elif isinstance(value, list):
        for item in value:
            yield from _links(item)


def test_no_response_holds_unpublished_data_or_addresses(api, settings):
    settings.KB = {**settings.KB, "API_ANON_RATE": "100000/minute"}
    hidden = build_catalogue()
    author = UserFactory(username="author", email="author@example.org")
    Revision.objects.create(
        entry=hidden["published"], author=author, summary="Draft proposal text",
        data={"name": "Draft proposal text"}, state=RevisionState.PENDING,
    )
    bodies = crawl(api)
    assert len(bodies) > 60
    for url, body in bodies.items():
        for secret in FORBIDDEN:
            assert secret not in body, (url, secret)


def test_hidden_entries_are_404_by_slug_and_by_id(api):
    hidden = hidden_entries()
    for name in ("draft", "archived"):
        entry = hidden[name]
        assert api.get(f"/api/v1/groups/{entry.slug}/").status_code == 404
        assert api.get(f"/api/v1/groups/{entry.pk}/").status_code == 404
    for name, kind in (("draft_attack", "attacks"), ("draft_person", "people")):
        assert api.get(f"/api/v1/{kind}/{hidden[name].slug}/").status_code == 404


def test_relations_to_hidden_entries_are_left_out(api):
    hidden = hidden_entries()
    group = api.get(f"/api/v1/groups/{hidden['published'].slug}/").json()
    assert group["relations"] == []
    assert group["members"] == []
    assert group["attack_count"] == 0
    attack = api.get(f"/api/v1/attacks/{hidden['visible_attack'].slug}/").json()
    assert attack["claims"] == [] and attack["people"] == []
    item = api.get("/api/v1/attacks/").json()["results"]
    assert all(a["claimed_by"] == [] for a in item)


def test_a_signed_in_researcher_sees_only_published_data_too(api, researcher):
    hidden = hidden_entries()
    api.force_login(researcher)
    assert api.get(f"/api/v1/groups/{hidden['draft'].slug}/").status_code == 404
    names = {g["name"] for g in api.get("/api/v1/groups/").json()["results"]}
    assert "Secret draft group" not in names
