"""In a real browser: pages whose image files went missing show no broken image and stay
accessible (axe, WCAG 2.1 AA); a lost rendition is made again and loads."""

from pathlib import Path

import pytest
from wagtail.images.models import Image, Rendition
from wagtail.images.tests.utils import get_test_image_file

from tests.conftest import publish
from tests.e2e.test_accessibility import assert_no_violations
from tests.knowledge.conftest import knowledge_tree  # noqa: F401 - shared fixture
from tests.knowledge.factories import PilotCasePageFactory
from tests.media.conftest import ensure_root_collection

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

GONE = "Gevel van de oude school, waarvan het bestand ontbreekt"
KEPT = "Binnenplaats met hergebruikte tegels"


@pytest.fixture(autouse=True)
def temporary_media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def broken_images(page):
    """Images the browser could not load (complete but without pixels)."""
    return page.eval_on_selector_all(
        "img", "images => images.filter(i => i.complete && i.naturalWidth === 0).map(i => i.src)"
    )


def test_a_gallery_with_a_missing_original_and_a_lost_rendition(page, live_server, knowledge_tree):  # noqa: F811
    ensure_root_collection()
    gone = Image.objects.create(title="Gevel", file=get_test_image_file(filename="gevel.png"))
    kept = Image.objects.create(title="Tegels", file=get_test_image_file(filename="tegels.png"))
    pilot = publish(
        PilotCasePageFactory(
            parent=knowledge_tree.indexes["nl"],
            title="De oude school",
            slug="school",
            gallery=[
                ("image", {"image": gone, "alt_text": GONE, "caption": ""}),
                ("image", {"image": kept, "alt_text": KEPT, "caption": ""}),
            ],
        )
    )
    lost = kept.get_rendition("fill-480x320")  # the gallery's size, made before the loss
    Path(lost.file.path).unlink()
    Path(gone.file.path).unlink()

    assert_no_violations(page, live_server.url + pilot.url)
    assert Rendition.objects.filter(image=kept).count() == 1
    placeholder = page.get_by_role("img", name=GONE)
    assert placeholder.is_visible()
    assert GONE in placeholder.inner_text()
    page.locator(f'img[alt="{KEPT}"]').evaluate("image => image.decode()")
    assert broken_images(page) == []
