"""Filters for the lists of attacks, groups, people, sources and places.

One FilterSet per list, shared by the API and the site's browse pages. A FilterSet only
validates and filters: call ``is_valid()`` first and answer its ``errors`` (the API
answers 400 with them), because django-filter silently skips a field that failed
validation, and a silently ignored filter gives a researcher a wrong answer.

The filters are written for large tables: related rows are tested with ``EXISTS`` or
``IN (subquery)`` rather than joins that would need ``DISTINCT``; references by slug are
checked in one query per parameter; nothing counts rows. Dates are partial: a filter
bound such as ``2015`` or ``2015-05`` stands for its whole period, and an attack known
only to the month or year matches a range that its period can fall in.
"""

import datetime as dt

import django_filters
from django.db.models import Exists, OuterRef, Q
from drf_spectacular.utils import extend_schema_field

from kb.choices import (
    GTD_ATTACK_TYPES,
    GTD_TARGET_TYPES,
    GTD_WEAPON_TYPES,
    GroupStatus,
    Ideology,
    PersonGroupRoleKind,
    PersonStatus,
    PlaceKind,
    Reliability,
    SourceKind,
)
from kb.filtersets.filters import (
    PARTIAL_DATE_HELP,
    CountFilter,
    IntegerFilter,
    NameFilter,
    PartialDateFromFilter,
    PartialDateToFilter,
    RangeForm,
    StrictBooleanFilter,
    UpdatedSinceFilter,
    choices_filter,
    gtd_filter,
    ordering,
    slugs_filter,
)
from kb.models import (
    Alias,
    Attack,
    Attribution,
    Claim,
    Group,
    Person,
    PersonGroupRole,
    Place,
    Source,
)
from kb.models.entries import published_q, visible_q
from kb.names import normalize_name

__all__ = [
    "AttackFilterSet", "GroupFilterSet", "PersonFilterSet", "PlaceFilterSet", "SourceFilterSet",
]


def _groups(request):
    """Groups a filter may name: the published ones, or all the user may see."""
    user = getattr(request, "user", None)
    return Group.objects.filter(visible_q(user) if user is not None else published_q())


def _places(kind: str | None = None):
    places = Place.objects.all()
    return places.filter(kind=kind) if kind else places


class AttackFilterForm(RangeForm):
    ranges = (("date_from", "date_to"), ("killed_min", "killed_max"),
              ("wounded_min", "wounded_max"))


# FilterSets ----------------------------------------------------------------------


class AttackFilterSet(django_filters.FilterSet):
    date_from = PartialDateFromFilter(
        field_name="occurred_on", help_text=f"Attacks on or after this date. {PARTIAL_DATE_HELP}"
    )
    date_to = PartialDateToFilter(
        field_name="occurred_on", help_text=f"Attacks on or before this date. {PARTIAL_DATE_HELP}"
    )
    country = slugs_filter(
        "Attacks in any of these countries (place slugs).", field_name="country",
        queryset=_places(PlaceKind.COUNTRY), what="country",
    )
    province = slugs_filter(
        "Attacks in any of these provinces (place slugs).", field_name="province",
        queryset=_places(PlaceKind.PROVINCE), what="province",
    )
    attack_type = gtd_filter(GTD_ATTACK_TYPES, "attack_types", "Attack type")
    target_type = gtd_filter(GTD_TARGET_TYPES, "target_types", "Target type")
    weapon_type = gtd_filter(GTD_WEAPON_TYPES, "weapon_types", "Weapon type")
    group = slugs_filter(
        "Attacks claimed by or attributed to any of these groups (group slugs).",
        queryset=_groups, method="filter_group", what="published group",
    )
    claimed_by = slugs_filter(
        "Attacks claimed by any of these groups (group slugs).",
        queryset=_groups, method="filter_claimed_by", what="published group",
    )
    attributed_to = slugs_filter(
        "Attacks attributed to any of these groups by authorities, researchers or media.",
        queryset=_groups, method="filter_attributed_to", what="published group",
    )
    claimed = StrictBooleanFilter(
        method="filter_claimed", help_text="Whether any group claimed the attack."
    )
    killed_min = CountFilter(field_name="killed", lookup_expr="gte",
                             help_text="At least this many killed (best figure).")
    killed_max = CountFilter(field_name="killed", lookup_expr="lte",
                             help_text="At most this many killed (best figure).")
    wounded_min = CountFilter(field_name="wounded", lookup_expr="gte",
                              help_text="At least this many wounded (best figure).")
    wounded_max = CountFilter(field_name="wounded", lookup_expr="lte",
                              help_text="At most this many wounded (best figure).")
    has_coordinates = StrictBooleanFilter(
        method="filter_has_coordinates", help_text="Whether the attack has coordinates."
    )
    updated_since = UpdatedSinceFilter()
    ordering = ordering({
        "date": "occurred_on", "name": "name", "killed": "killed", "wounded": "wounded",
        "updated_at": "updated_at",
    })

    class Meta:
        model = Attack
        fields = []
        form = AttackFilterForm

    def filter_group(self, qs, name, groups):
        return qs.filter(
            Q(pk__in=Claim.objects.filter(group__in=groups).values("attack"))
            | Q(pk__in=Attribution.objects.filter(group__in=groups).values("attack"))
        )

    def filter_claimed_by(self, qs, name, groups):
        return qs.filter(pk__in=Claim.objects.filter(group__in=groups).values("attack"))

    def filter_attributed_to(self, qs, name, groups):
        return qs.filter(pk__in=Attribution.objects.filter(group__in=groups).values("attack"))

    def filter_claimed(self, qs, name, value):
        if value is None:
            return qs
        claims = Claim.objects.filter(published_q("group__"), attack=OuterRef("pk"))
        return qs.filter(Exists(claims) if value else ~Exists(claims))

    def filter_has_coordinates(self, qs, name, value):
        if value is None:
            return qs
        return qs.filter(latitude__isnull=not value, longitude__isnull=not value)


