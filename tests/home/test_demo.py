"""The demo loader builds a trilingual site and is idempotent."""

from collections import Counter

import pytest
from django.core.management import call_command
from wagtail.models import Page, Site
from wagtail_localize.models import Translation


def snapshot():
    pages = Counter(
        (p.locale.language_code, p.specific_class.__name__, p.url_path)
        for p in Page.objects.select_related("locale").filter(depth__gt=1)
    )
    return pages, Translation.objects.count()


@pytest.mark.django_db
def test_load_demo_is_idempotent_and_trilingual(client):
    call_command("load_demo", verbosity=0)
    first = snapshot()
    call_command("load_demo", verbosity=0)
    assert snapshot() == first

    pages, translations = first
    # The home app's pages exist in every language; some knowledge pages stay Dutch-only.
    home_pages = Counter(
        language for language, kind, _ in pages if kind in ("HomePage", "StandardPage")
    )
    assert home_pages["nl"] == home_pages["fr"] == home_pages["en"] > 1
    languages = Counter(language for language, _, _ in pages)
    assert languages["nl"] >= languages["fr"] > 1
    assert languages["nl"] >= languages["en"] > 1
    assert translations > 0
    assert all(count == 1 for count in pages.values())
    site = Site.objects.get(is_default_site=True)
    assert site.root_page.specific_class.__name__ == "HomePage"

    for language in ("nl", "fr", "en"):
        assert client.get(f"/{language}/", HTTP_HOST=site.hostname).status_code == 200


@pytest.mark.django_db
def test_ensure_local_admin_prints_its_password_once(capsys):
    call_command("ensure_local_admin")
    first = capsys.readouterr().out
    assert "password:" in first
    call_command("ensure_local_admin")
    second = capsys.readouterr().out
    assert "password:" not in second
    assert "exists already" in second
