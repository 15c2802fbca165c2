"""Fixtures of the comment tests: a published entry, and a form as a reader sends it."""

import time

import pytest
from django.core.cache import cache
from django.urls import reverse

from kb.spam import store, tokens
from tests.factories import GroupFactory, SourceFactory

HONEST = (
    "The Quetta hospital attack was on 8 August 2016, not 2017. Dawn's report from "
    "that day has the timeline: https://www.dawn.com/news/1276150"
)
PORTUGUESE_SPAM = (
    "Este artigo irá ensinar-lhe como construir relações com os clientes, e expandir o "
    "seu público usando estratégias como o e-mail marketing. Se você quiser começar a "
    "empregar algumas estratégias avançadas de marketing de afiliados, leia este artigo."
)
FLATTERY_SPAM = (
    "This website online is mostly a stroll-by means of for the entire info you needed "
    "about this and didn’t know who to ask. Glimpse right here, and you’ll definitely "
    "discover it."
)
LINK_SPAM = (
    "Great article! Buy Instagram followers at the cheapest price, instant delivery: "
    "https://bit.ly/3xRankFast and https://followers-boost.shop"
)


@pytest.fixture(autouse=True)
def _fresh_filter():
    cache.clear()
    store.reset()
    yield
    cache.clear()
    store.reset()


@pytest.fixture
def group(db):
    group = GroupFactory(
        name="Islamic State Pakistan Province", slug="is-pakistan",
        summary="The Islamic State's province in Pakistan, active in Balochistan and Quetta.",
    )
    SourceFactory(url="https://www.dawn.com/news/1", title="Dawn report")
    return group


def old_token(entry, seconds=30.0):
    """A token from a form served ``seconds`` ago: a person had time to write."""
    return tokens.issue(entry.pk, now=time.time() - seconds)


def form_data(entry, **overrides):
    data = {
        "author_name": "Sana", "author_email": "sana.reader@example.net", "body": HONEST,
        "website": "", "token": old_token(entry), "parent": "",
    }
    data.update(overrides)
    return data


def post(client, entry, **overrides):
    return client.post(
        reverse("kb:comment-post", kwargs={"pk": entry.pk}), form_data(entry, **overrides)
    )
