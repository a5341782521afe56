"""A site with the knowledge base and the call for pilots in nl, fr and en."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from intake.models import PilotCallPage
from tests.conftest import publish
from tests.knowledge.conftest import knowledge_tree  # noqa: F401 - shared fixture

CALL_SLUGS = {"nl": "oproep", "fr": "appel", "en": "call"}


@pytest.fixture
def call_pages(knowledge_tree):  # noqa: F811
    """The call page per language: {"nl": page, "fr": page, "en": page}."""
    tree = knowledge_tree.site_tree
    source = PilotCallPage(title="Oproep", slug=CALL_SLUGS["nl"], intro="Stel je gebouw voor.")
    tree.homes["nl"].add_child(instance=source)
    pages = {"nl": publish(source)}
    for code in ("fr", "en"):
        pages[code] = tree.translate(source, code, title=f"Call {code}", slug=CALL_SLUGS[code])
    return pages


def png(name="gebouw.png", size=(20, 10)):
    buffer = io.BytesIO()
    Image.new("RGB", size, (120, 160, 90)).save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def proposal(**overrides):
    """A complete, valid proposal as the form posts it."""
    data = {
        "organisation": "Gemeente Testegem",
        "contact_name": "An Peeters",
        "email": "an@testegem.be",
        "phone": "",
        "address": "Kerkstraat 1",
        "postcode": "9000",
        "municipality": "Gent",
        "building_type": "school",
        "floor_area_m2": "1800",
        "vacant_since": "2020",
        "owner": "OCMW Testegem",
        "state": "Dak lekt, structuur gezond.",
        "opportunities": "Jeugdhuis en repaircafé in de straat.",
        "helps_map_neighbourhood": "on",
        "joins_workshop": "on",
        "understands_no_obligation": "on",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}
