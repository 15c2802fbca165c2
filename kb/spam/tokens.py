"""The comment form's signed timing token: when the form was served, used once.

A person needs some seconds to write a comment; a robot posts the moment it has the
form, or replays one form many times. The token carries the entry, the time the form
was served and a random nonce, signed with the secret key so that none of it can be
forged; the nonce is spent in the cache on first use.
"""

import secrets
import time

from django.core import signing
from django.core.cache import cache

from kb.spam.pipeline import TokenStatus
from kb.spam.store import spam_settings

SALT = "kb.spam.comment-form"


def issue(entry_id: int, *, now: float | None = None) -> str:
    issued = round(now if now is not None else time.time(), 3)
    return signing.dumps({"e": entry_id, "t": issued, "n": secrets.token_urlsafe(9)},
                         salt=SALT)


def check(token: str, entry_id: int, *, now: float | None = None):
    """``(status, age in seconds)`` of a token sent with a comment on ``entry_id``."""
    if not token:
        return TokenStatus.MISSING, None
    try:
        data = signing.loads(token, salt=SALT)
        issued, nonce = float(data["t"]), str(data["n"])
        forged = data["e"] != entry_id
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return TokenStatus.FORGED, None
    now = now if now is not None else time.time()
    age = now - issued
    conf = spam_settings()
    max_age = conf["FORM_MAX_AGE_HOURS"] * 3600
    if forged or age < -5:
        return TokenStatus.FORGED, age
    if age > max_age:
        return TokenStatus.EXPIRED, age
    if not cache.add(f"kb:spam:nonce:{nonce}", 1, timeout=int(max_age) + 60):
        return TokenStatus.REPLAYED, age
    if age < conf["FORM_MIN_SECONDS"]:
        return TokenStatus.TOO_FAST, age
    return TokenStatus.OK, age
