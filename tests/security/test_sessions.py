"""Team sessions end after 30 minutes idle or 12 hours in all; readers' last longer."""

import pytest
from django.urls import reverse

from accounts.middleware import SEEN_AT, SIGNED_IN_AT, TEAM
from accounts.models import AuditEvent

pytestmark = pytest.mark.django_db

MINUTE = 60


def age(client, *, idle: float, since_sign_in: float | None = None):
    """Pretend the last request was ``idle`` seconds ago and sign-in earlier still."""
    session = client.session
    now = session[SEEN_AT]
    session[SEEN_AT] = now - idle
    session[SIGNED_IN_AT] = now - (since_sign_in if since_sign_in is not None else idle)
    session.save()


def signed_in(client) -> bool:
    return "_auth_user_id" in client.session


def test_an_editor_idle_for_31_minutes_is_signed_out_with_a_reason(client, editor):
    client.force_login(editor)
    assert client.session[TEAM] is True
    age(client, idle=31 * MINUTE)
    response = client.get(reverse("kb:home"))
    assert not signed_in(client)
    assert "Sign in" in response.content.decode()
    assert "team sessions close after 30 minutes" in response.content.decode()
    event = AuditEvent.objects.get(action="sign_out")
    assert (event.actor_name, event.detail) == ("eddie", "session ended: idle")


def test_an_active_researcher_is_signed_out_twelve_hours_after_signing_in(client, researcher):
    client.force_login(researcher)
    age(client, idle=2 * MINUTE, since_sign_in=12 * 3600 + MINUTE)
    client.get(reverse("kb:home"))
    assert not signed_in(client)
    assert AuditEvent.objects.get(action="sign_out").detail == "session ended: too old"


def test_activity_keeps_a_team_session_alive_and_its_cookie_short(client, editor):
    client.force_login(editor)
    age(client, idle=29 * MINUTE)
    client.get(reverse("kb:home"))
    assert signed_in(client)
    assert client.session.get_expiry_age() <= 30 * MINUTE
    age(client, idle=29 * MINUTE, since_sign_in=58 * MINUTE)
    client.get(reverse("kb:home"))
    assert signed_in(client)


def test_a_reader_keeps_a_long_session(client, reader):
    client.force_login(reader)
    assert client.session[TEAM] is False
    age(client, idle=3 * 24 * 3600)
    client.get(reverse("kb:home"))
    assert signed_in(client)
    assert client.session.get_expiry_age() == 14 * 24 * 3600


def test_a_session_from_before_the_limits_starts_counting_now(client, editor):
    client.force_login(editor)
    session = client.session
    for key in (SIGNED_IN_AT, SEEN_AT, TEAM):
        del session[key]
    session.save()
    client.get(reverse("kb:home"))
    assert signed_in(client) and client.session[TEAM] is True
