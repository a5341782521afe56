"""Rules of the tender-clause library: facts that follow the source, and a clause as text.

A clause exists once per language. Its reference, ambition level and provenance are facts,
the same in every language; translators only translate its text. Saving the clause in its
original language writes those facts into its translations at once, so a buyer quoting
DCA-MEU-004 in French and one quoting it in Dutch mean the same clause.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from knowledge.models.taxonomy import AmbitionLevel, ClauseKind, ProcurementPhase, TenderClause


def sync_clause_facts(clause):
    """Copy the facts of `clause` (in its original language) into its translations; the
    theme becomes the theme's translation in each language where there is one."""
    from home.translation_sync import source_locale_id

    if clause.locale_id != source_locale_id(clause):
        return 0
    facts = {name: getattr(clause, name) for name in TenderClause.FACT_FIELDS}
    translations = TenderClause.objects.filter(translation_key=clause.translation_key).exclude(
        pk=clause.pk
    )
    theme_translations = dict(
        clause.theme.__class__.objects.filter(
            translation_key=clause.theme.translation_key
        ).values_list("locale_id", "pk")
    )
    updated = 0
    for translation in translations:
        changes = {
            name: value for name, value in facts.items() if getattr(translation, name) != value
        }
        theme_id = theme_translations.get(translation.locale_id, clause.theme_id)
        if translation.theme_id != theme_id:
            changes["theme_id"] = theme_id
        if changes:
            # update() rather than save(): no signal loop, and updated_at stays the text's.
            TenderClause.objects.filter(pk=translation.pk).update(**changes)
            updated += 1
    return updated


def ambition_label(clause):
    return AmbitionLevel(clause.ambition_level).label


def clause_as_text(clause, url=""):
    """The clause as plain text, the way a buyer pastes it into a tender document, with its
    reference, source, address and licence so the origin travels along."""
    lines = [
        clause.title,
        "=" * len(clause.title),
        "",
        labelled(_("Reference"), clause.reference),
        f"{ClauseKind(clause.kind).label} · {ProcurementPhase(clause.phase).label} · "
        f"{clause.theme.name}",
        labelled(_("Ambition level"), f"{clause.ambition_level} ({ambition_label(clause)})"),
        "",
        clause.text.strip(),
        "",
    ]
    if clause.rationale:
        lines += [_("Why this clause"), "", clause.rationale.strip(), ""]
    if clause.has_verification:
        lines += [_("Verification"), ""]
        if clause.verification_bidder:
            lines.append(
                labelled(_("What the bidder provides"), clause.verification_bidder.strip())
            )
        if clause.verification_buyer:
            lines.append(labelled(_("How the buyer checks"), clause.verification_buyer.strip()))
        lines.append("")
    lines.append(labelled(_("Source"), source_line(clause)))
    if clause.source_tender_url:
        lines.append(labelled(_("Source tender"), clause.source_tender_url))
    if url:
        lines.append(labelled(_("Address"), url))
    licence = clause.licence_details
    lines += [
        labelled(_("Licence"), f"{licence['name']}, {licence['url']}"),
        _("Attribution: De Circulaire Aankopers"),
        "",
    ]
    return "\n".join(lines)


def labelled(label, value):
    """`Label: value`, one line of a text download (French puts a space before the colon)."""
    return _("%(label)s: %(value)s") % {"label": label, "value": value}


def source_line(clause):
    """Organisation and tender a clause comes from, in one line ("" parts left out)."""
    parts = [clause.source_organisation, clause.source_tender]
    return " — ".join(part for part in parts if part) or _("De Circulaire Aankopers")


@dataclass
class ClauseFilters:
    """The clause library's filters, read from the query string; unknown values are
    ignored (the filter is off), never an error."""

    theme: object = None
    phase: str = ""
    kind: str = ""
    ambition: int | None = None

    @classmethod
    def from_query(cls, query, theme_map):
        from knowledge.listing import theme_by_slug

        phase = query.get("phase", "")
        kind = query.get("kind", "")
        ambition = query.get("ambition", "")
        return cls(
            theme=theme_by_slug(theme_map, query.get("theme", "")),
            phase=phase if phase in ProcurementPhase.values else "",
            kind=kind if kind in ClauseKind.values else "",
            ambition=int(ambition) if ambition in {str(v) for v in AmbitionLevel.values} else None,
        )

    @property
    def active(self):
        return bool(self.theme or self.phase or self.kind or self.ambition)

    def apply(self, clauses):
        if self.theme is not None:
            clauses = clauses.filter(theme=self.theme)
        if self.phase:
            clauses = clauses.filter(phase=self.phase)
        if self.kind:
            clauses = clauses.filter(kind=self.kind)
        if self.ambition:
            clauses = clauses.filter(ambition_level=self.ambition)
        return clauses
