"""At the door: an organiser's phone opens the QR code of a confirmation e-mail and checks the
person in with one tap."""

import io
import re
from email.mime.image import MIMEImage

import pytest
import zxingcpp
from django.contrib.auth.models import Permission
from django.core import mail
from PIL import Image
from wagtail.users.models import UserProfile

from agenda import services
from agenda.models import Registration
from tests.conftest import publish
from tests.events.factories import EventIndexPageFactory, EventPageFactory
from tests.network.factories import PASSWORD, UserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}


@pytest.fixture
def registered(site_tree):
    """A confirmed registrant, whose confirmation e-mail carries the check-in code."""
    agenda = publish(EventIndexPageFactory(parent=site_tree.homes["nl"]))
    event = publish(EventPageFactory(parent=agenda, title="Studiedag", slug="studiedag"))
    registration = services.register(
        event,
        services.Registrant(
            name="An Peeters",
            email="an@example.org",
            organisation_name="Stad Gent",
            role="Aankoper",
            green_deal="yes",
            language="nl",
        ),
    )
    return registration


@pytest.fixture
def organiser():
    user = UserFactory(username="deur", is_staff=True)
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="manage_registrations"),
    )
    UserProfile.objects.update_or_create(user=user, defaults={"preferred_language": "en"})
    return user


def scanned_link(message):
    """What a phone's camera reads from the QR code in the e-mail."""
    image = next(a for a in message.attachments if isinstance(a, MIMEImage))
    (result,) = zxingcpp.read_barcodes(Image.open(io.BytesIO(image.get_payload(decode=True))))
    return result.text


def test_an_organiser_checks_a_person_in_from_the_qr_code(
    browser, live_server, registered, organiser
):
    link = scanned_link(mail.outbox[-1])
    path = re.sub(r"^https?://[^/]+", "", link)
    context = browser.new_context(locale="en-GB", **PHONE)
    try:
        page = context.new_page()
        page.set_default_timeout(15_000)
        page.goto(f"{live_server.url}{path}")
        # Not logged in yet: the admin asks, then brings the organiser back to the code.
        page.get_by_label("Username").fill(organiser.username)
        page.get_by_label("Password").fill(PASSWORD)
        with page.expect_navigation():
            page.get_by_role("button", name="Sign in").click()
        page.wait_for_url(re.compile(re.escape(path) + "$"))
        assert "An Peeters" in page.locator(".scan").inner_text()
        with page.expect_navigation():
            page.get_by_role("button", name="Check in An Peeters").tap()
        assert "An Peeters is checked in." in page.locator(".scan__result").inner_text()
        registered.refresh_from_db()
        assert registered.checked_in_at is not None

        # The same code scanned again says so instead of checking in twice.
        page.goto(f"{live_server.url}{path}")
        assert "Already checked in" in page.locator(".scan__result").inner_text()
        assert page.get_by_role("button", name="Check in An Peeters").count() == 0
    finally:
        context.close()
    assert Registration.objects.get().checked_in_at == registered.checked_in_at
