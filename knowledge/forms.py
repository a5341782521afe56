"""Admin forms of the knowledge base."""

from django.db.models import Q
from wagtail.admin.forms import WagtailAdminPageForm


class KnowledgePageForm(WagtailAdminPageForm):
    """The theme checkboxes list the themes of the page's language, one box per theme.

    A page's themes stand for all their translations (listings, filters and search go by
    translation key, and wagtail-localize keeps translated pages on their source's themes),
    so the editor sees each chosen theme in the page's language. A chosen theme that has no
    translation in that language stays listed, so saving never drops it.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("themes")
        locale_id = self.instance.locale_id or getattr(self.parent_page, "locale_id", None)
        if field is None or locale_id is None:
            return
        from knowledge.models import Theme

        chosen = list(self.instance.themes.all())
        in_language = {
            theme.translation_key: theme.pk
            for theme in Theme.objects.filter(
                locale_id=locale_id, translation_key__in=[theme.translation_key for theme in chosen]
            )
        }
        untranslated = [theme.pk for theme in chosen if theme.translation_key not in in_language]
        field.queryset = Theme.objects.filter(Q(locale_id=locale_id) | Q(pk__in=untranslated))
        self.initial["themes"] = [in_language.get(t.translation_key, t.pk) for t in chosen]
