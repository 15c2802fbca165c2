"""What the spam filter has learned from moderators, shared by every web process.

The shipped base model is a file in the package; these tables hold only what
moderators' decisions added to it, as document counts per feature. ``version`` orders
the changes so that each process reloads only the rows that changed since it last
looked (see ``kb.spam.store``).
"""

from django.db import models


class LearnedFeature(models.Model):
    """How many spam and ham documents, as judged by moderators, held a feature."""

    feature = models.CharField(max_length=64, unique=True)
    spam = models.FloatField(default=0)
    ham = models.FloatField(default=0)
    version = models.BigIntegerField(default=0, db_index=True)

    def __str__(self):
        return f"{self.feature}: {self.spam:g} spam, {self.ham:g} ham"


class FilterState(models.Model):
    """The one row of totals: documents learned and the version of the learned counts."""

    spam_docs = models.FloatField(default=0)
    ham_docs = models.FloatField(default=0)
    version = models.BigIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "spam filter state"

    def __str__(self):
        return f"learned version {self.version}"


class Lesson(models.Model):
    """A comment a moderator judged, kept as word-pair hashes to recognise its like again.

    Only hashes are kept, not the text, so a lesson outlives the purge of the comment
    without keeping what the commenter wrote.
    """

    comment_id = models.BigIntegerField(unique=True)
    label = models.CharField(max_length=4, choices=[("spam", "spam"), ("ham", "not spam")])
    shingles = models.JSONField(default=list)
    version = models.BigIntegerField(default=0, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"comment {self.comment_id}: {self.label}"
