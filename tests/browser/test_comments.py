"""A reader comments and an editor moderates, in a real browser."""

import re

import pytest
from django.core.cache import cache

from kb.choices import CommentState
from kb.models import Comment
from kb.spam import store
from kb.views.comments import HELD_MESSAGE
from tests.factories import GroupFactory, SourceFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)

PORTUGUESE_SPAM = (
    "Este artigo irá ensinar-lhe como construir relações com os clientes, e expandir o "
    "seu público usando estratégias como o e-mail marketing. Se você quiser começar a "
    "empregar algumas estratégias avançadas de marketing de afiliados, leia este artigo."
)
HONEST = ("The Quetta hospital attack was on 8 August 2016. Dawn has the timeline: "
          "https://www.dawn.com/news/1276150")
BORDERLINE = ("Subscribe to the PICSS monthly security report if you want monthly numbers, "
              "it is free.")


@pytest.fixture(autouse=True)
def _instant_forms(settings):
    # A person takes seconds to write; the browser types at once.
    settings.KB = {**settings.KB, "SPAM": {**settings.KB["SPAM"], "FORM_MIN_SECONDS": 0}}
    cache.clear()
    store.reset()
    yield
    cache.clear()
    store.reset()


@pytest.fixture
def group():
    SourceFactory(url="https://www.dawn.com/news/1", title="Dawn report")
    return GroupFactory(name="Islamic State Pakistan Province", slug="is-pakistan",
                        summary="Active in Balochistan and Quetta.")


def comment_as_reader(page, group, text):
    page.goto(f"/groups/{group.slug}/")
    page.get_by_label("Name").fill("Sana")
    page.get_by_label("E-mail").fill("sana.reader@example.net")
    page.get_by_role("textbox", name="Comment").fill(text)
    page.get_by_role("button", name="Send comment").click()
    page.wait_for_load_state()


def test_portuguese_spam_from_the_source_article_does_not_appear(page, group):
    comment_as_reader(page, group, PORTUGUESE_SPAM)
    assert page.locator(".messages").get_by_text(HELD_MESSAGE).is_visible()
    assert "marketing de afiliados" not in page.content()
    assert Comment.objects.get().state in {CommentState.PENDING, CommentState.SPAM}


def test_an_honest_comment_with_a_newspaper_link_appears(page, group):
    comment_as_reader(page, group, HONEST)
    assert page.get_by_text("Your comment is published.").is_visible()
    link = page.locator("#comments a[href='https://www.dawn.com/news/1276150']")
    assert link.get_attribute("rel") == "nofollow ugc noopener"
    assert "sana.reader@example.net" not in page.content()


def test_editor_reads_the_reasons_and_publishes_a_held_honest_comment(page, group):
    comment_as_reader(page, group, PORTUGUESE_SPAM)
    comment_as_reader(page, group, BORDERLINE)
    spam, honest = Comment.objects.order_by("pk")
    assert honest.state == CommentState.PENDING

    UserFactory(username="eddie", role="editor")
    page.goto(f"/accounts/login/?next=/groups/{group.slug}/")
    page.get_by_label("Username").fill("eddie")
    page.get_by_label("Password").fill("correct horse battery staple")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"**/groups/{group.slug}/")
    page.get_by_role("link", name=re.compile("Moderation")).click()
    if spam.state == CommentState.SPAM:
        page.get_by_role("link", name=re.compile("Filed as spam")).click()
    item = page.locator(f"#comment-{spam.pk}")
    assert "marketing de afiliados" in item.inner_text()
    assert "written in 'pt' on a page in 'en'" in item.inner_text()

    page.goto("/moderation/comments/?queue=pending")
    held = page.locator(f"#comment-{honest.pk}")
    assert "spam probability" in held.inner_text()
    held.get_by_role("button", name="Mark not spam").click()
    page.wait_for_load_state()
    assert page.get_by_text("Mark not spam: 1 comment.").is_visible()
    honest.refresh_from_db()
    assert honest.state == CommentState.PUBLISHED and honest.trained_as == "ham"
    page.goto(f"/groups/{group.slug}/")
    assert page.locator(f"#comment-{honest.pk}").get_by_text("PICSS monthly").is_visible()
