"""Sources and places: what the entries cite and where attacks happened."""

from django.shortcuts import get_object_or_404, render

from kb import selectors
from kb.choices import EntryKind
from kb.models import Source
from kb.views import presenting
from kb.views.common import paginate, query_without_page


def source_detail(request, slug):
    source = get_object_or_404(Source, slug=slug)
    page = paginate(request, selectors.entries_citing(source, request.user))
    entries = list(page.object_list)
    for entry in entries:
        presenting.label_citations(entry, entry.citations_of_source)
    counts = selectors.citing_counts(source, request.user)
    return render(
        request,
        "kb/source_detail.html",
        {"section": "sources", "source": source, "page_obj": page, "entries": entries,
         "citing": [_count_of(kind, counts[kind]) for kind in EntryKind if counts.get(kind)],
         "page_query": query_without_page(request)},
    )


def _count_of(kind: str, n: int) -> str:
    meta = presenting.ENTRY_MODELS[kind]._meta
    return f"{n} {meta.verbose_name if n == 1 else meta.verbose_name_plural}"


def place_detail(request, slug):
    place = get_object_or_404(selectors.places_with_chain(), slug=slug)
    page = paginate(request, selectors.attacks_at(place, request.user))
    return render(
        request,
        "kb/place_detail.html",
        {
            "place": place,
            "ancestors": place.ancestors(),
            "children": list(selectors.place_children(place)),
            "groups": list(selectors.groups_active_in(place, request.user)),
            "page_obj": page,
            "attacks": page.object_list,
            "page_query": query_without_page(request),
        },
    )
