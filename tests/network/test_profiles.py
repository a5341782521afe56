"""Member profiles, member pages, data download, account deletion, organisations directory."""

import datetime
import json

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from network.models import MemberProfile
from tests.knowledge.factories import LessonPageFactory, OrganisationFactory
from tests.network.factories import PASSWORD, MemberProfileFactory, member

pytestmark = pytest.mark.django_db
User = get_user_model()


def test_anonymous_reader_opening_a_member_page_is_sent_to_login(client):
    profile = MemberProfileFactory()
    response = client.get(f"/en/members/{profile.pk}/")
    assert response.status_code == 302
    assert response.url.startswith("/en/accounts/login/?next=")


def test_members_see_each_others_pages(client, site_tree):
    gent = OrganisationFactory(name="Stad Gent")
    profile = MemberProfileFactory(display_name="An Peeters", organisation=gent, role="Aankoper")
    client.force_login(member())
    content = client.get(f"/en/members/{profile.pk}/").content.decode()
    assert "An Peeters" in content
    assert "Stad Gent" in content
    assert client.get("/en/members/999999/").status_code == 404


def test_owner_edits_their_profile_and_the_header_greets_them(client, site_tree):
    user = member()
    gent = OrganisationFactory(name="Stad Gent")
    client.force_login(user)
    response = client.post(
        "/en/members/me/",
        {
            "display_name": "Els Janssens",
            "organisation": gent.pk,
            "role": "Duurzaamheidsambtenaar",
            "bio": "Ik koop meubilair.",
            "preferred_language": "fr",
            "notify_replies": "on",
        },
    )
    assert response.status_code == 302
    profile = MemberProfile.objects.get(user=user)
    assert (profile.display_name, profile.organisation, profile.preferred_language) == (
        "Els Janssens",
        gent,
        "fr",
    )
    assert not profile.weekly_digest
    assert "Els Janssens" in client.get("/en/").content.decode()


def test_profile_form_rejects_an_empty_name(client, site_tree):
    client.force_login(member())
    response = client.post("/en/members/me/", {"display_name": "", "preferred_language": "nl"})
    assert response.status_code == 200
    assert response.context["form"].errors["display_name"]


def test_profile_edit_needs_login(client):
    assert client.get("/nl/members/me/").status_code == 302


def test_signup_creates_a_profile_in_the_signup_language(client, site_tree):
    client.post(
        "/fr/accounts/signup/",
        {
            "email": "marie@liege.be",
            "password1": "pw-circulaire-2026",
            "password2": "pw-circulaire-2026",
        },
    )
    profile = MemberProfile.objects.get(user__email="marie@liege.be")
    assert profile.preferred_language == "fr"
    assert profile.display_name == "marie"


def test_member_downloads_their_data_as_json(client):
    user = member(display_name="An Peeters", role="Aankoper")
    client.force_login(user)
    response = client.get("/en/members/me/data.json")
    assert response["Content-Type"] == "application/json"
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["account"]["email"] == user.email
    assert data["profile"]["display_name"] == "An Peeters"
    assert data["profile"]["role"] == "Aankoper"


def test_account_deletion_needs_confirmation_and_removes_the_account(client, site_tree):
    user = member()
    client.force_login(user)
    assert client.post("/en/members/me/delete/", {}).status_code == 200
    assert User.objects.filter(pk=user.pk).exists()
    response = client.post("/en/members/me/delete/", {"confirm": "on", "password": PASSWORD})
    assert response.status_code == 302
    assert not User.objects.filter(pk=user.pk).exists()
    assert not MemberProfile.objects.filter(user_id=user.pk).exists()
    assert "_auth_user_id" not in client.session


def test_directory_filters_by_type_green_deal_and_region(client, site_tree):
    OrganisationFactory(
        name="Stad Gent", type="municipality", region="Gent", green_deal_participant=True
    )
    OrganisationFactory(name="Stad Brugge", type="municipality", region="Brugge")
    OrganisationFactory(name="Meubelmakers NV", type="supplier", region="Gent")

    def names(query):
        response = client.get(f"/en/organisations/{query}")
        assert response.status_code == 200
        return [o.name for o in response.context["organisations"]]

    assert names("") == ["Meubelmakers NV", "Stad Brugge", "Stad Gent"]
    assert names("?type=municipality") == ["Stad Brugge", "Stad Gent"]
    assert names("?green_deal=yes") == ["Stad Gent"]
    assert names("?region=Gent&type=supplier") == ["Meubelmakers NV"]
    # Unknown values and page numbers never fail.
    assert names("?type=castle&page=abc") == ["Meubelmakers NV", "Stad Brugge", "Stad Gent"]


