"""Check-in at the door: QR codes read back to their signed link, one-tap check-in, badges."""

import base64
import io
import re
from email.mime.image import MIMEImage

import pytest
import zxingcpp
from bs4 import BeautifulSoup
from django.contrib.auth.models import Permission
from django.core import mail
from PIL import Image
from pypdf import PdfReader

from agenda import checkin, services
from agenda.models import Registration, RegistrationStatus
from tests.conftest import publish
from tests.events.factories import EventPageFactory
from tests.network.factories import UserFactory

pytestmark = pytest.mark.django_db

A4 = (595.28, 841.89)  # points


def decode(png_bytes):
    """The text of the one QR code in a PNG image."""
    results = zxingcpp.read_barcodes(Image.open(io.BytesIO(png_bytes)))
    assert len(results) == 1
    return results[0].text


def qr_attachment(message):
    images = [a for a in message.attachments if isinstance(a, MIMEImage)]
    return images[0].get_payload(decode=True) if images else None


def path_of(url):
    return re.sub(r"^https?://[^/]+", "", url)


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def manager(client):
    user = UserFactory(is_staff=True)
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="manage_registrations"),
    )
    client.force_login(user)
    return user


@pytest.fixture
def seated(event, registrant):
    """One confirmed person and one on the waitlist of a one-seat event."""
    event.capacity = 1
    publish(event)
    confirmed = services.register(event, registrant(1, name="An Peeters"))
    waiting = services.register(event, registrant(2, name="Bert Claes"))
    return confirmed, waiting


def test_the_confirmation_email_carries_a_qr_code_of_the_signed_check_in_link(seated):
    confirmed, waiting = seated
    confirmation, waitlisted = mail.outbox
    link = decode(qr_attachment(confirmation))
    assert link == checkin.check_in_url(confirmed)
    assert path_of(link).startswith("/admin/registrations/scan/")
    assert checkin.registration_for_token(path_of(link).split("/")[-2]) == confirmed
    html = confirmation.alternatives[0][0]
    assert 'src="cid:check-in-qr@circulaire-aankopers.be"' in html
    assert qr_attachment(waitlisted) is None  # no seat, no code

    services.cancel(confirmed)  # the waiting person is promoted and gets their own code
    promoted = next(m for m in mail.outbox if m.to == [waiting.email] and qr_attachment(m))
    assert decode(qr_attachment(promoted)) == checkin.check_in_url(waiting)


def test_the_manage_page_shows_the_same_code(client, seated):
    confirmed, waiting = seated
    page = soup(client.get(f"/nl/agenda/studiedag/manage/{confirmed.manage_secret}/"))
    image = page.select_one(".check-in-code img")
    assert image["alt"]
    png = base64.b64decode(image["src"].split(",", 1)[1])
    assert decode(png) == checkin.check_in_url(confirmed)
    other = soup(client.get(f"/nl/agenda/studiedag/manage/{waiting.manage_secret}/"))
    assert other.select_one(".check-in-code") is None


def test_a_forged_or_cut_link_names_nobody(seated):
    confirmed, _waiting = seated
    token = checkin.token_for(confirmed)
    assert checkin.registration_for_token(token[:-2]) is None
    assert checkin.registration_for_token(token.replace(":", "x", 1)) is None
    assert checkin.registration_for_token("") is None


def test_one_tap_checks_a_confirmed_person_in_and_a_second_scan_says_so(client, manager, seated):
    confirmed, _waiting = seated
    url = path_of(checkin.check_in_url(confirmed))
    page = client.get(url)
    assert page.status_code == 200
    assert "An Peeters" in page.content.decode()
    assert soup(page).select_one("form[method=post] button")
    done = client.post(url)
    assert done.status_code == 200
    assert "An Peeters is aangemeld" in soup(done).select_one(".scan__result").get_text()
    confirmed.refresh_from_db()
    assert confirmed.checked_in_at is not None
    again = client.get(url)
    result = soup(again).select_one(".scan__result").get_text()
    assert "Al aangemeld" in result
    assert not soup(again).select_one("form[method=post] button")
    twice = client.post(url)
    assert twice.status_code == 409


def test_waitlisted_and_cancelled_people_are_not_checked_in(client, manager, seated, registrant):
    confirmed, waiting = seated
    url = path_of(checkin.check_in_url(waiting))
    page = client.get(url)
    assert "wachtlijst" in soup(page).select_one(".scan__result").get_text()
    assert client.post(url).status_code == 409
    waiting.refresh_from_db()
    assert waiting.checked_in_at is None

    services.cancel(confirmed)
    url = path_of(checkin.check_in_url(confirmed))
    assert "geannuleerd" in soup(client.get(url)).select_one(".scan__result").get_text()
    assert client.post(url).status_code == 409
    confirmed.refresh_from_db()
    assert confirmed.checked_in_at is None


def test_a_code_for_another_event_is_told_apart(client, manager, agenda, seated, registrant):
    confirmed, _waiting = seated
    other = publish(EventPageFactory(parent=agenda, slug="ander", title="Andere dag"))
    client.get(f"/admin/registrations/{other.pk}/check-in/")  # the organiser is at its door
    url = path_of(checkin.check_in_url(confirmed))
    result = soup(client.get(url)).select_one(".scan__result").get_text()
    assert "Verkeerde activiteit" in result and "Studiedag" in result
    assert client.post(url).status_code == 409
    confirmed.refresh_from_db()
    assert confirmed.checked_in_at is None
    # At the right door it works.
    client.get(f"/admin/registrations/{confirmed.event_id}/check-in/")
    assert client.post(url).status_code == 200
    confirmed.refresh_from_db()
    assert confirmed.checked_in_at is not None


def test_scanning_needs_the_permission(client, seated):
    confirmed, _waiting = seated
    url = path_of(checkin.check_in_url(confirmed))
    anonymous = client.get(url)
    assert anonymous.status_code == 302 and "/admin/login/" in anonymous["Location"]
    assert client.post(url).status_code == 302
    user = UserFactory(is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert client.get(url).status_code == 403
    assert client.post(url).status_code == 403
    confirmed.refresh_from_db()
    assert confirmed.checked_in_at is None


def test_a_broken_code_is_a_clear_404(client, manager, seated):
    response = client.get("/admin/registrations/scan/not-a-real-code/")
    assert response.status_code == 404
    assert soup(response).select_one(".scan__result")


def test_the_badge_sheet_is_an_a4_pdf_of_the_confirmed_people(client, manager, event, registrant):
    event.capacity = 9
    publish(event)
    for n in range(10):
        services.register(
            event, registrant(n, name=f"Persoon {n:02d}", organisation_name=f"Gemeente {n:02d}")
        )
    response = client.get(f"/admin/registrations/{event.pk}/badges.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    assert len(reader.pages) == 2  # eight badges to a page
    for page in reader.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert (round(width), round(height)) == (round(A4[0]), round(A4[1]))
    text = "\n".join(page.extract_text() for page in reader.pages)
    confirmed = Registration.objects.filter(status=RegistrationStatus.CONFIRMED)
    assert confirmed.count() == 9
    for registration in confirmed:
        assert registration.name in text
        assert registration.organisation_name in text
    assert "Persoon 09" not in text  # on the waitlist


def test_badges_need_the_permission(client, event):
    user = UserFactory(is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert client.get(f"/admin/registrations/{event.pk}/badges.pdf").status_code == 403
