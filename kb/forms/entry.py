"""The editor of an entry: its own fields and the rows it owns, as one snapshot.

``EntryEditor`` is built from the kind's snapshot declaration and a starting snapshot
(the live version, the author's draft, or nothing for a new entry). It renders as one
form, and on a valid submission yields the snapshot dict the workflow takes. Errors the
workflow raises (model rules, constraints) are put back on the field or row they are
about, so the researcher's text stays where it was typed.
"""

from __future__ import annotations

import copy
import functools

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils.safestring import mark_safe
from django.utils.text import capfirst

from kb.editorial.snapshot import SCHEMA_VERSION, declaration
from kb.forms import builder, rows
from kb.forms.references import Resolver
from kb.rendering import render_markdown

# Archiving has its own reviewed action (``workflow.set_archived``), not a checkbox.
NOT_EDITED = ("is_archived",)
IDENTITY = ("name", "slug", "summary")


class EntryForm(forms.Form):
    """Base of the per-kind forms ``entry_form_class`` makes."""

    model = None
    model_fields: tuple = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.resolved: dict = {}

    def clean(self):
        cleaned = super().clean()
        most = getattr(self.model, "MAX_TYPES", None)
        for name, field in self.fields.items():
            chosen = cleaned.get(name)
            is_category = isinstance(field, forms.ModelMultipleChoiceField)
            if most and is_category and chosen and len(chosen) > most:
                self.add_error(name, f"Choose at most {most}, as the GTD codebook does.")
        return cleaned

    def groups(self):
        """The fields in three fieldsets: names, facts, narrative."""
        narrative = builder.markdown_fields(self.model)
        names = [self[n] for n in IDENTITY if n in self.fields]
        facts = [self[n] for n in self.fields if n not in IDENTITY and n not in narrative]
        text = [self[n] for n in narrative if n in self.fields]
        return [("Names", names), ("Facts", facts), ("Narrative", text)]


@functools.cache
def entry_form_class(model, *, creating: bool) -> type[EntryForm]:
    decl = declaration(model)
    model_fields = tuple(f for f in decl.fields if f.name not in NOT_EDITED) + tuple(
        model._meta.get_field(name) for name in decl.decl.m2m
    )
    fields = builder.fields_for(model_fields, markdown=builder.markdown_fields(model))
    fields["slug"].required = not creating
    fields["slug"].help_text = (
        "The entry's address; made from the name when left empty." if creating
        else "The entry's address. Changing it breaks links to the old address."
    )
    attrs = {**fields, "model": model, "model_fields": model_fields}
    return type(f"{model.__name__}EditForm", (EntryForm,), attrs)


@functools.cache
def formset_class(model, collection: str):
    decl = declaration(model)
    return rows.formset_class(model, decl.owned_by_name(collection), decl)


class ProposalForm(forms.Form):
    """What every save carries besides the content: the edit summary and the base."""

    summary = forms.CharField(
        max_length=300, label="Edit summary",
        help_text="What changed and why, in a line. Reviewers and the history show it.",
    )
    base = forms.CharField(required=False, widget=forms.HiddenInput)


