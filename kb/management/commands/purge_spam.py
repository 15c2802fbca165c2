"""Delete spam past its retention period and clear commenters' old IP addresses."""

from django.core.management.base import BaseCommand

from kb import comments
from kb.spam.store import spam_settings


class Command(BaseCommand):
    help = (
        "Delete comments filed as spam more than KB['SPAM']['RETENTION_DAYS'] days ago "
        "and clear the IP address and browser of comments older than "
        "KB['SPAM']['IP_RETENTION_DAYS'] days. Run it daily (cron, a systemd timer)."
    )

    def handle(self, *args, **options):
        deleted, cleared = comments.purge()
        conf = spam_settings()
        self.stdout.write(
            f"Deleted {deleted} spam comment(s) older than {conf['RETENTION_DAYS']} days; "
            f"cleared the address of {cleared} comment(s) older than "
            f"{conf['IP_RETENTION_DAYS']} days."
        )
