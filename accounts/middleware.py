"""Request-wide account concerns: the audit context and the length of team sessions.

A team member's session carries the power to publish, so it ends after
``KB["TEAM_SESSION_IDLE"]`` without a request and ``KB["TEAM_SESSION_MAX"]`` after
sign-in, whatever the activity. A reader's session may last ``SESSION_COOKIE_AGE``.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.utils import timezone

from accounts import audit

SIGNED_IN_AT = "kb_signed_in_at"
SEEN_AT = "kb_seen_at"
TEAM = "kb_team"

# Refresh the last-seen time at most this often (seconds), so a burst of requests does
# not write the session row once per request.
SEEN_RESOLUTION = 60


class AuditContextMiddleware:
    """Let ``accounts.audit.record`` find the request being served, for the IP address."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = audit.set_current_request(request)
        try:
            return self.get_response(request)
        finally:
            audit.reset_current_request(token)


def start_session(sender, request, user, **kwargs):
    """On sign-in, note the time and whether the user is on the team (a receiver)."""
    if request is None or not hasattr(request, "session"):
        return
    now = timezone.now().timestamp()
    request.session[SIGNED_IN_AT] = now
    request.session[SEEN_AT] = now
    request.session[TEAM] = user.is_team_member
    if request.session[TEAM]:
        request.session.set_expiry(int(_limits()[0]))


def _limits() -> tuple[float, float]:
    return (
        settings.KB["TEAM_SESSION_IDLE"].total_seconds(),
        settings.KB["TEAM_SESSION_MAX"].total_seconds(),
    )


class SessionLimitMiddleware:
    """Sign team members out once their session is idle or old; see the module docstring.

    Must follow the authentication and message middleware. Whether the user is on the
    team is read from the session (noted at sign-in), so an ordinary request costs no
    query beyond the session load that authentication makes anyway.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        session = getattr(request, "session", None)
        if session is not None and session.session_key and request.user.is_authenticated:
            self._check(request, session)
        return self.get_response(request)

    def _check(self, request, session):
        now = timezone.now().timestamp()
        if SIGNED_IN_AT not in session:
            # A session that began before these limits existed starts counting now.
            start_session(None, request, request.user)
        if not session.get(TEAM):
            return
        idle, longest = _limits()
        started = session[SIGNED_IN_AT]
        seen = session.get(SEEN_AT, started)
        if now - seen > idle or now - started > longest:
            request.kb_session_end = (
                "session ended: idle" if now - seen > idle else "session ended: too old"
            )
            logout(request)
            messages.info(
                request,
                f"Your session ended: team sessions close after {int(idle // 60)} minutes "
                f"without activity and {int(longest // 3600)} hours after signing in. "
                "Please sign in again.",
            )
        elif now - seen >= SEEN_RESOLUTION:
            session[SEEN_AT] = now
            session.set_expiry(int(max(1, min(idle, longest - (now - started)))))
