"""Search: one entry point for the search page, suggestions, the API and duplicate checks.

Names and aliases come first (``kb.search.names``: exact, prefix, part, transliteration
variant, near spelling), then what summaries and narratives say (``kb.search.text``:
PostgreSQL full-text search with ranking, or a word match elsewhere). Each result says
why it matched: the alias that matched, and a passage of its text with the query's
words marked (``kb.search.snippets``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kb.choices import EntryKind
from kb.models import Entry
from kb.names import normalize_name
from kb.search.names import (
    CONTAINS,
    MATCH_NAMES,
    MAX_LIMIT,
    SIMILAR,
    search_entries,
)
from kb.search.snippets import mentions, snippet
from kb.search.text import CANDIDATES, query_words, text_matches

__all__ = [
    "CANDIDATES", "MATCH_NAMES", "MAX_PAGE", "MAX_QUERY", "PER_PAGE", "SearchPage", "search",
    "search_entries", "similar_entries",
]

# Longer queries are cut to this many characters (and the page says so).
MAX_QUERY = 200
PER_PAGE = 20
# Name matches are ranked up to MAX_LIMIT; text matches follow them, page after page.
MAX_PAGE = 50


@dataclass
class SearchPage:
    """One page of results: name matches first, then text matches."""

    query: str
    kinds: list[str]
    number: int
    results: list[Entry] = field(default_factory=list)
    has_next: bool = False
    truncated: bool = False
    # More entries mention the words than are ranked (kb.search.text.CANDIDATES).
    capped: bool = False

    @property
    def has_previous(self) -> bool:
        return self.number > 1


def search(query: str, *, user, kinds=None, page: int = 1, per_page: int = PER_PAGE):
    """The ``page``-th page of entries matching ``query`` that ``user`` may see.

    Without a ``user``, only published entries.
    Each result carries ``match`` (a name match as in ``search_entries``, or "text"),
    ``matched_alias`` and ``snippet``: a passage of its summary or narrative with the
    query's words in ``<mark>``, escaped.
    """
    truncated = len(query) > MAX_QUERY
    query = query[:MAX_QUERY].strip()
    kinds = list(kinds or [])
    result = SearchPage(query=query, kinds=kinds, number=page, truncated=truncated)
    if not normalize_name(query):
        return result
    names = search_entries(query, user=user, kinds=kinds, limit=MAX_LIMIT)
    start = (page - 1) * per_page
    wanted = per_page + 1  # one more tells whether a next page exists
    found = names[start:start + wanted]
    if len(found) < wanted:
        entries = Entry.objects.published() if user is None else Entry.objects.visible_to(user)
        if kinds:
            entries = entries.filter(kind__in=kinds)
        text_start = max(0, start - len(names))
        text = text_matches(
            query, entries, exclude=[e.pk for e in names], offset=text_start,
            limit=wanted - len(found),
        )
        result.capped = text.capped
        found += text
    result.has_next = len(found) > per_page
    result.results = found[:per_page]
    _explain(result.results, query)
    return result


def _explain(results: list[Entry], query: str) -> None:
    words = query_words(query)
    bodies = _bodies([e for e in results if not _has_body(e)], words)
    for entry in results:
        if not hasattr(entry, "match"):
            entry.match, entry.matched_alias = "text", None
        body = entry.body if _has_body(entry) else bodies.get(entry.pk, "")
        entry.snippet = snippet(words, entry.summary, body)


def _has_body(entry: Entry) -> bool:
    return "body" in entry.__dict__


def _bodies(entries: list[Entry], words: list[str]) -> dict[int, str]:
    """The narratives of the entries whose summary holds none of ``words``: one query."""
    need = [e.pk for e in entries if not mentions(words, e.summary)]
    if not need or not words:
        return {}
    return dict(Entry.objects.filter(pk__in=need).values_list("pk", "body"))


def similar_entries(kind: str, names: list[str], *, user, exclude=None, limit: int = 5):
    """Entries of ``kind`` whose names resemble any of ``names``: possible duplicates.

    What the search box would find for each name, except the loosest matches: a short
    single word found inside a longer name ("state" in "Islamic State") is not a
    warning. Each entry carries ``similar_to``, the name given that it resembles.
    """
    if kind not in EntryKind.values:
        raise ValueError(f"Unknown kind of entry: {kind}.")
    found: dict[int, Entry] = {}
    for name in dict.fromkeys(n for n in names if normalize_name(n)):
        loose = len(normalize_name(name).split()) < 2 and len(normalize_name(name)) < 8
        for entry in search_entries(name, user=user, kinds=[kind], limit=limit):
            if entry.pk == exclude or (loose and entry.match_rank in (CONTAINS, SIMILAR)):
                continue
            if entry.pk not in found or entry.match_rank > found[entry.pk].match_rank:
                entry.similar_to = name
                found[entry.pk] = entry
    ranked = sorted(found.values(), key=lambda e: (-e.match_rank, e.search_name, e.pk))
    return ranked[:limit]
