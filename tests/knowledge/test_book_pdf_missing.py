"""The book PDF after its file went missing: regenerated for the reader, once, never a 500.

Each test deletes or damages the stored file under a MEDIA_ROOT of its own, as a restore
without the media folder or an app server without the shared storage would, and reads what
the PDF route answers with pypdf.
"""

import datetime
import io
import logging
import threading
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connections
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from pypdf import PdfReader
from wagtail.users.models import UserProfile

from knowledge import book_pdf
from knowledge.models import BookPdf
from tests.knowledge.factories import LessonPageFactory
from tests.knowledge.test_book import chapter, make_book

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture(autouse=True)
def temporary_media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def book(knowledge_tree):
    lesson = LessonPageFactory(
        parent=knowledge_tree.indexes["nl"], title="Stoelen huren in plaats van kopen"
    )
    return make_book(knowledge_tree.site_tree.homes["nl"], [chapter("Meubilair", [lesson])])


def pdf_url(book):
    return f"{book.url}pdf/"


def body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def read_pdf_text(data):
    assert data.startswith(b"%PDF-")
    reader = PdfReader(io.BytesIO(data))
    return " ".join(page.extract_text() or "" for page in reader.pages)


def stored_path(book):
    pdf = BookPdf.objects.get(book=book)
    return pdf, Path(pdf.file.path)


def test_a_deleted_pdf_is_regenerated_and_served(client, book, caplog):
    assert client.get(pdf_url(book)).status_code == 200
    before, path = stored_path(book)
    path.unlink()

    with caplog.at_level(logging.WARNING, logger="knowledge.book_pdf"):
        response = client.get(pdf_url(book))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "Stoelen huren in plaats van kopen" in read_pdf_text(body(response))
    after, new_path = stored_path(book)
    assert after.file.name != before.file.name and new_path.exists()
    assert after.generated_at > before.generated_at
    assert [r for r in caplog.records if before.file.name in r.getMessage()]


def test_a_damaged_pdf_is_regenerated_and_served(client, book):
    assert client.get(pdf_url(book)).status_code == 200
    _pdf, path = stored_path(book)
    path.write_bytes(b"<html>half a copy</html>")

    response = client.get(pdf_url(book))
    assert response.status_code == 200
    assert "Meubilair" in read_pdf_text(body(response))


def test_a_pdf_record_whose_whole_media_folder_is_gone_heals(client, book, temporary_media):
    """A database restored without its media: not even the books/ folder exists."""
    assert client.get(pdf_url(book)).status_code == 200
    for path in sorted(Path(temporary_media).rglob("*"), reverse=True):
        path.unlink() if path.is_file() else path.rmdir()

    response = client.get(pdf_url(book))
    assert response.status_code == 200
    assert "Stoelen huren" in read_pdf_text(body(response))


@pytest.mark.django_db(transaction=True)
def test_two_readers_at_once_regenerate_the_pdf_once(book, monkeypatch):
    """The second reader, arriving while the first one's request renders, is asked to wait."""
    assert Client().get(pdf_url(book)).status_code == 200
    stored_path(book)[1].unlink()

    real_render = book_pdf.render_pdf
    renders = []
    rendering = threading.Event()
    finish = threading.Event()

    def slow_render(page):
        renders.append(page.pk)
        if len(renders) == 1:
            rendering.set()
            finish.wait(timeout=30)
        return real_render(page)

    monkeypatch.setattr(book_pdf, "render_pdf", slow_render)
    answers = {}

    def first_reader():
        try:
            answers["first"] = Client().get(pdf_url(book))
            answers["first_body"] = body(answers["first"])
        finally:
            connections.close_all()

    thread = threading.Thread(target=first_reader)
    thread.start()
    assert rendering.wait(timeout=30)
    second = Client().get(pdf_url(book))
    finish.set()
    thread.join(timeout=60)

    assert renders == [book.pk]
    assert second.status_code == 503
    assert second["Retry-After"] == str(book_pdf.PREPARING_RETRY_SECONDS)
    assert "wordt klaargemaakt" in second.content.decode()
    assert answers["first"].status_code == 200
    assert "Stoelen huren" in read_pdf_text(answers["first_body"])


