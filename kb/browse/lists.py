"""The four browse lists: their rows, their filters on the form, their sort orders.

Each list's rows are what the user may see (``visible_to``: published entries for
readers, drafts too for the team) with what the page shows beside each row loaded in
the same few queries, whatever the number of rows; the long narrative columns are not
loaded at all.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django import forms
from django.core.paginator import Paginator
from django.db.models import Model, Prefetch, QuerySet, TextField
from django.utils.functional import cached_property

from kb import filtersets
from kb.browse.presenting import (
    BrowseFilterSet,
    EitherSelect,
    Shown,
    ValuesInput,
    find_groups,
    find_places,
)
from kb.models import Attack, Claim, Group, Person, Source
from kb.models.entries import visible_q
from kb.paginators import EstimatedCountPaginator, estimated_row_count

DATE_HELP = "A year, a month or a day: 2015, 2015-05, 13 May 2015."
GROUP_HELP = "A name, abbreviation or slug; several separated by commas."
CHECKBOXES = forms.CheckboxSelectMultiple()
COUNTRIES = forms.SelectMultiple(attrs={"size": 6})


def _date_input():
    return forms.TextInput(attrs={"placeholder": "2015-05"})


def _long_text(model: type[Model]) -> list[str]:
    return [f.name for f in model._meta.concrete_fields
            if isinstance(f, TextField) and f.name != "summary"]


# Rows ------------------------------------------------------------------------------


def attacks(user) -> QuerySet:
    """Attacks newest first, with their place and the groups that claimed them."""
    claims = Claim.objects.filter(visible_q(user, "group__")).select_related("group")
    return (
        Attack.objects.visible_to(user).select_related("place", "country")
        .prefetch_related(Prefetch("claims", queryset=claims.order_by("pk")))
        .defer(*_long_text(Attack)).order_by("-occurred_on", "name", "pk")
    )


def groups(user) -> QuerySet:
    return Group.objects.visible_to(user).defer(*_long_text(Group)).order_by("name", "pk")


def people(user) -> QuerySet:
    return (
        Person.objects.visible_to(user).select_related("nationality")
        .defer(*_long_text(Person)).order_by("name", "pk")
    )


def sources(user) -> QuerySet:
    return Source.objects.defer("note").order_by("title", "pk")


# Filters on the form ---------------------------------------------------------------


class AttackBrowseFilterSet(BrowseFilterSet, filtersets.AttackFilterSet):
    shown = {
        "date_from": Shown("From", _date_input(), DATE_HELP),
        "date_to": Shown("Until", _date_input()),
        "country": Shown("Country", COUNTRIES),
        "province": Shown(
            "Province", ValuesInput(), "A name or slug; several separated by commas.",
            lookup="type=place&kind=province",
        ),
        "group": Shown(
            "Group", ValuesInput(), f"Claimed by or attributed to. {GROUP_HELP}",
            lookup="type=group",
        ),
        "claimed": Shown("Claimed", EitherSelect(yes="Claimed", no="Not claimed")),
        "attack_type": Shown("Attack type", CHECKBOXES),
        "target_type": Shown("Target type", CHECKBOXES),
        "weapon_type": Shown("Weapon type", CHECKBOXES),
        "killed_min": Shown("Killed, at least"),
        "killed_max": Shown("Killed, at most"),
        "wounded_min": Shown("Wounded, at least"),
        "wounded_max": Shown("Wounded, at most"),
    }
    layout = (
        ("date_from", "date_to"), ("country",), ("province",), ("group",), ("claimed",),
        ("attack_type",), ("target_type",), ("weapon_type",), ("killed_min", "killed_max"),
        ("wounded_min", "wounded_max"),
    )
    sorts = {
        "": "Newest first", "date": "Oldest first",
        "-killed": "Most killed", "killed": "Fewest killed",
        "-wounded": "Most wounded", "wounded": "Fewest wounded",
        "name": "Name, A to Z", "-name": "Name, Z to A",
        "-updated_at": "Recently updated", "updated_at": "Least recently updated",
    }
    default_sort = "-date"
    finders = {"group": find_groups, "province": find_places}

    @property
    def subject_group(self) -> Group | None:
        """The one group the list is narrowed to, for the page's heading."""
        chosen = getattr(self.form, "cleaned_data", {}).get("group") or []
        return chosen[0] if len(chosen) == 1 else None


