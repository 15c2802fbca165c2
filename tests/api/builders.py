"""Data for the API tests: records with every kind of related row, and hidden ones.

``rich_attack(n)`` and friends give one record ``n`` rows of each related kind, so a
test can show that the queries do not grow with ``n``. ``build_catalogue()`` adds to the
demo data what it lacks (ranges, coordinates, designations, a coordinated event) and
entries that must never show: a draft, an archived entry, a merged one.
"""

import datetime as dt

from django.contrib.contenttypes.models import ContentType

from kb.choices import (
    AliasKind,
    AttributionBy,
    Certainty,
    ClaimMode,
    CoordinatePrecision,
    DatePrecision,
    GroupRelationKind,
    GroupStatus,
    IdentifierScheme,
    Ideology,
    PersonAttackRoleKind,
    PersonGroupRoleKind,
    PersonStatus,
    PlaceKind,
    Script,
)
from kb.demo.loader import load_demo
from kb.models import (
    AttackType,
    Designation,
    ExternalIdentifier,
    SizeEstimate,
    TargetType,
    WeaponType,
)
from tests.factories import (
    AliasFactory,
    AttackFactory,
    AttributionFactory,
    CitationFactory,
    ClaimFactory,
    CommentFactory,
    GroupFactory,
    GroupRelationFactory,
    PersonAttackRoleFactory,
    PersonFactory,
    PersonGroupRoleFactory,
    PersonRelationFactory,
    PlaceFactory,
    SourceFactory,
)

SECRET_EMAIL = "hidden-reader@example.org"


def places():
    """Country > province > city, with coordinates on the city."""
    country = PlaceFactory(name="Testland", slug="testland", country_code="TL")
    province = PlaceFactory(name="North Province", slug="north-province",
                            kind=PlaceKind.PROVINCE, parent=country)
    city = PlaceFactory(name="Harbour City", slug="harbour-city", kind=PlaceKind.CITY,
                        parent=province, latitude="25.126400", longitude="62.322500")
    return country, province, city


def cite(entry, target=None, field=""):
    return CitationFactory(
        entry=entry, source=SourceFactory(), field=field,
        target_type=ContentType.objects.get_for_model(target) if target else None,
        target_id=target.pk if target else None,
    )


def rich_attack(n: int, name: str = "Rich attack"):
    country, province, city = places()
    attack = AttackFactory(
        name=name, place=city, country=country, province=province,
        latitude="25.126400", longitude="62.322500",
        coordinate_precision=CoordinatePrecision.CITY,
        killed=10, killed_low=8, killed_high=12, wounded=20, suicide=True, success=True,
    )
    parent = AttackFactory(name=f"{name} parent event")
    attack.parent_event = parent
    attack.save()
    attack.attack_types.set(AttackType.objects.order_by("code")[:n])
    attack.target_types.set(TargetType.objects.order_by("code")[:n])
    attack.weapon_types.set(WeaponType.objects.order_by("code")[:n])
    for i in range(n):
        AliasFactory(entry=attack, name=f"{name} alias {i}")
        ExternalIdentifier.objects.create(entry=attack, scheme=IdentifierScheme.OTHER,
                                          value=f"{name}-{i}")
        claim = ClaimFactory(attack=attack, group=GroupFactory(name=f"{name} claimant {i}"))
        attribution = AttributionFactory(
            attack=attack, group=GroupFactory(name=f"{name} suspect {i}"),
            certainty=Certainty.CONFIRMED,
        )
        role = PersonAttackRoleFactory(attack=attack, person=PersonFactory(name=f"{name} p{i}"))
        AttackFactory(name=f"{name} part {i}", parent_event=attack)
        for row in (claim, attribution, role):
            cite(attack, row)
        cite(attack, field="killed")
    return attack


