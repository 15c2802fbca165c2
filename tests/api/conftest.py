"""Fixtures of the API tests: a client, the demo data, and a throttle that starts afresh."""

import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

from kb.demo.loader import load_demo


@pytest.fixture(autouse=True)
def _fresh_throttle():
    # The throttle counts requests in the cache; each test starts with a clean slate.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def demo(db):
    """The knowledge base drawn from the seed article, as ``make run`` loads it."""
    return load_demo(password=None)
