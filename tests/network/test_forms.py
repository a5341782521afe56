"""Names and titles that end up in e-mail subjects are refused with a line break in them."""

import pytest

from network.models import TopicPage
from tests.network.factories import member
from tests.network.test_topics import discussions_page  # noqa: F401 - a fixture

pytestmark = pytest.mark.django_db

MESSAGES = {
    "nl": "Gebruik één regel tekst",
    "fr": "Utilisez une seule ligne de texte",
    "en": "Use one line of text",
}


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
@pytest.mark.parametrize(
    "name", ["An\r\nBcc: x@example.org", "An\x1b[31m", "An\tPeeters", "An\u2028Peeters"]
)
def test_a_display_name_with_a_control_character_is_refused(client, site_tree, language, name):
    """The error is in the reader's language; the stored name is unchanged."""
    user = member(display_name="An")
    client.force_login(user)
    response = client.post(
        f"/{language}/members/me/", {"display_name": name, "preferred_language": language}
    )
    assert response.status_code == 200
    errors = response.context["form"].errors["display_name"]
    assert any(error.startswith(MESSAGES[language]) for error in errors)
    user.member_profile.refresh_from_db()
    assert user.member_profile.display_name == "An"


def test_a_topic_title_with_a_line_break_is_refused(client, discussions_page):  # noqa: F811
    client.force_login(member(trusted=True))
    response = client.post(
        discussions_page.url + "new/", {"title": "Vraag\r\nBcc: x@example.org", "body": "Wie?"}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["title"][0].startswith(MESSAGES["nl"])
    assert not TopicPage.objects.exists()
