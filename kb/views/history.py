"""An entry's history: its revisions, any two compared, revert and archive.

Readers see the approved revisions of published entries (the public record of how a
profile changed); the research team also sees proposals, drafts and rejections. Who
wrote or reviewed a revision is shown to the team only: the people who document
militant groups are not named to the public by this site.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from kb.choices import RevisionState
from kb.editorial import workflow
from kb.editorial.diff import diff
from kb.forms import ArchiveForm, RevertForm
from kb.views.common import paginate
from kb.views.editorial_common import (
    is_team,
    permission_required,
    refuse,
    refuse_error,
    section_of,
    visible_entry,
    visible_revisions,
)


def entry_history(request, pk: int):
    entry = visible_entry(request, pk)
    revisions = (
        visible_revisions(request.user).filter(entry=entry)
        .select_related("author", "reviewer").order_by("-created_at", "-pk")
    )
    only_published = request.GET.get("only") == "published"
    if only_published:
        revisions = revisions.filter(state=RevisionState.APPROVED)
    page = paginate(request, revisions)
    rows = list(page.object_list)
    user = request.user
    return render(request, "kb/editorial/history.html", {
        "entry": entry, "page_obj": page, "revisions": rows, "only_published": only_published,
        "page_query": "only=published" if only_published else "",
        "team": is_team(user), "may_edit": workflow.may_edit(user),
        "may_archive": user.has_perm("kb.archive_entry"),
        "archive_form": ArchiveForm(), "revert_form": RevertForm(),
        "compare_from": rows[1].pk if len(rows) > 1 else None,
        "compare_to": rows[0].pk if rows else None,
        "section": section_of(entry.kind),
    })


def revision_compare(request, pk: int):
    """Two revisions of one entry, field by field (``?from=<id>&to=<id>``)."""
    entry = visible_entry(request, pk)
    wanted = [request.GET.get("from", ""), request.GET.get("to", "")]
    if not all(value.isdigit() for value in wanted):
        return refuse(request, "Choose two revisions of this entry to compare.", 400)
    found = {
        r.pk: r for r in visible_revisions(request.user)
        .filter(entry=entry, pk__in=[int(v) for v in wanted]).select_related("author")
    }
    if any(int(value) not in found for value in wanted):
        return refuse(request, "One of these revisions does not exist, belongs to another "
                               "entry, or is not published.", 404)
    older, newer = sorted((found[int(v)] for v in wanted), key=lambda r: (r.created_at, r.pk))
    return render(request, "kb/editorial/compare.html", {
        "entry": entry, "pair": [("Older", older), ("Newer", newer)],
        "changes": diff(older.data, newer.data),
        "team": is_team(request.user), "section": section_of(entry.kind),
    })


@require_POST
@permission_required("kb.add_revision")
def entry_revert(request, pk: int):
    entry = visible_entry(request, pk)
    form = RevertForm(request.POST)
    if not form.is_valid():
        return refuse(request, "Choose the version to restore.", 400)
    to = entry.revisions.filter(pk=form.cleaned_data["revision"]).first()
    if to is None:
        return refuse(request, "That version does not belong to this entry.", 409)
    try:
        revision = workflow.revert(entry=entry, to=to, author=request.user,
                                   summary=form.cleaned_data["summary"])
    except workflow.EditorialError as exc:
        return refuse_error(request, exc)
    except ValidationError as exc:
        return refuse(request, "That version no longer fits the knowledge base as it is now.",
                      400, messages=exc.messages)
    messages.success(request, "The revert is proposed; it is published once an editor approves it.")
    return redirect("kb:revision-detail", pk=revision.pk)


@require_POST
@permission_required("kb.archive_entry")
def entry_archive(request, pk: int):
    entry = visible_entry(request, pk)
    archived = request.POST.get("archived") == "1"
    form = ArchiveForm(request.POST)
    if not form.is_valid():
        return refuse(request, "Say why the entry should be archived or restored.", 400)
    if archived == entry.is_archived:
        state = "archived" if archived else "not archived"
        return refuse(request, f"This entry is already {state}.", 409)
    try:
        revision = workflow.set_archived(entry=entry, author=request.user, archived=archived,
                                         summary=form.cleaned_data["summary"])
    except workflow.EditorialError as exc:
        return refuse_error(request, exc)
    except ValidationError as exc:
        return refuse(request, "The entry cannot be archived as it stands.", 400,
                      messages=exc.messages)
    what = "Archiving" if archived else "Restoring"
    messages.success(request, f"{what} is proposed; another editor reviews it.")
    return redirect("kb:revision-detail", pk=revision.pk)

