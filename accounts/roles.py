"""The roles of the site and the permissions each holds, as data.

Roles are Django auth groups, so the admin panel and the code share one permission
model. ``sync_roles`` makes the groups match this module; the data migration, the
``sync_roles`` command and every ``migrate`` call it.
"""

from django.db import models

# Read access to every knowledge-base model, plus the unpublished work of the team.
_READ = [
    "kb.view_entry", "kb.view_group", "kb.view_person", "kb.view_attack",
    "kb.view_alias", "kb.view_place", "kb.view_source", "kb.view_citation",
    "kb.view_grouprelation", "kb.view_persongrouprole", "kb.view_personattackrole",
    "kb.view_personrelation", "kb.view_claim", "kb.view_attribution",
    "kb.view_externalidentifier", "kb.view_designation", "kb.view_sizeestimate",
    "kb.view_attacktype", "kb.view_targettype", "kb.view_weapontype",
    "kb.view_revision", "kb.view_unpublished_entry",
]

RESEARCHER = [
    *_READ,
    # Entries are created unpublished and changed through revisions under review.
    "kb.add_group", "kb.add_person", "kb.add_attack",
    "kb.add_revision", "kb.submit_revision",
    "kb.add_source", "kb.change_source",
    "kb.add_place", "kb.change_place",
]

EDITOR = [
    *RESEARCHER,
    "kb.review_revision",
    "kb.archive_entry", "kb.merge_entries",
    "kb.view_comment", "kb.change_comment", "kb.moderate_comment",
    "kb.delete_source",
]


class Role(models.TextChoices):
    RESEARCHER = "researcher", "Researcher"
    EDITOR = "editor", "Editor"
    ADMINISTRATOR = "administrator", "Administrator"

    @classmethod
    def ordered(cls) -> list["Role"]:
        """Roles from least to most trusted."""
        return [cls.RESEARCHER, cls.EDITOR, cls.ADMINISTRATOR]


# The administrator holds every permission of these apps: users, roles and content.
ADMINISTRATOR_APPS = ("kb", "accounts", "auth", "contenttypes", "sessions", "admin", "axes")

ROLE_PERMISSIONS: dict[str, list[str]] = {
    Role.RESEARCHER: RESEARCHER,
    Role.EDITOR: EDITOR,
}


def sync_roles(apps=None, *, using="default") -> dict[str, int]:
    """Create the role groups and set their permissions to exactly those declared here.

    ``apps`` is the app registry to read models from: the historical one inside a
    migration, the live one otherwise. Returns the number of permissions per role.
    """
    if apps is None:
        from django.apps import apps as global_apps

        apps = global_apps
    AuthGroup = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")

    counts = {}
    for role in Role.ordered():
        group, _ = AuthGroup.objects.using(using).get_or_create(name=role.value)
        if role == Role.ADMINISTRATOR:
            permissions = list(
                Permission.objects.using(using).filter(
                    content_type__app_label__in=ADMINISTRATOR_APPS
                )
            )
        else:
            wanted = ROLE_PERMISSIONS[role]
            permissions = list(
                Permission.objects.using(using).filter(
                    content_type__app_label="kb",
                    codename__in=[name.split(".", 1)[1] for name in wanted],
                )
            )
            found = {f"kb.{p.codename}" for p in permissions}
            missing = sorted(set(wanted) - found)
            if missing:
                raise LookupError(f"Role {role.value} names unknown permissions: {missing}")
        group.permissions.set(permissions)
        counts[role.value] = len(permissions)
    return counts


def sync_roles_after_migrate(sender, app_config=None, using="default", apps=None, **kwargs):
    """Re-sync after ``migrate`` and ``flush``, once every app's permissions exist.

    The signal reaches each app in turn; only the last installed app's turn comes after
    all permissions are created. ``flush`` sends no migration state: use the registry.
    """
    from django.apps import apps as registry

    if sender is not list(registry.get_app_configs())[-1]:
        return
    apps = apps or registry
    try:
        apps.get_model("auth", "Group")
        apps.get_model("kb", "Revision")
    except LookupError:
        return
    sync_roles(apps, using=using)
