"""References between a snapshot's ids and the slugs a researcher types.

A snapshot names related rows by id; the editor shows and accepts slugs (or exact
names). Both directions are batched: ids are looked up in one query per model family
(entries, sources, places) when a form is shown, and every slug typed into a submission
is resolved in one or two queries per family, however many rows it has.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from django.db.models import Q

from kb.models import Entry, Place, Source
from kb.names import normalize_name

# How each family is looked up: its model, its display column, and how a typed name
# that is not a slug may still match.
_FAMILIES = {
    Entry: ("name", lambda names: Q(search_name__in=[normalize_name(n) for n in names])),
    Source: ("title", lambda names: _iexact("title", names)),
    Place: ("name", lambda names: _iexact("name", names)),
}


def _iexact(column: str, names: Iterable[str]) -> Q:
    query = Q(pk__in=[])
    for name in names:
        query |= Q(**{f"{column}__iexact": name})
    return query


def family(model) -> type:
    return next(base for base in _FAMILIES if issubclass(model, base))


def _columns(base, limits: Iterable[dict]) -> list[str]:
    extra = {key for limit in limits for key in limit}
    if base is Entry:
        extra |= {"kind", "search_name"}
    return ["pk", "slug", _FAMILIES[base][0], *sorted(extra)]


class Resolver:
    """Slugs and labels for ids, and ids for typed references, fetched in batches."""

    def __init__(self):
        self._rows: dict[tuple[type, int], dict] = {}

    # Ids -> slugs and labels ---------------------------------------------------------

    def preload(self, wanted: Iterable[tuple[type, int]]) -> None:
        by_family: dict[type, set[int]] = defaultdict(set)
        for model, pk in wanted:
            if pk is not None and (family(model), pk) not in self._rows:
                by_family[family(model)].add(pk)
        for base, ids in by_family.items():
            for row in base._default_manager.filter(pk__in=ids).values(*_columns(base, [])):
                self._rows[(base, row["pk"])] = row

    def slug(self, model, pk) -> str:
        row = self._rows.get((family(model), pk))
        return row["slug"] if row else str(pk)

    def label(self, model, pk) -> str:
        row = self._rows.get((family(model), pk))
        return row[_FAMILIES[family(model)][0]] if row else f"#{pk}"

    # Typed references -> ids -----------------------------------------------------------

    def resolve(self, requests: Iterable[tuple[type, dict, str]]) -> dict:
        """Map each ``(model, limit, text)`` to an id, or to the message saying why not.

        The result is keyed by ``(model, tuple(limit.items()), text)``.
        """
        requests = list(requests)
        by_family: dict[type, list] = defaultdict(list)
        for model, limit, text in requests:
            by_family[family(model)].append((model, limit, text))
        answers = {}
        for base, wanted in by_family.items():
            texts = {text for _, _, text in wanted}
            columns = _columns(base, [limit for _, limit, _ in wanted])
            found = list(self._query(base, Q(slug__in=texts), columns))
            by_slug = {row["slug"]: row for row in found}
            missing = {text for text in texts if text not in by_slug}
            by_name: dict[str, list[dict]] = defaultdict(list)
            if missing:
                named = list(self._query(base, _FAMILIES[base][1](missing), columns))
                for text in missing:
                    by_name[text] = [row for row in named if _names_match(base, row, text)]
            for model, limit, text in wanted:
                candidates = [by_slug[text]] if text in by_slug else by_name.get(text, [])
                answers[(model, tuple(limit.items()), text)] = _choose(
                    model, limit, text, candidates
                )
        return answers

    def _query(self, base, where: Q, columns: list[str]):
        queryset = base._default_manager.filter(where)
        if base is Entry:
            queryset = queryset.filter(redirect_to__isnull=True)
        for row in queryset.values(*columns):
            self._rows[(base, row["pk"])] = row
            yield row


def _names_match(base, row: dict, text: str) -> bool:
    if base is Entry:
        return row["search_name"] == normalize_name(text)
    return row[_FAMILIES[base][0]].casefold() == text.casefold()


def _choose(model, limit: dict, text: str, candidates: list[dict]):
    noun = str(model._meta.verbose_name)
    kind = getattr(model, "_entry_kind", "")
    fitting = [
        row for row in candidates
        if (not kind or row["kind"] == kind) and all(row.get(k) == v for k, v in limit.items())
    ]
    if len(fitting) == 1:
        return fitting[0]["pk"]
    if len(fitting) > 1:
        return f"Several {model._meta.verbose_name_plural} are called “{text}”; type the address."
    if candidates:
        other = candidates[0].get("kind") or "something else"
        wanted = limit.get("kind") or kind or noun
        return f"“{text}” is a {other}; choose a {wanted} here."
    return f"No {noun} has the address or name “{text}”."
