"""Inlines for the rows an entry owns, edited on the entry's own page.

Aliases, identifiers and citations point at ``kb.Entry``; Django accepts an inline whose
foreign key targets a parent of the page's model, so the same inline serves groups,
people and attacks (``fk_name="entry"``).
"""

from django.contrib.contenttypes.models import ContentType

from kb.admin.base import KbTabularInline
from kb.models import (
    Alias,
    Attribution,
    Citation,
    Claim,
    Designation,
    ExternalIdentifier,
    GroupRelation,
    PersonAttackRole,
    PersonGroupRole,
    PersonRelation,
    SizeEstimate,
)

# The period, confidence and note every relation has (see kb.models.Relation).
RELATION_FIELDS = (
    "started_on", "started_on_precision", "ended_on", "ended_on_precision",
    "confidence", "note",
)
RELATION_MODELS = (
    GroupRelation, PersonGroupRole, PersonAttackRole, PersonRelation, Claim, Attribution,
)


def relation_content_types():
    """The content types a citation may narrow down to: the relations entries own."""
    names = [model._meta.model_name for model in RELATION_MODELS]
    return ContentType.objects.filter(app_label="kb", model__in=names).order_by("model")


class AliasInline(KbTabularInline):
    model = Alias
    fk_name = "entry"
    fields = (
        "name", "kind", "language", "script",
        "used_from", "used_from_precision", "used_until", "used_until_precision",
    )


class ExternalIdentifierInline(KbTabularInline):
    model = ExternalIdentifier
    fk_name = "entry"
    fields = ("scheme", "value", "url")
    verbose_name = "external identifier"


class CitationInline(KbTabularInline):
    model = Citation
    fk_name = "entry"
    fields = ("source", "field", "locator", "quote", "target_type", "target_id")
    autocomplete_fields = ("source",)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "target_type":
            kwargs["queryset"] = relation_content_types()
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class DesignationInline(KbTabularInline):
    model = Designation
    fields = ("authority", "designated_on", "designated_on_precision", "reference", "url")


class SizeEstimateInline(KbTabularInline):
    model = SizeEstimate
    fields = ("year", "low", "best", "high", "note")


class GroupRelationInline(KbTabularInline):
    model = GroupRelation
    fk_name = "subject"
    fields = ("kind", "object", *RELATION_FIELDS)
    autocomplete_fields = ("object",)
    verbose_name = "relation to another group"
    verbose_name_plural = "relations to other groups"


class PersonGroupRoleInline(KbTabularInline):
    model = PersonGroupRole
    fk_name = "person"
    fields = ("role", "group", "title", *RELATION_FIELDS)
    autocomplete_fields = ("group",)


class PersonRelationInline(KbTabularInline):
    model = PersonRelation
    fk_name = "person"
    fields = ("kind", "other", *RELATION_FIELDS)
    autocomplete_fields = ("other",)


class PersonAttackRoleInline(KbTabularInline):
    model = PersonAttackRole
    fk_name = "attack"
    fields = ("person", "role", *RELATION_FIELDS)
    autocomplete_fields = ("person",)


class ClaimInline(KbTabularInline):
    model = Claim
    fk_name = "attack"
    fields = ("group", "mode", "is_retracted", *RELATION_FIELDS)
    autocomplete_fields = ("group",)


class AttributionInline(KbTabularInline):
    model = Attribution
    fk_name = "attack"
    fields = ("group", "attributed_by", "attributed_by_name", "certainty", *RELATION_FIELDS)
    autocomplete_fields = ("group",)
