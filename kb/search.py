"""Finding entries by name: one entry point for the site's search box and the API.

Names and aliases are compared in their folded form (``kb.names.normalize_name``), so
"Lashkar-e-Jhangvi" finds "lashkar e jhangvi" and an Urdu alias finds its entry. A match
on the whole name ranks above a match on its beginning, which ranks above a match
anywhere inside it; the entry's own name and each of its aliases count alike, and the
best of them decides. A group's abbreviation ("ISKP", "LeJ") matches whole, as an exact
name: researchers type abbreviations more than any other form.

This is the portable baseline: a PostgreSQL backend with full-text ranking and trigram
similarity can replace the ranking behind the same signature.
"""

from django.db.models import (
    Case,
    CharField,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Greatest

from kb.choices import EntryKind
from kb.models import Alias, Entry
from kb.names import normalize_name

EXACT, PREFIX, CONTAINS = 3, 2, 1
MATCH_NAMES = {EXACT: "exact", PREFIX: "prefix", CONTAINS: "contains"}
MAX_LIMIT = 100


def _rank(needle: str) -> Case:
    return Case(
        When(search_name=needle, then=Value(EXACT)),
        When(search_name__startswith=needle, then=Value(PREFIX)),
        default=Value(CONTAINS),
        output_field=IntegerField(),
    )


def search_entries(query: str, *, user=None, kinds=None, limit: int = 20) -> list[Entry]:
    """Entries whose name or an alias contains ``query``, best matches first.

    Without a ``user`` only published entries are searched; with one, what that user may
    see (the research team also finds drafts). ``kinds`` narrows to some of
    ``EntryKind``. Each entry carries ``match_rank`` (3 exact, 2 prefix, 1 contains),
    ``match`` ("exact", "prefix", "contains") and ``matched_alias``: the alias (or
    abbreviation) that matched best, or None when the entry's own name matched as well.
    """
    needle = normalize_name(query or "")
    if not needle:
        return []
    kinds = list(kinds or [])
    unknown = set(kinds) - set(EntryKind.values)
    if unknown:
        raise ValueError(f"Unknown kinds of entry: {', '.join(sorted(unknown))}.")
    limit = max(1, min(int(limit), MAX_LIMIT))

    entries = Entry.objects.published() if user is None else Entry.objects.visible_to(user)
    if kinds:
        entries = entries.filter(kind__in=kinds)
    aliases = (
        Alias.objects.filter(entry=OuterRef("pk"), search_name__contains=needle)
        .annotate(rank=_rank(needle))
        .order_by("-rank", "name", "pk")
    )
    own_rank = Case(
        When(search_name__contains=needle, then=_rank(needle)),
        default=Value(0),
        output_field=IntegerField(),
    )
    alias_rank = Coalesce(
        Subquery(aliases.values("rank")[:1], output_field=IntegerField()), Value(0)
    )
    abbreviation = Q(group__abbreviation__iexact=query.strip())
    abbreviation_rank = Case(
        When(abbreviation, then=Value(EXACT)), default=Value(0), output_field=IntegerField()
    )
    found = (
        entries.filter(Q(search_name__contains=needle) | Exists(aliases) | abbreviation)
        .annotate(
            own_rank=own_rank,
            alias_rank=alias_rank,
            abbreviation_rank=abbreviation_rank,
            match_rank=Greatest(own_rank, alias_rank, abbreviation_rank),
            best_alias=Subquery(aliases.values("name")[:1], output_field=CharField()),
            abbreviation=F("group__abbreviation"),
        )
        .order_by("-match_rank", "search_name", "pk")[:limit]
    )
    results = list(found)
    for entry in results:
        entry.match = MATCH_NAMES[entry.match_rank]
        entry.matched_alias = None
        if entry.alias_rank > entry.own_rank and entry.alias_rank >= entry.abbreviation_rank:
            entry.matched_alias = entry.best_alias
        elif entry.abbreviation_rank > max(entry.own_rank, entry.alias_rank):
            entry.matched_alias = entry.abbreviation
    return results
