"""One base URL: every absolute link, the Wagtail Site and Django's Sites record follow BASE_URL.

Requests in these tests name a foreign Host ("evil.example:8443", allowed so that Django
answers at all): nothing the site writes may point there.
"""

import csv
import io
import json
import re
import xml.etree.ElementTree as ET

import feedparser
import pytest
from allauth.account.models import EmailAddress
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.sites.models import Site as DjangoSite
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from icalendar import Calendar
from wagtail.models import Site

from network import discussions
from network.base_url import absolute_url, parse, sync_site_records
from network.digest import send_digests
from tests.conftest import publish
from tests.events.factories import REGISTRATION_FORM, EventIndexPageFactory, EventPageFactory
from tests.knowledge.factories import (
    LessonPageFactory,
    PracticeExamplePageFactory,
    TenderClauseFactory,
)
from tests.network.factories import MemberProfileFactory, member
from tests.processes import run_manage

pytestmark = pytest.mark.django_db

PUBLIC = "https://circulaire-aankopers.be"
FOREIGN_HOST = {"HTTP_HOST": "evil.example:8443"}
URL = re.compile(r"https?://[^\s<>\"']+")


@pytest.fixture
def public_address(settings):
    """BASE_URL set to the public address, as production would have it (no records synced)."""
    settings.BASE_URL = PUBLIC
    settings.WAGTAILADMIN_BASE_URL = settings.WAGTAILAPI_BASE_URL = PUBLIC
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "evil.example"]
    return PUBLIC


@pytest.fixture
def public_site(public_address, knowledge_tree):
    """The knowledge tree with the Site records synced to the public address."""
    sync_site_records()
    return knowledge_tree


def assert_all_public(urls):
    urls = list(urls)
    assert urls, "no links found"
    for url in urls:
        assert url.startswith(PUBLIC + "/"), url


# -- BASE_URL itself ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "domain", "port"),
    [
        ("https://circulaire-aankopers.be", "circulaire-aankopers.be", 443),
        ("https://Circulaire-Aankopers.be/", "circulaire-aankopers.be", 443),
        ("http://127.0.0.1:8000", "127.0.0.1:8000", 8000),
        ("http://localhost", "localhost", 80),
        ("http://[::1]:8000", "[::1]:8000", 8000),
    ],
)
def test_valid_base_urls_are_normalised(value, domain, port):
    address = parse(value)
    assert (address.domain, address.port) == (domain, port)
    assert address.url == f"{address.scheme}://{domain}"


@pytest.mark.parametrize(
    "value",
    [
        "",
        "circulaire-aankopers.be",
        "ftp://circulaire-aankopers.be",
        "https://",
        "https://circulaire-aankopers.be/nl/",
        "https://circulaire-aankopers.be/?x=1",
        "https://user:pw@circulaire-aankopers.be",
        "https://circulaire-aankopers.be:8443",
        "http://circulaire-aankopers.be:443",
        "http://circulaire-aankopers.be:99999",
        "http://bad_host!",
    ],
)
def test_unusable_base_urls_are_refused(value):
    with pytest.raises(ValueError):
        parse(value)


def test_absolute_url_joins_paths_and_keeps_absolute_urls(public_address):
    assert absolute_url("/nl/agenda/") == PUBLIC + "/nl/agenda/"
    assert absolute_url("https://other.example/x/") == "https://other.example/x/"
    assert absolute_url(None) == absolute_url("") == ""


# -- the Site records ---------------------------------------------------------------------------


def test_sync_points_both_site_records_at_base_url_and_a_second_run_changes_nothing(
    public_address, site_tree, settings
):
    assert sync_site_records() == ["wagtail site", "django site"]
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("circulaire-aankopers.be", 443)
    assert site.root_url == PUBLIC
    django_site = DjangoSite.objects.get(pk=settings.SITE_ID)
    assert (django_site.domain, django_site.name) == (
        "circulaire-aankopers.be",
        "De Circulaire Aankopers",
    )

    with CaptureQueriesContext(connection) as queries:
        assert sync_site_records() == []
    assert not [q for q in queries if not q["sql"].lstrip().upper().startswith("SELECT")]


