"""Finding entries by name or alias, in any spelling.

A query is compared with every entry's name and aliases in three forms: folded
(``normalize_name``: case, accents, punctuation), as a transliteration key (``name_key``:
"Lashkar-i-Jhangvi" and "Lashkar e Jhangavi" share one) and, on PostgreSQL, by trigram
word similarity (``pg_trgm``), which forgives a typing slip the key would not. A group's
abbreviation ("ISKP", "LeJ") counts as an exact name: researchers type abbreviations more
than any other form.

How a name matched ranks the entry; the entry's own name, its abbreviation and each of
its aliases count alike and the best of them decides:

    exact     the whole name                 "islamic state"  -> Islamic State
    prefix    its beginning                  "islamic st"     -> Islamic State Khorasan …
    contains  a part of it                   "khorasan"       -> Islamic State Khorasan …
    variant   the same words, spelled apart  "lashkar i jhangavi" -> Lashkar-e-Jhangvi
    similar   nearly the same words          "lashkr-e-jangvi"    -> Lashkar-e-Jhangvi

Both queries are index-backed on PostgreSQL (trigram GIN indexes on the folded names and
keys) and bounded: at most ``CANDIDATES`` names of each table are ranked.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import connection
from django.db.models import BooleanField, Case, F, IntegerField, Q, Value, When

from kb.choices import EntryKind
from kb.models import Alias, Entry
from kb.names import name_key, normalize_name

EXACT, PREFIX, CONTAINS, VARIANT, SIMILAR = 5, 4, 3, 2, 1
MATCH_NAMES = {EXACT: "exact", PREFIX: "prefix", CONTAINS: "contains", VARIANT: "variant",
               SIMILAR: "similar"}
MAX_LIMIT = 100
# How many matching names of each table are ranked; the closest come first, so only a
# query that a few letters of thousands of names contain reaches the cap.
CANDIDATES = 500
# Below this many characters a query matches the beginning of names only: "a" is inside
# nearly every name and says nothing.
MIN_CONTAINS = 3


@dataclass(frozen=True)
class Needle:
    """A query in the forms names are compared in."""

    text: str
    folded: str
    key: str

    @classmethod
    def of(cls, query: str) -> Needle:
        return cls(text=query.strip(), folded=normalize_name(query), key=name_key(query))

    def __bool__(self):
        return bool(self.folded)

    def condition(self, prefix: str = "") -> Q:
        """Rows of a table with ``search_name`` / ``search_key`` whose name may match."""
        name, key = f"{prefix}search_name", f"{prefix}search_key"
        folded = self.folded
        found = Q(**{f"{name}__startswith": folded})
        if len(folded) >= MIN_CONTAINS:
            found |= Q(**{f"{name}__contains": folded})
        if self.key:
            found |= (
                Q(**{key: self.key})
                | Q(**{f"{key}__startswith": f"{self.key} "})
                | Q(**{f"{key}__contains": f" {self.key} "})
                | Q(**{f"{key}__endswith": f" {self.key}"})
            )
        if connection.vendor == "postgresql" and len(folded) >= MIN_CONTAINS:
            # search_name %> folded: the query is close to some run of the name's words.
            found |= Q(**{f"{name}__trigram_word_similar": folded})
        return found

    def closeness(self) -> Case:
        """0 for an exact name, 1 for a prefix, 2 otherwise: candidates' order in SQL."""
        return Case(
            When(search_name=self.folded, then=Value(0)),
            When(search_name__startswith=self.folded, then=Value(1)),
            default=Value(2),
            output_field=IntegerField(),
        )

    def rank(self, folded: str, key: str) -> int:
        """How a name in its folded form and key matches: one of EXACT … SIMILAR."""
        if folded == self.folded:
            return EXACT
        if folded.startswith(self.folded):
            return PREFIX
        if len(self.folded) >= MIN_CONTAINS and self.folded in folded:
            return CONTAINS
        if self.key and f" {self.key} " in f" {key} ":
            return VARIANT
        return SIMILAR


def search_entries(query: str, *, user=None, kinds=None, limit: int = 20) -> list[Entry]:
    """Entries whose name, abbreviation or an alias matches ``query``, best first.

    Without a ``user`` only published entries are searched; with one, what that user may
    see (the research team also finds drafts). ``kinds`` narrows to some of
    ``EntryKind``. Each entry carries ``match`` ("exact", "prefix", "contains",
    "variant" or "similar"), ``match_rank`` (5 … 1, in that order) and
    ``matched_alias``: the alias or abbreviation that matched best, or None when the
    entry's own name matched as well. The narrative (``body``) is not loaded.
    """
    needle = Needle.of(query or "")
    if not needle:
        return []
    kinds = list(kinds or [])
    unknown = set(kinds) - set(EntryKind.values)
    if unknown:
        raise ValueError(f"Unknown kinds of entry: {', '.join(sorted(unknown))}.")
    limit = max(1, min(int(limit), MAX_LIMIT))

    # The aliases that may match, closest first: (entry, name, rank).
    alias_hits = [
        (entry_id, name, needle.rank(folded, key))
        for entry_id, name, folded, key in Alias.objects.filter(needle.condition())
        .annotate(closeness=needle.closeness())
        .order_by("closeness", "search_name", "pk")
        .values_list("entry_id", "name", "search_name", "search_key")[:CANDIDATES]
    ]
    close_aliases = {entry_id for entry_id, _, rank in alias_hits if rank >= PREFIX}

    entries = Entry.objects.published() if user is None else Entry.objects.visible_to(user)
    if kinds:
        entries = entries.filter(kind__in=kinds)
    abbreviation = Q(group__abbreviation__iexact=needle.text)
    candidates = (
        entries.filter(
            needle.condition() | abbreviation
            | Q(pk__in={entry_id for entry_id, _, _ in alias_hits})
        )
        .annotate(
            closeness=Case(
                When(abbreviation | Q(pk__in=close_aliases), then=Value(0)),
                default=needle.closeness(), output_field=IntegerField(),
            ),
            own_hit=Case(
                When(needle.condition(), then=Value(True)),
                default=Value(False), output_field=BooleanField(),
            ),
            abbreviation=F("group__abbreviation"),
        )
        .defer("body")
        .order_by("closeness", "search_name", "pk")[:CANDIDATES]
    )
    best_alias: dict[int, tuple[int, str]] = {}
    for entry_id, name, rank in alias_hits:
        if rank > best_alias.get(entry_id, (0, ""))[0]:
            best_alias[entry_id] = (rank, name)

    ranked = []
    for entry in candidates:
        own = needle.rank(entry.search_name, entry.search_key) if entry.own_hit else 0
        alias_rank, alias = best_alias.get(entry.pk, (0, None))
        abbreviation_text = entry.abbreviation or ""
        by_abbreviation = bool(
            abbreviation_text and abbreviation_text.casefold() == needle.text.casefold()
        )
        entry.match_rank = max(own, alias_rank, EXACT if by_abbreviation else 0)
        entry.match = MATCH_NAMES[entry.match_rank]
        entry.matched_alias = None
        if alias_rank > own and alias_rank >= (EXACT if by_abbreviation else 0):
            entry.matched_alias = alias
        elif by_abbreviation and own < EXACT and alias_rank < EXACT:
            entry.matched_alias = abbreviation_text
        ranked.append(entry)
    ranked.sort(key=lambda e: (-e.match_rank, e.search_name, e.pk))
    return ranked[:limit]

