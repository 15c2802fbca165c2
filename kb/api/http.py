"""What makes the API a good HTTP citizen: conditional requests, throttling, formats.

Every API view inherits ``ApiMixin``: nobody is authenticated (the API shows published
data only, so there is nothing a login would unlock), anonymous clients are throttled
(429 with Retry-After), writes are refused with 405 before anything else happens,
errors are JSON whatever format was asked for, and a successful GET carries an ETag
(and, for a record, Last-Modified) so that a client revalidating gets a 304.
"""

import hashlib

from django.conf import settings
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date, quote_etag
from rest_framework.exceptions import MethodNotAllowed, ValidationError
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.throttling import AnonRateThrottle

SAFE_METHODS = ("GET", "HEAD", "OPTIONS")


class AnonymousRateThrottle(AnonRateThrottle):
    """Requests per client address, at the rate ``KB["API_ANON_RATE"]`` sets."""

    def get_rate(self):
        return settings.KB["API_ANON_RATE"]


class ApiContentNegotiation(DefaultContentNegotiation):
    """An unknown ``?format=`` is a bad parameter (400), not a missing page (404)."""

    def select_renderer(self, request, renderers, format_suffix=None):
        wanted = request.query_params.get(self.settings.URL_FORMAT_OVERRIDE)
        offered = [renderer.format for renderer in renderers]
        if wanted and wanted not in offered:
            raise ValidationError({self.settings.URL_FORMAT_OVERRIDE: [
                f"“{wanted}” is not a format of this address; choose one of "
                f"{', '.join(offered)}."
            ]})
        return super().select_renderer(request, renderers, format_suffix)


def conditional(request, response, *, last_modified=None):
    """Tag a rendered 200 response and answer 304 when the client's copy is current.

    The ETag is a digest of the body, so it is exact for lists and records alike.
    """
    if hasattr(response, "render") and not response.is_rendered:
        response.render()
    etag = quote_etag(hashlib.blake2b(response.content, digest_size=16).hexdigest())
    response.headers["ETag"] = etag
    stamp = None
    if last_modified is not None:
        stamp = int(last_modified.timestamp())
        response.headers["Last-Modified"] = http_date(stamp)
    # Public data, but revalidate before each use: the ETag makes that cheap.
    patch_cache_control(response, public=True, no_cache=True)
    return get_conditional_response(request, etag=etag, last_modified=stamp, response=response)


class ApiMixin:
    """HTTP behaviour shared by every view of the API."""

    authentication_classes: list = []
    permission_classes = [AllowAny]
    throttle_classes = [AnonymousRateThrottle]
    content_negotiation_class = ApiContentNegotiation
    renderer_classes = [JSONRenderer]
    http_method_names = ["get", "head", "options"]
    last_modified = None

    def initial(self, request, *args, **kwargs):
        if request.method not in SAFE_METHODS:
            raise MethodNotAllowed(request.method)
        super().initial(request, *args, **kwargs)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if len(self.get_renderers()) > 1:
            # One address, several formats chosen by Accept: caches must tell them apart.
            patch_vary_headers(response, ["Accept"])
        if isinstance(response, Response) and response.status_code >= 400:
            response.accepted_renderer = JSONRenderer()
            response.accepted_media_type = JSONRenderer.media_type
        if (
            request.method in ("GET", "HEAD")
            and response.status_code == 200
            and not response.streaming
        ):
            return conditional(request, response, last_modified=self.last_modified)
        return response
