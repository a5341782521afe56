"""The inspiration book as a PDF: real documents rendered by WeasyPrint and read back."""

import io
import re

import pytest
from django.urls import reverse
from pypdf import PdfReader
from wagtail.models import PageViewRestriction
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from knowledge import book_pdf
from knowledge.models import BookPdf
from tests.knowledge.factories import (
    LessonPageFactory,
    PilotCasePageFactory,
    PolicyRecommendationPageFactory,
    PracticeExamplePageFactory,
    TenderClauseFactory,
)
from tests.knowledge.test_book import chapter, make_book

CHAPTER_TITLES = ["Meubilair", "ICT", "Gebouwen", "Verlichting", "Beleid"]


def read(data):
    reader = PdfReader(io.BytesIO(data))
    pages = [page.extract_text() or "" for page in reader.pages]
    return reader, pages


def flat(text):
    return re.sub(r"\s+", " ", text)


def internal_links(reader):
    """Link annotations that jump inside the document (/Dest or a GoTo action)."""
    links = []
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            if annotation.get("/Subtype") != "/Link":
                continue
            action = annotation.get("/A")
            action = action.get_object() if action is not None else {}
            if "/Dest" in annotation or action.get("/S") == "/GoTo":
                links.append(annotation)
    return links


@pytest.fixture
def pdf_book(knowledge_tree):
    """A five-chapter Dutch book over ten pages of every kind."""
    nl = knowledge_tree.indexes["nl"]
    furniture = knowledge_tree.themes["furniture"]["nl"]
    factories = [
        LessonPageFactory,
        PracticeExamplePageFactory,
        PilotCasePageFactory,
        PolicyRecommendationPageFactory,
    ]
    pages = [
        factories[i % 4](parent=nl, title=f"Kennispagina nummer {i}", themes=[furniture])
        for i in range(10)
    ]
    chapters = [
        chapter(title, pages[2 * i : 2 * i + 2], clauses=[TenderClauseFactory()] if i == 0 else [])
        for i, title in enumerate(CHAPTER_TITLES)
    ]
    book = make_book(
        knowledge_tree.site_tree.homes["nl"],
        chapters,
        subtitle="Lessen van het netwerk",
        foreword="<p>Een woord vooraf bij het boek.</p>",
    )
    return {"book": book, "pages": pages, "tree": knowledge_tree}


def test_pdf_has_a_cover_contents_with_page_numbers_every_page_and_internal_links(client, pdf_book):
    book = pdf_book["book"]
    response = client.get(f"{book.url}pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader, pages = read(b"".join(response.streaming_content))

    assert "Inspiratieboek" in pages[0] and "Lessen van het netwerk" in pages[0]
    contents = flat(pages[1])
    for number, title in enumerate(CHAPTER_TITLES, start=1):
        # Each chapter is listed with the page it starts on (a number after the dot leader).
        match = re.search(rf"{number}\. {re.escape(title)}[ .]*?(\d+)", contents)
        assert match, (title, contents)
        start_page = int(match.group(1))
        assert title in pages[start_page - 1]
    text = flat(" ".join(pages))
    for page in pdf_book["pages"]:
        assert page.title in contents
        assert text.count(page.title) >= 2  # in the contents and as a heading
    # Cover, contents, foreword, five chapters that each start on a new page.
    assert 8 <= len(reader.pages) <= 40
    assert len(internal_links(reader)) >= len(CHAPTER_TITLES) + len(pdf_book["pages"])
    outline_titles = [item.title for item in reader.outline if not isinstance(item, list)]
    assert any("Meubilair" in title for title in outline_titles)
    # Running headers and page numbers on a chapter page.
    assert "Inspiratieboek" in pages[3] and re.search(r"\b4\b", pages[3])


def test_pdf_is_generated_once_and_then_served_from_storage(client, pdf_book, monkeypatch):
    book = pdf_book["book"]
    assert client.get(f"{book.url}pdf/").status_code == 200
    stored = BookPdf.objects.get(book=book)
    assert stored.file and stored.generated_at and not stored.error

    def fail(book):
        raise AssertionError("the stored PDF should have been served")

    monkeypatch.setattr(book_pdf, "render_pdf", fail)
    response = client.get(f"{book.url}pdf/")
    assert response.status_code == 200
    assert 'filename="inspiratieboek-nl.pdf"' in response["Content-Disposition"]
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert BookPdf.objects.get(book=book).generated_at == stored.generated_at


def test_publishing_an_included_page_regenerates_the_pdf(
    pdf_book, django_capture_on_commit_callbacks
):
    book = pdf_book["book"]
    with django_capture_on_commit_callbacks(execute=True):
        book.save_revision().publish()
    first = BookPdf.objects.get(book=book)
    assert first.generated_at is not None
    first_name = first.file.name

    page = pdf_book["pages"][3].specific
    page.title = "Een nieuwe titel na herpublicatie"
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    second = BookPdf.objects.get(book=book)
    assert second.generated_at > first.generated_at
    assert second.file.name != first_name
    assert not second.file.storage.exists(first_name)
    with second.file.open("rb") as handle:
        text = flat(" ".join(read(handle.read())[1]))
    assert "Een nieuwe titel na herpublicatie" in text
    assert "Kennispagina nummer 3" not in text


def test_publishing_a_page_outside_every_book_leaves_the_pdf_alone(
    pdf_book, django_capture_on_commit_callbacks
):
    book = pdf_book["book"]
    with django_capture_on_commit_callbacks(execute=True):
        book.save_revision().publish()
    generated_at = BookPdf.objects.get(book=book).generated_at
    outside = LessonPageFactory(parent=pdf_book["tree"].indexes["nl"], title="Elders")
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        outside.save_revision().publish()
    assert BookPdf.objects.get(book=book).generated_at == generated_at
    assert not [c for c in callbacks if getattr(c, "func", None) is book_pdf._enqueue]


def test_draft_and_private_pages_never_leak_into_the_pdf(client, pdf_book):
    book = pdf_book["book"]
    nl = pdf_book["tree"].indexes["nl"]
    published, unpublished, private = pdf_book["pages"][:3]
    # Unpublished changes of a live page stay out; so do unpublished and private pages.
    live_title = published.title
    draft = type(published).objects.get(pk=published.pk)
    draft.title = "Titel die nog in ontwerp is"
    draft.save_revision()
    unpublished.specific.unpublish()
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )
    never = LessonPageFactory(parent=nl, title="Nooit gepubliceerd ontwerp", live=False)
    book.chapters = [chapter("Alles", [published, unpublished, private, never])]
    book.save_revision().publish()

    text = flat(" ".join(read(book_pdf.render_pdf(book))[1]))
    assert live_title in text
    for title in (
        "Titel die nog in ontwerp is",
        unpublished.title,
        private.title,
        "Nooit gepubliceerd ontwerp",
    ):
        assert title not in text


