"""How the API represents records in lists, and the rows that lists and details share.

A list item is the record's own columns plus the few related rows a data user filters
and sorts by (the groups behind an attack, its GTD categories); the detail
representations in ``kb.api.details`` extend these with everything else. Links are
absolute: ``web_url`` is the page on the site, ``api_url`` the record here.
"""

from rest_framework import serializers

from kb.api.fields import (
    EntryRefSerializer,
    GroupRefField,
    PartialDateField,
    PlaceRefField,
    RowsField,
    api_link,
    web_link,
)
from kb.choices import (
    AliasKind,
    EntryKind,
    IdentifierScheme,
    Script,
)
from kb.models import Attack, Group, Person, Place, Source
from kb.names import normalize_name


class CategorySerializer(serializers.Serializer):
    """A category of the GTD codebook; ``code`` is GTD's own number."""

    code = serializers.IntegerField()
    name = serializers.CharField()


class AliasSerializer(serializers.Serializer):
    name = serializers.CharField()
    kind = serializers.ChoiceField(choices=AliasKind.choices)
    language = serializers.CharField(help_text="BCP 47 tag (en, ar, ur …); empty when unknown.")
    script = serializers.ChoiceField(choices=Script.choices, help_text="ISO 15924 code.")
    used_from = PartialDateField("used_from")
    used_until = PartialDateField("used_until")


class ExternalIdentifierSerializer(serializers.Serializer):
    scheme = serializers.ChoiceField(choices=IdentifierScheme.choices)
    value = serializers.CharField()
    url = serializers.CharField(help_text="The record in the other data set; may be empty.")


def categories(source: str, help_text: str) -> RowsField:
    return RowsField(child=CategorySerializer(), source=source, order=("code",),
                     help_text=help_text)


def aliases() -> RowsField:
    return RowsField(child=AliasSerializer(), source="alias_rows", order=("kind", "name"))


def external_ids() -> RowsField:
    return RowsField(
        child=ExternalIdentifierSerializer(), source="external_id_rows", order=("scheme", "value")
    )


# Entries -------------------------------------------------------------------------


class EntrySerializer(serializers.ModelSerializer):
    """What every entry shows, in lists and details."""

    web_url = web_link()
    api_url = api_link()
    live_revision = serializers.IntegerField(
        source="live_revision_id", allow_null=True, read_only=True,
        help_text="The approved revision whose content this record shows.",
    )
    published_at = serializers.DateTimeField(
        read_only=True, help_text="When the entry was first published."
    )
    updated_at = serializers.DateTimeField(
        read_only=True, help_text="When the record last changed; see updated_since."
    )

    class Meta:
        fields = (
            "id", "slug", "name", "web_url", "api_url", "summary",
            "live_revision", "published_at", "updated_at",
        )
        read_only_fields = fields


class AttackSerializer(EntrySerializer):
    """An attack in a list: when, where, what kind, how deadly, and who is behind it."""

    date = PartialDateField("occurred_on", help_text="When the attack began.")
    end_date = PartialDateField("ended_on", help_text="When a multi-day attack ended.")
    place = PlaceRefField(allow_null=True, help_text="The most specific place known.")
    country = PlaceRefField(allow_null=True)
    province = PlaceRefField(allow_null=True)
    latitude = serializers.FloatField(allow_null=True)
    longitude = serializers.FloatField(allow_null=True)
    attack_types = categories("attack_type_rows", "GTD attack types (up to three).")
    target_types = categories("target_type_rows", "GTD target types (up to three).")
    weapon_types = categories("weapon_type_rows", "GTD weapon types (up to three).")
    claimed_by = RowsField(
        child=GroupRefField(), source="claimed_by_rows", order=("name",), unique="id",
        help_text="Groups that claimed the attack.",
    )
    attributed_to = RowsField(
        child=GroupRefField(), source="attributed_to_rows", order=("name",), unique="id",
        help_text="Groups that authorities, researchers or media held responsible.",
    )

    class Meta(EntrySerializer.Meta):
        model = Attack
        fields = (
            *EntrySerializer.Meta.fields, "date", "end_date", "place", "country", "province",
            "latitude", "longitude", "coordinate_precision", "attack_types", "target_types",
            "weapon_types", "killed", "wounded", "suicide", "success", "claimed_by",
            "attributed_to",
        )
        read_only_fields = fields