class GroupFilterSet(django_filters.FilterSet):
    status = choices_filter(GroupStatus.choices, "Any of these statuses.", field_name="status")
    ideology = choices_filter(Ideology.choices, "Any of these ideologies.", field_name="ideology")
    area = slugs_filter(
        "Groups operating in any of these places (place slugs).",
        queryset=_places(), method="filter_area", what="place",
    )
    active_in = extend_schema_field({"type": "integer", "minimum": 1, "maximum": 9999})(
        IntegerFilter(
            method="filter_active_in", min_value=1, max_value=9999,
            help_text=(
                "Groups active at some time in this year: founded by its end (or founding "
                "unknown) and not dissolved before it began."
            ),
        )
    )
    alias = NameFilter(
        method="filter_alias",
        help_text=(
            "Groups with this name, abbreviation or alias, spelling variants folded "
            "(ISKP, Daesh, Lashkar-i-Jhangvi …)."
        ),
    )
    updated_since = UpdatedSinceFilter()
    ordering = ordering({"name": "name", "founded": "founded_on", "updated_at": "updated_at"})

    class Meta:
        model = Group
        fields = []

    def filter_area(self, qs, name, places):
        through = Group.areas.through
        return qs.filter(Exists(through.objects.filter(group_id=OuterRef("pk"), place__in=places)))

    def filter_active_in(self, qs, name, year):
        return qs.filter(
            Q(founded_on__isnull=True) | Q(founded_on__lte=dt.date(year, 12, 31)),
            Q(dissolved_on__isnull=True) | Q(dissolved_on__gte=dt.date(year, 1, 1)),
        )

    def filter_alias(self, qs, name, value):
        needle = normalize_name(value)
        aliases = Alias.objects.filter(entry=OuterRef("pk"), search_name=needle)
        return qs.filter(
            Q(search_name=needle) | Q(abbreviation__iexact=value.strip()) | Exists(aliases)
        )


class PersonFilterSet(django_filters.FilterSet):
    group = slugs_filter(
        "People with a role in any of these groups (group slugs).",
        queryset=_groups, method="filter_roles", what="published group",
    )
    role = choices_filter(
        PersonGroupRoleKind.choices,
        "People who held any of these roles (in the groups named by group, if given).",
        method="filter_roles",
    )
    status = choices_filter(PersonStatus.choices, "Any of these statuses.", field_name="status")
    nationality = slugs_filter(
        "People of any of these nationalities (country slugs).", field_name="nationality",
        queryset=_places(PlaceKind.COUNTRY), what="country",
    )
    updated_since = UpdatedSinceFilter()
    ordering = ordering({"name": "name", "born": "born_on", "updated_at": "updated_at"})

    class Meta:
        model = Person
        fields = []

    def filter_roles(self, qs, name, value):
        """Group and role narrow the same role row: "leaders of ISKP", not either."""
        data = self.form.cleaned_data
        if name == "role" and data.get("group"):
            return qs  # applied with the group
        roles = PersonGroupRole.objects.filter(person_id=OuterRef("pk"))
        if data.get("group"):
            roles = roles.filter(group__in=data["group"])
        if data.get("role"):
            roles = roles.filter(role__in=data["role"])
        return qs.filter(Exists(roles))


class SourceFilterSet(django_filters.FilterSet):
    kind = choices_filter(SourceKind.choices, "Any of these kinds of source.", field_name="kind")
    reliability = choices_filter(
        Reliability.choices, "Any of these reliability grades.", field_name="reliability"
    )
    updated_since = UpdatedSinceFilter()
    ordering = ordering({"title": "title", "published": "published_on", "updated_at": "updated_at"})

    class Meta:
        model = Source
        fields = []


class PlaceFilterSet(django_filters.FilterSet):
    kind = choices_filter(PlaceKind.choices, "Any of these kinds of place.", field_name="kind")
    parent = slugs_filter(
        "Places directly inside any of these places (place slugs).", field_name="parent",
        queryset=_places(), what="place",
    )
    updated_since = UpdatedSinceFilter()
    ordering = ordering({"name": "name", "updated_at": "updated_at"})

    class Meta:
        model = Place
        fields = []
