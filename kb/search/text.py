"""Finding entries by what their summaries and narratives say.

On PostgreSQL the query is parsed by ``websearch_to_tsquery`` (quotes for phrases, ``or``,
``-`` to exclude: what people type into search boxes, and never a syntax error) and
matched against ``kb_entry.search_document``, the stored, GIN-indexed ``tsvector`` the
database keeps from the name (weight A), summary (B) and narrative (C); ``ts_rank``
orders the matches, so a word in a name outranks the same word in a summary, which
outranks it in the narrative. Nothing here calls ``to_tsvector`` on a row.

Elsewhere (SQLite) every word of the query must appear in the name, summary or
narrative, and entries whose summary holds them all come first.
"""

from __future__ import annotations

import re

from django.db import connection
from django.db.models import BooleanField, Case, FloatField, Q, Value, When
from django.db.models.expressions import RawSQL

# The document column and its query, for PostgreSQL (see migration 0005).
_TSQUERY = "websearch_to_tsquery('english'::regconfig, %s)"
_MATCHES = f"kb_entry.search_document @@ {_TSQUERY}"
_RANK = f"ts_rank(kb_entry.search_document, {_TSQUERY})"
_WORD = re.compile(r"\w+")


def query_words(query: str) -> list[str]:
    """The words of a query worth looking for, lower case, in order, once each."""
    seen = []
    for word in _WORD.findall(query.casefold()):
        if (len(word) > 1 or not word.isascii()) and word not in seen:
            seen.append(word)
    return seen


def text_matches(query: str, entries, *, exclude=(), offset: int = 0, limit: int = 20):
    """Entries of ``entries`` whose text matches ``query``, best first, one page of them."""
    entries = entries.exclude(pk__in=list(exclude)) if exclude else entries
    if connection.vendor == "postgresql":
        found = (
            entries.filter(RawSQL(_MATCHES, (query,), output_field=BooleanField()))
            .annotate(text_rank=RawSQL(_RANK, (query,), output_field=FloatField()))
            .order_by("-text_rank", "pk")
        )
    else:
        words = query_words(query)
        if not words:
            return []
        everywhere, in_summary = Q(), Q()
        for word in words:
            everywhere &= (
                Q(name__icontains=word) | Q(summary__icontains=word) | Q(body__icontains=word)
            )
            in_summary &= Q(summary__icontains=word)
        found = (
            entries.filter(everywhere)
            .annotate(text_rank=Case(
                When(in_summary, then=Value(1.0)), default=Value(0.5),
                output_field=FloatField(),
            ))
            .order_by("-text_rank", "name", "pk")
        )
    return list(found[offset:offset + limit])
