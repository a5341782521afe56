"""The inspiration book as a PDF: rendered with WeasyPrint once per change, served from a file.

Publishing a book; publishing, unpublishing or deleting a page that a book includes; a view
restriction added to or removed from such a page or a page above it; a move: each queues
`generate_book_pdf_task` after the transaction commits, so a page made private or taken away
leaves the PDF at once. The task renders the PDF into default storage and records when (or
why not) on `BookPdf`. Readers get the stored file. Should there be none yet, or should it be
missing from storage or unreadable (a restore without the media folder, an app server that
does not share it), the first reader's request has it regenerated, once however many readers
ask at the same time (`pdf_for_reader`); a failure leaves the web book untouched and shows the
error to editors in the page editor.
"""

import datetime
import logging
from dataclasses import dataclass
from functools import partial
from urllib.parse import urljoin, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.text import slugify
from django_tasks import task
from wagtail.models import Page

from knowledge import books
from knowledge.models.base import KnowledgePage
from knowledge.models.book import BookPdf, InspirationBookPage
from network.base_url import absolute_url, page_url

logger = logging.getLogger(__name__)

STYLESHEET = "css/book-print.css"
PDF_SIGNATURE = b"%PDF-"
# A regeneration claimed by a reader's request that has not finished this long after is
# given up for dead (a process or worker that stopped); the next reader claims another.
REGENERATION_LEASE = datetime.timedelta(minutes=10)
# After a failed attempt, readers get the "not available" page this long before one of
# them tries again; editors see the error in the page editor meanwhile.
FAILED_RETRY = datetime.timedelta(minutes=5)
# What a reader is asked to wait while the PDF is being made.
PREPARING_RETRY_SECONDS = 30


def _relative(url, prefix, base_url):
    """The path of `url` below `prefix` (relative or absolute), or None."""
    if not prefix:
        return None
    for candidate in (urljoin(base_url, prefix), prefix):
        if url.startswith(candidate):
            return url[len(candidate) :].split("?")[0]
    return None


def storage_url_fetcher(base_url):
    """A WeasyPrint fetcher for media files from storage and static files from the finders.

    Nothing is fetched over the network: a book must render the same on a worker without
    access to the site, and page content must not make the server request arbitrary URLs.
    """
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class StorageURLFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            media = _relative(url, settings.MEDIA_URL, base_url)
            if media is not None:
                with default_storage.open(media, "rb") as handle:
                    return URLFetcherResponse(url, handle.read())
            static = _relative(url, settings.STATIC_URL, base_url)
            path = finders.find(static) if static else None
            if path:
                with open(path, "rb") as handle:
                    return URLFetcherResponse(url, handle.read())
            raise ValueError(f"Not fetched for a book PDF: {urlsplit(url).path}")

    return StorageURLFetcher()


def site_root_url(book):
    """The base URL the PDF's relative links resolve against: the site's public address."""
    return absolute_url("/")


def download_name(book):
    return f"{slugify(book.title) or book.slug}-{book.locale.language_code}.pdf"


def render_html(book):
    """The book as one HTML document for print, in the book's language."""
    with translation.override(book.locale.language_code):
        chapters = books.resolve_chapters(book)
        return render_to_string(
            "knowledge/book/pdf.html",
            {
                "book": book,
                "chapters": chapters,
                "generated_on": timezone.localdate(),
                "book_url": page_url(book),
            },
        )


def render_pdf(book):
    """Render the book (as it is in memory: a preview renders unsaved changes) to PDF bytes."""
    from weasyprint import CSS, HTML

    base_url = site_root_url(book)
    fetcher = storage_url_fetcher(base_url)
    document = HTML(string=render_html(book), base_url=base_url, url_fetcher=fetcher)
    stylesheet = CSS(filename=finders.find(STYLESHEET), url_fetcher=fetcher)
    return document.write_pdf(stylesheets=[stylesheet])


