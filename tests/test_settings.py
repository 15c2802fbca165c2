"""Start-up configuration: what cannot work stops with one clear sentence."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def start(**env) -> subprocess.CompletedProcess:
    """Import the settings in a fresh interpreter with the given environment."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))}
    clean.update(env)
    return subprocess.run(
        [sys.executable, "-c", "import kb.settings"],
        cwd=ROOT, env=clean, capture_output=True, text=True, timeout=60,
    )


def test_production_mode_without_a_secret_key_refuses_to_start():
    result = start(DJANGO_DEBUG="0")
    assert result.returncode != 0
    assert result.stderr.strip() == (
        "Configuration error: DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off."
    )


@pytest.mark.parametrize("url", ["nonsense", "mysql://user@host/db", "postgres://host:5432/"])
def test_a_bad_database_url_refuses_to_start_with_one_sentence(url):
    result = start(DJANGO_DEBUG="1", DATABASE_URL=url)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert result.stderr.startswith("Configuration error: DATABASE_URL must look like")


def test_an_unreadable_boolean_refuses_to_start():
    result = start(DJANGO_DEBUG="maybe")
    assert result.returncode != 0
    assert "DJANGO_DEBUG must be one of" in result.stderr


def test_debug_mode_starts_without_a_secret_key():
    assert start(DJANGO_DEBUG="1").returncode == 0


def test_a_good_configuration_starts(tmp_path):
    result = start(
        DJANGO_SECRET_KEY="x" * 50,
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        REDIS_URL="redis://127.0.0.1:6379/0",
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({}, "0"),
        ({"REDIS_URL": "redis://127.0.0.1:6379/0"}, "600"),
        ({"REDIS_URL": "redis://127.0.0.1:6379/0", "KB_PAGE_CACHE_SECONDS": "0"}, "0"),
        ({"KB_PAGE_CACHE_SECONDS": "30"}, "30"),
    ],
    ids=["local-memory", "redis", "redis-turned-off", "explicit"],
)
def test_the_page_cache_is_on_by_default_only_with_a_shared_cache(env, expected):
    clean = {k: v for k, v in os.environ.items()
             if not k.startswith(("DJANGO_", "DATABASE_", "REDIS_", "KB_"))}
    clean.update(DJANGO_DEBUG="1", **env)
    result = subprocess.run(
        [sys.executable, "-c", "import kb.settings as s; print(s.KB['PAGE_CACHE_SECONDS'])"],
        cwd=ROOT, env=clean, capture_output=True, text=True, timeout=60,
    )
    assert result.stdout.strip() == expected, result.stderr