def test_french_pdf_uses_translations_and_says_which_pages_fall_back_to_dutch(pdf_book):
    tree = pdf_book["tree"]
    translated = tree.translate(pdf_book["pages"][0], "fr", title="Une page traduite")
    book_fr = tree.translate(pdf_book["book"], "fr", title="Livre d'inspiration")
    reader, pages = read(book_pdf.render_pdf(book_fr))
    text = flat(" ".join(pages))
    assert "Livre d'inspiration" in pages[0]
    assert translated.title in text
    assert pdf_book["pages"][0].title not in text
    # Every other page is Dutch-only: each says so, naming the language in French.
    assert text.lower().count("néerlandais") >= len(pdf_book["pages"]) - 1
    assert reader.metadata.title == "Livre d'inspiration"


def test_failed_generation_keeps_the_web_book_and_tells_editors(
    client, admin_client, pdf_book, monkeypatch
):
    book = pdf_book["book"]

    def broken(book):
        raise RuntimeError("Pango is missing")

    monkeypatch.setattr(book_pdf, "render_pdf", broken)
    response = client.get(f"{book.url}pdf/")
    assert response.status_code == 503
    assert book.title in response.content.decode()
    stored = BookPdf.objects.get(book=book)
    assert "Pango is missing" in stored.error and not stored.file
    # Not retried on every request once it failed.
    calls = []
    monkeypatch.setattr(book_pdf, "render_pdf", lambda book: calls.append(book))
    assert client.get(f"{book.url}pdf/").status_code == 503
    assert calls == []

    assert client.get(book.url).status_code == 200
    assert client.get(f"{book.url}chapters/1/").status_code == 200
    edit = admin_client.get(reverse("wagtailadmin_pages:edit", args=[book.pk]))
    assert edit.status_code == 200
    assert "Pango is missing" in edit.content.decode()


def preview_data(book, chapters):
    return nested_form_data(
        {
            "title": book.title,
            "slug": book.slug,
            "subtitle": "Ondertitel in de preview",
            "foreword": rich_text("<p>Voorwoord.</p>"),
            "chapters": streamfield(
                [
                    (
                        "chapter",
                        {
                            "title": title,
                            "introduction": rich_text("<p>Inleiding.</p>"),
                            "pages": {
                                "count": len(pages),
                                **{
                                    str(i): {"value": p.pk, "deleted": "", "order": i, "id": ""}
                                    for i, p in enumerate(pages)
                                },
                            },
                            "clauses": {"count": 0},
                        },
                    )
                    for title, pages in chapters
                ]
            ),
        }
    )


def test_editor_previews_unsaved_changes_as_pdf(admin_client, pdf_book):
    book = pdf_book["book"]
    pages = pdf_book["pages"]
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[book.pk])
    data = preview_data(book, [("Nog niet gepubliceerd hoofdstuk", pages[:2])])
    posted = admin_client.post(url, data)
    assert posted.json() == {"is_valid": True, "is_available": True}

    response = admin_client.get(url, {"mode": "pdf"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = flat(" ".join(read(response.content)[1]))
    assert "Nog niet gepubliceerd hoofdstuk" in text
    assert "Ondertitel in de preview" in text
    assert pages[0].title in text and pages[5].title not in text
    # The preview neither stores a PDF nor touches the published one.
    assert not BookPdf.objects.filter(book=book, file__gt="").exists()

    web = admin_client.get(url, {"mode": ""})
    assert "Nog niet gepubliceerd hoofdstuk" in web.content.decode()
