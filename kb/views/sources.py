"""Sources and places: what the entries cite and where attacks happened."""

from django.shortcuts import get_object_or_404, render

from kb import selectors
from kb.models import Source
from kb.views.common import paginate, query_without_page


def source_detail(request, slug):
    source = get_object_or_404(Source, slug=slug)
    page = paginate(request, selectors.entries_citing(source, request.user))
    return render(
        request,
        "kb/source_detail.html",
        {"section": "sources", "source": source, "page_obj": page,
         "entries": page.object_list, "page_query": query_without_page(request)},
    )


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