def test_sync_keeps_a_port_that_is_not_the_default(site_tree, settings):
    settings.BASE_URL = "http://127.0.0.1:8000"
    sync_site_records()
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port, site.root_url) == ("127.0.0.1", 8000, "http://127.0.0.1:8000")
    assert DjangoSite.objects.get(pk=settings.SITE_ID).domain == "127.0.0.1:8000"


def test_migrate_brings_the_records_in_line(public_address, site_tree, settings):
    call_command("migrate", verbosity=0, interactive=False)
    assert Site.objects.get(is_default_site=True).root_url == PUBLIC
    assert DjangoSite.objects.get(pk=settings.SITE_ID).domain == "circulaire-aankopers.be"


def test_sync_creates_django_site_record_when_missing(public_address, site_tree, settings):
    DjangoSite.objects.all().delete()
    sync_site_records()
    assert DjangoSite.objects.get(pk=settings.SITE_ID).name == "De Circulaire Aankopers"


def test_sync_does_nothing_without_a_default_wagtail_site(public_address, site_tree):
    Site.objects.all().delete()
    assert sync_site_records() == ["django site"]
    assert not Site.objects.exists()


def test_syncing_the_site_clears_the_cached_navigation(public_address, site_tree, client):
    # The first request caches the site for its host; after the sync page URLs must move.
    client.get("/nl/", **FOREIGN_HOST)
    sync_site_records()
    response = client.get("/nl/", **FOREIGN_HOST)
    links = BeautifulSoup(response.content, "html.parser").select('link[rel="alternate"]')
    assert_all_public(link["href"] for link in links)


# -- e-mails ------------------------------------------------------------------------------------


@pytest.fixture
def event(public_site):
    agenda = publish(EventIndexPageFactory(parent=public_site.site_tree.homes["nl"]))
    return publish(EventPageFactory(parent=agenda, slug="studiedag", title="Studiedag"))


REGISTRATION = REGISTRATION_FORM


def test_registration_email_and_its_manage_link_use_base_url(client, event):
    response = client.post("/nl/agenda/studiedag/register/", REGISTRATION, **FOREIGN_HOST)
    assert response.status_code == 302
    message = mail.outbox[-1]
    body = message.body
    manage = [url for url in URL.findall(body) if "/manage/" in url]
    assert manage and manage[0].startswith(PUBLIC + "/nl/agenda/studiedag/manage/")
    assert_all_public(URL.findall(body))
    assert_all_public(URL.findall(message.alternatives[0][0]))
    ics = next(content for name, content, _ in message.attachments if name == "event.ics")
    assert str(Calendar.from_ical(ics).walk("VEVENT")[0]["URL"]) == (
        PUBLIC + "/nl/agenda/studiedag/"
    )


def account(email="an@gent.be"):
    user = get_user_model().objects.create_user(
        username=email.split("@")[0], email=email, password="circulair-2026-aankoop"
    )
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


def test_password_reset_email_uses_base_url_and_the_sites_name(client, public_site):
    account()
    client.post("/nl/accounts/password/reset/", {"email": "an@gent.be"}, **FOREIGN_HOST)
    body = mail.outbox[-1].body
    links = URL.findall(body)
    assert any("/nl/accounts/password/reset/key/" in url for url in links)
    assert_all_public(links)
    assert "evil.example" not in body
    assert "De Circulaire Aankopers" in body
    assert "example.com" not in body


def test_password_reset_for_an_unknown_address_links_to_signup_on_base_url(client, public_site):
    client.post("/nl/accounts/password/reset/", {"email": "nobody@gent.be"}, **FOREIGN_HOST)
    links = URL.findall(mail.outbox[-1].body)
    assert any("/nl/accounts/signup/" in url for url in links)
    assert_all_public(links)


def test_signup_confirmation_link_uses_base_url(client, public_site):
    password = "circulair-2026-aankoop"  # noqa: S105
    client.post(
        "/nl/accounts/signup/",
        {"email": "els@mechelen.be", "password1": password, "password2": password},
        **FOREIGN_HOST,
    )
    body = mail.outbox[-1].body
    assert any("/nl/accounts/confirm-email/" in url for url in URL.findall(body))
    assert_all_public(URL.findall(body))
    assert "circulaire-aankopers.be" in body


