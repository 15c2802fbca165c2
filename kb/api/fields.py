"""Serializer fields the API shares: partial dates, links, references to other records.

Every field here reads model instances and the JSON rows of ``kb.api.queries`` alike,
so a related entry looks the same whether it was prefetched or aggregated.
"""

import datetime as dt
from collections.abc import Mapping
from functools import lru_cache

from django.urls import get_script_prefix, reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from kb.choices import DatePrecision, PlaceKind
from kb.partial_dates import PartialDate


def read(obj, name: str, default=None):
    """``obj.name`` or ``obj[name]``."""
    if isinstance(obj, Mapping):
        return obj.get(name, default)
    return getattr(obj, name, default)


def as_date(value) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def partial_date(obj, name: str) -> PartialDate | None:
    """The partial date stored in ``name`` and ``name_precision``, or None."""
    date, precision = as_date(read(obj, name)), read(obj, f"{name}_precision")
    if date is None or not precision:
        return None
    try:
        return PartialDate(date, precision)
    except ValueError:
        return None


class PartialDateSerializer(serializers.Serializer):
    """A date with the precision it is known to."""

    date = serializers.CharField(
        help_text="ISO 8601 cut to the precision: 2015, 2015-05 or 2015-05-13."
    )
    precision = serializers.ChoiceField(choices=DatePrecision.choices)
    label = serializers.CharField(help_text="As a reader writes it: 13 May 2015, c. 1996.")


@extend_schema_field(PartialDateSerializer(allow_null=True))
class PartialDateField(serializers.Field):
    """Reads ``<name>`` and ``<name>_precision`` of the row into one object, or null."""

    def __init__(self, name: str, **kwargs):
        self.date_name = name
        kwargs.update(source="*", read_only=True, allow_null=True)
        super().__init__(**kwargs)

    def to_representation(self, obj):
        value = partial_date(obj, self.date_name)
        if value is None:
            return None
        return {"date": value.isoformat(), "precision": value.precision, "label": str(value)}

    def get_attribute(self, instance):
        # A missing date is the whole field's null, not a missing source.
        return instance


# Links ---------------------------------------------------------------------------
#
# A list page links each of its rows and every record those rows name: hundreds of
# addresses. Each is built from a template reversed once per view name, and the
# scheme and host are read once per request.

_PLACEHOLDER = "__slug__"


@lru_cache(maxsize=64)
def _path_template(name: str, script_prefix: str) -> str:
    argument = "key" if name.startswith("api:") else "slug"
    return reverse(name, kwargs={argument: _PLACEHOLDER})


def link(request, name: str, slug: str) -> str:
    """The absolute address of view ``name`` for ``slug`` (a path without a request)."""
    path = _path_template(name, get_script_prefix()).replace(_PLACEHOLDER, slug)
    if request is None:
        return path
    origin = getattr(request, "_kb_origin", None)
    if origin is None:
        origin = request.build_absolute_uri("/")[:-1]
        request._kb_origin = origin
    return origin + path


ENTRY_PAGES = {kind: f"kb:{kind}-detail" for kind in ("group", "person", "attack")}
ENTRY_RECORDS = {kind: f"api:{kind}-detail" for kind in ("group", "person", "attack")}


@extend_schema_field(OpenApiTypes.URI)
class LinkField(serializers.Field):
    """The absolute address of the row's web page or API record."""

    def __init__(self, view_name: str | None = None, *, kind_views: dict | None = None, **kw):
        self.view_name, self.kind_views = view_name, kind_views
        kw.update(source="*", read_only=True)
        super().__init__(**kw)

    def to_representation(self, obj):
        name = self.view_name or self.kind_views[read(obj, "kind")]
        return link(self.context.get("request"), name, read(obj, "slug"))


def web_link(view: str | None = None) -> LinkField:
    if view is None:
        return LinkField(kind_views=ENTRY_PAGES, help_text="The record's page on the site.")
    return LinkField(view, help_text="The record's page on the site.")


