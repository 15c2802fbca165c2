"""Spam is purged and commenters' addresses cleared after the retention periods."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from kb.choices import CommentState
from kb.models import Comment
from tests.comments.conftest import form_data, post
from tests.factories import CommentFactory

pytestmark = pytest.mark.django_db


def aged(comment, days):
    Comment.objects.filter(pk=comment.pk).update(
        created_at=timezone.now() - timedelta(days=days)
    )
    return comment


def test_purge_deletes_old_spam_only(capsys):
    old_spam = aged(CommentFactory(state=CommentState.SPAM), 31)
    new_spam = aged(CommentFactory(state=CommentState.SPAM), 29)
    old_held = aged(CommentFactory(state=CommentState.PENDING), 90)
    old_published = aged(CommentFactory(state=CommentState.PUBLISHED), 90)
    call_command("purge_spam")
    assert set(Comment.objects.values_list("pk", flat=True)) == {
        new_spam.pk, old_held.pk, old_published.pk,
    }
    assert not Comment.objects.filter(pk=old_spam.pk).exists()
    assert "Deleted 1 spam comment(s) older than 30 days" in capsys.readouterr().out


def test_retention_periods_are_settings(settings):
    settings.KB = {**settings.KB, "SPAM": {**settings.KB["SPAM"], "RETENTION_DAYS": 7,
                                           "IP_RETENTION_DAYS": 2}}
    spam = aged(CommentFactory(state=CommentState.SPAM, ip_address="203.0.113.9"), 8)
    kept = aged(CommentFactory(state=CommentState.PUBLISHED, ip_address="203.0.113.7",
                               user_agent="Firefox"), 3)
    call_command("purge_spam")
    assert not Comment.objects.filter(pk=spam.pk).exists()
    kept.refresh_from_db()
    assert kept.ip_address is None and kept.user_agent == ""


def test_addresses_are_kept_only_for_the_retention_period(client, group):
    post(client, group)
    fresh = Comment.objects.get()
    assert fresh.ip_address == "127.0.0.1"
    old = aged(CommentFactory(entry=group, ip_address="198.51.100.4", user_agent="Bot"), 31)
    call_command("purge_spam")
    old.refresh_from_db()
    fresh.refresh_from_db()
    assert old.ip_address is None and old.user_agent == ""
    assert fresh.ip_address == "127.0.0.1"


def test_client_address_behind_a_proxy(client, group, settings):
    settings.KB = {**settings.KB, "SPAM": {**settings.KB["SPAM"],
                                           "CLIENT_IP_FROM_PROXY": True}}
    client.post(reverse("kb:comment-post", kwargs={"pk": group.pk}), form_data(group),
                HTTP_X_FORWARDED_FOR="10.0.0.1, 192.0.2.44")
    assert Comment.objects.get().ip_address == "192.0.2.44"
