from django.apps import AppConfig
from django.db.models.signals import post_migrate


class KnowledgeBaseConfig(AppConfig):
    name = "kb"
    verbose_name = "Knowledge base"

    def ready(self):
        from kb import checks  # noqa: F401 (registers the system checks)

        post_migrate.connect(ensure_gtd_categories, sender=self, dispatch_uid="kb.gtd")


def ensure_gtd_categories(sender, apps=None, using="default", **kwargs):
    """Keep the GTD category lists present after `migrate` and after `flush`.

    A data migration loads them; a flush (as tests that commit for real end with) would
    otherwise leave them missing until the next fresh migrate.
    """
    from kb.choices import GTD_ATTACK_TYPES, GTD_TARGET_TYPES, GTD_WEAPON_TYPES

    if apps is None:  # `flush` sends the signal without the migration state
        from django.apps import apps
    for model_name, rows in (
        ("AttackType", GTD_ATTACK_TYPES),
        ("TargetType", GTD_TARGET_TYPES),
        ("WeaponType", GTD_WEAPON_TYPES),
    ):
        try:
            model = apps.get_model("kb", model_name)
        except LookupError:
            return
        manager = model.objects.using(using)
        if manager.count() != len(rows):
            for code, name in rows:
                manager.update_or_create(code=code, defaults={"name": name})
