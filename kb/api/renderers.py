"""CSV and GeoJSON: exports of a whole filtered list, streamed row by row.

An export is not paged: it holds every row the filters select, written while the
database hands the rows over, so memory stays flat however long the list. Its columns
come from the list serializer's fields, flattened the same way for every list: a
partial date gives ``date`` and ``date_precision``, a reference ``place`` and
``place_slug``, a list of groups ``claimed_by`` and ``claimed_by_slugs`` (joined with
"; "), GTD categories their names and ``…_codes``.
"""

import csv
import json

from rest_framework import serializers
from rest_framework.renderers import BaseRenderer
from rest_framework.utils.encoders import JSONEncoder

from kb.api.fields import EntryRefField, PartialDateField, PlaceRefField, RowsField
from kb.api.serializers import CategorySerializer

JOINER = "; "
# Spreadsheets run a cell that starts with one of these as a formula.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f"'{value}" if value.startswith(_FORMULA_STARTS) else value
    return str(value)


def _joined(rows, key) -> str:
    return JOINER.join(str(row[key]) for row in rows or ())


class Columns:
    """The flat columns of a list serializer, and each item's values for them."""

    def __init__(self, serializer: serializers.Serializer):
        self.readers: list[tuple[str, object]] = []
        for name, field in serializer.fields.items():
            self.readers += self._readers(name, field)

    @staticmethod
    def _readers(name, field):
        if isinstance(field, PartialDateField):
            return [
                (name, lambda item, n=name: (item[n] or {}).get("date")),
                (f"{name}_precision", lambda item, n=name: (item[n] or {}).get("precision")),
            ]
        if isinstance(field, EntryRefField | PlaceRefField):
            return [
                (name, lambda item, n=name: (item[n] or {}).get("name")),
                (f"{name}_slug", lambda item, n=name: (item[n] or {}).get("slug")),
            ]
        if isinstance(field, RowsField) and isinstance(field.child, CategorySerializer):
            return [
                (name, lambda item, n=name: _joined(item[n], "name")),
                (f"{name}_codes", lambda item, n=name: _joined(item[n], "code")),
            ]
        if isinstance(field, RowsField):
            return [
                (name, lambda item, n=name: _joined(item[n], "name")),
                (f"{name}_slugs", lambda item, n=name: _joined(item[n], "slug")),
            ]
        return [(name, lambda item, n=name: item[n])]

    @property
    def header(self) -> list[str]:
        return [name for name, _ in self.readers]

    def row(self, item: dict) -> list[str]:
        return [_text(read(item)) for _, read in self.readers]


class _Line:
    """A file-like sink that hands back what ``csv.writer`` writes."""

    def write(self, value):
        return value


class CSVRenderer(BaseRenderer):
    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    @staticmethod
    def stream(serializer: serializers.Serializer, rows):
        """CSV lines for ``rows``, serialized one by one with ``serializer``."""
        columns = Columns(serializer)
        writer = csv.writer(_Line())
        yield writer.writerow(columns.header)
        for row in rows:
            yield writer.writerow(columns.row(serializer.to_representation(row)))

    def render(self, data, accepted_media_type=None, renderer_context=None):
        """A list already serialized (flat items); exports use ``stream``."""
        items = data if isinstance(data, list) else [data]
        writer = csv.writer(_Line())
        header = list(items[0]) if items else []
        lines = [writer.writerow(header)]
        lines += [writer.writerow([_text(item.get(k)) for k in header]) for item in items]
        return "".join(lines).encode(self.charset)


class GeoJSONRenderer(BaseRenderer):
    """RFC 7946 FeatureCollection of points; coordinates are (longitude, latitude)."""

    media_type = "application/geo+json"
    format = "geojson"
    charset = None

    @staticmethod
    def feature(item: dict) -> dict:
        properties = {k: v for k, v in item.items() if k not in ("latitude", "longitude")}
        return {
            "type": "Feature",
            "id": item["id"],
            "geometry": {"type": "Point", "coordinates": [item["longitude"], item["latitude"]]},
            "properties": properties,
        }

    @classmethod
    def stream(cls, serializer: serializers.Serializer, rows):
        yield '{"type": "FeatureCollection", "features": ['
        separator = ""
        for row in rows:
            feature = cls.feature(serializer.to_representation(row))
            yield separator + json.dumps(feature, cls=JSONEncoder, ensure_ascii=False)
            separator = ","
        yield "]}"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        items = data if isinstance(data, list) else []
        collection = {"type": "FeatureCollection", "features": [self.feature(i) for i in items]}
        return json.dumps(collection, cls=JSONEncoder, ensure_ascii=False).encode("utf-8")
