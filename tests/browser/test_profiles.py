"""A researcher reading full profiles: contents, sorting the attacks, on a phone too."""

import datetime as dt

import pytest
from django.contrib.contenttypes.models import ContentType

from kb.choices import DatePrecision, GroupRelationKind, PersonRelationKind
from kb.models import GroupRelation
from tests import factories

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 375, "height": 740}


@pytest.fixture
def profiles(db):
    group = factories.GroupFactory(
        name="Islamic State", abbreviation="ISIS", body="The overview " * 40,
        history="The history " * 40, targets_and_tactics="Targets " * 40,
    )
    factories.AliasFactory(entry=group, name="الدولة الإسلامية", script="Arab", language="ar")
    splinter = factories.GroupFactory(name="Islamic State Khorasan Province")
    relation = factories.GroupRelationFactory(
        subject=splinter, object=group, kind=GroupRelationKind.AFFILIATE_OF,
        started_on=dt.date(2015, 1, 1), started_on_precision=DatePrecision.MONTH,
    )
    factories.CitationFactory(
        entry=splinter, source=factories.SourceFactory(title="A report on the provinces " * 4),
        target_type=ContentType.objects.get_for_model(GroupRelation), target_id=relation.pk,
    )
    leader = factories.PersonFactory(name="Abu Bakr al-Baghdadi")
    factories.PersonGroupRoleFactory(group=group, person=leader, role="leader")
    factories.PersonRelationFactory(person=factories.PersonFactory(name="A brother"),
                                    other=leader, kind=PersonRelationKind.SIBLING)
    for year, killed, name in ((2016, 74, "Quetta Civil Hospital bombing"),
                               (2018, 149, "Mastung election rally bombing"),
                               (2019, 4, "Hazara market shooting in Quetta's Hazarganji")):
        attack = factories.AttackFactory(name=name, occurred_on=dt.date(year, 7, 13),
                                         killed=killed, killed_low=killed - 3)
        factories.ClaimFactory(attack=attack, group=group)
    sehwan = factories.AttackFactory(name="Sehwan shrine bombing", occurred_on=dt.date(2017, 2, 16))
    factories.AttributionFactory(
        attack=sehwan, group=group, attributed_by_name="Pakistan Institute for Peace Studies",
    )
    return group, leader


def test_a_researcher_sorts_a_groups_attacks_by_the_number_killed(page, profiles):
    group, _ = profiles
    page.goto(group.get_absolute_url())
    page.get_by_role("link", name="Attacks by year").click()
    assert page.get_by_role("table").filter(has_text="2017").count() >= 1
    page.get_by_role("link", name="Killed").click()
    page.wait_for_url("**?sort=-killed*")
    rows = page.locator(".attacks-table tbody tr td:nth-child(2) a")
    assert rows.all_inner_texts()[:2] == [
        "Mastung election rally bombing", "Quetta Civil Hospital bombing",
    ]
    heading = page.locator(".attacks-table th[aria-sort]")
    assert heading.get_attribute("aria-sort") == "descending"


def test_full_profiles_fit_a_phone(browser, live_server, profiles):
    group, leader = profiles
    context = browser.new_context(base_url=live_server.url, viewport=PHONE)
    page = context.new_page()
    try:
        for url in (group.get_absolute_url(), leader.get_absolute_url(),
                    f"{group.get_absolute_url()}people/"):
            page.goto(url)
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= PHONE["width"], f"{url} is {width}px wide on a 375px screen"
    finally:
        context.close()
