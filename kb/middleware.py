"""Answer a lost database with a calm 503 page instead of a traceback.

When PostgreSQL restarts or fails over, requests in flight meet ``OperationalError``
or ``InterfaceError``. The reader gets a page saying to retry shortly, with a
``Retry-After`` header for clients and proxies; the operator gets the error in the log.
The page is rendered without a request context: its context processors would query
the very database that is gone.

The middleware catches what views raise; ``server_error`` (the project's ``handler500``)
catches what other middleware raises first, such as a session or user that cannot load.
"""

import logging
import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.views import defaults

log = logging.getLogger("kb.database")

RETRY_AFTER_SECONDS = 30


class DatabaseUnavailableMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, OperationalError | InterfaceError) or settings.DEBUG:
            return None
        log.error("Database unavailable for %s %s", request.method, request.path,
                  exc_info=exception)
        return database_unavailable()


def database_unavailable() -> HttpResponse:
    response = HttpResponse(render_to_string("503.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def server_error(request, template_name=defaults.ERROR_500_TEMPLATE_NAME):
    """Django's 500 view, except that a lost database answers 503."""
    if isinstance(sys.exc_info()[1], OperationalError | InterfaceError):
        return database_unavailable()
    return defaults.server_error(request, template_name)
