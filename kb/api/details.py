"""How the API represents one group, person or attack: everything a data user needs.

A detail extends its list item with the entry's aliases, identifiers, narrative, its
relations read from its own side (both directions, with dates and confidence) and its
citations. Each relation row lists the ids of the citations that support it, so a
figure or a claim can be traced to its own source with a locator.
"""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from kb.api.citations import CITATION_IDS_HELP, CitedSerializer, DetailMixin, citations
from kb.api.fields import (
    AttackRefField,
    GroupRefField,
    PartialDateField,
    PersonRefField,
    PlaceRefField,
    PlaceRefSerializer,
    RowsField,
)
from kb.api.serializers import (
    AttackSerializer,
    GroupSerializer,
    PersonSerializer,
    aliases,
    external_ids,
)
from kb.choices import (
    GROUP_RELATION_INVERSE,
    PERSON_RELATION_INVERSE,
    AttributionBy,
    Certainty,
    ClaimMode,
    Confidence,
    GroupRelationKind,
    PersonAttackRoleKind,
    PersonGroupRoleKind,
    PersonRelationKind,
)
from kb.models import Group

# Relations -----------------------------------------------------------------------


class RelationSerializer(CitedSerializer):
    """What every relation row shows: its period, confidence, note and citations."""

    id = serializers.IntegerField()
    started = PartialDateField("started_on")
    ended = PartialDateField("ended_on")
    confidence = serializers.ChoiceField(choices=Confidence.choices)
    note = serializers.CharField()


# Attacks -------------------------------------------------------------------------


class ClaimSerializer(RelationSerializer):
    group = GroupRefField()
    mode = serializers.ChoiceField(choices=ClaimMode.choices, help_text="How it was claimed.")
    started = PartialDateField("started_on", help_text="When the claim was made.")
    is_retracted = serializers.BooleanField()


class AttributionSerializer(RelationSerializer):
    group = GroupRefField()
    attributed_by = serializers.ChoiceField(choices=AttributionBy.choices)
    attributed_by_name = serializers.CharField(help_text="Who exactly; may be empty.")
    certainty = serializers.ChoiceField(choices=Certainty.choices)


class AttackPersonSerializer(RelationSerializer):
    person = PersonRefField()
    role = serializers.ChoiceField(choices=PersonAttackRoleKind.choices)


class FigureSerializer(serializers.Serializer):
    """A casualty figure: the best estimate and, where sources differ, a range."""

    best = serializers.IntegerField(allow_null=True)
    low = serializers.IntegerField(allow_null=True)
    high = serializers.IntegerField(allow_null=True)


class CasualtiesSerializer(serializers.Serializer):
    killed = FigureSerializer()
    wounded = FigureSerializer()
    perpetrators_killed = serializers.IntegerField(allow_null=True)


class PlaceWithCoordinatesSerializer(PlaceRefSerializer):
    """A place with its parents and coordinates."""

    label = serializers.CharField(help_text="The place with its parents.")
    latitude = serializers.FloatField(allow_null=True)
    longitude = serializers.FloatField(allow_null=True)


@extend_schema_field(PlaceWithCoordinatesSerializer)
class PlaceWithCoordinatesField(PlaceRefField):
    def to_representation(self, place):
        latitude, longitude = place.latitude, place.longitude
        return {
            **super().to_representation(place), "label": place.label,
            "latitude": None if latitude is None else float(latitude),
            "longitude": None if longitude is None else float(longitude),
        }


class PublishedParentField(AttackRefField):
    """The coordinated event, unless readers may not see it."""

    def get_attribute(self, attack):
        parent = attack.parent_event
        if parent is None or not parent.is_published or parent.redirect_to_id:
            return None
        return parent


