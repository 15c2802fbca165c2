from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from kb.choices import CommentState
from kb.spam.features import fingerprint
from kb.spam.pipeline import Outcome


class Comment(models.Model):
    """A reader's comment on an entry, as judged by the spam filter and moderators.

    Anonymous readers leave a name and an e-mail address; the address is for
    moderators only and is never shown or exported. ``spam_reasons`` keeps the
    filter's readable reasons beside its score.
    """

    entry = models.ForeignKey("kb.Entry", on_delete=models.CASCADE, related_name="comments")
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="replies"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="comments",
    )
    author_name = models.CharField(max_length=100, blank=True)
    author_email = models.EmailField(blank=True)
    body = models.TextField(max_length=5000)
    state = models.CharField(
        max_length=10, choices=CommentState.choices, default=CommentState.PENDING
    )
    spam_score = models.FloatField(null=True, blank=True)
    spam_reasons = models.JSONField(default=list, blank=True)
    verdict = models.CharField(
        max_length=10, blank=True, choices=[(o.value, o.value) for o in Outcome],
        help_text="What the filter decided; kept even when a log-only filter did not act.",
    )
    trained_as = models.CharField(
        max_length=4, blank=True, choices=[("spam", "spam"), ("ham", "not spam")],
        help_text="What a moderator taught the filter with this comment, if anything.",
    )
    body_hash = models.CharField(
        max_length=64, blank=True, editable=False,
        help_text="A digest of the folded text, to recognise the same text posted again.",
    )
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    user_agent = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    moderated_at = models.DateTimeField(null=True, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["created_at", "pk"]
        permissions = [("moderate_comment", "Can moderate comments and train the spam filter")]
        indexes = [
            models.Index(fields=["entry", "state", "created_at"]),
            models.Index(fields=["state", "-created_at"]),
            models.Index(fields=["body_hash"], name="comment_body_hash"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(user__isnull=False) | ~Q(author_name=""),
                name="comment_has_author",
                violation_error_message="An anonymous comment needs a name.",
            ),
            models.CheckConstraint(
                condition=~Q(parent=models.F("pk")), name="comment_not_own_parent"
            ),
        ]

    def __str__(self):
        return f"{self.display_author} on {self.entry}"

    def save(self, *args, **kwargs):
        # A derived column only: the digest the filter finds repeated texts by.
        self.body_hash = fingerprint(self.body)
        super().save(*args, **kwargs)

    @property
    def display_author(self) -> str:
        return str(self.user) if self.user_id else self.author_name

    def clean(self):
        errors = {}
        if not self.user_id:
            if not self.author_name.strip():
                errors["author_name"] = "Give a name to sign the comment with."
            if not self.author_email:
                errors["author_email"] = "Give an e-mail address (it is never shown)."
        if not self.body.strip():
            errors["body"] = "Write something."
        if self.parent_id:
            if self.parent.parent_id:
                errors["parent"] = "Replies go one level deep: reply to the first comment."
            elif self.entry_id and self.parent.entry_id != self.entry_id:
                errors["parent"] = "A reply belongs on the same entry as its comment."
        if errors:
            raise ValidationError(errors)
