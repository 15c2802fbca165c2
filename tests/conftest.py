"""Personas and shared fixtures.

Each persona is a user holding one role, as the demo users do: ``reader`` (signed in,
no role), ``researcher``, ``editor`` and ``admin_user``.
"""

import pytest
from rest_framework.test import APIClient

from tests.factories import UserFactory


@pytest.fixture(autouse=True)
def _plain_static_files(settings):
    # Hashed static names need `collectstatic`; tests render pages without it.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # PBKDF2 costs ~0.3 s a hash by design; tests only need hashes that verify.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def reader(db):
    return UserFactory(username="reader")


@pytest.fixture
def researcher(db):
    return UserFactory(username="rita", role="researcher")


@pytest.fixture
def editor(db):
    return UserFactory(username="eddie", role="editor")


@pytest.fixture
def admin_user(db):
    return UserFactory(username="ada", role="administrator")


@pytest.fixture
def api_client():
    return APIClient()
