"""Reviewing proposals: the queue, a proposal against the live version, the decisions.

Every decision is a POST to its own address and goes through the workflow, which
checks the reviewer's rights and the revision's state again; a refusal is answered
with the status the workflow's error carries (403, 409 …) and changes nothing.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from kb.choices import EntryKind, RevisionState
from kb.editorial import merge, workflow
from kb.editorial.diff import diff
from kb.forms import ReviewNoteForm, present_conflicts, resolutions_from
from kb.models import Revision
from kb.views.common import paginate, query_without_page
from kb.views.editorial_common import (
    blank_snapshot,
    is_stale,
    is_team,
    live_data,
    may_approve,
    permission_required,
    refuse,
    refuse_error,
    section_of,
    visible_revision,
)

DECISIONS = ("approve", "reject", "send_back")


def revision_detail(request, pk: int):
    revision = visible_revision(request, pk)
    return _detail(request, revision)


def _detail(request, revision, *, forms=None, status: int = 200):
    """The revision beside what it changes: the live version, its base or its predecessor.

    For a proposal written on an older version, "merged" shows what approving it would
    publish: the three-way merge onto the live version, clashes left at their live value.
    """
    entry = revision.entry
    against = request.GET.get("against", "")
    stale = _open(revision) and is_stale(revision)
    previous, clashes, new = None, None, revision.data
    if revision.state == RevisionState.APPROVED:
        previous = (
            entry.revisions.approved()
            .filter(reviewed_at__lt=revision.reviewed_at).order_by("-reviewed_at", "-pk").first()
        )
    if against == "base" and revision.base_id:
        old, shown = revision.base.data, "base"
    elif revision.state == RevisionState.APPROVED and against != "live":
        old = previous.data if previous else blank_snapshot(entry.kind)
        shown = "previous"
    else:
        old, shown = live_data(entry), "live"
    if stale and shown == "live":
        base = revision.base.data if revision.base_id else {}
        result = merge.three_way(base=base, live=old, proposed=revision.data)
        clashes = len(result.conflicts)
        if against == "merged":
            new, shown = result.merged, "merged"
    forms = forms or {}
    user = request.user
    context = {
        "revision": revision, "entry": entry, "changes": diff(old, new), "against": shown,
        "previous": previous, "stale": stale, "clashes": clashes,
        "is_author": revision.author_id == user.pk, "team": is_team(user),
        "may_approve": may_approve(user, revision),
        "may_decide": workflow.may_review(user) and revision.state == RevisionState.PENDING,
        "approve_form": forms.get("approve") or ReviewNoteForm(prefix="approve"),
        "reject_form": forms.get("reject") or ReviewNoteForm(prefix="reject", note_required=True),
        "send_back_form": forms.get("send_back")
        or ReviewNoteForm(prefix="send_back", note_required=True),
        "section": section_of(entry.kind),
    }
    return render(request, "kb/editorial/revision_detail.html", context, status=status)


def _open(revision) -> bool:
    return revision.state in (RevisionState.DRAFT, RevisionState.PENDING)


# Decisions ----------------------------------------------------------------------------


@require_POST
@permission_required("kb.add_revision")
def revision_submit(request, pk: int):
    revision = visible_revision(request, pk)
    try:
        workflow.submit(revision=revision, user=request.user)
    except workflow.EditorialError as exc:
        return refuse_error(request, exc)
    messages.success(request, "Submitted for review.")
    return redirect("kb:revision-detail", pk=revision.pk)


@require_POST
@permission_required("kb.add_revision")
def revision_approve(request, pk: int):
    revision = visible_revision(request, pk)
    form = ReviewNoteForm(request.POST, prefix="approve")
    note = form.cleaned_data["note"] if form.is_valid() else ""
    chosen = resolutions_from(request.POST)
    try:
        workflow.approve(revision=revision, reviewer=request.user, note=note,
                         resolutions=chosen or None)
    except workflow.MergeConflict as conflict:
        return _conflicts(request, revision, conflict, chosen, note)
    except workflow.EditorialError as exc:
        return refuse_error(request, exc)
    except ValidationError as exc:
        return refuse(
            request, "This proposal cannot be published as it stands; send it back to its "
            "author with what to fix.", 400, messages=exc.messages,
        )
    messages.success(request, f"Approved and published: {revision.entry}.")
    return redirect("kb:review-queue")


def _conflicts(request, revision, conflict, chosen: dict, note: str):
    """Base, live and proposal side by side, with a choice for each clash."""
    revision.refresh_from_db()
    views = present_conflicts(revision.entry.kind, conflict.result.conflicts, chosen)
    missing = "resolving" in request.POST and any(not view.choice for view in views)
    return render(
        request, "kb/editorial/conflicts.html",
        {"revision": revision, "entry": revision.entry, "conflicts": views, "note": note,
         "missing": missing, "section": section_of(revision.entry.kind),
         "send_back_form": ReviewNoteForm(prefix="send_back", note_required=True)},
        status=409,
    )


@require_POST
@permission_required("kb.add_revision")
def revision_reject(request, pk: int):
    return _close(request, pk, "reject", workflow.reject, "Rejected; the author sees your note.")


@require_POST
@permission_required("kb.add_revision")
def revision_send_back(request, pk: int):
    return _close(request, pk, "send_back", workflow.send_back,
                  "Sent back to the author's drafts with your note.")


def _close(request, pk, prefix, action, done: str):
    revision = visible_revision(request, pk)
    form = ReviewNoteForm(request.POST, prefix=prefix, note_required=True)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    try:
        action(revision=revision, reviewer=request.user, note=note)
    except workflow.EditorialError as exc:
        return refuse_error(request, exc)
    except ValidationError as exc:
        for message in exc.message_dict.get("note", exc.messages):
            if message not in form.errors.get("note", []):
                form.add_error("note", message)
        return _detail(request, revision, forms={prefix: form}, status=400)
    messages.success(request, done)
    return redirect("kb:review-queue")


# Lists --------------------------------------------------------------------------------


@permission_required("kb.review_revision")
def review_queue(request):
    """Pending proposals, oldest first, so none waits for ever."""
    pending = Revision.objects.pending().select_related("entry", "author")
    kind = request.GET.get("kind", "")
    if kind in EntryKind.values:
        pending = pending.filter(entry__kind=kind)
    author = request.GET.get("author", "")
    if author:
        pending = pending.filter(author__username=author)
    page = paginate(request, pending.order_by("submitted_at", "created_at", "pk"))
    authors = (
        get_user_model().objects.filter(revisions__state=RevisionState.PENDING)
        .distinct().order_by("username")
    )
    return render(request, "kb/editorial/review_queue.html", {
        "page_obj": page, "revisions": page.object_list, "page_query": query_without_page(request),
        "kinds": EntryKind.choices, "kind": kind, "authors": authors, "author": author,
        "section": "review",
    })


@permission_required("kb.add_revision")
def my_work(request):
    """The signed-in member's own proposals, newest first, with what became of each."""
    own = Revision.objects.filter(author=request.user)
    counts = dict(own.order_by().values_list("state").annotate(n=Count("pk")))
    state = request.GET.get("state", "")
    if state in RevisionState.values:
        own = own.filter(state=state)
    page = paginate(request, own.select_related("entry", "reviewer").order_by("-created_at", "-pk"))
    states = [(value, label, counts.get(value, 0)) for value, label in RevisionState.choices]
    return render(request, "kb/editorial/my_work.html", {
        "page_obj": page, "revisions": page.object_list, "page_query": query_without_page(request),
        "states": states, "state": state, "total": sum(counts.values()), "section": "my-work",
    })
