"""Reads behind the profiles of groups, people and attacks.

A profile is one entry and the lists around it, each list one query whatever its
length; templates never query. Three measures keep a profile within ten queries and
its largest group (tens of thousands of attacks, two thousand members) fast:

* The short lists an entry owns (aliases, identifiers, designations, size estimates,
  areas, GTD categories) travel together in one ``UNION ALL`` query (``short_lists``).
* Lists that can run into thousands (a group's members and attacks) are capped with
  plain ``LIMIT`` queries on the one entry. A sliced ``Prefetch`` would compile to a
  ``ROW_NUMBER`` window over all the group's rows: ten times slower on the benchmark data.
* Counts come from the queries that load the rows: the year-by-year count of a group's
  attacks gives their total. A capped list that runs full links to the whole list
  instead of counting it.

Related entries the user may not see are left out in the same queries, as in
``kb.selectors``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import (
    Case,
    CharField,
    Count,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce, ExtractYear, JSONObject, NullIf

from kb.choices import Certainty, PersonGroupRoleKind
from kb.models import (
    Alias,
    Attack,
    AttackType,
    Attribution,
    Citation,
    Claim,
    Designation,
    Entry,
    ExternalIdentifier,
    Group,
    GroupRelation,
    Person,
    PersonAttackRole,
    PersonGroupRole,
    PersonRelation,
    Place,
    SizeEstimate,
    TargetType,
    WeaponType,
)
from kb.models.entries import can_see_unpublished, visible_q
from kb.selectors import PLACE_CHAIN, published_comments

# A group page lists its leaders and then its most recent members up to this many; the
# group's list of people holds them all.
MEMBER_LIMIT = 40
# A group page lists at most this many of its attacks; the attack list, filtered by the
# group, holds the rest.
ATTACK_LIMIT = 50
# Roles listed before every other on a group page, whatever their dates.
LEADING_ROLES = (PersonGroupRoleKind.LEADER, PersonGroupRoleKind.FOUNDER)


def _text_of(model, path: str = "") -> list[str]:
    """The long text columns of an entry shown only as a link: ``defer()`` them.

    A group joined to a list row would otherwise bring its whole narrative along,
    megabytes for a group with a hundred relations.
    """
    fields = ["body"]
    if model is Group:
        fields += [name for name, _ in Group.SECTIONS if name != "body"]
    return [f"{path}{name}" for name in fields]


def is_visible(entry: Entry, user) -> bool:
    """``visible_q`` for an entry already loaded (a parent event joined to its attack)."""
    if entry.redirect_to_id:
        return False
    return can_see_unpublished(user) or entry.is_published


# The entry itself -----------------------------------------------------------------


def review_annotations() -> dict:
    """When the live revision was approved, and by whom, read with the entry's own row.

    Annotations rather than ``select_related``: the revision's snapshot, as long as the
    profile itself, is not loaded for a date.
    """
    reviewer = "live_revision__reviewer__"
    return {
        "reviewed_at": F("live_revision__reviewed_at"),
        "reviewed_by": Coalesce(
            NullIf(F(f"{reviewer}display_name"), Value("")), F(f"{reviewer}username")
        ),
        "review_self_approved": F("live_revision__self_approved"),
    }


def entry_prefetches() -> list:
    """What every profile loads with its entry: the published comments."""
    return [published_comments()]


ATTACK_SELECT = (f"place__{PLACE_CHAIN}", "country", "province", "parent_event")
PERSON_SELECT = ("nationality",)


# Short lists in one query ---------------------------------------------------------


def short_lists(**querysets: QuerySet) -> dict[str, list]:
    """Several short lists of rows, by name, in one ``UNION ALL`` query.

    Each row travels as a JSON object of its model's columns and comes back as an
    instance of the model, in no particular order: ``SHORT_LIST_ORDER`` sorts them.
    Meant for the handful of rows an entry owns, never for a list that can grow long.
    """
    parts = [
        queryset.order_by().values_list(
            Value(name, output_field=CharField()),
            JSONObject(**{f.attname: F(f.attname) for f in queryset.model._meta.concrete_fields}),
        )
        for name, queryset in querysets.items()
    ]
    first, *rest = parts
    lists: dict[str, list] = {name: [] for name in querysets}
    for name, values in first.union(*rest, all=True) if rest else first:
        model = querysets[name].model
        fields = model._meta.concrete_fields
        lists[name].append(
            model.from_db(
                first.db, [f.attname for f in fields],
                [None if values[f.attname] is None else f.to_python(values[f.attname])
                 for f in fields],
            )
        )
    for name, rows in lists.items():
        rows.sort(key=SHORT_LIST_ORDER.get(name, _by_pk))
    return lists


def _by_pk(row):
    return row.pk


def _nulls_last(value):
    return (value is None, value)


SHORT_LIST_ORDER = {
    "aliases": lambda a: (a.kind, a.name, a.pk),
    "external_ids": lambda i: (i.scheme, i.value),
    "designations": lambda d: (_nulls_last(d.designated_on), d.pk),
    "size_estimates": lambda s: (s.year, s.pk),
    "areas": lambda p: (p.name, p.pk),
    "attack_types": lambda t: t.code,
    "target_types": lambda t: t.code,
    "weapon_types": lambda t: t.code,
}


def _entry_lists(entry: Entry) -> dict:
    return {
        "aliases": Alias.objects.filter(entry=entry),
        "external_ids": ExternalIdentifier.objects.filter(entry=entry),
    }


def group_lists(group: Group) -> dict[str, list]:
    return short_lists(
        **_entry_lists(group),
        designations=Designation.objects.filter(group=group),
        size_estimates=SizeEstimate.objects.filter(group=group),
        areas=Place.objects.filter(groups_active=group),
    )


def person_lists(person: Person) -> dict[str, list]:
    return short_lists(**_entry_lists(person))


def attack_lists(attack: Attack) -> dict[str, list]:
    return short_lists(
        **_entry_lists(attack),
        attack_types=AttackType.objects.filter(attacks=attack),
        target_types=TargetType.objects.filter(attacks=attack),
        weapon_types=WeaponType.objects.filter(attacks=attack),
    )


# Citations ------------------------------------------------------------------------


def citations(entry: Entry, **foreign: list[int]) -> list[Citation]:
    """The entry's citations, then those other entries hold for rows shown here.

    A relation's citations belong to the entry that owns it, so the splinter that names
    this group, or the person who holds a role in it, holds the sources for those
    statements. ``foreign`` names a relation model (``grouprelation=[ids]``) and the
    rows of it the page shows whose citations live on other entries.
    """
    where = Q(entry=entry)
    for model_name, ids in foreign.items():
        if ids:
            # A scalar subquery, so the index on (target_type, target_id) serves it.
            kind = ContentType.objects.filter(app_label="kb", model=model_name).values("pk")
            where |= Q(target_type=Subquery(kind), target_id__in=ids)
    return list(
        Citation.objects.filter(where).select_related("source", "target_type")
        .order_by(Case(When(entry=entry, then=Value(0)), default=Value(1)), "pk")
    )


# Groups ---------------------------------------------------------------------------


def group_relations(group: Group, user) -> list[GroupRelation]:
    """The group's ties to other groups in both directions, in one query."""
    return list(
        GroupRelation.objects.filter(
            (Q(subject=group) & visible_q(user, "object__"))
            | (Q(object=group) & visible_q(user, "subject__"))
        ).select_related("subject", "object")
        .defer(*_text_of(Group, "subject__"), *_text_of(Group, "object__"))
        .order_by()  # presenting.group_ties orders them
    )


