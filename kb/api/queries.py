"""Reads behind the API: one query per list page, at most five per detail.

The small lists a row owns (aliases, identifiers, GTD categories, designations, the
groups that claimed an attack …) come back inside the row's own query, as a JSON array
that the database builds (``json_group_array`` on SQLite, ``jsonb_agg`` on
PostgreSQL): a list page of fifty attacks with their groups and categories is then one
query, not one per kind of related row. Relations that carry their own sources are
prefetched, one query each, so the serializers can attach citations to them.

Every related entry is filtered to the published ones inside the same query, and the
long text columns of related entries are never loaded.

Resolving all those expressions costs more than running the query, so each base queryset
is built once per process (``@cache``) and cloned for each request: never evaluate a
cached one directly.
"""

import datetime as dt
from functools import cache

from django.db.models import (
    Aggregate,
    Count,
    Exists,
    F,
    IntegerField,
    JSONField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    TextField,
    Value,
)
from django.db.models.functions import Coalesce, JSONObject

from kb.models import (
    Alias,
    Attack,
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
    Source,
)
from kb.models.entries import published_q
from kb.selectors import PLACE_CHAIN


class JSONArrayAgg(Aggregate):
    """The aggregated values as one JSON array."""

    function = "JSON_GROUP_ARRAY"
    output_field = JSONField()

    def as_postgresql(self, compiler, connection, **extra_context):
        return super().as_sql(compiler, connection, function="JSONB_AGG", **extra_context)


def json_rows(queryset, link: str, **fields) -> Subquery:
    """The rows of ``queryset`` whose ``link`` is the outer row, as JSON objects of ``fields``.

    Yields None when there are none; the serializers read that as an empty list. The
    order of the array is unspecified: serializers sort it.
    """
    rows = (
        queryset.filter(**{link: OuterRef("pk")})
        .order_by()
        .values(link)
        .annotate(rows=JSONArrayAgg(JSONObject(**fields)))
        .values("rows")
    )
    return Subquery(rows, output_field=JSONField())


def _long_text(model, path: str = "") -> list[str]:
    """The text columns of ``model`` (body, narrative sections) reached through ``path``."""
    prefix = f"{path}__" if path else ""
    return [
        f"{prefix}{f.name}" for f in model._meta.concrete_fields
        if isinstance(f, TextField) and f.name != "summary"
    ]


def _entry_ref(path: str) -> dict:
    """JSON fields naming the entry at ``path``: enough to link to it."""
    return {
        "id": F(f"{path}_id"), "slug": F(f"{path}__slug"), "name": F(f"{path}__name"),
        "kind": F(f"{path}__kind"), "updated_at": F(f"{path}__updated_at"),
    }


def _aliases():
    return json_rows(
        Alias.objects.all(), "entry",
        name=F("name"), kind=F("kind"), language=F("language"), script=F("script"),
        used_from=F("used_from"), used_from_precision=F("used_from_precision"),
        used_until=F("used_until"), used_until_precision=F("used_until_precision"),
    )


def _external_ids():
    return json_rows(
        ExternalIdentifier.objects.all(), "entry",
        scheme=F("scheme"), value=F("value"), url=F("url"),
    )


def _categories(relation: str):
    model = getattr(Attack, relation).field.related_model
    return json_rows(model.objects.all(), "attacks", code=F("code"), name=F("name"))


def _responsible(model):
    """The published groups behind an attack's claims or attributions."""
    return json_rows(model.objects.filter(published_q("group__")), "attack", **_entry_ref("group"))


def _citations():
    return ("citations", Citation.objects.select_related("source", "target_type").order_by("pk"))


def with_prefetches(base, related) -> QuerySet:
    """``base`` with its ``(name, queryset)`` related rows prefetched.

    Each call wraps clones in new ``Prefetch`` objects: Django writes hints into a
    prefetch queryset as it runs, so the shared ones must never run themselves.
    """
    return base.prefetch_related(*(Prefetch(name, queryset=rows.all()) for name, rows in related))


def _related(model, path: str, entry_model, order: tuple[str, ...]):
    """Rows of ``model`` with the published entry at ``path``, its long texts left out."""
    return (
        model.objects.filter(published_q(f"{path}__")).select_related(path)
        .defer(*_long_text(entry_model, path)).order_by(*order, "pk")
    )


