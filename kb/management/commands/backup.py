"""``manage.py backup``: a consistent, compressed, versioned copy of the knowledge base."""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS
from django.utils import timezone

from kb.backup import BackupError, write_backup


class Command(BaseCommand):
    help = (
        "Write the whole knowledge base (entries, revisions, sources, comments, users, "
        "roles, the spam filter's state, the audit log) to a gzip-compressed JSON-lines "
        "file that `manage.py restore` loads into an empty database, SQLite or PostgreSQL."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output", "-o",
            help="File to write; '-' for standard output. "
            "Default: kb-backup-YYYYMMDD-HHMMSS.jsonl.gz in the current directory.",
        )
        parser.add_argument(
            "--with-password-hashes", action="store_true",
            help="Include users' password hashes; without them, restored users must reset "
            "their passwords. Keep such a file as secret as the database.",
        )
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS)

    def handle(self, *args, output, with_password_hashes, database, **options):
        self.verbosity = int(options["verbosity"])
        # With the backup on standard output, the report goes to standard error.
        report = self.stderr if output == "-" else self.stdout
        kwargs = {"with_password_hashes": with_password_hashes, "using": database}
        if not with_password_hashes:
            report.write("Password hashes are left out (--with-password-hashes includes them).")
        if output == "-":
            counts = self._write(sys.stdout.buffer, kwargs)
        else:
            path = Path(output or f"kb-backup-{timezone.now():%Y%m%d-%H%M%S}.jsonl.gz")
            # Written under another name first, so a failed run leaves no file that looks
            # like a finished backup.
            partial = path.with_name(path.name + ".partial")
            try:
                with partial.open("wb") as stream:
                    counts = self._write(stream, kwargs)
                partial.replace(path)
            finally:
                partial.unlink(missing_ok=True)
            report.write(f"Backup written to {path}.")
        tables = sum(1 for name in counts if "." in name)
        report.write(f"{sum(counts.values()):,} rows from {tables} tables.")

    def _write(self, stream, kwargs) -> dict[str, int]:
        progress = None
        if self.verbosity >= 2:
            def progress(label, count):
                self.stderr.write(f"  {label}: {count:,} rows")
        try:
            return write_backup(stream, progress=progress, **kwargs)
        except BackupError as error:
            raise CommandError(str(error)) from error
