"""Property-based run of the API against its own OpenAPI schema.

Schemathesis generates requests from the schema (valid and invalid parameter values
alike) and checks every answer: never a server error, only documented status codes and
media types, and bodies and headers that match their schemas.
"""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections, connection, connections, transaction
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tests.api.builders import build_catalogue

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]


# The schema is read once, at collection, from the address that serves it. Reading it may
# open a connection to the database named in the settings, before the test database
# replaces it: close it so that the tests connect afresh.
schema = schemathesis.openapi.from_wsgi("/api/v1/schema/?format=json", get_wsgi_application())
connections.close_all()


pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def _connection_kept_across_requests():
    """Requests go through the real WSGI handler, which closes a connection that is
    inside a transaction when a request starts or ends; Django's test client turns
    that off the same way, so the test transaction survives."""
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


@pytest.fixture(scope="module")
def catalogue(django_db_setup, django_db_blocker, _connection_kept_across_requests):
    """One catalogue for every operation, rolled back when the module ends."""
    with django_db_blocker.unblock(), transaction.atomic():
        name = str(connection.settings_dict["NAME"])
        assert "test" in name or "memory" in name, f"{name} is not a test database"
        build_catalogue()
        yield
        transaction.set_rollback(True)


@pytest.fixture
def generous_throttle(settings):
    settings.KB = {**settings.KB, "API_ANON_RATE": "100000/minute"}


@schema.parametrize()
@settings(
    max_examples=25, deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_api_conforms_to_its_schema(case, catalogue, generous_throttle):
    # Compression is tested on its own; uncompressed bodies keep failures readable.
    case.call_and_validate(checks=CHECKS, headers={"Accept-Encoding": "identity"})