def _member_order() -> tuple:
    leading = Case(When(role__in=LEADING_ROLES, then=Value(0)), default=Value(1))
    return (leading.asc(), F("started_on").desc(nulls_last=True), F("pk").asc())


def group_members(group: Group, user) -> QuerySet:
    """The group's people: leaders and founders first, then the most recent roles.

    Ordered by the roles' own columns only, never by the person's name, so the first
    rows come from the roles alone (``group_leading_members``).
    """
    return (
        PersonGroupRole.objects.filter(visible_q(user, "person__"), group=group)
        .select_related("person").defer(*_text_of(Person, "person__"))
        .order_by(*_member_order())
    )


def group_leading_members(group: Group, user) -> list[PersonGroupRole]:
    """The first ``MEMBER_LIMIT`` rows of ``group_members``, or fewer, never others.

    Candidates are the group's first ``2 * MEMBER_LIMIT`` roles, whoever holds them,
    and only those are joined to their people: with thousands of members, testing
    every person's visibility before sorting costs ten times more. Roles of people the
    user may not see among the candidates shorten the list; they never let a later
    role in ahead of an earlier one.
    """
    candidates = (
        PersonGroupRole.objects.filter(group=group).order_by(*_member_order())
        .values("pk")[: 2 * MEMBER_LIMIT]
    )
    return list(group_members(group, user).filter(pk__in=candidates)[:MEMBER_LIMIT])


