"""The book PDF with the database task backend: queued on publish, rendered by db_worker."""

import pytest
from django.core.management import call_command
from django.test import override_settings
from django_tasks_db.models import DBTaskResult

from knowledge.models import BookPdf
from tests.knowledge.factories import LessonPageFactory
from tests.knowledge.test_book import chapter, make_book


# Publishing must really commit (its on-commit hook queues the task) and the worker closes
# stale connections as in production: no test transaction around this test.
@pytest.mark.django_db(transaction=True)
@override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}})
def test_publishing_a_book_queues_its_pdf_and_the_worker_renders_it(knowledge_tree):
    lesson = LessonPageFactory(parent=knowledge_tree.indexes["nl"], title="Stoelen huren")
    book = make_book(knowledge_tree.site_tree.homes["nl"], [chapter("Meubilair", [lesson])])
    pdf = BookPdf.objects.get(book=book)
    assert not pdf.file, "queued, not rendered, until the worker runs"
    assert DBTaskResult.objects.ready().filter(task_path__endswith="generate_book_pdf_task")

    call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0)
    pdf.refresh_from_db()
    assert pdf.file and pdf.generated_at is not None
    with pdf.file.open("rb") as handle:
        assert handle.read(5) == b"%PDF-"
    assert not DBTaskResult.objects.ready().exists()
