"""``manage.py restore FILE``: load a backup into an empty, migrated database."""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS

from kb import page_cache
from kb.backup import BackupError, read_backup


class Command(BaseCommand):
    help = (
        "Load a file written by `manage.py backup` into an empty database that "
        "`manage.py migrate` prepared with the same version of the code. Everything is "
        "loaded in one transaction: on any error nothing is written."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The backup file; '-' reads standard input.")
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS)

    def handle(self, *args, file, database, **options):
        progress = None
        if int(options["verbosity"]) >= 2:
            def progress(label, count):
                self.stdout.write(f"  {label}: {count:,} rows")
        try:
            if file == "-":
                counts = read_backup(sys.stdin.buffer, using=database, progress=progress)
            else:
                path = Path(file)
                if not path.is_file():
                    raise CommandError(f"No backup file at {path}.")
                with path.open("rb") as stream:
                    counts = read_backup(stream, using=database, progress=progress)
        except BackupError as error:
            raise CommandError(str(error)) from error
        tables = sum(1 for name in counts if "." in name)
        page_cache.invalidate()  # the rows went in without the model's signals
        self.stdout.write(f"Restored {sum(counts.values()):,} rows into {tables} tables.")
