"""``manage.py bench``: operations O1-O13 of BENCHMARK.md against the current database."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from kb.perf import report, suite
from kb.perf.bench import Settings


class Command(BaseCommand):
    help = (
        "Measure operations O1-O13 of BENCHMARK.md on the current database: p50, p95, "
        "query count, and the same SQL replayed through the raw driver as a baseline."
    )

    def add_arguments(self, parser):
        parser.add_argument("--rounds", type=int, default=5)
        parser.add_argument("--iterations", type=int, default=10, help="Per round.")
        parser.add_argument("--warmup", type=int, default=3)
        parser.add_argument("--quick", action="store_true",
                            help="One round of one iteration: proves every operation runs.")
        parser.add_argument("--only", help="Comma-separated operations, e.g. O1,O3,O6.")
        parser.add_argument("--json", type=Path, help="Write the figures to this file.")
        parser.add_argument("--compare", type=Path, help="Show the change from an earlier --json.")
        parser.add_argument("--sweep", action="store_true",
                            help="With --compare: judge as a scale sweep (p95 may grow 1.5x).")
        parser.add_argument("--load-report", type=Path,
                            help="O12's figures: the file generate_data --report wrote.")
        parser.add_argument("--sql", action="store_true", help="Print each case's SQL.")
        parser.add_argument("--markdown", action="store_true",
                            help="Print the table as Markdown (with --from, without measuring).")
        parser.add_argument("--from", dest="source", type=Path,
                            help="Read the figures of an earlier --json instead of measuring.")

    def handle(self, *args, **options):
        if options["quick"]:
            bench = Settings(warmup=0, rounds=1, iterations=1)
        else:
            bench = Settings(warmup=options["warmup"], rounds=options["rounds"],
                             iterations=options["iterations"])
        bench.keep_sql = options["sql"]
        only = {op.strip().upper() for op in options["only"].split(",")} \
            if options["only"] else None
        unknown = sorted((only or set()) - set(suite.OPERATIONS))
        if unknown:
            raise CommandError(f"Unknown operations: {', '.join(unknown)}.")
        if options["source"]:
            _meta, results = report.read_json(options["source"])
            self._show(results, options)
            return
        _ensure_migrated()
        if settings.DEBUG:
            self.stderr.write(self.style.WARNING(
                "DEBUG is on: figures will not reflect production (set DJANGO_DEBUG=0)."
            ))
        results = suite.run(bench, only=only, load_report=options["load_report"],
                            progress=self._progress)
        self._show(results, options)
        if bench.keep_sql:
            for r in results:
                for sql in r.sql:
                    self.stdout.write(f"{r.op} {r.case}: {sql}")
        if options["json"]:
            report.write_json(options["json"], results, suite.meta(bench))
            self.stdout.write(f"\nFigures written to {options['json']}.")

    def _show(self, results, options):
        self.stdout.write("")
        if options["markdown"]:
            self.stdout.write(report.markdown(results))
        else:
            self.stdout.write(report.table(results))
        if options["compare"]:
            _meta, earlier = report.read_json(options["compare"])
            self.stdout.write(f"\nCompared with {options['compare']}:")
            self.stdout.write(report.compare(earlier, results, sweep=options["sweep"]))

    def _progress(self, op, title, results):
        done = [r for r in results if not (r.na or r.error)]
        status = f"{len(done)} case(s)" if done else (results[0].na and "n/a") or "error"
        self.stderr.write(f"{op:<4} {title}: {status}")


def _ensure_migrated():
    """Figures from a schema behind the code measure the wrong thing, or nothing."""
    executor = MigrationExecutor(connection)
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        raise CommandError("The database lacks migrations: run `manage.py migrate` first.")
