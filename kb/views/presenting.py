"""Shaping loaded rows for a profile page: ties read from both sides, numbered sources,
a group's attacks by year and the links that sort them.

Pure functions over rows ``kb.profiles`` has already loaded; nothing here queries.
"""

from dataclasses import dataclass, field

from django.core.exceptions import FieldDoesNotExist

from kb.choices import GROUP_RELATION_INVERSE, PERSON_RELATION_INVERSE
from kb.models import (
    Attack,
    Citation,
    Entry,
    Group,
    GroupRelation,
    Person,
    PersonRelation,
    Source,
)

# Ties in both directions ---------------------------------------------------------


@dataclass
class Tie:
    """One line of a profile's relations, read from this entry's side."""

    label: str
    other: Entry
    relation: object


def group_ties(group: Group, relations: list[GroupRelation]) -> list[Tie]:
    """``relations`` read from ``group``'s side: "splinters" where another group is a
    splinter of it."""
    ties = [
        Tie(r.get_kind_display(), r.object, r) if r.subject_id == group.pk
        else Tie(GROUP_RELATION_INVERSE.get(r.kind, r.get_kind_display()), r.subject, r)
        for r in relations
    ]
    return sorted(ties, key=lambda t: (t.label, t.other.name))


def person_ties(person: Person, relations: list[PersonRelation]) -> list[Tie]:
    ties = [
        Tie(r.get_kind_display(), r.other, r) if r.person_id == person.pk
        else Tie(PERSON_RELATION_INVERSE.get(r.kind, r.get_kind_display()), r.person, r)
        for r in relations
    ]
    return sorted(ties, key=lambda t: (t.label, t.other.name))


# Numbered references -------------------------------------------------------------


@dataclass
class Reference:
    """A source as the page lists it: one number, however often it is cited."""

    number: int
    source: Source
    citations: list = field(default_factory=list)


@dataclass
class References:
    sources: list[Reference]
    by_field: dict[str, list[int]]
    by_target: dict[tuple[str, int], list[int]]

    def for_row(self, row) -> list[int]:
        return self.by_target.get((row._meta.model_name, row.pk), [])


def number_references(entry: Entry, citations: list[Citation]) -> References:
    """Number each cited source once, in order of first citation.

    Also index the numbers by the field and by the relation each citation supports,
    so a figure or a claim can point at its own sources. ``citations`` may include
    those other entries hold for relations this page shows (``kb.profiles.citations``).
    """
    numbers: dict[int, Reference] = {}
    by_field: dict[str, list[int]] = {}
    by_target: dict[tuple[str, int], list[int]] = {}
    label_citations(entry, citations)
    for citation in citations:
        ref = numbers.get(citation.source_id)
        if ref is None:
            ref = numbers[citation.source_id] = Reference(len(numbers) + 1, citation.source)
        ref.citations.append(citation)
        if citation.target_type_id:
            key = (citation.target_type.model, citation.target_id)
            _add(by_target.setdefault(key, []), ref.number)
        elif citation.field:
            _add(by_field.setdefault(citation.field, []), ref.number)
    return References(list(numbers.values()), by_field, by_target)


def _add(numbers: list[int], number: int) -> None:
    if number not in numbers:
        numbers.append(number)


def label_citations(entry: Entry, citations: list[Citation]) -> None:
    """Name what each citation supports: a field ("killed") or a kind of relation."""
    for citation in citations:
        citation.field_label = _field_label(entry, citation)
        citation.target_label = (
            str(citation.target_type.model_class()._meta.verbose_name)
            if citation.target_type_id and citation.target_type.model_class() else ""
        )


ENTRY_MODELS = {"group": Group, "person": Person, "attack": Attack}


def _field_label(entry: Entry, citation: Citation) -> str:
    if not citation.field:
        return ""
    model = (
        citation.target_type.model_class() if citation.target_type_id
        else ENTRY_MODELS.get(entry.kind, type(entry))
    )
    fallback = citation.field.replace("_", " ")
    try:
        # Reverse relations (a group's "aliases") have no verbose name.
        return str(getattr(model._meta.get_field(citation.field), "verbose_name", fallback))
    except (FieldDoesNotExist, AttributeError):  # a field since renamed, a model removed
        return fallback


def attach_reference_numbers(references: References, rows) -> None:
    """Give each relation row the numbers of the sources cited for it."""
    for row in rows:
        row.reference_numbers = references.for_row(row)


# A group's attacks ------------------------------------------------------------------


@dataclass
class YearCount:
    """One row of a group's attacks by year; the shares, out of 100, size its bars."""

    year: int
    attacks: int
    claimed: int
    share: float = 0.0
    claimed_share: float = 0.0


def attack_years(rows: list[dict]) -> list[YearCount]:
    """Every year from the first attack to the last, years without attacks included,
    so that a gap in the table is a gap in the record and not a missing row."""
    if not rows:
        return []
    counts = {row["year"]: row for row in rows}
    peak = max(row["attacks"] for row in rows) or 1
    years = []
    for year in range(min(counts), max(counts) + 1):
        row = counts.get(year, {"attacks": 0, "claimed": 0})
        years.append(
            YearCount(
                year, row["attacks"], row["claimed"],
                share=round(100 * row["attacks"] / peak, 1),
                claimed_share=round(100 * row["claimed"] / peak, 1),
            )
        )
    return years


@dataclass
class SortColumn:
    """A sortable column heading: the ``?sort=`` its link asks for, and ``aria-sort``."""

    label: str
    link: str
    aria_sort: str = ""


# Column, its ``?sort=`` key, and whether a first click sorts it largest or latest first
# (the keys of ``kb.profiles.ATTACK_SORTS``).
SORT_COLUMNS = (
    ("date", "Date", "date", True),
    ("killed", "Killed", "killed", True),
    ("wounded", "Wounded", "wounded", True),
)


def sort_columns(current: str) -> dict[str, SortColumn]:
    """The column headings of a sortable table, by column.

    The column sorted now says which way (``aria-sort``) and links to the other way;
    the others link to their natural first order.
    """
    columns = {}
    for column, label, key, descending_first in SORT_COLUMNS:
        if current.lstrip("-") == key:
            descending = current.startswith("-")
            columns[column] = SortColumn(
                label, key if descending else f"-{key}",
                "descending" if descending else "ascending",
            )
        else:
            columns[column] = SortColumn(label, f"-{key}" if descending_first else key)
    return columns
