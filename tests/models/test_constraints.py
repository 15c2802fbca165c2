"""Database constraints: what model validation refuses, the database refuses too.

Each case writes a row the way a bulk load or a careless script would, without
``full_clean``, and expects the database itself to say no.
"""

import datetime as dt
from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction

from kb.choices import DatePrecision, PlaceKind
from kb.models import Attack, Entry, Place, SizeEstimate
from tests import factories

pytestmark = pytest.mark.django_db


def refused(action):
    with pytest.raises(IntegrityError), transaction.atomic():
        action()


def test_casualty_ranges_upside_down_are_refused():
    attack = factories.AttackFactory(killed=46)
    refused(lambda: Attack.objects.filter(pk=attack.pk).update(killed_low=50))
    refused(lambda: Attack.objects.filter(pk=attack.pk).update(killed_high=40))
    refused(lambda: Attack.objects.filter(pk=attack.pk).update(wounded_low=9, wounded_high=3))


def test_end_date_before_start_is_refused_when_both_are_known_to_the_day():
    attack = factories.AttackFactory(occurred_on=dt.date(2019, 4, 21))
    refused(
        lambda: Attack.objects.filter(pk=attack.pk).update(
            ended_on=dt.date(2019, 4, 20), ended_on_precision=DatePrecision.DAY
        )
    )


def test_a_date_without_precision_is_refused():
    attack = factories.AttackFactory()
    refused(lambda: Attack.objects.filter(pk=attack.pk).update(occurred_on_precision=""))


def test_coordinates_out_of_range_are_refused():
    attack = factories.AttackFactory()
    refused(lambda: Attack.objects.filter(pk=attack.pk).update(latitude=Decimal("91")))
    refused(lambda: Attack.objects.filter(pk=attack.pk).update(longitude=Decimal("-181")))
    refused(
        lambda: Place.objects.create(
            name="Nowhere", slug="nowhere", kind=PlaceKind.COUNTRY, latitude=Decimal("-95")
        )
    )


def test_an_attack_is_never_part_of_itself():
    attack = factories.AttackFactory()
    refused(lambda: Attack.objects.filter(pk=attack.pk).update(parent_event=attack.pk))


def test_relations_never_point_at_themselves():
    group = factories.GroupFactory()
    person = factories.PersonFactory()
    refused(lambda: factories.GroupRelationFactory(subject=group, object=group))
    refused(lambda: factories.PersonRelationFactory(person=person, other=person))


def test_slugs_are_unique_across_every_kind_of_entry():
    factories.GroupFactory(slug="daesh")
    refused(lambda: factories.PersonFactory(slug="daesh"))


def test_an_alias_is_recorded_once_per_entry():
    alias = factories.AliasFactory(name="ISIL")
    refused(lambda: factories.AliasFactory(entry=alias.entry, name="ISIL"))


def test_a_relation_is_recorded_once():
    relation = factories.GroupRelationFactory()
    refused(
        lambda: factories.GroupRelationFactory(
            subject=relation.subject, kind=relation.kind, object=relation.object
        )
    )


def test_a_citation_is_recorded_once():
    citation = factories.CitationFactory()
    refused(
        lambda: factories.CitationFactory(
            entry=citation.entry, source=citation.source, locator=citation.locator
        )
    )


def test_a_size_estimate_upside_down_is_refused():
    group = factories.GroupFactory()
    refused(lambda: SizeEstimate.objects.create(group=group, year=2019, low=10, high=5))


def test_countries_stand_at_the_top_of_the_place_hierarchy():
    country = factories.PlaceFactory(name="Pakistan")
    refused(
        lambda: Place.objects.create(
            name="Sindh", slug="sindh", kind=PlaceKind.PROVINCE, parent=None
        )
    )
    refused(
        lambda: Place.objects.create(
            name="Other", slug="other", kind=PlaceKind.COUNTRY, parent=country
        )
    )


def test_an_anonymous_comment_needs_a_name():
    refused(lambda: factories.CommentFactory(author_name=""))


def test_a_revision_needs_a_summary():
    refused(lambda: factories.RevisionFactory(summary=""))


def test_entries_are_not_redirected_to_themselves():
    group = factories.GroupFactory()
    refused(lambda: Entry.objects.filter(pk=group.pk).update(redirect_to=group.pk))