def _count(expression) -> Coalesce:
    return Coalesce(Subquery(expression, output_field=IntegerField()), Value(0))


def with_attack_counts(groups):
    """Published attacks each group claimed, was blamed for, and either (distinct).

    "Either" is claimed + attributed - both: three subqueries that each walk the
    (group, attack) index of one table, where a count over the union would scan the
    attacks for every group.
    """
    group = OuterRef("pk")

    def distinct_attacks(model, *conditions):
        return (
            model.objects.filter(published_q("attack__"), *conditions, group=group).order_by()
            .values("group").annotate(n=Count("attack", distinct=True)).values("n")
        )

    also_attributed = Exists(
        Attribution.objects.filter(group=OuterRef("group"), attack=OuterRef("attack"))
    )
    return groups.annotate(
        claimed_attack_count=_count(distinct_attacks(Claim)),
        attributed_attack_count=_count(distinct_attacks(Attribution)),
        shared_attack_count=_count(distinct_attacks(Claim, also_attributed)),
    ).annotate(
        attack_count=F("claimed_attack_count") + F("attributed_attack_count")
        - F("shared_attack_count"),
    )


# Attacks -------------------------------------------------------------------------


def _attack_rows() -> dict:
    return {
        "claimed_by_rows": _responsible(Claim),
        "attributed_to_rows": _responsible(Attribution),
        "attack_type_rows": _categories("attack_types"),
        "target_type_rows": _categories("target_types"),
        "weapon_type_rows": _categories("weapon_types"),
    }


@cache
def attack_list():
    return (
        Attack.objects.published().select_related("place", "country", "province")
        .defer(*_long_text(Attack)).annotate(**_attack_rows())
        .order_by("-occurred_on", "-pk")
    )


def attack_detail():
    return with_prefetches(*_attack_detail())


@cache
def _attack_detail():
    sub_attacks = json_rows(
        Attack.objects.filter(published_q()), "parent_event",
        id=F("pk"), slug=F("slug"), name=F("name"), kind=F("kind"),
        updated_at=F("updated_at"), occurred_on=F("occurred_on"),
        occurred_on_precision=F("occurred_on_precision"),
    )
    base = (
        Attack.objects.published()
        .select_related(f"place__{PLACE_CHAIN}", "country", "province", "parent_event")
        .defer(*_long_text(Attack, "parent_event"))
        .annotate(
            **_attack_rows(), alias_rows=_aliases(), external_id_rows=_external_ids(),
            sub_attack_rows=sub_attacks,
        )
    )
    return base, (
        ("claims", _related(Claim, "group", Group, ("started_on",))),
        ("attributions", _related(Attribution, "group", Group, ())),
        ("people_roles", _related(PersonAttackRole, "person", Person, ("role",))),
        _citations(),
    )


# Groups --------------------------------------------------------------------------


@cache
def group_list():
    return with_attack_counts(Group.objects.published().defer(*_long_text(Group))).order_by(
        "name", "pk"
    )


def group_detail():
    return with_prefetches(*_group_detail())


@cache
def _group_detail():
    base = (
        with_attack_counts(Group.objects.published())
        .annotate(
            alias_rows=_aliases(),
            external_id_rows=_external_ids(),
            designation_rows=json_rows(
                Designation.objects.all(), "group",
                authority=F("authority"), designated_on=F("designated_on"),
                designated_on_precision=F("designated_on_precision"),
                reference=F("reference"), url=F("url"),
            ),
            size_estimate_rows=json_rows(
                SizeEstimate.objects.all(), "group",
                year=F("year"), low=F("low"), best=F("best"), high=F("high"), note=F("note"),
            ),
            area_rows=json_rows(
                Place.objects.all(), "groups_active",
                id=F("pk"), slug=F("slug"), name=F("name"), kind=F("kind"),
            ),
        )
    )
    return base, (
        ("relations", _related(GroupRelation, "object", Group, ("kind",))),
        ("inverse_relations", _related(GroupRelation, "subject", Group, ("kind",))),
        ("member_roles", _related(PersonGroupRole, "person", Person, ("started_on",))),
        _citations(),
    )


# People --------------------------------------------------------------------------


@cache
def person_list():
    return (
        Person.objects.published().select_related("nationality").defer(*_long_text(Person))
        .order_by("name", "pk")
    )


