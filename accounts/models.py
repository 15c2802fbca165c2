from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property

from accounts.roles import Role


class User(AbstractUser):
    """A member of the research team or a registered reader.

    What a user may do comes from the auth groups that stand for roles (see
    ``accounts.roles``); the model itself adds only what the site shows of a person.
    """

    display_name = models.CharField(
        max_length=150,
        blank=True,
        help_text="Shown beside revisions and comments instead of the username.",
    )

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"

    def __str__(self):
        return self.display_name or self.username

    @cached_property
    def role_names(self) -> frozenset[str]:
        return frozenset(self.groups.values_list("name", flat=True))

    @property
    def role(self) -> Role | None:
        """The highest role the user holds, or None for a reader."""
        if self.is_superuser:
            return Role.ADMINISTRATOR
        for role in reversed(Role.ordered()):
            if role.value in self.role_names:
                return role
        return None

    @property
    def is_team_member(self) -> bool:
        return self.role is not None


class AuditAction(models.TextChoices):
    SIGN_IN = "sign_in", "Signed in"
    SIGN_IN_FAILED = "sign_in_failed", "Failed to sign in"
    LOCKED_OUT = "locked_out", "Locked out after failed sign-ins"
    SIGN_OUT = "sign_out", "Signed out"
    ROLE_GRANTED = "role_granted", "Role granted"
    ROLE_REVOKED = "role_revoked", "Role revoked"
    ADMIN_CHANGE = "admin_change", "Changed in the admin panel"
    REVISION_APPROVED = "revision_approved", "Revision approved"
    REVISION_REJECTED = "revision_rejected", "Revision rejected"
    REVISION_SENT_BACK = "revision_sent_back", "Revision sent back"
    COMMENT_MODERATED = "comment_moderated", "Comment moderated"


class AuditEvent(models.Model):
    """Who did what, when and from where, for the actions that need accounting for.

    Rows are written only through ``accounts.audit.record`` and never changed. The
    actor's username and the target's description are copied into the row, so the
    record still reads correctly after the user or the target is gone.
    """

    created_at = models.DateTimeField(default=timezone.now, db_index=True, editable=False)
    action = models.CharField(max_length=32, choices=AuditAction.choices)
    actor = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        help_text="Empty for anonymous visitors and for the system itself.",
    )
    actor_name = models.CharField(max_length=150, blank=True)
    target_type = models.CharField(
        max_length=100, blank=True, help_text="app_label.model of what was acted on."
    )
    target_id = models.CharField(max_length=64, blank=True)
    target_repr = models.CharField("target", max_length=300, blank=True)
    ip_address = models.GenericIPAddressField("IP address", null=True, blank=True)
    detail = models.TextField(blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        # Only reading makes sense for a log; nobody is granted adding or changing it.
        default_permissions = ("view",)
        indexes = [
            models.Index(fields=["action", "-created_at"]),
            models.Index(fields=["actor", "-created_at"]),
            models.Index(fields=["target_type", "target_id"]),
        ]

    def __str__(self):
        who = self.actor_name or "anonymous"
        return f"{self.created_at:%Y-%m-%d %H:%M} {who}: {self.get_action_display()}"
