"""The editorial workflow: the only write path from a proposal to the live tables.

Views, the admin panel, the demo loader and commands all call these functions, and the
functions check permissions themselves, so no door skips review. Each function takes
keyword arguments and returns the revision it wrote.

States: draft → pending → approved | rejected; an editor may also send a pending
proposal back to draft with a note. Approved revisions are never edited again.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from accounts import audit
from accounts.roles import Role
from kb.choices import RevisionState
from kb.editorial import merge
from kb.editorial.snapshot import apply, capture
from kb.models import Entry, Revision

KIND_MODELS = {"group": "Group", "person": "Person", "attack": "Attack"}


class EditorialError(Exception):
    """A workflow step that cannot happen; ``status`` is the HTTP answer that fits."""

    status = 400


class NotAllowed(EditorialError, PermissionDenied):
    status = 403


class WrongState(EditorialError):
    status = 409


class MergeConflict(EditorialError):
    """Live and proposal changed the same things; the reviewer must choose."""

    status = 409

    def __init__(self, result: merge.MergeResult):
        super().__init__(f"{len(result.conflicts)} change(s) clash with the live version.")
        self.result = result


class _Rollback(Exception):
    pass


# Permissions -------------------------------------------------------------------------


def may_edit(user) -> bool:
    return user.is_authenticated and user.has_perm("kb.add_revision")


def may_review(user) -> bool:
    return user.is_authenticated and user.has_perm("kb.review_revision")


def may_approve(user, revision: Revision) -> bool:
    """Whether ``user`` may approve ``revision`` now (four eyes, with its two exceptions)."""
    if not may_review(user) or revision.state != RevisionState.PENDING:
        return False
    if revision.author_id != user.pk:
        return True
    return user.role == Role.ADMINISTRATOR or settings.KB["EDITORS_MAY_PUBLISH_DIRECTLY"]


def _ensure_may_edit(user) -> None:
    if not may_edit(user):
        raise NotAllowed("Only the research team can propose changes.")


def _ensure_may_review(user, revision: Revision) -> bool:
    """Allow the review or raise; return whether it is an approval of one's own work."""
    if not may_review(user):
        raise NotAllowed("Only editors review proposals.")
    if revision.author_id != user.pk:
        return False
    if user.role == Role.ADMINISTRATOR or settings.KB["EDITORS_MAY_PUBLISH_DIRECTLY"]:
        return True
    raise NotAllowed("Nobody approves their own proposal: another editor must review it.")


def _ensure_state(revision: Revision, *states: str) -> None:
    if revision.state not in states:
        raise WrongState(
            f"This revision is {revision.get_state_display().lower()}; it cannot be changed "
            "that way any more."
        )


# Validation --------------------------------------------------------------------------


def validate(entry, data: dict) -> dict:
    """Return ``data`` as approval would publish it, or raise ``ValidationError``.

    The data is applied inside a transaction that is always rolled back, so every
    model rule and database constraint is checked exactly as approval will check it, and
    values the model derives (an attack's country from its place) show in the result.
    """
    validated = {}
    try:
        with transaction.atomic():
            specific = entry.specific if entry.pk else entry
            apply(specific, data)
            validated = capture(specific)
            raise _Rollback
    except _Rollback:
        pass
    finally:
        if entry.pk:
            entry.refresh_from_db()
    return validated


# Proposals ---------------------------------------------------------------------------


@transaction.atomic
def create_entry(*, kind: str, author, data: dict, summary: str, submit: bool = False) -> Revision:
    """Create an unpublished entry from a proposal; readers see it once approved."""
    _ensure_may_edit(author)
    from django.apps import apps

    entry = apps.get_model("kb", KIND_MODELS[kind])()
    apply(entry, data)
    return Revision.objects.create(
        entry=entry, data=capture(entry), author=author, summary=_summary(summary),
        base=None, **_state_fields(submit),
    )


@transaction.atomic
def propose(
    *, entry, author, data: dict, summary: str, base: Revision | None, submit: bool = False,
    draft: Revision | None = None,
) -> Revision:
    """Save a change to an entry as a draft (or submit it), without touching live content.

    ``base`` is the live revision the author started from; a proposal made on an old
    base is merged at approval, never applied over newer work. ``draft`` is the author's
    own draft to update instead of starting a new revision.
    """
    _ensure_may_edit(author)
    if base is not None and (base.entry_id != entry.pk or base.state != RevisionState.APPROVED):
        raise EditorialError("The version this edit started from does not belong to this entry.")
    data = validate(entry, data)
    fields = {"data": data, "summary": _summary(summary), "base": base, **_state_fields(submit)}
    if draft is None:
        return Revision.objects.create(entry=entry, author=author, **fields)
    draft = Revision.objects.select_for_update().get(pk=draft.pk)
    if draft.author_id != author.pk or draft.entry_id != entry.pk:
        raise NotAllowed("Only its author can change a draft.")
    _ensure_state(draft, RevisionState.DRAFT)
    for name, value in fields.items():
        setattr(draft, name, value)
    draft.save()
    return draft


@transaction.atomic
def submit(*, revision: Revision, user) -> Revision:
    """Send a draft to the review queue."""
    _ensure_may_edit(user)
    revision = Revision.objects.select_for_update().get(pk=revision.pk)
    if revision.author_id != user.pk:
        raise NotAllowed("Only its author can submit a draft.")
    _ensure_state(revision, RevisionState.DRAFT)
    revision.state, revision.submitted_at = RevisionState.PENDING, timezone.now()
    revision.save(update_fields=["state", "submitted_at"])
    return revision


