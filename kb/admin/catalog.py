"""Admin pages of places, sources, citations, the rows entries own, and the GTD lists."""

from django.contrib import admin

from kb.admin.base import (
    KbModelAdmin,
    LargeTableMixin,
    ReadOnlyAdmin,
    date_rows,
    partial_date_column,
)
from kb.admin.inlines import relation_content_types
from kb.admin.revisions import RecordsOwnerRevisionMixin
from kb.models import (
    Alias,
    AttackType,
    Citation,
    Designation,
    ExternalIdentifier,
    Place,
    SizeEstimate,
    Source,
    TargetType,
    WeaponType,
)
from kb.names import normalize_name


@admin.register(Place)
class PlaceAdmin(KbModelAdmin):
    list_display = ("name", "kind", "parent", "country_code")
    list_select_related = ("parent",)
    list_filter = ("kind",)
    search_fields = ("name", "slug", "country_code")
    autocomplete_fields = ("parent",)
    prepopulated_fields = {"slug": ("name",)}
    fields = ("name", "slug", ("kind", "parent"), "country_code", ("latitude", "longitude"))


@admin.register(Source)
class SourceAdmin(KbModelAdmin):
    list_display = (
        "title", "kind", "publisher",
        partial_date_column("published_date", "published_on", "published"), "reliability",
    )
    list_filter = ("kind", "reliability", "language")
    search_fields = ("title", "publisher", "author", "url")
    prepopulated_fields = {"slug": ("title",)}
    fieldsets = (
        (None, {"fields": ("title", "slug", ("kind", "reliability"))}),
        ("Publication", {
            "fields": (("publisher", "author"), *date_rows("published_on"), "language"),
        }),
        ("Where to read it", {"fields": ("url", "archived_url")}),
        (None, {"fields": ("note",)}),
    )


@admin.register(Citation)
class CitationAdmin(RecordsOwnerRevisionMixin, LargeTableMixin, KbModelAdmin):
    list_display = ("source", "locator", "entry", "field", "target_type")
    list_display_links = ("source", "locator")
    list_select_related = ("entry", "source", "target_type")
    list_filter = ("source__kind",)
    search_fields = ("source__title", "entry__name", "locator", "quote")
    autocomplete_fields = ("entry", "source")
    # Citation's own ordering goes through the entry's name, a sort of the whole table.
    ordering = ("-pk",)
    fieldsets = (
        (None, {"fields": ("entry", "source", "locator", "quote")}),
        ("What it supports", {
            "fields": ("field", ("target_type", "target_id")),
            "description": "Leave empty for the entry as a whole; name a relation the "
            "entry owns, or a field such as “killed”, to narrow it down.",
        }),
    )

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "target_type":
            kwargs["queryset"] = relation_content_types()
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(Alias)
class AliasAdmin(RecordsOwnerRevisionMixin, LargeTableMixin, KbModelAdmin):
    list_display = ("name", "entry", "kind", "language", "script")
    list_select_related = ("entry",)
    list_filter = ("kind", "script")
    search_fields = ("name", "entry__name")
    autocomplete_fields = ("entry",)
    # search_name is indexed; Alias's own ordering sorts through the entries' names.
    ordering = ("search_name",)
    fields = (
        "entry", "name", "kind", ("language", "script"),
        *date_rows("used_from", "used_until"),
    )

    def get_search_results(self, request, queryset, search_term):
        results, may_have_duplicates = super().get_search_results(
            request, queryset, search_term
        )
        folded = normalize_name(search_term)
        if folded:
            results |= queryset.filter(search_name__contains=folded)
        return results, may_have_duplicates


@admin.register(ExternalIdentifier)
class ExternalIdentifierAdmin(RecordsOwnerRevisionMixin, KbModelAdmin):
    list_display = ("value", "scheme", "entry", "url")
    list_select_related = ("entry",)
    list_filter = ("scheme",)
    search_fields = ("value", "entry__name")
    autocomplete_fields = ("entry",)
    fields = ("entry", ("scheme", "value"), "url")


@admin.register(Designation)
class DesignationAdmin(RecordsOwnerRevisionMixin, KbModelAdmin):
    list_display = (
        "group", "authority",
        partial_date_column("designated_date", "designated_on", "designated"), "reference",
    )
    list_select_related = ("group",)
    search_fields = ("authority", "reference", "group__name", "group__abbreviation")
    autocomplete_fields = ("group",)
    fields = ("group", "authority", *date_rows("designated_on"), "reference", "url")


@admin.register(SizeEstimate)
class SizeEstimateAdmin(RecordsOwnerRevisionMixin, KbModelAdmin):
    list_display = ("group", "year", "low", "best", "high")
    list_select_related = ("group",)
    search_fields = ("group__name", "group__abbreviation", "note")
    autocomplete_fields = ("group",)
    fields = ("group", "year", ("low", "best", "high"), "note")


class GtdCategoryAdmin(ReadOnlyAdmin):
    """The GTD codebook's lists, loaded by a migration: GTD's codes do not change."""

    list_display = ("code", "name")
    list_display_links = ("name",)
    search_fields = ("name",)
    fields = ("code", "name")


admin.site.register(AttackType, GtdCategoryAdmin)
admin.site.register(TargetType, GtdCategoryAdmin)
admin.site.register(WeaponType, GtdCategoryAdmin)
