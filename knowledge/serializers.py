"""API serializers for the related objects of knowledge pages.

Themes and tender clauses are shown in the language of the page that names them, each with
its language-independent `key` (knowledge/taxonomy_keys.py), so the datasets of the three
languages join. A linked page is shown only when it is live and public.
"""

from rest_framework import relations, serializers

from home.privacy import is_private
from knowledge.models.taxonomy import TenderClause
from knowledge.taxonomy_keys import clause_key, theme_data
from network.models import Organisation


class PageThemesField(serializers.Field):
    """A page's themes in the page's language: `[{"id", "key", "name", "slug"}]`."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, page):
        items = []
        for theme in page.themes.all():
            data = theme_data(theme, page.locale_id)
            items.append({"id": theme.pk, **data})
        return items


class OrganisationSerializer(serializers.ModelSerializer):
    class Meta:
        model = Organisation
        fields = ["id", "name", "slug", "type", "green_deal_participant", "region", "website"]


class TenderClauseSerializer(serializers.ModelSerializer):
    """A clause with its key and its theme (key and name in the clause's language)."""

    key = serializers.SerializerMethodField()
    theme = serializers.SerializerMethodField()

    class Meta:
        model = TenderClause
        fields = ["id", "key", "title", "slug", "theme", "phase", "kind", "text", "rationale"]

    def get_key(self, clause):
        return clause_key(clause)

    def get_theme(self, clause):
        return theme_data(clause.theme, clause.locale_id)


class PublicPageField(relations.RelatedField):
    """A page link (as Wagtail's API shows a parent page) in the language of the page that
    links to it; None when the linked page is not live or is under a view restriction, so a
    private page's title never reaches open data."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def get_attribute(self, instance):
        linked = super().get_attribute(instance)
        if linked is None:
            return None
        linked = linked.get_translation_or_none(instance.locale) or linked
        if not linked.live or is_private(linked):
            return None
        return linked.specific

    def to_representation(self, value):
        # Imported here: Wagtail's API serializers need the app registry, which page models
        # (that import this module) are part of.
        from wagtail.api.v2.serializers import PageSerializer, get_serializer_class

        serializer_class = get_serializer_class(
            value.__class__,
            ["id", "type", "detail_url", "html_url", "title"],
            meta_fields=["type", "detail_url", "html_url"],
            base=PageSerializer,
        )
        return serializer_class(context=self.context).to_representation(value)
