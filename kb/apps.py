from django.apps import AppConfig
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save


class KnowledgeBaseConfig(AppConfig):
    name = "kb"
    verbose_name = "Knowledge base"

    def ready(self):
        from kb import checks  # noqa: F401 (registers the system checks)

        post_migrate.connect(ensure_gtd_categories, sender=self, dispatch_uid="kb.gtd")
        for model in self.get_models():
            if model.__name__ in PRIVATE_MODELS:
                continue
            uid = f"kb.page_cache.{model.__name__}"
            post_save.connect(published_content_changed, sender=model, dispatch_uid=uid)
            post_delete.connect(published_content_changed, sender=model, dispatch_uid=uid)
        m2m_changed.connect(published_content_changed, dispatch_uid="kb.page_cache.m2m")


# Rows no public page shows: a proposal changes nothing until its approval saves entries.
PRIVATE_MODELS = {"Revision"}


def published_content_changed(sender, instance=None, created=False, **kwargs):
    """Any change that a public page may show makes every cached page out of date.

    A comment filed as spam or held when it arrives shows nowhere, so a flood of them
    does not empty the cache; moderating it (a save that is not a creation) does.
    """
    from kb.choices import CommentState
    from kb.models import Comment
    from kb.page_cache import invalidate

    if sender._meta.app_label != "kb" or sender.__name__ in PRIVATE_MODELS:
        return  # m2m_changed comes from every app
    if isinstance(instance, Comment) and created and instance.state != CommentState.PUBLISHED:
        return
    invalidate()


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
