"""Existing view restrictions apply to every translation of their page (home/privacy.py).

Before, a page made private in one language stayed public in the others. For each
translation group with a restriction on some of its pages, the pages without one get a copy
of the restriction of the group's default-language page (else of the first restricted page).
Nothing is removed: when the pages of a group disagree, the stricter state wins.
"""

from django.conf import settings
from django.db import migrations


def mirror_existing(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    PageViewRestriction = apps.get_model("wagtailcore", "PageViewRestriction")
    restricted = {}
    for restriction in (
        PageViewRestriction.objects.select_related("page__locale")
        .prefetch_related("groups")
        .order_by("pk")
    ):
        page = restriction.page
        best = restricted.get(page.translation_key)
        is_default = page.locale.language_code == settings.LANGUAGE_CODE
        if best is None or (is_default and best[0].pk != page.pk and not best[1]):
            restricted[page.translation_key] = (page, is_default, [])
        if restricted[page.translation_key][0].pk == page.pk:
            restricted[page.translation_key][2].append(restriction)
    for translation_key, (source, _is_default, restrictions) in restricted.items():
        others = Page.objects.filter(
            translation_key=translation_key, alias_of__isnull=True
        ).exclude(pk=source.pk)
        for page in others:
            if PageViewRestriction.objects.filter(page=page).exists():
                continue
            for original in restrictions:
                copy = PageViewRestriction.objects.create(
                    page=page,
                    restriction_type=original.restriction_type,
                    password=original.password,
                )
                copy.groups.set(original.groups.all())


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0004_page_id_as_text_index"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(mirror_existing, migrations.RunPython.noop)]
