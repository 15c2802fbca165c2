"""The building blocks of the FilterSets: strict form fields and index-friendly filters.

A field here refuses what it cannot read instead of dropping it, treats an empty value as
no filter, and carries the OpenAPI schema of its parameter (``extend_schema_field``),
so the API documents exactly what it accepts.
"""

import datetime as dt

import django_filters
from django import forms
from django.db.models import Exists, F, OuterRef, Q
from drf_spectacular.utils import extend_schema_field

from kb.choices import DatePrecision
from kb.models import Attack
from kb.names import normalize_name
from kb.partial_dates import PartialDate

PARTIAL_DATE_PATTERN = r"^[1-9][0-9]{3}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"
PARTIAL_DATE_HELP = (
    "A date known to the day, month or year: 2015, 2015-05 or 2015-05-13 "
    "(also May 2015, 13 May 2015)."
)
MAX_COUNT = 2**31 - 1
SLUG = {"type": "string", "pattern": r"^[-a-zA-Z0-9_]+$"}


# Form fields ---------------------------------------------------------------------


class PartialDateField(forms.CharField):
    """Reads "2015", "2015-05", "13 May 2015" … into a ``PartialDate``."""

    def to_python(self, value):
        value = super().to_python(value)
        if not value:
            return None
        try:
            return PartialDate.parse(value)
        except ValueError as exc:
            raise forms.ValidationError(str(exc), code="invalid") from None


class StrictBooleanField(forms.Field):
    """true or false; anything else is an error, not "no filter"."""

    TRUE, FALSE = {"true", "1", "yes"}, {"false", "0", "no"}

    def to_python(self, value):
        text = (value or "").strip().lower()
        if not text:
            return None
        if text in self.TRUE:
            return True
        if text in self.FALSE:
            return False
        raise forms.ValidationError("Must be true or false.", code="invalid")

    def validate(self, value):
        """``False`` is a value here, not a missing one."""


class SinceField(forms.DateTimeField):
    """An ISO 8601 date or date and time; a date alone means its first moment (UTC)."""

    input_formats = ["%Y-%m-%d"]

    def to_python(self, value):
        text = (value or "").strip()
        if not text:
            return None
        try:
            parsed = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
            if parsed.tzinfo is not None:
                parsed = parsed.astimezone(dt.UTC)
        except (ValueError, OverflowError):
            raise forms.ValidationError(
                "Enter an ISO 8601 date or date and time, such as 2024-01-31 or "
                "2024-01-31T12:00:00Z.", code="invalid",
            ) from None
        return super().to_python(parsed)


class NameField(forms.CharField):
    """A name to compare in its folded form; it needs a letter or a digit."""

    def to_python(self, value):
        value = super().to_python(value)
        if value and not normalize_name(value):
            raise forms.ValidationError("Give a name with at least one letter or digit.")
        return value


class _BlankDroppingMixin:
    """``?status=`` means no filter, as an absent parameter does; one value is a list."""

    def clean(self, value):
        if isinstance(value, str):
            value = [value]
        if isinstance(value, list | tuple):
            value = [v for v in value if v not in ("", None)]
        return super().clean(value)


class ChoicesField(_BlankDroppingMixin, forms.TypedMultipleChoiceField):
    pass


class SlugsField(_BlankDroppingMixin, forms.ModelMultipleChoiceField):
    def clean(self, value):
        # A list, not a QuerySet: an empty one must read as "no filter" (and the rows
        # are already loaded by the check).
        return list(super().clean(value))


# Filters -------------------------------------------------------------------------


@extend_schema_field({"type": "string", "pattern": PARTIAL_DATE_PATTERN})
class PartialDateFromFilter(django_filters.Filter):
    """Rows whose partial date can fall on or after the start of the given period.

    "May 2015" counts as on or after 13 May 2015, because its month may be. The leading
    ``>=`` on the year keeps an index on the date usable.
    """

    field_class = PartialDateField

    def filter(self, qs, value):
        if value is None:
            return qs
        name, start = self.field_name, value.date
        precision = f"{name}_precision"
        could_fall_after = (
            Q(**{f"{name}__gte": start})
            | Q(**{precision: DatePrecision.MONTH, f"{name}__gte": start.replace(day=1)})
            | Q(**{f"{precision}__in": [DatePrecision.YEAR, DatePrecision.CIRCA]})
        )
        return qs.filter(**{f"{name}__gte": start.replace(month=1, day=1)}).filter(
            could_fall_after
        )


@extend_schema_field({"type": "string", "pattern": PARTIAL_DATE_PATTERN})
class PartialDateToFilter(django_filters.Filter):
    """Rows whose partial date begins by the end of the given period ("2016" = 31 Dec)."""

    field_class = PartialDateField

    def filter(self, qs, value):
        if value is None:
            return qs
        return qs.filter(**{f"{self.field_name}__lte": value.last_day})


@extend_schema_field({"type": "boolean"})
class StrictBooleanFilter(django_filters.Filter):
    field_class = StrictBooleanField


class NameFilter(django_filters.CharFilter):
    field_class = NameField


class IntegerFilter(django_filters.NumberFilter):
    field_class = forms.IntegerField


