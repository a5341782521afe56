"""A book PDF missing from the shared media storage, asked for through two app servers at once.

Two gunicorn processes share the test database, one media folder and the cache (a Redis of
the test's own, or the shared cache folder). The stored PDF is deleted, then both servers are
asked for it at the same moment: it is rendered once (one new file in the books folder),
whoever is asked second either waits for it on the "being prepared" page or gets the new file,
and the file served is a real PDF.
"""

import io
import threading
from pathlib import Path

import pytest
from pypdf import PdfReader

from knowledge import book_pdf
from tests.crossprocess.test_two_servers import Browser, app_servers
from tests.knowledge.factories import LessonPageFactory
from tests.knowledge.test_book import chapter, make_book

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(params=["redis", "no-redis"])
def servers_sharing_media(request, tmp_path, settings, monkeypatch):
    media = tmp_path / "media"
    settings.MEDIA_ROOT = media
    monkeypatch.setenv("MEDIA_ROOT", str(media))
    with app_servers(tmp_path, with_redis=request.param == "redis") as (a, b, _redis, _env):
        yield a, b, media


@pytest.fixture
def big_book(knowledge_tree):
    """Twelve lessons in four chapters: a PDF that takes a while to render."""
    lessons = [
        LessonPageFactory(parent=knowledge_tree.indexes["nl"], title=f"Les {n} over hergebruik")
        for n in range(12)
    ]
    chapters = [chapter(f"Hoofdstuk {n}", lessons[3 * n : 3 * n + 3]) for n in range(4)]
    return make_book(knowledge_tree.site_tree.homes["nl"], chapters)


def test_two_servers_asked_at_once_render_a_missing_book_pdf_once(servers_sharing_media, big_book):
    server_a, server_b, media = servers_sharing_media
    stored = book_pdf.generate(big_book)
    Path(stored.file.path).unlink()
    assert not list((media / "books").iterdir())

    start = threading.Barrier(2)
    answers = {}

    def ask(name, server):
        browser = Browser(server)
        start.wait(timeout=30)
        answers[name] = browser.get(f"{big_book.url}pdf/")

    threads = [
        threading.Thread(target=ask, args=(name, server))
        for name, server in (("a", server_a), ("b", server_b))
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert len(list((media / "books").iterdir())) == 1, "rendered once, by one server"
    served = [response for response in answers.values() if response.status_code == 200]
    assert served, [response.status_code for response in answers.values()]
    for response in answers.values():
        if response.status_code == 503:
            assert response.headers["Retry-After"] == str(book_pdf.PREPARING_RETRY_SECONDS)
            assert "wordt klaargemaakt" in response.text
        else:
            assert response.status_code == 200
            reader = PdfReader(io.BytesIO(response.content))
            text = " ".join(page.extract_text() or "" for page in reader.pages)
            assert "Les 11 over hergebruik" in text
