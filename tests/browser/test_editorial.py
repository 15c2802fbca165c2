"""The editorial journeys in a real browser: edit and submit, review and approve, resolve.

Set KB_SCREENSHOTS=1 to refresh the README's screenshots in docs/screenshots/.
"""

import os
import re
from pathlib import Path

import pytest
from django.urls import reverse

from kb.editorial import workflow
from kb.editorial.snapshot import capture
from kb.models import Entry, Group
from tests import factories

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "correct horse battery staple"
SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def screenshot(page, name: str) -> None:
    if os.environ.get("KB_SCREENSHOTS") == "1":
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / name), full_page=True)


@pytest.fixture
def signed_in(browser, live_server):
    """Open a browser of one's own for a team member, signed in through the login form.

    As with the ``page`` fixture, the test fails if the Content Security Policy blocks
    anything on these pages (the editor's scripts included).
    """
    contexts, blocked = [], []

    def sign_in(username: str):
        context = browser.new_context(base_url=live_server.url,
                                      viewport={"width": 1200, "height": 900})
        context.set_default_timeout(10_000)
        contexts.append(context)
        page = context.new_page()
        page.on("console", lambda message: blocked.append(message.text)
                if "Content Security Policy" in message.text else None)
        page.goto(reverse("login"))
        page.fill("input[name=username]", username)
        page.fill("input[name=password]", PASSWORD)
        page.click("form.form button[type=submit]")
        page.wait_for_url(re.compile(r"^(?!.*/accounts/login/)"))
        return page

    yield sign_in
    for context in contexts:
        for page in context.pages:
            page.wait_for_load_state("networkidle")  # let the live server finish its requests
        context.close()
    assert not blocked, "The Content Security Policy blocked:\n" + "\n".join(blocked)


@pytest.fixture
def team(db):
    importer = factories.UserFactory(username="importer", role="administrator")
    factories.UserFactory(username="rita", role="researcher", display_name="Rita Researcher")
    factories.UserFactory(username="eddie", role="editor", display_name="Eddie Editor")
    return importer


@pytest.fixture
def iskp(team):
    """A demo-like published group with an affiliation, an alias and a citation."""
    parent = factories.GroupFactory(name="Islamic State", slug="islamic-state")
    factories.GroupFactory(name="Lashkar-e-Jhangvi al-Alami", slug="lashkar-e-jhangvi-al-alami")
    group = factories.GroupFactory(
        name="Islamic State Khorasan Province", slug="iskp", abbreviation="ISKP",
        summary="The Islamic State's province for the Afghanistan-Pakistan region.",
        body="Announced in January 2015 along the Af-Pak border.",
    )
    factories.AliasFactory(entry=group, name="ISK")
    relation = factories.GroupRelationFactory(subject=group, object=parent)
    factories.CitationFactory(entry=group, target=relation, locator="para. 3")
    for entry in (parent, group):
        workflow.record_direct_edit(entry=entry, user=team, summary="Imported", publish=True)
    return Group.objects.get(pk=group.pk)


def test_an_edit_is_submitted_reviewed_against_live_approved_and_published(
    signed_in, page, iskp
):
    rita = signed_in("rita")
    rita.goto(iskp.get_absolute_url())
    rita.click("text=Edit this group")
    rita.fill("textarea[name=summary]", "The Islamic State's province for Afghanistan and "
              "Pakistan, announced in January 2015.")
    rita.click("[data-add-row=aliases]")  # cloned in the page by static/js/rows.js
    rita.fill("input[name=aliases-2-name]", "Wilayat Khurasan")
    rita.select_option("select[name=aliases-2-kind]", "transliteration")
    rita.select_option("select[name=relations-1-kind]", "rival_of")
    rita.fill("input[name=relations-1-object]", "Lashkar")
    rita.wait_for_selector("datalist option[value=lashkar-e-jhangvi-al-alami]", state="attached")
    rita.fill("input[name=relations-1-object]", "lashkar-e-jhangvi-al-alami")
    rita.fill("input[name=proposal-summary]", "Name both countries; add a transliteration")
    rita.click("button[value=submit]")
    rita.wait_for_selector("text=Submitted for review")
    assert rita.is_visible("text=Pending review")

    eddie = signed_in("eddie")
    eddie.click("text=Review queue (1)")
    eddie.click("text=Name both countries; add a transliteration")
    assert eddie.inner_text("table.diff ins").startswith("Afghanistan")
    assert eddie.is_visible("li.row-added:has-text('Wilayat Khurasan')")
    assert eddie.is_visible("li.row-added:has-text('Lashkar-e-Jhangvi al-Alami')")
    screenshot(eddie, "review-diff.png")
    eddie.fill("textarea[name=approve-note]", "Thanks, well sourced.")
    eddie.click("text=Approve and publish")
    eddie.wait_for_selector("text=Approved and published")

    page.goto(iskp.get_absolute_url())
    page.wait_for_load_state("networkidle")
    assert "announced in January 2015" in page.inner_text(".lead")
    assert page.is_visible("text=Wilayat Khurasan")
    assert page.is_visible("text=Lashkar-e-Jhangvi al-Alami")


def test_an_editor_resolves_two_proposals_that_changed_the_same_field(signed_in, iskp):
    rita = factories.UserFactory(username="rita")
    sam = factories.UserFactory(username="sam", role="researcher", display_name="Sam")
    base = iskp.live_revision
    proposals = []
    for author, summary, body, why in [
        (rita, "An affiliate of the Islamic State in Afghanistan and Pakistan.", None,
         "Say which countries"),
        (sam, "The Islamic State's branch in South and Central Asia.", "Also active in Iran.",
         "Widen the region after the 2022 attacks in Iran"),
    ]:
        data = capture(iskp)
        data["fields"]["summary"] = summary
        if body:
            data["fields"]["body"] = body
        proposals.append(workflow.propose(entry=iskp, author=author, data=data, base=base,
                                          summary=why, submit=True))
    workflow.approve(revision=proposals[0], reviewer=factories.UserFactory(role="editor"))

    eddie = signed_in("eddie")
    eddie.goto(reverse("kb:revision-detail", kwargs={"pk": proposals[1].pk}))
    assert eddie.is_visible("text=The published version changed since this proposal")
    eddie.click("text=Approve and publish")
    eddie.wait_for_selector("fieldset.conflict")
    assert eddie.inner_text(".conflict legend") == "Summary"
    assert "Afghanistan and Pakistan" in eddie.inner_text(".conflict .side-live")
    assert "South and Central Asia" in eddie.inner_text(".conflict .side-proposed")
    screenshot(eddie, "conflict.png")
    eddie.check("input[name=choice-0][value=proposed]")
    eddie.click("text=Approve with these choices")
    eddie.wait_for_selector("text=Approved and published")

    live = Entry.objects.get(pk=iskp.pk)
    assert live.summary == "The Islamic State's branch in South and Central Asia."
    assert live.body == "Also active in Iran."  # changed on one side only: merged by itself
