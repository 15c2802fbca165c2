"""Posting comments: what readers see, what the filter does, and what it refuses."""

import re

import pytest
from django.urls import reverse

from kb.choices import CommentState
from kb.models import Comment
from kb.views.comments import HELD_MESSAGE, PUBLISHED_MESSAGE
from tests.comments.conftest import (
    FLATTERY_SPAM,
    HONEST,
    LINK_SPAM,
    PORTUGUESE_SPAM,
    old_token,
    post,
)
from tests.factories import CommentFactory, GroupFactory

pytestmark = pytest.mark.django_db


def test_honest_comment_with_a_newspaper_link_is_published_and_shown(client, group):
    response = post(client, group)
    comment = Comment.objects.get()
    assert comment.state == CommentState.PUBLISHED
    assert comment.verdict == "publish"
    assert response.status_code == 302
    assert response["Location"].endswith(f"#comment-{comment.pk}")
    page = client.get(group.get_absolute_url())
    html = page.content.decode()
    assert PUBLISHED_MESSAGE in html
    assert "8 August 2016" in html
    assert ('<a href="https://www.dawn.com/news/1276150" rel="nofollow ugc noopener">'
            in html)


@pytest.mark.parametrize("body", [PORTUGUESE_SPAM, FLATTERY_SPAM, LINK_SPAM])
def test_spam_of_the_source_article_and_its_kind_never_reaches_the_page(client, group, body):
    post(client, group, body=body)
    comment = Comment.objects.get()
    assert comment.state in {CommentState.PENDING, CommentState.SPAM}
    page = client.get(group.get_absolute_url()).content.decode()
    assert body[:40] not in page
    assert HELD_MESSAGE in page


def test_the_commenter_is_not_told_why_a_comment_was_held(client, group):
    response = post(client, group, body=LINK_SPAM, website="http://robot.example")
    page = client.get(response["Location"]).content.decode()
    assert HELD_MESSAGE in page
    for word in ("spam", "honeypot", "shortener", "score"):
        assert word not in page.split('id="comments"')[0].lower().split("<main")[1]


def test_comment_text_is_escaped_with_line_breaks_kept(client, group):
    body = 'First line <script>alert("x")</script>\nsecond <b>line</b> in Quetta\n\nNew para'
    post(client, group, body=body)
    html = client.get(group.get_absolute_url()).content.decode()
    section = html.split('id="comments"')[1]
    assert "<script>alert" not in section
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;<br>second &lt;b&gt;line" in section
    assert "<p>New para</p>" in section


def test_a_javascript_url_is_never_linked(client, group):
    post(client, group, body="See javascript:alert(1) and <a href='javascript:x'>Quetta</a>")
    section = client.get(group.get_absolute_url()).content.decode().split('id="comments"')[1]
    assert 'href="javascript' not in section


def test_no_page_shows_a_commenters_email(client, editor, group):
    post(client, group)
    post(client, group, body=PORTUGUESE_SPAM, token=old_token(group))
    email = "sana.reader@example.net"
    assert email not in client.get(group.get_absolute_url()).content.decode()
    client.force_login(editor)
    for queue in ("pending", "spam"):
        page = client.get(reverse("kb:moderation") + f"?queue={queue}").content.decode()
        assert email not in page
    assert email not in client.get(group.get_absolute_url()).content.decode()


@pytest.mark.parametrize(("body", "message"), [
    ("", "Write something."),
    ("   \n  ", "Write something."),
    ("x" * 100_000, "Keep it under 5000 characters"),
])
def test_empty_or_huge_comment_is_a_form_error(client, group, body, message):
    response = post(client, group, body=body)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Comment.objects.exists()


def test_a_form_error_keeps_what_the_reader_wrote(client, group):
    response = post(client, group, author_email="not an address", body="Keep <this> text")
    html = response.content.decode()
    assert response.status_code == 400
    assert "Enter a valid email address." in html
    assert "Keep &lt;this&gt; text" in html


@pytest.mark.parametrize("state", ["draft", "archived", "merged"])
def test_comments_on_an_entry_readers_cannot_see_are_404(client, group, state):
    if state == "draft":
        group.published_at = None
    elif state == "archived":
        group.is_archived = True
    else:
        group.redirect_to = GroupFactory()
    group.save()
    assert post(client, group).status_code == 404
    assert not Comment.objects.exists()


def test_unknown_entry_is_404(client, group):
    response = client.post(reverse("kb:comment-post", kwargs={"pk": 999_999}), {})
    assert response.status_code == 404


def test_posting_needs_post(client, group):
    assert client.get(reverse("kb:comment-post", kwargs={"pk": group.pk})).status_code == 405


def test_one_level_of_replies(client, group):
    first = CommentFactory(entry=group, state=CommentState.PUBLISHED)
    response = post(client, group, parent=first.pk, body="Agreed, the Quetta date is right.")
    reply = Comment.objects.get(parent=first)
    assert response.status_code == 302
    html = client.get(group.get_absolute_url()).content.decode()
    assert f'id="comment-{reply.pk}"' in html
    response = post(client, group, parent=reply.pk, token=old_token(group))
    assert response.status_code == 400
    assert "Replies go one level deep" in response.content.decode()


