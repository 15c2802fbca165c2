"""Addresses of the API, named in the ``api`` namespace (``api:attack-detail`` …).

Mounted at ``/api/v1/`` by ``kb.urls``; the schema describes the data endpoints under
that same prefix. Responses are compressed here rather than site-wide: API bodies hold
no secrets, while compressing pages that carry a CSRF token invites BREACH.
"""

from django.urls import include, path, re_path
from django.views.decorators.gzip import gzip_page

from kb.api import views

app_name = "api"

PREFIX = "api/v1/"


def _record_urls(prefix: str, viewset, basename: str) -> list:
    return [
        path(f"{prefix}/", gzip_page(viewset.as_view({"get": "list"})), name=f"{basename}-list"),
        path(
            f"{prefix}/<slug:key>/", gzip_page(viewset.as_view({"get": "retrieve"})),
            name=f"{basename}-detail",
        ),
    ]


data_patterns = [
    *_record_urls("groups", views.GroupViewSet, "group"),
    *_record_urls("people", views.PersonViewSet, "person"),
    *_record_urls("attacks", views.AttackViewSet, "attack"),
    *_record_urls("sources", views.SourceViewSet, "source"),
    *_record_urls("places", views.PlaceViewSet, "place"),
    path("search/", gzip_page(views.SearchView.as_view()), name="search"),
]

urlpatterns = [
    *data_patterns,
    path(
        "schema/",
        gzip_page(views.SchemaView.as_view(patterns=[path(PREFIX, include(data_patterns))])),
        name="schema",
    ),
    path("docs/", views.SwaggerView.as_view(url_name="api:schema"), name="docs"),
    path("redoc/", views.RedocView.as_view(url_name="api:schema"), name="redoc"),
    re_path(r"", views.NotFoundView.as_view(), name="not-found"),
]
