"""``manage.py loadtest``: serve the current PostgreSQL database under gunicorn and load it."""

import importlib.util
import os
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from kb.perf import load


class Command(BaseCommand):
    help = (
        "Start the site under gunicorn on loopback, drive it with Locust (anonymous page "
        "views, API reads, searches) for a bounded time, and print requests per second, "
        "p50 / p95 / p99 latency and the error count. Needs the load-test extra: "
        "pip install -e '.[loadtest]'."
    )

    def add_arguments(self, parser):
        parser.add_argument("--seconds", type=int, default=60, help="How long to load.")
        parser.add_argument("--users", type=int, default=16,
                            help="Simultaneous visitors, none of whom waits between requests.")
        parser.add_argument("--workers", type=int, default=2 * (os.cpu_count() or 1) + 1,
                            help="gunicorn worker processes (default: 2 per core + 1).")
        parser.add_argument("--port", type=int, help="Default: a free port on loopback.")
        parser.add_argument("--json", type=Path, help="Also write the figures to this file.")

    def handle(self, *args, **options):
        for name, low, high in (("seconds", 5, 3600), ("users", 1, 1000), ("workers", 1, 64)):
            if not low <= options[name] <= high:
                raise CommandError(f"--{name} must lie between {low} and {high}.")
        # Looked up, not imported: importing Locust patches threads and sockets (gevent).
        if importlib.util.find_spec("locust") is None:
            raise CommandError(
                "Locust is not installed: pip install -e '.[loadtest]' (make loadtest does)."
            )
        try:
            result = load.run(
                workers=options["workers"], users=options["users"],
                seconds=options["seconds"], port=options["port"],
                say=lambda text: self.stderr.write(text),
            )
        except load.LoadTestError as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(load.table(result))
        if options["json"]:
            options["json"].write_text(result.as_json(), encoding="utf-8")
            self.stderr.write(f"figures written to {options['json']}")
        if result.total.failures:
            raise CommandError(f"{result.total.failures} requests failed.")
