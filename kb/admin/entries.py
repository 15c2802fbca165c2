"""Admin pages of the entries: groups, people, attacks, and the list of all entries."""

from django.contrib import admin
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html

from kb.admin.base import (
    AdminModelForm,
    EntrySearchMixin,
    KbModelAdmin,
    LargeTableMixin,
    PublishedListFilter,
    ReadOnlyAdmin,
    date_rows,
    partial_date_column,
    publication,
)
from kb.admin.inlines import (
    AliasInline,
    AttributionInline,
    CitationInline,
    ClaimInline,
    DesignationInline,
    ExternalIdentifierInline,
    GroupRelationInline,
    PersonAttackRoleInline,
    PersonGroupRoleInline,
    PersonRelationInline,
    SizeEstimateInline,
)
from kb.admin.revisions import RecordsEntryRevisionsMixin
from kb.models import Attack, Entry, Group, Person

# Set by the editorial workflow, shown for reference only.
PUBLICATION_FIELDSET = (
    "Publication",
    {
        "classes": ("collapse",),
        "fields": (("kind", "published_at", "is_archived"), ("created_at", "updated_at")),
        "description": "Entries are published and archived through reviewed revisions.",
    },
)
PUBLICATION_READONLY = ("kind", "published_at", "is_archived", "created_at", "updated_at")


@admin.register(Entry)
class EntryAdmin(LargeTableMixin, EntrySearchMixin, ReadOnlyAdmin):
    """Every entry in one list: the target of autocomplete for citations, aliases,
    identifiers and comments, which point at the common base. Entries are edited on
    their own kind's page."""

    list_display = ("name", "kind", publication, "updated_at")
    list_filter = ("kind", PublishedListFilter)
    search_fields = ("name",)
    # updated_at is indexed; ordering by name would sort the whole table for each page.
    ordering = ("-updated_at",)
    fields = (
        "name", "kind", "slug", "summary", "edit_link",
        "published_at", "is_archived", "created_at", "updated_at",
    )
    readonly_fields = ("edit_link",)

    @admin.display(description="edit")
    def edit_link(self, entry):
        try:
            url = reverse(f"admin:kb_{entry.kind}_change", args=[entry.pk])
        except NoReverseMatch:
            return "—"
        return format_html(
            '<a href="{}">Edit this {}</a>', url, entry.get_kind_display().lower()
        )


class EntryChildAdmin(RecordsEntryRevisionsMixin, EntrySearchMixin, KbModelAdmin):
    """What the admin pages of groups, people and attacks share."""

    prepopulated_fields = {"slug": ("name",)}
    readonly_fields = PUBLICATION_READONLY
    search_fields = ("name",)

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None:
            # Nothing is published yet; a block of empty read-only fields says nothing.
            return [fieldset for fieldset in fieldsets if fieldset is not PUBLICATION_FIELDSET]
        return fieldsets


@admin.register(Group)
class GroupAdmin(EntryChildAdmin):
    list_display = (
        "name", "abbreviation", "status", "ideology",
        partial_date_column("founded_date", "founded_on", "founded"), publication,
    )
    list_filter = (PublishedListFilter, "status", "ideology")
    search_fields = ("name", "abbreviation")
    autocomplete_fields = ("areas",)
    fieldsets = (
        (None, {"fields": ("name", "slug", "abbreviation", "summary")}),
        ("Dates", {"fields": date_rows("founded_on", "dissolved_on")}),
        ("Classification", {"fields": ("status", "ideology", "areas")}),
        ("Profile", {"fields": tuple(field for field, _ in Group.SECTIONS)}),
        PUBLICATION_FIELDSET,
    )
    inlines = (
        AliasInline, DesignationInline, SizeEstimateInline, GroupRelationInline,
        ExternalIdentifierInline, CitationInline,
    )


@admin.register(Person)
class PersonAdmin(EntryChildAdmin):
    list_display = (
        "name", "status", "nationality",
        partial_date_column("born_date", "born_on", "born"),
        partial_date_column("died_date", "died_on", "died"), publication,
    )
    list_select_related = ("nationality",)
    list_filter = (PublishedListFilter, "status", "nationality")
    autocomplete_fields = ("nationality",)
    fieldsets = (
        (None, {"fields": ("name", "slug", "summary")}),
        ("Life", {"fields": (*date_rows("born_on", "died_on"), "status", "nationality")}),
        ("Biography", {"fields": ("body",)}),
        PUBLICATION_FIELDSET,
    )
    inlines = (
        AliasInline, PersonGroupRoleInline, PersonRelationInline,
        ExternalIdentifierInline, CitationInline,
    )


class AttackAdminForm(AdminModelForm):
    """Refuses more categories than the GTD codebook records for one attack."""

    class Meta:
        model = Attack
        fields = "__all__"

    def clean(self):
        cleaned_data = super().clean()
        for name in ("attack_types", "target_types", "weapon_types"):
            chosen = cleaned_data.get(name)
            if chosen is not None and len(chosen) > Attack.MAX_TYPES:
                label = Attack._meta.get_field(name).verbose_name
                self.add_error(
                    name,
                    f"Choose at most {Attack.MAX_TYPES} {label}, as the GTD codebook does "
                    f"({len(chosen)} chosen).",
                )
        return cleaned_data


@admin.register(Attack)
class AttackAdmin(LargeTableMixin, EntryChildAdmin):
    form = AttackAdminForm
    list_display = (
        "name", partial_date_column("occurred_date", "occurred_on", "date"),
        "place", "country", "killed", "wounded", publication,
    )
    list_select_related = ("place", "country")
    list_filter = (
        PublishedListFilter, "occurred_on_precision", "country", "attack_types",
        "target_types", "weapon_types", "suicide", "success",
    )
    # The occurred_on index serves this order; adding the name would sort every attack.
    ordering = ("-occurred_on",)
    autocomplete_fields = (
        "parent_event", "place", "country", "province",
        "attack_types", "target_types", "weapon_types",
    )
    fieldsets = (
        ("Identity", {"fields": ("name", "slug", "parent_event")}),
        ("When", {"fields": date_rows("occurred_on", "ended_on")}),
        ("Where", {
            "fields": (
                "place", ("country", "province"),
                ("latitude", "longitude", "coordinate_precision"),
            ),
            "description": "Country and province are filled in from the place when left empty.",
        }),
        ("What", {"fields": ("attack_types", "target_types", "weapon_types")}),
        ("Casualties", {
            "fields": (
                ("killed_low", "killed", "killed_high"),
                ("wounded_low", "wounded", "wounded_high"),
                "perpetrators_killed",
            ),
            "description": "The best figure, with the low and high figures sources give.",
        }),
        ("Outcome", {"fields": (("suicide", "success"), ("hostages", "property_damage"))}),
        ("Narrative", {"fields": ("summary", "body")}),
        PUBLICATION_FIELDSET,
    )
    inlines = (
        AliasInline, ClaimInline, AttributionInline, PersonAttackRoleInline,
        ExternalIdentifierInline, CitationInline,
    )
