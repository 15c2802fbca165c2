"""The audit log: one call, ``record``, writes who did what, when and from where.

Domain code calls ``record`` where the action happens (approvals in the editorial
workflow, comment moderation). Actions Django performs itself (sign-ins, role changes,
admin edits) are recorded by the receivers that ``connect`` installs. Every call finds
the client's address on the request, passed or current (``AuditContextMiddleware``
keeps the current one), so callers deep in the domain need not carry it around.
"""

from __future__ import annotations

import contextvars
import ipaddress

from django.conf import settings

from accounts.models import AuditAction, AuditEvent

_current_request: contextvars.ContextVar = contextvars.ContextVar(
    "kb_audit_request", default=None
)


def record(action: str, *, actor, target=None, request=None, detail: str = "") -> AuditEvent:
    """Write one audit event and return it.

    ``action`` is an ``AuditAction`` value; an unknown one raises ``ValueError`` so a typo
    fails at once instead of filling the log with unreadable rows. ``actor`` None means
    whoever is signed in on the current request, else an anonymous visitor or the system
    (a command, a migration). ``target`` is the model instance acted on. ``request``
    defaults to the request being served, if any.
    """
    if target is None:
        return _write(action, actor=actor, request=request, detail=detail)
    return _write(
        action, actor=actor, request=request, detail=detail,
        target_type=target._meta.label_lower, target_id=str(target.pk or ""),
        target_repr=str(target),
    )


def _write(
    action, *, actor, request, detail, target_type="", target_id="", target_repr=""
) -> AuditEvent:
    action = AuditAction(action)
    request = request if request is not None else _current_request.get()
    if actor is None and request is not None:
        actor = getattr(request, "user", None)
    if actor is not None and not actor.is_authenticated:
        actor = None
    return AuditEvent.objects.create(
        action=action,
        actor=actor,
        actor_name=actor.get_username() if actor is not None else "",
        target_type=target_type,
        target_id=str(target_id)[:64],
        target_repr=target_repr[:300],
        ip_address=client_ip(request) if request is not None else None,
        detail=detail,
    )


def client_ip(request) -> str | None:
    """The client's address: the trusted proxy's X-Forwarded-For hop, or the peer's.

    Behind ``KB["NUM_PROXIES"]`` proxies the address that the outermost trusted proxy
    saw is the one that counts; hops further left are the client's own claim. Used by
    the audit log and by the sign-in throttle alike, so both blame the same address.
    """
    proxies = settings.KB.get("NUM_PROXIES", 0)
    if proxies:
        hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        hops = [hop for hop in hops if hop]
        if len(hops) >= proxies and _valid_ip(hops[-proxies]):
            return hops[-proxies]
    address = request.META.get("REMOTE_ADDR", "")
    return address if _valid_ip(address) else None


def _valid_ip(value: str) -> bool:
    try:
        ipaddress.ip_address(value)
    except ValueError:
        return False
    return True


def set_current_request(request):
    """Make ``request`` the one ``record`` falls back to; returns a token for ``reset``."""
    return _current_request.set(request)


def reset_current_request(token) -> None:
    _current_request.reset(token)


# Receivers for what Django does itself -------------------------------------------------


def connect() -> None:
    """Install the receivers for the actions Django and django-axes perform themselves."""
    from axes.signals import user_locked_out
    from django.contrib.admin.models import LogEntry
    from django.contrib.auth import get_user_model
    from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
    from django.db.models.signals import m2m_changed, post_save

    user_logged_in.connect(_signed_in, dispatch_uid="kb.audit.sign_in")
    user_logged_out.connect(_signed_out, dispatch_uid="kb.audit.sign_out")
    user_login_failed.connect(_sign_in_failed, dispatch_uid="kb.audit.sign_in_failed")
    user_locked_out.connect(_locked_out, dispatch_uid="kb.audit.locked_out")
    m2m_changed.connect(
        _roles_changed, sender=get_user_model().groups.through, dispatch_uid="kb.audit.roles"
    )
    post_save.connect(_admin_changed, sender=LogEntry, dispatch_uid="kb.audit.admin")


def _signed_in(sender, request, user, **kwargs):
    record(AuditAction.SIGN_IN, actor=user, target=user, request=request)


def _signed_out(sender, request, user, **kwargs):
    if user is not None:
        reason = getattr(request, "kb_session_end", "")
        record(AuditAction.SIGN_OUT, actor=user, target=user, request=request, detail=reason)


def _sign_in_failed(sender, credentials, request=None, **kwargs):
    username = str(credentials.get("username", ""))[:150]
    _write(
        AuditAction.SIGN_IN_FAILED, actor=None, request=request,
        detail=f"username: {username}" if username else "",
    )


def _locked_out(sender, request, username=None, ip_address=None, **kwargs):
    _write(
        AuditAction.LOCKED_OUT, actor=None, request=request,
        detail=f"username: {username or ''}"[:300],
    )


def _roles_changed(sender, instance, action, reverse, model, pk_set, **kwargs):
    """Record each role a user gains or loses, from either side of the relation."""
    if action == "pre_clear":
        related = instance.user_set if reverse else instance.groups
        instance._kb_cleared_pks = set(related.values_list("pk", flat=True))
        return
    if action == "post_clear":
        pk_set = getattr(instance, "_kb_cleared_pks", set())
    elif action not in ("post_add", "post_remove"):
        return
    if not pk_set:
        return
    verb = AuditAction.ROLE_GRANTED if action == "post_add" else AuditAction.ROLE_REVOKED
    for other in model._default_manager.filter(pk__in=pk_set).order_by("pk"):
        user, group = (other, instance) if reverse else (instance, other)
        record(verb, actor=None, target=user, detail=f"role: {group.name}")


def _admin_changed(sender, instance, created, raw=False, **kwargs):
    """Every add, change and deletion made through the admin panel, with its message."""
    if not created or raw:
        return
    what = {1: "added", 2: "changed", 3: "deleted"}.get(instance.action_flag, "changed")
    content_type = instance.content_type
    kind = content_type.name if content_type else "object"
    message = instance.get_change_message()
    _write(
        AuditAction.ADMIN_CHANGE, actor=instance.user, request=None,
        detail=f"{what} {kind} “{instance.object_repr}”" + (f": {message}" if message else ""),
        target_type=f"{content_type.app_label}.{content_type.model}" if content_type else "",
        target_id=instance.object_id or "", target_repr=str(instance.object_repr),
    )
