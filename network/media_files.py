"""Files the database names but storage may have lost: found, reported once, made again.

A database restored without its media folder, or an app server that does not see the shared
media storage, leaves image, rendition, document and book PDF records pointing at nothing.
Readers never get a server error for it:

- images: `usable_rendition` gives a rendition whose file is in storage, making a rendition
  whose file is gone again from the original, or None when the original is gone too (the
  `stored_image` template tag then shows the alt text in place of the picture);
- documents: `refuse_missing_document` answers 404 in the site's layout;
- book PDFs regenerate themselves (`knowledge.book_pdf.pdf_for_reader`).

Each missing file is logged once a day (a shared-cache `add` decides which request logs),
not on every request. `missing_files` lists every record whose file is missing, for the
`check_media` command, and `repair` makes again what can be made again.
"""

import hashlib
import logging
from dataclasses import dataclass

from django.core.cache import cache
from django.http import Http404
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.models import Filter

logger = logging.getLogger(__name__)

# A missing file is logged again after this long, so it is not forgotten in old logs.
REPORT_EVERY_SECONDS = 24 * 3600
# On storages without local paths (object storage) a check costs a round trip: a file
# found is trusted this long before it is looked for again.
PRESENT_FOR_SECONDS = 3600


def _digest(name):
    return hashlib.sha256(name.encode()).hexdigest()[:32]


def file_present(field_file):
    """Whether storage holds the file that a file field names (False for an empty field)."""
    if not field_file or not field_file.name:
        return False
    try:
        return field_file.storage.exists(field_file.name)
    # What an unreachable file raises depends on the storage (OSError on disk, botocore's
    # ClientError on S3): either way the reader cannot have it.
    except Exception:  # noqa: BLE001
        return False


def _is_local(storage, name):
    try:
        storage.path(name)
    except NotImplementedError:
        return False
    return True


def rendition_file_present(rendition):
    """Whether a rendition's file is in storage; remembered a while on object storage."""
    name = rendition.file.name
    if _is_local(rendition.file.storage, name):
        return file_present(rendition.file)
    key = f"media-present:{_digest(name)}"
    if cache.get(key):
        return True
    present = file_present(rendition.file)
    if present:
        cache.set(key, True, PRESENT_FOR_SECONDS)
    return present


def _log_once(subject, message, *args):
    """Log a warning about `subject` once a day, whichever process sees it first."""
    if cache.add(f"media-missing:{_digest(subject)}", True, REPORT_EVERY_SECONDS):
        logger.warning(message, *args)


def report_missing_once(kind, name, record_id):
    """Log that the file `name` of a `kind` record is missing, once a day however often seen."""
    _log_once(
        name,
        "Missing media file: %s %s names %s, which storage does not hold "
        "(run manage.py check_media)",
        kind,
        record_id,
        name,
    )


def remake_rendition(rendition, image=None):
    """Render a rendition's file again from its image's original, under the same record.

    The record keeps its id, so renditions prefetched or cached with the image stay right
    once the cached copy is dropped. Raises OSError when the original cannot be read.
    """
    image = image or rendition.image
    rendition.file = image.generate_rendition_file(Filter(spec=rendition.filter_spec))
    rendition.save()
    rendition.purge_from_cache()
    return rendition


def usable_rendition(image, spec):
    """A rendition of `image` for `spec` whose file is in storage, or None.

    A rendition whose file is gone is made again from the original. When the original is
    gone (or damaged) and no usable rendition exists, the problem is logged once a day and
    None returned: the page shows the image's alt text instead.
    """
    if image is None:
        return None
    try:
        rendition = image.get_rendition(spec)
    except OSError as error:  # wagtail's SourceImageIOError, or an original that is no image
        if file_present(image.file):
            # There, but damaged (or storage refused the new rendition): no restore helps.
            _log_once(
                f"{image.file.name} {spec}",
                "Image %s (%s) could not be rendered as %s: %s",
                image.pk,
                image.file.name,
                spec,
                error,
            )
        else:
            report_missing_once("image", image.file.name, image.pk)
        return None
    if rendition_file_present(rendition):
        return rendition
    try:
        remake_rendition(rendition, image)
    except OSError:
        report_missing_once("rendition", rendition.file.name, rendition.pk)
        report_missing_once("image", image.file.name, image.pk)
        return None
    logger.warning(
        "Rendition %s of image %s was missing from storage and has been made again",
        rendition.pk,
        image.pk,
    )
    return rendition


def refuse_missing_document(document, request):
    """`before_serve_document` hook: a document whose file is gone is a 404, not a 500.

    Registered after Wagtail's privacy check, so a private document's absence is told only
    to readers who may see it.
    """
    if not file_present(document.file):
        report_missing_once("document", document.file.name, document.pk)
        raise Http404("The document's file is missing.")


@dataclass
class MissingFile:
    """One record whose file storage does not hold."""

    kind: str  # "image", "rendition", "document" or "book PDF"
    record: object
    name: str
    description: str
    repairable: bool = False

    def __str__(self):
        return f"{self.kind} {self.record.pk} ({self.description}): {self.name or '-'} is missing"


def _missing_images():
    Image = get_image_model()
    for image in Image.objects.only("pk", "title", "file").order_by("pk").iterator():
        if not file_present(image.file):
            yield MissingFile("image", image, image.file.name, f'"{image.title}", original')


def _missing_renditions():
    Rendition = get_image_model().get_rendition_model()
    renditions = Rendition.objects.select_related("image").order_by("pk")
    for rendition in renditions.iterator(chunk_size=500):
        if not file_present(rendition.file):
            yield MissingFile(
                "rendition",
                rendition,
                rendition.file.name,
                f"{rendition.filter_spec} of image {rendition.image_id}",
                repairable=file_present(rendition.image.file),
            )


def _missing_documents():
    Document = get_document_model()
    for document in Document.objects.only("pk", "title", "file").order_by("pk").iterator():
        if not file_present(document.file):
            yield MissingFile("document", document, document.file.name, f'"{document.title}"')


def _missing_book_pdfs():
    from knowledge import book_pdf
    from knowledge.models import BookPdf

    pdfs = BookPdf.objects.exclude(file="").select_related("book", "book__locale").order_by("pk")
    for pdf in pdfs:
        if not book_pdf.stored_file_readable(pdf):
            book = pdf.book
            yield MissingFile(
                "book PDF",
                pdf,
                pdf.file.name,
                f'book {book.pk} "{book.title}", {book.locale.language_code}',
                repairable=book.live,
            )


def missing_files():
    """Every image, rendition, document and book PDF record whose file is missing.

    A book PDF that is there but does not read as a PDF counts as missing too.
    """
    yield from _missing_images()
    yield from _missing_renditions()
    yield from _missing_documents()
    yield from _missing_book_pdfs()


def repair(missing):
    """Make again what `missing` (a MissingFile) names, when it can be; True when done.

    Renditions are rendered from their original, book PDFs from their live book. Originals
    and documents were uploaded by people: only a restore brings them back.
    """
    if not missing.repairable:
        return False
    if missing.kind == "rendition":
        try:
            remake_rendition(missing.record)
        except OSError as error:  # the original is there but cannot be read as an image
            logger.warning(
                "Rendition %s could not be made again from %s: %s",
                missing.record.pk,
                missing.record.image.file.name,
                error,
            )
            return False
        return True
    if missing.kind == "book PDF":
        from knowledge import book_pdf

        pdf = book_pdf.generate(missing.record.book)
        return book_pdf.stored_file_readable(pdf)
    return False