def test_reply_to_a_hidden_comment_or_another_entrys_is_refused(client, group):
    held = CommentFactory(entry=group, state=CommentState.PENDING)
    elsewhere = CommentFactory(state=CommentState.PUBLISHED)
    for parent in (held, elsewhere):
        response = post(client, group, parent=parent.pk, token=old_token(group))
        assert response.status_code == 400
        assert "not on this page" in response.content.decode()


def test_reply_link_prepares_the_form(client, group):
    first = CommentFactory(entry=group, state=CommentState.PUBLISHED, author_name="Omar")
    html = client.get(group.get_absolute_url() + f"?reply={first.pk}").content.decode()
    assert "Reply to Omar" in html
    assert f'name="parent" value="{first.pk}"' in html


def test_signed_in_reader_only_writes(client, reader, group):
    client.force_login(reader)
    html = client.get(group.get_absolute_url()).content.decode()
    assert 'name="author_email"' not in html
    response = client.post(reverse("kb:comment-post", kwargs={"pk": group.pk}),
                           {"body": HONEST, "token": old_token(group)})
    assert response.status_code == 302
    comment = Comment.objects.get()
    assert comment.user == reader and comment.author_email == ""
    assert comment.verdict == "publish"


def test_team_members_skip_the_filter(client, researcher, group):
    client.force_login(researcher)
    client.post(reverse("kb:comment-post", kwargs={"pk": group.pk}),
                {"body": LINK_SPAM, "website": "filled", "token": ""})
    comment = Comment.objects.get()
    assert comment.state == CommentState.PUBLISHED
    assert comment.verdict == ""
    assert comment.spam_reasons == ["signed-in team member: the filter was skipped"]


def test_forged_token_files_the_comment_as_spam(client, group):
    token = old_token(group)
    # Change the signature's last character to a different one, whatever it was.
    post(client, group, token=token[:-1] + ("B" if token.endswith("A") else "A"))
    comment = Comment.objects.get()
    assert comment.state == CommentState.SPAM
    assert any("forged" in r for r in comment.spam_reasons)


def test_a_token_for_another_entry_is_forged(client, group):
    post(client, group, token=old_token(GroupFactory()))
    assert any("forged" in r for r in Comment.objects.get().spam_reasons)


def test_replayed_token_is_caught(client, group):
    token = old_token(group)
    post(client, group, token=token)
    post(client, group, token=token, body="Another comment about the Quetta attack in 2016.")
    first, second = Comment.objects.order_by("pk")
    assert first.state == CommentState.PUBLISHED
    assert second.state != CommentState.PUBLISHED
    assert any("already used" in r for r in second.spam_reasons)


def test_instant_post_looks_like_a_robot(client, group, settings):
    post(client, group, token=old_token(group, seconds=0.2))
    comment = Comment.objects.get()
    assert any(re.search(r"sent 0\.\d s after the form was loaded", r)
               for r in comment.spam_reasons)
    assert comment.state == CommentState.PENDING


def test_honeypot_files_the_comment_as_spam(client, group):
    post(client, group, website="https://seo.example")
    comment = Comment.objects.get()
    assert comment.state == CommentState.SPAM
    assert any(r.startswith("honeypot:") for r in comment.spam_reasons)


def test_a_flood_from_one_address_is_refused_with_429(client, group):
    statuses = [
        post(client, group, body=f"Comment {i} on Quetta and Balochistan attacks").status_code
        for i in range(100)
    ]
    assert statuses[:5] == [302] * 5
    assert set(statuses[5:]) == {429}
    assert Comment.objects.count() == 5
    response = post(client, group)
    assert response["Retry-After"] == "60"
    assert "Too many comments" in response.content.decode()


def test_repeated_comments_from_one_address_score_higher(client, group):
    for i in range(5):
        post(client, group, body=f"Point {i}: the Quetta attack was claimed twice.")
    last = Comment.objects.order_by("pk").last()
    assert any("comment 5 from this address within an hour" in r for r in last.spam_reasons)


def test_the_same_text_again_counts_against_it(client, group):
    CommentFactory(entry=group, body=LINK_SPAM.upper(), state=CommentState.SPAM)
    post(client, group, body=LINK_SPAM)
    comment = Comment.objects.order_by("pk").last()
    assert comment.state == CommentState.SPAM
    assert any("the same text was filed as spam" in r for r in comment.spam_reasons)


def test_log_only_records_the_verdict_and_publishes(client, group, settings):
    settings.KB = {**settings.KB, "SPAM": {**settings.KB["SPAM"], "LOG_ONLY": True}}
    post(client, group, body=LINK_SPAM)
    comment = Comment.objects.get()
    assert comment.state == CommentState.PUBLISHED
    assert comment.verdict == "spam"
    assert comment.spam_score >= settings.KB["SPAM"]["SPAM_AT"]
