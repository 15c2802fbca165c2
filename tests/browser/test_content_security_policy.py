"""Under the Content Security Policy, the admin and the API docs still work in a browser.

The ``page`` fixture fails a test when the policy blocks anything, so the site's own
journeys in this folder check it as they go. These tests need no row that migrations
create (roles, categories), so they run whatever state earlier live-server tests left.
"""

import pytest

from accounts.models import User
from kb.choices import PlaceKind
from tests import factories

PASSWORD = "correct horse battery staple"


@pytest.fixture
def records(db):
    country = factories.PlaceFactory(name="Pakistan", kind=PlaceKind.COUNTRY)
    factories.AttackFactory(name="Mastung rally bombing", country=country)
    factories.GroupFactory(name="Islamic State Pakistan Province")


def test_an_administrator_works_in_the_admin_under_the_policy(page, records):
    User.objects.create_superuser("root", "root@example.org", PASSWORD)
    page.goto("/admin/login/")
    page.fill("#id_username", "root")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/")
    page.goto("/admin/kb/attack/add/")
    page.locator(".select2-selection").first.click()
    page.locator(".select2-results__option").first.wait_for()
    page.keyboard.press("Escape")
    page.locator(".datetimeshortcuts a").first.click()
    assert page.locator("#id_occurred_on").input_value()
    page.goto("/admin/kb/attack/?q=Mastung")
    assert page.get_by_text("Mastung rally bombing").count() >= 1
    page.goto("/admin/accounts/auditevent/")
    assert page.get_by_text("Signed in").count() >= 1


def test_the_swagger_docs_run_a_request_under_the_policy(page, records):
    page.goto("/api/v1/docs/")
    page.locator(".opblock-summary").first.click()
    page.get_by_role("button", name="Try it out").click()
    page.get_by_role("button", name="Execute").click()
    status = page.locator(".live-responses-table tr.response .response-col_status").first
    status.wait_for()
    assert status.inner_text() == "200"


def test_redoc_renders_with_only_its_remote_logo_blocked(browser, live_server, records):
    context = browser.new_context(base_url=live_server.url)
    page = context.new_page()
    messages = []
    page.on("console", lambda message: messages.append(message.text))
    page.goto("/api/v1/redoc/")
    page.get_by_text("Militancy Knowledge Base API").first.wait_for()
    page.wait_for_timeout(500)
    context.close()
    blocked = [text for text in messages if "Content Security Policy" in text]
    assert all("https://cdn.redoc.ly/" in text for text in blocked), blocked
