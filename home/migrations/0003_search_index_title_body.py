"""PostgreSQL: a GIN index on the combined title and body vectors of the search index.

The database search backend matches `title || body @@ query`; without an index on that
expression PostgreSQL computes it for every page of the locale (about a second with 10,000
pages). Other databases need nothing.
"""

from django.db import migrations

INDEX = "home_search_indexentry_title_body_gin"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailsearch_indexentry "
            "USING gin ((title || body))"
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0002_search_term_stat"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(create_index, drop_index)]
