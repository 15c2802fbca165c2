"""The pages on a phone: nothing wider than the screen, everything reachable by keyboard."""

import pytest

from tests import factories

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 375, "height": 740}


@pytest.fixture
def pages(db):
    group = factories.GroupFactory(
        name="Lashkar-e-Jhangvi al-Alami", abbreviation="LeJA",
        summary="A sectarian group active in Balochistan.",
        body="## Overview\n\nA long narrative " + "with many words " * 60,
    )
    factories.AliasFactory(entry=group, name="لشکر جھنگوی العالمی", script="Arab", language="ur")
    attack = factories.AttackFactory(name="Quetta vegetable market bombing", killed=20)
    factories.ClaimFactory(attack=attack, group=group)
    factories.CitationFactory(entry=attack, source=factories.SourceFactory(
        title="A very long report title " * 6,
    ))
    return [
        "/", "/groups/", "/attacks/", "/people/", "/sources/", group.get_absolute_url(),
        attack.get_absolute_url(), "/search/?q=lashkar",
        "/attacks/?date_from=2015-13-45&killed_min=-1",
    ]


def test_no_page_is_wider_than_a_phone(browser, live_server, pages):
    context = browser.new_context(base_url=live_server.url, viewport=PHONE)
    page = context.new_page()
    try:
        for url in pages:
            page.goto(url)
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= PHONE["width"], f"{url} is {width}px wide on a 375px screen"
    finally:
        context.close()


def test_the_skip_link_and_the_search_box_come_first_by_keyboard(page, pages):
    page.goto("/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    page.goto("/")
    for _ in range(12):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "site-search-q":
            break
    else:
        pytest.fail("The search box cannot be reached with the Tab key")
