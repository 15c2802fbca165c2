"""Form fields of the editor that Django does not have: references typed as slugs,
and multi-line text that reaches the server with the line endings it was written in.
"""

from __future__ import annotations

from django import forms
from django.db import models
from django.urls import reverse

from kb.models import Entry, Place, Source


def autocomplete_type(model: type[models.Model]) -> str:
    """The ``type`` the autocomplete endpoint takes for references to ``model``."""
    if issubclass(model, Entry):
        return model._entry_kind or "entry"
    if issubclass(model, Source):
        return "source"
    if issubclass(model, Place):
        return "place"
    raise ValueError(f"No autocomplete for {model.__name__}.")


class AutocompleteInput(forms.TextInput):
    """A text input for a slug; ``static/js/autocomplete.js`` adds suggestions.

    Without JavaScript it stays a plain text box that accepts a slug or an exact name.
    """

    def __init__(self, source: str, *, multiple: bool = False, attrs=None):
        attrs = {
            "autocomplete": "off", "spellcheck": "false", "class": "reference-input",
            "data-autocomplete": source, **(attrs or {}),
        }
        if multiple:
            attrs["data-multiple"] = "1"
        super().__init__(attrs)


class MultilineField(forms.CharField):
    """Text from a ``<textarea>``: browsers send CRLF, the snapshot keeps LF."""

    def __init__(self, *, rows: int = 4, **kwargs):
        kwargs.setdefault("widget", forms.Textarea(attrs={"rows": rows}))
        super().__init__(**kwargs)

    def to_python(self, value):
        if isinstance(value, str):
            value = value.replace("\r\n", "\n").replace("\r", "\n")
        return super().to_python(value)


class ReferenceField(forms.CharField):
    """A foreign key typed as the slug (or exact name) of what it points at.

    Cleaning only tidies the text; ``kb.forms.references.Resolver`` turns every typed
    reference of a submission into ids in one query per model, so a proposal with many
    relations costs no more queries than one with a single relation.
    """

    def __init__(self, model: type[models.Model], *, limit=None, multiple=False, **kwargs):
        self.model, self.limit, self.multiple = model, limit or {}, multiple
        source = reverse("kb:autocomplete") + f"?type={autocomplete_type(model)}"
        for name, value in self.limit.items():
            source += f"&{name}={value}"
        kwargs.setdefault("widget", AutocompleteInput(source, multiple=multiple))
        if not multiple:
            kwargs.setdefault("max_length", 320)
        super().__init__(**kwargs)

    def to_python(self, value):
        text = super().to_python(value)
        if not self.multiple:
            return text
        return [part.strip() for part in text.split(",") if part.strip()]

    def prepare_value(self, value):
        if isinstance(value, list | tuple):
            return ", ".join(value)
        return value

    def has_changed(self, initial, data) -> bool:
        return self.to_python(self.prepare_value(initial) or "") != self.to_python(data)
