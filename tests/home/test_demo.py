"""The demo loader builds a trilingual site and is idempotent."""

from collections import Counter

import pytest
from django.core.management import call_command
from wagtail.models import Page, Site
from wagtail_localize.models import Translation

from home import demo as home_demo


def snapshot():
    pages = Counter(
        (p.locale.language_code, p.specific_class.__name__, p.url_path)
        for p in Page.objects.select_related("locale").filter(depth__gt=1)
    )
    return pages, Translation.objects.count()


@pytest.mark.django_db
def test_home_demo_is_idempotent_and_trilingual(client):
    # The whole `load_demo` command runs twice in tests/knowledge/test_demo_content.py; here
    # only the home app's part, which every other part builds on.
    home_demo.load()
    first = snapshot()
    home_demo.load()
    assert snapshot() == first

    pages, translations = first
    home_pages = Counter(
        language for language, kind, _ in pages if kind in ("HomePage", "StandardPage")
    )
    assert home_pages["nl"] == home_pages["fr"] == home_pages["en"] > 1
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
