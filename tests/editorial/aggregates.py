"""Entries with every kind of owned row, for the editorial contract tests."""

import datetime as dt

from kb.choices import (
    AliasKind,
    AttributionBy,
    Certainty,
    ClaimMode,
    DatePrecision,
    GroupRelationKind,
    IdentifierScheme,
    PersonAttackRoleKind,
    PersonGroupRoleKind,
    PersonRelationKind,
    Script,
)
from kb.models import AttackType, Citation, Designation, ExternalIdentifier, SizeEstimate
from tests import factories

KINDS = ["group", "person", "attack"]


def make_aggregate(kind: str):
    """A published entry of ``kind`` with aliases, relations, identifiers and citations."""
    source = factories.SourceFactory()
    if kind == "group":
        entry = factories.GroupFactory(name="Islamic State", body="Founded in Iraq.\nActive.")
        entry.areas.add(factories.PlaceFactory(name="Pakistan"))
        related = factories.GroupRelationFactory(
            subject=entry, kind=GroupRelationKind.RIVAL_OF, object=factories.GroupFactory()
        )
        Designation.objects.create(
            group=entry, authority="UN Security Council", reference="QDe.115"
        )
        SizeEstimate.objects.create(group=entry, year=2019, low=100, best=300, high=500)
    elif kind == "person":
        entry = factories.PersonFactory(name="Syed Badini", body="Planner.")
        related = factories.PersonRelationFactory(
            person=entry, kind=PersonRelationKind.COUSIN, other=factories.PersonFactory()
        )
        factories.PersonGroupRoleFactory(
            person=entry, role=PersonGroupRoleKind.MEMBER,
            started_on=dt.date(2015, 1, 1), started_on_precision=DatePrecision.YEAR,
        )
    else:
        entry = factories.AttackFactory(name="Quetta hospital bombing", killed=70, body="Lawyers.")
        entry.attack_types.add(AttackType.objects.get(code=3))
        related = factories.ClaimFactory(attack=entry, mode=ClaimMode.NEWS_AGENCY)
        factories.AttributionFactory(
            attack=entry, attributed_by=AttributionBy.AUTHORITIES, certainty=Certainty.SUSPECTED
        )
        factories.PersonAttackRoleFactory(attack=entry, role=PersonAttackRoleKind.MASTERMIND)
        Citation.objects.create(entry=entry, source=source, field="killed", locator="para 3")
    factories.AliasFactory(entry=entry, name=f"{entry.name} alias", kind=AliasKind.NICKNAME)
    factories.AliasFactory(entry=entry, name="الاسم", script=Script.ARABIC, language="ar")
    ExternalIdentifier.objects.create(entry=entry, scheme=IdentifierScheme.WIKIDATA, value="Q1")
    Citation.objects.create(entry=entry, source=source, locator="p. 1", quote="As reported.")
    Citation.objects.create(entry=entry, source=source, target=related, locator="p. 2")
    return entry
