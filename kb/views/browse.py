"""The browse pages: lists of groups, people, attacks and sources."""

from django.http import Http404
from django.shortcuts import render

from kb import selectors
from kb.views.common import paginate, query_without_page


def _list(request, template, queryset, section, **extra):
    page = paginate(request, queryset)
    return render(
        request,
        template,
        {
            "section": section,
            "page_obj": page,
            "object_list": page.object_list,
            "page_query": query_without_page(request),
            **extra,
        },
    )


def group_list(request):
    return _list(request, "kb/group_list.html", selectors.group_list(request.user), "groups")


def person_list(request):
    return _list(request, "kb/person_list.html", selectors.person_list(request.user), "people")


def attack_list(request):
    group = None
    slug = request.GET.get("group")
    if slug:
        group = selectors.visible_group(request.user, slug)
        if group is None:
            raise Http404(f"No group is called “{slug}”.")
    attacks = selectors.attack_list(request.user, group=group)
    return _list(request, "kb/attack_list.html", attacks, "attacks", group=group)


def source_list(request):
    page = paginate(request, selectors.source_list())
    return render(
        request,
        "kb/source_list.html",
        {"section": "sources", "page_obj": page, "object_list": page.object_list,
         "page_query": query_without_page(request)},
    )
