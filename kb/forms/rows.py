"""Inline rows of the editor: one formset per collection an entry owns.

Aliases, relations, claims, citations … are all edited the same way, from the
``Owned`` declaration: one small form per row, a "remove" box on existing rows and an
empty row to add one. Citations add two choices of their own: the field they support
and the row (a relation, a claim …) they support, named as the snapshot names it, by
collection and natural key.
"""

from __future__ import annotations

import json

from django import forms

from kb.forms import builder


def row_label(owned, row: dict, resolver) -> str:
    """A row named by its natural key, with names in place of ids: "affiliate of ISKP"."""
    columns = {f.name: f for f in owned.fields}
    parts = []
    for name in owned.key:
        f, value = columns.get(name), row.get(name)
        if f is None or value in (None, ""):
            continue
        if f.is_relation:
            parts.append(resolver.label(f.related_model, value))
        elif f.choices:
            parts.append(str(dict(f.flatchoices).get(value, value)))
        else:
            parts.append(str(value))
    return " · ".join(parts) or "(row)"


def target_value(reference) -> str:
    return json.dumps(reference, ensure_ascii=False) if reference else ""


def parse_target(text: str):
    """``[collection, key]`` from a submitted choice, or None; ValueError if malformed."""
    if not text:
        return None
    value = json.loads(text)
    if not (isinstance(value, list) and len(value) == 2 and all(isinstance(v, str) for v in value)):
        raise ValueError(text)
    return value


class RowForm(forms.Form):
    """One owned row. Subclasses are made per collection by ``row_form_class``."""

    owned = None
    model_fields: tuple = ()

    def __init__(self, *args, target_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.resolved: dict = {}
        if "target" in self.fields:
            choices = [("", "The entry itself"), *target_choices]
            submitted = self.data.get(self.add_prefix("target")) if self.is_bound else None
            current = submitted or self.initial.get("target")
            if current and current not in dict(choices):
                choices.append((current, "A row added or renamed in this edit"))
            self.fields["target"].widget.choices = choices
        if "field" in self.fields:
            current = self.initial.get("field")
            field = self.fields["field"]
            if current and current not in {v for _, group in field.choices[1:] for v, _ in group}:
                field.choices = [*field.choices, (current, current)]

    def clean_target(self):
        try:
            return parse_target(self.cleaned_data.get("target", ""))
        except (ValueError, TypeError):
            message = "Choose what this citation supports from the list."
            raise forms.ValidationError(message) from None


class RowFormSet(forms.BaseFormSet):
    owned = None

    def kept_forms(self):
        """Forms whose rows the proposal keeps: existing ones not removed, new ones filled."""
        for index, form in enumerate(self.forms):
            if getattr(form, "cleaned_data", {}).get(forms.formsets.DELETION_FIELD_NAME):
                continue
            if index >= self.initial_form_count() and not form.has_changed():
                continue
            yield index, form


def _citation_fields(entry_model, decl) -> dict[str, forms.Field]:
    own = [
        (f.name, str(f.verbose_name)) for f in decl.fields
        if not f.name.endswith("_precision") and f.name not in ("slug", "is_archived")
    ]
    own += [(name, str(entry_model._meta.get_field(name).verbose_name)) for name in decl.decl.m2m]
    seen = {name for name, _ in own}
    rows = []
    for owned in decl.owned:
        if owned.is_citations:
            continue
        for f in owned.fields:
            if f.name not in seen and not f.name.endswith("_precision"):
                seen.add(f.name)
                rows.append((f.name, str(f.verbose_name)))
    return {
        "field": forms.ChoiceField(
            required=False, label="Supports the field",
            choices=[("", "— the statement as a whole"), ("This entry", own),
                     ("The supported row", sorted(rows))],
            help_text="A figure or date this source stands behind, when it is one.",
        ),
        "target": forms.CharField(
            required=False, label="Supports the row", widget=forms.Select,
            help_text="A relation, claim or other row of this entry; save first to cite a new one.",
        ),
    }


def row_form_class(entry_model, owned, decl) -> type[RowForm]:
    ordered = builder.key_first(owned.fields, owned.key)
    fields = builder.fields_for(ordered, skip=("field",) if owned.is_citations else ())
    if owned.is_citations:
        fields.update(_citation_fields(entry_model, decl))
        order = ["source", "locator", "field", "target", "quote"]
        fields = {name: fields[name] for name in order if name in fields} | fields
    attrs = {**fields, "owned": owned, "model_fields": owned.fields}
    return type(f"{owned.model.__name__}RowForm", (RowForm,), attrs)


def formset_class(entry_model, owned, decl) -> type[RowFormSet]:
    return forms.formset_factory(
        row_form_class(entry_model, owned, decl), formset=RowFormSet, extra=1,
        can_delete=True, can_delete_extra=False,
    )
