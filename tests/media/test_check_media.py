"""`manage.py check_media`: one line per record whose file is missing, exit status, --repair.

Files are deleted under a MEDIA_ROOT of the test's own; the repaired rendition is served and
the repaired book PDF read back with pypdf.
"""

import io
import logging
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.core.management.base import CommandError
from pypdf import PdfReader
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from knowledge import book_pdf
from tests.knowledge.factories import LessonPageFactory
from tests.knowledge.test_book import chapter, make_book
from tests.processes import database_url, run_manage

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.fixture
def media(knowledge_tree, root_collection):
    """One of each kind of stored file: two images (one with a rendition), a document, a PDF."""
    lesson = LessonPageFactory(parent=knowledge_tree.indexes["nl"], title="Hergebruik van ramen")
    book = make_book(knowledge_tree.site_tree.homes["nl"], [chapter("Gebouwen", [lesson])])
    facade = Image.objects.create(title="Gevel", file=get_test_image_file(filename="gevel.png"))
    roof = Image.objects.create(title="Dak", file=get_test_image_file(filename="dak.png"))
    return {
        "facade": facade,
        "rendition": facade.get_rendition("fill-480x320"),
        "roof": roof,
        "document": Document.objects.create(
            title="Bestek", file=ContentFile(b"%PDF-1.4 bestek", name="bestek.pdf")
        ),
        "book": book,
        "pdf": book_pdf.generate(book),
    }


def check(*args):
    """The command's output lines and exit status, as a shell would see them."""
    output = io.StringIO()
    try:
        call_command("check_media", *args, stdout=output)
    except CommandError as error:
        return output.getvalue().splitlines(), error.returncode, str(error)
    return output.getvalue().splitlines(), 0, ""


def delete_one_of_each(media):
    for name in ("roof", "rendition", "document", "pdf"):
        Path(media[name].file.path).unlink()


def test_nothing_missing_exits_zero(media):
    lines, status, _ = check()
    assert status == 0
    assert lines == ["All media files are present."]


def test_each_missing_file_gets_one_line_and_the_exit_status_is_one(media):
    delete_one_of_each(media)
    lines, status, summary = check()

    assert status == 1
    assert summary == "4 media file(s) missing"
    assert len(lines) == 4 and all(line.startswith("missing: ") for line in lines)
    image, rendition, document, pdf = lines
    assert f"image {media['roof'].pk} " in image and media["roof"].file.name in image
    assert "restore it from a backup" in image
    assert f"rendition {media['rendition'].pk} " in rendition and "fill-480x320" in rendition
    assert media["rendition"].file.name in rendition and "--repair" in rendition
    assert f"document {media['document'].pk} " in document and "bestek" in document
    assert f"book PDF {media['pdf'].pk} " in pdf and media["pdf"].file.name in pdf
    assert '"Inspiratieboek", nl' in pdf


def test_a_damaged_book_pdf_counts_as_missing(media):
    Path(media["pdf"].file.path).write_bytes(b"")
    lines, status, _ = check()
    assert status == 1
    assert [line for line in lines if "book PDF" in line]


def test_repair_makes_renditions_and_book_pdfs_again_and_reports_the_rest(client, media):
    delete_one_of_each(media)
    lines, status, summary = check("--repair")

    assert status == 1
    assert summary == "2 media file(s) missing, 2 repaired"
    assert sorted(line.split(":")[0] for line in lines) == [
        "missing",
        "missing",
        "repaired",
        "repaired",
    ]
    rendition = media["rendition"]
    rendition.refresh_from_db()
    served = client.get(rendition.url)
    assert served.status_code == 200
    assert b"".join(served.streaming_content).startswith(PNG_SIGNATURE)
    pdf = media["pdf"]
    pdf.refresh_from_db()
    with pdf.file.open("rb") as handle:
        reader = PdfReader(io.BytesIO(handle.read()))
    assert "Hergebruik van ramen" in " ".join(page.extract_text() or "" for page in reader.pages)

    # What cannot be made again stays reported until it is restored or removed.
    lines, status, _ = check("--repair")
    assert status == 1 and len(lines) == 2
    media["roof"].delete()
    media["document"].delete()
    assert check() == (["All media files are present."], 0, "")


def test_a_rendition_whose_original_is_gone_too_is_not_repairable(media):
    Path(media["rendition"].file.path).unlink()
    Path(media["facade"].file.path).unlink()
    lines, status, _ = check("--repair")
    assert status == 1
    assert len(lines) == 2 and not [line for line in lines if line.startswith("repaired")]
    assert "its original is missing too" in lines[1]


@pytest.mark.django_db(transaction=True)
def test_the_command_exits_with_status_one_in_a_shell(media, temporary_media, tmp_path):
    Path(media["document"].file.path).unlink()
    environment = {
        "DJANGO_SETTINGS_MODULE": "network.settings.dev",
        "DATABASE_URL": database_url(),
        "MEDIA_ROOT": str(temporary_media),
        "CACHE_DIR": str(tmp_path / "cache"),
    }
    result = run_manage("check_media", env_overrides=environment)
    assert result.returncode == 1, result.stderr
    assert result.stdout.splitlines() == [
        f'missing: document {media["document"].pk} ("Bestek"): {media["document"].file.name}'
        " is missing (restore it from a backup)"
    ]
    assert "1 media file(s) missing" in result.stderr

    media["document"].delete()
    result = run_manage("check_media", env_overrides=environment)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "All media files are present."


def test_the_pdf_of_an_unpublished_book_is_reported_but_not_made_again(media):
    media["book"].unpublish()
    Path(media["pdf"].file.path).unlink()
    lines, status, summary = check("--repair")
    assert status == 1 and summary == "1 media file(s) missing"
    assert lines == [
        f'missing: book PDF {media["pdf"].pk} (book {media["book"].pk} "Inspiratieboek", nl): '
        f"{media['pdf'].file.name} is missing (its book is not live; publishing it makes a new one)"
    ]


def test_a_rendition_of_a_damaged_original_is_reported_as_not_made_again(media, caplog):
    Path(media["rendition"].file.path).unlink()
    Path(media["facade"].file.path).write_bytes(b"no longer a picture")
    with caplog.at_level(logging.WARNING, logger="network.media_files"):
        lines, status, _ = check("--repair")
    assert status == 1
    assert len(lines) == 1 and lines[0].startswith(f"missing: rendition {media['rendition'].pk} ")
    assert lines[0].endswith("(could not be made again, see the log)")
    assert [r for r in caplog.records if media["facade"].file.name in r.getMessage()]
