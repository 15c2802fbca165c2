"""Anonymous readers' pages from the cache, and every change that must empty it."""

import re

import pytest
from django.core.cache import cache
from django.test import Client

from kb.choices import CommentState
from kb.spam import tokens
from tests.factories import AttackFactory, ClaimFactory, CommentFactory, GroupFactory

pytestmark = pytest.mark.django_db

TIMING = re.compile(r'name="token" value="([^"]+)"')
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.KB = {**settings.KB, "PAGE_CACHE_SECONDS": 600}
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def group(db):
    return GroupFactory(name="Lashkar-e-Jhangvi al-Alami")


def hit(response) -> bool:
    return response.get("X-KB-Page-Cache") == "hit"


def test_a_second_anonymous_visit_is_served_from_the_cache_without_queries(
    client, group, django_assert_num_queries
):
    first = client.get(group.get_absolute_url())
    assert first.status_code == 200 and not hit(first)
    with django_assert_num_queries(0):
        second = Client().get(group.get_absolute_url())
    assert hit(second)
    assert second.content.decode().count(group.name) == first.content.decode().count(group.name)


def test_each_visitor_gets_fresh_form_tokens_that_a_comment_can_use(group):
    Client().get(group.get_absolute_url())
    visitor = Client(enforce_csrf_checks=True)
    page = visitor.get(group.get_absolute_url())
    again = Client().get(group.get_absolute_url())
    assert hit(page) and hit(again)
    html = page.content.decode()
    token, csrf = TIMING.search(html).group(1), CSRF.search(html).group(1)
    assert token != TIMING.search(again.content.decode()).group(1)
    status, _age = tokens.check(token, group.pk)
    assert status.name == "TOO_FAST"  # issued just now, for this visitor: a real token
    response = visitor.post(
        f"/entries/{group.pk}/comments/",
        {"author_name": "Sana", "author_email": "s@example.net", "body": "Thanks.",
         "website": "", "token": token, "parent": "", "csrfmiddlewaretoken": csrf},
    )
    assert response.status_code in (200, 302)  # accepted by CSRF; the filter decides


def test_publishing_a_change_empties_the_cache(
    client, group, django_capture_on_commit_callbacks
):
    client.get(group.get_absolute_url())
    with django_capture_on_commit_callbacks(execute=True):
        group.name = "Lashkar-e-Jhangvi al-Alami (LeJA)"
        group.save()
    fresh = client.get(group.get_absolute_url())
    assert not hit(fresh) and "(LeJA)" in fresh.content.decode()


def test_a_new_claim_on_another_entry_shows_on_the_group_page(
    client, group, django_capture_on_commit_callbacks
):
    client.get(group.get_absolute_url())
    with django_capture_on_commit_callbacks(execute=True):
        ClaimFactory(group=group, attack=AttackFactory(name="Quetta market bombing"))
    assert "Quetta market bombing" in client.get(group.get_absolute_url()).content.decode()


def test_held_and_spam_comments_keep_the_cache_and_moderation_empties_it(
    client, group, django_capture_on_commit_callbacks
):
    client.get(group.get_absolute_url())
    with django_capture_on_commit_callbacks(execute=True):
        comment = CommentFactory(entry=group, state=CommentState.SPAM, body="Buy now")
    assert hit(client.get(group.get_absolute_url()))
    with django_capture_on_commit_callbacks(execute=True):
        comment.state = CommentState.PUBLISHED
        comment.save()
    page = client.get(group.get_absolute_url())
    assert not hit(page) and "Buy now" in page.content.decode()


def test_a_proposal_keeps_the_cache_and_its_approval_empties_it(
    client, group, researcher, editor, django_capture_on_commit_callbacks
):
    from kb.editorial import workflow
    from kb.editorial.snapshot import capture

    client.get(group.get_absolute_url())
    data = capture(group)
    data["fields"]["summary"] = "A proposal under review."
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        revision = workflow.propose(entry=group, author=researcher, data=data,
                                    summary="Clearer", base=group.live_revision, submit=True)
    assert hit(client.get(group.get_absolute_url()))
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        workflow.approve(revision=revision, reviewer=editor)
    assert callbacks
    page = client.get(group.get_absolute_url())
    assert not hit(page) and "A proposal under review." in page.content.decode()


def test_signed_in_and_session_holding_visitors_never_get_a_cached_page(
    client, group, reader
):
    client.get(group.get_absolute_url())
    signed_in = Client()
    signed_in.force_login(reader)
    assert not hit(signed_in.get(group.get_absolute_url()))
    with_session = Client()
    with_session.cookies["sessionid"] = "x"
    assert not hit(with_session.get(group.get_absolute_url()))


def test_only_successful_pages_are_kept(client):
    assert client.get("/groups/nobody/").status_code == 404
    assert not hit(client.get("/groups/nobody/"))
    assert client.get("/attacks/", {"date_from": "2015-13-45"}).status_code == 400
    assert not hit(client.get("/attacks/", {"date_from": "2015-13-45"}))
