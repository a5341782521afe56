# Tender clauses get an ambition level, a stable reference, verification guidance,
# provenance, dates and a licence. Existing clauses get a reference of their theme's series
# (one per translation key, shared by its translations), the date they were last changed as
# their date added, and CC BY 4.0, the licence the clause library was already published under.

import re

import django.core.validators
import django.utils.timezone
from django.db import migrations, models
from django.utils.text import slugify


def fill_references(apps, schema_editor):
    TenderClause = apps.get_model("knowledge", "TenderClause")
    Theme = apps.get_model("knowledge", "Theme")
    Locale = apps.get_model("wagtailcore", "Locale")
    default_locale_ids = set(
        Locale.objects.filter(language_code__startswith="nl").values_list("pk", flat=True)
    )
    theme_slugs = {}
    for theme in Theme.objects.all():
        if theme.locale_id in default_locale_ids or theme.translation_key not in theme_slugs:
            theme_slugs[theme.translation_key] = theme.slug
    themes = {theme.pk: theme.translation_key for theme in Theme.objects.all()}
    references = {}
    counters = {}
    for clause in TenderClause.objects.order_by("pk"):
        reference = references.get(clause.translation_key)
        if reference is None:
            slug = theme_slugs.get(themes.get(clause.theme_id), "")
            code = (re.sub(r"[^A-Z0-9]", "", slugify(slug).upper()) or "GEN")[:3]
            counters[code] = counters.get(code, 0) + 1
            reference = f"DCA-{code}-{counters[code]:03d}"
            references[clause.translation_key] = reference
        TenderClause.objects.filter(pk=clause.pk).update(
            reference=reference, added_on=clause.updated_at.date()
        )


class Migration(migrations.Migration):

    dependencies = [
        ("knowledge", "0003_knowledge_newest_first_index"),
    ]

    operations = [
        migrations.AddField(
            model_name="tenderclause",
            name="added_on",
            field=models.DateField(default=django.utils.timezone.localdate, verbose_name="date added"),
        ),
        migrations.AddField(
            model_name="tenderclause",
            name="ambition_level",
            field=models.PositiveSmallIntegerField(
                choices=[(1, "Basic"), (2, "Significant"), (3, "Ambitious")],
                default=1,
                verbose_name="ambition level",
            ),
        ),
        migrations.AddField(
            model_name="tenderclause",
            name="licence",
            field=models.CharField(
                choices=[("CC-BY-4.0", "CC BY 4.0")],
                default="CC-BY-4.0",
                max_length=20,
                verbose_name="licence",
            ),
        ),
        migrations.AddField(
            model_name="tenderclause",
            name="reference",
            field=models.CharField(
                blank=True,
                help_text="A stable number buyers quote in their tender, the same in every language. Left empty, one is made from the theme (DCA-MEU-004).",
                max_length=30,
                validators=[
                    django.core.validators.RegexValidator(
                        "^[A-Z0-9]+(-[A-Z0-9]+)+$",
                        "Use capital letters and digits in parts joined by hyphens, for example DCA-MEU-004.",
                    )
                ],
                verbose_name="reference",
            ),
        ),
        migrations.AddField(
            model_name="tenderclause",
            name="reviewed_on",
            field=models.DateField(blank=True, null=True, verbose_name="last reviewed"),
        ),
        migrations.AddField(
            model_name="tenderclause",
            name="source_organisation",
            field=models.CharField(
                blank=True,
                help_text="The buyer that first used this clause in a tender.",
                max_length=200,
                verbose_name="source organisation",
            ),
        ),
        migrations.AddField(
            model_name="tenderclause",
            name="source_tender_reference",
            field=models.CharField(
                blank=True, max_length=100, verbose_name="reference of the source tender"
            ),
        ),
        migrations.AddField(
            model_name="tenderclause",
            name="source_tender_title",
            field=models.CharField(blank=True, max_length=255, verbose_name="source tender"),
        ),
        migrations.AddField(
            model_name="tenderclause",
            name="source_tender_url",
            field=models.URLField(blank=True, verbose_name="address of the source tender"),
        ),
        migrations.AddField(
            model_name="tenderclause",
            name="source_tender_year",
            field=models.PositiveSmallIntegerField(
                blank=True, null=True, verbose_name="year of the source tender"
            ),
        ),
        migrations.AddField(
            model_name="tenderclause",
            name="verification_bidder",
            field=models.TextField(
                blank=True,
                help_text="The evidence a tenderer or contractor hands in to show it meets the clause.",
                verbose_name="what the bidder provides",
            ),
        ),
        migrations.AddField(
            model_name="tenderclause",
            name="verification_buyer",
            field=models.TextField(
                blank=True,
                help_text="How the contracting authority verifies that evidence.",
                verbose_name="how the buyer checks",
            ),
        ),
        migrations.RunPython(fill_references, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="tenderclause",
            constraint=models.UniqueConstraint(
                fields=("locale", "reference"), name="unique_tender_clause_reference_per_locale"
            ),
        ),
    ]
