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

Whole names are looked up first (entries, aliases and abbreviations, by equality);
then the aliases and the entries' names are searched in separate queries, each a scan
of trigram GIN indexes on PostgreSQL, bounded to ``CANDIDATES`` names. The entries
they name are then read by primary key: four queries, whatever the query.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import connection
from django.db.models import Q, Value

from kb.choices import EntryKind
from kb.models import Alias, Entry, Group
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
# A key of fewer consonants than this ("k" for "Kaik") would make half the names its
# variants; such a query matches by its letters only.
MIN_KEY = 3
# Where an exact match was found.
OWN, ALIAS, ABBREVIATION = 1, 2, 3


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
        if len(self.key.replace(" ", "")) >= MIN_KEY:
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

    def rank(self, folded: str, key: str) -> int:
        """How a name in its folded form and key matches: one of EXACT … SIMILAR."""
        if folded == self.folded:
            return EXACT
        if folded.startswith(self.folded):
            return PREFIX
        if len(self.folded) >= MIN_CONTAINS and self.folded in folded:
            return CONTAINS
        if len(self.key.replace(" ", "")) >= MIN_KEY and f" {self.key} " in f" {key} ":
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

    # Whole names first, from the three places a name lives, by plain index lookups: a
    # common word must not crowd the one entry called exactly that out of the bounded
    # candidates below.
    exact = (
        Entry.objects.filter(search_name=needle.folded).order_by()
        .values_list("pk", "name", Value(OWN))
        .union(
            Alias.objects.filter(search_name=needle.folded).order_by()
            .values_list("entry_id", "name", Value(ALIAS)),
            Group.objects.filter(abbreviation__iexact=needle.text).order_by()
            .values_list("pk", "abbreviation", Value(ABBREVIATION)),
            all=True,
        )
    )
    exact_own, abbreviations = set(), {}
    alias_hits = []  # (entry, alias, rank)
    for entry_id, name, source in exact:
        if source == OWN:
            exact_own.add(entry_id)
        elif source == ALIAS:
            alias_hits.append((entry_id, name, EXACT))
        else:
            abbreviations[entry_id] = name
    # Then every other way of matching, each table on its own so that each query is a
    # scan of its trigram indexes (joined, the planner would test every entry), and at
    # most CANDIDATES of each: a query that thousands of names contain ranks a sample.
    alias_hits += [
        (entry_id, name, needle.rank(folded, key))
        for entry_id, name, folded, key in Alias.objects.filter(needle.condition())
        .exclude(search_name=needle.folded).order_by()
        .values_list("entry_id", "name", "search_name", "search_key")[:CANDIDATES]
    ]
    own_hits = exact_own | set(
        Entry.objects.filter(needle.condition()).order_by()
        .values_list("pk", flat=True)[:CANDIDATES]
    )

    entries = Entry.objects.published() if user is None else Entry.objects.visible_to(user)
    if kinds:
        entries = entries.filter(kind__in=kinds)
    wanted = own_hits | abbreviations.keys() | {entry_id for entry_id, _, _ in alias_hits}
    candidates = entries.filter(pk__in=wanted).defer("body") if wanted else []
    best_alias: dict[int, tuple[int, str]] = {}
    for entry_id, name, rank in alias_hits:
        if rank > best_alias.get(entry_id, (0, ""))[0]:
            best_alias[entry_id] = (rank, name)

    ranked = []
    for entry in candidates:
        own = needle.rank(entry.search_name, entry.search_key) if entry.pk in own_hits else 0
        alias_rank, alias = best_alias.get(entry.pk, (0, None))
        abbreviation_text = abbreviations.get(entry.pk, "")
        by_abbreviation = bool(abbreviation_text)
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

