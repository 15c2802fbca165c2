"""Sign in, sign out and the password pages, through Django's own views."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"


def test_login_page_answers_with_a_form(client):
    response = client.get(reverse("login"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Sign in</h1>" in html and 'name="password"' in html
    assert "csrfmiddlewaretoken" in html


def test_login_with_the_right_password_goes_home(client):
    UserFactory(username="nadia")
    response = client.post(reverse("login"), {"username": "nadia", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == reverse("kb:home")
    home = client.get(reverse("kb:home")).content.decode()
    assert "nadia" in home and "Sign out" in home


def test_login_honours_a_safe_next_url_only(client):
    UserFactory(username="nadia")
    credentials = {"username": "nadia", "password": PASSWORD}
    response = client.post(reverse("login"), {**credentials, "next": reverse("kb:group-list")})
    assert response["Location"] == reverse("kb:group-list")
    client.logout()
    response = client.post(reverse("login"), {**credentials, "next": "https://evil.example/"})
    assert response["Location"] == reverse("kb:home")


def test_login_with_a_wrong_password_shows_an_error(client):
    UserFactory(username="nadia")
    response = client.post(reverse("login"), {"username": "nadia", "password": "wrong"})
    assert response.status_code == 200
    assert 'role="alert"' in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_logout_is_a_post_form_in_the_header(client, reader):
    client.force_login(reader)
    html = client.get(reverse("kb:home")).content.decode()
    assert f'method="post" action="{reverse("logout")}"' in html
    assert client.get(reverse("logout")).status_code == 405
    response = client.post(reverse("logout"))
    assert response.status_code == 302 and response["Location"] == reverse("kb:home")
    assert "_auth_user_id" not in client.session


def test_logged_out_page_renders_without_a_redirect_setting(client, reader, settings):
    settings.LOGOUT_REDIRECT_URL = None
    client.force_login(reader)
    response = client.post(reverse("logout"))
    assert response.status_code == 200 and "Signed out" in response.content.decode()


def test_staff_see_a_link_to_the_admin_and_readers_do_not(client, reader, admin_user):
    client.force_login(reader)
    assert reverse("admin:index") not in client.get(reverse("kb:home")).content.decode()
    client.force_login(admin_user)
    assert reverse("admin:index") in client.get(reverse("kb:home")).content.decode()


def test_password_change_requires_login(client):
    response = client.get(reverse("password_change"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_password_change_works_for_a_signed_in_user(client, reader):
    client.force_login(reader)
    assert client.get(reverse("password_change")).status_code == 200
    new = "a quite different passphrase 42"
    response = client.post(
        reverse("password_change"),
        {"old_password": PASSWORD, "new_password1": new, "new_password2": new},
    )
    assert response["Location"] == reverse("password_change_done")
    assert client.get(reverse("password_change_done")).status_code == 200
    reader.refresh_from_db()
    assert reader.check_password(new)


def test_password_reset_mails_a_link_to_a_known_address(client):
    UserFactory(username="nadia", email="nadia@example.org")
    assert client.get(reverse("password_reset")).status_code == 200
    response = client.post(reverse("password_reset"), {"email": "nadia@example.org"}, follow=True)
    assert response.status_code == 200 and "Check your e-mail" in response.content.decode()
    [message] = mail.outbox
    assert message.to == ["nadia@example.org"]
    assert "/accounts/reset/" in message.body and "nadia" in message.body


def test_password_reset_answers_the_same_for_an_unknown_address(client):
    UserFactory(username="nadia", email="nadia@example.org")
    known = client.post(reverse("password_reset"), {"email": "nadia@example.org"}, follow=True)
    unknown = client.post(reverse("password_reset"), {"email": "nobody@example.org"}, follow=True)
    assert unknown.status_code == 200
    assert unknown.redirect_chain == known.redirect_chain
    assert len(mail.outbox) == 1


def test_password_reset_link_lets_the_user_choose_a_new_password(client):
    user = UserFactory(username="nadia", email="nadia@example.org")
    client.post(reverse("password_reset"), {"email": "nadia@example.org"})
    link = next(line for line in mail.outbox[0].body.splitlines() if "/accounts/reset/" in line)
    path = link.split("testserver", 1)[1].strip()
    form = client.get(path, follow=True)
    assert 'name="new_password1"' in form.content.decode()
    new = "another long passphrase 77"
    done = client.post(
        form.redirect_chain[-1][0], {"new_password1": new, "new_password2": new}, follow=True
    )
    assert "Password set" in done.content.decode()
    user.refresh_from_db()
    assert user.check_password(new)


def test_password_reset_with_a_bad_token_explains_itself(client):
    user = UserFactory(username="nadia")
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    response = client.get(reverse("password_reset_confirm", args=[uid, "bad-token"]))
    assert "no longer valid" in response.content.decode()