def api_link(view: str | None = None) -> LinkField:
    if view is None:
        return LinkField(kind_views=ENTRY_RECORDS, help_text="The record in this API.")
    return LinkField(view, help_text="The record in this API.")


# References to other records -----------------------------------------------------
#
# The serializers below only describe references in the schema; the fields after them
# build the same objects directly, which is several times cheaper than a nested
# serializer per reference on a page that holds hundreds of them.


class EntryRefSerializer(serializers.Serializer):
    """Another published entry, named and linked."""

    id = serializers.IntegerField()
    slug = serializers.SlugField()
    name = serializers.CharField()
    web_url = serializers.URLField(help_text="The record's page on the site.")
    api_url = serializers.URLField(help_text="The record in this API.")


class GroupRefSerializer(EntryRefSerializer):
    """A published group, named and linked."""


class PersonRefSerializer(EntryRefSerializer):
    """A published person, named and linked."""


class AttackRefSerializer(EntryRefSerializer):
    """A published attack, named, dated and linked."""

    date = PartialDateSerializer(allow_null=True, help_text="When the attack began.")


class PlaceRefSerializer(serializers.Serializer):
    """A place, named and linked."""

    id = serializers.IntegerField()
    slug = serializers.SlugField()
    name = serializers.CharField()
    kind = serializers.ChoiceField(choices=PlaceKind.choices)
    web_url = serializers.URLField(help_text="The place's page on the site.")
    api_url = serializers.URLField(help_text="The place in this API.")


class _RefField(serializers.Field):
    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def links(self, pages: str, records: str, slug: str) -> dict:
        request = self.context.get("request")
        return {"web_url": link(request, pages, slug), "api_url": link(request, records, slug)}


@extend_schema_field(EntryRefSerializer)
class EntryRefField(_RefField):
    """A reference to an entry, from a model instance or a JSON row alike."""

    def to_representation(self, obj):
        kind, slug = read(obj, "kind"), read(obj, "slug")
        return {
            "id": read(obj, "id"), "slug": slug, "name": read(obj, "name"),
            **self.links(ENTRY_PAGES[kind], ENTRY_RECORDS[kind], slug),
        }


@extend_schema_field(GroupRefSerializer)
class GroupRefField(EntryRefField):
    pass


@extend_schema_field(PersonRefSerializer)
class PersonRefField(EntryRefField):
    pass


@extend_schema_field(AttackRefSerializer)
class AttackRefField(EntryRefField):
    def to_representation(self, obj):
        value = partial_date(obj, "occurred_on")
        date = None
        if value is not None:
            date = {"date": value.isoformat(), "precision": value.precision, "label": str(value)}
        return {**super().to_representation(obj), "date": date}


@extend_schema_field(PlaceRefSerializer)
class PlaceRefField(_RefField):
    def to_representation(self, place):
        slug = read(place, "slug")
        return {
            "id": read(place, "id"), "slug": slug, "name": read(place, "name"),
            "kind": read(place, "kind"),
            **self.links("kb:place-detail", "api:place-detail", slug),
        }


class RowsField(serializers.ListField):
    """A JSON array from ``kb.api.queries`` (None means empty), sorted, each row serialized."""

    def __init__(self, *, order: tuple[str, ...] = (), unique: str | None = None, **kwargs):
        self.order, self.unique = order, unique
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        return super().get_attribute(instance) or []

    def to_representation(self, data):
        rows = list(data)
        if self.unique:
            rows = list({read(r, self.unique): r for r in rows}.values())
        rows.sort(key=lambda r: tuple(_sortable(_read_path(r, k)) for k in self.order))
        return super().to_representation(rows)


def _read_path(obj, path: str):
    for name in path.split("."):
        obj = read(obj, name) if obj is not None else None
    return obj


def _sortable(value):
    """Sort None first and mix nothing else: (is-set, value)."""
    return (value is not None, value if value is not None else "")
