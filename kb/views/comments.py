"""Posting a comment on a published entry."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_POST

from kb import comments
from kb.models import Entry
from kb.spam.forms import CommentForm
from kb.spam.ratelimit import client_ip
from kb.views import entries

PUBLISHED_MESSAGE = "Your comment is published."
HELD_MESSAGE = (
    "Your comment is held for moderation: it will appear once a moderator has read it."
)
DETAIL_VIEWS = {
    "group": entries.group_detail,
    "person": entries.person_detail,
    "attack": entries.attack_detail,
}


def _page_with_form(request, entry, form, status):
    """The entry's own page, its comment form showing what went wrong."""
    request.comment_form = form
    response = DETAIL_VIEWS[entry.kind](request, entry.slug)
    response.status_code = status
    return response


@require_POST
def post_comment(request, pk):
    """Send a comment through the filter; say whether it is published or held, not why."""
    entry = get_object_or_404(Entry.objects.published(), pk=pk, redirect_to__isnull=True)
    form = CommentForm(request.POST, entry=entry, user=request.user)
    if not form.is_valid():
        return _page_with_form(request, entry, form, 400)
    data = form.cleaned_data
    try:
        posted = comments.post_comment(
            entry=entry, body=data["body"], user=request.user,
            author_name=data.get("author_name", ""), author_email=data.get("author_email", ""),
            parent=data["parent"], ip=client_ip(request),
            user_agent=request.META.get("HTTP_USER_AGENT", ""),
            honeypot=data["website"], token=data["token"],
        )
    except comments.CommentsClosed:
        raise Http404("Comments are open on published entries only.") from None
    except comments.RateLimited as exc:
        response = HttpResponse(
            "Too many comments from your address in a short time. Wait a minute and "
            "send it again.\n", status=429, content_type="text/plain; charset=utf-8",
        )
        response["Retry-After"] = str(exc.retry_after)
        return response
    except ValidationError as exc:
        for field, errors in exc.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
        return _page_with_form(request, entry, form, 400)
    if posted.is_published:
        messages.success(request, PUBLISHED_MESSAGE)
        return redirect(f"{entry.get_absolute_url()}#comment-{posted.comment.pk}")
    messages.info(request, HELD_MESSAGE)
    return redirect(f"{entry.get_absolute_url()}#comments")
