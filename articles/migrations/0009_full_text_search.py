"""Full-text indexes: FTS5 tables kept in step by triggers on SQLite, tsvector columns with GIN on PostgreSQL."""

from django.db import migrations


def create(apps, schema_editor):
    from articles.search import ensure_search_index

    ensure_search_index(schema_editor.connection)


def drop(apps, schema_editor):
    from articles.search import drop_search_index

    drop_search_index(schema_editor.connection)


class Migration(migrations.Migration):

    dependencies = [
        ("articles", "0008_indexes_for_lists"),
    ]

    operations = [migrations.RunPython(create, drop, elidable=False)]