def rich_group(n: int, name: str = "Rich group"):
    country, province, _ = places()
    group = GroupFactory(
        name=name, abbreviation="RG", founded_on=dt.date(2015, 5, 1),
        founded_on_precision=DatePrecision.MONTH, ideology=Ideology.SALAFI_JIHADIST,
    )
    group.areas.add(country, province)
    AliasFactory(entry=group, name="ولایت خراسان", kind=AliasKind.NATIVE, script=Script.ARABIC,
                 language="ar")
    for i in range(n):
        AliasFactory(entry=group, name=f"{name} alias {i}")
        Designation.objects.create(group=group, authority=f"Authority {i}",
                                   designated_on=dt.date(2016, 1, 1),
                                   designated_on_precision=DatePrecision.YEAR)
        SizeEstimate.objects.create(group=group, year=2015 + i, low=100, best=200 + i)
        relation = GroupRelationFactory(subject=group, object=GroupFactory(name=f"{name} p{i}"))
        GroupRelationFactory(subject=GroupFactory(name=f"{name} splinter {i}"), object=group,
                             kind=GroupRelationKind.SPLINTER_OF)
        member = PersonGroupRoleFactory(group=group, person=PersonFactory(name=f"{name} m{i}"))
        ClaimFactory(group=group, attack=AttackFactory(name=f"{name} attack {i}"))
        for row in (relation, member):
            cite(group, row)
    return group


def rich_person(n: int, name: str = "Rich person"):
    person = PersonFactory(name=name, status=PersonStatus.ARRESTED, born_on=dt.date(1980, 1, 1),
                           born_on_precision=DatePrecision.CIRCA)
    for i in range(n):
        AliasFactory(entry=person, name=f"{name} alias {i}")
        role = PersonGroupRoleFactory(person=person, group=GroupFactory(name=f"{name} g{i}"),
                                      role=PersonGroupRoleKind.COMMANDER)
        PersonAttackRoleFactory(person=person, attack=AttackFactory(name=f"{name} a{i}"),
                                role=PersonAttackRoleKind.PERPETRATOR)
        tie = PersonRelationFactory(person=person, other=PersonFactory(name=f"{name} kin {i}"))
        PersonRelationFactory(person=PersonFactory(name=f"{name} friend {i}"), other=person)
        for row in (role, tie):
            cite(person, row)
    return person


def hidden_entries():
    """A draft, an archived and a merged group, each tied to published records."""
    published = GroupFactory(name="Visible front")
    draft = GroupFactory(name="Secret draft group", published_at=None)
    archived = GroupFactory(name="Archived group", is_archived=True)
    merged = GroupFactory(name="Merged duplicate", slug="merged-duplicate",
                          redirect_to=published)
    draft_attack = AttackFactory(name="Secret draft attack", published_at=None)
    draft_person = PersonFactory(name="Secret draft person", published_at=None)
    visible_attack = AttackFactory(name="Visible attack")
    for group in (draft, archived, merged):
        ClaimFactory(attack=visible_attack, group=group)
        GroupRelationFactory(subject=published, object=group)
        AliasFactory(entry=group, name=f"{group.name} alias")
    ClaimFactory(attack=draft_attack, group=published)
    PersonGroupRoleFactory(person=draft_person, group=published)
    PersonAttackRoleFactory(person=draft_person, attack=visible_attack)
    CommentFactory(entry=published, author_email=SECRET_EMAIL, ip_address="203.0.113.9")
    return {"published": published, "draft": draft, "archived": archived, "merged": merged,
            "draft_attack": draft_attack, "draft_person": draft_person,
            "visible_attack": visible_attack}


def build_catalogue():
    """The demo data, a rich record of each kind, and the entries that must stay hidden."""
    load_demo(password=None)
    rich_attack(2)
    rich_group(2)
    rich_person(2)
    hidden = hidden_entries()
    GroupFactory(name="Dissolved group", status=GroupStatus.DISSOLVED,
                 founded_on=dt.date(1990, 1, 1), founded_on_precision=DatePrecision.YEAR,
                 dissolved_on=dt.date(2001, 9, 1), dissolved_on_precision=DatePrecision.MONTH)
    AttackFactory(name="Kidnapping of 2012", occurred_on=dt.date(2012, 1, 1),
                  occurred_on_precision=DatePrecision.YEAR, killed=0, wounded=3,
                  killed_low=0, killed_high=2)
    ClaimFactory(attack=AttackFactory(name="Claimed by call"), mode=ClaimMode.CALL,
                 group=GroupFactory(name="Caller group"))
    AttributionFactory(attributed_by=AttributionBy.RESEARCHERS, attributed_by_name="PIPS")
    return hidden