class AttackDetailSerializer(DetailMixin, AttackSerializer):
    """An attack with its place, figures, responsibility, people and sources."""

    place = PlaceWithCoordinatesField(allow_null=True)
    aliases = aliases()
    external_ids = external_ids()
    casualties = serializers.SerializerMethodField()
    parent_event = PublishedParentField(
        allow_null=True, help_text="The coordinated event this attack was part of."
    )
    sub_attacks = RowsField(
        child=AttackRefField(), source="sub_attack_rows", order=("occurred_on", "name"),
        help_text="The attacks of this coordinated event.",
    )
    claims = ClaimSerializer(many=True, source="claims.all")
    attributions = AttributionSerializer(many=True, source="attributions.all")
    people = AttackPersonSerializer(many=True, source="people_roles.all")
    citations = citations()

    class Meta(AttackSerializer.Meta):
        fields = (
            *AttackSerializer.Meta.fields, "body", "aliases", "external_ids", "casualties",
            "perpetrators_killed", "hostages", "property_damage", "parent_event",
            "sub_attacks", "claims", "attributions", "people", "citations",
        )
        read_only_fields = fields

    @extend_schema_field(CasualtiesSerializer)
    def get_casualties(self, attack):
        def figure(name):
            return {
                "best": getattr(attack, name), "low": getattr(attack, f"{name}_low"),
                "high": getattr(attack, f"{name}_high"),
            }

        return {
            "killed": figure("killed"), "wounded": figure("wounded"),
            "perpetrators_killed": attack.perpetrators_killed,
        }


# Ties read from one side ---------------------------------------------------------


def _tie(relation, direction: str, label: str, other, citation_keys) -> dict:
    key = (relation._meta.model_name, relation.pk)
    return {
        "id": relation.pk, "direction": direction, "kind": relation.kind, "label": label,
        "other": other, "confidence": relation.confidence, "note": relation.note,
        "started_on": relation.started_on, "started_on_precision": relation.started_on_precision,
        "ended_on": relation.ended_on, "ended_on_precision": relation.ended_on_precision,
        "citations": citation_keys.get(key, []) if direction == "outgoing" else [],
    }


def ties(outgoing, incoming, *, other_out: str, other_in: str, inverse: dict, citation_keys):
    rows = [
        _tie(r, "outgoing", r.get_kind_display(), getattr(r, other_out), citation_keys)
        for r in outgoing
    ]
    rows += [
        _tie(r, "incoming", inverse.get(r.kind, r.get_kind_display()), getattr(r, other_in),
             citation_keys)
        for r in incoming
    ]
    return sorted(rows, key=lambda t: (t["label"], t["other"].name, t["id"]))


class TieSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    direction = serializers.ChoiceField(
        choices=["outgoing", "incoming"],
        help_text="outgoing: this record states it; incoming: the other record does.",
    )
    label = serializers.CharField(
        help_text="The relation read from this record's side: splinter of, splinters …"
    )
    started = PartialDateField("started_on")
    ended = PartialDateField("ended_on")
    confidence = serializers.ChoiceField(choices=Confidence.choices)
    note = serializers.CharField()
    citations = serializers.ListField(child=serializers.IntegerField(), help_text=CITATION_IDS_HELP)


class GroupTieSerializer(TieSerializer):
    kind = serializers.ChoiceField(
        choices=GroupRelationKind.choices,
        help_text="As the outgoing side states it: subject kind object.",
    )
    group = GroupRefField(source="other")


class PersonTieSerializer(TieSerializer):
    kind = serializers.ChoiceField(choices=PersonRelationKind.choices)
    person = PersonRefField(source="other")


# Groups and people ---------------------------------------------------------------


class DesignationSerializer(serializers.Serializer):
    authority = serializers.CharField()
    date = PartialDateField("designated_on")
    reference = serializers.CharField()
    url = serializers.CharField()


class SizeEstimateSerializer(serializers.Serializer):
    year = serializers.IntegerField()
    low = serializers.IntegerField(allow_null=True)
    best = serializers.IntegerField(allow_null=True)
    high = serializers.IntegerField(allow_null=True)
    note = serializers.CharField()


