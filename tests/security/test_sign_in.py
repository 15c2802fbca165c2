"""Failed sign-ins are throttled per account and per address, before any password check."""

import io

import pytest
from axes.models import AccessAttempt
from django.core.management import call_command
from django.urls import reverse

from accounts.audit import client_ip
from accounts.models import AuditEvent, User
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"
LIMIT = 5


def sign_in(client, username, password=PASSWORD, address="192.0.2.10"):
    return client.post(
        reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=address
    )


@pytest.fixture
def nadia(db):
    return UserFactory(username="nadia")


@pytest.fixture
def password_checks(monkeypatch):
    """Count the password hashes computed."""
    calls = []
    original = User.check_password

    def counted(user, raw):
        calls.append(user.username)
        return original(user, raw)

    monkeypatch.setattr(User, "check_password", counted)
    return calls


def test_an_account_locks_after_five_failures_and_refuses_even_the_right_password(
    client, nadia, password_checks
):
    for _ in range(LIMIT - 1):
        assert sign_in(client, "nadia", "wrong").status_code == 200
    locked = sign_in(client, "nadia", "wrong")
    assert locked.status_code == 429
    checks = len(password_checks)

    response = sign_in(client, "nadia", address="198.51.100.7")
    assert response.status_code == 429
    assert len(password_checks) == checks, "a locked-out sign-in computed a password hash"
    html = response.content.decode()
    assert "Too many failed sign-ins" in html and "try again in 30 minutes" in html
    assert "_auth_user_id" not in client.session


def test_an_address_locks_after_five_failures_across_accounts(client, nadia):
    for number in range(LIMIT):
        sign_in(client, f"guess{number}", "wrong")
    assert sign_in(client, "nadia").status_code == 429
    assert sign_in(client, "nadia", address="198.51.100.7").status_code == 302


def test_signing_in_to_ones_own_account_does_not_reset_the_count_against_another(
    client, nadia
):
    UserFactory(username="mallory")
    for _ in range(LIMIT - 1):
        sign_in(client, "nadia", "wrong", address="203.0.113.9")
    assert sign_in(client, "mallory", address="203.0.113.9").status_code == 302
    client.logout()
    assert sign_in(client, "nadia", "wrong", address="198.51.100.7").status_code == 429


def test_an_administrator_unlocks_an_account_with_axes_reset_username(client, nadia):
    for _ in range(LIMIT):
        sign_in(client, "nadia", "wrong", address="198.51.100.1")
    assert sign_in(client, "nadia", address="198.51.100.2").status_code == 429
    call_command("axes_reset_username", "nadia", stdout=io.StringIO())
    assert sign_in(client, "nadia", address="198.51.100.2").status_code == 302


def test_administrators_see_and_delete_lockouts_in_the_admin(client, nadia, admin_user):
    for _ in range(LIMIT):
        sign_in(client, "nadia", "wrong", address="198.51.100.1")
    attempt = AccessAttempt.objects.get(username="nadia")
    client.force_login(admin_user)
    changelist = reverse("admin:axes_accessattempt_changelist")
    assert "nadia" in client.get(changelist).content.decode()
    delete = reverse("admin:axes_accessattempt_delete", args=[attempt.pk])
    assert client.post(delete, {"post": "yes"}).status_code == 302
    assert not AccessAttempt.objects.filter(username="nadia").exists()


def test_sign_ins_failures_and_lockouts_are_audited_with_the_address(client, nadia):
    sign_in(client, "nadia", "wrong", address="192.0.2.44")
    sign_in(client, "nadia", address="192.0.2.44")
    client.post(reverse("logout"), REMOTE_ADDR="192.0.2.44")
    for _ in range(LIMIT):
        sign_in(client, "mallory", "wrong", address="203.0.113.9")
    events = list(AuditEvent.objects.order_by("pk").values_list(
        "action", "actor_name", "ip_address", "detail"
    ))
    assert events[:3] == [
        ("sign_in_failed", "", "192.0.2.44", "username: nadia"),
        ("sign_in", "nadia", "192.0.2.44", ""),
        ("sign_out", "nadia", "192.0.2.44", ""),
    ]
    assert ("locked_out", "", "203.0.113.9", "username: mallory") in events


def test_the_test_client_login_still_works_without_a_request(nadia, client):
    assert client.login(username="nadia", password=PASSWORD)


def test_the_client_address_is_the_proxys_hop_only_behind_a_proxy(rf, settings):
    request = rf.get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="6.6.6.6, 198.51.100.3")
    assert client_ip(request) == "10.0.0.2"
    settings.KB = {**settings.KB, "NUM_PROXIES": 1}
    assert client_ip(request) == "198.51.100.3"
    request = rf.get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="not-an-address")
    assert client_ip(request) == "10.0.0.2"
