"""``manage.py loadtest``: the site under gunicorn, driven by Locust over loopback.

The command serves the current database with gunicorn (production settings, several
worker processes, Redis for the cache when ``REDIS_URL`` is set), sends it a mix of
anonymous page views, API reads and searches from a separate Locust process for a
bounded time, and reports requests per second, latency percentiles and errors. It
stops both processes itself, also on failure or Ctrl-C.
"""

from __future__ import annotations

import contextlib
import csv
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import urlencode

from django.conf import settings
from django.db import connection
from django.urls import reverse

from kb.models import Attack, Group, Person

LOCUSTFILE = Path(__file__).with_name("locustfile.py")
READY_TIMEOUT = 60
SEARCH_WORDS = ["bombing", "armed assault", "kidnapping", "police", "Lashkar", "Khorasan"]


class LoadTestError(Exception):
    pass


@dataclass
class Row:
    name: str
    requests: int
    failures: int
    rps: float
    p50: float
    p95: float
    p99: float


@dataclass
class Result:
    workers: int
    users: int
    seconds: int
    cache: str
    rows: list[Row] = field(default_factory=list)

    @property
    def total(self) -> Row:
        return next(row for row in self.rows if row.name == "Aggregated")

    def as_json(self) -> str:
        return json.dumps(asdict(self), indent=2) + "\n"


