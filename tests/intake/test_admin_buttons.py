"""The edit views of the intake queues offer, in their header, to make the draft page."""

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from intake import board
from intake.models import ThemeBoardPage
from tests.conftest import publish
from tests.intake.test_admin import candidate
from tests.network.factories import UserFactory, member

pytestmark = pytest.mark.django_db


def admin_text(text):
    """`text` as the admin shows it (in the site's default language, Dutch)."""
    with translation.override("nl"):
        return gettext(text)


def test_candidate_edit_view_offers_create_pilot_case(client, call_pages):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    item = candidate(call_pages["nl"])
    html = client.get(reverse("candidate_pilots:edit", args=[item.pk])).content.decode()
    target = reverse("candidate_pilots:create_pilot_case", args=[item.pk])
    # Once in the header's "more" menu, once beside the proposal's facts.
    assert html.count(f'href="{target}"') == 2
    assert admin_text("Create pilot case") in html


def test_proposal_edit_view_offers_create_work_session(client, site_tree):
    source = ThemeBoardPage(title="Thema's", slug="themas", intro="Kies mee.")
    site_tree.homes["nl"].add_child(instance=source)
    publish(source)
    proposal = board.propose_theme(source, member(), "Textiel", "Hergebruik", "nl")
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    html = client.get(reverse("theme_proposals:edit", args=[proposal.pk])).content.decode()
    target = reverse("theme_proposals:create_work_session", args=[proposal.pk])
    assert html.count(f'href="{target}"') == 1
    assert admin_text("Create work session") in html
