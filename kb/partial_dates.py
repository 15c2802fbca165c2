"""Dates known to the day, the month, the year, or only roughly.

A partial date is stored as two columns: ``<name>`` (a ``DateField`` holding the first
day of the period) and ``<name>_precision``. Storing the first day keeps ordinary
ordering and range filters honest: "May 2015" sorts before "13 May 2015" and falls
inside a 2015 filter. ``PartialDate`` is the value type the rest of the code handles.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from kb.choices import DatePrecision

_MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
_MONTHS.update(
    {name.lower(): number for number, name in enumerate(calendar.month_abbr) if name}
)
_MONTHS["sept"] = 9


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date with the precision it is known to."""

    date: dt.date
    precision: str = DatePrecision.DAY

    def __post_init__(self):
        if self.date is None:
            raise ValueError("A partial date needs a date.")
        problem = precision_problem(self.date, self.precision)
        if problem:
            raise ValueError(problem)

    def __str__(self):
        if self.precision == DatePrecision.DAY:
            return f"{self.date.day} {calendar.month_name[self.date.month]} {self.date.year}"
        if self.precision == DatePrecision.MONTH:
            return f"{calendar.month_name[self.date.month]} {self.date.year}"
        if self.precision == DatePrecision.YEAR:
            return str(self.date.year)
        return f"c. {self.date.year}"

    @property
    def last_day(self) -> dt.date:
        """The last day the period could stand for, for range comparisons."""
        if self.precision == DatePrecision.DAY:
            return self.date
        if self.precision == DatePrecision.MONTH:
            days = calendar.monthrange(self.date.year, self.date.month)[1]
            return self.date.replace(day=days)
        return self.date.replace(month=12, day=31)

    def isoformat(self) -> str:
        """ISO 8601 truncated to the known precision: 2015, 2015-05, 2015-05-13."""
        if self.precision == DatePrecision.DAY:
            return self.date.isoformat()
        if self.precision == DatePrecision.MONTH:
            return f"{self.date.year:04d}-{self.date.month:02d}"
        return f"{self.date.year:04d}"

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Read "2015", "May 2015", "13 May 2015", "2015-05", "2015-05-13" or "c. 1996"."""
        raw = " ".join(text.replace(",", " ").split())
        if not raw:
            raise ValueError("Enter a date.")
        circa = re.match(r"^(?:c\.?|ca\.?|circa|about)\s*(\d{3,4})$", raw, re.IGNORECASE)
        if circa:
            return cls(dt.date(int(circa.group(1)), 1, 1), DatePrecision.CIRCA)
        if re.fullmatch(r"\d{3,4}", raw):
            return cls(dt.date(int(raw), 1, 1), DatePrecision.YEAR)
        iso = re.fullmatch(r"(\d{4})-(\d{1,2})(?:-(\d{1,2}))?", raw)
        if iso:
            year, month, day = int(iso.group(1)), int(iso.group(2)), iso.group(3)
            return cls._build(year, month, int(day) if day else None, text)
        words = raw.split(" ")
        if len(words) == 2 and words[0].lower().rstrip(".") in _MONTHS and words[1].isdigit():
            return cls._build(int(words[1]), _MONTHS[words[0].lower().rstrip(".")], None, text)
        if len(words) == 3:
            day, month, year = words
            if day.lower().rstrip(".") in _MONTHS:  # "May 13 2015"
                day, month = month, day
            month_number = _MONTHS.get(month.lower().rstrip("."))
            if month_number and day.isdigit() and year.isdigit():
                return cls._build(int(year), month_number, int(day), text)
        raise ValueError(
            f"“{text}” is not a date this site reads; write 2015, May 2015, 13 May 2015 "
            "or c. 1996."
        )

    @classmethod
    def _build(cls, year: int, month: int, day: int | None, text: str) -> PartialDate:
        try:
            if day is None:
                return cls(dt.date(year, month, 1), DatePrecision.MONTH)
            return cls(dt.date(year, month, day), DatePrecision.DAY)
        except ValueError:
            raise ValueError(f"“{text}” is not a real date.") from None


def precision_problem(date: dt.date | None, precision: str | None) -> str | None:
    """Why a date and precision do not fit together, or None when they do."""
    if date is None and not precision:
        return None
    if date is None:
        return "A precision was given without a date."
    if not precision:
        return "Say how precisely the date is known."
    if precision not in DatePrecision.values:
        return f"Unknown date precision “{precision}”."
    if precision == DatePrecision.MONTH and date.day != 1:
        return "A date known to the month is stored as the first day of that month."
    if precision in (DatePrecision.YEAR, DatePrecision.CIRCA) and (date.month, date.day) != (1, 1):
        return "A date known to the year is stored as 1 January of that year."
    return None


class PartialDateDescriptor:
    """Reads and writes a ``PartialDate`` through the two columns that hold it."""

    def __init__(self, date_field: str):
        self.date_field = date_field
        self.precision_field = f"{date_field}_precision"

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        date = getattr(instance, self.date_field)
        precision = getattr(instance, self.precision_field)
        if date is None or not precision:
            return None
        try:
            return PartialDate(date, precision)
        except ValueError:
            return None  # invalid until validated; clean() reports it on the field

    def __set__(self, instance, value: PartialDate | str | None):
        if isinstance(value, str):
            value = PartialDate.parse(value) if value.strip() else None
        setattr(instance, self.date_field, value.date if value else None)
        setattr(instance, self.precision_field, value.precision if value else "")


def precision_field(verbose_name: str = "precision") -> models.CharField:
    return models.CharField(
        verbose_name, max_length=8, choices=DatePrecision.choices, blank=True, default=""
    )


def precision_constraint(model_name: str, date_field: str) -> models.CheckConstraint:
    """A date has a precision and a precision has a date."""
    precision = f"{date_field}_precision"
    return models.CheckConstraint(
        condition=(Q(**{f"{date_field}__isnull": True}) & Q(**{precision: ""}))
        | (Q(**{f"{date_field}__isnull": False}) & ~Q(**{precision: ""})),
        name=f"{model_name}_{date_field}_has_precision",
        violation_error_message="A date needs its precision, and a precision its date.",
    )


def validate_partial_date(instance, date_field: str, errors: dict) -> None:
    """Add a field-level message to ``errors`` when a partial date is inconsistent."""
    problem = precision_problem(
        getattr(instance, date_field), getattr(instance, f"{date_field}_precision")
    )
    if problem:
        errors.setdefault(date_field, []).append(ValidationError(problem, code="precision"))


def validate_date_order(instance, start: str, end: str, errors: dict, message: str) -> None:
    """Add a message on ``end`` when its period ends before the ``start`` period begins."""
    try:
        start_value = PartialDate(getattr(instance, start), getattr(instance, f"{start}_precision"))
        end_value = PartialDate(getattr(instance, end), getattr(instance, f"{end}_precision"))
    except (ValueError, TypeError):
        return  # missing or malformed; reported by validate_partial_date
    if end_value.last_day < start_value.date:
        errors.setdefault(end, []).append(ValidationError(message, code="order"))


def date_order_constraint(model_name: str, start: str, end: str) -> models.CheckConstraint:
    """End not before start, where both are known to the day.

    Coarser dates are checked by ``validate_date_order``: "2015" may end a period that
    began in "May 2015", though 2015-01-01 is the earlier stored day.
    """
    day = DatePrecision.DAY
    return models.CheckConstraint(
        condition=Q(**{f"{end}__isnull": True})
        | Q(**{f"{start}__isnull": True})
        | ~Q(**{f"{end}_precision": day})
        | ~Q(**{f"{start}_precision": day})
        | Q(**{f"{end}__gte": models.F(start)}),
        name=f"{model_name}_{end}_not_before_{start}",
        violation_error_message="The end date cannot be before the start date.",
    )
