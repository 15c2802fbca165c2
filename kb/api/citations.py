"""Citations in the API: each names its source and locator, and the row it supports.

A detail lists the record's citations once; each relation row (a claim, a role, a tie)
lists the ids of those that support it, so a figure or a claim can be traced to its own
source.
"""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from kb.api.fields import PartialDateField, api_link, web_link

CITATION_IDS_HELP = (
    "Ids of this record's citations that support the row. An incoming relation is owned, "
    "and cited, by the other record."
)
CITABLE = ["claim", "attribution", "personattackrole", "grouprelation", "persongrouprole",
           "personrelation"]


class SourceRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    slug = serializers.SlugField()
    title = serializers.CharField()
    publisher = serializers.CharField()
    published = PartialDateField("published_on")
    document_url = serializers.CharField(source="url")
    web_url = web_link("kb:source-detail")
    api_url = api_link("api:source-detail")


class SupportSerializer(serializers.Serializer):
    type = serializers.ChoiceField(choices=CITABLE, help_text="The kind of row supported.")
    id = serializers.IntegerField()


class CitationSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    source = SourceRefSerializer()
    locator = serializers.CharField(help_text="Page, paragraph or time in the source.")
    quote = serializers.CharField()
    field = serializers.CharField(
        help_text="The field the source supports (killed, occurred_on …); empty for the "
        "record or row as a whole."
    )
    supports = serializers.SerializerMethodField(
        help_text="The relation row the citation supports, or null for the record itself."
    )

    @extend_schema_field(SupportSerializer(allow_null=True))
    def get_supports(self, citation):
        if not citation.target_type_id:
            return None
        return {"type": citation.target_type.model, "id": citation.target_id}


def citation_ids(entry) -> dict[tuple[str, int], list[int]]:
    """Citation ids by the relation row they support: ``("claim", 7) -> [12, 15]``."""
    found: dict[tuple[str, int], list[int]] = {}
    for citation in entry.citations.all():
        if citation.target_type_id:
            key = (citation.target_type.model, citation.target_id)
            found.setdefault(key, []).append(citation.pk)
    return found


class CitedSerializer(serializers.Serializer):
    """A relation row that lists the citations supporting it."""

    citations = serializers.SerializerMethodField(help_text=CITATION_IDS_HELP)

    @extend_schema_field(serializers.ListField(child=serializers.IntegerField()))
    def get_citations(self, row):
        return self.context.get("citation_ids", {}).get((row._meta.model_name, row.pk), [])


class DetailMixin:
    """Gives the rows of a detail the map from relation rows to their citations."""

    def to_representation(self, instance):
        self.context["citation_ids"] = citation_ids(instance)
        return super().to_representation(instance)


def citations() -> serializers.ListSerializer:
    return CitationSerializer(many=True, source="citations.all")
