"""Load the GTD codebook's attack, target and weapon type lists."""

from django.db import migrations

from kb.choices import GTD_ATTACK_TYPES, GTD_TARGET_TYPES, GTD_WEAPON_TYPES

LISTS = {
    "AttackType": GTD_ATTACK_TYPES,
    "TargetType": GTD_TARGET_TYPES,
    "WeaponType": GTD_WEAPON_TYPES,
}


def load(apps, schema_editor):
    for model_name, rows in LISTS.items():
        model = apps.get_model("kb", model_name)
        for code, name in rows:
            model.objects.update_or_create(code=code, defaults={"name": name})


def unload(apps, schema_editor):
    for model_name in LISTS:
        apps.get_model("kb", model_name).objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("kb", "0001_initial")]

    operations = [migrations.RunPython(load, unload)]
