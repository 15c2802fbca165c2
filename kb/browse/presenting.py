"""A FilterSet of the API presented as a form for people.

The mixin here changes nothing a FilterSet accepts or how it filters: it gives the
fields labels, widgets and help fit for a form; refuses overlong values and long lists
before they reach a message; takes a name where the API takes a slug; and turns the
parameters in effect into "chips", each a link to the same address without it.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlencode

from django import forms
from django.db.models import QuerySet
from django.forms.utils import pretty_name
from django.forms.widgets import ChoiceWidget
from django.urls import reverse

from kb import filtersets
from kb.filtersets.filters import PartialDateField, StrictBooleanField

# Longer than any name or slug stored, short enough to read back in a message.
MAX_VALUE_LENGTH = 300
# Values of one parameter; more is not a question a person asks through this form.
MAX_VALUES = 50
# Names looked up for slugs in one request; the rest keep their "no such slug" error.
MAX_NAME_LOOKUPS = 5
# The filter form's id: controls outside it (the sort select) join it with form="…".
FORM_ID = "browse-filters"

Params = list[tuple[str, str]]


def split_values(values) -> list[str]:
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


class ValuesInput(forms.TextInput):
    """Several values in one text box, separated by commas; the address repeats them."""

    def value_from_datadict(self, data, files, name):
        getlist = getattr(data, "getlist", None)
        return split_values(getlist(name) if getlist else [data.get(name) or ""])

    def format_value(self, value):
        if isinstance(value, list | tuple):
            return ", ".join(str(v) for v in value) or None
        return super().format_value(value)


class EitherSelect(forms.Select):
    """Either, yes or no for a ``StrictBooleanField``: each spelling it reads shows selected."""

    def __init__(self, yes: str = "Yes", no: str = "No", either: str = "Either"):
        super().__init__(choices=[("", either), ("true", yes), ("false", no)])

    def format_value(self, value):
        text = "" if value is None else str(value).strip().lower()
        if text in StrictBooleanField.TRUE:
            return ["true"]
        if text in StrictBooleanField.FALSE:
            return ["false"]
        return [""]


@dataclass(frozen=True)
class Shown:
    """How a filter appears on the form: ``widget`` None keeps the FilterSet's own."""

    label: str
    widget: forms.Widget | None = None
    help: str = ""
    # The editor's autocomplete type (kb.views.autocomplete), offered to the team only.
    lookup: str = ""


@dataclass(frozen=True)
class Chip:
    """A filter in effect; ``query`` is the query string without it."""

    label: str
    value: str
    query: str
    invalid: bool


def find_groups(queryset: QuerySet, text: str) -> list[str]:
    """Slugs of the groups in ``queryset`` with this name, abbreviation or alias."""
    found = filtersets.GroupFilterSet({"alias": text}, queryset=queryset)
    if not found.is_valid():
        return []
    return list(found.qs.order_by("name", "pk").values_list("slug", flat=True)[:6])


def find_places(queryset: QuerySet, text: str) -> list[str]:
    """Slugs of the places in ``queryset`` called ``text`` (case ignored)."""
    places = queryset.filter(name__iexact=text).order_by("pk")
    return list(places.values_list("slug", flat=True)[:6])


class _BoundedForm:
    """Refuses an overlong value or list with one plain message, in place of the ones
    its field gave (which may quote the whole value back)."""

    def full_clean(self):
        super().full_clean()
        if not self.is_bound:
            return
        getlist = getattr(self.data, "getlist", None)
        for name in self.fields:
            values = getlist(name) if getlist else []
            longest = max((len(v) for v in values), default=0)
            if len(values) > MAX_VALUES:
                problem = f"Give at most {MAX_VALUES} values; there are {len(values):,}."
            elif longest > MAX_VALUE_LENGTH:
                problem = (
                    f"A value may be at most {MAX_VALUE_LENGTH} characters long; "
                    f"this one has {longest:,}."
                )
            else:
                continue
            self.errors.pop(name, None)
            self.add_error(name, problem)


