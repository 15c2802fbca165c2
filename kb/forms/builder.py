"""Form fields made from a snapshot declaration, and values moved between the two.

The editor never lists a kind's fields by hand: every field comes from the model field
the snapshot declaration names, so a column added to a declaration appears in the
editor, and its value travels into the snapshot, without touching a form.
"""

from __future__ import annotations

from django import forms
from django.db import models
from django.utils.text import capfirst

from kb.editorial.snapshot import dump_raw
from kb.forms import partial_dates
from kb.forms.fields import MultilineField, ReferenceField
from kb.forms.partial_dates import PartialDateField

# Relations name their far side generically ("object", "other"); the editor says which.
OTHER_SIDE = {"object": "Other", "other": "Other"}


def markdown_fields(model) -> tuple[str, ...]:
    """The narrative fields written in Markdown: a group's sections, else the body."""
    return tuple(name for name, _ in getattr(model, "SECTIONS", (("body", "Body"),)))


def _referenceable(model) -> bool:
    return any(f.name == "slug" for f in model._meta.concrete_fields)


def form_field(f: models.Field, *, partial: bool = False, markdown: bool = False):
    """The form field that edits model field ``f`` in the editor."""
    common = {"label": capfirst(f.verbose_name), "help_text": f.help_text}
    if partial:
        return PartialDateField(required=not f.null, label=common["label"],
                                **({"help_text": f.help_text} if f.help_text else {}))
    if f.many_to_many:
        if _referenceable(f.related_model):
            help_text = common.pop("help_text") or "Addresses or names, comma-separated."
            return ReferenceField(
                f.related_model, multiple=True, required=False, help_text=help_text, **common
            )
        return forms.ModelMultipleChoiceField(
            queryset=f.related_model._default_manager.all(), required=False,
            widget=forms.CheckboxSelectMultiple, **common,
        )
    if f.is_relation:
        if f.name in OTHER_SIDE:
            common["label"] = f"{OTHER_SIDE[f.name]} {f.related_model._meta.verbose_name}"
        return ReferenceField(
            f.related_model, limit=f.get_limit_choices_to(), required=not f.blank, **common
        )
    if isinstance(f, models.TextField):
        return MultilineField(rows=12 if markdown else 2, required=not f.blank, **common)
    if isinstance(f, models.URLField):
        return f.formfield(assume_scheme="https")
    return f.formfield()


def fields_for(model_fields, *, markdown=(), skip=()) -> dict[str, forms.Field]:
    """Form fields for ``model_fields``, a partial date's two columns becoming one."""
    pairs = partial_dates.partial_date_pairs(tuple(model_fields))
    precisions = set(pairs.values())
    return {
        f.name: form_field(f, partial=f.name in pairs, markdown=f.name in markdown)
        for f in model_fields
        if f.name not in precisions and f.name not in skip
    }


def key_first(model_fields, key: tuple[str, ...]) -> tuple:
    """A row's fields with its natural key first and long text last, as people read a row."""
    def place(f):
        return (0 if f.name in key else 2 if isinstance(f, models.TextField) else 1)

    return tuple(sorted(model_fields, key=place))


def initial_from(model_fields, values: dict, resolver) -> dict:
    """Form initial values from snapshot values: ids as slugs, dates as text."""
    pairs = partial_dates.partial_date_pairs(tuple(model_fields))
    initial = {}
    for f in model_fields:
        if f.name not in values:
            continue
        raw = values[f.name]
        if f.name in pairs:
            initial[f.name] = partial_dates.text_of(raw, values.get(pairs[f.name]))
        elif f.many_to_many and _referenceable(f.related_model):
            initial[f.name] = [resolver.slug(f.related_model, pk) for pk in raw or []]
        elif f.is_relation and not f.many_to_many:
            initial[f.name] = "" if raw is None else resolver.slug(f.related_model, raw)
        else:
            initial[f.name] = raw
    return initial


def ids_in(model_fields, values: dict):
    """The ``(model, id)`` pairs a snapshot's values refer to, for ``Resolver.preload``."""
    for f in model_fields:
        if not f.is_relation or not _referenceable(f.related_model):
            continue
        if values.get(f.name) is not None:
            raw = values[f.name]
            for pk in raw if isinstance(raw, list) else [raw]:
                yield f.related_model, pk


def reference_requests(form, model_fields):
    """``(field name, model, limit, text)`` for every reference typed into ``form``."""
    cleaned = getattr(form, "cleaned_data", {})
    for f in model_fields:
        field = form.fields.get(f.name)
        if not isinstance(field, ReferenceField) or f.name not in cleaned:
            continue
        texts = cleaned[f.name] if field.multiple else [cleaned[f.name]]
        for text in texts:
            if text:
                yield f.name, field.model, field.limit, text


def values_from(form, model_fields, before: dict) -> dict:
    """Snapshot values from a valid form whose references are in ``form.resolved``.

    Text equal to ``before`` but for line endings and surrounding blanks keeps its old
    form, so an untouched field never shows up as a change.
    """
    pairs = partial_dates.partial_date_pairs(tuple(model_fields))
    precisions = set(pairs.values())
    cleaned, values = form.cleaned_data, {}
    for f in model_fields:
        if f.name in precisions or f.name not in form.fields:
            continue
        value = cleaned.get(f.name)
        if f.name in pairs:
            values[f.name], values[pairs[f.name]] = partial_dates.dump(value)
        elif f.many_to_many:
            field = form.fields[f.name]
            if isinstance(field, ReferenceField):
                values[f.name] = sorted({form.resolved[(f.name, text)] for text in value})
            else:
                values[f.name] = sorted(obj.pk for obj in value)
        elif f.is_relation:
            values[f.name] = form.resolved.get((f.name, value)) if value else None
        else:
            values[f.name] = dump_raw(f, value)
    for name, value in values.items():
        old = before.get(name)
        if isinstance(value, str) and isinstance(old, str) and _same_text(value, old):
            values[name] = old
    return values


def _same_text(a: str, b: str) -> bool:
    return a.replace("\r\n", "\n").strip() == b.replace("\r\n", "\n").strip()
