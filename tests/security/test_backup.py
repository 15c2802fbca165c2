"""Backups: nothing is lost between ``backup``, an empty database and ``restore``.

Each round trip compares a checksum of every table (all columns, rows by primary key;
content types, permissions and roles by natural key) before the backup and after the
restore into a flushed database, on whichever database the suite runs. The flush runs
inside the test's transaction (TRUNCATE is transactional on PostgreSQL too), so the
migrated rows come back for the tests that follow.
"""

import gzip
import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from accounts.models import AuditEvent, User
from kb import backup
from kb.models import Attack, Comment, Entry, Revision, Source
from tests.factories import CommentFactory, UserFactory

PASSWORD = "correct horse battery staple"
WITHOUT_HASHES = frozenset({"accounts.user.password"})


def _round_trip(tmp_path, *args: str):
    """Back up with ``args``, flush the database, restore the backup."""
    path = tmp_path / "kb.jsonl.gz"
    call_command("backup", "--output", str(path), *args, stdout=io.StringIO())
    if connection.vendor == "postgresql":
        # TRUNCATE refuses tables with foreign-key checks still pending in the transaction.
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    call_command("flush", "--no-input", verbosity=0)
    assert not Entry.objects.exists() and not User.objects.exists()
    call_command("restore", str(path), stdout=io.StringIO())


@pytest.mark.django_db
def test_the_demo_data_survives_backup_flush_and_restore(tmp_path):
    call_command("load_demo", "--no-users", stdout=io.StringIO())
    editor = UserFactory(username="eddie", role="editor")
    CommentFactory(entry=Entry.objects.first(), user=editor, author_name="")
    before = backup.checksums(ignore=WITHOUT_HASHES)
    counts = {model: model.objects.count() for model in (Entry, Attack, Revision, Source, Comment)}

    _round_trip(tmp_path)

    assert backup.checksums(ignore=WITHOUT_HASHES) == before
    assert {model: model.objects.count() for model in counts} == counts
    restored = User.objects.get(username="eddie")
    assert not restored.has_usable_password()
    assert list(restored.groups.values_list("name", flat=True)) == ["editor"]
    assert restored.has_perm("kb.review_revision")


@pytest.mark.django_db
def test_generated_data_survives_in_small_batches_with_password_hashes(tmp_path, monkeypatch):
    call_command("generate_data", "--scale", "0.0001", stdout=io.StringIO())
    UserFactory(username="ada", role="administrator")
    AuditEvent.objects.create(action="sign_in", actor_name="ada", ip_address="192.0.2.7")
    # Batches smaller than most tables, so every table crosses batch boundaries.
    monkeypatch.setattr(backup, "BATCH", 7)
    before = backup.checksums()
    assert Attack.objects.count() >= 60 and Revision.objects.count() >= 100

    _round_trip(tmp_path, "--with-password-hashes")

    assert backup.checksums() == before
    assert User.objects.get(username="ada").check_password(PASSWORD)
    # Sequences continue after the restored keys.
    assert Source.objects.create(title="New", slug="new-after-restore").pk > max(
        Source.objects.exclude(slug="new-after-restore").values_list("pk", flat=True)
    )


# The file and its refusals ---------------------------------------------------------------


def _backup_bytes(**options) -> bytes:
    stream = io.BytesIO()
    backup.write_backup(stream, **options)
    return stream.getvalue()


def _lines(data: bytes) -> list:
    return [json.loads(line) for line in gzip.decompress(data).splitlines()]


def _rewrite(data: bytes, change) -> io.BytesIO:
    lines = change(_lines(data))
    text = "".join(json.dumps(line) + "\n" for line in lines)
    return io.BytesIO(gzip.compress(text.encode()))


@pytest.mark.django_db
def test_the_file_says_its_format_version_and_schema_and_hides_hashes():
    UserFactory(username="nadia")
    lines = _lines(_backup_bytes())
    header = lines[0]
    assert header["format"] == "kb-backup" and header["version"] == backup.VERSION
    assert header["password_hashes"] is False
    assert "0003_auditevent" in header["migrations"]["accounts"]
    assert lines[-1] == {"end": lines[-1]["end"]} and lines[-1]["end"]["accounts.user"] == 1
    users = next(
        i for i, line in enumerate(lines)
        if isinstance(line, dict) and line.get("table") == "accounts.user"
    )
    assert lines[users + 1][lines[users]["columns"].index("password")] == ""
    assert {"natural": "roles"} in lines


@pytest.mark.django_db
def test_restore_refuses_a_database_that_holds_data():
    UserFactory(username="nadia")
    with pytest.raises(backup.BackupError, match=r"not empty \(1 rows in accounts.User\)"):
        backup.read_backup(io.BytesIO(_backup_bytes()))


@pytest.mark.django_db
def test_restore_refuses_what_is_not_a_backup_or_is_damaged():
    data = _backup_bytes()
    with pytest.raises(backup.BackupError, match="not a readable backup"):
        backup.read_backup(io.BytesIO(b"plain text, not gzip"))
    with pytest.raises(backup.BackupError, match="not a backup made by"):
        backup.read_backup(io.BytesIO(gzip.compress(b'{"hello": 1}\n')))
    with pytest.raises(backup.BackupError, match="not a readable backup"):
        backup.read_backup(io.BytesIO(data[: len(data) // 2]))
    with pytest.raises(backup.BackupError, match="truncated"):
        backup.read_backup(_rewrite(data, lambda lines: lines[:-1]))


@pytest.mark.django_db
def test_restore_refuses_another_format_version_or_schema():
    data = _backup_bytes()

    def version(lines):
        return [{**lines[0], "version": 99}, *lines[1:]]

    def schema(lines):
        migrations = {**lines[0]["migrations"], "kb": [*lines[0]["migrations"]["kb"], "0099_x"]}
        return [{**lines[0], "migrations": migrations}, *lines[1:]]

    with pytest.raises(backup.BackupError, match="format version 99"):
        backup.read_backup(_rewrite(data, version))
    with pytest.raises(backup.BackupError, match="kb 0099_x applied in the backup, not here"):
        backup.read_backup(_rewrite(data, schema))


def test_the_restore_command_reports_a_refusal_in_one_sentence(tmp_path):
    missing = tmp_path / "nothing.jsonl.gz"
    with pytest.raises(CommandError, match="No backup file at"):
        call_command("restore", str(missing))
