"""``manage.py load_demo``: the demo knowledge base and one demo user per role."""

import secrets

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from kb.demo.loader import OUTCOMES, DemoDataError, Report, load_demo


class Command(BaseCommand):
    help = (
        "Load the demo knowledge base drawn from the seed article, and one demo user per "
        "role when DEBUG is on. Safe to run again: it updates rows in place."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-users", action="store_true", help="Load the data only; create no demo users."
        )

    def handle(self, *args, no_users=False, **options):
        # Accounts with a published or printed password do not belong on a production site.
        refused = not no_users and not settings.DEBUG
        configured = settings.KB.get("DEMO_PASSWORD", "")
        password = None
        if not (no_users or refused):
            password = configured or secrets.token_urlsafe(12)
        try:
            report = load_demo(password=password)
        except DemoDataError as exc:
            raise CommandError(f"Nothing was loaded. {exc}") from exc

        self.stdout.write(self.style.SUCCESS("Demo knowledge base loaded from the seed article."))
        self.stdout.write(_counts_table(report))
        if refused:
            self.stdout.write(self.style.WARNING(
                "No demo users created: DEBUG is off, and demo accounts do not belong on a "
                "production site (set DJANGO_DEBUG=1, or pass --no-users)."
            ))
        elif report.users:
            shown = "(KB_DEMO_PASSWORD)" if configured else password
            self.stdout.write("")
            self.stdout.write(self.style.MIGRATE_HEADING("Demo logins"))
            self.stdout.write(_table(
                ("username", "role", "password"),
                [(username, role, shown) for username, role in report.users],
            ))
            if not configured:
                self.stdout.write(
                    "The password was generated for this run; set KB_DEMO_PASSWORD to keep one."
                )


def _counts_table(report: Report) -> str:
    rows = [(label, *(counter[o] for o in OUTCOMES)) for label, counter in report.counts.items()]
    rows.append(("total", *(report.total(o) for o in OUTCOMES)))
    return _table(("", *OUTCOMES), rows)


def _table(header: tuple, rows: list[tuple]) -> str:
    """Left-aligned text, right-aligned numbers, two spaces between columns."""
    lines = [header, *rows]
    widths = [max(len(str(line[i])) for line in lines) for i in range(len(header))]

    def cell(value, width):
        return str(value).rjust(width) if isinstance(value, int) else str(value).ljust(width)

    return "\n".join(
        "  " + "  ".join(cell(v, w) for v, w in zip(line, widths, strict=True)).rstrip()
        for line in lines
    )
