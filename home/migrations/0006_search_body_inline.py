"""PostgreSQL: the body vectors of the search index stay in the table's rows.

A body vector compresses poorly, so PostgreSQL stored most of them, uncompressed, apart from
their rows (TOAST); ranking a search's matches then read each match's body through the TOAST
index and table (about three buffer reads per match: 5,100 instead of 1,700 for a common
word on 10,000 pages). With storage MAIN the body stays in its row and the text columns move
out instead (the search never reads them). Existing rows are written again so that their
bodies move in. Other databases need nothing.
"""

from django.db import migrations

TABLE = "wagtailsearch_indexentry"


def set_body_storage(storage):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        schema_editor.execute(f"ALTER TABLE {TABLE} ALTER COLUMN body SET STORAGE {storage}")
        # A changed storage applies to values written from now on: write every body again
        # (a new value, so PostgreSQL stores it anew).
        schema_editor.execute(f"UPDATE {TABLE} SET body = body || ''::tsvector")  # noqa: S608 - constant

    return operation


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0005_mirror_view_restrictions"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(set_body_storage("MAIN"), set_body_storage("EXTENDED"))]
