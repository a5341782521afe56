"""Uploads in the Wagtail admin are limited in type and size; documents are served safely."""

import io

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PillowImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

pytestmark = pytest.mark.django_db
Document = get_document_model()
Image = get_image_model()

SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def image_bytes(image_format="PNG"):
    buffer = io.BytesIO()
    PillowImage.new("RGB", (40, 30), (20, 120, 80)).save(buffer, format=image_format)
    return buffer.getvalue()


@pytest.fixture
def editor_client(client, django_user_model):
    """The test client, logged in as a superuser of the Wagtail admin."""
    editor = django_user_model.objects.create_superuser("editor", "editor@example.org", "x")
    client.force_login(editor)
    return client


def upload_image(client, name, content):
    return client.post(
        f"/{settings.ADMIN_URL_PATH}images/add/",
        {
            "title": name,
            "file": SimpleUploadedFile(name, content),
            "collection": Collection.get_first_root_node().pk,
        },
    )


def upload_document(client, name, content):
    return client.post(
        f"/{settings.ADMIN_URL_PATH}documents/add/",
        {
            "title": name,
            "file": SimpleUploadedFile(name, content),
            "collection": Collection.get_first_root_node().pk,
        },
    )


def file_errors(response):
    assert response.status_code == 200
    return response.context["form"].errors.get("file")


@pytest.mark.parametrize(
    ("name", "image_format"), [("foto.png", "PNG"), ("foto.jpg", "JPEG"), ("foto.webp", "WEBP")]
)
def test_allowed_images_are_accepted(editor_client, name, image_format):
    response = upload_image(editor_client, name, image_bytes(image_format))
    assert response.status_code == 302
    assert Image.objects.get().title == name


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("logo.svg", SVG),  # an allowed image library format that can carry script
        ("foto.png", SVG),  # the name says PNG, the content does not
        ("pagina.html", b"<html><script>alert(1)</script></html>"),
        ("foto.bmp", image_bytes("BMP")),
    ],
)
def test_other_image_types_are_refused_with_a_form_error(editor_client, name, content):
    response = upload_image(editor_client, name, content)
    assert file_errors(response)
    assert not Image.objects.exists()


def test_an_image_over_the_size_limit_is_refused(editor_client):
    oversized = image_bytes() + b"\0" * settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE
    response = upload_image(editor_client, "groot.png", oversized)
    assert file_errors(response)
    assert not Image.objects.exists()


@pytest.mark.parametrize("name", ["verslag.pdf", "bestek.docx", "cijfers.xlsx", "lijst.csv"])
def test_allowed_documents_are_accepted(editor_client, name):
    response = upload_document(editor_client, name, PDF if name.endswith(".pdf") else b"inhoud")
    assert response.status_code == 302
    assert Document.objects.get().title == name


@pytest.mark.parametrize(
    "name", ["pagina.html", "pagina.htm", "setup.exe", "logo.svg", "script.js", "verslag"]
)
def test_other_document_types_are_refused_with_a_form_error(editor_client, name):
    response = upload_document(editor_client, name, b"<html><script>alert(1)</script></html>")
    assert file_errors(response)
    assert not Document.objects.exists()


def test_a_document_over_the_size_limit_is_refused(editor_client):
    oversized = PDF + b"\0" * settings.WAGTAILDOCS_MAX_UPLOAD_SIZE
    response = upload_document(editor_client, "groot.pdf", oversized)
    assert file_errors(response)
    assert not Document.objects.exists()


def test_the_multiple_upload_refuses_a_wrong_type_too(editor_client):
    response = editor_client.post(
        f"/{settings.ADMIN_URL_PATH}images/multiple/add/",
        {"files[]": SimpleUploadedFile("logo.svg", SVG)},
    )
    assert response.json()["success"] is False
    assert not Image.objects.exists()


def test_documents_download_as_attachments_except_pdf(editor_client, client):
    upload_document(editor_client, "bestek.docx", b"inhoud")
    upload_document(editor_client, "verslag.pdf", PDF)
    docx = Document.objects.get(title="bestek.docx")
    pdf = Document.objects.get(title="verslag.pdf")
    client.logout()
    served = client.get(docx.url)
    assert served.status_code == 200
    assert served["Content-Disposition"].startswith("attachment")
    assert served["Content-Security-Policy"] == "default-src 'none'"
    assert served["X-Content-Type-Options"] == "nosniff"
    assert client.get(pdf.url)["Content-Disposition"].startswith("inline")


def test_a_document_in_a_private_collection_needs_a_login(editor_client, client):
    from wagtail.models import CollectionViewRestriction

    private = Collection.get_first_root_node().add_child(name="Intern")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    document = Document.objects.create(
        title="intern", file=SimpleUploadedFile("intern.pdf", PDF), collection=private
    )
    client.logout()
    response = client.get(document.url)
    assert response.status_code == 302
    assert "login" in response["Location"]


def many_pixels_png(width, height):
    """A PNG of `width` x `height` one-bit pixels: megapixels in a few kilobytes."""
    buffer = io.BytesIO()
    PillowImage.new("1", (width, height), 1).save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def test_the_pixel_limit_is_forty_megapixels():
    assert settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS == 40_000_000


def test_an_image_over_forty_megapixels_is_refused_in_the_editors_language(
    editor_client, django_user_model
):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(django_user_model.objects.get(username="editor"))
    profile.preferred_language = "fr"
    profile.save()
    content = many_pixels_png(8000, 6000)  # 48 MP
    assert len(content) < settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE
    response = upload_image(editor_client, "bom.png", content)
    [error] = file_errors(response)
    assert "48000000" in error and "40000000" in error
    assert "pixels" in error and "Nombre maximum" in error
    assert not Image.objects.exists()


def test_the_multiple_upload_refuses_an_image_over_forty_megapixels(editor_client):
    response = editor_client.post(
        f"/{settings.ADMIN_URL_PATH}images/multiple/add/",
        {"files[]": SimpleUploadedFile("bom.png", many_pixels_png(8000, 6000))},
    )
    body = response.json()
    assert body["success"] is False
    assert "40000000" in body["error_message"] and "maximum aantal" in body["error_message"]
    assert not Image.objects.exists()


def test_an_image_just_under_the_pixel_limit_is_accepted(editor_client):
    response = upload_image(editor_client, "groot.png", many_pixels_png(6000, 6000))  # 36 MP
    assert response.status_code == 302
    assert Image.objects.get().width == 6000
