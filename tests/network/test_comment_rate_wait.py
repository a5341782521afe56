"""A member posting faster than the comment rate gets a 429 page in the site layout that says
how long to wait, the same wait as its Retry-After header."""

import math

import pytest
from bs4 import BeautifulSoup

from network.models import DiscussionComment
from tests.network.factories import member

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "words"),
    [("nl", "Wacht {} minuten"), ("fr", "Attendez {} minutes"), ("en", "wait {} minutes")],
)
def test_posting_too_fast_says_how_long_to_wait(client, lesson, settings, language, words):
    settings.COMMUNITY_COMMENT_RATE = (2, 10 * 60)
    client.force_login(member(trusted=True))
    url = f"/{language}/community/pages/{lesson.pk}/comments/"
    for text in ("Een", "Twee"):
        assert client.post(url, {"comment": text}).status_code in (200, 302)
    assert DiscussionComment.objects.count() == 2

    response = client.post(url, {"comment": "Drie"})
    assert response.status_code == 429
    assert DiscussionComment.objects.count() == 2
    seconds = int(response["Retry-After"])
    assert 9 * 60 < seconds <= 10 * 60
    page = BeautifulSoup(response.content, "html.parser")
    assert page.select_one(".site-header") is not None
    assert words.format(math.ceil(seconds / 60)) in page.select_one("[role=alert]").get_text()
