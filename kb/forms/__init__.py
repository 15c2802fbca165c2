"""Forms of the editing and review pages; import them from here.

The entry editor is generic: ``EntryEditor`` reads a kind's snapshot declaration
(``kb.editorial.snapshot.declaration``) and builds one form for the entry's fields and
one formset per collection of rows it owns, so no kind has a hand-written form.
"""

from kb.forms.entry import EntryEditor, ProposalForm, entry_form_class
from kb.forms.partial_dates import PartialDateField
from kb.forms.review import (
    ArchiveForm,
    RevertForm,
    ReviewNoteForm,
    present_conflicts,
    resolutions_from,
)

__all__ = [
    "ArchiveForm",
    "EntryEditor",
    "PartialDateField",
    "ProposalForm",
    "RevertForm",
    "ReviewNoteForm",
    "entry_form_class",
    "present_conflicts",
    "resolutions_from",
]
