"""Search in a real browser: a reader's way in by any spelling, a researcher's warning."""

import pytest

from tests import factories
from tests.browser.test_editorial import signed_in, team  # noqa: F401 -- fixtures

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def leja(db):
    group = factories.GroupFactory(
        name="Lashkar-e-Jhangvi al-Alami", abbreviation="LeJA",
        summary="A sectarian group active in Balochistan.",
    )
    attack = factories.AttackFactory(
        name="Quetta vegetable market bombing", summary="A bombing in Hazarganji market.",
    )
    factories.ClaimFactory(attack=attack, group=group)
    source = factories.SourceFactory(title="Dawn: Blast in Hazarganji", slug="dawn-hazarganji")
    factories.CitationFactory(entry=attack, source=source)
    factories.GroupFactory(name="Lashkar-e-Taiba")
    return group


def test_a_reader_finds_a_group_by_another_spelling_and_follows_it_to_a_source(page, leja):
    page.goto("/")
    box = page.get_by_role("combobox", name="Search the knowledge base")
    box.fill("Lashkar-i-Jhangvi")
    # Suggestions come as one types; Enter without choosing one opens the results page.
    suggestion = page.get_by_role("option", name="Lashkar-e-Jhangvi al-Alami")
    suggestion.wait_for()
    box.press("Enter")
    page.wait_for_url("**/search/?q=Lashkar-i-Jhangvi")
    results = page.locator(".search-results")
    assert results.get_by_role("link").first.inner_text() == "Lashkar-e-Jhangvi al-Alami"
    assert "Lashkar-e-Taiba" not in results.inner_text()
    results.get_by_role("link", name="Lashkar-e-Jhangvi al-Alami").click()
    page.wait_for_url(f"**{leja.get_absolute_url()}")
    page.get_by_role("link", name="Quetta vegetable market bombing").first.click()
    page.wait_for_url("**/attacks/quetta-vegetable-market-bombing/")
    page.get_by_role("link", name="Dawn: Blast in Hazarganji").first.click()
    page.wait_for_url("**/sources/dawn-hazarganji/")
    assert "Quetta vegetable market bombing" in page.locator("main").inner_text()


def test_the_keyboard_chooses_a_suggestion(page, leja):
    page.goto("/")
    box = page.get_by_role("combobox", name="Search the knowledge base")
    box.fill("LeJA")
    page.get_by_role("option").first.wait_for()
    box.press("ArrowDown")
    assert page.get_by_role("option", selected=True).count() == 1
    box.press("Enter")
    page.wait_for_url(f"**{leja.get_absolute_url()}")


def test_a_researcher_starting_a_similar_group_is_warned(signed_in, team, leja):  # noqa: F811
    rita = signed_in("rita")
    rita.goto("/new/group/")
    rita.fill("input[name=name]", "Lashkar e Jhangvi")
    warning = rita.locator(".similar-names")
    warning.get_by_role("link", name="Lashkar-e-Jhangvi al-Alami").wait_for()
    assert "A similar militant group already exists" in warning.inner_text()
    assert "Lashkar-e-Taiba" not in warning.inner_text()
