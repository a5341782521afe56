"""A building of another type: the proposal describes it, and the draft pilot case keeps it."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from intake.models import CandidatePilot
from intake.services import create_pilot_case
from knowledge.models.pages import PilotCasePage
from tests.intake.conftest import proposal

pytestmark = pytest.mark.django_db

ERRORS = {
    "nl": "Je koos “Iets anders”: beschrijf het soort gebouw.",
    "fr": "Vous avez choisi « Autre » : décrivez le type de bâtiment.",
    "en": "You chose “Other”: describe the type of building.",
}


def test_the_form_asks_for_a_description_of_another_type(client, call_pages):
    html = client.get(call_pages["nl"].url).content.decode()
    assert 'name="building_type" value="other"' in html
    assert 'name="building_type_other"' in html
    assert 'aria-describedby="id_building_type_other-help"' in html


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_other_without_a_description_is_refused_in_the_readers_language(
    client, call_pages, language
):
    response = client.post(
        call_pages[language].url, proposal(building_type="other", building_type_other="  ")
    )
    assert response.status_code == 400
    form = response.context["form"]
    assert list(form.errors) == ["building_type_other"]
    html = response.content.decode()
    assert ERRORS[language] in html
    assert form.errors["building_type_other"] == [ERRORS[language]]
    assert 'id="id_building_type_other-error"' in html
    field = re.search(r'<input[^>]*name="building_type_other"[^>]*>', html).group(0)
    assert "id_building_type_other-error" in field  # the input points at its error
    assert not CandidatePilot.objects.exists()


def test_other_with_a_description_is_kept_in_its_own_words(client, call_pages):
    response = client.post(
        call_pages["nl"].url,
        proposal(building_type="other", building_type_other="  oud   zwembad "),
    )
    assert response.status_code == 302
    assert CandidatePilot.objects.get().building_type_other == "oud zwembad"


def test_a_description_with_a_listed_type_is_not_kept(client, call_pages):
    response = client.post(
        call_pages["nl"].url, proposal(building_type="school", building_type_other="zwembad")
    )
    assert response.status_code == 302
    item = CandidatePilot.objects.get()
    assert (item.building_type, item.building_type_other) == ("school", "")
    with translation.override("en"):
        assert item.building_type_label == "School building"


def test_the_draft_pilot_case_carries_the_described_type(call_pages, knowledge_tree):
    item = CandidatePilot.objects.create(
        organisation="Gemeente Testegem",
        contact_name="An Peeters",
        email="an@testegem.be",
        address="Badstraat 3",
        postcode="9000",
        municipality="Gent",
        building_type="other",
        building_type_other="oud zwembad",
        floor_area_m2=1200,
        vacant_since=2015,
        owner="Stad Gent",
        state="Bad leeg, dak goed.",
        opportunities="Sportclubs.",
        language="nl",
    )
    page, created = create_pilot_case(item, knowledge_tree.indexes["nl"])
    assert created
    page = PilotCasePage.objects.get(pk=page.pk)
    assert (page.building_type, page.building_type_other) == ("other", "oud zwembad")
    assert page.title == "Oud zwembad Gent"
    assert page.building_type_label == "oud zwembad"
    revision = page.get_latest_revision_as_object()
    assert revision.building_type_other == "oud zwembad"
    page.clean()  # the building facts pass the page's rule for "other"


def test_a_pilot_case_of_another_type_needs_its_description(knowledge_tree):
    page = PilotCasePage(building_type="other", building_type_other="")
    with pytest.raises(ValidationError) as refused:
        page.clean()
    assert "building_type_other" in refused.value.message_dict
    page.building_type_other = "zwembad"
    page.clean()


def test_the_pilot_case_page_names_the_described_type(client, knowledge_tree):
    from tests.conftest import publish
    from tests.knowledge.factories import PilotCasePageFactory

    page = PilotCasePageFactory(
        parent=knowledge_tree.indexes["nl"],
        title="Zwembad Gent",
        slug="zwembad-gent",
        building_type="other",
        building_type_other="zwembad",
    )
    publish(page)
    html = client.get(page.url).content.decode()
    assert "<dd>zwembad, " in html
