"""Model validation: bad data is refused with a message on the field that is wrong."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from kb.choices import DatePrecision, IdentifierScheme, PlaceKind, Script
from kb.models import Attack, Citation, Designation, ExternalIdentifier, Place, SizeEstimate
from tests import factories

pytestmark = pytest.mark.django_db


def errors_of(obj) -> dict:
    with pytest.raises(ValidationError) as caught:
        obj.full_clean()
    return caught.value.message_dict


def test_a_valid_attack_passes_validation():
    attack = factories.AttackFactory.build(killed_low=40, killed=46, killed_high=47)
    attack.full_clean()


def test_an_upside_down_casualty_range_is_refused_on_the_low_figure():
    attack = factories.AttackFactory.build(killed_low=50, killed=46)
    assert "killed_low" in errors_of(attack)


def test_a_high_figure_below_the_best_is_refused_on_the_high_figure():
    attack = factories.AttackFactory.build(wounded=10, wounded_high=5)
    assert "wounded_high" in errors_of(attack)


def test_a_day_with_year_precision_is_refused_on_the_date():
    attack = factories.AttackFactory.build(
        occurred_on=dt.date(2015, 5, 13), occurred_on_precision=DatePrecision.YEAR
    )
    assert "1 January" in errors_of(attack)["occurred_on"][0]


def test_a_date_without_precision_is_refused():
    attack = factories.AttackFactory.build(occurred_on_precision="")
    assert "occurred_on" in errors_of(attack)


def test_an_attack_cannot_end_before_it_began():
    attack = factories.AttackFactory.build(
        occurred_on=dt.date(2019, 4, 21), ended_on=dt.date(2019, 4, 20),
        ended_on_precision=DatePrecision.DAY,
    )
    assert "ended_on" in errors_of(attack)


def test_a_coarse_end_date_inside_the_start_period_is_allowed():
    attack = factories.AttackFactory.build(
        occurred_on=dt.date(2015, 5, 1), occurred_on_precision=DatePrecision.MONTH,
        ended_on=dt.date(2015, 1, 1), ended_on_precision=DatePrecision.YEAR,
    )
    attack.full_clean()


def test_coordinates_out_of_range_are_refused():
    attack = factories.AttackFactory.build(
        latitude=Decimal("95"), longitude=Decimal("10"), coordinate_precision=1
    )
    assert "latitude" in errors_of(attack)


def test_half_a_coordinate_pair_is_refused():
    attack = factories.AttackFactory.build(latitude=Decimal("30"), coordinate_precision=1)
    assert "longitude" in errors_of(attack)


def test_coordinates_need_their_precision():
    attack = factories.AttackFactory.build(latitude=Decimal("30"), longitude=Decimal("66"))
    assert "coordinate_precision" in errors_of(attack)


def test_attack_takes_country_and_province_from_its_place():
    city = factories.CityFactory()
    attack = factories.AttackFactory.build(place=city)
    attack.full_clean()
    assert attack.province == city.parent
    assert attack.country == city.parent.parent


def test_attack_refuses_a_country_that_contradicts_its_place():
    city = factories.CityFactory()
    elsewhere = factories.PlaceFactory(name="Elsewhere")
    attack = factories.AttackFactory.build(place=city, country=elsewhere)
    assert "country" in errors_of(attack)


def test_coordinated_events_have_one_level():
    top = factories.AttackFactory()
    middle = factories.AttackFactory(parent_event=top)
    attack = factories.AttackFactory.build(parent_event=middle)
    assert "parent_event" in errors_of(attack)


def test_an_alias_identical_to_the_entry_name_is_refused():
    group = factories.GroupFactory(name="Lashkar-e-Taiba")
    alias = factories.AliasFactory.build(entry=group, name="lashkar e taiba")
    assert "name" in errors_of(alias)


def test_an_arabic_script_alias_is_accepted_with_its_script():
    group = factories.GroupFactory(name="Islamic State")
    alias = factories.AliasFactory.build(
        entry=group, name="الدولة الإسلامية", script=Script.ARABIC, language="ar"
    )
    alias.full_clean()


def test_an_arabic_name_marked_latin_is_refused_on_the_script():
    group = factories.GroupFactory(name="Islamic State")
    alias = factories.AliasFactory.build(entry=group, name="الدولة الإسلامية")
    assert "script" in errors_of(alias)


def test_a_group_cannot_dissolve_before_it_was_founded():
    group = factories.GroupFactory.build(
        founded_on=dt.date(2015, 1, 1), founded_on_precision=DatePrecision.YEAR,
        dissolved_on=dt.date(2014, 1, 1), dissolved_on_precision=DatePrecision.YEAR,
    )
    assert "dissolved_on" in errors_of(group)


def test_a_person_cannot_die_before_being_born():
    person = factories.PersonFactory.build(
        born_on=dt.date(1971, 1, 1), born_on_precision=DatePrecision.CIRCA,
        died_on=dt.date(1960, 1, 1), died_on_precision=DatePrecision.YEAR,
    )
    assert "died_on" in errors_of(person)


def test_nationality_must_be_a_country():
    city = factories.CityFactory()
    person = factories.PersonFactory.build(nationality=city)
    assert "nationality" in errors_of(person)


def test_a_group_relation_never_points_at_itself():
    group = factories.GroupFactory()
    relation = factories.GroupRelationFactory.build(subject=group, object=group)
    assert "object" in errors_of(relation)


def test_a_person_relation_never_points_at_themselves():
    person = factories.PersonFactory()
    relation = factories.PersonRelationFactory.build(person=person, other=person)
    assert "other" in errors_of(relation)


@pytest.mark.parametrize(
    "factory",
    [
        factories.GroupRelationFactory,
        factories.PersonGroupRoleFactory,
        factories.PersonAttackRoleFactory,
        factories.PersonRelationFactory,
        factories.ClaimFactory,
        factories.AttributionFactory,
    ],
)
def test_every_relation_refuses_an_end_before_its_start(factory):
    relation = factory.build(
        started_on=dt.date(2018, 1, 1), started_on_precision=DatePrecision.YEAR,
        ended_on=dt.date(2017, 6, 1), ended_on_precision=DatePrecision.MONTH,
    )
    for field in relation._meta.concrete_fields:
        if field.is_relation and getattr(relation, field.attname) is None and not field.null:
            getattr(relation, field.name).save()
    assert "ended_on" in errors_of(relation)


def test_a_size_estimate_upside_down_is_refused():
    estimate = SizeEstimate(group=factories.GroupFactory(), year=2019, low=500, best=100)
    assert "low" in errors_of(estimate)


def test_a_size_estimate_needs_a_figure():
    estimate = SizeEstimate(group=factories.GroupFactory(), year=2019)
    assert "best" in errors_of(estimate)


def test_a_place_below_the_top_needs_a_parent():
    assert "parent" in errors_of(Place(name="Quetta", slug="quetta", kind=PlaceKind.CITY))


def test_a_place_cannot_sit_inside_a_smaller_kind():
    city = factories.CityFactory()
    province = Place(name="Sindh", slug="sindh", kind=PlaceKind.PROVINCE, parent=city)
    assert "parent" in errors_of(province)


def test_a_place_refuses_half_a_coordinate_pair():
    place = Place(name="X", slug="x", kind=PlaceKind.COUNTRY, latitude=Decimal("10"))
    assert "longitude" in errors_of(place)


def test_wikidata_ids_look_like_wikidata_ids():
    identifier = ExternalIdentifier(
        entry=factories.GroupFactory(), scheme=IdentifierScheme.WIKIDATA, value="2429253"
    )
    assert "value" in errors_of(identifier)


def test_a_citation_names_a_real_field():
    citation = factories.CitationFactory.build(
        entry=factories.AttackFactory(), source=factories.SourceFactory(), field="kiled"
    )
    assert "field" in errors_of(citation)


def test_a_citation_may_support_a_field_of_its_entry():
    attack = factories.AttackFactory()
    citation = Citation(entry=attack, source=factories.SourceFactory(), field="killed")
    citation.full_clean()


def test_a_citation_supports_only_relations_its_entry_owns():
    claim = factories.ClaimFactory()
    other_attack = factories.AttackFactory()
    citation = Citation(entry=other_attack, source=factories.SourceFactory(), target=claim)
    assert "target_id" in errors_of(citation)


def test_a_citation_of_an_owned_relation_is_accepted():
    claim = factories.ClaimFactory()
    citation = Citation(entry=claim.attack, source=factories.SourceFactory(), target=claim)
    citation.full_clean()


def test_an_anonymous_comment_needs_name_and_email():
    comment = factories.CommentFactory.build(
        entry=factories.GroupFactory(), author_name="", author_email=""
    )
    errors = errors_of(comment)
    assert {"author_name", "author_email"} <= errors.keys()


def test_replies_go_one_level_deep():
    top = factories.CommentFactory()
    reply = factories.CommentFactory(entry=top.entry, parent=top)
    nested = factories.CommentFactory.build(entry=top.entry, parent=reply)
    assert "parent" in errors_of(nested)


def test_unique_slugs_are_made_for_entries_with_the_same_name():
    first = factories.GroupFactory(name="Jamaat")
    second = factories.PersonFactory(name="Jamaat")
    assert first.slug != second.slug


def test_entry_kind_and_search_name_are_derived_on_save():
    attack = factories.AttackFactory(name="Safoora Chowrangi bus attack")
    assert attack.kind == "attack"
    assert Attack.objects.get(pk=attack.pk).search_name == "safoora chowrangi bus attack"


def test_a_source_date_must_fit_its_precision():
    source = factories.SourceFactory.build(
        published_on=dt.date(2019, 11, 5), published_on_precision=DatePrecision.MONTH
    )
    assert "published_on" in errors_of(source)


def test_a_designation_date_must_fit_its_precision():
    designation = Designation(
        group=factories.GroupFactory(), authority="UN Security Council",
        designated_on=dt.date(2019, 11, 5), designated_on_precision=DatePrecision.YEAR,
    )
    assert "designated_on" in errors_of(designation)
