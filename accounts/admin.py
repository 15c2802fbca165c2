"""The admin page of users: Django's own, with the display name and the roles.

Roles are auth groups (``django.contrib.auth.models.Group``, registered by Django as
"groups"); the knowledge base's ``kb.Group`` is the unrelated "militant group".
"""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from accounts.models import User


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
