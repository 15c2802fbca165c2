"""The public pages, named in the ``kb`` namespace (``kb:group-detail`` …)."""

from django.urls import path

from kb import views
from kb.page_cache import anonymous_page

app_name = "kb"

# What anonymous readers see of published entries comes from the page cache when it is
# on (kb/page_cache.py); everything else is built for each request.
cached = anonymous_page

urlpatterns = [
    path("", cached(views.home), name="home"),
    path("groups/", cached(views.group_list), name="group-list"),
    path("groups/<slug:slug>/", cached(views.group_detail), name="group-detail"),
    path("groups/<slug:slug>/people/", cached(views.group_people), name="group-people"),
    path("people/", cached(views.person_list), name="person-list"),
    path("people/<slug:slug>/", cached(views.person_detail), name="person-detail"),
    path("attacks/", cached(views.attack_list), name="attack-list"),
    path("attacks/<slug:slug>/", cached(views.attack_detail), name="attack-detail"),
    path("sources/", cached(views.source_list), name="source-list"),
    path("sources/<slug:slug>/", cached(views.source_detail), name="source-detail"),
    path("places/<slug:slug>/", cached(views.place_detail), name="place-detail"),
    path("search/", views.search_page, name="search"),
    path("search/suggest/", views.search_suggest, name="search-suggest"),
    path("entries/<int:pk>/comments/", views.post_comment, name="comment-post"),
    path("moderation/comments/", views.moderation_queue, name="moderation"),
]

# Editing and review: every change is a revision that an editor approves.
urlpatterns += [
    path("new/<str:kind>/", views.entry_create, name="entry-create"),
    path("entries/<int:pk>/edit/", views.entry_edit, name="entry-edit"),
    path("entries/<int:pk>/history/", views.entry_history, name="entry-history"),
    path("entries/<int:pk>/compare/", views.revision_compare, name="revision-compare"),
    path("entries/<int:pk>/revert/", views.entry_revert, name="entry-revert"),
    path("entries/<int:pk>/archive/", views.entry_archive, name="entry-archive"),
    path("revisions/<int:pk>/", views.revision_detail, name="revision-detail"),
    path("revisions/<int:pk>/edit/", views.revision_edit, name="revision-edit"),
    path("revisions/<int:pk>/submit/", views.revision_submit, name="revision-submit"),
    path("revisions/<int:pk>/approve/", views.revision_approve, name="revision-approve"),
    path("revisions/<int:pk>/reject/", views.revision_reject, name="revision-reject"),
    path("revisions/<int:pk>/send-back/", views.revision_send_back, name="revision-send-back"),
    path("review/", views.review_queue, name="review-queue"),
    path("my-work/", views.my_work, name="my-work"),
    path("autocomplete/", views.autocomplete, name="autocomplete"),
    path("search/similar/", views.search_similar, name="search-similar"),
]
