"""Pages, documents and book PDFs whose files went missing from storage: never a 500.

Every test works in a MEDIA_ROOT of its own and deletes files there as a restore without the
media folder would; the answers are read as a reader gets them.
"""

import io
import logging
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.core.files.base import ContentFile
from pypdf import PdfReader
from wagtail.documents.models import Document
from wagtail.images.models import Image, Rendition
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import CollectionViewRestriction

from knowledge import book_pdf
from network import media_files
from tests.conftest import publish
from tests.home.test_public_pages import VALIDATOR
from tests.knowledge.factories import LessonPageFactory, PilotCasePageFactory
from tests.knowledge.test_book import chapter, make_book

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
ALT = "Gevel van de oude school met nieuwe ramen"


@pytest.fixture
def image(root_collection):
    return Image.objects.create(title="Gevel", file=get_test_image_file(filename="gevel.png"))


@pytest.fixture
def figure_page(site_tree, standard_page_factory, image):
    """A published standard page with a figure in its body (and so an og:image)."""
    page = standard_page_factory(
        parent=site_tree.homes["nl"],
        title="Over het netwerk",
        slug="over",
        body=[("figure", {"image": image, "alt_text": ALT, "caption": "De gevel na de werken"})],
    )
    return publish(page)


def soup(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def missing_warnings(caplog, name):
    return [
        record
        for record in caplog.records
        if record.name == "network.media_files" and name in record.getMessage()
    ]


def test_a_page_whose_image_original_is_gone_shows_the_alt_text(client, figure_page, image):
    Path(image.file.path).unlink()

    page = soup(client.get(figure_page.url))
    placeholder = page.select_one("figure .image-missing")
    assert placeholder is not None
    assert placeholder["role"] == "img" and placeholder["aria-label"] == ALT
    assert ALT in placeholder.get_text()
    assert page.select_one("figure img") is None
    assert "De gevel na de werken" in page.select_one("figcaption").get_text()
    # The link preview simply has no image.
    assert page.select_one('meta[property="og:image"]') is None


def test_a_missing_original_is_logged_once_however_often_it_is_asked_for(client, image, caplog):
    Path(image.file.path).unlink()
    with caplog.at_level(logging.WARNING, logger="network.media_files"):
        for spec in ("width-1200", "width-1200", "fill-480x320"):
            assert media_files.usable_rendition(image, spec) is None
    assert len(missing_warnings(caplog, image.file.name)) == 1


def test_a_page_whose_rendition_file_is_gone_gets_it_made_again(client, figure_page, image):
    first = soup(client.get(figure_page.url)).select_one("figure img")
    rendition = Rendition.objects.get(image=image, filter_spec="width-1200")
    assert first["src"] == rendition.url
    Path(rendition.file.path).unlink()

    second = soup(client.get(figure_page.url)).select_one("figure img")
    assert second is not None and second["alt"] == ALT
    rendition.refresh_from_db()
    assert second["src"] == rendition.url and Path(rendition.file.path).exists()
    served = client.get(second["src"])
    assert served.status_code == 200
    assert body(served).startswith(PNG_SIGNATURE)
    # One record per spec still: the lost file was made again under the same rendition.
    assert Rendition.objects.filter(image=image, filter_spec="width-1200").count() == 1


def test_a_page_whose_rendition_and_original_are_both_gone_still_renders(
    client, figure_page, image, caplog
):
    assert soup(client.get(figure_page.url)).select_one("figure img") is not None
    rendition = Rendition.objects.get(image=image, filter_spec="width-1200")
    Path(rendition.file.path).unlink()
    Path(image.file.path).unlink()

    with caplog.at_level(logging.WARNING, logger="network.media_files"):
        for _ in range(2):
            page = soup(client.get(figure_page.url))
            assert page.select_one("figure .image-missing")["aria-label"] == ALT
    assert len(missing_warnings(caplog, rendition.file.name)) == 1
    assert len(missing_warnings(caplog, image.file.name)) == 1


def test_a_pilot_case_gallery_and_its_book_survive_a_missing_image(client, knowledge_tree, image):
    pilot = PilotCasePageFactory(
        parent=knowledge_tree.indexes["nl"],
        title="De oude school",
        gallery=[("image", {"image": image, "alt_text": ALT, "caption": ""})],
    )
    publish(pilot)
    book = make_book(
        knowledge_tree.site_tree.homes["nl"], [chapter("Gebouwen", [pilot])], cover_image=image
    )
    Path(image.file.path).unlink()

    page = soup(client.get(pilot.url))
    assert page.select_one(".gallery .image-missing")["aria-label"] == ALT
    assert client.get(book.url).status_code == 200
    chapter_page = soup(client.get(f"{book.url}chapters/1/"))
    assert chapter_page.select_one(".gallery .image-missing")["aria-label"] == ALT

    response = client.get(f"{book.url}pdf/")
    assert response.status_code == 200
    reader = PdfReader(io.BytesIO(body(response)))
    text = " ".join(page.extract_text() or "" for page in reader.pages)
    assert "De oude school" in text and ALT in " ".join(text.split())


@pytest.mark.parametrize("storage", ["file system", "object storage"])
def test_a_document_whose_file_is_gone_is_a_404_in_the_site_layout(
    client, site_tree, settings, storage, root_collection
):
    if storage == "object storage":
        settings.STORAGES = {
            **settings.STORAGES,
            # No local paths, as object storage: the file is streamed, not sent by path.
            "default": {"BACKEND": "tests.media.storages.ObjectLikeStorage"},
        }
    document = Document.objects.create(
        title="Jaarverslag", file=ContentFile(b"%PDF-1.4 jaarverslag", name="jaarverslag.pdf")
    )
    served = client.get(document.url)
    assert served.status_code == 200 and body(served).startswith(b"%PDF-1.4")

    document.file.storage.delete(document.file.name)
    assert not document.file.storage.exists(document.file.name)
    response = client.get(document.url, HTTP_ACCEPT_LANGUAGE="nl")
    assert response.status_code == 404
    page = BeautifulSoup(response.content, "html.parser")
    assert "Pagina niet gevonden" in page.select_one("h1").get_text()
    assert page.select_one("header") is not None and page.select_one("footer") is not None


def test_a_private_document_whose_file_is_gone_still_asks_to_log_in_first(
    client, site_tree, root_collection
):
    internal = root_collection.add_child(name="Stuurgroep")
    CollectionViewRestriction.objects.create(
        collection=internal, restriction_type=CollectionViewRestriction.LOGIN
    )
    document = Document.objects.create(
        title="Verslag",
        file=ContentFile(b"%PDF-1.4 intern", name="verslag.pdf"),
        collection=internal,
    )
    Path(document.file.path).unlink()
    response = client.get(document.url)
    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_a_book_pdf_lost_with_the_whole_media_folder_comes_back(client, knowledge_tree):
    lesson = LessonPageFactory(parent=knowledge_tree.indexes["nl"], title="Samen aankopen")
    book = make_book(knowledge_tree.site_tree.homes["nl"], [chapter("Beleid", [lesson])])
    pdf = book_pdf.generate(book)
    Path(pdf.file.path).unlink()

    response = client.get(f"{book.url}pdf/")
    assert response.status_code == 200
    reader = PdfReader(io.BytesIO(body(response)))
    assert "Samen aankopen" in " ".join(page.extract_text() or "" for page in reader.pages)


def test_pages_with_images_missing_are_valid_html(
    client, figure_page, knowledge_tree, image, tmp_path
):
    pilot = PilotCasePageFactory(
        parent=knowledge_tree.indexes["nl"],
        title="De oude school",
        gallery=[("image", {"image": image, "alt_text": ALT, "caption": "Voor de werken"})],
    )
    publish(pilot)
    Path(image.file.path).unlink()
    pages = tmp_path / "pages"
    pages.mkdir()
    for name, url in (("figure", figure_page.url), ("pilot", pilot.url)):
        response = client.get(url)
        assert response.status_code == 200
        assert b"image-missing" in response.content
        (pages / f"{name}.html").write_bytes(response.content)
    result = subprocess.run(  # noqa: S603 - our own validator on files we just wrote
        [VALIDATOR, "--root", str(pages), "--format", "text"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_damaged_original_shows_the_alt_text_and_is_logged_once_as_damaged(
    client, figure_page, image, caplog
):
    Path(image.file.path).write_bytes(b"not an image at all")
    with caplog.at_level(logging.WARNING, logger="network.media_files"):
        for _ in range(2):
            page = soup(client.get(figure_page.url))
            assert page.select_one("figure .image-missing")["aria-label"] == ALT
    damaged = [r for r in caplog.records if "could not be rendered as width-1200" in r.getMessage()]
    assert len(damaged) == 1
    assert not missing_warnings(caplog, "Missing media file")


def test_on_object_storage_a_lost_rendition_is_made_again_once_its_check_runs_out(
    client, site_tree, standard_page_factory, settings, root_collection
):
    """Without local paths a file found is trusted for an hour (a check is a round trip)."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "tests.media.storages.ObjectLikeStorage"},
    }
    image = Image.objects.create(title="Gevel", file=get_test_image_file(filename="gevel.png"))
    page = publish(
        standard_page_factory(
            parent=site_tree.homes["nl"],
            slug="over",
            body=[("figure", {"image": image, "alt_text": ALT, "caption": ""})],
        )
    )
    assert soup(client.get(page.url)).select_one("figure img") is not None
    rendition = Rendition.objects.get(image=image, filter_spec="width-1200")
    storage = rendition.file.storage
    storage.delete(rendition.file.name)

    cache.clear()  # the hour during which the file was trusted has passed
    assert soup(client.get(page.url)).select_one("figure img")["alt"] == ALT
    rendition.refresh_from_db()
    assert storage.exists(rendition.file.name)

    storage.delete(rendition.file.name)
    storage.delete(image.file.name)
    cache.clear()
    placeholder = soup(client.get(page.url)).select_one("figure .image-missing")
    assert placeholder["aria-label"] == ALT
