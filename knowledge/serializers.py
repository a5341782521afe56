"""API serializers for the related objects of knowledge pages."""

from rest_framework import serializers

from knowledge.models.taxonomy import TenderClause, Theme
from network.models import Organisation


class ThemeSerializer(serializers.ModelSerializer):
    class Meta:
        model = Theme
        fields = ["id", "name", "slug"]


class OrganisationSerializer(serializers.ModelSerializer):
    class Meta:
        model = Organisation
        fields = ["id", "name", "slug", "type", "green_deal_participant", "region", "website"]


class TenderClauseSerializer(serializers.ModelSerializer):
    class Meta:
        model = TenderClause
        fields = ["id", "title", "slug", "phase", "kind", "text", "rationale"]
