"""A refusing mail server never loses a proposal, a decision or a theme-board e-mail.

The proposal, the decision and the work session are saved and the page answers as usual;
the e-mail is kept and `retry_failed_emails` sends it later in its reader's language.
"""

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from agenda.models import EventIndexPage, WorkSessionPage
from intake import board
from intake.models import CandidatePilot, CandidateStatus, ProposalStatus, ThemeBoardPage
from network.models import KeptEmail
from tests.conftest import publish
from tests.intake.conftest import proposal
from tests.intake.test_admin import candidate
from tests.mail_backends import REFUSING
from tests.network.factories import UserFactory, member

pytestmark = pytest.mark.django_db


def retry_when_due():
    """Run the cron command once before the wait has passed, then once after it."""
    call_command("retry_failed_emails", verbosity=0)
    assert mail.outbox == [], "not due yet"
    KeptEmail.objects.exclude(retry_after=None).update(retry_after=timezone.now())
    call_command("retry_failed_emails", verbosity=0)
    assert not KeptEmail.objects.exists()


def test_refused_proposal_email_is_kept_and_sent_later_in_the_proposals_language(
    client, call_pages
):
    with override_settings(EMAIL_BACKEND=REFUSING):
        response = client.post(call_pages["fr"].url, proposal())
    assert response.status_code == 302
    saved = CandidatePilot.objects.get()
    assert (saved.language, saved.confirmed_at) == ("fr", None)
    assert mail.outbox == []
    kept = KeptEmail.objects.get()
    assert (kept.kind, kept.object_id, kept.attempts) == ("intake.confirm", saved.pk, 1)
    assert "SMTPException" in kept.error

    retry_when_due()
    [message] = mail.outbox
    assert message.to == ["an@testegem.be"]
    assert message.subject.startswith("Confirmez")
    assert message.extra_headers["Content-Language"] == "fr"
    assert "/fr/appel/confirm/" in message.body


def test_a_refused_email_costs_the_proposal_one_query_more(
    client, call_pages, django_assert_num_queries
):
    client.post(call_pages["nl"].url, proposal(email="eerste@testegem.be"))  # warms caches
    with CaptureQueriesContext(connection) as accepted:
        client.post(call_pages["nl"].url, proposal(email="tweede@testegem.be"))
    assert len(mail.outbox) == 2
    with (
        override_settings(EMAIL_BACKEND=REFUSING),
        django_assert_num_queries(len(accepted) + 1),  # the kept e-mail's row
    ):
        response = client.post(call_pages["nl"].url, proposal(email="derde@testegem.be"))
    assert response.status_code == 302
    assert CandidatePilot.objects.count() == 3
    assert KeptEmail.objects.count() == 1


def test_refused_decision_is_saved_and_its_email_sent_later(client, call_pages):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    item = candidate(call_pages["en"], language="en")
    url = reverse("candidate_pilots:edit", args=[item.pk])
    with override_settings(EMAIL_BACKEND=REFUSING):
        response = client.post(url, {"status": CandidateStatus.DECLINED, "notes": "Te klein"})
    assert response.status_code == 302
    item.refresh_from_db()
    assert (item.status, item.decision_sent) == (CandidateStatus.DECLINED, "declined")
    assert KeptEmail.objects.get().kind == "intake.declined"

    # An editor changing the decision meanwhile sends that one as well; the kept e-mail
    # still reports the decision it was made for.
    with override_settings(EMAIL_BACKEND=REFUSING):
        client.post(url, {"status": CandidateStatus.SELECTED, "notes": "Toch"})
    assert sorted(KeptEmail.objects.values_list("kind", flat=True)) == [
        "intake.declined",
        "intake.selected",
    ]
    retry_when_due()
    assert [m.extra_headers["Content-Language"] for m in mail.outbox] == ["en", "en"]
    assert [m.subject for m in mail.outbox] == [
        "About your proposal for a pilot building",
        "Your building is selected as a pilot",
    ]
    assert "did not select" in mail.outbox[0].body


def test_refused_theme_board_email_is_sent_later_in_the_proposers_language(client, site_tree):
    source = ThemeBoardPage(title="Thema's", slug="themas", intro="Kies mee.")
    site_tree.homes["nl"].add_child(instance=source)
    publish(source)
    agenda = EventIndexPage(title="Agenda", slug="agenda")
    site_tree.homes["nl"].add_child(instance=agenda)
    publish(agenda)
    proposer = member(preferred_language="fr")
    proposal_ = board.propose_theme(source, proposer, "Textiel", "Hergebruik", "nl")
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    url = reverse("theme_proposals:create_work_session", args=[proposal_.pk])
    with override_settings(EMAIL_BACKEND=REFUSING):
        response = client.post(url)
    session = WorkSessionPage.objects.get()
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[session.pk])
    proposal_.refresh_from_db()
    assert proposal_.status == ProposalStatus.SCHEDULED
    kept = KeptEmail.objects.get()
    assert (kept.kind, kept.object_id) == ("intake.theme_scheduled", proposal_.pk)

    retry_when_due()
    [message] = mail.outbox
    assert message.to == [proposer.email]
    assert message.extra_headers["Content-Language"] == "fr"
    assert "séance de travail" in message.body
