"""Sign in, sign out and password pages, from ``django.contrib.auth``.

The names stay outside any namespace (``login``, ``password_reset`` …) because
``LOGIN_URL`` and Django's own views and e-mails refer to them that way.
"""

from django.urls import include, path

urlpatterns = [
    path("", include("django.contrib.auth.urls")),
]