class BrowseFilterSet:
    """Mixin for a FilterSet of ``kb.filtersets``: its form, ready for a person.

    ``shown`` names the filters on the form, ``layout`` their rows (two to a row for a
    range); the others still apply and show as chips. ``sorts`` labels the orderings,
    ``""`` being the list's own, which ``default_sort`` also means. ``finders`` take a
    name for a filter that wants a slug.
    """

    shown: dict[str, Shown] = {}
    layout: tuple[tuple[str, ...], ...] = ()
    sorts: dict[str, str] = {}
    default_sort = ""
    finders: dict[str, Callable[[QuerySet, str], list[str]]] = {}

    def get_form_class(self):
        form_class = super().get_form_class()
        return type(form_class.__name__, (_BoundedForm, form_class), {})

    @property
    def form(self):
        if not hasattr(self, "_form"):
            self._present(super().form)
        return self._form

    @classmethod
    def canonical(cls, query) -> Params:
        """The query's parameters as the form would send them, without blanks or repeats.

        Comma-separated lists are split into repeated parameters, and the default order
        under its explicit name is dropped: the address of a page is then one address.
        """
        split = {name for name, shown in cls.shown.items() if isinstance(shown.widget, ValuesInput)}
        params: Params = []
        seen = set()
        for name, values in query.lists():
            values = split_values(values) if name in split else [v.strip() for v in values]
            for value in values:
                if not value or (name, value) in seen:
                    continue
                if name == "ordering" and value == cls.default_sort:
                    continue
                seen.add((name, value))
                params.append((name, value))
        return params

    @property
    def filter_names(self) -> list[str]:
        return [name for name in self.filters if name != "ordering"]

    def _present(self, form) -> None:
        user = getattr(self.request, "user", None)
        team = user is not None and user.has_perm("kb.add_revision")
        for name in self.filter_names:
            if name not in self.shown:  # named in chips and messages only
                form.fields[name].label = pretty_name(name)
        for name, shown in self.shown.items():
            field = form.fields[name]
            field.label, field.help_text = shown.label, shown.help
            if shown.widget is not None:
                widget = copy.deepcopy(shown.widget)
                if isinstance(widget, ChoiceWidget) and not widget.choices:
                    widget.choices = field.choices
                widget.attrs.update(field.widget_attrs(widget))
                field.widget = widget
            if team and shown.lookup:
                field.widget.attrs.update({
                    "data-autocomplete": f"{reverse('kb:autocomplete')}?{shown.lookup}",
                    "data-multiple": "1",
                })
        ordering = form.fields["ordering"]
        ordering.label, ordering.help_text = "Sort by", ""
        ordering.widget = forms.Select(choices=list(self.sorts.items()), attrs={"form": FORM_ID})

    def mark_errors(self) -> None:
        """Point each field in error at its message, for assistive technology."""
        for name in self.form.errors:
            if name not in self.form.fields:
                continue
            field = self.form.fields[name]
            described = f"id_{name}_errors" + (f" id_{name}_helptext" if field.help_text else "")
            field.widget.attrs.update({"aria-invalid": "true", "aria-describedby": described})

    def rows(self) -> list[list[forms.BoundField]]:
        return [[self.form[name] for name in row] for row in self.layout]

    def hidden_params(self, params: Params) -> Params:
        """Filters in effect that the form does not show, so that it keeps them."""
        return [(k, v) for k, v in params if k in self.filters and k not in self.shown
                and k != "ordering"]

    # Names for slugs ----------------------------------------------------------------

    def with_slugs_for_names(self, params: Params) -> Params | None:
        """``params`` with each name given for a slug replaced by that slug, or None.

        Runs only when the filters failed to validate; a name that fits several rows is
        left alone, and its field's message lists their slugs.
        """
        lookups, found = 0, {}
        for name, finder in self.finders.items():
            if name not in self.form.errors:
                continue
            queryset = self.form.fields[name].queryset
            values = [v for k, v in params if k == name]
            known = set(queryset.filter(slug__in=[
                v for v in values if len(v) <= MAX_VALUE_LENGTH and "\x00" not in v
            ]).values_list("slug", flat=True))
            for value in values:
                if value in known or len(value) > MAX_VALUE_LENGTH or "\x00" in value:
                    continue
                if lookups == MAX_NAME_LOOKUPS:
                    break
                lookups += 1
                slugs = finder(queryset, value)
                if len(slugs) == 1:
                    found[name, value] = slugs[0]
                elif slugs:
                    self.form.errors[name] = self.form.error_class([
                        f"“{value}” could mean any of these; give one of their slugs: "
                        + ", ".join(slugs) + "."
                    ])
        if not found:
            return None
        return [(k, found.get((k, v), v)) for k, v in params]

    # Chips --------------------------------------------------------------------------

    def chips(self, params: Params) -> list[Chip]:
        form = self.form
        cleaned = getattr(form, "cleaned_data", {})
        chips = []
        for index, (name, raw) in enumerate(params):
            if name not in self.filters or name == "ordering":
                continue
            rest = [p for i, p in enumerate(params) if i != index and p[0] != "page"]
            field = form.fields[name]
            chips.append(Chip(
                label=str(field.label or name), value=_display(field, cleaned.get(name), raw),
                query=urlencode(rest), invalid=name in form.errors,
            ))
        return chips


def _display(field: forms.Field, value, raw: str) -> str:
    """The value of one parameter in words: a name for a slug, a label for a code."""
    if isinstance(field, forms.ModelMultipleChoiceField):
        by_slug = {getattr(row, "slug", None): row for row in value or ()}
        return str(by_slug.get(raw, raw))
    if isinstance(field, PartialDateField) and value is not None:
        return str(value)
    widget = field.widget
    if isinstance(field, StrictBooleanField) and not isinstance(widget, ChoiceWidget):
        return {True: "yes", False: "no"}.get(value, raw)
    if isinstance(widget, ChoiceWidget) and isinstance(widget.choices, list):
        labels = {str(k): str(v) for k, v in widget.choices if k != ""}
        formatted = widget.format_value(raw)
        return labels.get(formatted[0] if formatted else raw, raw)
    return raw
