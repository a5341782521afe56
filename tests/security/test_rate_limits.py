"""Rate limits: accounts (allauth), event registration, comments and topics, per client IP."""

import time

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.test import RequestFactory

from agenda.models import Registration
from network.models import DiscussionComment, TopicPage
from network.ratelimit import client_ip
from tests.network.factories import PASSWORD, member
from tests.security.conftest import REGISTRATION

pytestmark = pytest.mark.django_db
REGISTER_URL = "/nl/agenda/studiedag/register/"


def assert_rate_limited(response):
    """Status 429 and the site's own page for it, not a bare error."""
    assert response.status_code == 429
    content = response.content.decode()
    assert 'class="site-header"' in content
    assert "rate-limited" in content


@pytest.fixture
def limits(settings):
    """Small per-IP limits, so a test reaches them in a few requests."""

    def set_limits(**rates):
        settings.FORM_RATE_LIMITS = {**settings.FORM_RATE_LIMITS, **rates}

    return set_limits


# -- which address counts ----------------------------------------------------------------------


def request_from(remote_addr="203.0.113.9", **headers):
    return RequestFactory().get("/", REMOTE_ADDR=remote_addr, headers=headers)


def test_without_a_proxy_setting_forwarded_headers_are_ignored(settings):
    settings.TRUSTED_PROXY_HEADER, settings.NUM_PROXIES = "", 0
    request = request_from(x_forwarded_for="198.51.100.1", x_real_ip="198.51.100.2")
    assert client_ip(request) == "203.0.113.9"


def test_a_trusted_proxy_header_names_the_client(settings):
    settings.TRUSTED_PROXY_HEADER = "X-Real-IP"
    assert client_ip(request_from(x_real_ip="198.51.100.2")) == "198.51.100.2"
    # A missing or forged value never escapes the proxy's own bucket.
    assert client_ip(request_from()) == "203.0.113.9"
    assert client_ip(request_from(x_real_ip="1.2.3.4; DROP TABLE")) == "203.0.113.9"


def test_the_hop_written_by_our_last_proxy_names_the_client(settings):
    settings.TRUSTED_PROXY_HEADER, settings.NUM_PROXIES = "", 1
    forged_then_real = "10.9.9.9, 198.51.100.7"
    assert client_ip(request_from(x_forwarded_for=forged_then_real)) == "198.51.100.7"
    settings.NUM_PROXIES = 2
    assert client_ip(request_from(x_forwarded_for=forged_then_real)) == "10.9.9.9"
    assert client_ip(request_from(x_forwarded_for="198.51.100.7")) == "203.0.113.9"


def test_allauth_reads_the_same_proxy_settings(settings):
    from allauth.account.adapter import get_adapter

    settings.TRUSTED_PROXY_HEADER = settings.ALLAUTH_TRUSTED_CLIENT_IP_HEADER = "X-Real-IP"
    request = request_from(x_real_ip="198.51.100.2")
    assert get_adapter().get_client_ip(request) == client_ip(request) == "198.51.100.2"


# -- accounts (allauth's limits, our 429 page) -----------------------------------------------


def test_signups_are_limited_per_ip(client, site_tree):
    for number in range(20):
        client.post("/en/accounts/signup/", {"email": f"x{number}@example.org"})
    response = client.post(
        "/en/accounts/signup/",
        {"email": "els@mechelen.be", "password1": PASSWORD, "password2": PASSWORD},
    )
    assert_rate_limited(response)
    assert not get_user_model().objects.filter(email="els@mechelen.be").exists()
    other = client.post(
        "/en/accounts/signup/",
        {"email": "els@mechelen.be", "password1": PASSWORD, "password2": PASSWORD},
        REMOTE_ADDR="198.51.100.20",
    )
    assert other.status_code == 302


def test_password_resets_are_limited_per_address(client, site_tree, mailoutbox):
    user = member()
    for _ in range(5):
        assert client.post("/en/accounts/password/reset/", {"email": user.email}).status_code == 302
    assert_rate_limited(client.post("/en/accounts/password/reset/", {"email": user.email}))
    assert len(mailoutbox) == 5


