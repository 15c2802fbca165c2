"""The admin page of users: Django's own, with the display name and the roles.

Roles are auth groups (``django.contrib.auth.models.Group``, registered by Django as
"groups"); the knowledge base's ``kb.Group`` is the unrelated "militant group".
"""

from axes.models import AccessFailureLog, AccessLog
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from accounts.models import AuditEvent, User


def _with_display_name(fieldsets):
    """Django's user fieldsets with the display name beside the personal names."""
    result = []
    for title, options in fieldsets:
        fields = tuple(options["fields"])
        if "first_name" in fields:
            fields = (*fields[: fields.index("last_name") + 1], "display_name",
                      *fields[fields.index("last_name") + 1:])
        result.append((title, {**options, "fields": fields}))
    return tuple(result)


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = (
        "username", "display_name", "email", "roles", "is_staff", "is_active", "last_login",
    )
    search_fields = ("username", "display_name", "first_name", "last_name", "email")
    fieldsets = _with_display_name(BaseUserAdmin.fieldsets)

    def get_queryset(self, request):
        # One query for every listed user's roles instead of one per row.
        return super().get_queryset(request).prefetch_related("groups")

    @admin.display(description="roles")
    def roles(self, user):
        return ", ".join(sorted(group.name for group in user.groups.all())) or "—"


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    """The audit log, read-only for everyone: rows are written by ``accounts.audit`` only.

    Viewing needs ``accounts.view_auditevent``, which only the administrator role holds.
    """

    list_display = ("created_at", "action", "actor_name", "target_repr", "ip_address", "detail")
    list_filter = (
        "action", ("created_at", admin.DateFieldListFilter),
        ("actor", admin.RelatedOnlyFieldListFilter),
    )
    search_fields = ("actor_name", "target_repr", "detail", "ip_address")
    date_hierarchy = "created_at"
    list_select_related = ("actor",)
    show_full_result_count = False
    actions = None

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


# django-axes' own lists: its attempts (delete a row to unlock) stay; its access logs are
# switched off in the settings because the audit log records sign-ins.
for _model in (AccessLog, AccessFailureLog):
    if admin.site.is_registered(_model):
        admin.site.unregister(_model)
