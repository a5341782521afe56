"""Library filters by theme, phase, kind and ambition; the clause downloads report."""

import csv
import io

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext

from knowledge.models import ClauseDownloadCount
from knowledge.reports import clause_download_counts
from tests.knowledge.factories import TenderClauseFactory

pytestmark = pytest.mark.django_db
LIBRARY = "/nl/kennisbank/clauses/"


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def rows(client, query=""):
    page = soup(client.get(LIBRARY + query))
    return [a.get_text(strip=True) for a in page.select("table tbody th a")]


@pytest.fixture
def clauses(knowledge_tree):
    furniture = knowledge_tree.themes["furniture"]["nl"]
    ict = knowledge_tree.themes["ict"]["nl"]
    return {
        "basic": TenderClauseFactory(title="A basis", theme=furniture, ambition_level=1),
        "significant": TenderClauseFactory(
            title="B aanzienlijk", theme=ict, ambition_level=2, kind="award_criterion"
        ),
        "ambitious": TenderClauseFactory(
            title="C ambitieus", theme=furniture, ambition_level=3, phase="contract_management"
        ),
    }


def test_library_filters_by_ambition_with_the_other_filters_in_the_url(client, clauses):
    assert rows(client, "?ambition=3") == ["C ambitieus"]
    assert rows(client, "?ambition=1&theme=meubilair") == ["A basis"]
    assert rows(client, "?ambition=2&theme=meubilair") == []
    assert rows(client, "?ambition=2&kind=award_criterion&phase=tender") == ["B aanzienlijk"]
    assert sorted(rows(client, "?ambition=9")) == ["A basis", "B aanzienlijk", "C ambitieus"]
    assert len(rows(client, "?ambition=x&theme=<b>")) == 3
    page = soup(client.get(LIBRARY + "?ambition=3&theme=meubilair"))
    assert page.select_one("#clause-ambition option[selected]")["value"] == "3"
    assert page.select_one("#clause-theme option[selected]")["value"] == "meubilair"
    # the "add all" form adds exactly the filtered clauses
    add_all = page.select_one("form.selection-add-all")
    assert [i["value"] for i in add_all.select("input[name=clause]")] == [
        str(clauses["ambitious"].pk)
    ]
    # the French library keeps the filter, with the theme's French slug
    links = {a["hreflang"]: a["href"] for a in page.select("link[rel=alternate][hreflang]")}
    assert "ambition=3" in links["fr"] and "theme=mobilier" in links["fr"]


def test_library_query_count_does_not_grow_with_clauses(
    client, clauses, knowledge_tree, django_assert_num_queries
):
    client.get(LIBRARY)
    with CaptureQueriesContext(connection) as few:
        client.get(LIBRARY)
    expected = len(few.captured_queries)
    for _ in range(6):
        TenderClauseFactory(theme=knowledge_tree.themes["ict"]["nl"], ambition_level=2)
    client.get(LIBRARY)
    with django_assert_num_queries(expected):
        assert len(rows(client)) == 9


def test_downloads_are_counted_per_clause_in_every_language_and_reported(
    client, clauses, knowledge_tree
):
    basic = clauses["basic"]
    french = basic.copy_for_translation(knowledge_tree.site_tree.locales["fr"])
    french.slug, french.theme = "base", knowledge_tree.themes["furniture"]["fr"]
    french.save()
    response = client.get(f"{LIBRARY}{basic.slug}/text/")
    assert response["Cache-Control"] == "private"  # never served from the page cache
    client.get("/fr/base-de-connaissances/clauses/base/text/")
    client.post("/nl/selection/add/", {"clause": [basic.pk, clauses["ambitious"].pk]})
    client.get("/nl/selection/download/docx/")
    assert ClauseDownloadCount.objects.get(translation_key=basic.translation_key).count == 3
    report = list(clause_download_counts())
    assert [(c.title, c.downloads) for c in report] == [
        ("A basis", 3),
        ("C ambitieus", 1),
        ("B aanzienlijk", 0),
    ]

    admin = get_user_model().objects.create_superuser("editor", "e@example.com", "x")
    client.force_login(admin)
    page = soup(client.get("/admin/reports/clause-downloads/"))
    first_row = page.select("table.listing tbody tr")[0]
    cells = [td.get_text(strip=True) for td in first_row.select("td")]
    assert cells[:4] == [basic.reference, "A basis", "Meubilair", "3"]
    export = client.get("/admin/reports/clause-downloads/?export=csv")
    lines = list(csv.reader(io.StringIO(b"".join(export.streaming_content).decode())))
    assert lines[1][:4] == [basic.reference, "A basis", "Meubilair", "3"]


def test_report_is_for_editors_only(client, clauses):
    user = get_user_model().objects.create_user("reader", "r@example.com", "x")
    client.force_login(user)
    response = client.get("/admin/reports/clause-downloads/")
    assert response.status_code in (302, 403)