def test_organisation_page_lists_its_knowledge_pages_and_work_sessions(client, knowledge_tree):
    from agenda.models.registrations import Registration
    from tests.events.factories import EventIndexPageFactory, WorkSessionPageFactory

    gent = OrganisationFactory(name="Stad Gent")
    lesson = LessonPageFactory(
        parent=knowledge_tree.indexes["nl"], title="Meubels terugnemen", organisations=[gent]
    )
    knowledge_tree.translate(lesson, "en", title="Taking furniture back", slug="furniture-back")
    LessonPageFactory(parent=knowledge_tree.indexes["nl"], title="Niet van Gent")
    agenda = EventIndexPageFactory(parent=knowledge_tree.site_tree.homes["nl"])
    session = WorkSessionPageFactory(
        parent=agenda,
        title="Werksessie ICT",
        start=timezone.now() - datetime.timedelta(days=3),
        end=timezone.now() - datetime.timedelta(days=3, hours=-3),
    )
    Registration.objects.create(
        event=session,
        status="confirmed",
        checked_in_at=timezone.now() - datetime.timedelta(days=3),
        name="An",
        email="an@gent.be",
        organisation_name="Stad Gent",
        organisation=gent,
        role="Aankoper",
        green_deal="yes",
        consent_at=timezone.now(),
    )
    content = client.get(f"/en/organisations/{gent.slug}/").content.decode()
    assert "Taking furniture back" in content
    assert "Meubels terugnemen" not in content
    assert "Niet van Gent" not in content
    assert "Werksessie ICT" in content
    assert client.get("/en/organisations/unknown/").status_code == 404


def test_member_page_lists_recent_comments_with_their_page_in_the_readers_language(
    client, knowledge_tree
):
    from network import discussions

    lesson = LessonPageFactory(parent=knowledge_tree.indexes["nl"], title="Meubels terugnemen")
    lesson.save_revision().publish()
    knowledge_tree.translate(lesson, "en", title="Taking furniture back", slug="furniture-back")
    author = MemberProfileFactory(display_name="An Peeters", trusted=True)
    discussions.post_comment(author.user, lesson, "Een **goede** les")
    client.force_login(member())
    content = client.get(f"/en/members/{author.pk}/").content.decode()
    assert "<strong>goede</strong>" in content
    assert "Taking furniture back" in content


def test_coordinators_see_members_in_the_admin(client, admin_user):
    MemberProfileFactory(display_name="An Peeters", trusted=True)
    client.force_login(admin_user)
    response = client.get("/admin/snippets/network/memberprofile/")
    assert response.status_code == 200
    assert "An Peeters" in response.content.decode()


def browser_form_data(response):
    """What a browser sends when the profile form is submitted unchanged: every field's
    current value, ticked boxes and selected options included (parsed from the page)."""
    from bs4 import BeautifulSoup

    form = BeautifulSoup(response.content, "html.parser").select_one("form.community-form")
    data = {}
    for field in form.select("input[name], textarea[name], select[name]"):
        name, kind = field["name"], field.get("type", "")
        if field.name == "select":
            selected = field.select_one("option[selected]")
            data[name] = selected["value"] if selected else ""
        elif field.name == "textarea":
            data[name] = field.get_text()
        elif kind == "checkbox":
            if field.has_attr("checked"):
                data.setdefault(name, []).append(field.get("value", "on"))
        else:
            data[name] = field.get("value", "")
    return data


def ticked_theme_names(response):
    from bs4 import BeautifulSoup

    page = BeautifulSoup(response.content, "html.parser")
    return sorted(
        box.find_parent("label").get_text(strip=True)
        for box in page.select('input[name="themes"][checked]')
    )


def test_followed_themes_and_choices_survive_a_save_in_another_language(client, knowledge_tree):
    user = member(display_name="An Peeters", role="Aankoper", preferred_language="nl")
    themes = knowledge_tree.themes
    client.force_login(user)
    data = browser_form_data(client.get("/nl/members/me/"))
    data.update(
        themes=[themes["furniture"]["nl"].pk, themes["ict"]["nl"].pk],
        weekly_digest="on",
        role="Aankoper circulair",
    )
    assert client.post("/nl/members/me/", data).status_code == 302

    for language, names in (("fr", ["Mobilier", "TIC"]), ("en", ["Furniture", "ICT"])):
        page = client.get(f"/{language}/members/me/")
        assert ticked_theme_names(page) == names
        assert client.post(f"/{language}/members/me/", browser_form_data(page)).status_code == 302
        profile = MemberProfile.objects.get(user=user)
        assert {theme.translation_key for theme in profile.themes.all()} == {
            themes["furniture"]["nl"].translation_key,
            themes["ict"]["nl"].translation_key,
        }
        assert profile.themes.count() == 2
        assert profile.weekly_digest and profile.notify_replies
        assert (profile.role, profile.preferred_language) == ("Aankoper circulair", "nl")
    assert ticked_theme_names(client.get("/nl/members/me/")) == ["ICT", "Meubilair"]


def test_unticking_a_theme_in_another_language_unfollows_it(client, knowledge_tree):
    user = member()
    themes = knowledge_tree.themes
    profile = MemberProfile.objects.get(user=user)
    profile.themes.set([themes["furniture"]["nl"], themes["ict"]["nl"]])
    client.force_login(user)
    data = browser_form_data(client.get("/fr/members/me/"))
    data["themes"] = [themes["ict"]["fr"].pk]
    assert client.post("/fr/members/me/", data).status_code == 302
    assert list(profile.themes.all()) == [themes["ict"]["nl"]]


def test_a_members_page_names_their_themes_in_the_readers_language(client, knowledge_tree):
    profile = MemberProfileFactory(display_name="An Peeters")
    profile.themes.set([knowledge_tree.themes["furniture"]["nl"]])
    client.force_login(member())
    french = client.get(f"/fr/members/{profile.pk}/").content.decode()
    assert '<span class="tag">Mobilier</span>' in french
    assert "Meubilair" not in french