def plan(sample: int = 200) -> dict[str, list[str]]:
    """Addresses to visit, drawn at random from what is published."""
    if connection.vendor != "postgresql":
        raise LoadTestError("The load test measures PostgreSQL: set DATABASE_URL.")
    groups = list(Group.objects.published().order_by("?").values_list("slug", flat=True)[:sample])
    attacks = list(
        Attack.objects.published().order_by("?").values_list("slug", flat=True)[:sample]
    )
    people = list(Person.objects.published().order_by("?").values_list("slug", flat=True)[:sample])
    if not (groups and attacks and people):
        raise LoadTestError("The database holds no published entries: run generate_data first.")

    def url(name, **kwargs):
        return reverse(name, kwargs=kwargs or None)

    profiles = [url("kb:group-detail", slug=s) for s in groups[:50]]
    profiles += [url("kb:attack-detail", slug=s) for s in attacks]
    profiles += [url("kb:person-detail", slug=s) for s in people]
    lists = [url("kb:group-list"), url("kb:person-list"), url("kb:attack-list")]
    pages = min(11, Attack.objects.published().count() // settings.KB["PAGE_SIZE"])
    lists += [f"{url('kb:attack-list')}?page={n}" for n in range(2, pages + 1)]
    lists += [f"{url('kb:attack-list')}?{urlencode({'group': s})}" for s in groups[:40]]
    names = [name.split()[0] for name in Group.objects.filter(slug__in=groups[:40])
             .values_list("name", flat=True)]
    searches = [f"{url('kb:search')}?{urlencode({'q': q})}" for q in SEARCH_WORDS + names]
    api = [f"{url('api:attack-list')}?limit=50", f"{url('api:group-list')}?limit=50"]
    api += [url("api:group-detail", key=s) for s in groups[:50]]
    api += [url("api:attack-detail", key=s) for s in attacks[:100]]
    api += [f"{url('api:search')}?{urlencode({'q': q})}" for q in names]
    return {"profiles": profiles, "lists": lists, "searches": searches, "api": api}


def _environment(port: int) -> dict[str, str]:
    env = dict(os.environ)
    env.update({
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": env.get("DJANGO_SECRET_KEY") or secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_SECURE_COOKIES": "0",
        # Every visitor comes from 127.0.0.1: the per-address API limit would measure
        # itself, not the site.
        "KB_API_ANON_RATE": "100000000/minute",
    })
    return env


def free_port() -> int:
    """A port on loopback that nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_until_ready(url: str, server: subprocess.Popen) -> None:
    deadline = time.monotonic() + READY_TIMEOUT
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise LoadTestError(f"gunicorn stopped at start (exit status {server.returncode}).")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.5)
    raise LoadTestError(f"gunicorn did not answer {url} within {READY_TIMEOUT} s.")


def _warm_up(base: str, addresses: dict[str, list[str]], *, rounds: int) -> None:
    """A few requests of each kind first: each worker's first ones compile templates and
    open its database connection, which is not what the figures are about."""
    for _ in range(rounds):
        for urls in addresses.values():
            for url in urls[:3]:
                with contextlib.suppress(urllib.error.URLError, TimeoutError):
                    urllib.request.urlopen(base + url, timeout=30).read()


def _stop(process: subprocess.Popen | None) -> None:
    if process is None or process.poll() is not None:
        return
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def run(*, workers: int, users: int, seconds: int, port: int | None = None,
        say=print) -> Result:
    """Serve, load, measure, stop; the figures of the whole run and of each request kind."""
    addresses = plan()
    port = port or free_port()
    env = _environment(port)
    base = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory(prefix="kb-loadtest-") as tmp:
        plan_path = Path(tmp) / "plan.json"
        plan_path.write_text(json.dumps(addresses), encoding="utf-8")
        env["KB_LOADTEST_PLAN"] = str(plan_path)
        say("collecting static files for the production storage")
        subprocess.run(
            [sys.executable, "manage.py", "collectstatic", "--no-input", "-v0"],
            cwd=settings.BASE_DIR, env=env, check=True,
        )
        server = load = None
        try:
            say(f"starting gunicorn with {workers} workers on {base}")
            server = subprocess.Popen(
                [sys.executable, "-m", "gunicorn", "kb.wsgi", "--workers", str(workers),
                 "--bind", f"127.0.0.1:{port}", "--log-level", "warning"],
                cwd=settings.BASE_DIR, env=env,
            )
            _wait_until_ready(base + reverse("kb:home"), server)
            say("warming up every worker")
            _warm_up(base, addresses, rounds=2 * workers)
            say(f"{users} visitors for {seconds} s (Locust, headless)")
            log = open(Path(tmp) / "locust.log", "w", encoding="utf-8")  # noqa: SIM115
            load = subprocess.Popen(
                [sys.executable, "-m", "locust", "-f", str(LOCUSTFILE), "--headless",
                 "--users", str(users), "--spawn-rate", str(users), "--run-time",
                 f"{seconds}s", "--host", base, "--csv", str(Path(tmp) / "load"),
                 "--only-summary", "--loglevel", "WARNING", "--stop-timeout", "5"],
                cwd=settings.BASE_DIR, env=env, stdout=log, stderr=subprocess.STDOUT,
            )
            load.wait(timeout=seconds + 120)
            log.close()
        finally:
            _stop(load)
            _stop(server)
        stats = Path(tmp) / "load_stats.csv"
        if not stats.exists():
            messages = (Path(tmp) / "locust.log").read_text(encoding="utf-8")[-3000:]
            raise LoadTestError(f"Locust wrote no statistics. Its last words:\n{messages}")
        result = Result(workers=workers, users=users, seconds=seconds,
                        cache="redis" if env.get("REDIS_URL") else "local memory")
        with stats.open(encoding="utf-8") as handle:
            for line in csv.DictReader(handle):
                result.rows.append(Row(
                    name=line["Name"], requests=int(line["Request Count"]),
                    failures=int(line["Failure Count"]),
                    rps=round(float(line["Requests/s"]), 1),
                    p50=float(line["50%"]), p95=float(line["95%"]), p99=float(line["99%"]),
                ))
    return result


def table(result: Result) -> str:
    lines = [
        f"{result.workers} gunicorn workers, {result.users} visitors, {result.seconds} s, "
        f"cache: {result.cache}",
        "",
        f"{'requests':<16}{'count':>9}{'errors':>8}{'req/s':>9}{'p50 ms':>9}{'p95 ms':>9}"
        f"{'p99 ms':>9}",
    ]
    for row in result.rows:
        name = "all" if row.name == "Aggregated" else row.name
        lines.append(
            f"{name:<16}{row.requests:>9,}{row.failures:>8,}{row.rps:>9,.1f}{row.p50:>9,.0f}"
            f"{row.p95:>9,.0f}{row.p99:>9,.0f}"
        )
    return "\n".join(lines)