def test_signing_up_again_links_to_reset_and_signup_on_base_url(client, public_site):
    account("els@mechelen.be")
    password = "circulair-2026-aankoop"  # noqa: S105
    client.post(
        "/nl/accounts/signup/",
        {"email": "els@mechelen.be", "password1": password, "password2": password},
        **FOREIGN_HOST,
    )
    links = URL.findall(mail.outbox[-1].body)
    assert any("/accounts/password/reset/" in url for url in links)
    assert_all_public(links)


@pytest.fixture
def send_mail_on_commit(monkeypatch):
    """Notifications go out when the comment's transaction commits; run them right away."""
    monkeypatch.setattr(discussions.transaction, "on_commit", lambda callback, **kw: callback())


@pytest.fixture
def lesson(public_site):
    return publish(LessonPageFactory(parent=public_site.indexes["nl"], title="Meubels terugnemen"))


def test_follow_up_and_mention_emails_link_to_base_url(lesson, send_mail_on_commit):
    writer = member(trusted=True)
    follower = member(trusted=True)
    mentioned = member(trusted=True)
    discussions.post_comment(follower, lesson, "Vraag")
    mail.outbox.clear()
    discussions.post_comment(writer, lesson, f"Wat denk jij, @{mentioned.username}?")
    by_recipient = {message.to[0]: message for message in mail.outbox}
    follow_up = by_recipient[follower.email]
    assert any("/community/unfollow/" in url for url in URL.findall(follow_up.body))
    assert_all_public(URL.findall(follow_up.body))
    assert follow_up.extra_headers["List-Unsubscribe"].startswith(f"<{PUBLIC}/")
    assert_all_public(URL.findall(by_recipient[mentioned.email].body))


def test_digest_links_to_base_url(public_site):
    theme = public_site.themes["furniture"]["nl"]
    publish(LessonPageFactory(parent=public_site.indexes["nl"], title="Stoelen", themes=[theme]))
    reader = MemberProfileFactory(weekly_digest=True)
    reader.themes.add(theme)
    mail.outbox.clear()
    assert send_digests() == 1
    assert_all_public(URL.findall(mail.outbox[0].body))


# -- what readers and machines fetch ------------------------------------------------------------


def test_ical_files_use_base_url(client, event):
    calendar = Calendar.from_ical(client.get("/nl/agenda/studiedag/ical/", **FOREIGN_HOST).content)
    assert str(calendar.walk("VEVENT")[0]["URL"]) == PUBLIC + "/nl/agenda/studiedag/"
    agenda = Calendar.from_ical(client.get("/nl/agenda/ical/", **FOREIGN_HOST).content)
    assert_all_public(str(vevent["URL"]) for vevent in agenda.walk("VEVENT"))


def test_json_ld_uses_base_url(client, event):
    response = client.get("/nl/agenda/studiedag/", **FOREIGN_HOST)
    script = BeautifulSoup(response.content, "html.parser").find(
        "script", type="application/ld+json"
    )
    data = json.loads(script.string)
    assert data["url"] == PUBLIC + "/nl/agenda/studiedag/"
    assert data["organizer"]["url"] == PUBLIC + "/"
    assert data["offers"]["url"].startswith(PUBLIC + "/nl/agenda/studiedag/")


def test_sitemap_uses_base_url(client, lesson):
    response = client.get("/sitemap.xml", **FOREIGN_HOST)
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    sitemap = ET.fromstring(response.content)  # noqa: S314 - the site's own sitemap
    locations = [loc.text for loc in sitemap.findall(".//s:loc", namespace)]
    assert PUBLIC + lesson.url in locations
    assert_all_public(locations)


def test_atom_feed_uses_base_url(client, lesson):
    feed = feedparser.parse(client.get("/nl/kennisbank/feed/", **FOREIGN_HOST).content)
    assert not feed.bozo, feed.bozo_exception
    assert [entry.link for entry in feed.entries] == [PUBLIC + lesson.url]
    assert_all_public(link.href for link in feed.feed.links)
    assert_all_public([feed.feed.link])


