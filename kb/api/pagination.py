"""Keyset ("cursor") pagination: every page costs what the first one does.

An offset page (``LIMIT 50 OFFSET 200000``) makes the database walk past every row
before it, and numbering pages needs a ``COUNT(*)``. A keyset page instead continues
from the sort key of the last row seen (``WHERE (date, id) < (:date, :id)``), which an
index answers directly, and nothing is counted. The sort key is whatever the list is
ordered by, with the primary key last to break ties; nullable keys sort their empty
values last in both directions, so any order can be resumed.

The cursor is opaque: the position and the order it belongs to, signed, so a client
cannot forge a position, and a tampered or stale cursor is a 400, not a 500.
"""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.core import signing
from django.db.models import F, OrderBy, Q
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import BasePagination
from rest_framework.response import Response
from rest_framework.utils.urls import replace_query_param

SALT = "kb.api.cursor"


@dataclass(frozen=True)
class Key:
    """One sort key: a column, its direction and whether it may be empty."""

    name: str
    descending: bool
    nullable: bool

    def order(self, reverse: bool):
        """The key as ``order_by`` takes it; read backwards, empty values come first."""
        expression = F(self.name)
        nulls = {}
        if self.nullable:
            nulls = {"nulls_first": True} if reverse else {"nulls_last": True}
        if self.descending != reverse:
            return expression.desc(**nulls)
        return expression.asc(**nulls)


def sort_keys(queryset) -> list[Key]:
    """The keys ``queryset`` is ordered by, ending with its primary key."""
    model = queryset.model
    pk = model._meta.pk
    keys = []
    for item in queryset.query.order_by or model._meta.ordering:
        if isinstance(item, OrderBy) and isinstance(item.expression, F):
            name, descending = item.expression.name, item.descending
        elif isinstance(item, str):
            name, descending = item.lstrip("-"), item.startswith("-")
        else:
            raise TypeError(f"Cannot page through an ordering by {item!r}.")
        field = pk if name == "pk" else model._meta.get_field(name)
        keys.append(Key(field.attname, descending, field.null))
        if field == pk:
            return keys
    return [*keys, Key(pk.attname, keys[-1].descending if keys else False, False)]


def _beyond(key: Key, value, reverse: bool) -> Q:
    """Rows strictly after ``value`` on ``key`` in the reading direction."""
    forward_desc = key.descending != reverse
    nulls_after = key.nullable and not reverse
    if value is None:
        return Q(**{f"{key.name}__isnull": False}) if key.nullable and reverse else Q(pk__in=[])
    after = Q(**{f"{key.name}__{'lt' if forward_desc else 'gt'}": value})
    return after | Q(**{f"{key.name}__isnull": True}) if nulls_after else after


def _equal(key: Key, value) -> Q:
    return Q(**{f"{key.name}__isnull": True}) if value is None else Q(**{key.name: value})


def after_position(keys: list[Key], values: list, reverse: bool) -> Q:
    """Rows after ``values`` in the order of ``keys`` (read backwards when ``reverse``).

    ``(k1 > v1) OR (k1 = v1 AND k2 > v2) OR …``, led by ``k1 >= v1`` so that an index
    on the first key bounds the scan.
    """
    condition, prefix = Q(pk__in=[]), Q()
    for key, value in zip(keys, values, strict=True):
        condition |= prefix & _beyond(key, value, reverse)
        prefix &= _equal(key, value)
    return _bound(keys[0], values[0], reverse) & condition


def _bound(key: Key, value, reverse: bool) -> Q:
    """``key`` at ``value`` or beyond it, as one range an index can answer."""
    if value is None:
        return Q() if reverse else Q(**{f"{key.name}__isnull": True})
    bound = Q(**{f"{key.name}__{'lte' if key.descending != reverse else 'gte'}": value})
    if key.nullable and not reverse:
        bound |= Q(**{f"{key.name}__isnull": True})
    return bound


def _encode_value(value):
    if isinstance(value, dt.datetime | dt.date | Decimal):
        return value.isoformat() if not isinstance(value, Decimal) else str(value)
    return value


