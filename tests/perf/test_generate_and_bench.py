"""Smoke test of the performance tooling: a tiny data set, then every operation once.

The figures mean nothing at this size; what is checked is that ``generate_data`` writes
rows the model layer accepts (validation, constraints, the snapshots revisions hold) and
that ``bench`` runs and prints every operation of BENCHMARK.md.
"""

import json
import re
from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import connection, transaction

from kb.editorial.snapshot import capture
from kb.models import (
    Alias,
    Attack,
    Citation,
    Claim,
    Comment,
    Entry,
    Group,
    Person,
    Revision,
)
from kb.names import normalize_name
from kb.perf import load
from kb.perf.generate import Plan
from kb.perf.suite import OPERATIONS

SCALE = 0.002


@pytest.fixture(scope="module")
def data_set(django_db_setup, django_db_blocker, tmp_path_factory):
    """One data set for the module, rolled back at its end: generating takes seconds."""
    report = tmp_path_factory.mktemp("perf") / "load.json"
    out = StringIO()
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("generate_data", scale=SCALE, report=report, stdout=out)
        yield out.getvalue(), report
        transaction.set_rollback(True)


@pytest.fixture
def generated(data_set, db):
    return data_set


def test_generate_data_writes_the_planned_rows_with_progress(generated):
    output, report = generated
    plan = Plan.for_scale(SCALE)
    assert Group.objects.count() == plan.groups
    assert Person.objects.count() == plan.people
    assert Attack.objects.count() == plan.attacks
    assert Comment.objects.count() == plan.comments
    assert "rows/s" in output and "attacks" in output
    load = json.loads(report.read_text())
    assert load["rows"] > plan.attacks and load["peak_memory_mb"] > 0


def test_generated_rows_pass_model_validation(generated):
    for model in (Group, Person, Attack):
        for entry in model.objects.order_by("pk")[:40]:
            entry.full_clean()
            assert entry.kind == model._entry_kind
            assert entry.search_name == normalize_name(entry.name)
    for model in (Alias, Citation, Claim, Comment):
        for row in model.objects.order_by("pk")[:60]:
            row.full_clean(validate_unique=False)
    for alias in Alias.objects.all()[:60]:
        assert alias.search_name == normalize_name(alias.name)


def test_revisions_hold_real_snapshots_of_the_live_rows(generated):
    for model in (Group, Person, Attack):
        for entry in model.objects.filter(live_revision__isnull=False).order_by("pk")[:15]:
            live = json.loads(json.dumps(capture(entry)))
            assert entry.live_revision.data == live, f"{model.__name__} {entry.pk}"


def test_the_data_set_has_the_benchmark_shape(generated):
    revisions = Revision.objects.count()
    pending = Revision.objects.filter(state="pending").count()
    assert 0.005 < pending / revisions < 0.06
    spam = Comment.objects.filter(state="spam").count()
    assert 0.2 < spam / Comment.objects.count() < 0.4
    claimed = Attack.objects.filter(claims__isnull=False).distinct().count()
    attributed = Attack.objects.filter(attributions__isnull=False).distinct().count()
    assert claimed + attributed > 0
    assert Entry.objects.filter(published_at__isnull=True).count() < Entry.objects.count() / 10


def test_a_second_run_refuses_to_mix_data_sets(generated):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="--replace"):
        call_command("generate_data", scale=SCALE, stdout=StringIO())


def test_bench_prints_every_operation(generated, tmp_path):
    _output, report = generated
    figures = tmp_path / "bench.json"
    out = StringIO()
    call_command("bench", quick=True, load_report=report, json=figures, stdout=out,
                 stderr=StringIO())
    printed = out.getvalue()
    for op in OPERATIONS:
        assert re.search(rf"^{op}\s", printed, re.MULTILINE), f"{op} missing:\n{printed}"
    errors = [line for line in printed.splitlines() if "error:" in line]
    assert not errors, "\n".join(errors)
    saved = json.loads(figures.read_text())
    assert {r["op"] for r in saved["results"]} == set(OPERATIONS)

    compared = StringIO()
    call_command("bench", quick=True, only="O9", compare=figures, stdout=compared,
                 stderr=StringIO())
    assert "Compared with" in compared.getvalue()


def test_rows_that_break_a_rule_are_refused(db):
    """The same validation the generator's rows pass catches a broken one."""
    attack = Attack(name="x", kind="attack", occurred_on="2015-05-13",
                    occurred_on_precision="month")
    with pytest.raises(ValidationError):
        attack.full_clean()



def test_the_load_test_visits_pages_that_answer(generated, client, settings):
    """Every address ``loadtest`` would send its visitors to answers 200 (PostgreSQL)."""
    if connection.vendor != "postgresql":
        with pytest.raises(load.LoadTestError, match="PostgreSQL"):
            load.plan()
        return
    settings.KB = {**settings.KB, "API_ANON_RATE": "10000/minute"}
    addresses = load.plan(sample=5)
    assert set(addresses) == {"profiles", "lists", "searches", "api"}
    for kind, urls in addresses.items():
        for url in urls:
            assert client.get(url).status_code == 200, f"{kind}: {url}"


def test_the_load_test_reports_each_kind_of_request():
    result = load.Result(workers=2, users=4, seconds=5, cache="local memory", rows=[
        load.Row("page: search", 10, 1, 2.0, 40, 90, 120),
        load.Row("Aggregated", 10, 1, 2.0, 40, 90, 120),
    ])
    lines = load.table(result).splitlines()
    assert lines[0] == "2 gunicorn workers, 4 visitors, 5 s, cache: local memory"
    assert lines[-1].split() == ["all", "10", "1", "2.0", "40", "90", "120"]
    assert result.total.failures == 1
    assert json.loads(result.as_json())["rows"][0]["name"] == "page: search"


def test_the_search_indexes_are_rebuilt_after_the_load(generated):
    """The GIN indexes are dropped for the bulk load and must all be back (PostgreSQL)."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname FROM pg_indexes WHERE tablename LIKE 'kb%%' "
            "AND indexdef LIKE '%% USING gin %%'"
        )
        names = {name for (name,) in cursor.fetchall()}
    assert names >= {
        "kb_entry_search_document", "kb_entry_search_name_trgm", "kb_entry_search_key_trgm",
        "kb_alias_search_name_trgm", "kb_alias_search_key_trgm",
    }
