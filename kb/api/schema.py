"""The OpenAPI description of what the API really answers.

drf-spectacular derives operations from the serializers and FilterSets; this schema
class adds what it cannot see: the error responses every operation can give (400 with
the field and the reason, 404, 429 with Retry-After, 304 on a current copy), the
``format`` parameter, and the true bodies of the CSV and GeoJSON exports.
"""

from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import OpenApiParameter

JSON = "application/json"
VALIDATION_ERROR = {
    "type": "object",
    "description": "Each invalid parameter, with the reasons it was refused.",
    "additionalProperties": {"type": "array", "items": {"type": "string"}},
}
DETAIL_ERROR = {
    "type": "object",
    "required": ["detail"],
    "properties": {"detail": {"type": "string"}},
}
TAG_HEADERS = {
    "ETag": {
        "description": "A digest of the body; send it back as If-None-Match.",
        "schema": {"type": "string"},
    },
}
RECORD_HEADERS = {
    **TAG_HEADERS,
    "Last-Modified": {
        "description": "When the record, or a record it shows, last changed.",
        "schema": {"type": "string"},
    },
}


def _error(description: str, schema: dict, headers: dict | None = None) -> dict:
    response = {"description": description, "content": {JSON: {"schema": schema}}}
    if headers:
        response["headers"] = headers
    return response


def _without_coordinates(record: dict) -> dict:
    """A record's schema as a Feature's properties: its coordinates are the geometry."""
    moved = {"latitude", "longitude"}
    return {
        **record,
        "properties": {k: v for k, v in record.get("properties", {}).items() if k not in moved},
        "required": [name for name in record.get("required", []) if name not in moved],
    }


def feature_collection(properties: dict) -> dict:
    """RFC 7946 FeatureCollection of points whose properties are a list item."""
    point = {
        "type": "object",
        "required": ["type", "coordinates"],
        "properties": {
            "type": {"type": "string", "enum": ["Point"]},
            "coordinates": {
                "type": "array", "minItems": 2, "maxItems": 2, "items": {"type": "number"},
                "description": "Longitude, latitude (WGS 84).",
            },
        },
    }
    feature = {
        "type": "object",
        "required": ["type", "id", "geometry", "properties"],
        "properties": {
            "type": {"type": "string", "enum": ["Feature"]},
            "id": {"type": "integer"},
            "geometry": point,
            "properties": properties,
        },
    }
    return {
        "type": "object",
        "required": ["type", "features"],
        "properties": {
            "type": {"type": "string", "enum": ["FeatureCollection"]},
            "features": {"type": "array", "items": feature},
        },
    }


class ApiAutoSchema(AutoSchema):
    def _action(self) -> str:
        return getattr(self.view, "action", None) or "get"

    def get_override_parameters(self):
        parameters = list(super().get_override_parameters())
        renderers = self.view.get_renderers() if hasattr(self.view, "get_renderers") else []
        formats = [r.format for r in renderers]
        if len(formats) > 1 and getattr(self.view, "is_api_view", False):
            parameters.append(OpenApiParameter(
                "format", str, OpenApiParameter.QUERY, enum=formats,
                description=(
                    "The body's format (or send Accept). csv and geojson export every "
                    "matching row at once, without pages."
                ),
            ))
        return parameters

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        if not getattr(self.view, "is_api_view", False):
            return responses
        ok = responses.get("200", {})
        content = ok.get("content", {})
        if "text/csv" in content:
            content["text/csv"] = {"schema": {
                "type": "string", "description": "CSV with a header row, one row per record.",
            }}
        if "application/geo+json" in content:
            item = self.resolve_serializer(self.view.get_serializer_class(), direction)
            content["application/geo+json"] = {
                "schema": feature_collection(_without_coordinates(item.schema))
            }
        ok.setdefault("headers", {}).update(
            RECORD_HEADERS if self._action() == "retrieve" else TAG_HEADERS
        )
        responses["304"] = {"description": "The copy named by If-None-Match is current."}
        responses["400"] = _error("A parameter has a bad value.", VALIDATION_ERROR)
        if self._action() == "retrieve":
            responses["301"] = {
                "description": "The record was merged into another; Location names it.",
                "headers": {"Location": {"schema": {"type": "string", "format": "uri"}}},
            }
            responses["404"] = _error("No published record has this slug or id.", DETAIL_ERROR)
        responses["406"] = _error("None of the accepted media types is offered.", DETAIL_ERROR)
        responses["429"] = _error(
            "Too many requests from this address; wait and retry.", DETAIL_ERROR,
            {"Retry-After": {
                "description": "Seconds to wait.", "schema": {"type": "integer"},
            }},
        )
        return responses
