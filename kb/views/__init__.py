"""The public pages of the knowledge base; import the views from here."""

from kb.views.autocomplete import autocomplete
from kb.views.browse import attack_list, group_list, person_list, source_list
from kb.views.comments import post_comment
from kb.views.editing import entry_create, entry_edit, revision_edit
from kb.views.entries import attack_detail, group_detail, group_people, person_detail
from kb.views.history import (
    entry_archive,
    entry_history,
    entry_revert,
    revision_compare,
)
from kb.views.home import home
from kb.views.moderation import moderation_queue
from kb.views.review import (
    my_work,
    review_queue,
    revision_approve,
    revision_detail,
    revision_reject,
    revision_send_back,
    revision_submit,
)
from kb.views.search import search_page, search_similar, search_suggest
from kb.views.sources import place_detail, source_detail

__all__ = [
    "attack_detail", "attack_list", "group_detail", "group_list", "group_people", "home",
    "moderation_queue", "person_detail", "person_list", "place_detail", "post_comment",
    "search_page", "search_similar", "search_suggest", "source_detail", "source_list",
]
__all__ += [
    "autocomplete", "entry_archive", "entry_create", "entry_edit", "entry_history",
    "entry_revert", "my_work", "review_queue", "revision_approve", "revision_compare",
    "revision_detail", "revision_edit", "revision_reject", "revision_send_back",
    "revision_submit",
]
