"""The browse pages: lists of groups, people, attacks and sources, filtered and sorted.

A list reads its filters with the FilterSet the API uses (through ``kb.browse``), so its
address is shareable and means the same rows as the API's. Filters that cannot be read
answer 400 with the form, a message beside each field in error and every value echoed
(escaped), and list nothing: a list that quietly ignored a filter would give a
researcher a wrong answer.

An address is first made canonical (no blank parameters, comma lists split, names
given for slugs replaced by the slug) and redirected to, so that the same question
always has the same address.
"""

from urllib.parse import urlencode

from django.http import HttpResponseRedirect, QueryDict
from django.shortcuts import render

from kb import browse
from kb.views.common import paginate


def group_list(request):
    return _browse(request, browse.GROUPS)


def person_list(request):
    return _browse(request, browse.PEOPLE)


def attack_list(request):
    return _browse(request, browse.ATTACKS)


def source_list(request):
    return _browse(request, browse.SOURCES)


def _address(request, params) -> str:
    return request.path + (f"?{urlencode(params)}" if params else "")


def _browse(request, listing: browse.Listing):
    params = listing.filterset.canonical(request.GET)
    if params != [(k, v) for k, values in request.GET.lists() for v in values]:
        return HttpResponseRedirect(_address(request, params))
    filterset = listing.filterset(
        QueryDict(urlencode(params)), queryset=listing.rows(request.user), request=request
    )
    valid = filterset.is_valid()
    if not valid:
        named = filterset.with_slugs_for_names(params)
        if named is not None:
            return HttpResponseRedirect(_address(request, named))
        filterset.mark_errors()
    chips = filterset.chips(params)
    page = None
    if valid:
        # An unfiltered list is (nearly) its whole table: count it by the estimate.
        table = None if chips else listing.model._default_manager.all()
        page = paginate(request, filterset.qs, paginator_class=browse.ListPaginator, table=table)
    kept = [(k, v) for k, v in params if k not in filterset.filters or k == "ordering"]
    context = {
        "section": listing.section,
        "filterset": filterset,
        "form": filterset.form,
        "form_id": browse.FORM_ID,
        "filter_rows": filterset.rows(),
        "hidden_params": filterset.hidden_params(params),
        "chips": chips,
        "clear_url": _address(request, [p for p in kept if p[0] != "page"]),
        "page_obj": page,
        "object_list": page.object_list if page else [],
        "page_query": urlencode([p for p in params if p[0] != "page"]),
        "autocomplete": any("data-autocomplete" in f.widget.attrs
                            for f in filterset.form.fields.values()),
    }
    return render(request, listing.template, context, status=200 if valid else 400)
