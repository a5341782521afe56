"""Open-data exports of practice examples and tender clauses (CSV and JSON, CC BY 4.0).

Themes and clauses carry their language-independent key (knowledge/taxonomy_keys.py) beside
their names in the dataset's language, so the nl, fr and en datasets join on `key`/`theme`.
"""

import csv
import io
import json

from django.http import HttpResponse

from home.privacy import public
from knowledge.models.pages import PracticeExamplePage
from knowledge.models.taxonomy import TenderClause
from knowledge.taxonomy_keys import clause_key, theme_data
from network.base_url import absolute_url, page_url

LICENCE = {
    "name": "Creative Commons Attribution 4.0 International (CC BY 4.0)",
    "url": "https://creativecommons.org/licenses/by/4.0/",
    "attribution": "De Circulaire Aankopers",
}


def example_rows(index_page, locale, request):
    examples = (
        public(PracticeExamplePage.objects.live())
        .descendant_of(index_page)
        .filter(locale=locale)
        .prefetch_related("themes")
        .order_by("title")
    )
    for example in examples:
        themes = [theme_data(theme, locale.pk) for theme in example.themes.all()]
        yield {
            "id": example.pk,
            "title": example.title,
            "summary": example.summary,
            "country": example.country,
            "place": example.place,
            "buyer": example.buyer,
            "strategy": example.strategy,
            "themes": ";".join(theme["key"] for theme in themes),
            "theme_names": ";".join(theme["name"] for theme in themes),
            "phase": example.phase,
            "date": example.publication_date.isoformat(),
            "results": ";".join(
                f"{block.value['value']} {block.value['label']}" for block in example.results
            ),
            "url": page_url(example, request),
            "language": locale.language_code,
        }


def clause_rows(index_page, locale, request):
    clauses = (
        TenderClause.objects.filter(locale=locale, live=True)
        .select_related("theme")
        .order_by("title")
    )
    for clause in clauses:
        theme = theme_data(clause.theme, locale.pk)
        yield {
            "id": clause.pk,
            "key": clause_key(clause),
            "title": clause.title,
            "theme": theme["key"],
            "theme_name": theme["name"],
            "phase": clause.phase,
            "kind": clause.kind,
            "text": clause.text,
            "rationale": clause.rationale,
            "reference": clause.reference,
            "ambition_level": clause.ambition_level,
            "verification_bidder": clause.verification_bidder,
            "verification_buyer": clause.verification_buyer,
            "source_organisation": clause.source_organisation,
            "source_tender": clause.source_tender_title,
            "source_tender_year": clause.source_tender_year or "",
            "source_tender_reference": clause.source_tender_reference,
            "source_tender_url": clause.source_tender_url,
            "added": clause.added_on.isoformat(),
            "reviewed": clause.reviewed_on.isoformat() if clause.reviewed_on else "",
            "licence": clause.licence,
            "url": absolute_url(index_page.clause_url(clause.slug, index_page.get_url(request))),
            "language": locale.language_code,
        }


DATASETS = {"examples": example_rows, "clauses": clause_rows}


def export_response(dataset, file_format, index_page, request):
    rows = list(DATASETS[dataset](index_page, index_page.locale, request))
    filename = f"circulaire-aankopers-{dataset}-{index_page.locale.language_code}.{file_format}"
    if file_format == "json":
        body = json.dumps(
            {"licence": LICENCE, "dataset": dataset, "count": len(rows), "items": rows},
            ensure_ascii=False,
            indent=2,
        )
        response = HttpResponse(body, content_type="application/json; charset=utf-8")
    else:
        buffer = io.StringIO()
        fields = list(rows[0].keys()) if rows else ["id", "title"]
        writer = csv.DictWriter(buffer, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)
        response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Link"] = f'<{LICENCE["url"]}>; rel="license"'
    return response
