"""Forms of the review pages: notes, archive and revert, and the choice per conflict."""

from __future__ import annotations

from dataclasses import dataclass, field

from django import forms
from django.utils.safestring import SafeString
from django.utils.text import capfirst

from kb.editorial import diff
from kb.editorial.merge import LIVE, PROPOSED
from kb.editorial.snapshot import declaration_for_kind


class ReviewNoteForm(forms.Form):
    """The reviewer's note; rejecting or sending back needs one, approving does not."""

    note = forms.CharField(
        required=False, label="Note to the author",
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, note_required: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["note"].required = note_required
        self.fields["note"].error_messages["required"] = "Tell the author why."
        if note_required:
            self.fields["note"].help_text = "Required: say what to change, or why not."


class ArchiveForm(forms.Form):
    summary = forms.CharField(
        max_length=300, label="Reason",
        help_text="Why the entry should be archived (or restored); an editor reviews it.",
    )


class RevertForm(forms.Form):
    revision = forms.IntegerField(widget=forms.HiddenInput)
    summary = forms.CharField(
        max_length=300, required=False, label="Reason",
        help_text="Left empty, the summary names the version restored.",
    )


# Conflicts ------------------------------------------------------------------------------


@dataclass
class Side:
    """One side of a conflict as shown: a value, or a row's columns."""

    present: bool
    text: str = ""
    columns: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class ConflictView:
    index: int
    id: str
    label: str
    base: Side
    live: Side
    proposed: Side
    changes: SafeString | None = None
    choice: str = ""


def resolutions_from(data) -> dict[str, str]:
    """The reviewer's choices, posted as ``conflict-<n>`` (its id) and ``choice-<n>``."""
    chosen = {}
    for key, conflict_id in data.items():
        if key.startswith("conflict-"):
            choice = data.get(f"choice-{key.removeprefix('conflict-')}")
            if choice in (LIVE, PROPOSED):
                chosen[conflict_id] = choice
    return chosen


def present_conflicts(kind: str, conflicts, chosen: dict[str, str]) -> list[ConflictView]:
    """Conflicts as the reviewer reads them, with names in place of ids."""
    decl = declaration_for_kind(kind)
    labels = diff.Labels()
    described = []
    for conflict in conflicts:
        if conflict.path[0] == "fields":
            f = decl.model._meta.get_field(conflict.path[1])
            for value in (conflict.base, conflict.live, conflict.proposed):
                labels.want(f, value)
            described.append((conflict, f, None))
        else:
            owned = decl.owned_by_name(conflict.path[1])
            columns = {f.name: f for f in owned.fields}
            for row in (conflict.base, conflict.live, conflict.proposed):
                for name, value in (row or {}).items():
                    labels.want(columns.get(name), value)
            described.append((conflict, None, owned))
    labels.fetch()
    views = []
    for index, (conflict, f, owned) in enumerate(described):
        values = (conflict.base, conflict.live, conflict.proposed)
        changes = None
        if f is not None:
            label = capfirst(f.verbose_name)
            sides = [Side(True, labels.show(f, value)) for value in values]
            if isinstance(conflict.live, str) and isinstance(conflict.proposed, str):
                changes = diff.text_diff_html(conflict.live, conflict.proposed)
        else:
            row = conflict.proposed or conflict.live or conflict.base
            label = f"{capfirst(owned.label)}: {_row_name(owned, row, labels)}"
            sides = [_row_side(owned, value, labels) for value in values]
        views.append(ConflictView(index, conflict.id, label, *sides, changes=changes,
                                  choice=chosen.get(conflict.id, "")))
    return views


def _row_side(owned, row: dict | None, labels) -> Side:
    if row is None:
        return Side(False, "Not there")
    columns = []
    for f in owned.fields:
        shown = labels.show(f, row.get(f.name))
        if shown != "—":
            columns.append((capfirst(f.verbose_name), shown))
    if row.get("target"):
        columns.append(("Supports", str(row["target"][0]).replace("_", " ")))
    return Side(True, columns=columns)


def _row_name(owned, row: dict, labels) -> str:
    columns = {f.name: f for f in owned.fields}
    names = [name for name in owned.key if name != "target"]
    parts = [labels.show(columns.get(name), row.get(name)) for name in names]
    return " · ".join(p for p in parts if p != "—") or "(row)"
