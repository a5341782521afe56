"""An index on the page a comment belongs to (object id, content type), on django_comments.

Threads and comment counts look comments up by both columns. The library indexes each on
its own, and SQLite, having no statistics, then often scans every comment of a page type.
Django's documentation recommends this composite index for generic relations.
"""

from django.db import migrations

INDEX = "comments_thread_target_idx"


class Migration(migrations.Migration):
    dependencies = [
        ("django_comments", "0004_add_object_pk_is_removed_index"),
        ("network", "0003_discussioncomment_discussionindexpage_topicpage_and_more"),
    ]

    operations = [
        migrations.RunSQL(
            f"CREATE INDEX {INDEX} ON django_comments (object_pk, content_type_id)",
            f"DROP INDEX {INDEX}",
        ),
    ]
