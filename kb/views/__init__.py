"""The public pages of the knowledge base; import the views from here."""

from kb.views.entries import (
    attack_detail,
    attack_list,
    group_detail,
    group_list,
    person_detail,
    person_list,
)
from kb.views.home import home
from kb.views.sources import place_detail, source_detail, source_list

__all__ = [
    "attack_detail", "attack_list", "group_detail", "group_list", "home", "person_detail",
    "person_list", "place_detail", "source_detail", "source_list",
]
