"""What every public page shares: pagination and the lookup of an entry by slug."""

from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404, HttpResponsePermanentRedirect

from kb import selectors


def paginate(request, queryset, *, paginator_class=Paginator, **options):
    """The requested page of ``queryset``; a page that does not exist is a 404.

    Out-of-range pages are refused rather than clamped so that crawlers do not index
    the last page under endless addresses. ``options`` go to ``paginator_class``.
    """
    paginator = paginator_class(queryset, settings.KB["PAGE_SIZE"], **options)
    try:
        return paginator.page(request.GET.get("page") or 1)
    except (EmptyPage, PageNotAnInteger) as exc:
        raise Http404(str(exc)) from None


def query_without_page(request) -> str:
    """The current query string minus ``page``, for the links of a pager."""
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()


def find_entry(request, model, slug, *, select=(), prefetch=(), annotate=None):
    """The entry to show, or the response that stands in for it.

    Returns ``(entry, None)`` or ``(None, redirect)``; raises Http404 for an entry
    the user may not see.
    """
    try:
        entry = selectors.entry_by_slug(
            model, slug=slug, user=request.user, select=select, prefetch=prefetch,
            annotate=annotate,
        )
    except selectors.EntryMoved as moved:
        return None, HttpResponsePermanentRedirect(moved.target.get_absolute_url())
    except model.DoesNotExist:
        raise Http404(f"No {model._meta.verbose_name} is called “{slug}”.") from None
    return entry, None
