"""Spam and fairness on the registration form: a honeypot stops form-filling robots, the
per-IP limit lets a whole city hall behind one address register while it stops a flood, and
every 429 page says how long to wait, as its Retry-After header does."""

import math

import pytest
from bs4 import BeautifulSoup
from django.core import mail

from agenda.models import Registration
from tests.events.factories import REGISTRATION_FORM

pytestmark = pytest.mark.django_db

REGISTER_URL = "/nl/agenda/studiedag/register/"
CITY_HALL = {"REMOTE_ADDR": "192.0.2.10"}


def person(number):
    return {**REGISTRATION_FORM, "name": f"Collega {number}", "email": f"c{number}@gent.be"}


def test_a_filled_honeypot_refuses_the_form_and_saves_nothing(client, event):
    response = client.post(REGISTER_URL, {**REGISTRATION_FORM, "website": "http://spam.example"})
    assert response.status_code == 400
    assert not Registration.objects.exists()
    assert mail.outbox == []
    page = BeautifulSoup(response.content, "html.parser")
    assert "Je browser vulde een veld in dat leeg moet blijven" in page.select_one(
        ".error-summary"
    ).get_text(" ")
    # The trap is empty again and the person's details are kept, so sending again works.
    assert page.select_one("input[name=website]")["value"] == ""
    assert page.select_one("input[name=name]")["value"] == REGISTRATION_FORM["name"]
    assert client.post(REGISTER_URL, REGISTRATION_FORM).status_code == 302
    assert Registration.objects.count() == 1


def test_the_honeypot_is_out_of_sight_and_out_of_the_tab_order(client, event):
    page = BeautifulSoup(client.get(REGISTER_URL).content, "html.parser")
    trap = page.select_one("input[name=website]")
    assert trap["tabindex"] == "-1" and trap["autocomplete"] == "off"
    assert trap.find_parent(class_="form-trap") is not None
    label = page.select_one(f"label[for={trap['id']}]")
    assert label.get_text() == "Laat dit veld leeg"


def test_fifty_colleagues_behind_one_address_register_but_a_flood_is_stopped(
    client, event, settings
):
    event.capacity = 100
    event.save_revision().publish()
    for number in range(50):
        response = client.post(REGISTER_URL, person(number), **CITY_HALL)
        assert response.status_code == 302, number
    assert Registration.objects.filter(status="confirmed").count() == 50

    # A script goes on posting from the same address; the limit stops it.
    limit = int(settings.FORM_RATE_LIMITS["event_registration"].split("/")[0])
    answers = [
        client.post(REGISTER_URL, person(100 + number), **CITY_HALL).status_code
        for number in range(limit - 50 + 1)
    ]
    assert answers[-1] == 429
    assert answers.count(429) == 1
    assert Registration.objects.count() == limit
    # Someone elsewhere is not affected.
    assert client.post(REGISTER_URL, person(999), REMOTE_ADDR="198.51.100.7").status_code == 302


@pytest.mark.parametrize(
    ("language", "minutes"),
    [("nl", "{} minuten"), ("fr", "{} minutes"), ("en", "{} minutes")],
)
def test_the_429_page_states_the_wait_of_its_retry_after_header(
    client, event, site_tree, settings, language, minutes
):
    settings.FORM_RATE_LIMITS = {**settings.FORM_RATE_LIMITS, "event_registration": "1/h"}
    url = REGISTER_URL
    if language != "nl":
        page = site_tree.translate(event, language, slug="studiedag")
        url = page.url + "register/"
    client.post(REGISTER_URL, person(1))
    response = client.post(url, person(2))
    assert response.status_code == 429
    seconds = int(response["Retry-After"])
    # The hour's window ends on the clock, so the wait left is anything up to an hour.
    assert 0 < seconds <= 3601
    page = BeautifulSoup(response.content, "html.parser")
    assert page.select_one("header") is not None, "in the site layout"
    alert = page.select_one("[role=alert]").get_text(" ")
    if seconds < 60:
        # "seconde(n)", "seconde(s)", "second(s)"
        assert f"{seconds} second" in alert
    else:
        assert minutes.format(math.ceil(seconds / 60)) in alert


@pytest.mark.parametrize(
    ("language", "words"),
    [("nl", "1 minuut"), ("fr", "1 minute"), ("en", "1 minute")],
)
def test_allauths_429_page_states_its_wait_too(client, site_tree, settings, language, words):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "signup": "1/m/ip"}
    url = f"/{language}/accounts/signup/"
    client.post(url, {"email": "an@example.org"})
    response = client.post(url, {"email": "an@example.org"})
    assert response.status_code == 429
    assert response["Retry-After"] == "60"
    alert = BeautifulSoup(response.content, "html.parser").select_one("[role=alert]")
    assert words in alert.get_text(" ")
