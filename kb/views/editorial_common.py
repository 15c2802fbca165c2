"""What the editing, review and history pages share: who may see what, and refusals.

The workflow checks every permission itself; the checks here only decide what a page
shows and answer early, with a message a person can act on, instead of a bare status.
"""

from __future__ import annotations

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import render

from kb.choices import RevisionState
from kb.editorial import workflow
from kb.editorial.snapshot import SCHEMA_VERSION, capture, declaration_for_kind, dump_value
from kb.models import Entry, Revision
from kb.models.entries import can_see_unpublished, visible_q

TEAM_ONLY = {
    "kb.add_revision": "Only the research team can edit entries and see this page.",
    "kb.review_revision": "Only editors review proposals.",
    "kb.archive_entry": "Only editors may archive or restore entries.",
}


def is_team(user) -> bool:
    return can_see_unpublished(user)


def refuse(request, message: str, status: int = 403, *, messages=()):
    """A page saying what was refused and why; nothing has changed."""
    return render(
        request, "kb/editorial/refused.html",
        {"message": message, "details": list(messages), "status": status}, status=status,
    )


def refuse_error(request, exc: Exception):
    """The answer to a workflow error, with the status the error carries."""
    return refuse(request, str(exc), getattr(exc, "status", 400))


def permission_required(perm: str):
    """Sign-in for anonymous visitors, a 403 page for signed-in users without ``perm``."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not request.user.has_perm(perm):
                return refuse(request, TEAM_ONLY[perm], 403)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def visible_entry(request, pk: int) -> Entry:
    entry = (
        Entry.objects.visible_to(request.user).select_related("live_revision")
        .filter(pk=pk).first()
    )
    if entry is None:
        raise Http404("No such entry, or it is not published.")
    return entry


def visible_revisions(user):
    """Revisions a user may open: all of them for the team, approved ones for readers."""
    revisions = Revision.objects.filter(visible_q(user, "entry__"))
    if not is_team(user):
        revisions = revisions.filter(state=RevisionState.APPROVED)
    return revisions


def visible_revision(request, pk: int) -> Revision:
    revision = (
        visible_revisions(request.user)
        .select_related("entry", "entry__live_revision", "author", "reviewer", "base")
        .filter(pk=pk).first()
    )
    if revision is None:
        raise Http404("No such revision, or it is not published.")
    return revision


def blank_snapshot(kind: str) -> dict:
    """The snapshot of an empty entry: what a new entry's first proposal is compared with."""
    decl = declaration_for_kind(kind)
    empty = decl.model()
    return {
        "schema": SCHEMA_VERSION, "kind": kind,
        "fields": {f.name: dump_value(f, empty) for f in decl.fields},
        "m2m": {name: [] for name in decl.decl.m2m},
        "rows": {owned.name: [] for owned in decl.owned},
    }


def live_data(entry: Entry) -> dict:
    """What readers see now: the live tables, or a blank entry before the first approval."""
    if not entry.live_revision_id:
        return blank_snapshot(entry.kind)
    return capture(entry.specific)


def may_approve(user, revision: Revision) -> bool:
    """Whether to offer the approve button; ``workflow.approve`` decides for real."""
    return workflow.may_approve(user, revision)


def is_stale(revision: Revision) -> bool:
    """Whether the live version moved on since the proposal's base."""
    entry = revision.entry
    return bool(entry.live_revision_id) and revision.base_id != entry.live_revision_id


def section_of(kind: str) -> str:
    """The main navigation's section an entry kind belongs to, for ``aria-current``."""
    return {"group": "groups", "person": "people", "attack": "attacks"}.get(kind, "")