@pytest.mark.django_db(transaction=True)
def test_with_a_worker_the_missing_pdf_is_queued_once_and_the_reader_told_in_french(
    book, knowledge_tree, settings
):
    book_fr = knowledge_tree.translate(book, "fr", title="Livre d'inspiration", slug="livre")
    client = Client()
    assert client.get(pdf_url(book_fr)).status_code == 200
    stored_path(book_fr)[1].unlink()
    settings.TASKS = DATABASE_TASKS

    for _ in range(2):
        response = client.get(pdf_url(book_fr))
        assert response.status_code == 503
        assert response["Retry-After"] == str(book_pdf.PREPARING_RETRY_SECONDS)
        page = response.content.decode()
        assert "Le PDF est en cours de préparation" in page
        assert 'lang="fr"' in page
    assert (
        DBTaskResult.objects.ready().filter(task_path__endswith="generate_book_pdf_task").count()
        == 1
    )

    call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0)
    response = client.get(pdf_url(book_fr))
    assert response.status_code == 200
    assert "Livre d'inspiration" in read_pdf_text(body(response))


def test_a_failed_regeneration_is_tried_again_after_a_while_not_on_every_request(
    client, book, monkeypatch
):
    assert client.get(pdf_url(book)).status_code == 200
    stored_path(book)[1].unlink()
    real_render = book_pdf.render_pdf
    calls = []

    def broken(page):
        calls.append(page.pk)
        raise RuntimeError("no fonts on this server")

    monkeypatch.setattr(book_pdf, "render_pdf", broken)
    for _ in range(3):
        response = client.get(pdf_url(book))
        assert response.status_code == 503
        assert response["Retry-After"] == str(int(book_pdf.FAILED_RETRY.total_seconds()))
        assert "niet beschikbaar" in response.content.decode()
    assert calls == [book.pk]
    assert "no fonts on this server" in BookPdf.objects.get(book=book).error

    monkeypatch.setattr(book_pdf, "render_pdf", real_render)
    BookPdf.objects.filter(book=book).update(
        failed_at=timezone.now() - book_pdf.FAILED_RETRY - datetime.timedelta(seconds=1)
    )
    response = client.get(pdf_url(book))
    assert response.status_code == 200
    assert "Stoelen huren" in read_pdf_text(body(response))


def test_the_task_regenerates_a_pdf_whose_file_is_missing_even_when_it_looks_up_to_date(book):
    pdf = book_pdf.generate(book)
    requested = (pdf.generated_at - datetime.timedelta(seconds=1)).isoformat()
    assert book_pdf.generate_book_pdf_task.call(book.pk, requested) == "up to date"
    Path(pdf.file.path).unlink()
    assert book_pdf.generate_book_pdf_task.call(book.pk, requested) == "generated"
    assert book_pdf.stored_file_readable(BookPdf.objects.get(book=book))


@pytest.mark.parametrize(
    ("language", "warning"),
    [
        ("nl", "Het opgeslagen pdf-bestand ontbreekt in de mediaopslag"),
        ("fr", "Le fichier PDF enregistré est absent du stockage des médias"),
    ],
)
def test_editors_are_told_when_the_stored_pdf_is_missing(
    admin_client, admin_user, book, language, warning
):
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = language
    profile.save()
    book_pdf.generate(book)
    edit_url = reverse("wagtailadmin_pages:edit", args=[book.pk])
    assert warning not in admin_client.get(edit_url).content.decode()

    stored_path(book)[1].unlink()
    page = admin_client.get(edit_url).content.decode()
    assert warning in page
    assert "manage.py check_media" in page
