"""Editing clauses and themes like knowledge: drafts, revisions, the "Review knowledge"
workflow, the Editors and Moderators groups, and readers who see only what is live."""

import pytest
from django.contrib.auth.models import Group, User
from django.contrib.contenttypes.models import ContentType
from wagtail.models import WorkflowContentType

from knowledge.models import TenderClause, Theme
from knowledge.workflows import MODERATORS_GROUP_NAME, REVIEW_WORKFLOW_NAME
from tests.knowledge.factories import TenderClauseFactory

pytestmark = pytest.mark.django_db


def editor_and_moderator():
    editor = User.objects.create_user("editor", password="x")
    editor.groups.add(Group.objects.get(name="Editors"))
    moderator = User.objects.create_user("moderator", password="x")
    moderator.groups.add(Group.objects.get(name=MODERATORS_GROUP_NAME))
    return editor, moderator


def test_groups_may_edit_clauses_and_themes_and_only_moderators_publish(knowledge_tree):
    editor, moderator = editor_and_moderator()
    for model in ("tenderclause", "theme"):
        assert editor.has_perm(f"knowledge.add_{model}")
        assert editor.has_perm(f"knowledge.change_{model}")
        assert not editor.has_perm(f"knowledge.publish_{model}")
        assert not editor.has_perm(f"knowledge.delete_{model}")
        assert moderator.has_perm(f"knowledge.publish_{model}")
    for model in (TenderClause, Theme):
        assigned = WorkflowContentType.objects.get(
            content_type=ContentType.objects.get_for_model(model)
        )
        assert assigned.workflow.name == REVIEW_WORKFLOW_NAME


def test_clause_edit_stays_a_draft_until_a_moderator_approves(client, knowledge_tree):
    editor, moderator = editor_and_moderator()
    clause = TenderClauseFactory(
        title="Terugname van meubilair", theme=knowledge_tree.themes["furniture"]["nl"]
    )
    french = clause.copy_for_translation(knowledge_tree.site_tree.locales["fr"])
    french.slug, french.theme = "reprise", knowledge_tree.themes["furniture"]["fr"]
    french.save()
    url = f"/nl/kennisbank/clauses/{clause.slug}/"

    clause.title = "Terugname en hergebruik van meubilair"
    clause.ambition_level = 3
    clause.save_revision(user=editor)
    clause.refresh_from_db()
    assert clause.has_unpublished_changes
    assert "Terugname van meubilair" in client.get(url).content.decode()
    french.refresh_from_db()
    assert french.ambition_level == 1  # facts follow only what is published

    state = clause.get_workflow().start(clause, editor)
    task_state = state.current_task_state
    task = task_state.task.specific
    assert task.get_actions(clause, editor) == []  # an editor cannot approve
    task.on_action(task_state, moderator, "approve")
    clause.refresh_from_db()
    assert clause.title == "Terugname en hergebruik van meubilair"
    assert clause.live_revision_id == clause.latest_revision_id is not None
    assert "Terugname en hergebruik van meubilair" in client.get(url).content.decode()
    french.refresh_from_db()
    assert french.ambition_level == 3


def test_a_new_clause_or_theme_saved_as_draft_is_not_public(client, knowledge_tree):
    theme = Theme(
        name="Mobiliteit", slug="mobiliteit", locale=knowledge_tree.site_tree.locales["nl"]
    )
    theme.live = False
    theme.save()
    clause = TenderClauseFactory(title="Deelwagens", slug="deelwagens", theme=theme, live=False)
    assert client.get("/nl/kennisbank/clauses/deelwagens/").status_code == 404
    assert "Deelwagens" not in client.get("/nl/kennisbank/clauses/").content.decode()
    assert client.get("/nl/kennisbank/themes/mobiliteit/").status_code == 404
    assert "Deelwagens" not in client.get("/nl/kennisbank/open-data/clauses/json/").content.decode()
    assert "deelwagens" not in client.get("/sitemap.xml").content.decode()
    response = client.post("/nl/selection/add/", {"clause": clause.pk}, follow=True)
    assert "We vonden die clausule niet" in response.content.decode()


def test_editor_creates_a_clause_in_the_admin_as_a_draft(client, knowledge_tree):
    editor, _moderator = editor_and_moderator()
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    response = client.get("/admin/snippets/knowledge/tenderclause/add/")
    assert response.status_code == 200
    page = response.content.decode()
    assert 'name="action-publish"' not in page  # no publish button for an editor
    assert "action-submit" in page  # submit to the review workflow instead
    response = client.get("/admin/snippets/knowledge/theme/")
    assert response.status_code == 200


def test_draft_themes_and_clauses_are_offered_nowhere_else(knowledge_tree):
    """The topic and profile forms, the agenda's themes and the book take only live ones."""
    from django.utils import translation

    from agenda.listing import themes_by_key
    from knowledge.books import localized_clauses
    from network.forms import MemberProfileForm
    from network.topic_views import TopicForm

    nl = knowledge_tree.site_tree.locales["nl"]
    draft = Theme(name="Mobiliteit", slug="mobiliteit", locale=nl)
    draft.live = False
    draft.save()
    live = knowledge_tree.themes["furniture"]["nl"]
    with translation.override("nl"):
        for form in (TopicForm(), MemberProfileForm()):
            field = form.fields["theme" if isinstance(form, TopicForm) else "themes"]
            assert live in field.queryset
            assert draft not in field.queryset
    assert draft.translation_key not in themes_by_key(nl)
    assert live.translation_key in themes_by_key(nl)
    published = TenderClauseFactory(title="Terugname", slug="terugname", theme=live)
    unpublished = TenderClauseFactory(title="Deelwagens", slug="deelwagens", theme=live, live=False)
    assert localized_clauses([unpublished.pk, published.pk], nl.pk) == [published]
