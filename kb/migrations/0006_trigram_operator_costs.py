"""Tell PostgreSQL's planner what a trigram comparison costs.

pg_trgm declares its similarity operators (``%``, ``<%``, ``%>``) at the default cost of
one unit, as if they were as cheap as comparing two integers. Over a table of a few
tens of thousands of names the planner then prefers to test every row (65 ms for the
aliases at benchmark scale) to scanning the trigram index (6 ms). Declaring their real
cost lets it choose the index. Only on PostgreSQL; reversible.
"""

from django.db import migrations

FUNCTIONS = ("similarity_op", "word_similarity_op", "word_similarity_commutator_op")


def _set_cost(cost):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for function in FUNCTIONS:
            schema_editor.execute(f"ALTER FUNCTION {function}(text, text) COST {cost}")

    return run


class Migration(migrations.Migration):

    dependencies = [
        ("kb", "0005_search_keys"),
    ]

    operations = [
        migrations.RunPython(_set_cost(100), _set_cost(1)),
    ]