class NarrativeSerializer(serializers.Serializer):
    """The profile's sections, in Markdown; empty when not written."""

    overview = serializers.CharField()
    history = serializers.CharField()
    leadership = serializers.CharField()
    ideology_and_goals = serializers.CharField()
    size_and_resources = serializers.CharField()
    geography = serializers.CharField()
    targets_and_tactics = serializers.CharField()
    relationships = serializers.CharField()


class MemberSerializer(RelationSerializer):
    person = PersonRefField()
    role = serializers.ChoiceField(choices=PersonGroupRoleKind.choices)
    title = serializers.CharField()


class GroupDetailSerializer(DetailMixin, GroupSerializer):
    """A group with its names, ties, members, designations, narrative and sources."""

    narrative = serializers.SerializerMethodField()
    aliases = aliases()
    external_ids = external_ids()
    areas = RowsField(child=PlaceRefField(), source="area_rows", order=("name",),
                      help_text="Where the group operates.")
    designations = RowsField(
        child=DesignationSerializer(), source="designation_rows",
        order=("designated_on", "authority"),
    )
    size_estimates = RowsField(
        child=SizeEstimateSerializer(), source="size_estimate_rows", order=("year",)
    )
    relations = serializers.SerializerMethodField(
        help_text="Ties to other groups, in both directions."
    )
    members = MemberSerializer(many=True, source="member_roles.all")
    citations = citations()

    class Meta(GroupSerializer.Meta):
        fields = (
            *GroupSerializer.Meta.fields, "narrative", "aliases", "external_ids", "areas",
            "designations", "size_estimates", "relations", "members", "citations",
        )
        read_only_fields = fields

    @extend_schema_field(NarrativeSerializer)
    def get_narrative(self, group):
        return {
            ("overview" if field == "body" else field): getattr(group, field)
            for field, _ in Group.SECTIONS
        }

    @extend_schema_field(GroupTieSerializer(many=True))
    def get_relations(self, group):
        rows = ties(
            group.relations.all(), group.inverse_relations.all(),
            other_out="object", other_in="subject", inverse=GROUP_RELATION_INVERSE,
            citation_keys=self.context["citation_ids"],
        )
        return GroupTieSerializer(rows, many=True, context=self.context).data


class PersonGroupSerializer(RelationSerializer):
    group = GroupRefField()
    role = serializers.ChoiceField(choices=PersonGroupRoleKind.choices)
    title = serializers.CharField()


class PersonAttackSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    attack = AttackRefField()
    role = serializers.ChoiceField(choices=PersonAttackRoleKind.choices)
    confidence = serializers.ChoiceField(choices=Confidence.choices)
    note = serializers.CharField()


class PersonDetailSerializer(DetailMixin, PersonSerializer):
    """A person with their names, roles, attacks, ties and sources."""

    aliases = aliases()
    external_ids = external_ids()
    groups = PersonGroupSerializer(
        many=True, source="group_roles.all", help_text="Roles in groups over time."
    )
    attacks = RowsField(
        child=PersonAttackSerializer(), source="attack_role_rows",
        order=("attack.occurred_on", "id"),
        help_text="Parts in attacks; their sources are on the attacks' records.",
    )
    relations = serializers.SerializerMethodField(
        help_text="Ties to other people, in both directions."
    )
    citations = citations()

    class Meta(PersonSerializer.Meta):
        fields = (
            *PersonSerializer.Meta.fields, "body", "aliases", "external_ids", "groups",
            "attacks", "relations", "citations",
        )
        read_only_fields = fields

    @extend_schema_field(PersonTieSerializer(many=True))
    def get_relations(self, person):
        inverse = {k: str(v) for k, v in PERSON_RELATION_INVERSE.items()}
        rows = ties(
            person.relations.all(), person.inverse_relations.all(),
            other_out="other", other_in="person", inverse=inverse,
            citation_keys=self.context["citation_ids"],
        )
        return PersonTieSerializer(rows, many=True, context=self.context).data
