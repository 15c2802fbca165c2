"""The site's browse lists, filtered by the API's FilterSets (``kb.filtersets``).

``presenting`` dresses a FilterSet as a form for people; ``lists`` declares the four
lists: their rows, the filters on their form, their sort orders.
"""

from kb.browse.lists import ATTACKS, GROUPS, PEOPLE, SOURCES, Listing, ListPaginator
from kb.browse.presenting import FORM_ID, Chip

__all__ = ["ATTACKS", "FORM_ID", "GROUPS", "PEOPLE", "SOURCES", "Chip", "ListPaginator", "Listing"]
