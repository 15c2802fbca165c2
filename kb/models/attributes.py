"""Rows an entry owns that describe it: aliases, identifiers, designations, sizes."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from kb.choices import AliasKind, IdentifierScheme, Script
from kb.names import is_right_to_left, name_key, normalize_name
from kb.partial_dates import (
    PartialDateDescriptor,
    date_order_constraint,
    precision_constraint,
    precision_field,
    validate_date_order,
    validate_partial_date,
)


class Alias(models.Model):
    """Another name of an entry: an acronym, a former name, a transliteration, a name
    in its native script. Search, filters, autocomplete and the API all use aliases."""

    entry = models.ForeignKey("kb.Entry", on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=300)
    search_name = models.CharField(max_length=300, editable=False, db_index=True)
    search_key = models.CharField(max_length=300, editable=False, default="")
    kind = models.CharField(max_length=16, choices=AliasKind.choices, default=AliasKind.OTHER)
    language = models.CharField(
        max_length=12, blank=True, help_text="BCP 47 language tag: en, ar, ur, ps, fa …"
    )
    script = models.CharField(max_length=4, choices=Script.choices, default=Script.LATIN)
    used_from = models.DateField(null=True, blank=True)
    used_from_precision = precision_field()
    used_until = models.DateField(null=True, blank=True)
    used_until_precision = precision_field()

    used_from_date = PartialDateDescriptor("used_from")
    used_until_date = PartialDateDescriptor("used_until")

    class Meta:
        verbose_name_plural = "aliases"
        ordering = ["entry", "kind", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["entry", "name"], name="alias_unique_per_entry",
                violation_error_message="This entry already has that alias.",
            ),
            precision_constraint("alias", "used_from"),
            precision_constraint("alias", "used_until"),
            date_order_constraint("alias", "used_from", "used_until"),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.search_name = normalize_name(self.name)
        self.search_key = name_key(self.name)
        super().save(*args, **kwargs)

    @property
    def is_rtl(self) -> bool:
        return Script(self.script).is_rtl if self.script in Script.values else False

    def clean(self):
        errors = {}
        same_as_entry = (
            self.name
            and self.entry_id
            and normalize_name(self.name) == normalize_name(self.entry.name)
        )
        if same_as_entry:
            errors["name"] = "An alias must differ from the entry's own name."
        if self.name and self.script == Script.LATIN and is_right_to_left(self.name):
            errors["script"] = "This name is written in a right-to-left script, not Latin."
        validate_partial_date(self, "used_from", errors)
        validate_partial_date(self, "used_until", errors)
        validate_date_order(
            self, "used_from", "used_until", errors, "An alias cannot stop before it starts."
        )
        if errors:
            raise ValidationError(errors)


class ExternalIdentifier(models.Model):
    """The id of an entry in another data set (GTD, Wikidata …), for reconciliation."""

    entry = models.ForeignKey(
        "kb.Entry", on_delete=models.CASCADE, related_name="external_ids"
    )
    scheme = models.CharField(max_length=10, choices=IdentifierScheme.choices)
    value = models.CharField(max_length=100)
    url = models.URLField(blank=True)

    class Meta:
        ordering = ["scheme", "value"]
        constraints = [
            models.UniqueConstraint(
                fields=["scheme", "value"], name="external_id_unique",
                violation_error_message="Another entry already carries this identifier.",
            ),
        ]
        indexes = [models.Index(fields=["entry", "scheme"])]

    def __str__(self):
        return f"{self.get_scheme_display()}: {self.value}"

    def clean(self):
        wikidata_shape = self.value[:1] == "Q" and self.value[1:].isdigit()
        if self.scheme == IdentifierScheme.WIKIDATA and self.value and not wikidata_shape:
            raise ValidationError({"value": "A Wikidata id looks like Q12345."})
        if self.scheme == IdentifierScheme.GTD and self.value and not self.value.isdigit():
            raise ValidationError({"value": "A GTD event id is a number such as 201508130001."})


class Designation(models.Model):
    """A listing of a group by an authority (a terrorist designation, a ban)."""

    group = models.ForeignKey("kb.Group", on_delete=models.CASCADE, related_name="designations")
    authority = models.CharField(
        max_length=200, help_text="E.g. United Nations Security Council, US Department of State."
    )
    designated_on = models.DateField(null=True, blank=True)
    designated_on_precision = precision_field()
    reference = models.CharField(max_length=200, blank=True, help_text="List or order reference.")
    url = models.URLField(blank=True)

    designated_date = PartialDateDescriptor("designated_on")

    class Meta:
        ordering = ["group", "designated_on"]
        constraints = [
            precision_constraint("designation", "designated_on"),
            models.UniqueConstraint(
                fields=["group", "authority", "reference"], name="designation_unique",
                violation_error_message="This designation is already recorded.",
            ),
        ]

    def __str__(self):
        return f"{self.authority} ({self.designated_date or 'date unknown'})"

    def clean(self):
        errors = {}
        validate_partial_date(self, "designated_on", errors)
        if errors:
            raise ValidationError(errors)


class SizeEstimate(models.Model):
    """An estimate of a group's strength in a given year, as a range."""

    group = models.ForeignKey("kb.Group", on_delete=models.CASCADE, related_name="size_estimates")
    year = models.PositiveSmallIntegerField()
    low = models.PositiveIntegerField(null=True, blank=True)
    best = models.PositiveIntegerField(null=True, blank=True)
    high = models.PositiveIntegerField(null=True, blank=True)
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["group", "year"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(low__isnull=True) | Q(best__isnull=True) | Q(low__lte=models.F("best"))
                )
                & (Q(best__isnull=True) | Q(high__isnull=True) | Q(best__lte=models.F("high")))
                & (Q(low__isnull=True) | Q(high__isnull=True) | Q(low__lte=models.F("high"))),
                name="size_estimate_ordered",
                violation_error_message=(
                    "Size: the low figure cannot exceed the best, nor the best the high."
                ),
            ),
            models.CheckConstraint(
                condition=Q(low__isnull=False) | Q(best__isnull=False) | Q(high__isnull=False),
                name="size_estimate_has_a_figure",
                violation_error_message="Give at least one figure.",
            ),
        ]

    def __str__(self):
        figures = [str(v) for v in (self.low, self.best, self.high) if v is not None]
        return f"{self.year}: {'–'.join(figures)}"

    def clean(self):
        errors = {}
        if self.low is not None and self.best is not None and self.low > self.best:
            errors["low"] = "The low figure cannot exceed the best figure."
        if self.high is not None and self.best is not None and self.high < self.best:
            errors["high"] = "The high figure cannot be below the best figure."
        if self.low is not None and self.high is not None and self.low > self.high:
            errors.setdefault("high", "The high figure cannot be below the low figure.")
        if self.low is None and self.best is None and self.high is None:
            errors["best"] = "Give at least one figure."
        if errors:
            raise ValidationError(errors)
