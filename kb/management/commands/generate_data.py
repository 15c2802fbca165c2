"""``manage.py generate_data --scale 1``: the synthetic data set of BENCHMARK.md."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from kb.perf.generate import BATCH, SEED, GenerationError, Plan, generate


class Command(BaseCommand):
    help = (
        "Fill the database with the synthetic GTD-scale data set of BENCHMARK.md from a "
        "fixed seed: --scale 1 is 3,500 groups and 210,000 attacks, 5 the stress set, "
        "0.01 a quick sample."
    )

    def add_arguments(self, parser):
        parser.add_argument("--scale", type=float, default=1.0)
        parser.add_argument("--seed", type=int, default=SEED)
        parser.add_argument("--batch", type=int, default=BATCH, help="Attacks per transaction.")
        parser.add_argument(
            "--replace", action="store_true",
            help="Delete every entry, source, place and comment in the database first.",
        )
        parser.add_argument("--report", type=Path, help="Write the load figures (O12) as JSON.")

    def handle(self, *args, scale, seed, batch, replace, report, **options):
        plan = Plan.for_scale(scale, seed=seed, batch=batch)
        self.stdout.write(
            f"Scale {plan.scale:g}, seed {plan.seed}: {plan.groups:,} groups, "
            f"{plan.people:,} people, {plan.attacks:,} attacks, {plan.sources:,} sources, "
            f"{plan.comments:,} comments."
        )
        try:
            result = generate(plan, stdout=self.stdout, replace=replace,
                              quiet=options["verbosity"] == 0)
        except GenerationError as exc:
            raise CommandError(str(exc)) from exc
        batches = sorted(result.attack_batch_seconds)
        median_batch = batches[len(batches) // 2] if batches else None
        self.stdout.write(self.style.SUCCESS(
            f"{result.rows:,} rows ({result.revisions:,} revisions, "
            f"{result.pending_revisions:,} pending) in {result.seconds:.1f} s: "
            f"{result.rows_per_second:,.0f} rows/s, peak memory {result.peak_memory_mb:,.0f} MB."
        ))
        if result.server_cpu_seconds is not None:
            self.stdout.write(
                f"CPU: {result.cpu_seconds:.0f} s in this process, "
                f"{result.server_cpu_seconds:.0f} s in the PostgreSQL backend that loaded it."
            )
        if median_batch is not None:
            self.stdout.write(
                f"A {plan.batch:,}-attack batch: median {median_batch:.2f} s, "
                f"slowest {batches[-1]:.2f} s."
            )
        if report:
            report.parent.mkdir(parents=True, exist_ok=True)
            report.write_text(result.as_json() + "\n")
            self.stdout.write(f"Load figures written to {report}.")