class GroupSerializer(EntrySerializer):
    """A group in a list, with the number of attacks it claimed or was blamed for."""

    founded = PartialDateField("founded_on")
    dissolved = PartialDateField("dissolved_on")
    attack_count = serializers.IntegerField(
        read_only=True, help_text="Published attacks the group claimed or was blamed for."
    )
    claimed_attack_count = serializers.IntegerField(read_only=True)
    attributed_attack_count = serializers.IntegerField(read_only=True)

    class Meta(EntrySerializer.Meta):
        model = Group
        fields = (
            *EntrySerializer.Meta.fields, "abbreviation", "status", "ideology", "founded",
            "dissolved", "attack_count", "claimed_attack_count", "attributed_attack_count",
        )
        read_only_fields = fields


class PersonSerializer(EntrySerializer):
    """A person in a list."""

    born = PartialDateField("born_on")
    died = PartialDateField("died_on")
    nationality = PlaceRefField(allow_null=True)

    class Meta(EntrySerializer.Meta):
        model = Person
        fields = (*EntrySerializer.Meta.fields, "status", "nationality", "born", "died")
        read_only_fields = fields


# Sources and places --------------------------------------------------------------


class SourceSerializer(serializers.ModelSerializer):
    """A cited document in a list."""

    web_url = web_link("kb:source-detail")
    api_url = api_link("api:source-detail")
    published = PartialDateField("published_on")
    document_url = serializers.CharField(
        source="url", help_text="Where the document is published; may be empty."
    )
    archived_url = serializers.CharField(help_text="An archived copy; may be empty.")

    class Meta:
        model = Source
        fields = (
            "id", "slug", "title", "web_url", "api_url", "kind", "publisher", "author",
            "published", "language", "document_url", "archived_url", "reliability",
            "updated_at",
        )
        read_only_fields = fields


class SourceDetailSerializer(SourceSerializer):
    """A cited document, with its note and how many published entries cite it."""

    cited_by_count = serializers.IntegerField(
        read_only=True, help_text="Published entries that cite this source."
    )

    class Meta(SourceSerializer.Meta):
        fields = (*SourceSerializer.Meta.fields, "note", "cited_by_count")
        read_only_fields = fields


class PlaceSerializer(serializers.ModelSerializer):
    """A place in a list."""

    web_url = web_link("kb:place-detail")
    api_url = api_link("api:place-detail")
    parent = PlaceRefField(allow_null=True)
    latitude = serializers.FloatField(allow_null=True)
    longitude = serializers.FloatField(allow_null=True)

    class Meta:
        model = Place
        fields = (
            "id", "slug", "name", "kind", "web_url", "api_url", "country_code", "latitude",
            "longitude", "parent",
        )
        read_only_fields = fields


class PlaceDetailSerializer(PlaceSerializer):
    """A place with the places around and inside it."""

    label = serializers.CharField(help_text="The place with its parents: Quetta, Balochistan …")
    ancestors = serializers.ListField(
        child=PlaceRefField(), read_only=True,
        help_text="Parents, nearest first.",
    )
    children = RowsField(child=PlaceRefField(), source="child_rows", order=("name",))

    class Meta(PlaceSerializer.Meta):
        fields = (*PlaceSerializer.Meta.fields, "label", "ancestors", "children")
        read_only_fields = fields


# Search --------------------------------------------------------------------------


class SearchResultSerializer(EntryRefSerializer):
    """An entry found by name, with how it matched."""

    web_url = web_link()
    api_url = api_link()
    kind = serializers.ChoiceField(choices=EntryKind.choices)
    summary = serializers.CharField()
    match = serializers.ChoiceField(
        choices=["exact", "prefix", "contains", "variant", "similar"],
        help_text=(
            "How the best name matched: the whole name, its beginning, a part of it, the "
            "same words in another transliteration, or nearly the same words."
        ),
    )
    matched_alias = serializers.CharField(
        allow_null=True, help_text="The alias that matched, when not the entry's own name."
    )


class SearchResultsSerializer(serializers.Serializer):
    """The best matches, best first; not paged (see limit)."""

    results = SearchResultSerializer(many=True)


class SearchQuerySerializer(serializers.Serializer):
    """The parameters of a search, validated like any filter."""

    q = serializers.CharField(
        max_length=200, help_text="A name or alias, in any spelling or script."
    )
    kind = serializers.MultipleChoiceField(
        choices=EntryKind.choices, required=False,
        help_text="Only entries of these kinds (repeat for several).",
    )
    limit = serializers.IntegerField(
        min_value=1, max_value=100, default=20, help_text="How many results at most."
    )

    def validate_q(self, value):
        if not normalize_name(value):
            raise serializers.ValidationError("Give a name with at least one letter or digit.")
        return value
