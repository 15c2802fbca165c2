"""Every spam test starts from an empty cache and a filter with nothing in memory."""

import pytest
from django.core.cache import cache

from kb.spam import store


@pytest.fixture(autouse=True)
def _fresh_filter():
    cache.clear()
    store.reset()
    yield
    cache.clear()
    store.reset()
