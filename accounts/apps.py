from django.apps import AppConfig
from django.db.models.signals import post_migrate


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Accounts and roles"

    def ready(self):
        from accounts.roles import sync_roles_after_migrate

        # Permissions are created on post_migrate; re-sync the roles right after, so a
        # permission added by a later migration reaches its role without a manual step.
        post_migrate.connect(sync_roles_after_migrate, dispatch_uid="accounts.sync_roles")
        self._connect_security_receivers()

    @staticmethod
    def _connect_security_receivers():
        from django.contrib.auth.signals import user_logged_in

        from accounts import audit
        from accounts.middleware import start_session

        audit.connect()
        user_logged_in.connect(start_session, dispatch_uid="accounts.start_session")
