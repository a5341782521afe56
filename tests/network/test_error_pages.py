"""Error pages in the site layout and the reader's language: 403, 404 and 429."""

import pytest
from django.core.cache import cache

from tests.network.factories import comment_on, member

pytestmark = pytest.mark.django_db

IN_LAYOUT = 'class="site-header"'


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("fr", "Vous ne pouvez modifier que vos propres commentaires."),
        ("nl", "Je kunt alleen je eigen reacties bewerken."),
        ("en", "You can only edit your own comments."),
    ],
)
def test_editing_someone_elses_comment_is_a_403_page_in_the_readers_language(
    client, lesson, language, message
):
    author = member()
    comment = comment_on(lesson, "Van iemand anders", user=author)
    client.force_login(member())
    for method in (client.get, client.post):
        response = method(f"/{language}/community/comments/{comment.pk}/edit/")
        assert response.status_code == 403
        content = response.content.decode()
        assert IN_LAYOUT in content
        assert f'<html lang="{language}"' in content
        assert message in content
    comment.refresh_from_db()
    assert comment.comment == "Van iemand anders"


@pytest.mark.parametrize(
    ("language", "title"),
    [("fr", "Page introuvable"), ("nl", "Pagina niet gevonden"), ("en", "Page not found")],
)
def test_a_missing_page_is_a_404_page_in_the_readers_language(client, site_tree, language, title):
    response = client.get(f"/{language}/bestaat-niet/")
    assert response.status_code == 404
    content = response.content.decode()
    assert IN_LAYOUT in content and title in content
    assert f'href="/{language}/"' in content


def test_too_many_posts_is_a_429_page_in_the_readers_language(client, lesson, settings):
    cache.clear()
    settings.FORM_RATE_LIMITS = {**settings.FORM_RATE_LIMITS, "comment": "1/h"}
    client.force_login(member(trusted=True))
    url = f"/fr/community/pages/{lesson.pk}/comments/"
    client.post(url, {"comment": "Un"})
    response = client.post(url, {"comment": "Deux"})
    assert response.status_code == 429
    content = response.content.decode()
    assert IN_LAYOUT in content and "Trop de requêtes" in content


@pytest.mark.parametrize(
    ("language", "title"),
    [("fr", "Le formulaire a expiré"), ("nl", "Het formulier is verlopen")],
)
def test_a_form_without_a_valid_csrf_token_is_a_403_page_in_the_readers_language(
    lesson, language, title
):
    from django.test import Client

    from network.models import DiscussionComment

    browser = Client(enforce_csrf_checks=True)
    browser.force_login(member(trusted=True))
    response = browser.post(
        f"/{language}/community/pages/{lesson.pk}/comments/", {"comment": "Hoi"}
    )
    assert response.status_code == 403
    content = response.content.decode()
    assert IN_LAYOUT in content and title in content
    assert f'<html lang="{language}"' in content
    assert not DiscussionComment.objects.filter(comment="Hoi").exists()
