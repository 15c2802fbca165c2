from django.contrib import admin
from django.urls import include, path

# A lost database answers 503 even when it fails before any view runs.
handler500 = "kb.middleware.server_error"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("accounts/", include("accounts.urls")),
    path("api/v1/", include("kb.api.urls")),
    path("", include("kb.site_urls")),
]
