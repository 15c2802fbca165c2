"""One text box for a partial date: "2015", "May 2015", "13 May 2015", "c. 1996".

A partial date is stored in two columns (``<name>`` and ``<name>_precision``); asking a
researcher for both would invite a day typed with a year's precision. The field reads
the date the way it is written in sources and yields a ``PartialDate``; the helpers
below move it between that value and the two snapshot keys.
"""

from __future__ import annotations

import datetime as dt

from django import forms
from django.core.exceptions import ValidationError
from django.db import models

from kb.partial_dates import PartialDate

HELP = "As precisely as it is known: 2015, May 2015, 13 May 2015 or c. 1996."


class PartialDateField(forms.CharField):
    """Cleans to a ``PartialDate`` (or None when left empty)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("help_text", HELP)
        super().__init__(**kwargs)
        self.widget.attrs.setdefault("maxlength", "40")
        self.widget.attrs.setdefault("placeholder", "e.g. May 2015")
        self.widget.attrs.setdefault("class", "date-input")

    def prepare_value(self, value):
        return str(value) if isinstance(value, PartialDate) else value

    def to_python(self, value) -> PartialDate | None:
        text = super().to_python(value)
        if not text:
            return None
        try:
            return PartialDate.parse(text)
        except ValueError as exc:
            raise ValidationError(str(exc), code="invalid") from None

    def has_changed(self, initial, data) -> bool:
        try:
            return self.to_python(data) != self.to_python(self.prepare_value(initial))
        except ValidationError:
            return True


def partial_date_pairs(fields: tuple[models.Field, ...]) -> dict[str, str]:
    """Date columns that have a ``<name>_precision`` sibling among ``fields``."""
    names = {f.name for f in fields}
    return {
        f.name: f"{f.name}_precision"
        for f in fields
        if isinstance(f, models.DateField) and f"{f.name}_precision" in names
    }


def text_of(raw_date: str | None, precision: str | None) -> str:
    """The snapshot's two keys as the text a researcher would type."""
    if not raw_date:
        return ""
    try:
        return str(PartialDate(dt.date.fromisoformat(raw_date), precision or ""))
    except (TypeError, ValueError):
        return raw_date  # inconsistent stored value: show it, validation will name it


def dump(value: PartialDate | None) -> tuple[str | None, str]:
    """A ``PartialDate`` as the snapshot's date and precision keys."""
    if value is None:
        return None, ""
    return value.date.isoformat(), str(value.precision)
