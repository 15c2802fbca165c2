"""Creating and editing entries: the one form every kind shares.

An edit starts from a snapshot (the live version, the author's own draft, or nothing)
and ends in ``workflow.create_entry`` or ``workflow.propose``; nothing here writes a
table. The form carries the revision it started from; when the live version has moved
on since, the researcher sees what changed and may save anyway, since approval merges.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse

from kb.choices import RevisionState
from kb.editorial import workflow
from kb.editorial.diff import diff
from kb.editorial.snapshot import capture, declaration_for_kind
from kb.forms import EntryEditor, ProposalForm
from kb.models import Revision
from kb.search import similar_entries
from kb.views.editorial_common import (
    blank_snapshot,
    live_data,
    permission_required,
    refuse,
    refuse_error,
    section_of,
    visible_entry,
    visible_revision,
)

SAVE_ACTIONS = ("draft", "submit")


class BadBase(workflow.EditorialError):
    """The posted base revision cannot be what this edit started from."""

    def __init__(self, message: str, status: int):
        super().__init__(message)
        self.status = status


@permission_required("kb.add_revision")
def entry_create(request, kind: str):
    if kind not in workflow.KIND_MODELS:
        raise Http404(f"No kind of entry is called “{kind}”.")
    start = blank_snapshot(kind)
    if request.method == "POST" and request.POST.get("proposal-base"):
        return refuse(request, "A new entry has no earlier version to start from.", 400)
    return _edit_page(request, kind=kind, entry=None, draft=None, start=start, base=None)


@permission_required("kb.add_revision")
def entry_edit(request, pk: int):
    entry = visible_entry(request, pk).specific
    if request.method == "POST":
        try:
            base = _posted_base(request, entry, expected=None)
        except BadBase as exc:
            return refuse_error(request, exc)
    else:
        base = entry.live_revision
    # The live tables are the base while nobody has published since; a stale base is
    # read from its revision, so that the form's rows match those it was built from.
    fresh = base is None or base.pk == entry.live_revision_id
    start = capture(entry) if fresh else base.data
    return _edit_page(request, kind=entry.kind, entry=entry, draft=None, start=start, base=base)


@permission_required("kb.add_revision")
def revision_edit(request, pk: int):
    """Continue one's own draft (a new one, or one an editor sent back)."""
    draft = visible_revision(request, pk)
    if draft.author_id != request.user.pk:
        return refuse(request, "Only its author can change a draft.", 403)
    if draft.state != RevisionState.DRAFT:
        return refuse(
            request, f"This proposal is {draft.get_state_display().lower()}; only drafts can "
            "be changed. Edit the entry to start a new proposal.", 409,
        )
    entry = draft.entry.specific
    base = draft.base
    if request.method == "POST":
        try:
            base = _posted_base(request, entry, expected=draft.base_id or 0)
        except BadBase as exc:
            return refuse_error(request, exc)
    return _edit_page(request, kind=entry.kind, entry=entry, draft=draft, start=draft.data,
                      base=base)


def _posted_base(request, entry, *, expected: int | None) -> Revision | None:
    """The base revision the form carries, checked against the entry it claims to edit."""
    raw = request.POST.get("proposal-base", "").strip()
    if not raw:
        if expected:
            raise BadBase("This draft's base version is missing from the form. Nothing "
                          "was saved; reload the editor.", 400)
        return None
    if not raw.isdigit():
        raise BadBase("The version this edit started from is not a revision number. "
                      "Nothing was saved; reload the editor.", 400)
    base = Revision.objects.filter(pk=int(raw)).first()
    wrong = (
        base is None or base.entry_id != entry.pk or base.state != RevisionState.APPROVED
        or (expected is not None and base.pk != expected)
    )
    if wrong:
        raise BadBase("The version this edit started from is not a published version of "
                      "this entry. Nothing was saved; reload the editor and start again.", 409)
    return base


