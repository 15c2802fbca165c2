"""Suggestions for the editor's reference inputs, as JSON for ``static/js/autocomplete.js``.

``GET ?type=group|person|attack|entry|source|place&q=…`` (places may add ``kind=country``)
answers ``{"results": [{"value": slug, "label": …}]}``. The value is what the input
submits, so a suggestion and a slug typed by hand are the same thing to the form.
Entries are found by ``kb.search.search_entries`` (names and aliases, folded); the team
also finds unpublished entries, which they may relate to.
"""

from __future__ import annotations

from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from kb.choices import EntryKind, PlaceKind
from kb.models import Place, Source
from kb.search import search_entries
from kb.views.editorial_common import TEAM_ONLY

LIMIT = 20
MAX_QUERY = 100


@never_cache
@require_GET
def autocomplete(request):
    user = request.user
    if not (user.is_authenticated and user.has_perm("kb.add_revision")):
        return JsonResponse({"error": TEAM_ONLY["kb.add_revision"]}, status=403)
    kind = request.GET.get("type", "entry")
    query = request.GET.get("q", "").strip()[:MAX_QUERY]
    if not query:
        return JsonResponse({"results": []})
    if kind in (*EntryKind.values, "entry"):
        kinds = [kind] if kind != "entry" else None
        results = [_entry(e) for e in search_entries(query, user=user, kinds=kinds, limit=LIMIT)]
    elif kind == "source":
        sources = Source.objects.filter(title__icontains=query).order_by("title")[:LIMIT]
        results = [{"value": s.slug, "label": s.title} for s in sources]
    elif kind == "place":
        places = Place.objects.filter(name__icontains=query)
        if request.GET.get("kind") in PlaceKind.values:
            places = places.filter(kind=request.GET["kind"])
        results = [
            {"value": p.slug, "label": f"{p.name} ({p.get_kind_display().lower()})"}
            for p in places.order_by("name")[:LIMIT]
        ]
    else:
        return JsonResponse({"error": f"Unknown type “{kind}”."}, status=400)
    return JsonResponse({"results": results})


def _entry(entry) -> dict:
    label = f"{entry.name} ({entry.get_kind_display().lower()})"
    alias = getattr(entry, "matched_alias", None)
    if alias:
        label += f" — also {alias}"
    if not entry.is_published:
        label += " · unpublished"
    return {"value": entry.slug, "label": label}
