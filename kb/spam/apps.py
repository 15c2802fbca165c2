from django.apps import AppConfig


class SpamConfig(AppConfig):
    """The spam filter's own tables live here, apart from the knowledge base's."""

    name = "kb.spam"
    label = "spam"
    verbose_name = "Comment spam filter"
    default_auto_field = "django.db.models.BigAutoField"
