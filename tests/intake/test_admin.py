"""The "Candidate pilots" queue: what it lists, decisions by e-mail, and "create pilot case"."""

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from intake.models import CandidatePilot, CandidateStatus
from knowledge.models.pages import PilotCasePage
from tests.network.factories import UserFactory

pytestmark = pytest.mark.django_db


def candidate(call_page, confirmed=True, **fields):
    values = {
        "organisation": "Gemeente Testegem",
        "contact_name": "An Peeters",
        "email": "an@testegem.be",
        "address": "Kerkstraat 1",
        "postcode": "9000",
        "municipality": "Gent",
        "building_type": "farm",
        "floor_area_m2": 900,
        "vacant_since": 2018,
        "owner": "Familie Peeters",
        "state": "Stallen in goede staat.",
        "opportunities": "Boerenmarkt en natuurvereniging.",
        "language": "nl",
        "call_page": call_page,
        "confirmed_at": timezone.now() if confirmed else None,
    }
    values.update(fields)
    return CandidatePilot.objects.create(**values)


@pytest.fixture
def editor_client(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def test_queue_lists_confirmed_proposals_and_filters_by_status(editor_client, call_pages):
    candidate(call_pages["nl"], organisation="Bevestigd Nieuw")
    candidate(call_pages["nl"], organisation="Bevestigd Gekozen", status=CandidateStatus.SELECTED)
    candidate(call_pages["nl"], confirmed=False, organisation="Niet bevestigd")
    url = reverse("candidate_pilots:index")
    html = editor_client.get(url).content.decode()
    assert "Bevestigd Nieuw" in html and "Bevestigd Gekozen" in html
    assert "Niet bevestigd" not in html
    filtered = editor_client.get(url, {"status": "selected"}).content.decode()
    assert "Bevestigd Gekozen" in filtered
    assert "Bevestigd Nieuw" not in filtered


def test_queue_names_a_building_of_another_type_in_its_own_words(editor_client, call_pages):
    candidate(call_pages["nl"], building_type="other", building_type_other="oud zwembad")
    html = editor_client.get(reverse("candidate_pilots:index")).content.decode()
    assert "oud zwembad" in html


def test_queue_query_count_does_not_grow_with_candidates(editor_client, call_pages):
    url = reverse("candidate_pilots:index")
    for number in range(2):
        candidate(call_pages["nl"], organisation=f"Org {number}")
    editor_client.get(url)
    with CaptureQueriesContext(connection) as few:
        editor_client.get(url)
    for number in range(2, 8):
        candidate(call_pages["nl"], organisation=f"Org {number}")
    with CaptureQueriesContext(connection) as many:
        editor_client.get(url)
    assert len(many) == len(few)


def test_queue_is_closed_to_people_without_permission(client, call_pages):
    item = candidate(call_pages["nl"])
    client.force_login(UserFactory(is_staff=False))
    response = client.get(reverse("candidate_pilots:edit", args=[item.pk]))
    assert response.status_code in (302, 403)
    photo = client.get(reverse("candidate_pilots:photo", args=[1]))
    assert photo.status_code in (302, 403)


def test_unconfirmed_proposal_cannot_be_opened(editor_client, call_pages):
    item = candidate(call_pages["nl"], confirmed=False)
    response = editor_client.get(reverse("candidate_pilots:edit", args=[item.pk]))
    assert response.status_code == 404


@pytest.mark.parametrize(
    ("language", "status", "word"),
    [
        ("fr", CandidateStatus.SELECTED, "sélectionné"),
        ("en", CandidateStatus.DECLINED, "did not select"),
        ("nl", CandidateStatus.SELECTED, "geselecteerd"),
    ],
)
def test_decision_is_mailed_once_in_the_applicants_language(
    editor_client, call_pages, language, status, word
):
    item = candidate(call_pages[language], language=language)
    url = reverse("candidate_pilots:edit", args=[item.pk])
    page = editor_client.get(url)
    assert "Kerkstraat 1" in page.content.decode()
    editor_client.post(url, {"status": status, "notes": "Past in reeks"})
    item.refresh_from_db()
    assert item.status == status
    assert item.notes == "Past in reeks"
    assert len(mail.outbox) == 1
    assert word in mail.outbox[0].body
    assert mail.outbox[0].extra_headers["Content-Language"] == language
    editor_client.post(url, {"status": status, "notes": "Nog eens bewaard"})
    assert len(mail.outbox) == 1


def test_review_status_sends_nothing(editor_client, call_pages):
    item = candidate(call_pages["nl"])
    url = reverse("candidate_pilots:edit", args=[item.pk])
    editor_client.post(url, {"status": CandidateStatus.IN_REVIEW, "notes": ""})
    assert not mail.outbox


def test_create_pilot_case_makes_one_draft_filled_from_the_proposal(editor_client, call_pages):
    item = candidate(call_pages["nl"])
    url = reverse("candidate_pilots:create_pilot_case", args=[item.pk])
    assert editor_client.get(url).status_code == 200
    response = editor_client.post(url)
    page = PilotCasePage.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert not page.live
    assert page.has_unpublished_changes
    assert page.locale.language_code == "nl"
    assert page.building_type == "farm"
    assert page.municipality == "Gent"
    assert page.surface_m2 == 900
    assert page.vacant_since == 2018
    assert "Gent" in page.title
    assert page.get_latest_revision() is not None
    item.refresh_from_db()
    assert item.pilot_case_id == page.pk
    editor_client.post(url)
    assert PilotCasePage.objects.count() == 1


def test_create_pilot_case_opens_the_draft_in_the_editor(editor_client, call_pages):
    item = candidate(call_pages["nl"], building_type="other", building_type_other="zwembad")
    response = editor_client.post(
        reverse("candidate_pilots:create_pilot_case", args=[item.pk]), follow=True
    )
    assert response.status_code == 200
    page = PilotCasePage.objects.get()
    assert (page.building_type, page.building_type_other) == ("other", "zwembad")
    assert page.title == "Zwembad Gent"
    assert 'value="zwembad"' in response.content.decode()  # in the editor's form


def test_editor_sees_the_photos_of_a_proposal(editor_client, call_pages):
    from intake.models import CandidatePhoto
    from tests.intake.conftest import png

    item = candidate(call_pages["nl"])
    photo = CandidatePhoto.objects.create(candidate=item, image=png())
    response = editor_client.get(reverse("candidate_pilots:photo", args=[photo.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"\x89PNG")


def test_the_editors_group_works_the_queue(client, call_pages):
    from django.contrib.auth.models import Group

    editor = UserFactory()
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    item = candidate(call_pages["nl"])
    assert client.get(reverse("candidate_pilots:index")).status_code == 200
    assert client.get(reverse("candidate_pilots:edit", args=[item.pk])).status_code == 200
    assert client.get(reverse("theme_proposals:index")).status_code == 200
    assert not editor.has_perm("intake.add_candidatepilot")
    assert not editor.has_perm("intake.delete_candidatepilot")
