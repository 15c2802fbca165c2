"""Building blocks shared by the knowledge base's admin classes."""

from django import forms
from django.contrib import admin
from django.core.exceptions import NON_FIELD_ERRORS, FieldDoesNotExist, ValidationError
from django.db import models
from django.db.models import Q
from django.utils.text import capfirst

from kb.models import Alias, Entry
from kb.names import normalize_name
from kb.paginators import EstimatedCountPaginator


class AdminModelForm(forms.ModelForm):
    """A model form that survives ``Model.clean()`` naming a field it does not show.

    Read-only and excluded fields are left out of an admin form, and Django refuses an
    error for a field the form lacks with a ``ValueError`` (a server error for the
    user). Such errors become form-wide errors that name the field instead.
    """

    def add_error(self, field, error):
        if field is None and isinstance(error, ValidationError) and hasattr(error, "error_dict"):
            error = ValidationError(self._fold_missing_fields(error.error_dict))
        super().add_error(field, error)

    def _fold_missing_fields(self, error_dict: dict) -> dict:
        kept = {}
        for name, errors in error_dict.items():
            if name == NON_FIELD_ERRORS or name in self.fields:
                kept.setdefault(name, []).extend(errors)
                continue
            label = capfirst(self._field_label(name))
            kept.setdefault(NON_FIELD_ERRORS, []).extend(
                ValidationError(f"{label}: {message}") for message in ValidationError(errors)
            )
        return kept

    def _field_label(self, name: str) -> str:
        try:
            return str(self._meta.model._meta.get_field(name).verbose_name)
        except FieldDoesNotExist:
            return name


class PublishedListFilter(admin.SimpleListFilter):
    """Filter entries by where they stand in the editorial workflow."""

    title = "publication"
    parameter_name = "publication"

    def lookups(self, request, model_admin):
        return [
            ("published", "Published"),
            ("unpublished", "Not yet published"),
            ("archived", "Archived"),
        ]

    def queryset(self, request, queryset):
        if self.value() == "published":
            return queryset.filter(published_at__isnull=False, is_archived=False)
        if self.value() == "unpublished":
            return queryset.filter(published_at__isnull=True, is_archived=False)
        if self.value() == "archived":
            return queryset.filter(is_archived=True)
        return queryset


@admin.display(description="publication", ordering="published_at")
def publication(entry) -> str:
    """Where an entry stands, from its own columns (no query per row)."""
    if entry.is_archived:
        return "Archived"
    return "Published" if entry.published_at else "Not yet published"


def partial_date_column(descriptor: str, date_field: str, label: str):
    """A list column showing a partial date as people write it ("May 2015").

    Sorting uses the stored first day, which orders "May 2015" before "13 May 2015".
    """

    @admin.display(description=label, ordering=date_field)
    def column(obj):
        return getattr(obj, descriptor)

    column.__name__ = descriptor
    return column


def date_rows(*names: str) -> tuple[tuple[str, str], ...]:
    """Fieldset rows placing each partial date beside its precision."""
    return tuple((name, f"{name}_precision") for name in names)


class LargeTableMixin:
    """For tables of hundreds of thousands of rows: no exact counts on unfiltered lists.

    ``show_full_result_count = False`` drops the second COUNT(*) Django runs on filtered
    lists to print "12 results (210,000 total)".
    """

    paginator = EstimatedCountPaginator
    show_full_result_count = False


# Links typed without a scheme are taken as https (Django 6's default, chosen now).
URL_FIELDS = {models.URLField: {"assume_scheme": "https"}}


class KbModelAdmin(admin.ModelAdmin):
    """Defaults for every knowledge-base admin."""

    form = AdminModelForm
    formfield_overrides = URL_FIELDS
    list_per_page = 50


class KbTabularInline(admin.TabularInline):
    """Owned rows, edited on their owner's page; empty forms only on request."""

    form = AdminModelForm
    formfield_overrides = URL_FIELDS
    extra = 0


class ReadOnlyAdmin(KbModelAdmin):
    """Lists that may be looked at and searched (autocomplete needs that) but not edited."""

    actions = None

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


def _entries_named(folded_word: str):
    """Ids of the entries with ``folded_word`` in their folded name or in an alias's."""
    return (
        Entry.objects.filter(search_name__contains=folded_word).order_by().values("pk")
        .union(
            Alias.objects.filter(search_name__contains=folded_word).order_by()
            .values("entry_id")
        )
    )


class EntrySearchMixin:
    """Search entries by their names and by their aliases, folded, through their indexes.

    Each word typed, folded (case, accents, punctuation and Arabic vowel marks removed,
    see ``kb.names``), must appear in the entry's folded name or in one of its folded
    aliases: "lej a" finds the group with the alias "LeJ-A". Each word's entries are a
    ``UNION`` of two lookups that PostgreSQL's trigram indexes answer, so a search over
    210,000 attacks reads the index instead of testing every row (an ``OR`` with an
    ``EXISTS`` on the aliases would). Aliases stay out of ``search_fields`` on purpose:
    a to-many path there makes Django add SELECT DISTINCT over every column. The other
    ``search_fields`` (a group's abbreviation) match the whole term as usual.
    """

    def get_search_results(self, request, queryset, search_term):
        words = normalize_name(search_term).split()
        if not words:
            return super().get_search_results(request, queryset, search_term)
        by_name = queryset
        for word in words:
            by_name = by_name.filter(pk__in=_entries_named(word))
        others = Q()
        for field in self.get_search_fields(request):
            if field != "name":
                others |= Q(**{f"{field}__icontains": search_term.strip()})
        if others:
            return queryset.filter(Q(pk__in=by_name.values("pk")) | others), False
        return by_name, False
