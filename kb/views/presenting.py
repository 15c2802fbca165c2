"""Shaping loaded rows for a profile page: ties read from both sides, numbered sources.

Pure functions over rows the selectors have already loaded; nothing here queries.
"""

from dataclasses import dataclass, field

from django.core.exceptions import FieldDoesNotExist

from kb.choices import GROUP_RELATION_INVERSE, PERSON_RELATION_INVERSE
from kb.models import Citation, Entry, Group, Person, Source

# Ties in both directions ---------------------------------------------------------


@dataclass
class Tie:
    """One line of a profile's relations, read from this entry's side."""

    label: str
    other: Entry
    relation: object


def group_ties(group: Group) -> list[Tie]:
    ties = [Tie(r.get_kind_display(), r.object, r) for r in group.relations.all()]
    ties += [
        Tie(GROUP_RELATION_INVERSE.get(r.kind, r.get_kind_display()), r.subject, r)
        for r in group.inverse_relations.all()
    ]
    return sorted(ties, key=lambda t: (t.label, t.other.name))


def person_ties(person: Person) -> list[Tie]:
    ties = [Tie(r.get_kind_display(), r.other, r) for r in person.relations.all()]
    ties += [
        Tie(PERSON_RELATION_INVERSE.get(r.kind, r.get_kind_display()), r.person, r)
        for r in person.inverse_relations.all()
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


def number_references(entry: Entry) -> References:
    """Number each cited source once, in order of first citation.

    Also index the numbers by the field and by the relation each citation supports,
    so a figure or a claim can point at its own sources.
    """
    numbers: dict[int, Reference] = {}
    by_field: dict[str, list[int]] = {}
    by_target: dict[tuple[str, int], list[int]] = {}
    for citation in entry.citations.all():
        ref = numbers.get(citation.source_id)
        if ref is None:
            ref = numbers[citation.source_id] = Reference(len(numbers) + 1, citation.source)
        ref.citations.append(citation)
        citation.field_label = _field_label(entry, citation)
        if citation.target_type_id:
            key = (citation.target_type.model, citation.target_id)
            _add(by_target.setdefault(key, []), ref.number)
        elif citation.field:
            _add(by_field.setdefault(citation.field, []), ref.number)
    return References(list(numbers.values()), by_field, by_target)


def _add(numbers: list[int], number: int) -> None:
    if number not in numbers:
        numbers.append(number)


def _field_label(entry: Entry, citation: Citation) -> str:
    if not citation.field:
        return ""
    model = citation.target_type.model_class() if citation.target_type_id else type(entry)
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

