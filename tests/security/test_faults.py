"""Faults: a lost database, a failing approval and a failing mail server lose nothing."""

import logging
import smtplib
import time

import pytest
from django.core.exceptions import PermissionDenied
from django.core.mail.backends.base import BaseEmailBackend
from django.db import OperationalError
from django.template.loader import render_to_string
from django.urls import reverse
from django.views.defaults import permission_denied

from accounts.models import AuditEvent
from kb import selectors
from kb.choices import RevisionState
from kb.editorial import workflow
from kb.editorial.snapshot import capture
from kb.middleware import database_unavailable
from kb.models import Entry
from tests.editorial.aggregates import make_aggregate
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


# The database goes away ----------------------------------------------------------------


def test_a_lost_database_answers_503_with_a_calm_page(client, monkeypatch, caplog):
    def gone(*args, **kwargs):
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(selectors, "home_summary", gone)
    with caplog.at_level(logging.ERROR, logger="kb.database"):
        response = client.get(reverse("kb:home"))
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    html = response.content.decode()
    assert "Temporarily unavailable" in html and "Traceback" not in html
    assert "server closed the connection" not in html
    assert "Database unavailable for GET /" in caplog.text


def test_a_database_lost_before_the_view_runs_answers_503_too(client, editor, monkeypatch):
    client.force_login(editor)

    def gone(request):
        raise OperationalError("could not connect to server")

    monkeypatch.setattr("django.contrib.auth.middleware.auth.get_user", gone)
    client.raise_request_exception = False
    response = client.get(reverse("kb:home"))
    assert response.status_code == 503
    assert "Temporarily unavailable" in response.content.decode()


def test_other_errors_are_not_dressed_up_as_an_outage(client, monkeypatch):
    def broken(*args, **kwargs):
        raise ValueError("a bug")

    monkeypatch.setattr(selectors, "home_summary", broken)
    client.raise_request_exception = False
    assert client.get(reverse("kb:home")).status_code == 500


def test_the_outage_and_error_pages_render_without_touching_the_database(
    django_assert_num_queries,
):
    with django_assert_num_queries(0):
        assert database_unavailable().status_code == 503
        assert "Something went wrong" in render_to_string("500.html")
        assert "form has expired" in render_to_string("403_csrf.html")


def test_error_pages_answer_in_the_site_layout(client, rf, reader):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()
    assert 'class="site-header"' in response.content.decode()
    request = rf.get("/review/")
    request.user = reader
    response = permission_denied(request, PermissionDenied())
    assert response.status_code == 403
    assert "does not have the role this page needs" in response.content.decode()


# An approval that fails half-way -------------------------------------------------------


@pytest.fixture
def proposal(admin_user, researcher):
    entry = make_aggregate("attack")
    workflow.record_direct_edit(entry=entry, user=admin_user, summary="Imported", publish=True)
    entry.refresh_from_db()
    data = capture(entry.specific)
    data["fields"]["summary"] = "Rewritten"
    data["fields"]["killed"] = 71
    data["rows"]["aliases"] = data["rows"]["aliases"][1:]
    return workflow.propose(
        entry=entry, author=researcher, data=data, summary="Correct the toll",
        base=entry.live_revision, submit=True,
    )


@pytest.mark.parametrize(
    "step", ["kb.editorial.workflow.capture", "accounts.audit.record"],
    ids=["after-applying", "at-the-audit-record"],
)
def test_a_failed_approval_leaves_no_half_applied_snapshot(proposal, editor, monkeypatch, step):
    entry = Entry.objects.get(pk=proposal.entry_id)
    live_before, live_revision = capture(entry.specific), entry.live_revision_id

    def fail(*args, **kwargs):
        raise RuntimeError("injected failure")

    monkeypatch.setattr(step, fail)
    with pytest.raises(RuntimeError, match="injected failure"):
        workflow.approve(revision=proposal, reviewer=editor)

    entry = Entry.objects.get(pk=proposal.entry_id)
    assert capture(entry.specific) == live_before
    assert entry.live_revision_id == live_revision
    proposal.refresh_from_db()
    assert (proposal.state, proposal.reviewer_id) == (RevisionState.PENDING, None)
    assert not AuditEvent.objects.filter(action="revision_approved").exists()


# A mail server that fails -----------------------------------------------------------------


class FailingBackend(BaseEmailBackend):
    def send_messages(self, messages):
        raise smtplib.SMTPServerDisconnected("mail server went away")


def test_a_password_reset_answers_cleanly_when_the_mail_server_fails(client, settings, caplog):
    settings.EMAIL_BACKEND = f"{__name__}.FailingBackend"
    UserFactory(username="nadia", email="nadia@example.org")
    with caplog.at_level(logging.ERROR):
        response = client.post(reverse("password_reset"), {"email": "nadia@example.org"})
    assert response.status_code == 302
    assert response["Location"] == reverse("password_reset_done")
    assert "Failed to send password reset email" in caplog.text


def test_a_failing_mail_server_loses_no_comment_and_no_review(
    client, settings, proposal, editor
):
    """Nothing in commenting or reviewing waits on mail: with the server down both land."""
    from kb.models import Comment
    from kb.spam import tokens

    settings.EMAIL_BACKEND = f"{__name__}.FailingBackend"
    entry = Entry.objects.get(pk=proposal.entry_id)
    response = client.post(reverse("kb:comment-post", kwargs={"pk": entry.pk}), {
        "author_name": "Sana", "author_email": "sana@example.net",
        "body": "The toll in the Dawn report differs from this one.", "website": "",
        "token": tokens.issue(entry.pk, now=time.time() - 60), "parent": "",
    })
    assert response.status_code == 302
    assert Comment.objects.filter(entry=entry).count() == 1
    client.force_login(editor)
    response = client.post(reverse("kb:revision-approve", kwargs={"pk": proposal.pk}))
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.state == RevisionState.APPROVED
