"""Admin edits are recorded as approved revisions, so history is complete whichever door
was used: the admin panel writes the tables, then the workflow records what they hold."""

from django.db import transaction

from kb.editorial.workflow import record_direct_edit
from kb.models import Entry


def _summary(prefix: str, message: str) -> str:
    return f"{prefix}: {message}" if message else prefix


class RecordsEntryRevisionsMixin:
    """For the admin of an entry kind: record after the entry and its inlines are saved."""

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        message = self.construct_change_message(request, form, formsets, not change)
        record_direct_edit(
            entry=form.instance, user=request.user,
            summary=_summary("Edited in the admin panel", _plain(message)),
        )


class RecordsOwnerRevisionMixin:
    """For the admin of rows an entry owns (aliases, relations, citations …)."""

    def owner_entry(self, obj) -> Entry:
        owner = getattr(obj, "OWNER", "") or ("entry" if hasattr(obj, "entry_id") else "group")
        return getattr(obj, owner)

    def save_model(self, request, obj, form, change):
        with transaction.atomic():
            super().save_model(request, obj, form, change)
            self._record(request, obj, f"{'Changed' if change else 'Added'} {obj}")

    def delete_model(self, request, obj):
        owner = self.owner_entry(obj)
        with transaction.atomic():
            super().delete_model(request, obj)
            self._record_for(request, owner, f"Deleted {obj}")

    def delete_queryset(self, request, queryset):
        owners = {self.owner_entry(obj).pk: self.owner_entry(obj) for obj in queryset}
        with transaction.atomic():
            super().delete_queryset(request, queryset)
            for owner in owners.values():
                self._record_for(request, owner, "Deleted rows in bulk")

    def _record(self, request, obj, what: str):
        self._record_for(request, self.owner_entry(obj), what)

    def _record_for(self, request, entry, what: str):
        record_direct_edit(
            entry=entry, user=request.user, summary=_summary("Edited in the admin panel", what)
        )


def _plain(message) -> str:
    """Django's change message as text (it is JSON-encoded for the admin log)."""
    if not message:
        return ""
    parts = []
    for item in message:
        for action, detail in item.items():
            fields = ", ".join(detail.get("fields", [])) if isinstance(detail, dict) else ""
            name = detail.get("name", "") if isinstance(detail, dict) else ""
            parts.append(" ".join(filter(None, [action, str(name), fields])))
    return "; ".join(parts)
