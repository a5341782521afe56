"""The inspiration book on the web: contents, chapters, localisation, drafts, back-links."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction
from wagtail.rich_text import RichText

from home.models import HomePage
from knowledge.models import InspirationBookPage
from tests.knowledge.factories import (
    LessonPageFactory,
    OrganisationFactory,
    PilotCasePageFactory,
    PolicyRecommendationPageFactory,
    PracticeExamplePageFactory,
    TenderClauseFactory,
)


def soup(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def chapter(title, pages, clauses=(), introduction="<p>Waarom dit hoofdstuk.</p>"):
    return (
        "chapter",
        {
            "title": title,
            "introduction": RichText(introduction),
            "pages": list(pages),
            "clauses": list(clauses),
        },
    )


def make_book(home, chapters, title="Inspiratieboek", slug="inspiratieboek", **fields):
    """A published book under `home` (publishing queues no PDF: on_commit never runs here)."""
    book = InspirationBookPage(title=title, slug=slug, chapters=chapters, **fields)
    home.add_child(instance=book)
    book.save_revision().publish()
    book.refresh_from_db()
    return book


@pytest.fixture
def book_tree(knowledge_tree):
    """A Dutch book of three chapters over a lesson, an example, a pilot and a recommendation."""
    nl = knowledge_tree.indexes["nl"]
    furniture = knowledge_tree.themes["furniture"]["nl"]
    lesson = LessonPageFactory(parent=nl, title="Stoelen huren", slug="stoelen", themes=[furniture])
    example = PracticeExamplePageFactory(parent=nl, title="Bureaus delen", slug="bureaus")
    pilot = PilotCasePageFactory(parent=nl, title="De oude school", slug="school")
    recommendation = PolicyRecommendationPageFactory(parent=nl, title="Koop samen", slug="samen")
    clause = TenderClauseFactory(title="Terugname van meubilair", theme=furniture)
    book = make_book(
        knowledge_tree.site_tree.homes["nl"],
        [
            chapter("Meubilair", [lesson, example], clauses=[clause]),
            chapter("Gebouwen", [pilot]),
            chapter("Beleid", [recommendation]),
        ],
        subtitle="Wat we samen leerden",
        foreword="<p>Een woord vooraf.</p>",
    )
    return {
        "book": book,
        "lesson": lesson,
        "example": example,
        "pilot": pilot,
        "recommendation": recommendation,
        "clause": clause,
        "tree": knowledge_tree,
    }


def test_page_tree_rules(db):
    assert InspirationBookPage.parent_page_types == ["home.HomePage"]
    assert InspirationBookPage.subpage_types == []
    assert "knowledge.InspirationBookPage" in HomePage.subpage_types
    assert not InspirationBookPage.can_create_at(Page.get_first_root_node())


def test_start_page_lists_every_chapter_and_its_pages(client, book_tree):
    page = soup(client.get(book_tree["book"].url))
    toc = page.select_one("nav.book-toc")
    chapters = [a.get_text(strip=True) for a in toc.select(".book-toc__chapters > li > a")]
    assert chapters == ["Meubilair", "Gebouwen", "Beleid"]
    assert [li.get_text(strip=True) for li in toc.select(".book-toc__pages li")] == [
        "Stoelen huren",
        "Bureaus delen",
        "De oude school",
        "Koop samen",
    ]
    assert page.select_one("h1").get_text(strip=True) == "Inspiratieboek"
    assert "Een woord vooraf." in page.select_one(".book-foreword").get_text()
    assert page.find("a", href=f"{book_tree['book'].url}pdf/") is not None


def test_chapter_renders_each_page_in_the_book_layout(client, book_tree):
    book = book_tree["book"]
    page = soup(client.get(f"{book.url}chapters/1/"))
    assert page.select_one("h1").get_text(strip=True) == "Meubilair"
    items = page.select("section.book-item")
    assert [item.select_one("h2").get_text(strip=True) for item in items] == [
        "Stoelen huren",
        "Bureaus delen",
    ]
    lesson = items[0]
    # Summary, structured sections and themes, not just a link.
    assert "Een korte samenvatting" in lesson.select_one(".lead").get_text()
    headings = [h.get_text(strip=True) for h in lesson.select("h3")]
    assert headings == ["Context", "Wat werkte", "Drempels", "Aanbevelingen"]
    assert "Meubilair" in lesson.select_one(".facts").get_text()
    assert lesson.find("a", href=book_tree["lesson"].url) is not None
    clauses = page.select_one(".book-clauses")
    assert "Terugname van meubilair" in clauses.get_text()
    # Each section's ids are unique on the page.
    ids = [tag["id"] for tag in page.select("[id]")]
    assert len(ids) == len(set(ids))


def test_chapter_navigation_marks_the_current_chapter_and_links_previous_and_next(
    client, book_tree
):
    book = book_tree["book"]
    page = soup(client.get(f"{book.url}chapters/2/"))
    current = page.select(".book-nav a[aria-current='page']")
    assert [a["href"] for a in current] == [f"{book.url}chapters/2/"]
    assert page.select_one(".book-pager a[rel='prev']")["href"] == f"{book.url}chapters/1/"
    assert page.select_one(".book-pager a[rel='next']")["href"] == f"{book.url}chapters/3/"

    first = soup(client.get(f"{book.url}chapters/1/"))
    assert first.select_one(".book-pager a[rel='prev']")["href"] == book.url
    last = soup(client.get(f"{book.url}chapters/3/"))
    assert last.select_one(".book-pager a[rel='next']") is None


@pytest.mark.parametrize("number", ["0", "4", "99"])
def test_chapters_outside_the_book_are_not_found(client, book_tree, number):
    assert client.get(f"{book_tree['book'].url}chapters/{number}/").status_code == 404


def test_draft_pages_never_appear_in_the_web_book(client, book_tree):
    lesson = book_tree["lesson"]
    lesson.unpublish()
    nl = book_tree["tree"].indexes["nl"]
    never_published = LessonPageFactory(parent=nl, title="Geheim ontwerp", live=False)
    book = book_tree["book"]
    book.chapters = [
        chapter("Meubilair", [lesson, never_published, book_tree["example"]]),
        *[("chapter", block.value) for block in list(book.chapters)[1:]],
    ]
    book.save_revision().publish()
    # A published page with unpublished changes shows only what is live.
    example = book_tree["example"]
    example.title = "Nieuwe titel in ontwerp"
    example.save_revision()

    html = client.get(f"{book.url}chapters/1/").content.decode()
    assert "Stoelen huren" not in html
    assert "Geheim ontwerp" not in html
    assert "Nieuwe titel in ontwerp" not in html
    assert "Bureaus delen" in html
    start = client.get(book.url).content.decode()
    assert "Stoelen huren" not in start and "Geheim ontwerp" not in start


def test_private_pages_never_appear_in_the_web_book(client, book_tree):
    restriction = PageViewRestriction.objects.create(
        page=book_tree["pilot"], restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    assert restriction.pk
    html = client.get(f"{book_tree['book'].url}chapters/2/").content.decode()
    assert "De oude school" not in html


def test_translated_book_shows_translations_or_falls_back_with_a_note(client, book_tree):
    tree = book_tree["tree"]
    lesson_fr = tree.translate(book_tree["lesson"], "fr", title="Louer des chaises")
    assert lesson_fr.live
    book_fr = tree.translate(book_tree["book"], "fr", title="Livre d'inspiration")
    page = soup(client.get(f"{book_fr.url}chapters/1/"))
    items = page.select("section.book-item")
    assert [item.select_one("h2").get_text(strip=True) for item in items] == [
        "Louer des chaises",
        "Bureaus delen",
    ]
    assert items[0].select_one(".book-item__fallback") is None
    assert items[0].get("lang") is None
    note = items[1].select_one(".book-item__fallback")
    assert "néerlandais" in note.get_text().lower()
    assert note["lang"] == "fr"
    assert items[1]["lang"] == "nl"
    assert items[0].find("a", href=lesson_fr.url) is not None


def test_knowledge_page_links_back_to_the_books_it_is_part_of(client, book_tree):
    book = book_tree["book"]
    page = soup(client.get(book_tree["lesson"].url))
    backlinks = page.select_one(".book-backlinks")
    assert backlinks is not None
    hrefs = [a["href"] for a in backlinks.select("a")]
    assert hrefs == [book.url, f"{book.url}chapters/1/"]
    nl = book_tree["tree"].indexes["nl"]
    outside = LessonPageFactory(parent=nl, title="Niet in het boek")
    assert soup(client.get(outside.url)).select_one(".book-backlinks") is None


def test_web_chapter_query_count_does_not_grow_with_its_pages(client, knowledge_tree):
    nl = knowledge_tree.indexes["nl"]
    furniture = knowledge_tree.themes["furniture"]["nl"]
    factories = [
        LessonPageFactory,
        PracticeExamplePageFactory,
        PilotCasePageFactory,
        PolicyRecommendationPageFactory,
    ]

    def pages(count):
        return [
            factories[i % 4](parent=nl, themes=[furniture], organisations=[OrganisationFactory()])
            for i in range(count)
        ]

    def queries(book):
        url = f"{book.url}chapters/1/"
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.status_code == 200
        return len(captured)

    home = knowledge_tree.site_tree.homes["nl"]
    small = make_book(home, [chapter("Klein", pages(4), [TenderClauseFactory()])], slug="klein")
    big = make_book(
        home,
        [chapter("Groot", pages(16), [TenderClauseFactory() for _ in range(5)])],
        slug="groot",
    )
    assert queries(small) == queries(big)


@pytest.mark.django_db
def test_demo_book_has_five_chapters_in_three_languages_and_loads_once(client):
    from knowledge import demo, demo_book
    from knowledge.demo_content_book import CHAPTERS

    demo.load()
    demo_book.load()
    books = {
        book.locale.language_code: book
        for book in InspirationBookPage.objects.live().select_related("locale")
    }
    assert set(books) == {"nl", "fr", "en"}
    for language, book in books.items():
        titles = [block.value["title"] for block in book.chapters]
        assert titles == [spec["title"].get(language) for spec in CHAPTERS]
        assert book.cover_image_id is not None
    demo_book.load()
    assert InspirationBookPage.objects.count() == 3

    # The French book shows the Dutch-only demo example in Dutch, with a note.
    page = soup(client.get(f"{books['fr'].url}chapters/1/"))
    fallback = [item for item in page.select("section.book-item") if item.get("lang") == "nl"]
    assert len(fallback) == 1
    assert fallback[0].select_one(".book-item__fallback") is not None
    assert len(page.select("section.book-item")) == len(CHAPTERS[0]["pages"])