@extend_schema_field({"type": "integer", "minimum": 0, "maximum": MAX_COUNT})
class CountFilter(IntegerFilter):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", 0)
        kwargs.setdefault("max_value", MAX_COUNT)
        super().__init__(*args, **kwargs)


@extend_schema_field({"type": "string", "format": "date-time"})
class UpdatedSinceFilter(django_filters.Filter):
    """Rows changed at or after a moment, for clients that sync incrementally."""

    field_class = SinceField

    def __init__(self, **kwargs):
        kwargs.setdefault("help_text", (
            "Only rows changed at or after this moment (ISO 8601 date or date-time; a date "
            "alone is its first moment, UTC). Repeat with the time of your last sync."
        ))
        super().__init__(field_name="updated_at", lookup_expr="gte", **kwargs)


class ChoicesFilter(django_filters.Filter):
    """One or more values of a fixed vocabulary, repeated: ``?status=a&status=b``."""

    field_class = ChoicesField

    def filter(self, qs, value):
        """Without a ``method``: one ``IN``, no ``DISTINCT``."""
        if not value:
            return qs
        return qs.filter(**{f"{self.field_name}__in": value})


def choices_filter(choices, help_text, **kwargs):
    """A ``ChoicesFilter`` whose schema lists the choices as an enum."""
    values = [value for value, _ in choices]
    schema = {"type": "array", "items": {"type": "string", "enum": values}}
    return extend_schema_field(schema)(
        ChoicesFilter(choices=choices, help_text=help_text, **kwargs)
    )


def gtd_filter(choices, relation: str, help_text: str):
    """Attacks with any of the given GTD codes among their ``relation`` categories."""
    codes = [code for code, _ in choices]
    schema = {"type": "array", "items": {"type": "integer", "enum": codes}}
    through = getattr(Attack, relation).through
    category = getattr(Attack, relation).field.m2m_reverse_field_name()

    def by_codes(qs, name, value):
        return qs.filter(
            Exists(through.objects.filter(
                attack_id=OuterRef("pk"), **{f"{category}__code__in": value}
            ))
        )

    return extend_schema_field(schema)(ChoicesFilter(
        choices=[(str(c), label) for c, label in choices], coerce=int, method=by_codes,
        help_text=help_text + " (GTD codes; repeat for any of several).",
    ))


class SlugsFilter(django_filters.ModelMultipleChoiceFilter):
    """References to rows by slug; an unknown slug is an error, checked in one query."""

    field_class = SlugsField

    def __init__(self, *, what: str, **kwargs):
        kwargs.setdefault("to_field_name", "slug")
        kwargs.setdefault("error_messages", {
            "invalid_choice": f"No {what} has the slug “%(value)s”.",
            "invalid_pk_value": f"“%(pk)s” is not a {what}'s slug.",
        })
        super().__init__(**kwargs)

    def filter(self, qs, value):
        """Without a ``method``: one ``IN``, no ``DISTINCT``."""
        if not value:
            return qs
        return qs.filter(**{f"{self.field_name}__in": value})


def slugs_filter(help_text: str, **kwargs):
    # The schema names one item: django-filter's multiple-choice filters are arrays.
    return extend_schema_field(SLUG)(
        SlugsFilter(help_text=f"{help_text} Repeat for several.", **kwargs)
    )


# Ordering ------------------------------------------------------------------------


@extend_schema_field({"type": "string"})
class OrderingFilter(django_filters.ChoiceFilter):
    """One sort key, ``-`` for descending; the primary key breaks ties the same way.

    Nullable keys sort their empty values last in both directions, so that a cursor
    can resume any ordering from the last row it saw.
    """

    def __init__(self, fields: dict[str, str], **kwargs):
        self.fields = fields
        choices = []
        for public in fields:
            choices += [(public, public), (f"-{public}", f"-{public}")]
        names = ", ".join(fields)
        kwargs.setdefault("help_text", f"Sort key: one of {names}; prefix - to reverse.")
        super().__init__(choices=choices, empty_label=None, **kwargs)

    def filter(self, qs, value):
        if not value:
            return qs
        descending = value.startswith("-")
        field = F(self.fields[value.lstrip("-")])
        pk = F("pk")
        if descending:
            return qs.order_by(field.desc(nulls_last=True), pk.desc())
        return qs.order_by(field.asc(nulls_last=True), pk.asc())


def ordering_schema(fields) -> dict:
    return {
        "type": "string",
        "enum": [v for f in fields for v in (f, f"-{f}")],
    }


def ordering(fields: dict[str, str]) -> OrderingFilter:
    return extend_schema_field(ordering_schema(fields))(OrderingFilter(fields))


# Range checks --------------------------------------------------------------------


class RangeForm(forms.Form):
    """Refuses a range whose upper bound lies below its lower bound."""

    ranges: tuple[tuple[str, str], ...] = ()

    def clean(self):
        data = super().clean()
        for low, high in self.ranges:
            a, b = data.get(low), data.get(high)
            if a is None or b is None:
                continue
            if isinstance(a, PartialDate):
                a, b = a.date, b.last_day
            if b < a:
                self.add_error(high, f"{high} lies before {low}.")
        return data