@dataclass(frozen=True)
class AttackSort:
    """One order of a group's attacks: its ``?sort=`` value, column and direction.

    Only numbers and dates, with the attack's date (newest first) and id breaking ties,
    so that Python orders merged rows exactly as the database ordered each list
    (names would depend on the database's collation).
    """

    key: str
    label: str
    field: str
    descending: bool

    def order_by(self, path: str = "") -> list:
        column = F(f"{path}{self.field}")
        if self.field == "occurred_on":
            # Never null: a plain direction lets the date index serve the order.
            first = column.desc() if self.descending else column.asc()
        else:
            first = column.desc(nulls_last=True) if self.descending else column.asc(nulls_last=True)
        return [first, F(f"{path}occurred_on").desc(), F(f"{path}pk").asc()]

    def sort_key(self, attack: Attack) -> tuple:
        value = getattr(attack, self.field)
        if isinstance(value, dt.date):
            value = value.toordinal()
        signed = 0 if value is None else (-value if self.descending else value)
        return (value is None, signed, -attack.occurred_on.toordinal(), attack.pk)


ATTACK_SORTS = {
    sort.key: sort
    for sort in (
        AttackSort("-date", "newest first", "occurred_on", descending=True),
        AttackSort("date", "oldest first", "occurred_on", descending=False),
        AttackSort("-killed", "most killed first", "killed", descending=True),
        AttackSort("killed", "fewest killed first", "killed", descending=False),
        AttackSort("-wounded", "most wounded first", "wounded", descending=True),
        AttackSort("wounded", "fewest wounded first", "wounded", descending=False),
    )
}
DEFAULT_ATTACK_SORT = "-date"


@dataclass
class GroupAttack:
    """An attack on a group's page, with the group's claims of it and attributions."""

    attack: Attack
    claims: list[Claim] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    contested: bool = False  # another group claimed it too


def group_attacks(group: Group, user, sort: AttackSort) -> list[GroupAttack]:
    """The group's attacks, claimed or attributed, the first ``ATTACK_LIMIT`` in ``sort``.

    Two plain queries, the first claims and the first attributions in that order, merged
    here: one query over attacks "claimed or attributed" needs an ``OR`` of two
    subqueries, which PostgreSQL can only test row by row over every attack. Each list
    is exact down to its last row; rows past the first list that ran full are dropped,
    since a row of that list may be missing after them (a group can claim one attack
    twice, by statement and by video).
    """
    rivals = (
        Claim.objects.filter(attack=OuterRef("attack_id"), is_retracted=False)
        .exclude(group=group).order_by()
    )
    lists = [
        list(
            model.objects.filter(visible_q(user, "attack__"), group=group)
            .select_related("attack__place").defer(*_text_of(Attack, "attack__"))
            # A correlated LIMIT 1, which runs for the rows shown only; an EXISTS here
            # may be planned as a scan of every claim.
            .annotate(rival_claim=Subquery(rivals.values("pk")[:1]))
            .order_by(*sort.order_by("attack__"), "pk")[:ATTACK_LIMIT]
        )
        for model in (Claim, Attribution)
    ]
    rows: dict[int, GroupAttack] = {}
    for name, items in zip(("claims", "attributions"), lists, strict=True):
        for item in items:
            row = rows.setdefault(item.attack_id, GroupAttack(item.attack))
            getattr(row, name).append(item)
            row.contested = row.contested or item.rival_claim is not None
    ordered = sorted(rows.values(), key=lambda row: sort.sort_key(row.attack))
    full = [sort.sort_key(items[-1].attack) for items in lists if len(items) == ATTACK_LIMIT]
    if full:
        ordered = [row for row in ordered if sort.sort_key(row.attack) <= min(full)]
    for row in ordered:
        row.claims.sort(key=lambda c: (c.is_retracted, c.pk))
        row.attributions.sort(key=lambda a: (a.certainty != Certainty.CONFIRMED, a.pk))
    return ordered[:ATTACK_LIMIT]


