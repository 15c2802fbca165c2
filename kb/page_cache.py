"""Whole public pages for anonymous readers, from the cache, until anything published changes.

Most visitors are anonymous and read the same pages; the largest group's profile takes a
quarter of a second to build at the scale of the Global Terrorism Database. A page built
for an anonymous visitor without cookies is kept in the cache under its full address and
the current *content version*; any change to what the site publishes (an approval, an
archive, an admin edit, a comment published or moderated, a restore) sets a new version,
so every page is rebuilt on its next visit. Coarse, and correct: no page can show a state
older than the last change, and no dependency between pages has to be tracked.

Two parts of a profile belong to each visitor: the CSRF token and the signed timing token
of the comment form (``kb.spam.tokens``). They are stored as placeholders and filled in
fresh on every hit, so commenting from a cached page works as from a built one.

The cache must be shared by every web process, or one process's invalidation would not
reach the others' copies: the page cache is on by default only with Redis (``REDIS_URL``)
and ``KB_PAGE_CACHE_SECONDS`` sets how long a page may live (0 turns it off).
"""

from __future__ import annotations

import functools
import hashlib
import re
import time

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.middleware.csrf import get_token

from kb.spam import tokens

VERSION_KEY = "kb:pages:version"
_CSRF = re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]*(")')
_TIMING = re.compile(r'(name="token" value=")[^"]*(")')
_COMMENTS_ON = re.compile(r'action="/entries/(\d+)/comments/"')
CSRF_PLACEHOLDER = "\x00kb-csrf\x00"
TIMING_PLACEHOLDER = "\x00kb-timing\x00"


def seconds() -> int:
    return settings.KB["PAGE_CACHE_SECONDS"]


def content_version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        version = time.time_ns()
        cache.add(VERSION_KEY, version, timeout=None)
        version = cache.get(VERSION_KEY, version)
    return version


def invalidate() -> None:
    """Every cached page is out of date from the end of the current transaction."""
    transaction.on_commit(lambda: cache.set(VERSION_KEY, time.time_ns(), timeout=None))


def _cacheable(request) -> bool:
    return (
        request.method == "GET"
        and not request.user.is_authenticated
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
    )


def _key(request) -> str:
    address = hashlib.sha256(request.get_full_path().encode()).hexdigest()
    return f"kb:page:{content_version()}:{address}"


def anonymous_page(view):
    """Serve ``view``'s 200 answers to anonymous visitors from the cache (see above)."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if not seconds() or not _cacheable(request):
            return view(request, *args, **kwargs)
        key = _key(request)
        stored = cache.get(key)
        if stored is not None:
            return _rebuilt(request, stored)
        response = view(request, *args, **kwargs)
        if response.status_code == 200 and not response.streaming and not response.cookies:
            cache.set(key, _storable(response), timeout=seconds())
        return response

    return wrapper


def _storable(response) -> dict:
    html = response.content.decode(response.charset)
    entry = _COMMENTS_ON.search(html)
    html = _CSRF.sub(rf"\g<1>{CSRF_PLACEHOLDER}\g<2>", html)
    html = _TIMING.sub(rf"\g<1>{TIMING_PLACEHOLDER}\g<2>", html)
    return {
        "html": html,
        "content_type": response["Content-Type"],
        "entry": int(entry.group(1)) if entry else None,
    }


def _rebuilt(request, stored: dict) -> HttpResponse:
    html = stored["html"]
    if CSRF_PLACEHOLDER in html:
        html = html.replace(CSRF_PLACEHOLDER, get_token(request))
    if TIMING_PLACEHOLDER in html and stored["entry"] is not None:
        html = html.replace(TIMING_PLACEHOLDER, tokens.issue(stored["entry"]))
    response = HttpResponse(html, content_type=stored["content_type"])
    response["X-KB-Page-Cache"] = "hit"
    return response
