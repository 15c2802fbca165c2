"""The search page, the search box's suggestions and the similar-name warnings, by request."""

import pytest
from django.urls import reverse

from tests.editorial.test_views import form_of, post
from tests.factories import GroupFactory

pytestmark = pytest.mark.django_db

SEARCH = reverse("kb:search")
SUGGEST = reverse("kb:search-suggest")
SIMILAR = reverse("kb:search-similar")


def titles(response) -> list[str]:
    return [entry.name for entry in response.context["found"].results]


# The search page ---------------------------------------------------------------------


def test_every_page_has_the_search_box(client, named):
    html = client.get(reverse("kb:home")).content.decode()
    assert f'action="{SEARCH}"' in html and 'role="search"' in html
    assert f'data-suggest="{SUGGEST}"' in html


def test_results_say_why_they_matched(client, named):
    response = client.get(SEARCH, {"q": "Daesh"})
    assert response.status_code == 200
    assert titles(response)[0] == "Islamic State"
    html = response.content.decode()
    assert "Also known as <mark>Daesh</mark>" in html
    assert named["isis"].get_absolute_url() in html


def test_text_matches_show_a_marked_passage(client, named):
    response = client.get(SEARCH, {"q": "bomber"})
    assert titles(response) == ["Mastung election rally bombing"]
    assert "<mark>bomber</mark>" in response.content.decode()


def test_results_can_be_narrowed_to_a_kind(client, named):
    response = client.get(SEARCH, {"q": "baghdadi", "kind": "group"})
    assert "Abu Bakr al-Baghdadi" not in titles(response)
    response = client.get(SEARCH, {"q": "baghdadi", "kind": "person"})
    assert titles(response) == ["Abu Bakr al-Baghdadi"]
    assert 'aria-current="page">People<' in response.content.decode()


def test_drafts_are_found_by_the_team_only(client, named, researcher):
    assert "Islamic State draft" not in titles(client.get(SEARCH, {"q": "islamic"}))
    client.force_login(researcher)
    assert "Islamic State draft" in titles(client.get(SEARCH, {"q": "islamic"}))


def test_an_empty_query_shows_the_form_only(client, named):
    response = client.get(SEARCH)
    assert response.status_code == 200 and response.context["found"].results == []


def test_pages_of_results(client, named):
    for i in range(25):
        GroupFactory(name=f"Islamic front {i:02}")
    first = client.get(SEARCH, {"q": "islamic front"})
    assert len(titles(first)) == 20 and 'rel="next"' in first.content.decode()
    second = client.get(SEARCH, {"q": "islamic front", "page": 2})
    assert len(titles(second)) == 5 and 'start="21"' in second.content.decode()


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"q": "islamic", "kind": "<b>source</b>"}, "no kind of entry called “&lt;b&gt;source"),
        ({"q": "islamic", "page": "zz"}, "not one of these results"),
        ({"q": "islamic", "page": "-3"}, "not one of these results"),
        ({"q": "islamic", "page": "100000"}, "not one of these results"),
    ],
)
def test_bad_parameters_get_a_clear_message(client, named, params, message):
    response = client.get(SEARCH, params)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert "<b>source</b>" not in response.content.decode()


@pytest.mark.parametrize(
    "query",
    [
        "<script>alert(1)</script>",
        "'; DROP TABLE kb_entry; --",
        '" OR 1=1 --',
        "<img src=x onerror=alert(1)>",
        "x" * 5000,
        "\x00",
    ],
)
def test_hostile_queries_are_echoed_escaped(client, named, query):
    response = client.get(SEARCH, {"q": query})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert" not in html and "<img src=x" not in html
    if len(query) > 200:
        assert "Only the first 200 characters" in html


def test_the_search_page_takes_a_fixed_number_of_queries(
    client, named, django_assert_max_num_queries
):
    for i in range(30):
        GroupFactory(name=f"Islamic front {i:02}", summary="Active in Iraq.")
    # Names: whole names, aliases, names, the entries; text: the ranked page, its
    # entries; and the narratives of name matches whose summary lacks the words.
    for query in ("islamic", "iraq", "islamic front 07"):
        with django_assert_max_num_queries(7):
            assert client.get(SEARCH, {"q": query}).status_code == 200


# Suggestions ---------------------------------------------------------------------------


def test_suggestions_are_name_matches_as_json(client, named):
    body = client.get(SUGGEST, {"q": "dae"}).json()
    assert body["results"][0] == {
        "name": "Islamic State", "kind": "group", "kind_label": "Group",
        "url": named["isis"].get_absolute_url(), "match": "prefix", "alias": "Daesh",
        "published": True,
    }
    assert client.get(SUGGEST, {"q": ""}).json() == {"results": []}
    assert client.get(SUGGEST, {"q": "x" * 5000}).json() == {"results": []}


def test_suggestions_refuse_an_unknown_kind(client, named):
    response = client.get(SUGGEST, {"q": "dae", "kind": "source"})
    assert response.status_code == 400 and "source" in response.json()["error"]


def test_suggestions_hide_drafts_from_readers(client, named, reader):
    client.force_login(reader)
    found = [r["name"] for r in client.get(SUGGEST, {"q": "islamic"}).json()["results"]]
    assert "Islamic State draft" not in found


# Similar names, while creating an entry ----------------------------------------------


def test_similar_names_are_for_the_team(client, named, reader):
    assert client.get(SIMILAR, {"kind": "group", "name": "Daesh"}).status_code == 403
    client.force_login(reader)
    assert client.get(SIMILAR, {"kind": "group", "name": "Daesh"}).status_code == 403


def test_similar_names_answer_the_form(client, named, researcher):
    client.force_login(researcher)
    body = client.get(SIMILAR, {"kind": "group", "name": ["Lashkar e Jhangvi", "LeJ"]}).json()
    [result] = body["results"]
    assert result["name"] == "Lashkar-e-Jhangvi al-Alami"
    assert result["similar_to"] == "Lashkar e Jhangvi"
    assert client.get(SIMILAR, {"kind": "nothing", "name": "x"}).status_code == 400


def test_creating_a_group_with_a_similar_name_warns_before_saving(client, named, researcher):
    client.force_login(researcher)
    url = reverse("kb:entry-create", kwargs={"kind": "group"})
    page = client.get(url).content.decode()
    assert f'data-similar="{SIMILAR}"' in page
    data = form_of(client, url, name="Lashkar e Jhangvi", edit_summary="New group")
    response = post(client, url, data)
    assert response.status_code == 409
    assert [e.pk for e in response.context["duplicates"]] == [named["leja"].pk]
    html = response.content.decode()
    assert "A similar militant group is already in the knowledge base" in html
    assert post(client, url, {**data, "duplicate_ok": "1"}).status_code == 302


def test_an_unrelated_name_is_created_without_a_warning(client, named, researcher):
    client.force_login(researcher)
    url = reverse("kb:entry-create", kwargs={"kind": "group"})
    data = form_of(client, url, name="Balochistan Liberation Army", edit_summary="New group")
    assert post(client, url, data).status_code == 302