def revert(*, entry, to: Revision, author, summary: str = "", submit: bool = True) -> Revision:
    """Propose the content of an earlier revision again, relations and citations included."""
    if to.entry_id != entry.pk or to.state != RevisionState.APPROVED:
        raise EditorialError("Only an approved revision of this entry can be restored.")
    return propose(
        entry=entry, author=author, data=to.data, base=entry.live_revision, submit=submit,
        summary=summary or f"Revert to the version of {to.created_at:%d %B %Y, %H:%M}",
    )


def set_archived(*, entry, author, archived: bool, summary: str) -> Revision:
    """Propose archiving (or restoring) an entry; like any change, it is reviewed."""
    if not author.has_perm("kb.archive_entry"):
        raise NotAllowed("Only editors may archive or restore entries.")
    data = entry.live_revision.data if entry.live_revision else capture(entry.specific)
    data = {**data, "fields": {**data["fields"], "is_archived": archived}}
    return propose(
        entry=entry, author=author, data=data, summary=summary, base=entry.live_revision,
        submit=True,
    )


# Review ------------------------------------------------------------------------------


@transaction.atomic
def approve(
    *, revision: Revision, reviewer, note: str = "", resolutions: dict[str, str] | None = None
) -> Revision:
    """Publish a pending revision, merging it onto live content that moved on since its base.

    The entry row is locked first, so two approvals of the same entry run one after the
    other and the second merges onto the first. Conflicts raise ``MergeConflict`` unless
    ``resolutions`` chooses a side for each.
    """
    entry = Entry.objects.select_for_update().get(pk=revision.entry_id)
    revision = Revision.objects.select_for_update().get(pk=revision.pk)
    _ensure_state(revision, RevisionState.PENDING)
    own = _ensure_may_review(reviewer, revision)
    specific = entry.specific

    data, merged_note = revision.data, ""
    if entry.live_revision_id and entry.live_revision_id != revision.base_id:
        base = revision.base.data if revision.base_id else {}
        result = merge.three_way(base=base, live=capture(specific), proposed=revision.data)
        if result.conflicts:
            if not resolutions:
                raise MergeConflict(result)
            try:
                data = merge.resolve(result, resolutions)
            except KeyError as missing:
                raise MergeConflict(result) from missing
        else:
            data = result.merged
        merged_note = "Merged onto the newer live version."

    apply(specific, data)
    now = timezone.now()
    Entry.objects.filter(pk=entry.pk).update(
        live_revision=revision, published_at=entry.published_at or now
    )
    revision.data = capture(specific)
    revision.state, revision.reviewer, revision.reviewed_at = RevisionState.APPROVED, reviewer, now
    revision.review_note = "\n".join(filter(None, [note, merged_note]))
    revision.self_approved = own
    revision.save()
    audit.record("revision_approved", actor=reviewer, target=revision, detail=revision.review_note)
    return revision


@transaction.atomic
def reject(*, revision: Revision, reviewer, note: str) -> Revision:
    """Close a proposal without publishing it; the author sees the note."""
    return _close(revision, reviewer, note, RevisionState.REJECTED)


@transaction.atomic
def send_back(*, revision: Revision, reviewer, note: str) -> Revision:
    """Return a proposal to its author's drafts, with what to change."""
    return _close(revision, reviewer, note, RevisionState.DRAFT)


def _close(revision: Revision, reviewer, note: str, state: str) -> Revision:
    revision = Revision.objects.select_for_update().get(pk=revision.pk)
    _ensure_state(revision, RevisionState.PENDING)
    if not may_review(reviewer):
        raise NotAllowed("Only editors review proposals.")
    if not note.strip():
        raise ValidationError({"note": "Tell the author why."})
    revision.state, revision.review_note = state, note.strip()
    revision.reviewer, revision.reviewed_at = reviewer, timezone.now()
    if state == RevisionState.DRAFT:
        revision.reviewed_at = None
    revision.save()
    audit.record("revision_rejected" if state == RevisionState.REJECTED else "revision_sent_back",
                 actor=reviewer, target=revision, detail=revision.review_note)
    return revision


# Direct edits ------------------------------------------------------------------------


@transaction.atomic
def record_direct_edit(*, entry, user, summary: str, publish: bool = False) -> Revision | None:
    """Record what the live tables hold now as an approved revision by ``user``.

    For doors that write the tables themselves (the admin panel, the demo loader), so
    the history stays complete whichever door was used. Nothing is recorded when the
    content equals the live revision.
    """
    entry = Entry.objects.select_for_update().get(pk=entry.pk)
    specific = entry.specific
    data = capture(specific)
    live = entry.live_revision
    if live is not None and live.data == data:
        return None
    now = timezone.now()
    revision = Revision.objects.create(
        entry=entry, data=data, author=user, summary=_summary(summary), base=live,
        state=RevisionState.APPROVED, reviewer=user, reviewed_at=now, submitted_at=now,
        self_approved=True, review_note="Edited directly, outside the review queue.",
    )
    published_at = entry.published_at or (now if publish else None)
    Entry.objects.filter(pk=entry.pk).update(live_revision=revision, published_at=published_at)
    return revision


def _summary(summary: str) -> str:
    summary = (summary or "").strip()
    if not summary:
        raise ValidationError({"summary": "Say what changed and why."})
    return summary[:300]


def _state_fields(submit: bool) -> dict:
    if submit:
        return {"state": RevisionState.PENDING, "submitted_at": timezone.now()}
    return {"state": RevisionState.DRAFT}
