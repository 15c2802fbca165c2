"""Reads behind the public pages.

Each detail page loads its entry in one query and every list of related rows in one
more, whatever the number of rows: the querysets here select the other side of each
relation, so templates never touch the database row by row. Related entries the user
may not see (drafts, archived entries) are left out in the same queries.
"""

from django.db.models import (
    Count,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    Value,
    prefetch_related_objects,
)
from django.db.models.functions import Coalesce

from kb.choices import CommentState, EntryKind, PlaceKind
from kb.models import (
    Alias,
    Attack,
    Attribution,
    Citation,
    Claim,
    Comment,
    Designation,
    Entry,
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
from kb.models.entries import visible_q

# The deepest place hierarchy: site < city < district < province < country.
PLACE_CHAIN = "parent__parent__parent__parent"

# A group page lists at most this many claimed and attributed attacks; the attack
# list, filtered by the group, holds the rest.
RESPONSIBILITY_LIMIT = 50


class EntryMoved(Exception):
    """The requested entry was merged into another; readers belong on that one."""

    def __init__(self, target: Entry):
        super().__init__(target.slug)
        self.target = target


# Lists ---------------------------------------------------------------------------


def group_list(user):
    return Group.objects.visible_to(user).order_by("name", "pk")


def person_list(user):
    return Person.objects.visible_to(user).select_related("nationality").order_by("name", "pk")


def attack_list(user, *, group: Group | None = None):
    """Attacks newest first, with the groups that claimed them."""
    attacks = Attack.objects.visible_to(user)
    if group is not None:
        attacks = attacks.filter(
            Q(pk__in=Claim.objects.filter(group=group).values("attack"))
            | Q(pk__in=Attribution.objects.filter(group=group).values("attack"))
        )
    return (
        attacks.select_related("place", "country")
        .prefetch_related(
            Prefetch(
                "claims",
                queryset=Claim.objects.filter(visible_q(user, "group__")).select_related("group"),
            )
        )
        .order_by("-occurred_on", "name", "pk")
    )


def source_list():
    return Source.objects.order_by("title", "pk")


def visible_group(user, slug: str) -> Group | None:
    return Group.objects.visible_to(user).filter(slug=slug).first()


def home_summary(user) -> dict:
    """Counts and the newest entries for the front page, in four queries."""
    counts = dict(
        Entry.objects.visible_to(user).order_by().values_list("kind").annotate(n=Count("pk"))
    )
    return {
        "group_count": counts.get(EntryKind.GROUP, 0),
        "person_count": counts.get(EntryKind.PERSON, 0),
        "attack_count": counts.get(EntryKind.ATTACK, 0),
        "source_count": Source.objects.count(),
        "latest_attacks": list(
            Attack.objects.visible_to(user).select_related("place", "country")
            .order_by("-occurred_on", "name")[:6]
        ),
        "latest_groups": list(
            Group.objects.visible_to(user)
            .order_by(F("published_at").desc(nulls_last=True), "name")[:6]
        ),
    }


# Details -------------------------------------------------------------------------


def entry_by_slug(model, *, slug: str, user, select=(), prefetch=(), annotate=None):
    """The visible entry of ``model`` called ``slug``, with its related rows loaded.

    Raises ``EntryMoved`` for a merged entry and ``model.DoesNotExist`` for one the
    user may not see.
    """
    entry = (
        model.objects.visible_to(user).select_related("redirect_to", *select)
        .annotate(**(annotate or {})).filter(slug=slug).first()
    )
    if entry is None:
        merged = (
            Entry.objects.filter(slug=slug, kind=model._entry_kind, redirect_to__isnull=False)
            .select_related("redirect_to").first()
        )
        if merged is not None:
            raise EntryMoved(merged.redirect_to)
        raise model.DoesNotExist(slug)
    if entry.redirect_to_id:
        raise EntryMoved(entry.redirect_to)
    prefetch_related_objects([entry], *prefetch)
    return entry


def _citations():
    return Prefetch(
        "citations",
        queryset=Citation.objects.select_related("source", "target_type").order_by("pk"),
    )


def _common():
    # Explicit orderings: the models' default ones sort by the owner first, which
    # costs a join to the entries table for nothing here.
    return [
        Prefetch("aliases", queryset=Alias.objects.order_by("kind", "name", "pk")),
        "external_ids",
        _citations(),
        published_comments(),
    ]


def published_comments():
    """The comments shown under a profile, oldest first, in one query.

    Commenters' e-mail addresses, IP addresses and browsers are not even loaded.
    """
    return Prefetch(
        "comments",
        queryset=Comment.objects.filter(state=CommentState.PUBLISHED)
        .select_related("user").defer("author_email", "ip_address", "user_agent")
        .order_by("created_at", "pk"),
        to_attr="published_comments",
    )


def group_prefetches(user):
    claims = (
        Claim.objects.filter(visible_q(user, "attack__")).select_related("attack")
        .order_by("-attack__occurred_on", "pk")
    )
    attributions = (
        Attribution.objects.filter(visible_q(user, "attack__")).select_related("attack")
        .order_by("-attack__occurred_on", "pk")
    )
    return [
        *_common(),
        Prefetch("designations", queryset=Designation.objects.order_by("designated_on", "pk")),
        Prefetch("size_estimates", queryset=SizeEstimate.objects.order_by("year", "pk")),
        Prefetch("areas", queryset=Place.objects.order_by("name")),
        Prefetch(
            "relations",
            queryset=GroupRelation.objects.filter(visible_q(user, "object__"))
            .select_related("object"),
        ),
        Prefetch(
            "inverse_relations",
            queryset=GroupRelation.objects.filter(visible_q(user, "subject__"))
            .select_related("subject"),
        ),
        Prefetch(
            "member_roles",
            queryset=PersonGroupRole.objects.filter(visible_q(user, "person__"))
            .select_related("person").order_by("started_on", "person__name", "pk"),
        ),
        # A sliced prefetch needs its own attribute.
        Prefetch("claims", queryset=claims[:RESPONSIBILITY_LIMIT], to_attr="recent_claims"),
        Prefetch(
            "attributions", queryset=attributions[:RESPONSIBILITY_LIMIT],
            to_attr="recent_attributions",
        ),
    ]


def _count_of(model, user, **outer):
    rows = (
        model.objects.filter(visible_q(user, "attack__"), **outer)
        .order_by().values("group").annotate(n=Count("pk")).values("n")
    )
    return Coalesce(Subquery(rows, output_field=IntegerField()), Value(0))


def group_annotations(user) -> dict:
    """How many claims and attributions a group has, beyond those shown."""
    return {
        "claim_count": _count_of(Claim, user, group=OuterRef("pk")),
        "attribution_count": _count_of(Attribution, user, group=OuterRef("pk")),
    }


def person_prefetches(user):
    return [
        *_common(),
        Prefetch(
            "group_roles",
            queryset=PersonGroupRole.objects.filter(visible_q(user, "group__"))
            .select_related("group").order_by("started_on", "group__name", "pk"),
        ),
        Prefetch(
            "attack_roles",
            queryset=PersonAttackRole.objects.filter(visible_q(user, "attack__"))
            .select_related("attack").order_by("-attack__occurred_on", "pk"),
        ),
        Prefetch(
            "relations",
            queryset=PersonRelation.objects.filter(visible_q(user, "other__"))
            .select_related("other"),
        ),
        Prefetch(
            "inverse_relations",
            queryset=PersonRelation.objects.filter(visible_q(user, "person__"))
            .select_related("person"),
        ),
    ]


def attack_prefetches(user):
    return [
        *_common(),
        "attack_types",
        "target_types",
        "weapon_types",
        Prefetch("parent_event", queryset=Attack.objects.filter(visible_q(user))),
        Prefetch(
            "sub_attacks",
            queryset=Attack.objects.filter(visible_q(user)).order_by("occurred_on", "name"),
        ),
        Prefetch(
            "claims",
            queryset=Claim.objects.filter(visible_q(user, "group__")).select_related("group")
            .order_by("started_on", "group__name", "pk"),
        ),
        Prefetch(
            "attributions",
            queryset=Attribution.objects.filter(visible_q(user, "group__"))
            .select_related("group").order_by("group__name", "pk"),
        ),
        Prefetch(
            "people_roles",
            queryset=PersonAttackRole.objects.filter(visible_q(user, "person__"))
            .select_related("person").order_by("role", "person__name", "pk"),
        ),
    ]


ATTACK_SELECT = (f"place__{PLACE_CHAIN}", "country", "province")
PERSON_SELECT = ("nationality",)


# Sources and places --------------------------------------------------------------


def entries_citing(source: Source, user):
    """The entries that cite ``source``, each with its citations of it."""
    citing = Citation.objects.filter(source=source).values("entry")
    return (
        Entry.objects.filter(visible_q(user), pk__in=citing)
        .order_by("kind", "name", "pk")
        .prefetch_related(
            Prefetch(
                "citations",
                queryset=Citation.objects.filter(source=source).order_by("pk"),
                to_attr="citations_of_source",
            )
        )
    )


def places_with_chain():
    """Places with every parent loaded, so ``ancestors()`` and ``label`` cost nothing."""
    return Place.objects.select_related(PLACE_CHAIN)


def place_children(place: Place):
    return place.children.order_by("name")


def attacks_at(place: Place, user):
    """Published attacks at the place or anywhere inside it."""
    if place.kind == PlaceKind.COUNTRY:
        where = Q(country=place)
    elif place.kind == PlaceKind.PROVINCE:
        where = Q(province=place)
    else:
        where = Q(place=place) | Q(place__parent=place) | Q(place__parent__parent=place)
    return (
        Attack.objects.visible_to(user).filter(where)
        .select_related("place").order_by("-occurred_on", "name", "pk")
    )


def groups_active_in(place: Place, user):
    return place.groups_active.filter(visible_q(user)).order_by("name")
