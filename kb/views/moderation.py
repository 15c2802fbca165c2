"""The moderators' queues of comments: pending and spam, newest first, with actions."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode

from kb import comments
from kb.choices import CommentState
from kb.models import Comment
from kb.spam.context_processors import queue_counts
from kb.views.common import paginate

QUEUES = {
    "pending": ("Held for moderation", CommentState.PENDING),
    "spam": ("Filed as spam", CommentState.SPAM),
}


def _queue(request) -> str:
    name = request.GET.get("queue") or request.POST.get("queue") or "pending"
    return name if name in QUEUES else "pending"


@login_required
@permission_required("kb.moderate_comment", raise_exception=True)
def moderation_queue(request):
    queue = _queue(request)
    if request.method == "POST":
        return _act(request, queue)
    title, state = QUEUES[queue]
    waiting = (
        Comment.objects.filter(state=state).select_related("entry", "user", "parent")
        .defer("author_email", "ip_address", "user_agent")
        .order_by("-created_at", "-pk")
    )
    page = paginate(request, waiting)
    return render(request, "kb/moderation.html", {
        "section": "moderation",
        "queue": queue,
        "title": title,
        "queues": [(name, label) for name, (label, _) in QUEUES.items()],
        "counts": queue_counts(),
        "page_obj": page,
        "object_list": page.object_list,
        "page_query": urlencode({"queue": queue}),
        "actions": comments.ACTIONS,
    })


def _act(request, queue):
    """One action on one comment ("spam:12") or on every ticked comment ("spam")."""
    action, _, single = (request.POST.get("action") or "").partition(":")
    if action not in comments.ACTIONS:
        messages.error(request, "Choose an action.")
        return redirect(_back(request, queue))
    ids = [single] if single else request.POST.getlist("ids")
    ids = [int(i) for i in ids if str(i).isdigit()]
    if not ids:
        messages.error(request, "Tick at least one comment.")
        return redirect(_back(request, queue))
    chosen = Comment.objects.filter(pk__in=ids).order_by("pk")
    done = comments.moderate_comments(comments=chosen, action=action, moderator=request.user)
    label = comments.ACTIONS[action].lower()
    messages.success(request, f"{label.capitalize()}: {done} comment{'s' if done != 1 else ''}.")
    return redirect(_back(request, queue))


def _back(request, queue) -> str:
    # The first page: handled comments leave the queue, so later pages shift.
    return f"{reverse('kb:moderation')}?{urlencode({'queue': queue})}"
