"""The moderation queues: who may see them, what they show, and what actions do."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from kb import comments
from kb.choices import CommentState
from kb.models import Comment
from kb.spam import pipeline, store
from kb.spam.context_processors import queue_counts
from kb.spam.models import FilterState, LearnedFeature
from tests.comments.conftest import LINK_SPAM, PORTUGUESE_SPAM, post
from tests.factories import CommentFactory

pytestmark = pytest.mark.django_db

QUEUE = reverse("kb:moderation")
# Held by the classifier alone: honest, but in the words of SMS spam.
BORDERLINE = ("Subscribe to the PICSS monthly security report if you want monthly numbers, "
              "it is free.")
SIMILAR = ("Subscribe to the PICSS monthly security report if you want the figures, "
           "it is free.")


def decide(text):
    return pipeline.decide(pipeline.Submission(text), store.knowledge(), store.thresholds())


def test_anonymous_readers_are_sent_to_sign_in(client):
    response = client.get(QUEUE)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("persona", ["reader", "researcher"])
def test_only_moderators_see_the_queue(client, request, persona):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(QUEUE).status_code == 403
    assert client.post(QUEUE, {"action": "publish"}).status_code == 403


def test_queue_lists_newest_first_with_score_and_reasons(client, editor, group):
    post(client, group, body=PORTUGUESE_SPAM)
    older = Comment.objects.get()
    newer = CommentFactory(entry=group, state=older.state, body="A later held comment",
                           spam_score=4.5, spam_reasons=["links: test reason (+4.5)"])
    client.force_login(editor)
    html = client.get(QUEUE + f"?queue={older.state.replace('published', 'pending')}"
                      ).content.decode()
    assert html.index(f'id="comment-{newer.pk}"') < html.index(f'id="comment-{older.pk}"')
    assert "links: test reason (+4.5)" in html
    assert f"{older.spam_score:.1f}" in html
    assert "language: written in &#x27;pt&#x27; on a page in &#x27;en&#x27;" in html


def test_spam_queue_shows_spam_only(client, editor, group):
    spam = CommentFactory(entry=group, state=CommentState.SPAM, body="Buy now")
    pending = CommentFactory(entry=group, state=CommentState.PENDING, body="Held one")
    client.force_login(editor)
    html = client.get(QUEUE + "?queue=spam").content.decode()
    assert f'id="comment-{spam.pk}"' in html and f'id="comment-{pending.pk}"' not in html


def test_navigation_shows_waiting_counts_to_moderators_only(client, editor, researcher, group):
    CommentFactory(entry=group, state=CommentState.PENDING)
    CommentFactory(entry=group, state=CommentState.SPAM)
    CommentFactory(entry=group, state=CommentState.SPAM)
    client.force_login(researcher)
    assert "Moderation" not in client.get(group.get_absolute_url()).content.decode()
    client.force_login(editor)
    html = client.get(group.get_absolute_url()).content.decode()
    assert "Moderation" in html and "1 held · 2 spam" in html


def test_navigation_counts_cost_no_query_once_cached(editor, group, django_assert_num_queries):
    CommentFactory(entry=group, state=CommentState.PENDING)
    assert queue_counts() == {"pending": 1, "spam": 0}
    with django_assert_num_queries(0):
        assert queue_counts() == {"pending": 1, "spam": 0}
    comments.moderate_comment(comment=Comment.objects.get(), action="spam", moderator=editor)
    assert queue_counts() == {"pending": 0, "spam": 1}


def test_single_action_publishes_without_teaching(client, editor, group):
    held = CommentFactory(entry=group, state=CommentState.PENDING)
    client.force_login(editor)
    response = client.post(QUEUE, {"queue": "pending", "action": f"publish:{held.pk}"})
    assert response.status_code == 302
    held.refresh_from_db()
    assert held.state == CommentState.PUBLISHED
    assert held.moderated_by == editor and held.trained_as == ""
    assert not LearnedFeature.objects.exists()


def test_bulk_mark_spam_hides_and_teaches(client, editor, group):
    first = CommentFactory(entry=group, state=CommentState.PENDING, body="cheap pills online")
    second = CommentFactory(entry=group, state=CommentState.PUBLISHED, body="casino bonus now")
    client.force_login(editor)
    client.post(QUEUE, {"queue": "pending", "action": "spam", "ids": [first.pk, second.pk]})
    assert set(Comment.objects.values_list("state", flat=True)) == {CommentState.SPAM}
    assert set(Comment.objects.values_list("trained_as", flat=True)) == {"spam"}
    state = FilterState.objects.get()
    assert state.spam_docs == 2 * store.spam_settings()["LEARN_WEIGHT"]
    assert LearnedFeature.objects.get(feature="casino").spam > 0


def test_bulk_delete(client, editor, group):
    doomed = [CommentFactory(entry=group, state=CommentState.SPAM) for _ in range(3)]
    client.force_login(editor)
    client.post(QUEUE, {"queue": "spam", "action": "delete", "ids": [c.pk for c in doomed]})
    assert not Comment.objects.exists()


def test_action_without_comments_or_unknown_action_changes_nothing(client, editor, group):
    held = CommentFactory(entry=group, state=CommentState.PENDING)
    client.force_login(editor)
    client.post(QUEUE, {"queue": "pending", "action": "spam"})
    client.post(QUEUE, {"queue": "pending", "action": f"explode:{held.pk}"})
    held.refresh_from_db()
    assert held.state == CommentState.PENDING


def test_marking_not_spam_publishes_and_makes_similar_comments_pass(client, editor, group):
    before = decide(SIMILAR)
    assert before.outcome == pipeline.Outcome.HOLD
    held = CommentFactory(entry=group, state=CommentState.PENDING, body=BORDERLINE)
    client.force_login(editor)
    client.post(QUEUE, {"queue": "pending", "action": f"ham:{held.pk}"})
    held.refresh_from_db()
    assert held.state == CommentState.PUBLISHED and held.trained_as == "ham"
    after = decide(SIMILAR)
    assert after.outcome == pipeline.Outcome.PUBLISH
    assert after.score < before.score


def test_marking_spam_makes_similar_comments_score_higher(editor, group):
    text = "Visit the best dentist in Lahore for whitening, book a seat this week."
    before = decide(text).score
    comment = CommentFactory(entry=group, state=CommentState.PENDING, body=text)
    comments.moderate_comment(comment=comment, action="spam", moderator=editor)
    assert decide("Visit the best dentist in Karachi for whitening this week.").score > before


def test_changing_a_decision_unteaches_the_first_one(editor, group):
    comment = CommentFactory(entry=group, state=CommentState.PENDING, body=LINK_SPAM)
    comments.moderate_comment(comment=comment, action="spam", moderator=editor)
    comments.moderate_comment(comment=comment, action="ham", moderator=editor)
    state = FilterState.objects.get()
    weight = store.spam_settings()["LEARN_WEIGHT"]
    assert (state.spam_docs, state.ham_docs) == (0, weight)
    assert LearnedFeature.objects.get(feature="instagram").spam == 0
    comments.moderate_comment(comment=comment, action="ham", moderator=editor)
    assert FilterState.objects.get().ham_docs == weight


def test_lessons_reach_other_processes_through_the_version(editor, group):
    decide(SIMILAR)  # this process has loaded the filter
    learned_before = store._live.version
    comment = CommentFactory(entry=group, state=CommentState.PENDING, body=BORDERLINE)
    comments.moderate_comment(comment=comment, action="ham", moderator=editor)
    assert store.current_version() > learned_before
    store._live.knowledge = None  # as another process would, knowing only the old version
    assert decide(SIMILAR).outcome == pipeline.Outcome.PUBLISH


def test_moderation_needs_the_permission_in_the_write_path_too(researcher, group):
    comment = CommentFactory(entry=group, state=CommentState.PENDING)
    with pytest.raises(PermissionDenied):
        comments.moderate_comment(comment=comment, action="publish", moderator=researcher)
