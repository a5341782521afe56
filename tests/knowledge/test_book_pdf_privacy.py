"""A page made private, unpublished, moved away or deleted leaves the book, feeds and exports.

The book's PDF is read back with pypdf; the web book, the feed and the exports are fetched
as an anonymous reader would, with the page cache on.
"""

import csv
import io
import re

import feedparser
import pytest
from django.test import Client
from pypdf import PdfReader
from wagtail.models import PageViewRestriction

from knowledge import book_pdf
from knowledge.models import BookPdf
from tests.knowledge.factories import (
    KnowledgeIndexPageFactory,
    LessonPageFactory,
    PracticeExamplePageFactory,
)
from tests.knowledge.test_book import chapter, make_book

pytestmark = pytest.mark.django_db

SECRET = "Vertrouwelijke aanbesteding van stoelen"
EXAMPLE = "Vertrouwelijk voorbeeld uit Utrecht"
PUBLIC = "Openbare les over lampen"


@pytest.fixture(autouse=True)
def page_cache(settings):
    """As in production: anonymous readers get cached pages, which must follow privacy too."""
    settings.PAGE_CACHE_ENABLED = True


@pytest.fixture
def archive(knowledge_tree):
    """A second Dutch knowledge section: the parent that a restriction can be put on."""
    index = KnowledgeIndexPageFactory(
        parent=knowledge_tree.site_tree.homes["nl"], title="Archief", slug="archief"
    )
    index.save_revision().publish()
    return index


@pytest.fixture
def book(knowledge_tree, archive, django_capture_on_commit_callbacks):
    """A published book over a lesson and an example in the main section, one in the archive;
    its PDF generated as a publish generates it."""
    nl = knowledge_tree.indexes["nl"]
    pages = {
        "lesson": LessonPageFactory(parent=nl, title=SECRET, slug="stoelen"),
        "example": PracticeExamplePageFactory(parent=nl, title=EXAMPLE, slug="utrecht"),
        "public": LessonPageFactory(parent=nl, title=PUBLIC, slug="lampen"),
        "archived": LessonPageFactory(parent=archive, title="Gearchiveerde les", slug="oud"),
    }
    home = knowledge_tree.site_tree.homes["nl"]
    with django_capture_on_commit_callbacks(execute=True):
        book = make_book(home, [chapter("Meubilair", pages.values())])
    assert pdf_text(book).count(SECRET) >= 1
    return {"book": book, "index": nl, "archive": archive, **pages}


def pdf_text(book):
    pdf = BookPdf.objects.get(book=book)
    with pdf.file.open("rb") as handle:
        reader = PdfReader(io.BytesIO(handle.read()))
    return re.sub(r"\s+", " ", " ".join(page.extract_text() or "" for page in reader.pages))


def anonymous(url):
    return Client().get(url)


def web_book(book):
    """The table of contents and the chapter, as an anonymous reader reads them."""
    contents = anonymous(book.url).content.decode()
    chapter_page = anonymous(f"{book.url}chapters/1/").content.decode()
    return contents + chapter_page


def restrict(page, capture):
    with capture(execute=True):
        return PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
        )


def test_a_view_restriction_on_a_chapter_page_drops_it_from_pdf_web_book_feed_and_exports(
    book, django_capture_on_commit_callbacks
):
    # Readers have seen (and the page cache keeps) the book, the feed and the export.
    assert SECRET in web_book(book["book"])
    feed_url = f"{book['index'].url}feed/"
    export_url = f"{book['index'].url}open-data/examples/csv/"
    assert SECRET in [
        entry.title for entry in feedparser.parse(anonymous(feed_url).content).entries
    ]
    assert EXAMPLE in anonymous(export_url).content.decode()
    before = BookPdf.objects.get(book=book["book"]).generated_at

    restrict(book["lesson"], django_capture_on_commit_callbacks)
    restrict(book["example"], django_capture_on_commit_callbacks)

    assert BookPdf.objects.get(book=book["book"]).generated_at > before
    text = pdf_text(book["book"])
    assert SECRET not in text and EXAMPLE not in text, text
    assert PUBLIC in text
    reading = web_book(book["book"])
    assert SECRET not in reading and EXAMPLE not in reading
    assert PUBLIC in reading
    titles = [entry.title for entry in feedparser.parse(anonymous(feed_url).content).entries]
    assert SECRET not in titles and PUBLIC in titles
    rows = list(csv.DictReader(io.StringIO(anonymous(export_url).content.decode())))
    assert EXAMPLE not in [row["title"] for row in rows]
    json_export = anonymous(f"{book['index'].url}open-data/examples/json/").content.decode()
    assert EXAMPLE not in json_export
    api = anonymous("/api/v2/pages/?type=knowledge.LessonPage&limit=100").json()
    assert SECRET not in [item["title"] for item in api["items"]]
    assert PUBLIC in [item["title"] for item in api["items"]]


def test_a_view_restriction_on_the_parent_drops_its_pages_from_the_book(
    book, django_capture_on_commit_callbacks
):
    assert "Gearchiveerde les" in pdf_text(book["book"])
    restrict(book["archive"], django_capture_on_commit_callbacks)
    text = pdf_text(book["book"])
    assert "Gearchiveerde les" not in text
    assert SECRET in text
    assert "Gearchiveerde les" not in web_book(book["book"])


def test_lifting_the_restriction_puts_the_page_back(book, django_capture_on_commit_callbacks):
    restriction = restrict(book["lesson"], django_capture_on_commit_callbacks)
    assert SECRET not in pdf_text(book["book"])
    with django_capture_on_commit_callbacks(execute=True):
        restriction.delete()
    assert SECRET in pdf_text(book["book"])
    assert SECRET in web_book(book["book"])


def test_moving_a_page_into_a_private_section_drops_it_from_the_book(
    book, django_capture_on_commit_callbacks
):
    restrict(book["archive"], django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        book["lesson"].move(book["archive"], pos="last-child")
    assert SECRET not in pdf_text(book["book"])
    assert SECRET not in web_book(book["book"])


def test_unpublishing_or_deleting_a_page_drops_it_from_the_book(
    book, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        book["lesson"].specific.unpublish()
    assert SECRET not in pdf_text(book["book"])
    with django_capture_on_commit_callbacks(execute=True):
        book["example"].delete()
    assert EXAMPLE not in pdf_text(book["book"])
    assert PUBLIC in pdf_text(book["book"])


def test_a_restriction_outside_every_book_regenerates_nothing(
    book, knowledge_tree, django_capture_on_commit_callbacks
):
    outside = LessonPageFactory(parent=book["index"], title="Elders")
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        PageViewRestriction.objects.create(
            page=outside, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
        )
    refreshes = [c for c in callbacks if isinstance(c, book_pdf.PendingBookRefresh)]
    assert len(refreshes) == 1
    assert book_pdf.books.books_including_pages_under(outside) == []


def test_several_privacy_changes_in_one_transaction_regenerate_each_book_once(
    book, django_capture_on_commit_callbacks, monkeypatch
):
    generated = []
    real_generate = book_pdf.generate
    monkeypatch.setattr(book_pdf, "generate", lambda b: generated.append(b.pk) or real_generate(b))
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        for page in (book["lesson"], book["example"], book["archive"]):
            PageViewRestriction.objects.create(
                page=page, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
            )
    assert len([c for c in callbacks if isinstance(c, book_pdf.PendingBookRefresh)]) == 1
    assert generated == [book["book"].pk]