def _edit_page(request, *, kind, entry, draft, start, base):
    model = declaration_for_kind(kind).model
    creating = entry is None
    live_id = entry.live_revision_id if entry else None
    stale = not creating and (base.pk if base else None) != live_id
    context = {
        "kind": kind, "noun": model._meta.verbose_name, "entry": entry, "draft": draft,
        "base": base, "creating": creating, "stale": stale, "live_id": live_id,
        "section": section_of(kind),
    }
    if stale:
        context["changes_since"] = diff(base.data if base else blank_snapshot(kind),
                                        live_data(entry))
    if entry is not None and draft is None:
        context["own_draft"] = (
            Revision.objects.filter(entry=entry, author=request.user, state=RevisionState.DRAFT)
            .order_by("-created_at").first()
        )

    if request.method != "POST":
        editor = EntryEditor(model, start=start, creating=creating)
        proposal = ProposalForm(prefix="proposal", initial={"base": base.pk if base else ""})
        return _render(request, context, editor, proposal)

    data, added = _with_added_row(request.POST, model)
    editor = EntryEditor(model, start=start, data=data, creating=creating)
    action = data.get("action", "")
    if added or action not in SAVE_ACTIONS:
        proposal = ProposalForm(prefix="proposal", initial={
            "summary": data.get("proposal-summary", ""), "base": data.get("proposal-base", ""),
        })
        if action == "preview":
            context["preview"] = editor.preview()
        return _render(request, context, editor, proposal)

    proposal = ProposalForm(data, prefix="proposal")
    valid = editor.is_valid()
    valid = proposal.is_valid() and valid
    if not valid:
        return _render(request, context, editor, proposal, status=400)
    if stale and data.get("stale_ok") != str(live_id or ""):
        context["stale_unconfirmed"] = True
        return _render(request, context, editor, proposal, status=409)
    if creating and not data.get("duplicate_ok"):
        context["duplicates"] = _similar(request.user, kind, editor.data)
        if context["duplicates"]:
            return _render(request, context, editor, proposal, status=409)
    try:
        revision = _save(request, kind=kind, entry=entry, draft=draft, base=base,
                         data=editor.data, summary=proposal.cleaned_data["summary"],
                         submit=action == "submit")
    except ValidationError as exc:
        editor.add_errors(exc)
        return _render(request, context, editor, proposal, status=400)
    except IntegrityError:
        editor.form.add_error(None, "Another change landed at the same moment and clashes "
                              "with this one. Nothing was saved; save again.")
        return _render(request, context, editor, proposal, status=409)
    except workflow.EditorialError as exc:
        return refuse_error(request, exc)
    if action == "submit":
        messages.success(request, "Submitted for review. An editor will look at it; "
                                  "“My work” shows what happens to it.")
    else:
        messages.success(request, "Saved as a draft. Submit it when it is ready for review.")
    return redirect("kb:revision-detail", pk=revision.pk)


def _similar(user, kind: str, data: dict) -> list:
    """Entries of the kind with a name like the new entry's name or one of its aliases."""
    names = [data["fields"]["name"]]
    names += [row.get("name", "") for row in data.get("rows", {}).get("aliases", [])]
    return similar_entries(kind, names, user=user)


def _save(request, *, kind, entry, draft, base, data, summary, submit) -> Revision:
    if entry is None:
        return workflow.create_entry(kind=kind, author=request.user, data=data,
                                     summary=summary, submit=submit)
    return workflow.propose(entry=entry, author=request.user, data=data, summary=summary,
                            base=base, submit=submit, draft=draft)


def _with_added_row(post, model):
    """The submission with one more empty row where "add a row" was pressed without JS."""
    collection = post.get("add", "")
    names = {owned.name for owned in declaration_for_kind(model._entry_kind).owned}
    if collection not in names:
        return post, False
    data = post.copy()
    total = f"{collection}-TOTAL_FORMS"
    try:
        data[total] = str(int(data.get(total, "0")) + 1)
    except ValueError:
        return post, False
    return data, True


def _render(request, context, editor, proposal, *, status: int = 200):
    entry = context["entry"]
    if context["creating"]:
        action = reverse("kb:entry-create", kwargs={"kind": context["kind"]})
    elif context["draft"] is not None:
        action = reverse("kb:revision-edit", kwargs={"pk": context["draft"].pk})
    else:
        action = reverse("kb:entry-edit", kwargs={"pk": entry.pk})
    return render(
        request, "kb/editorial/edit.html",
        {**context, "editor": editor, "proposal": proposal, "form_action": action,
         "invalid": status == 400},
        status=status,
    )
