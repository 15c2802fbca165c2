"""Admin pages of the relations, for looking across owners (e.g. every claim by a group).

Each relation is usually edited inline on the page of the entry that owns it.
"""

from django.contrib import admin

from kb.admin.base import KbModelAdmin, date_rows, partial_date_column
from kb.admin.revisions import RecordsOwnerRevisionMixin
from kb.models import (
    Attribution,
    Claim,
    GroupRelation,
    PersonAttackRole,
    PersonGroupRole,
    PersonRelation,
)

started = partial_date_column("started_date", "started_on", "from")
ended = partial_date_column("ended_date", "ended_on", "until")


def relation_fieldsets(*own_fields, period: str = "") -> tuple:
    return (
        (None, {"fields": own_fields}),
        ("Period and confidence", {
            "fields": (*date_rows("started_on", "ended_on"), "confidence", "note"),
            "description": period,
        }),
    )


class RelationAdmin(RecordsOwnerRevisionMixin, KbModelAdmin):
    list_filter = ("confidence",)


@admin.register(GroupRelation)
class GroupRelationAdmin(RelationAdmin):
    list_display = ("subject", "kind", "object", started, ended, "confidence")
    list_select_related = ("subject", "object")
    list_filter = ("kind", "confidence")
    search_fields = ("subject__name", "object__name")
    autocomplete_fields = ("subject", "object")
    fieldsets = relation_fieldsets("subject", "kind", "object")


@admin.register(PersonGroupRole)
class PersonGroupRoleAdmin(RelationAdmin):
    list_display = ("person", "role", "group", "title", started, ended, "confidence")
    list_select_related = ("person", "group")
    list_filter = ("role", "confidence")
    search_fields = ("person__name", "group__name", "title")
    autocomplete_fields = ("person", "group")
    fieldsets = relation_fieldsets("person", ("role", "title"), "group")


@admin.register(PersonAttackRole)
class PersonAttackRoleAdmin(RelationAdmin):
    list_display = ("person", "role", "attack", "confidence")
    list_select_related = ("person", "attack")
    list_filter = ("role", "confidence")
    search_fields = ("person__name", "attack__name")
    autocomplete_fields = ("person", "attack")
    fieldsets = relation_fieldsets("attack", "person", "role")


@admin.register(PersonRelation)
class PersonRelationAdmin(RelationAdmin):
    list_display = ("person", "kind", "other", started, ended, "confidence")
    list_select_related = ("person", "other")
    list_filter = ("kind", "confidence")
    search_fields = ("person__name", "other__name")
    autocomplete_fields = ("person", "other")
    fieldsets = relation_fieldsets("person", "kind", "other")


@admin.register(Claim)
class ClaimAdmin(RelationAdmin):
    list_display = (
        "group", "attack", "mode",
        partial_date_column("claimed_date", "started_on", "claimed"), "is_retracted",
    )
    list_select_related = ("group", "attack")
    list_filter = ("mode", "is_retracted", "confidence")
    search_fields = ("group__name", "group__abbreviation", "attack__name")
    autocomplete_fields = ("attack", "group")
    fieldsets = relation_fieldsets(
        "attack", "group", ("mode", "is_retracted"),
        period="The start date is the date of the claim.",
    )


@admin.register(Attribution)
class AttributionAdmin(RelationAdmin):
    list_display = ("attack", "group", "attributed_by", "attributed_by_name", "certainty")
    list_select_related = ("attack", "group")
    list_filter = ("attributed_by", "certainty", "confidence")
    search_fields = ("group__name", "group__abbreviation", "attack__name", "attributed_by_name")
    autocomplete_fields = ("attack", "group")
    fieldsets = relation_fieldsets(
        "attack", "group", ("attributed_by", "attributed_by_name"), "certainty"
    )
