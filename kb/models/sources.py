from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse

from kb.choices import Reliability, SourceKind
from kb.partial_dates import (
    PartialDateDescriptor,
    precision_constraint,
    precision_field,
    validate_partial_date,
)


class Source(models.Model):
    """A cited document: an article, a report, a court record, a claim."""

    title = models.CharField(max_length=500)
    slug = models.SlugField(max_length=220, unique=True)
    kind = models.CharField(max_length=20, choices=SourceKind.choices, default=SourceKind.NEWS)
    publisher = models.CharField(max_length=200, blank=True)
    author = models.CharField(max_length=300, blank=True)
    published_on = models.DateField(null=True, blank=True)
    published_on_precision = precision_field()
    language = models.CharField(max_length=12, blank=True, help_text="BCP 47 tag: en, ur, ar …")
    url = models.URLField(max_length=1000, blank=True)
    archived_url = models.URLField(max_length=1000, blank=True)
    reliability = models.CharField(
        max_length=1, choices=Reliability.choices, default=Reliability.F,
        help_text="Admiralty scale: how far this source has proved reliable.",
    )
    note = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    published_date = PartialDateDescriptor("published_on")

    class Meta:
        ordering = ["title"]
        constraints = [precision_constraint("source", "published_on")]
        indexes = [models.Index(fields=["kind"]), models.Index(fields=["publisher"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("kb:source-detail", kwargs={"slug": self.slug})

    def clean(self):
        errors = {}
        validate_partial_date(self, "published_on", errors)
        if errors:
            raise ValidationError(errors)


class Citation(models.Model):
    """Ties a statement to a source with a locator.

    Every citation belongs to the entry whose profile shows it. It may narrow down to
    one relation the entry owns (a claim, a role, a tie between groups) and to one
    field (``killed``, ``occurred_on`` …), so each figure can carry its own source.
    """

    entry = models.ForeignKey("kb.Entry", on_delete=models.CASCADE, related_name="citations")
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="citations")
    target_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.CASCADE,
        help_text="The kind of relation cited, when the citation supports one.",
    )
    target_id = models.PositiveBigIntegerField(null=True, blank=True)
    target = GenericForeignKey("target_type", "target_id")
    field = models.CharField(
        max_length=50, blank=True, help_text="The field the source supports, e.g. 'killed'."
    )
    locator = models.CharField(max_length=200, blank=True, help_text="Page, paragraph, time.")
    quote = models.TextField(blank=True)

    class Meta:
        ordering = ["entry", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(target_type__isnull=True, target_id__isnull=True)
                | Q(target_type__isnull=False, target_id__isnull=False),
                name="citation_target_complete",
                violation_error_message="A cited relation needs both its type and its id.",
            ),
            models.UniqueConstraint(
                fields=["entry", "source", "field", "locator"],
                condition=Q(target_type__isnull=True),
                name="citation_unique_on_entry",
                violation_error_message="This citation is already recorded.",
            ),
            models.UniqueConstraint(
                fields=["entry", "source", "target_type", "target_id", "field", "locator"],
                condition=Q(target_type__isnull=False),
                name="citation_unique_on_relation",
                violation_error_message="This citation is already recorded.",
            ),
        ]
        indexes = [
            models.Index(fields=["target_type", "target_id"]),
            models.Index(fields=["source"]),
        ]

    def __str__(self):
        where = f", {self.locator}" if self.locator else ""
        return f"{self.source}{where}"

    def clean(self):
        errors = {}
        if self.field and self.entry_id:
            specific = type(self.entry.specific)
            names = {f.name for f in specific._meta.get_fields()}
            target_model = self.target_type.model_class() if self.target_type_id else None
            if target_model is not None:
                names = {f.name for f in target_model._meta.get_fields()}
            if self.field not in names:
                errors["field"] = f"“{self.field}” is not a field of what this citation supports."
        if self.target_type_id and self.target_id and self.entry_id:
            target = self.target
            if target is None:
                errors["target_id"] = "The cited relation does not exist."
            elif getattr(target, f"{getattr(target, 'OWNER', '')}_id", None) != self.entry_id:
                errors["target_id"] = "A citation can support only a relation its entry owns."
        if errors:
            raise ValidationError(errors)
