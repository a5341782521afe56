"""Uploaded media in production: images served under MEDIA_URL, nothing else from MEDIA_ROOT."""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection, CollectionViewRestriction

from network.media import public_media_path

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
SECRET = b"%PDF-1.4 vertrouwelijk verslag van de stuurgroep"


@pytest.fixture(autouse=True)
def production_like(settings, tmp_path):
    """DEBUG off as in production, uploads in a folder of this test's own."""
    settings.DEBUG = False
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.SERVE_MEDIA = True


@pytest.fixture
def image(db):
    return Image.objects.create(title="Gevel", file=get_test_image_file(filename="gevel.png"))


@pytest.fixture
def private_document(db):
    internal = Collection.get_first_root_node().add_child(name="Stuurgroep")
    CollectionViewRestriction.objects.create(
        collection=internal, restriction_type=CollectionViewRestriction.LOGIN
    )
    return Document.objects.create(
        title="Verslag", file=ContentFile(SECRET, name="verslag.pdf"), collection=internal
    )


def body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_image_original_and_rendition_are_served(client, image):
    rendition = image.get_rendition("fill-80x60")
    for url in (image.file.url, rendition.url):
        assert url.startswith("/media/")
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Content-Type"] == "image/png"
        assert body(response).startswith(PNG_SIGNATURE)
        assert response["X-Content-Type-Options"] == "nosniff"
        assert "max-age=" in response["Cache-Control"]
        assert "public" in response["Cache-Control"]


def test_a_private_document_is_never_reachable_under_media(client, private_document):
    name = private_document.file.name
    assert name.startswith("documents/")
    response = client.get(f"/media/{name}")
    assert response.status_code == 404
    assert SECRET not in body(response)

    served = client.get(private_document.url)
    assert served.status_code in (302, 403)
    assert SECRET not in body(served)


@pytest.mark.parametrize(
    "path",
    [
        "images/../documents/verslag.pdf",
        "images/..%2Fdocuments/verslag.pdf",
        "images/%2e%2e/documents/verslag.pdf",
        "images/%2E%2E%2Fdocuments%2Fverslag.pdf",
        "original_images/./../documents/verslag.pdf",
        "images/..%5Cdocuments%5Cverslag.pdf",
        "images//verslag.pdf",
        "%2Fetc/passwd",
    ],
)
def test_path_traversal_is_404(client, private_document, path):
    response = client.get(f"/media/{path}")
    assert response.status_code == 404
    assert SECRET not in body(response)


@pytest.mark.parametrize(
    "path",
    ["books/1-nl-20250101.pdf", "original_images/", "images/", "", "wagtail/x.png"],
)
def test_other_folders_and_listings_are_404(client, image, path, settings):
    (settings.MEDIA_ROOT / "books").mkdir(parents=True, exist_ok=True)
    (settings.MEDIA_ROOT / "books" / "1-nl-20250101.pdf").write_bytes(SECRET)
    response = client.get(f"/media/{path}")
    assert response.status_code == 404
    assert SECRET not in body(response)


def test_only_image_files_are_served_from_the_image_folders(client, image, settings):
    planted = settings.MEDIA_ROOT / "images" / "page.html"
    planted.parent.mkdir(parents=True, exist_ok=True)
    planted.write_text("<script>alert(1)</script>")
    assert client.get("/media/images/page.html").status_code == 404


def test_with_serve_media_off_the_proxy_serves_images_and_the_site_none(client, image, settings):
    settings.SERVE_MEDIA = False
    assert client.get(image.file.url).status_code == 404


def test_media_answers_head_and_refuses_posts(client, image):
    assert client.head(image.file.url).status_code == 200
    assert client.post(image.file.url).status_code == 405


@pytest.mark.parametrize(
    "path, expected",
    [
        ("images/gevel.fill-80x60.png", "images/gevel.fill-80x60.png"),
        ("original_images/gevel.PNG", "original_images/gevel.PNG"),
        ("images/../documents/a.pdf", None),
        ("documents/a.pdf", None),
        ("images/a.svg", None),
        ("images/sub/../a.png", None),
        ("/images/a.png", None),
        ("images/a.png\x00.pdf", None),
    ],
)
def test_public_media_path(path, expected):
    assert public_media_path(path) == expected
