"""Member accounts: sign-up with verification, login, logout, reset, no enumeration, throttling."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db
User = get_user_model()
PASSWORD = "circulair-2026-aankoop"  # noqa: S105


def make_member(email="an@gent.be", verified=True):
    user = User.objects.create_user(username=email.split("@")[0], email=email, password=PASSWORD)
    EmailAddress.objects.create(user=user, email=email, verified=verified, primary=True)
    return user


def confirmation_link(message):
    return re.search(r"https?://testserver(/\S+)", message.body).group(1)


def test_account_urls_carry_the_language_prefix(client):
    assert client.get("/nl/accounts/login/").status_code == 200
    response = client.get("/fr/accounts/signup/")
    assert response.status_code == 200
    assert response.headers["Content-Language"] == "fr"


def test_account_pages_use_the_site_layout(client, site_tree):
    response = client.get("/en/accounts/login/")
    content = response.content.decode()
    assert 'class="site-header"' in content
    assert 'class="account-page"' in content


def test_signup_requires_email_verification_before_login(client, site_tree):
    response = client.post(
        "/en/accounts/signup/",
        {"email": "els@mechelen.be", "password1": PASSWORD, "password2": PASSWORD},
    )
    assert response.status_code == 302
    assert response.url == "/en/accounts/confirm-email/"
    user = User.objects.get(email="els@mechelen.be")
    assert not EmailAddress.objects.get(user=user).verified
    assert len(mail.outbox) == 1
    assert "_auth_user_id" not in client.session

    other = Client()
    login = other.post("/en/accounts/login/", {"login": "els@mechelen.be", "password": PASSWORD})
    assert login.url == "/en/accounts/confirm-email/"
    assert "_auth_user_id" not in other.session

    link = confirmation_link(mail.outbox[0])
    client.post(link)
    assert EmailAddress.objects.get(user=user).verified
    login = other.post("/en/accounts/login/", {"login": "els@mechelen.be", "password": PASSWORD})
    assert login.status_code == 302
    assert other.session["_auth_user_id"] == str(user.pk)


def test_signup_with_a_known_address_looks_the_same_and_creates_nobody(client, site_tree):
    make_member("an@gent.be")
    response = client.post(
        "/en/accounts/signup/",
        {"email": "an@gent.be", "password1": PASSWORD, "password2": PASSWORD},
    )
    assert response.status_code == 302
    assert response.url == "/en/accounts/confirm-email/"
    assert User.objects.filter(email__iexact="an@gent.be").count() == 1
    # The owner of the address is told instead of the visitor.
    assert mail.outbox[-1].to == ["an@gent.be"]


def test_password_reset_answers_the_same_for_known_and_unknown_addresses(client, site_tree):
    make_member("an@gent.be")
    known = client.post("/en/accounts/password/reset/", {"email": "an@gent.be"})
    unknown = client.post("/en/accounts/password/reset/", {"email": "nobody@nowhere.be"})
    assert known.status_code == unknown.status_code == 302
    assert known.url == unknown.url


def test_password_reset_link_sets_a_new_password(client, site_tree):
    user = make_member("an@gent.be")
    client.post("/en/accounts/password/reset/", {"email": "an@gent.be"})
    link = confirmation_link(mail.outbox[-1])
    form = client.get(link, follow=True)
    form_url = form.redirect_chain[-1][0] if form.redirect_chain else link
    new = "nieuw-wachtwoord-2026"
    client.post(form_url, {"password1": new, "password2": new})
    user.refresh_from_db()
    assert user.check_password(new)


def test_failed_logins_are_throttled_even_with_the_right_password(client, site_tree):
    make_member("an@gent.be")
    for _ in range(5):
        client.post("/en/accounts/login/", {"login": "an@gent.be", "password": "wrong"})
    response = client.post("/en/accounts/login/", {"login": "an@gent.be", "password": PASSWORD})
    assert response.status_code == 200
    assert "Too many failed login attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_logout_needs_a_post_with_csrf(site_tree):
    make_member("an@gent.be")
    client = Client(enforce_csrf_checks=True)
    client.login(username="an", password=PASSWORD)
    assert client.get("/en/accounts/logout/").status_code == 200
    assert "_auth_user_id" in client.session
    assert client.post("/en/accounts/logout/").status_code == 403
    assert "_auth_user_id" in client.session


def test_email_change_is_verified_before_it_applies(client, site_tree):
    user = make_member("an@gent.be")
    client.force_login(user)
    response = client.post("/en/accounts/email/", {"action_add": "", "email": "an.peeters@gent.be"})
    assert response.status_code == 302
    assert mail.outbox[-1].to == ["an.peeters@gent.be"]
    assert not EmailAddress.objects.get(email="an.peeters@gent.be").verified
    user.refresh_from_db()
    assert user.email == "an@gent.be"


def test_header_shows_login_links_to_anonymous_readers_without_queries_on_users(client, site_tree):
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/en/")
    content = response.content.decode()
    assert 'href="/en/accounts/login/"' in content
    assert 'href="/en/accounts/signup/"' in content
    assert not [q for q in queries if "auth_user" in q["sql"] or "django_session" in q["sql"]]


def test_header_shows_the_member_and_a_logout_form(client, site_tree):
    user = make_member("an@gent.be")
    user.first_name = "An Peeters"
    user.save()
    client.force_login(user)
    content = client.get("/en/").content.decode()
    assert "An Peeters" in content
    assert 'action="/en/accounts/logout/"' in content
    assert "csrfmiddlewaretoken" in content


@pytest.fixture
def english_browser(site_tree):
    """A browser that asks for English pages: redirects must not follow it."""
    return Client(HTTP_ACCEPT_LANGUAGE="en")


def html_language(response):
    return re.search(r'<html lang="([^"]+)"', response.content.decode()).group(1)


@pytest.mark.parametrize("language", ["fr", "nl"])
def test_log_in_and_log_out_stay_in_the_language_of_the_page(english_browser, language):
    make_member("an@gent.be")
    login = english_browser.post(
        f"/{language}/accounts/login/", {"login": "an@gent.be", "password": PASSWORD}
    )
    assert login.status_code == 302
    assert login.url == f"/{language}/"
    assert html_language(english_browser.get(login.url)) == language
    logout = english_browser.post(f"/{language}/accounts/logout/")
    assert logout.status_code == 302
    assert logout.url == f"/{language}/"


@pytest.mark.parametrize("language", ["fr", "nl"])
def test_sign_up_and_confirmation_stay_in_the_language_of_the_page(english_browser, language):
    signup = english_browser.post(
        f"/{language}/accounts/signup/",
        {"email": "els@mechelen.be", "password1": PASSWORD, "password2": PASSWORD},
    )
    assert signup.url == f"/{language}/accounts/confirm-email/"
    link = confirmation_link(mail.outbox[-1])
    assert link.startswith(f"/{language}/accounts/confirm-email/")
    confirmed = english_browser.post(link)
    assert confirmed.status_code == 302
    assert confirmed.url.startswith(f"/{language}/")
    login = english_browser.post(
        f"/{language}/accounts/login/", {"login": "els@mechelen.be", "password": PASSWORD}
    )
    assert login.url == f"/{language}/"


@pytest.mark.parametrize("language", ["fr", "nl"])
def test_password_reset_stays_in_the_language_of_the_page(english_browser, language):
    make_member("an@gent.be")
    sent = english_browser.post(f"/{language}/accounts/password/reset/", {"email": "an@gent.be"})
    assert sent.url.startswith(f"/{language}/")
    link = confirmation_link(mail.outbox[-1])
    assert link.startswith(f"/{language}/")
    form = english_browser.get(link, follow=True)
    form_url = form.redirect_chain[-1][0] if form.redirect_chain else link
    new = "nieuw-wachtwoord-2026"
    done = english_browser.post(form_url, {"password1": new, "password2": new})
    assert done.status_code == 302
    assert done.url.startswith(f"/{language}/")


@pytest.mark.parametrize("language", ["fr", "nl"])
def test_account_deletion_lands_on_the_home_page_of_the_same_language(english_browser, language):
    english_browser.force_login(make_member("an@gent.be"))
    response = english_browser.post(
        f"/{language}/members/me/delete/", {"confirm": "on", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response.url == f"/{language}/"
    assert html_language(english_browser.get(response.url)) == language


@pytest.mark.parametrize(
    ("language", "expected", "formal"),
    [
        ("nl", "Je wachtwoord moet minstens 8 tekens lang zijn.", "Uw wachtwoord"),
        ("fr", "Votre mot de passe doit contenir au minimum 8 caractères.", "Your password"),
        ("en", "Your password must contain at least 8 characters.", "Uw wachtwoord"),
    ],
)
def test_password_rules_speak_the_sites_language(client, site_tree, language, expected, formal):
    page = client.get(f"/{language}/accounts/signup/").content.decode()
    assert expected in page
    assert formal not in page
