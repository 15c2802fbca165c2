"""The Content Security Policy: on every page, strict for scripts, honoured by templates.

The browser tests (tests/browser, test_content_security_policy.py among them) check that
nothing the site needs is blocked; these check the header and the templates that feed it.
"""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

pytestmark = pytest.mark.django_db

TEMPLATE_DIRS = [Path(directory) for directory in settings.TEMPLATES[0]["DIRS"]]
# Redoc writes its styles inline; its view relaxes style-src for that one page.
INLINE_STYLE_ALLOWED = {"drf_spectacular/redoc.html"}


def policy(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    return {
        name: values for name, *values in (part.split() for part in header.split(";"))
    }


@pytest.mark.parametrize("url", [
    "/", "/groups/", "/attacks/", "/accounts/login/", "/accounts/password_reset/",
    "/admin/login/", "/api/v1/groups/", "/api/v1/docs/", "/no-such-page/",
])
def test_every_page_carries_a_strict_policy(client, url):
    directives = policy(client.get(url))
    assert directives["default-src"] == ["'self'"]
    assert directives["script-src"][0] == "'self'"
    assert all(v.startswith("'nonce-") for v in directives["script-src"][1:])
    assert directives["style-src"][0] == "'self'"
    assert "'unsafe-inline'" not in directives["style-src"]
    assert directives["img-src"] == ["'self'", "data:"]
    assert directives["object-src"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["base-uri"] == ["'self'"] and directives["form-action"] == ["'self'"]


def test_team_pages_carry_it_too(client, admin_user):
    client.force_login(admin_user)
    for url in ("/", reverse("admin:index"), reverse("admin:accounts_auditevent_changelist")):
        response = client.get(url)
        assert response.status_code == 200
        assert "'unsafe-inline'" not in response["Content-Security-Policy"]


def test_the_api_docs_bind_their_inline_script_and_style_to_the_nonce(client):
    response = client.get("/api/v1/docs/")
    [nonce] = re.findall(r"'nonce-([^']+)'", " ".join(policy(response)["script-src"]))
    html = response.content.decode()
    inline_scripts = re.findall(r"<script(?![^>]*\bsrc=)([^>]*)>", html)
    assert inline_scripts and all(f'nonce="{nonce}"' in attrs for attrs in inline_scripts)
    assert f'<style nonce="{nonce}">' in html


def test_redoc_relaxes_styles_and_workers_only(client):
    directives = policy(client.get("/api/v1/redoc/"))
    assert directives["style-src"] == ["'self'", "'unsafe-inline'"]
    assert directives["worker-src"] == ["'self'", "blob:"]
    assert "'unsafe-inline'" not in directives["script-src"]
    assert "fonts.googleapis.com" not in client.get("/api/v1/redoc/").content.decode()


def _templates() -> dict[str, str]:
    found = {}
    for directory in TEMPLATE_DIRS:
        for path in sorted(directory.rglob("*.html")):
            found[path.relative_to(directory).as_posix()] = path.read_text(encoding="utf-8")
    return found


TEMPLATES = _templates()


@pytest.mark.parametrize("name", sorted(TEMPLATES))
def test_templates_hold_no_inline_styles_handlers_or_unbound_scripts(name):
    source = TEMPLATES[name]
    if name not in INLINE_STYLE_ALLOWED:
        assert not re.search(r"\sstyle\s*=", source), "move style attributes to site.css"
        assert not re.search(r"<style(?![^>]*\bnonce=)", source), "give <style> the nonce"
    assert not re.search(r"\son[a-z]+\s*=\s*[\"']", source), "use a script file, not on*="
    assert not re.search(r"<script(?![^>]*\b(src|nonce)=)", source), "give <script> the nonce"
    assert "javascript:" not in source.lower()