def test_password_resets_are_limited_per_ip(client, site_tree):
    for number in range(20):
        client.post("/en/accounts/password/reset/", {"email": f"x{number}@example.org"})
    assert_rate_limited(client.post("/en/accounts/password/reset/", {"email": "y@example.org"}))


def test_failed_logins_from_one_ip_lock_out_every_account_for_a_while(client, site_tree):
    victim = member()
    for number in range(10):
        client.post("/en/accounts/login/", {"login": f"x{number}@gent.be", "password": "wrong"})
    response = client.post("/en/accounts/login/", {"login": victim.email, "password": PASSWORD})
    assert response.status_code == 200
    assert "Too many failed login attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert EmailAddress.objects.filter(user=victim, verified=True).exists()


def test_logins_are_limited_per_ip(client, site_tree):
    for _ in range(30):
        client.post("/en/accounts/login/", {"login": "", "password": ""})
    assert_rate_limited(client.post("/en/accounts/login/", {"login": "", "password": ""}))


# -- event registration --------------------------------------------------------------------------


def test_registration_posts_are_limited_per_ip(client, event, limits):
    limits(event_registration="3/h")
    for _ in range(3):
        assert client.post(REGISTER_URL, {"email": "not an address"}).status_code == 400
    response = client.post(REGISTER_URL, REGISTRATION)
    assert_rate_limited(response)
    assert int(response["Retry-After"]) > 0
    assert not Registration.objects.exists()
    # Reading the form is never limited; another address may still register.
    assert client.get(REGISTER_URL).status_code == 200
    assert client.post(REGISTER_URL, REGISTRATION, REMOTE_ADDR="198.51.100.30").status_code == 302
    assert Registration.objects.count() == 1


def test_the_limit_resets_when_its_window_ends(client, event, limits):
    limits(event_registration="2/2s")
    responses = [client.post(REGISTER_URL, {"email": "x"}) for _ in range(5)]
    limited = [response for response in responses if response.status_code == 429]
    assert limited, [response.status_code for response in responses]
    time.sleep(int(limited[-1]["Retry-After"]))
    assert client.post(REGISTER_URL, REGISTRATION).status_code == 302


def test_behind_a_proxy_each_client_has_its_own_count(client, event, limits, settings):
    limits(event_registration="1/h")
    settings.TRUSTED_PROXY_HEADER = "X-Real-IP"
    proxy = {"REMOTE_ADDR": "10.0.0.1"}
    first = {**REGISTRATION, "email": "een@gent.be"}
    second = {**REGISTRATION, "email": "twee@gent.be"}
    assert (
        client.post(REGISTER_URL, first, HTTP_X_REAL_IP="198.51.100.1", **proxy).status_code == 302
    )
    assert_rate_limited(client.post(REGISTER_URL, second, HTTP_X_REAL_IP="198.51.100.1", **proxy))
    assert (
        client.post(REGISTER_URL, second, HTTP_X_REAL_IP="198.51.100.2", **proxy).status_code == 302
    )


# -- comments and topics ----------------------------------------------------------------------


def comment_url(page):
    return f"/nl/community/pages/{page.pk}/comments/"


def test_comments_are_limited_per_ip_across_members(client, lesson, limits):
    limits(comment="3/10m")
    for text in ("Een", "Twee", "Drie"):
        client.force_login(member(trusted=True))
        assert client.post(comment_url(lesson), {"comment": text}).status_code == 302
    client.force_login(member(trusted=True))
    assert_rate_limited(client.post(comment_url(lesson), {"comment": "Vier"}))
    assert DiscussionComment.objects.count() == 3
    other = client.post(comment_url(lesson), {"comment": "Vier"}, REMOTE_ADDR="198.51.100.40")
    assert other.status_code == 302
    assert DiscussionComment.objects.count() == 4


def test_topics_are_limited_per_ip(client, discussions_page, writer, limits):
    limits(topic="2/h")
    client.force_login(writer)
    form_url = discussions_page.url + "new/"
    for number in range(2):
        topic = {"title": f"Vraag {number}", "body": "Wie heeft ervaring?"}
        assert client.post(form_url, topic).status_code == 302
    assert_rate_limited(client.post(form_url, {"title": "Vraag 3", "body": "Nog een vraag?"}))
    assert TopicPage.objects.count() == 2
    assert client.get(form_url).status_code == 200
