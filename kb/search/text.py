"""Finding entries by what their summaries and narratives say.

On PostgreSQL the query is parsed by ``websearch_to_tsquery`` (quotes for phrases, ``or``,
``-`` to exclude: what people type into search boxes, and never a syntax error) and
matched against ``kb_entry.search_document``, the stored, GIN-indexed ``tsvector`` the
database keeps from the name (weight A), summary (B) and narrative (C); ``ts_rank``
orders the matches, so a word in a name outranks the same word in a summary, which
outranks it in the narrative. Nothing here calls ``to_tsvector`` on a row.

Ranking reads every matching document, and a common word ("bombing") is in half the
attacks: ranking 100,000 documents takes longer than a search may. So at most
``CANDIDATES`` matches, in the order the index gives them, are ranked; a query that
matches more is reported as such (``TextMatches.capped``), for the reader to narrow it.

Elsewhere (SQLite) every word of the query must appear in the name, summary or
narrative, and entries whose summary holds them all come first.
"""

from __future__ import annotations

import re

from django.db import connection
from django.db.models import BooleanField, Case, FloatField, Q, Value, When
from django.db.models.expressions import RawSQL

from kb.models import Entry

# The document column and its query, for PostgreSQL (see migration 0005).
_TSQUERY = "websearch_to_tsquery('english'::regconfig, %s)"
_MATCHES = f'"kb_entry"."search_document" @@ {_TSQUERY}'
_DOCUMENT = '"kb_entry"."search_document"'
CANDIDATES = 5000
_WORD = re.compile(r"\w+")


class TextMatches(list):
    """One page of entries found by their text; ``capped`` when more matched than ranked."""

    capped = False


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
        return _ranked_on_postgres(query, entries, offset, limit)
    words = query_words(query)
    if not words:
        return TextMatches()
    everywhere, in_summary = Q(), Q()
    for word in words:
        everywhere &= (
            Q(name__icontains=word) | Q(summary__icontains=word) | Q(body__icontains=word)
        )
        in_summary &= Q(summary__icontains=word)
    found = (
        entries.filter(everywhere)
        .annotate(text_rank=Case(
            When(in_summary, then=Value(1.0)), default=Value(0.5), output_field=FloatField(),
        ))
        .order_by("-text_rank", "name", "pk")
    )
    return TextMatches(found[offset:offset + limit])


def _ranked_on_postgres(query: str, entries, offset: int, limit: int) -> TextMatches:
    # The candidates, with every filter of ``entries``, compiled by the ORM; ranked in
    # an outer query so that each document is read once.
    candidates = (
        entries.filter(RawSQL(_MATCHES, (query,), output_field=BooleanField()))
        .annotate(document=RawSQL(_DOCUMENT, ()))
        .order_by().values_list("pk", "document")[:CANDIDATES]
    )
    inner, params = candidates.query.sql_with_params()
    sql = (
        f"SELECT c.pk, count(*) OVER () FROM ({inner}) c "
        f"ORDER BY ts_rank(c.document, {_TSQUERY}) DESC, c.pk LIMIT %s OFFSET %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, (*params, query, limit, offset))
        rows = cursor.fetchall()
    result = TextMatches()
    if rows:
        by_pk = Entry.objects.in_bulk([pk for pk, _ in rows])
        result.extend(by_pk[pk] for pk, _ in rows if pk in by_pk)
        result.capped = rows[0][1] >= CANDIDATES
    return result
