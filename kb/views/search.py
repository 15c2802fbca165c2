"""The search page, the suggestions under the search box, and similar-name warnings.

``/search/?q=…&kind=group`` lists every entry the reader may see that matches, names
and aliases first, each with why it matched. ``/search/suggest/?q=…`` answers the search
box's suggestions as JSON (``static/js/search.js``); the box is an ordinary form that
works without it. ``/search/similar/?kind=group&name=…`` tells a researcher creating an
entry which existing ones have a similar name, before the form is sent.
"""

from __future__ import annotations

from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from kb.choices import EntryKind
from kb.search import (
    CANDIDATES,
    MAX_PAGE,
    MAX_QUERY,
    PER_PAGE,
    search,
    search_entries,
    similar_entries,
)
from kb.views.editorial_common import TEAM_ONLY

SUGGESTIONS = 8
KIND_TABS = [("", "All"), ("group", "Groups"), ("person", "People"), ("attack", "Attacks")]


@require_GET
def search_page(request):
    query = request.GET.get("q", "")
    kind = request.GET.get("kind", "")
    errors = []
    if kind and kind not in EntryKind.values:
        errors.append(f"There is no kind of entry called “{kind}”; showing all kinds.")
        kind = ""
    number = _page_number(request.GET.get("page"))
    if number is None:
        errors.append("That page number is not one of these results; showing the first page.")
        number = 1
    found = search(query, user=request.user, kinds=[kind] if kind else None, page=number)
    params = {"q": found.query, **({"kind": kind} if kind else {})}
    return render(
        request,
        "kb/search.html",
        {
            "section": "search",
            "search_query": found.query,
            "found": found,
            "first_number": (found.number - 1) * PER_PAGE + 1,
            "kind": kind,
            "kind_tabs": KIND_TABS,
            "params": params,
            "errors": errors,
            "max_query": MAX_QUERY,
            "candidates": CANDIDATES,
        },
        status=400 if errors else 200,
    )


def _page_number(value) -> int | None:
    if not value:
        return 1
    try:
        number = int(value)
    except ValueError:
        return None
    return number if 1 <= number <= MAX_PAGE else None


@require_GET
def search_suggest(request):
    """The best few name matches for the search box, as JSON."""
    query = request.GET.get("q", "")[:MAX_QUERY]
    kind = request.GET.get("kind", "")
    if kind and kind not in EntryKind.values:
        return JsonResponse({"error": f"Unknown kind “{kind}”."}, status=400)
    found = search_entries(
        query, user=request.user, kinds=[kind] if kind else None, limit=SUGGESTIONS
    )
    return JsonResponse({"results": [_suggestion(entry) for entry in found]})


def _suggestion(entry) -> dict:
    return {
        "name": entry.name,
        "kind": entry.kind,
        "kind_label": entry.get_kind_display(),
        "url": entry.get_absolute_url(),
        "match": entry.match,
        "alias": entry.matched_alias,
        "published": entry.is_published,
    }


@require_GET
def search_similar(request):
    """Entries of a kind with a name like the one a researcher is about to create."""
    user = request.user
    if not (user.is_authenticated and user.has_perm("kb.add_revision")):
        return JsonResponse({"error": TEAM_ONLY["kb.add_revision"]}, status=403)
    kind = request.GET.get("kind", "")
    if kind not in EntryKind.values:
        return JsonResponse({"error": f"Unknown kind “{kind}”."}, status=400)
    names = [name[:MAX_QUERY] for name in request.GET.getlist("name")][:20]
    found = similar_entries(kind, names, user=user)
    return JsonResponse({"results": [
        {**_suggestion(entry), "similar_to": entry.similar_to} for entry in found
    ]})