def generate(book):
    """Render the live book into its stored PDF and record the outcome; returns the BookPdf."""
    try:
        return _generate(book)
    finally:
        release_regeneration(book.pk)


def _generate(book):
    started = timezone.now()
    pdf, _ = BookPdf.objects.get_or_create(book=book)
    try:
        data = render_pdf(book)
    except Exception as error:  # any failure must leave the web book working
        logger.exception("The PDF of book %s could not be generated", book.pk)
        pdf.error = f"{type(error).__name__}: {error}"
        pdf.failed_at = timezone.now()
        pdf.save(update_fields=["error", "failed_at"])
        return pdf
    old_name = pdf.file.name
    # upload_to adds the folder; the reader's file name comes from download_name().
    name = f"{book.pk}-{book.locale.language_code}-{started.strftime('%Y%m%d%H%M%S%f')}.pdf"
    pdf.file.save(name, ContentFile(data), save=False)
    pdf.generated_at = started
    pdf.error = ""
    pdf.failed_at = None
    # Not requested_at: a publish during rendering has asked for a newer version since.
    pdf.save(update_fields=["file", "generated_at", "error", "failed_at"])
    if old_name and old_name != pdf.file.name:
        pdf.file.storage.delete(old_name)
    return pdf


@task()
def generate_book_pdf_task(book_id, requested_at):
    """Regenerate a book's PDF unless one was generated since `requested_at` (ISO time)."""
    book = InspirationBookPage.objects.live().filter(pk=book_id).first()
    if book is None:
        return "not live"
    requested = datetime.datetime.fromisoformat(requested_at)
    current = BookPdf.objects.filter(book=book).first()
    if (
        current is not None
        and current.generated_at
        and current.generated_at >= requested
        and stored_file_readable(current)
    ):
        return "up to date"
    pdf = generate(book)
    return "failed" if pdf.error else "generated"


def _enqueue(book_id, requested_at):
    generate_book_pdf_task.enqueue(book_id, requested_at)


def schedule(book_ids):
    """Queue PDF generation for these books once the current transaction commits."""
    requested = timezone.now()
    for book_id in book_ids:
        BookPdf.objects.update_or_create(book_id=book_id, defaults={"requested_at": requested})
        transaction.on_commit(partial(_enqueue, book_id, requested.isoformat()))


def schedule_for_page(page):
    """A page was published or unpublished: regenerate every book it is (or was) part of."""
    page_class = page.specific_class
    if page_class is None:
        return
    if issubclass(page_class, InspirationBookPage):
        if page.live:
            schedule([page.pk])
    elif issubclass(page_class, KnowledgePage):
        schedule(books.books_including(page))


class PendingBookRefresh:
    """Pages whose books to regenerate once the transaction commits, gathered into one run.

    Adding a restriction saves it and then its groups; a move or a privacy change can touch
    several pages in one transaction. Each book is still regenerated once.
    """

    def __init__(self, page_ids):
        self.page_ids = set(page_ids)
        self.done = False

    def __call__(self):
        self.done = True
        book_ids = set()
        # A page deleted in the meantime left its books through page_unpublished already.
        for page in Page.objects.filter(pk__in=self.page_ids):
            book_ids.update(books.books_including_pages_under(page))
        schedule(sorted(book_ids))


def schedule_for_pages_under_later(page_id):
    """A page became private or public, or moved: after commit, regenerate the books that
    show it or any page below it, so a private page leaves the public PDF at once."""
    from home.navigation import waiting_for_commit

    pending = waiting_for_commit(
        lambda callback: isinstance(callback, PendingBookRefresh) and not callback.done
    )
    if pending is not None:
        pending.page_ids.add(page_id)
    else:
        transaction.on_commit(PendingBookRefresh([page_id]), robust=True)


def stored_file_readable(pdf):
    """Whether `pdf` names a stored file that opens and starts like a PDF."""
    handle = open_stored_file(pdf)
    if handle is None:
        return False
    handle.close()
    return True