class GroupBrowseFilterSet(BrowseFilterSet, filtersets.GroupFilterSet):
    shown = {
        "alias": Shown("Name", help="A name, abbreviation or alias, in any spelling."),
        "status": Shown("Status", CHECKBOXES),
        "ideology": Shown("Ideology", CHECKBOXES),
        "area": Shown(
            "Area of operation", ValuesInput(),
            "A country, province or district, by name or slug; several separated by commas.",
            lookup="type=place",
        ),
        "active_in": Shown("Active in the year"),
    }
    layout = (("alias",), ("status",), ("ideology",), ("area",), ("active_in",))
    sorts = {
        "": "Name, A to Z", "-name": "Name, Z to A",
        "founded": "Founded, earliest first", "-founded": "Founded, latest first",
        "-updated_at": "Recently updated", "updated_at": "Least recently updated",
    }
    default_sort = "name"
    finders = {"area": find_places}


class PersonBrowseFilterSet(BrowseFilterSet, filtersets.PersonFilterSet):
    shown = {
        "group": Shown("Group", ValuesInput(), GROUP_HELP, lookup="type=group"),
        "role": Shown("Role in the group", CHECKBOXES),
        "status": Shown("Status", CHECKBOXES),
        "nationality": Shown("Nationality", COUNTRIES),
    }
    layout = (("group",), ("role",), ("status",), ("nationality",))
    sorts = {
        "": "Name, A to Z", "-name": "Name, Z to A",
        "born": "Born, earliest first", "-born": "Born, latest first",
        "-updated_at": "Recently updated", "updated_at": "Least recently updated",
    }
    default_sort = "name"
    finders = {"group": find_groups}


class SourceBrowseFilterSet(BrowseFilterSet, filtersets.SourceFilterSet):
    shown = {
        "kind": Shown("Kind of source", CHECKBOXES),
        "reliability": Shown("Reliability", CHECKBOXES),
    }
    layout = (("kind",), ("reliability",))
    sorts = {
        "": "Title, A to Z", "-title": "Title, Z to A",
        "-published": "Newest first", "published": "Oldest first",
        "-updated_at": "Recently updated", "updated_at": "Least recently updated",
    }
    default_sort = "title"


# Lists -----------------------------------------------------------------------------


class ListPaginator(EstimatedCountPaginator):
    """Counts the rows that match, except an unfiltered list of a large table.

    ``table`` is the whole table behind an unfiltered list whose rows the user may see
    are nearly all of it (drafts are few): its planner estimate then stands for the
    count, as ``EstimatedCountPaginator`` does for an unfiltered queryset.
    """

    def __init__(self, object_list, per_page, *, table: QuerySet | None = None, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.table = table
        self.is_estimate = False

    @cached_property
    def count(self):
        estimate = estimated_row_count(self.table if self.table is not None else self.object_list)
        if estimate is not None and estimate > self.threshold:
            self.is_estimate = True
            return estimate
        # The exact count; the parent would only ask for the same estimate again.
        return Paginator.count.func(self)


@dataclass(frozen=True)
class Listing:
    filterset: type[BrowseFilterSet]
    rows: Callable[..., QuerySet]
    template: str
    section: str

    @property
    def model(self) -> type[Model]:
        return self.filterset._meta.model


ATTACKS = Listing(AttackBrowseFilterSet, attacks, "kb/attack_list.html", "attacks")
GROUPS = Listing(GroupBrowseFilterSet, groups, "kb/group_list.html", "groups")
PEOPLE = Listing(PersonBrowseFilterSet, people, "kb/person_list.html", "people")
SOURCES = Listing(SourceBrowseFilterSet, sources, "kb/source_list.html", "sources")