def person_detail():
    return with_prefetches(*_person_detail())


@cache
def _person_detail():
    attack_roles = json_rows(
        PersonAttackRole.objects.filter(published_q("attack__")), "person",
        id=F("pk"), role=F("role"), confidence=F("confidence"), note=F("note"),
        attack=JSONObject(
            **_entry_ref("attack"),
            occurred_on=F("attack__occurred_on"),
            occurred_on_precision=F("attack__occurred_on_precision"),
        ),
    )
    base = Person.objects.published().select_related("nationality").annotate(
        alias_rows=_aliases(), external_id_rows=_external_ids(), attack_role_rows=attack_roles,
    )
    return base, (
        ("group_roles", _related(PersonGroupRole, "group", Group, ("started_on",))),
        ("relations", _related(PersonRelation, "other", Person, ("kind",))),
        ("inverse_relations", _related(PersonRelation, "person", Person, ("kind",))),
        _citations(),
    )


# Sources and places --------------------------------------------------------------


@cache
def source_list():
    return Source.objects.defer("note").order_by("title", "pk")


@cache
def source_detail():
    cited_by = (
        Citation.objects.filter(published_q("entry__"), source=OuterRef("pk")).order_by()
        .values("source").annotate(n=Count("entry", distinct=True)).values("n")
    )
    return Source.objects.annotate(cited_by_count=_count(cited_by))


@cache
def place_list():
    return Place.objects.select_related("parent").order_by("name", "pk")


@cache
def place_detail():
    children = json_rows(
        Place.objects.all(), "parent", id=F("pk"), slug=F("slug"), name=F("name"), kind=F("kind")
    )
    return Place.objects.select_related(PLACE_CHAIN).annotate(child_rows=children)


# Lookups -------------------------------------------------------------------------


def find(queryset, key: str):
    """The row whose slug is ``key``, else whose id is ``key``; None when neither exists.

    One query: a slug that looks like a number ("1998") wins over the id.
    """
    where = Q(slug=key)
    if key.isdigit() and len(key) < 19:
        where |= Q(pk=int(key))
    rows = list(queryset.filter(where)[:2])
    return next((r for r in rows if r.slug == key), rows[0] if rows else None)


def merged_into(model, key: str) -> Entry | None:
    """The entry that a merged ``model`` entry called ``key`` now lives in, if published."""
    merged = (
        Entry.objects.filter(kind=model._entry_kind, slug=key, redirect_to__isnull=False)
        .select_related("redirect_to").first()
    )
    if merged is None or not merged.redirect_to.is_published:
        return None
    return merged.redirect_to


# Freshness -----------------------------------------------------------------------


def _as_datetime(value) -> dt.datetime | None:
    """A timestamp from a model or from JSON built by SQLite or PostgreSQL."""
    if value is None or isinstance(value, dt.datetime):
        return value
    parsed = dt.datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)


_SHOWN_ENTRIES = {
    "claims": "group", "attributions": "group", "people_roles": "person",
    "relations": ("object", "other"), "inverse_relations": ("subject", "person"),
    "member_roles": "person", "group_roles": "group",
}
_SHOWN_ROWS = ("claimed_by_rows", "attributed_to_rows", "sub_attack_rows")


def last_modified(obj) -> dt.datetime | None:
    """The latest change of a record and of the records its detail shows.

    Places carry no timestamp, so a renamed place does not move it; the ETag, computed
    from the whole response, is exact.
    """
    stamps = [getattr(obj, "updated_at", None)]
    cache = getattr(obj, "_prefetched_objects_cache", {})
    for name, paths in _SHOWN_ENTRIES.items():
        for row in cache.get(name, ()):
            for path in (paths,) if isinstance(paths, str) else paths:
                if hasattr(row, f"{path}_id"):
                    stamps.append(getattr(row, path).updated_at)
    stamps += [c.source.updated_at for c in cache.get("citations", ())]
    for name in _SHOWN_ROWS:
        stamps += [_as_datetime(r.get("updated_at")) for r in getattr(obj, name, None) or ()]
    stamps += [
        _as_datetime(r["attack"].get("updated_at"))
        for r in getattr(obj, "attack_role_rows", None) or ()
    ]
    known = [s for s in stamps if s is not None]
    return max(known) if known else None
