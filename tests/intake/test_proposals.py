"""Proposing a vacant building: bad input, photos, confirmation by e-mail, languages."""

import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

from home.models import HomePage
from intake.models import CandidatePilot, PilotCallPage
from tests.intake.conftest import png, proposal
from tests.network.factories import member

pytestmark = pytest.mark.django_db

SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'


def confirm_link(message):
    return re.search(r"https?://\S+/confirm/\S+/", message.body).group(0)


def confirm_path(message):
    return urlsplit(confirm_link(message)).path


def test_call_page_sits_only_under_a_home_page():
    assert PilotCallPage.allowed_parent_page_models() == [HomePage]
    assert PilotCallPage in HomePage.allowed_subpage_models()
    assert PilotCallPage.allowed_subpage_models() == []


def test_call_page_shows_the_form_with_the_three_expectations(client, call_pages):
    response = client.get(call_pages["nl"].url)
    assert response.status_code == 200
    html = response.content.decode()
    for name in ("helps_map_neighbourhood", "joins_workshop", "understands_no_obligation"):
        assert f'name="{name}"' in html
    assert 'enctype="multipart/form-data"' in html
    assert "private" in response["Cache-Control"]


def test_missing_fields_are_named_and_the_rest_is_kept(client, call_pages):
    data = proposal(municipality="", joins_workshop=None, understands_no_obligation=None)
    response = client.post(call_pages["en"].url, data)
    assert response.status_code == 400
    form = response.context["form"]
    assert set(form.errors) == {"municipality", "joins_workshop", "understands_no_obligation"}
    html = response.content.decode()
    assert 'value="Gemeente Testegem"' in html
    assert "Dak lekt, structuur gezond." in html
    assert "This field is required." in html
    assert not CandidatePilot.objects.exists()
    assert not mail.outbox


def test_a_50_mb_photo_is_refused_with_a_clear_error(client, call_pages):
    huge = SimpleUploadedFile("groot.jpg", b"\xff\xd8\xff" + b"\0" * (50 * 1024 * 1024))
    response = client.post(call_pages["nl"].url, {**proposal(), "photos": [png(), huge]})
    assert response.status_code == 400
    error = response.context["form"].errors["photos"][0].replace("\xa0", " ")
    assert "groot.jpg" in error
    assert "50,0 MB" in error
    html = response.content.decode()
    assert 'value="Kerkstraat 1"' in html
    assert not CandidatePilot.objects.exists()


def test_an_svg_is_refused_even_when_it_claims_to_be_an_image(client, call_pages):
    svg = SimpleUploadedFile("plan.svg", SVG, content_type="image/svg+xml")
    response = client.post(call_pages["fr"].url, {**proposal(), "photos": [svg]})
    assert response.status_code == 400
    error = response.context["form"].errors["photos"][0]
    assert "plan.svg" in error
    assert "JPG" in error
    assert not CandidatePilot.objects.exists()


def test_a_renamed_file_is_not_taken_for_a_photo(client, call_pages):
    fake = SimpleUploadedFile("foto.png", b"not an image at all")
    response = client.post(call_pages["nl"].url, {**proposal(), "photos": [fake]})
    assert response.status_code == 400
    assert "photos" in response.context["form"].errors


def test_anonymous_proposal_waits_until_the_link_is_followed(client, call_pages):
    response = client.post(call_pages["nl"].url, {**proposal(), "photos": [png()]})
    assert response.status_code == 302
    candidate = CandidatePilot.objects.get()
    assert candidate.confirmed_at is None
    assert candidate.photos.count() == 1
    assert not candidate.photos.get().image.name.startswith(("original_images", "images"))
    assert CandidatePilot.objects.confirmed().count() == 0
    assert len(mail.outbox) == 1
    link = confirm_link(mail.outbox[0])
    assert "/nl/oproep/confirm/" in link

    path = confirm_path(mail.outbox[0])
    page = client.get(path)
    assert page.status_code == 200
    candidate.refresh_from_db()
    assert candidate.confirmed_at is None  # opening the link alone confirms nothing

    assert client.post(path).status_code == 200
    candidate.refresh_from_db()
    assert candidate.confirmed_at is not None
    assert len(mail.outbox) == 2
    assert mail.outbox[1].subject == "We ontvingen je voorstel voor een pilootgebouw"
    client.post(path)
    assert len(mail.outbox) == 2  # a second click confirms nothing new


def test_a_tampered_link_confirms_nothing(client, call_pages):
    client.post(call_pages["nl"].url, proposal())
    path = confirm_path(mail.outbox[0])
    response = client.post(path.replace("/confirm/", "/confirm/x"))
    assert response.status_code == 400
    assert CandidatePilot.objects.get().confirmed_at is None


def test_a_member_proposal_counts_at_once_under_the_account_address(client, call_pages):
    user = member(user__email="lid@gemeente.be")
    client.force_login(user)
    response = client.post(call_pages["nl"].url, proposal(email="ander@example.com"))
    assert response.status_code == 302
    candidate = CandidatePilot.objects.get()
    assert candidate.confirmed_at is not None
    assert candidate.submitted_by == user
    assert candidate.email == "lid@gemeente.be"
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["lid@gemeente.be"]
    assert "/confirm/" not in mail.outbox[0].body


@pytest.mark.parametrize(
    ("language", "subject_word", "body_word"),
    [
        ("nl", "Bevestig", "Beste"),
        ("fr", "Confirmez", "Bonjour"),
        ("en", "Confirm", "Dear"),
    ],
)
def test_emails_come_in_the_language_of_the_proposal(
    client, call_pages, language, subject_word, body_word
):
    client.post(call_pages[language].url, proposal())
    message = mail.outbox[0]
    assert subject_word in message.subject
    assert message.body.startswith(body_word)
    assert message.extra_headers["Content-Language"] == language
    assert f"/{language}/" in confirm_link(message)
    assert CandidatePilot.objects.get().language == language


def test_a_filled_honeypot_saves_nothing(client, call_pages):
    response = client.post(call_pages["nl"].url, proposal(website="http://spam"))
    assert response.status_code == 302
    assert not CandidatePilot.objects.exists()
    assert not mail.outbox