def test_open_data_exports_use_base_url(client, public_site):
    PracticeExamplePageFactory(parent=public_site.indexes["nl"], title="Utrecht hergebruikt")
    TenderClauseFactory(title="Terugname", slug="terugname", theme=public_site.themes["ict"]["nl"])
    response = client.get("/nl/kennisbank/open-data/examples/csv/", **FOREIGN_HOST)
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert_all_public(row["url"] for row in rows)
    response = client.get("/nl/kennisbank/open-data/clauses/json/", **FOREIGN_HOST)
    items = json.loads(response.content)["items"]
    assert_all_public(item["url"] for item in items)


def test_api_urls_use_base_url(client, lesson):
    response = client.get("/api/v2/pages/?type=knowledge.LessonPage", **FOREIGN_HOST)
    item = response.json()["items"][0]
    assert item["meta"]["html_url"] == PUBLIC + lesson.url
    assert item["meta"]["detail_url"].startswith(PUBLIC + "/api/v2/pages/")


def test_book_pdf_links_use_base_url(lesson):
    from knowledge import book_pdf
    from tests.knowledge.test_book import chapter, make_book

    book = make_book(lesson.get_parent().get_parent(), [chapter("Meubilair", [lesson])])
    html = BeautifulSoup(book_pdf.render_html(book), "html.parser")
    links = [a["href"] for a in html.find_all("a", href=True) if "://" in a["href"]]
    assert PUBLIC + lesson.url in links
    assert PUBLIC + book.url in links
    assert_all_public(links)
    assert book_pdf.site_root_url(book) == PUBLIC + "/"


def test_language_alternates_in_the_page_head_use_base_url(client, lesson):
    response = client.get(lesson.url, **FOREIGN_HOST)
    links = BeautifulSoup(response.content, "html.parser").select('link[rel="alternate"][hreflang]')
    assert_all_public(link["href"] for link in links)


# -- settings -----------------------------------------------------------------------------------

PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "network.settings.production",
    "SECRET_KEY": "k7#Qz9vL2pXw8rT4yN6mB1cF5hJ3dS0aG-eU_iO+oP=lK&jH*gY%tR$wE@qZ!xC",
    "ALLOWED_HOSTS": "www.circulaire-aankopers.be",
}
SHOW_SETTINGS = (
    "import json; from django.conf import settings as s; print(json.dumps([s.BASE_URL, "
    "s.WAGTAILADMIN_BASE_URL, s.WAGTAILAPI_BASE_URL, s.ALLOWED_HOSTS, s.CSRF_TRUSTED_ORIGINS]))"
)


def test_production_refuses_to_start_without_base_url():
    result = run_manage("check", env_overrides=PRODUCTION, drop=("BASE_URL",))
    assert result.returncode != 0
    assert "need the environment variable(s) BASE_URL." in result.stderr


def test_production_refuses_an_unusable_base_url_in_one_line():
    result = run_manage(
        "check", env_overrides={**PRODUCTION, "BASE_URL": "https://circulaire-aankopers.be/nl/"}
    )
    assert result.returncode != 0
    last_line = result.stderr.strip().splitlines()[-1]
    assert last_line == (
        "django.core.exceptions.ImproperlyConfigured: "
        "BASE_URL='https://circulaire-aankopers.be/nl/' is not usable: "
        "it must be the site's root: no path, query or fragment."
    )


def test_production_derives_admin_and_api_urls_hosts_and_origins_from_base_url():
    result = run_manage(
        "shell",
        "-c",
        SHOW_SETTINGS,
        env_overrides={**PRODUCTION, "BASE_URL": "https://circulaire-aankopers.be/"},
    )
    assert result.returncode == 0, result.stderr
    base, admin, api, hosts, origins = json.loads(result.stdout.strip().splitlines()[-1])
    assert base == admin == api == PUBLIC
    assert hosts == ["www.circulaire-aankopers.be", "circulaire-aankopers.be"]
    assert PUBLIC in origins


def test_development_defaults_to_the_local_server():
    result = run_manage(
        "shell",
        "-c",
        SHOW_SETTINGS,
        env_overrides={"DJANGO_SETTINGS_MODULE": "network.settings.dev"},
        drop=("BASE_URL", "ALLOWED_HOSTS"),
    )
    assert result.returncode == 0, result.stderr
    base, admin, api, hosts, _origins = json.loads(result.stdout.strip().splitlines()[-1])
    assert base == admin == api == "http://127.0.0.1:8000"
    assert "localhost" in hosts
