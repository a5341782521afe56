"""Editorial flow: review workflow, scheduled publishing, editor reports."""

import datetime
import time

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.utils import timezone

from knowledge.models import LessonPage
from knowledge.reports import pages_due_for_review
from knowledge.workflows import MODERATORS_GROUP_NAME, REVIEW_WORKFLOW_NAME
from network.demo.localize import Glossary, T, translate
from tests.knowledge.factories import LessonPageFactory


def test_knowledge_sections_get_the_review_workflow(knowledge_tree):
    for language in ("nl", "fr", "en"):
        workflow = knowledge_tree.indexes[language].get_workflow()
        assert workflow is not None and workflow.name == REVIEW_WORKFLOW_NAME
    lesson = LessonPageFactory(parent=knowledge_tree.indexes["nl"])
    assert lesson.get_workflow().name == REVIEW_WORKFLOW_NAME


def test_lesson_goes_live_only_after_moderator_approval(knowledge_tree):
    editor = User.objects.create_user("editor", password="x")
    moderator = User.objects.create_user("moderator", password="x")
    moderator.groups.add(Group.objects.get(name=MODERATORS_GROUP_NAME))
    lesson = LessonPageFactory(parent=knowledge_tree.indexes["nl"], live=False)
    lesson.save_revision(user=editor)

    workflow = lesson.get_workflow()
    state = workflow.start(lesson, editor)
    lesson.refresh_from_db()
    assert not lesson.live
    task_state = state.current_task_state
    task = task_state.task.specific
    assert task.get_actions(lesson, editor) == []  # an editor cannot approve
    assert [name for name, *_ in task.get_actions(lesson, moderator)][:2] == ["reject", "approve"]

    task.on_action(task_state, moderator, "approve")
    lesson.refresh_from_db()
    assert lesson.live


def test_scheduled_publishing_goes_live_when_due(knowledge_tree):
    lesson = LessonPageFactory(parent=knowledge_tree.indexes["nl"], live=False)
    lesson.go_live_at = timezone.now() + datetime.timedelta(seconds=2)
    lesson.save_revision().publish()
    lesson.refresh_from_db()
    assert not lesson.live  # scheduled, not yet live

    call_command("publish_scheduled", verbosity=0)
    lesson.refresh_from_db()
    assert not lesson.live  # too early

    time.sleep(2.5)
    call_command("publish_scheduled", verbosity=0)
    lesson.refresh_from_db()
    assert lesson.live


def test_review_report_lists_pages_not_reviewed_for_18_months(knowledge_tree):
    nl = knowledge_tree.indexes["nl"]
    today = datetime.date(2026, 11, 28)
    old = LessonPageFactory(parent=nl, title="Oud", publication_date=datetime.date(2020, 1, 1))
    LessonPageFactory(
        parent=nl,
        title="Oud maar nagekeken",
        publication_date=datetime.date(2019, 1, 1),
        last_reviewed=datetime.date(2026, 1, 1),
    )
    stale_review = LessonPageFactory(
        parent=nl,
        title="Lang geleden nagekeken",
        publication_date=datetime.date(2018, 1, 1),
        last_reviewed=datetime.date(2024, 1, 1),
    )
    LessonPageFactory(parent=nl, title="Nieuw", publication_date=datetime.date(2026, 6, 1))
    due = list(pages_due_for_review(today=today))
    assert [page.pk for page in due] == [old.pk, stale_review.pk]
    assert old.is_review_overdue(today)


@pytest.fixture
def admin_client(client, knowledge_tree):
    admin = User.objects.create_superuser("boss", "boss@example.org", "x")
    client.force_login(admin)
    return client


def test_review_report_in_the_admin(admin_client, knowledge_tree):
    LessonPageFactory(
        parent=knowledge_tree.indexes["nl"],
        title="Heel oude les",
        publication_date=datetime.date(2015, 1, 1),
    )
    response = admin_client.get("/admin/reports/knowledge-review/")
    assert response.status_code == 200
    assert "Heel oude les" in response.content.decode()
    export = admin_client.get("/admin/reports/knowledge-review/?export=csv")
    assert export.status_code == 200
    assert "Heel oude les" in b"".join(export.streaming_content).decode()


def test_translation_status_report_shows_missing_and_outdated(admin_client, knowledge_tree):
    glossary = Glossary()
    lesson = LessonPage(
        title=glossary.add(T(nl="Stoelen huren", fr="Louer des chaises", en="Renting chairs")),
        slug=glossary.add(T(nl="stoelen-huren", fr="louer-des-chaises", en="renting-chairs")),
        summary=glossary.add(T(nl="Kort.", fr="Bref.", en="Short.")),
        context=glossary.paragraph(T(nl="Een context.", fr="Un contexte.", en="A context.")),
        evidence_source="member",
    )
    knowledge_tree.indexes["nl"].add_child(instance=lesson)
    lesson.save_revision().publish()
    translate(lesson, glossary, languages=("fr",))
    LessonPageFactory(parent=knowledge_tree.indexes["nl"], title="Enkel Nederlands")

    content = admin_client.get("/admin/reports/translation-status/").content.decode()
    assert "EN: ontbreekt" in content or "EN: missing" in content
    assert "FR: up to date" in content or "FR: bijgewerkt" in content

    lesson.refresh_from_db()
    lesson.summary = "Gewijzigd."
    lesson.save_revision().publish()
    content = admin_client.get("/admin/reports/translation-status/").content.decode()
    assert "FR: out of date" in content or "FR: verouderd" in content


def test_reports_need_admin_access(client, knowledge_tree):
    User.objects.create_user("reader", password="x")
    client.login(username="reader", password="x")
    response = client.get("/admin/reports/translation-status/")
    assert response.status_code in (302, 403)
