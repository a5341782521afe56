"""A clause selection as a document for a tender: Word (python-docx), PDF (WeasyPrint) and
plain text, in the reader's language.

Every format has the same outline: a heading per kind of clause (selection criteria,
technical specifications, award criteria, contract clauses, in that order), each clause with
its reference, title, ambition level, text, rationale and verification, then a table of the
references with their sources and addresses, and the licence under which the clauses may
be reused. Everything is built by `outline`; the writers only lay it out.
"""

import io
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from knowledge import selection
from knowledge.clauses import labelled, source_line
from knowledge.models.taxonomy import LICENCE_DETAILS, ClauseLicence
from network.base_url import absolute_url

ATTRIBUTION = "De Circulaire Aankopers"


@dataclass
class Outline:
    title: str
    intro: str
    groups: list  # [selection.KindGroup]
    references: list  # [{"reference", "title", "source", "url", "licence"}]
    licence_note: str
    language: str


def clause_address(clause):
    """The public address of a clause in its own language ("" without a knowledge base)."""
    from home.search import clause_index_url
    from knowledge.models import KnowledgeIndexPage

    base = clause_index_url(clause.locale)
    return absolute_url(KnowledgeIndexPage.clause_url(clause.slug, base)) if base else ""


def outline(clauses, locale):
    """What every format of the document says, in the active language."""
    groups = selection.grouped_by_kind(clauses)
    ordered = [clause for group in groups for clause in group.clauses]
    licence = LICENCE_DETAILS[ClauseLicence.CC_BY_4]
    references = []
    for clause in ordered:
        details = clause.licence_details
        references.append(
            {
                "reference": clause.reference,
                "title": clause.title,
                "source": source_line(clause),
                "tender_url": clause.source_tender_url,
                "url": clause_address(clause),
                "licence": clause.get_licence_display(),
                "licence_url": details["url"],
            }
        )
    return Outline(
        title=_("Tender clauses for circular procurement"),
        intro=_(
            "%(count)d clauses selected on %(date)s from the clause library of De Circulaire "
            "Aankopers. Adapt them to your purchase before you use them."
        )
        % {"count": len(ordered), "date": date_format(timezone.localdate(), "DATE_FORMAT")},
        groups=groups,
        references=references,
        licence_note=_(
            "The clauses are published under the licence %(licence)s (%(url)s): you may copy "
            "and adapt them, also commercially, if you name %(attribution)s as their source."
        )
        % {"licence": licence["name"], "url": licence["url"], "attribution": ATTRIBUTION},
        language=locale.language_code,
    )


def _ambition(clause):
    return f"{clause.ambition_level} ({clause.get_ambition_level_display()})"


def as_docx(doc):
    """The outline as a Word document (bytes)."""
    from docx import Document

    document = Document()
    document.core_properties.title = doc.title
    document.core_properties.language = doc.language
    document.core_properties.author = ATTRIBUTION
    document.add_heading(doc.title, level=0)
    document.add_paragraph(doc.intro)
    for group in doc.groups:
        document.add_heading(str(group.heading), level=1)
        for clause in group.clauses:
            document.add_heading(f"{clause.reference} · {clause.title}", level=2)
            facts = document.add_paragraph()
            facts.add_run(labelled(_("Reference"), "")).bold = True
            facts.add_run(clause.reference)
            facts.add_run("   " + labelled(_("Ambition level"), "")).bold = True
            facts.add_run(_ambition(clause))
            facts.add_run("   " + labelled(_("Theme"), "")).bold = True
            facts.add_run(clause.theme.name)
            for paragraph in clause.text.strip().split("\n"):
                document.add_paragraph(paragraph)
            if clause.rationale:
                document.add_heading(_("Why this clause"), level=3)
                document.add_paragraph(clause.rationale.strip())
            if clause.has_verification:
                document.add_heading(_("Verification"), level=3)
                if clause.verification_bidder:
                    item = document.add_paragraph(style="List Bullet")
                    item.add_run(labelled(_("What the bidder provides"), "")).bold = True
                    item.add_run(clause.verification_bidder.strip())
                if clause.verification_buyer:
                    item = document.add_paragraph(style="List Bullet")
                    item.add_run(labelled(_("How the buyer checks"), "")).bold = True
                    item.add_run(clause.verification_buyer.strip())
    document.add_heading(_("References and sources"), level=1)
    table = document.add_table(rows=1, cols=4)
    table.style = "Table Grid"
    for cell, label in zip(
        table.rows[0].cells, (_("Reference"), _("Clause"), _("Source"), _("Licence")), strict=True
    ):
        cell.text = label
    for row in doc.references:
        cells = table.add_row().cells
        cells[0].text = row["reference"]
        cells[1].text = row["title"] + (f"\n{row['url']}" if row["url"] else "")
        cells[2].text = row["source"] + (f"\n{row['tender_url']}" if row["tender_url"] else "")
        cells[3].text = row["licence"]
    document.add_paragraph(doc.licence_note)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def as_pdf(doc):
    """The outline as a PDF (bytes). The HTML has no external resources and fetches none."""
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    class NoFetching(URLFetcher):
        def fetch(self, url, headers=None):
            raise ValueError("A clause selection PDF fetches nothing.")

    html = render_to_string("knowledge/selection_pdf.html", {"doc": doc})
    return HTML(string=html, url_fetcher=NoFetching()).write_pdf()


def as_text(doc):
    """The outline as plain text, ready to paste."""
    lines = [doc.title, "=" * len(doc.title), "", doc.intro, ""]
    for group in doc.groups:
        label = str(group.heading)
        lines += [label.upper(), "-" * len(label), ""]
        for clause in group.clauses:
            heading = f"{clause.reference} · {clause.title}"
            lines += [
                heading,
                labelled(_("Ambition level"), _ambition(clause))
                + " · "
                + labelled(_("Theme"), clause.theme.name),
                "",
                clause.text.strip(),
                "",
            ]
            if clause.rationale:
                lines += [labelled(_("Why this clause"), clause.rationale.strip()), ""]
            for label, value in (
                (_("What the bidder provides"), clause.verification_bidder),
                (_("How the buyer checks"), clause.verification_buyer),
            ):
                if value:
                    lines.append(labelled(label, value.strip()))
            if clause.has_verification:
                lines.append("")
    title = _("References and sources")
    lines += [title.upper(), "-" * len(title), ""]
    for row in doc.references:
        lines.append(f"{row['reference']} · {row['title']} · {row['source']}")
        for url in (row["tender_url"], row["url"]):
            if url:
                lines.append(f"    {url}")
    lines += ["", doc.licence_note, ""]
    return "\n".join(lines)


FORMATS = {
    "docx": (
        as_docx,
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    "pdf": (as_pdf, "application/pdf"),
    "txt": (as_text, "text/plain; charset=utf-8"),
}
