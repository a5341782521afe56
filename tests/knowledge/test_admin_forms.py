"""The knowledge page form in the admin: theme checkboxes in the page's language."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError

from knowledge.models import LessonPage
from tests.conftest import publish
from tests.knowledge.factories import LessonPageFactory, ThemeFactory


@pytest.fixture
def editor(db):
    return User.objects.create_superuser("redactie", "redactie@example.org", "x")


def lesson_form(editor, page, parent):
    form_class = LessonPage.get_edit_handler().get_form_class()
    return form_class(instance=page, parent_page=parent, for_user=editor)


def theme_labels(form):
    return sorted(str(theme) for theme in form.fields["themes"].queryset)


def test_the_add_form_lists_the_themes_of_the_pages_language(client, editor, knowledge_tree):
    client.force_login(editor)
    index = knowledge_tree.indexes["fr"]
    response = client.get(f"/admin/pages/add/knowledge/lessonpage/{index.pk}/")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    boxes = soup.select('input[name="themes"]')
    labels = sorted(" ".join(box.find_parent("label").get_text().split()) for box in boxes)
    assert labels == ["Mobilier", "TIC"]


def test_chosen_themes_show_in_the_pages_language(editor, knowledge_tree):
    themes = knowledge_tree.themes
    page = LessonPageFactory(parent=knowledge_tree.indexes["nl"], title="Stoelen")
    page.themes.set([themes["furniture"]["fr"]])  # e.g. kept from the page it came from
    publish(page)
    form = lesson_form(editor, page, knowledge_tree.indexes["nl"])
    assert theme_labels(form) == ["ICT", "Meubilair"]
    assert form.initial["themes"] == [themes["furniture"]["nl"].pk]


def test_a_chosen_theme_without_translation_is_kept(editor, knowledge_tree):
    only_dutch = ThemeFactory(name="Textiel", slug="textiel")
    page = LessonPageFactory(parent=knowledge_tree.indexes["en"], title="Uniforms")
    page.themes.set([only_dutch, knowledge_tree.themes["ict"]["nl"]])
    publish(page)
    form = lesson_form(editor, page, knowledge_tree.indexes["en"])
    assert theme_labels(form) == ["Furniture", "ICT", "Textiel"]
    assert sorted(form.initial["themes"]) == sorted(
        [only_dutch.pk, knowledge_tree.themes["ict"]["en"].pk]
    )


def test_a_theme_of_another_language_is_refused(editor, knowledge_tree):
    page = LessonPageFactory(parent=knowledge_tree.indexes["nl"], title="Laptops")
    publish(page)
    field = lesson_form(editor, page, knowledge_tree.indexes["nl"]).fields["themes"]
    assert list(field.clean([knowledge_tree.themes["ict"]["nl"].pk])) == [
        knowledge_tree.themes["ict"]["nl"]
    ]
    with pytest.raises(ValidationError):
        field.clean([knowledge_tree.themes["ict"]["fr"].pk])
