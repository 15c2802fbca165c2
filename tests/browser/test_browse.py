"""A reader narrows the attack list in a real browser, then widens it again.

Live-server tests flush the database after themselves, so the GTD categories that the
migrations create may be gone: the fixture makes the ones it needs.
"""

import pytest

from kb.choices import GTD_ATTACK_TYPES
from kb.models import AttackType
from tests import factories


@pytest.fixture
def attacks(db):
    names = dict(GTD_ATTACK_TYPES)
    bombing, _ = AttackType.objects.get_or_create(code=3, defaults={"name": names[3]})
    assault, _ = AttackType.objects.get_or_create(code=2, defaults={"name": names[2]})
    iskp = factories.GroupFactory(name="Islamic State Khorasan Province", slug="iskp")
    ttp = factories.GroupFactory(name="Tehrik-i-Taliban Pakistan", slug="ttp")
    for name, group, kind in [
        ("Mastung rally bombing", iskp, bombing),
        ("Bajaur convention bombing", iskp, bombing),
        ("Peshawar police raid", iskp, assault),
        ("Quetta market bombing", ttp, bombing),
    ]:
        attack = factories.AttackFactory(name=name, killed=len(name))
        attack.attack_types.add(kind)
        factories.ClaimFactory(attack=attack, group=group)


def rows(page) -> set[str]:
    return set(page.locator("table.data tbody tr td:nth-child(2) a").all_inner_texts())


def test_a_reader_filters_attacks_by_group_and_type_and_removes_a_filter(page, attacks):
    page.goto("/attacks/")
    assert len(rows(page)) == 4
    page.get_by_label("Group", exact=True).fill("Islamic State Khorasan Province")
    page.locator("summary", has_text="Attack type").click()
    page.get_by_label("Bombing/Explosion").check()
    page.get_by_role("button", name="Apply filters").click()
    # The script leaves blank fields out; the server turns the name into the slug.
    page.wait_for_url("**/attacks/?group=iskp&attack_type=3")
    assert rows(page) == {"Mastung rally bombing", "Bajaur convention bombing"}
    group_chip = page.get_by_role(
        "link", name="Group: Islamic State Khorasan Province (remove)"
    )
    assert group_chip.is_visible()
    assert page.get_by_role("link", name="Attack type: Bombing/Explosion (remove)").is_visible()

    group_chip.click()
    page.wait_for_url("**/attacks/?attack_type=3")
    assert rows(page) == {
        "Mastung rally bombing", "Bajaur convention bombing", "Quetta market bombing",
    }
    assert page.get_by_role("link", name="Group: Islamic State Khorasan Province (remove)") \
        .count() == 0
    assert page.get_by_label("Group", exact=True).input_value() == ""


def test_on_a_phone_the_filters_fold_away_and_nothing_overflows(browser, live_server, attacks):
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": 375, "height": 740}
    )
    page = context.new_page()
    # A filter in error keeps the panel open, and a long value wraps.
    page.goto("/attacks/?attack_type=3&group=" + "x" * 120)
    assert page.locator("details[data-filter-panel]").get_attribute("open") is not None
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    page.goto("/attacks/?attack_type=3&ordering=-killed")
    panel = page.locator("details[data-filter-panel]")
    panel.locator("> summary").wait_for()
    page.wait_for_function("!document.querySelector('details[data-filter-panel]').open")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375
    panel.locator("> summary").click()
    assert page.get_by_role("button", name="Apply filters").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    context.close()