def group_attack_years(group: Group, user) -> list[dict]:
    """``{"year", "attacks", "claimed"}`` for each year with attacks, in one GROUP BY.

    The attacks are found through a ``UNION`` of the group's claims and attributions,
    which the database can join by key, rather than an ``OR`` it tests on every attack.
    An attack dated only roughly ("c. 2015") counts in the year it is stored under.
    """
    attacks = Claim.objects.filter(group=group).order_by().values("attack").union(
        Attribution.objects.filter(group=group).order_by().values("attack")
    )
    claimed = Q(pk__in=Claim.objects.filter(group=group, is_retracted=False).values("attack"))
    return list(
        Attack.objects.filter(visible_q(user), pk__in=attacks)
        .annotate(year=ExtractYear("occurred_on")).order_by().values("year")
        .annotate(attacks=Count("pk"), claimed=Count("pk", filter=claimed))
        .order_by("year")
    )


# People ---------------------------------------------------------------------------


def person_group_roles(person: Person, user) -> list[PersonGroupRole]:
    return list(
        PersonGroupRole.objects.filter(visible_q(user, "group__"), person=person)
        .select_related("group").defer(*_text_of(Group, "group__"))
        .order_by(F("started_on").asc(nulls_last=True), "group__name", "pk")
    )


def person_attack_roles(person: Person, user) -> list[PersonAttackRole]:
    return list(
        PersonAttackRole.objects.filter(visible_q(user, "attack__"), person=person)
        .select_related("attack").defer(*_text_of(Attack, "attack__"))
        .order_by("-attack__occurred_on", "pk")
    )


def person_relations(person: Person, user) -> list[PersonRelation]:
    """The person's ties to other people in both directions, in one query."""
    return list(
        PersonRelation.objects.filter(
            (Q(person=person) & visible_q(user, "other__"))
            | (Q(other=person) & visible_q(user, "person__"))
        ).select_related("person", "other")
        .defer(*_text_of(Person, "person__"), *_text_of(Person, "other__"))
        .order_by()  # presenting.person_ties orders them
    )


# Attacks --------------------------------------------------------------------------


def event_attacks(attack: Attack, user) -> list[Attack]:
    """The other attacks of its coordinated event: its parts, and its siblings under
    its parent event (an event has one level, but imported data may nest deeper)."""
    event = Q(parent_event=attack)
    if attack.parent_event_id:
        event |= Q(parent_event=attack.parent_event_id)
    return list(
        Attack.objects.filter(visible_q(user)).filter(event).exclude(pk=attack.pk)
        .select_related("place").defer(*_text_of(Attack)).order_by("occurred_on", "name", "pk")
    )


def attack_claims(attack: Attack, user) -> list[Claim]:
    return list(
        Claim.objects.filter(visible_q(user, "group__"), attack=attack).select_related("group")
        .defer(*_text_of(Group, "group__"))
        .order_by("is_retracted", F("started_on").asc(nulls_last=True), "group__name", "pk")
    )


def attack_attributions(attack: Attack, user) -> list[Attribution]:
    return list(
        Attribution.objects.filter(visible_q(user, "group__"), attack=attack)
        .select_related("group").defer(*_text_of(Group, "group__"))
        .order_by(
            Case(When(certainty=Certainty.CONFIRMED, then=Value(0)), default=Value(1)),
            "group__name", "pk",
        )
    )


def attack_people(attack: Attack, user) -> list[PersonAttackRole]:
    return list(
        PersonAttackRole.objects.filter(visible_q(user, "person__"), attack=attack)
        .select_related("person").defer(*_text_of(Person, "person__"))
        .order_by("role", "person__name", "pk")
    )