class CursorPagination(BasePagination):
    """``?cursor=`` continues a list; ``?page_size=`` sets its length, up to a maximum."""

    cursor_query_param = "cursor"
    page_size_query_param = "page_size"

    def __init__(self):
        self.default_size = settings.KB["API_PAGE_SIZE"]
        self.max_size = settings.KB["API_MAX_PAGE_SIZE"]

    # Reading the request ---------------------------------------------------------

    def page_size_of(self, request) -> int:
        raw = request.query_params.get(self.page_size_query_param, "").strip()
        if not raw:
            return self.default_size
        if not raw.isdigit() or not 1 <= int(raw) <= self.max_size:
            raise ValidationError({self.page_size_query_param: [
                f"Give a whole number from 1 to {self.max_size}."
            ]})
        return int(raw)

    def position_of(self, request, keys: list[Key], model):
        """The cursor's (values, reverse), or None on the first page."""
        token = request.query_params.get(self.cursor_query_param, "").strip()
        if not token:
            return None
        invalid = ValidationError({self.cursor_query_param: [
            "This cursor is not one this list gave out, or it belongs to another sort "
            "order; start again without it."
        ]})
        try:
            data = signing.loads(token, salt=SALT)
            order, values, reverse = data["o"], data["v"], bool(data["r"])
        except (signing.BadSignature, KeyError, TypeError, ValueError):
            raise invalid from None
        if order != self._signature(keys) or not isinstance(values, list):
            raise invalid
        if len(values) != len(keys):
            raise invalid
        fields = {f.attname: f for f in model._meta.concrete_fields}
        try:
            values = [
                None if v is None else fields[k.name].to_python(v)
                for k, v in zip(keys, values, strict=True)
            ]
        except Exception:  # a signed cursor from another version of the fields
            raise invalid from None
        return values, reverse

    @staticmethod
    def _signature(keys: list[Key]) -> str:
        return ",".join(f"{'-' if k.descending else ''}{k.name}" for k in keys)

    def refuse_paging(self, request) -> None:
        """Exports are not paged: a cursor or page size there is a mistake to report."""
        for name in (self.cursor_query_param, self.page_size_query_param):
            if request.query_params.get(name, "").strip():
                raise ValidationError({name: [
                    "Exports hold every matching row and take no cursor or page size."
                ]})

    # Paging ----------------------------------------------------------------------

    def paginate_queryset(self, queryset, request, view=None):
        self.request = request
        size = self.page_size_of(request)
        self.keys = keys = sort_keys(queryset)
        position = self.position_of(request, keys, queryset.model)
        reverse = bool(position and position[1])
        rows = queryset.order_by(*(k.order(reverse) for k in keys))
        if position is not None:
            rows = rows.filter(after_position(keys, position[0], reverse))
        page = list(rows[: size + 1])
        more = len(page) > size
        page = page[:size]
        if reverse:
            page.reverse()
        self.next_position = self.previous_position = None
        if page:
            first, last = self._values(page[0]), self._values(page[-1])
            if more or reverse:
                self.next_position = last
            if position is not None and (more or not reverse):
                self.previous_position = first
        elif position is not None:
            # Past either end: offer the way back from where the cursor pointed.
            if reverse:
                self.next_position = position[0]
            else:
                self.previous_position = position[0]
        return page

    def _values(self, row) -> list:
        return [getattr(row, k.name) for k in self.keys]

    def _link(self, values, reverse: bool) -> str | None:
        if values is None:
            return None
        token = signing.dumps(
            {"o": self._signature(self.keys), "v": [_encode_value(v) for v in values],
             "r": int(reverse)},
            salt=SALT, compress=True,
        )
        url = self.request.build_absolute_uri()
        return replace_query_param(url, self.cursor_query_param, token)

    def get_next_link(self):
        return self._link(self.next_position, reverse=False)

    def get_previous_link(self):
        return self._link(self.previous_position, reverse=True)

    def get_paginated_response(self, data):
        return Response({
            "next": self.get_next_link(),
            "previous": self.get_previous_link(),
            "results": data,
        })

    # Schema ----------------------------------------------------------------------

    def get_paginated_response_schema(self, schema):
        link = {"type": "string", "format": "uri", "nullable": True}
        return {
            "type": "object",
            "required": ["next", "previous", "results"],
            "properties": {
                "next": {**link, "description": "The following page; null on the last."},
                "previous": {**link, "description": "The page before; null on the first."},
                "results": schema,
            },
        }

    def get_schema_operation_parameters(self, view):
        return [
            {
                "name": self.cursor_query_param, "in": "query", "required": False,
                "description": "Where to continue: copy it from the next or previous link.",
                "schema": {"type": "string"},
            },
            {
                "name": self.page_size_query_param, "in": "query", "required": False,
                "description": f"Rows per page (default {self.default_size}).",
                "schema": {"type": "integer", "minimum": 1, "maximum": self.max_size},
            },
        ]