class EntryEditor:
    """The forms of one edit page, and the snapshot they describe."""

    def __init__(self, model, *, start: dict, data=None, creating: bool = False):
        self.model, self.decl, self.start = model, declaration(model), start
        self.data: dict | None = None
        self.resolver = Resolver()
        form_class = entry_form_class(model, creating=creating)
        start_values = {**start.get("fields", {}), **start.get("m2m", {})}
        start_rows = start.get("rows", {})
        wanted = list(builder.ids_in(form_class.model_fields, start_values))
        for owned in self.decl.owned:
            for row in start_rows.get(owned.name, []):
                wanted += builder.ids_in(owned.fields, row)
        self.resolver.preload(wanted)

        initial = builder.initial_from(form_class.model_fields, start_values, self.resolver)
        self.form = form_class(data, initial=initial)
        targets = self._target_choices()
        self.formsets = []
        for owned in self.decl.owned:
            initial_rows = []
            for row in start_rows.get(owned.name, []):
                values = builder.initial_from(owned.fields, row, self.resolver)
                if owned.is_citations:
                    values["target"] = rows.target_value(row.get("target"))
                initial_rows.append(values)
            formset = formset_class(model, owned.name)(
                data, prefix=owned.name, initial=initial_rows,
                form_kwargs={"target_choices": targets if owned.is_citations else ()},
            )
            formset.owned, formset.label = owned, capfirst(owned.label)
            self.formsets.append(formset)
        self._row_prefixes: dict[str, forms.Form] = {}

    def _target_choices(self) -> list[tuple[str, str]]:
        choices = []
        for owned in self.decl.owned:
            if owned.is_citations:
                continue
            for row in self.start.get("rows", {}).get(owned.name, []):
                label = f"{capfirst(owned.label)}: {rows.row_label(owned, row, self.resolver)}"
                choices.append((rows.target_value([owned.name, owned.row_key(row)]), label))
        return choices

    # Validation ------------------------------------------------------------------------

    def is_valid(self) -> bool:
        """Validate every form, resolve typed references, and build ``self.data``."""
        valid = self.form.is_valid()
        for formset in self.formsets:
            valid = formset.is_valid() and valid
        self._resolve_references()
        if valid and self._valid():
            self.data = self._build()
        return self.data is not None and self._valid()

    def _valid(self) -> bool:
        return self.form.is_valid() and all(formset.is_valid() for formset in self.formsets)

    def _forms_with_fields(self):
        yield self.form, self.form.model_fields
        for formset in self.formsets:
            for _, form in formset.kept_forms():
                yield form, formset.owned.fields

    def _resolve_references(self) -> None:
        requests = [
            (form, *request)
            for form, model_fields in self._forms_with_fields()
            for request in builder.reference_requests(form, model_fields)
        ]
        answers = self.resolver.resolve((m, limit, text) for _, _, m, limit, text in requests)
        for form, name, model, limit, text in requests:
            answer = answers[(model, tuple(limit.items()), text)]
            if isinstance(answer, str):
                form.add_error(name, answer)
            else:
                form.resolved[(name, text)] = answer

    def _build(self) -> dict:
        data = copy.deepcopy(self.start)
        data["schema"], data["kind"] = SCHEMA_VERSION, self.model._entry_kind
        before = {**self.start.get("fields", {}), **self.start.get("m2m", {})}
        values = builder.values_from(self.form, self.form.model_fields, before)
        data.setdefault("m2m", {})
        for name in self.decl.decl.m2m:
            data["m2m"][name] = values.pop(name)
        data.setdefault("fields", {}).update(values)
        data["rows"], renames = {}, {}
        for formset in self.formsets:
            owned = formset.owned
            start_rows = self.start.get("rows", {}).get(owned.name, [])
            built, seen = [], set()
            for index, form in formset.kept_forms():
                old = start_rows[index] if index < len(start_rows) else {}
                row = {**old, **builder.values_from(form, owned.fields, old)}
                if owned.is_citations:
                    row["target"] = self._retarget(form, renames, data["rows"])
                key = owned.row_key(row)
                if key in seen:
                    names = ", ".join(owned.key)
                    form.add_error(None, f"Another row has the same {names}: keep one.")
                seen.add(key)
                if old and owned.row_key(old) != key:
                    renames[(owned.name, owned.row_key(old))] = key
                built.append(row)
                label = ", ".join(str(row.get(name)) for name in owned.key)
                self._row_prefixes[f"{owned.label} ({label}): "] = form
            data["rows"][owned.name] = sorted(built, key=owned.row_key)
        return data

    def _retarget(self, form, renames: dict, built: dict):
        """The supported row's reference, following a row whose key changed in this edit."""
        target = form.cleaned_data.get("target")
        if not target:
            return None
        collection, key = target
        key = renames.get((collection, key), key)
        owned = next((o for o in self.decl.owned if o.name == collection), None)
        present = owned and any(owned.row_key(r) == key for r in built.get(collection, []))
        if not present:
            form.add_error(
                "target", "The row this citation supports is no longer part of the entry: "
                "choose another, or remove the citation too.",
            )
            return None
        return [collection, key]

    # Errors from the workflow -----------------------------------------------------------

    def add_errors(self, exc: ValidationError) -> None:
        """Show the workflow's validation messages beside the fields they are about."""
        if not hasattr(exc, "error_dict"):
            for message in exc.messages:
                self.form.add_error(None, message)
            return
        for key, messages in exc.message_dict.items():
            for message in messages:
                self._place(key, message)

    def _place(self, key: str, message: str) -> None:
        for prefix, form in self._row_prefixes.items():
            if message.startswith(prefix):
                form.add_error(_field_for(form, key), message[len(prefix):])
                return
        self.form.add_error(_field_for(self.form, key), message)

    # Preview ----------------------------------------------------------------------------

    def preview(self) -> list[tuple[str, str]]:
        """Each Markdown field as the public page will show it, sanitised the same way."""
        titles = dict(getattr(self.model, "SECTIONS", (("body", "Body"),)))
        shown = []
        for name in builder.markdown_fields(self.model):
            text = self.form[name].value() or ""
            text = text.replace("\r\n", "\n")
            if text.strip():
                shown.append((titles.get(name, capfirst(name)), mark_safe(render_markdown(text))))
        return shown


def _field_for(form, key: str) -> str | None:
    """The form field a model error key belongs to, or None for the form as a whole."""
    if key == NON_FIELD_ERRORS:
        return None
    if key in form.fields:
        return key
    if key.endswith("_precision") and key.removesuffix("_precision") in form.fields:
        return key.removesuffix("_precision")
    if key == "target_id" and "target" in form.fields:
        return "target"
    return None
