"""seed_scale: many synthetic lessons, inserted table by table, that are ordinary Wagtail pages."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from wagtail.models import Page

from agenda.models import EventKind, EventPage
from knowledge.management.commands import seed_scale
from knowledge.models import KnowledgeIndexPage, LessonPage, Theme
from network.models import Organisation
from tests.conftest import publish
from tests.events.factories import EventIndexPageFactory, EventPageFactory


@pytest.fixture
def dutch_index(site_tree):
    """A live Dutch knowledge index with two themes and two organisations."""
    index = KnowledgeIndexPage(title="Kennisbank", slug="kennisbank")
    site_tree.homes["nl"].add_child(instance=index)
    index.save_revision().publish()
    for name, slug in (("Meubilair", "meubilair"), ("ICT", "ict")):
        Theme.objects.create(locale=site_tree.locales["nl"], name=name, slug=slug)
    for name in ("Stad Gent", "Stad Leuven"):
        Organisation.objects.create(name=name, type="municipality")
    return Page.objects.get(pk=index.pk).specific


def seed(lessons, **options):
    out, err = StringIO(), StringIO()
    call_command("seed_scale", lessons=lessons, stdout=out, stderr=err, **options)
    return out.getvalue(), err.getvalue()


def lesson_data(index, seen=0):
    """What the seeder chose for each lesson under `index`, in tree order."""
    lessons = LessonPage.objects.child_of(index).order_by("path").prefetch_related("themes")
    return [
        (
            lesson.title,
            lesson.summary,
            lesson.context,
            lesson.phase,
            lesson.publication_date,
            lesson.last_reviewed,
            sorted(theme.slug for theme in lesson.themes.all()),
        )
        for lesson in lessons
    ][seen:]


def assert_tree_is_valid():
    assert all(not problems for problems in Page.find_problems())


@pytest.mark.django_db
def test_seed_scale_creates_exactly_n_live_lessons_in_a_valid_tree(dutch_index, monkeypatch):
    monkeypatch.setattr(seed_scale, "CHUNK_SIZE", 7)  # cross several insert rounds
    out, err = seed(25)

    lessons = LessonPage.objects.child_of(dutch_index)
    assert lessons.count() == 25
    assert not lessons.filter(live=False).exists()
    assert set(lessons.values_list("locale__language_code", flat=True)) == {"nl"}
    assert_tree_is_valid()
    assert Page.objects.get(pk=dutch_index.pk).numchild == 25
    assert len(set(lessons.values_list("translation_key", flat=True))) == 25
    for lesson in lessons.prefetch_related("themes"):
        assert lesson.url_path == f"{dutch_index.url_path}{lesson.slug}/"
        assert lesson.draft_title == lesson.title
        assert lesson.themes.all(), lesson.title
        assert lesson.first_published_at is not None
    assert "Created 25 lessons" in out.strip().splitlines()[-1]
    assert " s." in out
    assert "25/25" in err  # the progress bar


@pytest.mark.django_db
def test_seed_scale_adds_to_existing_children_without_clashes(dutch_index):
    seed(10)
    seed(15)
    lessons = LessonPage.objects.child_of(dutch_index)
    assert lessons.count() == 25
    assert len(set(lessons.values_list("slug", flat=True))) == 25
    assert len(set(lessons.values_list("path", flat=True))) == 25
    assert Page.objects.get(pk=dutch_index.pk).numchild == 25
    assert_tree_is_valid()


@pytest.mark.django_db
def test_seeded_lesson_renders_and_can_be_edited(dutch_index, client, admin_client):
    seed(5)
    lesson = LessonPage.objects.child_of(dutch_index).order_by("path").last()

    response = client.get(lesson.url)
    assert response.status_code == 200
    assert lesson.title in response.content.decode()

    edit_url = reverse("wagtailadmin_pages:edit", args=[lesson.pk])
    assert admin_client.get(edit_url).status_code == 200

    lesson.title = "Bijgewerkte les over hergebruik"
    lesson.save_revision().publish()
    lesson.refresh_from_db()
    assert lesson.title == "Bijgewerkte les over hergebruik"
    assert lesson.live and not lesson.has_unpublished_changes
    assert_tree_is_valid()
    assert client.get(lesson.url).status_code == 200


@pytest.mark.django_db
def test_seed_scale_is_deterministic_for_a_seed(dutch_index):
    seed(12, seed=7)
    first = lesson_data(dutch_index)
    seed(12, seed=7)
    assert lesson_data(dutch_index, seen=12) == first
    seed(12, seed=8)
    assert lesson_data(dutch_index, seen=24) != first


@pytest.mark.django_db
@pytest.mark.parametrize("value", ["0", "-5", "abc", "200000", "100001", "1.5", ""])
def test_seed_scale_rejects_a_bad_count_with_one_clear_line(dutch_index, value):
    with pytest.raises(CommandError) as error:
        seed(value)
    message = str(error.value)
    assert "from 1 to 100,000" in message
    assert "\n" not in message
    assert not LessonPage.objects.exists()


@pytest.mark.django_db
def test_seed_scale_needs_the_demo_index_first(site_tree):
    with pytest.raises(CommandError, match="load_demo"):
        seed(10)
    assert not LessonPage.objects.exists()


@pytest.fixture
def dutch_agenda(dutch_index):
    """A live Dutch agenda next to the knowledge index, with one event already in it."""
    agenda = EventIndexPageFactory(parent=dutch_index.get_parent())
    publish(agenda)
    publish(EventPageFactory(parent=agenda, slug="studiedag", title="Studiedag"))
    return Page.objects.get(pk=agenda.pk).specific


@pytest.mark.django_db
def test_seed_scale_adds_n_live_events_to_the_dutch_agenda(dutch_agenda, client):
    out, _ = seed(None, events=15)
    seed(None, events=5, seed=2)

    events = EventPage.objects.child_of(dutch_agenda).exclude(slug="studiedag")
    assert events.count() == 20
    assert not events.filter(live=False).exists()
    assert set(events.values_list("locale__language_code", flat=True)) == {"nl"}
    assert set(events.values_list("kind", flat=True)) <= set(EventKind.values)
    assert len(set(events.values_list("slug", flat=True))) == 20
    assert Page.objects.get(pk=dutch_agenda.pk).numchild == 21
    assert not LessonPage.objects.exists()
    assert_tree_is_valid()
    assert "Created 15 events" in out
    for event in events:
        assert event.url_path == f"{dutch_agenda.url_path}{event.slug}/"
        assert event.start < event.end
        assert event.summary and event.venue_name
    event = events.order_by("path").last()
    response = client.get(event.url)
    assert response.status_code == 200
    assert event.title in response.content.decode()


@pytest.mark.django_db
def test_seed_scale_creates_lessons_and_events_in_one_run(dutch_agenda, dutch_index):
    out, _ = seed(4, events=3)
    assert LessonPage.objects.child_of(dutch_index).count() == 4
    assert EventPage.objects.child_of(dutch_agenda).count() == 4
    assert "Created 4 lessons" in out
    assert "Created 3 events" in out
    assert_tree_is_valid()


@pytest.mark.django_db
def test_seeded_events_are_deterministic_for_a_seed(dutch_agenda):
    def seeded(seen):
        events = EventPage.objects.child_of(dutch_agenda).exclude(slug="studiedag")
        rows = events.order_by("path").values_list("title", "kind", "summary", "capacity")
        return list(rows)[seen:]

    seed(None, events=6, seed=3)
    first = seeded(0)
    seed(None, events=6, seed=3)
    assert seeded(6) == first


@pytest.mark.django_db
@pytest.mark.parametrize("value", ["0", "-1", "many", "10001"])
def test_seed_scale_rejects_a_bad_event_count(dutch_agenda, value):
    with pytest.raises(CommandError, match="--events must be a whole number from 1 to 10,000"):
        seed(None, events=value)
    assert EventPage.objects.count() == 1


@pytest.mark.django_db
def test_seed_scale_needs_something_to_create(dutch_index):
    with pytest.raises(CommandError, match="--lessons N, --events N"):
        seed(None)


@pytest.mark.django_db
def test_seed_scale_needs_the_demo_agenda_for_events(dutch_index):
    with pytest.raises(CommandError, match="load_demo"):
        seed(None, events=3)
    assert not EventPage.objects.exists()
