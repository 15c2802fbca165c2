"""Production settings pass Django's deployment checklist and set every protective header.

The settings are read in a fresh interpreter with a production-like environment and
nothing inherited from the test run (which turns HTTPS redirects and secure cookies off).
"""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    clean = {
        name: value for name, value in os.environ.items()
        if not name.startswith(("DJANGO_", "DATABASE_", "REDIS_", "KB_"))
    }
    clean.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT, env=clean, capture_output=True, text=True, timeout=120,
    )


@pytest.fixture
def production(tmp_path) -> dict[str, str]:
    return {
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(64),
        "DJANGO_ALLOWED_HOSTS": "kb.example.org",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'kb.sqlite3'}",
    }


@pytest.mark.parametrize("proxy", ["0", "1"])
def test_the_deploy_check_is_clean_in_production(production, proxy):
    result = manage(
        "check", "--deploy", "--fail-level", "WARNING", **production, DJANGO_BEHIND_PROXY=proxy
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout
    assert "WARNING" not in result.stderr.upper()


def test_production_settings_protect_cookies_transport_and_frames(production):
    expected = {
        "DEBUG": False, "SECURE_SSL_REDIRECT": True, "SECURE_HSTS_SECONDS": 31536000,
        "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,
        "SECURE_PROXY_SSL_HEADER": ["HTTP_X_FORWARDED_PROTO", "https"],
        "SESSION_COOKIE_SECURE": True, "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax", "CSRF_COOKIE_SECURE": True,
        "CSRF_COOKIE_HTTPONLY": True, "CSRF_COOKIE_SAMESITE": "Lax",
        "SECURE_CONTENT_TYPE_NOSNIFF": True, "SECURE_REFERRER_POLICY": "same-origin",
        "X_FRAME_OPTIONS": "DENY", "SECRET_KEY_FALLBACKS": ["old-key-one", "old-key-two"],
    }
    script = (
        "import json; from django.conf import settings; "
        f"print(json.dumps({{name: getattr(settings, name) for name in {sorted(expected)!r}}}))"
    )
    result = manage(
        "shell", "--no-imports", "-c", script, **production, DJANGO_BEHIND_PROXY="1",
        DJANGO_SECRET_KEY_FALLBACKS="old-key-one,old-key-two",
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == expected
