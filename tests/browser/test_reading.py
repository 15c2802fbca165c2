"""A reader's journey through the published knowledge base, in a real browser."""

import pytest

from kb.choices import AliasKind, GroupRelationKind, Script
from tests import factories


@pytest.fixture
def knowledge_base(db):
    state = factories.GroupFactory(name="Islamic State", summary="Salafi-jihadist group.")
    factories.AliasFactory(entry=state, name="Daesh", kind=AliasKind.ACRONYM)
    factories.AliasFactory(
        entry=state, name="الدولة الإسلامية", kind=AliasKind.NATIVE, script=Script.ARABIC,
        language="ar",
    )
    province = factories.GroupFactory(name="Islamic State Khorasan Province")
    factories.GroupRelationFactory(
        subject=province, kind=GroupRelationKind.AFFILIATE_OF, object=state
    )
    factories.GroupFactory(name="Unreviewed group", published_at=None)
    return state


def test_a_reader_goes_from_the_home_page_to_a_group_and_its_affiliate(page, knowledge_base):
    page.goto("/")
    page.get_by_role("link", name="Groups", exact=True).first.click()
    assert page.get_by_text("Unreviewed group").count() == 0
    page.get_by_role("link", name="Islamic State", exact=True).click()
    page.wait_for_url("**/groups/islamic-state/")
    assert page.get_by_role("heading", level=1).inner_text().startswith("Islamic State")
    arabic = page.locator("[dir=rtl]", has_text="الدولة الإسلامية")
    assert arabic.count() >= 1
    assert arabic.first.get_attribute("lang") == "ar"
    page.get_by_role("link", name="Islamic State Khorasan Province").first.click()
    page.wait_for_url("**/groups/islamic-state-khorasan-province/")
    assert page.get_by_text("affiliate of").count() >= 1
