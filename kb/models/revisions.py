from django.conf import settings
from django.db import models
from django.db.models import Q

from kb.choices import RevisionState


class RevisionQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(state=RevisionState.PENDING)

    def approved(self):
        return self.filter(state=RevisionState.APPROVED)


class Revision(models.Model):
    """One version of an entry's aggregate, proposed, reviewed and kept for ever.

    ``data`` is the JSON snapshot of the entry and the rows it owns; ``base`` is the
    revision the author started from, so a stale proposal can be merged instead of
    overwriting what landed in between. Approved revisions are never edited.
    """

    entry = models.ForeignKey("kb.Entry", on_delete=models.CASCADE, related_name="revisions")
    data = models.JSONField(default=dict)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="revisions"
    )
    summary = models.CharField(max_length=300, help_text="What changed and why.")
    base = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        help_text="The revision this one was edited from.",
    )
    state = models.CharField(
        max_length=10, choices=RevisionState.choices, default=RevisionState.DRAFT
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
        related_name="reviewed_revisions",
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    review_note = models.TextField(blank=True)
    self_approved = models.BooleanField(
        default=False, help_text="Approved by its own author (an administrator's exception)."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    submitted_at = models.DateTimeField(null=True, blank=True)

    objects = RevisionQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        get_latest_by = "created_at"
        permissions = [
            ("submit_revision", "Can submit a revision for review"),
            ("review_revision", "Can approve or reject revisions of others"),
        ]
        indexes = [
            models.Index(fields=["entry", "state", "-created_at"]),
            models.Index(fields=["state", "created_at"]),
            models.Index(fields=["author", "-created_at"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(base=models.F("pk")), name="revision_not_own_base"
            ),
            models.CheckConstraint(
                condition=~Q(summary=""), name="revision_has_summary",
                violation_error_message="Say what changed and why.",
            ),
            models.CheckConstraint(
                condition=Q(state__in=[RevisionState.DRAFT, RevisionState.PENDING])
                | Q(reviewed_at__isnull=False),
                name="revision_reviewed_has_time",
                violation_error_message="A reviewed revision records when it was reviewed.",
            ),
        ]

    def __str__(self):
        return f"{self.entry} — {self.summary} ({self.get_state_display()})"
