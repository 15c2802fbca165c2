"""Search: transliteration keys on every name, and PostgreSQL's search indexes.

Every database gets ``search_key`` on entries and aliases (``kb.names.name_key``) and
has its folded names recomputed, because the folding now also unifies the Arabic,
Persian and Urdu forms of a letter.

PostgreSQL also gets what its search backend reads (``kb.search.postgres``):

* ``kb_entry.search_document``, a stored ``tsvector`` that the database computes
  itself from the name (weight A), the summary (B) and the narrative (C). A generated
  column cannot drift from the text it indexes, whatever writes the row (the editorial
  workflow, the admin, ``COPY`` in ``generate_data``, ``restore``); the models do not
  declare it, so Django never writes it and SQLite never has it.
* trigram (``pg_trgm``) GIN indexes on the folded names and keys of entries and
  aliases, which serve ``LIKE '%…%'`` and similarity alike.
"""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations, models

from kb.names import name_key, normalize_name

POSTGRES_FORWARD = [
    """
    ALTER TABLE kb_entry ADD COLUMN search_document tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english'::regconfig, coalesce(name, '')), 'A')
        || setweight(to_tsvector('english'::regconfig, coalesce(summary, '')), 'B')
        || setweight(to_tsvector('english'::regconfig, coalesce(body, '')), 'C')
    ) STORED
    """,
    "CREATE INDEX kb_entry_search_document ON kb_entry USING gin (search_document)",
    "CREATE INDEX kb_entry_search_name_trgm ON kb_entry USING gin (search_name gin_trgm_ops)",
    "CREATE INDEX kb_entry_search_key_trgm ON kb_entry USING gin (search_key gin_trgm_ops)",
    "CREATE INDEX kb_alias_search_name_trgm ON kb_alias USING gin (search_name gin_trgm_ops)",
    "CREATE INDEX kb_alias_search_key_trgm ON kb_alias USING gin (search_key gin_trgm_ops)",
]
POSTGRES_BACKWARD = [
    "DROP INDEX IF EXISTS kb_alias_search_key_trgm",
    "DROP INDEX IF EXISTS kb_alias_search_name_trgm",
    "DROP INDEX IF EXISTS kb_entry_search_key_trgm",
    "DROP INDEX IF EXISTS kb_entry_search_name_trgm",
    "ALTER TABLE kb_entry DROP COLUMN IF EXISTS search_document",
]


def _on_postgres(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for statement in statements:
            schema_editor.execute(statement)

    return run


def fold_names(apps, schema_editor):
    for model_name in ("Entry", "Alias"):
        model = apps.get_model("kb", model_name)
        rows = model.objects.only("pk", "name").order_by("pk")
        changed = []
        for row in rows.iterator(chunk_size=2000):
            row.search_name, row.search_key = normalize_name(row.name), name_key(row.name)
            changed.append(row)
            if len(changed) == 2000:
                model.objects.bulk_update(changed, ["search_name", "search_key"])
                changed = []
        model.objects.bulk_update(changed, ["search_name", "search_key"])


class Migration(migrations.Migration):

    dependencies = [
        ("kb", "0004_place_updated_at"),
    ]

    operations = [
        migrations.AddField(
            model_name="alias",
            name="search_key",
            field=models.CharField(default="", editable=False, max_length=300),
        ),
        migrations.AddField(
            model_name="entry",
            name="search_key",
            field=models.CharField(
                default="", editable=False, max_length=300,
                help_text="The name's transliteration key (see kb.names.name_key).",
            ),
        ),
        migrations.RunPython(fold_names, migrations.RunPython.noop, elidable=True),
        TrigramExtension(),
        migrations.RunPython(
            _on_postgres(POSTGRES_FORWARD), _on_postgres(POSTGRES_BACKWARD)
        ),
    ]