def open_stored_file(pdf):
    """The stored PDF opened for reading at its start, or None when it is missing or broken.

    A restore without the media folder, or an app server that does not share it, leaves the
    record pointing at nothing; a truncated copy is no better for the reader.
    """
    if pdf is None or not pdf.file:
        return None
    # What a missing file raises depends on the storage (OSError on disk, botocore's
    # ClientError on S3, some only when reading): any failure means there is no PDF to serve.
    try:
        handle = pdf.file.storage.open(pdf.file.name, "rb")
    except Exception:  # noqa: BLE001
        return None
    try:
        if handle.read(len(PDF_SIGNATURE)) == PDF_SIGNATURE:
            handle.seek(0)
            return handle
    except Exception:  # noqa: BLE001, S110
        pass
    handle.close()
    return None


def _failed_recently(pdf, now):
    """The last attempt, made since the last request, failed less than FAILED_RETRY ago."""
    return bool(
        pdf.failed_at
        and (pdf.requested_at is None or pdf.failed_at >= pdf.requested_at)
        and pdf.failed_at > now - FAILED_RETRY
    )


def _regeneration_key(book_id):
    return f"book-pdf-regenerating:{book_id}"


def claim_regeneration(book):
    """Whether this caller may regenerate `book`'s PDF now: True for one caller at a time.

    The claim is an `add` to the shared cache, atomic across every process and app server
    (Redis, or the shared folder's file lock). It lapses after REGENERATION_LEASE should the
    process or worker doing the work die; `generate` releases it. While the cache is down
    `add` lets everyone through: a PDF may then be rendered twice, which costs time only.
    """
    return cache.add(
        _regeneration_key(book.pk),
        timezone.now().isoformat(),
        timeout=int(REGENERATION_LEASE.total_seconds()),
    )


def release_regeneration(book_id):
    cache.delete(_regeneration_key(book_id))


@dataclass
class ReaderPdf:
    """What the PDF route answers: an open file, or why there is none and when to ask again."""

    handle: object = None
    preparing: bool = False  # being generated (by this request's neighbour or a worker)
    retry_after: int = 0


def pdf_for_reader(book):
    """The book's stored PDF opened for a reader, regenerated first when it is missing.

    A missing or unreadable file (a restore without media, an app server without the shared
    storage) is regenerated through `generate_book_pdf_task`: at once with the immediate
    task backend, by the worker with the database backend. Readers asking meanwhile are told
    it is being prepared. A failed attempt is tried again by a reader only after
    FAILED_RETRY, so a broken renderer is not run on every request.
    """
    pdf = BookPdf.objects.filter(book=book).first()
    handle = open_stored_file(pdf)
    if handle is not None:
        return ReaderPdf(handle=handle)
    if pdf is not None and _failed_recently(pdf, timezone.now()):
        return ReaderPdf(retry_after=int(FAILED_RETRY.total_seconds()))
    if not claim_regeneration(book):
        return ReaderPdf(preparing=True, retry_after=PREPARING_RETRY_SECONDS)
    if pdf is not None and pdf.file:
        # Once per regeneration, by the request that claimed it.
        logger.warning(
            "The stored PDF %s of book %s is missing or unreadable; regenerating it",
            pdf.file.name,
            book.pk,
        )
    requested = timezone.now()
    BookPdf.objects.update_or_create(book=book, defaults={"requested_at": requested})
    generate_book_pdf_task.enqueue(book.pk, requested.isoformat())
    pdf = BookPdf.objects.get(book=book)
    handle = open_stored_file(pdf)
    if handle is not None:
        return ReaderPdf(handle=handle)
    if pdf.failed_at and pdf.failed_at >= requested:
        return ReaderPdf(retry_after=int(FAILED_RETRY.total_seconds()))
    return ReaderPdf(preparing=True, retry_after=PREPARING_RETRY_SECONDS)
