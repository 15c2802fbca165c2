"""Comment rate limits per address and per account, counted in the shared cache.

Fixed windows of a minute and an hour, in the cache every process shares (Redis in
production), so a flood is counted across processes. Every attempt counts, refused
ones too, so a robot that keeps posting stays refused.
"""

import time
from dataclasses import dataclass

from django.core.cache import cache

from kb.spam.store import spam_settings


@dataclass(frozen=True)
class Usage:
    minute: int
    hour: int

    def exceeds(self) -> bool:
        conf = spam_settings()
        return self.minute > conf["RATE_PER_MINUTE"] or self.hour > conf["RATE_PER_HOUR"]


def _bump(key: str, timeout: int) -> int:
    cache.add(key, 0, timeout)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout)
        return 1


def hit(scope: str, ident: str, *, now: float | None = None) -> Usage:
    """Count one attempt by ``ident`` (an address or an account id) and return the totals."""
    now = now if now is not None else time.time()
    base = f"kb:spam:rate:{scope}:{ident}"
    return Usage(
        minute=_bump(f"{base}:m{int(now // 60)}", 120),
        hour=_bump(f"{base}:h{int(now // 3600)}", 7200),
    )


def client_ip(request) -> str | None:
    """The commenter's address: the proxy's last X-Forwarded-For hop when behind one."""
    if spam_settings()["CLIENT_IP_FROM_PROXY"]:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        hops = [h.strip() for h in forwarded.split(",") if h.strip()]
        if hops:
            return hops[-1]
    return request.META.get("REMOTE_ADDR") or None
