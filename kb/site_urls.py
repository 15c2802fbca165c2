"""The public pages, named in the ``kb`` namespace (``kb:group-detail`` …)."""

from django.urls import path

from kb import views

app_name = "kb"

urlpatterns = [
    path("", views.home, name="home"),
    path("groups/", views.group_list, name="group-list"),
    path("groups/<slug:slug>/", views.group_detail, name="group-detail"),
    path("people/", views.person_list, name="person-list"),
    path("people/<slug:slug>/", views.person_detail, name="person-detail"),
    path("attacks/", views.attack_list, name="attack-list"),
    path("attacks/<slug:slug>/", views.attack_detail, name="attack-detail"),
    path("sources/", views.source_list, name="source-list"),
    path("sources/<slug:slug>/", views.source_detail, name="source-detail"),
    path("places/<slug:slug>/", views.place_detail, name="place-detail"),
]
