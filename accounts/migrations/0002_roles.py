"""Create the role groups (researcher, editor, administrator) with their permissions."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from accounts.roles import sync_roles


def create_roles(apps, schema_editor):
    # Permissions are normally created after the whole migrate run; create them now so
    # the roles can hold them on a fresh database.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    sync_roles(apps, using=schema_editor.connection.alias)


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(
        name__in=["researcher", "editor", "administrator"]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("kb", "0002_gtd_categories"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
