"""Reads behind the public pages.

Each detail page loads its entry in one query and every list of related rows in one
more, whatever the number of rows: the querysets here select the other side of each
relation, so templates never touch the database row by row. Related entries the user
may not see (drafts, archived entries) are left out in the same queries. The profiles
of groups, people and attacks read through ``kb.profiles``.
"""

from django.db.models import (
    Count,
    F,
    Prefetch,
    Q,
    prefetch_related_objects,
)

from kb.choices import CommentState, EntryKind, PlaceKind
from kb.models import (
    Attack,
    Citation,
    Comment,
    Entry,
    Group,
    Place,
    Source,
)
from kb.models.entries import can_see_unpublished, visible_q

# The deepest place hierarchy: site < city < district < province < country.
PLACE_CHAIN = "parent__parent__parent__parent"


class EntryMoved(Exception):
    """The requested entry was merged into another; readers belong on that one."""

    def __init__(self, target: Entry):
        super().__init__(target.slug)
        self.target = target


# The front page (the browse lists are in kb.browse) ------------------------------


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
    user may not see, or one merged into an entry the user may not see: the redirect
    would name it.
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
        if merged is not None and (
            merged.redirect_to.is_published or can_see_unpublished(user)
        ):
            raise EntryMoved(merged.redirect_to)
        raise model.DoesNotExist(slug)
    if entry.redirect_to_id:
        raise EntryMoved(entry.redirect_to)
    prefetch_related_objects([entry], *prefetch)
    return entry


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


# Sources and places --------------------------------------------------------------


def entries_citing(source: Source, user):
    """The entries that cite ``source``, each with its citations of it.

    A citation of a relation (a claim, a role) belongs to the entry that owns the
    relation, so these entries are everything that cites the source.
    """
    citing = Citation.objects.filter(source=source).values("entry")
    return (
        Entry.objects.filter(visible_q(user), pk__in=citing)
        .defer("body")
        .order_by("kind", "name", "pk")
        .prefetch_related(
            Prefetch(
                "citations",
                queryset=Citation.objects.filter(source=source).select_related("target_type")
                .order_by("pk"),
                to_attr="citations_of_source",
            )
        )
    )


def citing_counts(source: Source, user) -> dict[str, int]:
    """How many visible entries of each kind cite ``source``."""
    citing = Citation.objects.filter(source=source).values("entry")
    return dict(
        Entry.objects.filter(visible_q(user), pk__in=citing).order_by()
        .values_list("kind").annotate(n=Count("pk"))
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
