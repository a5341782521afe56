"""Demo content for the events app: the agenda, a study day, a congress with two parallel
tracks, five work sessions (past ones with outcomes, upcoming ones open for registration),
the barriers and opportunities register, and some registrations.

Dates are relative to today, so upcoming events stay upcoming. Idempotent: pages are found
by slug under their parent, themes by (locale, slug), and nothing that exists is changed.
"""

import datetime

from django.utils import timezone

from agenda.models import (
    CongressSession,
    EventIndexPage,
    EventPage,
    OutcomeRegisterPage,
    Registration,
    RegistrationStatus,
    WorkSessionOutcome,
    WorkSessionPage,
)
from agenda.models.events import BRUSSELS
from knowledge.models import LessonPage, PolicyRecommendationPage, Theme
from network.demo.localize import Glossary, MissingDemoTranslation, T, get_locale, translate

THEMES = {
    "bouwmaterialen": T(
        nl="Bouwmaterialen", fr="Matériaux de construction", en="Building materials"
    ),
    "ict": T(nl="ICT", fr="Informatique", en="ICT"),
    "meubilair": T(nl="Meubilair", fr="Mobilier", en="Furniture"),
    "verlichting": T(nl="Verlichting", fr="Éclairage", en="Lighting"),
    "catering": T(nl="Catering", fr="Restauration", en="Catering"),
}
THEME_SLUGS = {
    "bouwmaterialen": T(
        nl="bouwmaterialen", fr="materiaux-de-construction", en="building-materials"
    ),
    "ict": T(nl="ict", fr="informatique", en="ict"),
    "meubilair": T(nl="meubilair", fr="mobilier", en="furniture"),
    "verlichting": T(nl="verlichting", fr="eclairage", en="lighting"),
    "catering": T(nl="catering", fr="restauration", en="catering"),
}

VENUE = T(nl="Zaal De Markten", fr="Zaal De Markten", en="Zaal De Markten")
ADDRESS = T(
    nl="Oude Graanmarkt 5, 1000 Brussel",
    fr="Oude Graanmarkt 5, 1000 Bruxelles",
    en="Oude Graanmarkt 5, 1000 Brussels",
)

AGENDA = {
    "title": T(nl="Agenda", fr="Agenda", en="Events"),
    "slug": T(nl="agenda", fr="agenda", en="events"),
    "intro": T(
        nl="Werksessies, de studiedag en het congres: hier leren aankopers en aanbieders samen.",
        fr=(
            "Ateliers, journée d’étude et congrès : ici, acheteurs et fournisseurs apprennent "
            "ensemble."
        ),
        en=(
            "Work sessions, the study day and the congress: where buyers and suppliers learn "
            "together."
        ),
    ),
}
REGISTER = {
    "title": T(
        nl="Kansen en drempels", fr="Opportunités et obstacles", en="Opportunities and barriers"
    ),
    "slug": T(
        nl="kansen-en-drempels", fr="opportunites-et-obstacles", en="opportunities-and-barriers"
    ),
    "intro": T(
        nl="Wat de werksessies opleverden, per thema: zo verdwijnen de resultaten niet in een pdf.",
        fr=(
            "Ce que les ateliers ont produit, par thème : ainsi les résultats ne disparaissent "
            "pas dans un PDF."
        ),
        en="What the work sessions produced, by theme, so the results do not vanish into a PDF.",
    ),
}

STUDY_DAY = {
    "slug": T(
        nl="studiedag-circulaire-gemeente",
        fr="journee-etude-commune-circulaire",
        en="study-day-circular-municipality",
    ),
    "title": T(
        nl="Studiedag Circulaire Gemeente voor de Toekomst",
        fr="Journée d’étude Commune circulaire pour l’avenir",
        en="Study day Circular Municipality for the Future",
    ),
    "summary": T(
        nl=(
            "De resultaten van het proefproject: drie leegstaande gebouwen, hun circulaire "
            "herbestemming en wat aankopers eruit leren."
        ),
        fr=(
            "Les résultats du projet pilote : trois bâtiments vacants, leur réaffectation "
            "circulaire et ce que les acheteurs peuvent en apprendre."
        ),
        en=(
            "The results of the pilot: three vacant buildings, their circular redevelopment and "
            "what buyers can learn from them."
        ),
    ),
    "kind": "study_day",
    "days": 21,
    "hours": (9, 16),
    "capacity": 120,
    "programme": [
        ((9, 30), T(nl="Onthaal en koffie", fr="Accueil et café", en="Welcome and coffee")),
        (
            (10, 0),
            T(
                nl="Zes hectare per dag: waarom ruimtelijk rendement telt",
                fr="Six hectares par jour : pourquoi le rendement spatial compte",
                en="Six hectares a day: why spatial efficiency matters",
            ),
        ),
        (
            (11, 0),
            T(
                nl="Drie gebouwen, drie workshops: wat het ontwerpend onderzoek opleverde",
                fr="Trois bâtiments, trois ateliers : ce qu’a donné la recherche par le projet",
                en="Three buildings, three workshops: what the design research produced",
            ),
        ),
        (
            (14, 0),
            T(
                nl="Voorstelling van het inspiratieboek",
                fr="Présentation du livre d’inspiration",
                en="Presenting the inspiration book",
            ),
        ),
    ],
}

CONGRESS = {
    "slug": T(
        nl="congres-circulair-aankopen",
        fr="congres-achats-circulaires",
        en="congress-circular-procurement",
    ),
    "title": T(
        nl="Congres Circulair Aankopen",
        fr="Congrès Achats circulaires",
        en="Congress on Circular Procurement",
    ),
    "summary": T(
        nl=(
            "Een dag voor lokale besturen en aanbieders, met twee parallelle sporen: circulair "
            "bouwen en circulair aankopen van diensten."
        ),
        fr=(
            "Une journée pour les pouvoirs locaux et les fournisseurs, avec deux volets "
            "parallèles : construire circulaire et acheter des services circulaires."
        ),
        en=(
            "A day for local governments and suppliers, with two parallel tracks: building "
            "circular and buying circular services."
        ),
    ),
    "kind": "congress",
    "days": 45,
    "hours": (9, 17),
    "capacity": 200,
    "programme": [
        (
            (9, 30),
            T(
                nl="Opening: vijf jaar circulair aankopen",
                fr="Ouverture : cinq ans d’achats circulaires",
                en="Opening: five years of circular procurement",
            ),
        ),
        (
            (16, 0),
            T(
                nl="Slotdebat met de Green Deal-deelnemers",
                fr="Débat de clôture avec les participants au Green Deal",
                en="Closing debate with the Green Deal participants",
            ),
        ),
    ],
    "sessions": [
        # (track, title, start hour, end hour, capacity)
        (
            T(nl="Spoor A: bouwen", fr="Volet A : construire", en="Track A: building"),
            T(
                nl="Bouwdelen hergebruiken in leegstaande panden",
                fr="Réemployer des éléments dans les bâtiments vacants",
                en="Reusing components in vacant buildings",
            ),
            10,
            12,
            60,
        ),
        (
            T(nl="Spoor B: diensten", fr="Volet B : services", en="Track B: services"),
            T(
                nl="Licht en meubilair als dienst",
                fr="L’éclairage et le mobilier comme service",
                en="Light and furniture as a service",
            ),
            10,
            12,
            60,
        ),
        (
            T(nl="Spoor A: bouwen", fr="Volet A : construire", en="Track A: building"),
            T(
                nl="Van inventaris naar bestek",
                fr="De l’inventaire au cahier des charges",
                en="From inventory to tender",
            ),
            13,
            15,
            60,
        ),
        (
            T(nl="Spoor B: diensten", fr="Volet B : services", en="Track B: services"),
            T(
                nl="ICT langer gebruiken",
                fr="Utiliser l’informatique plus longtemps",
                en="Using ICT for longer",
            ),
            13,
            15,
            60,
        ),
    ],
}

BARRIER = "barrier"
CHANCE = "opportunity"
WORK_SESSIONS = [
    {
        "theme": "bouwmaterialen",
        "slug": T(
            nl="werksessie-bouwmaterialen",
            fr="atelier-materiaux-de-construction",
            en="work-session-building-materials",
        ),
        "title": T(
            nl="Werksessie bouwmaterialen",
            fr="Atelier matériaux de construction",
            en="Work session on building materials",
        ),
        "summary": T(
            nl=(
                "Hoe koop je renovatiematerialen aan die hergebruikt zijn of later hergebruikt "
                "kunnen worden?"
            ),
            fr=(
                "Comment acheter des matériaux de rénovation réemployés ou réemployables plus "
                "tard ?"
            ),
            en="How do you buy renovation materials that are reused or can be reused later?",
        ),
        "days": -120,
        "outcomes": [
            (
                BARRIER,
                "public_buyer",
                T(
                    nl="Aanbestedingsregels vragen vaak nieuwe materialen met vaste normen.",
                    fr=(
                        "Les règles des marchés exigent souvent des matériaux neufs aux normes "
                        "fixes."
                    ),
                    en="Tender rules often ask for new materials with fixed standards.",
                ),
            ),
            (
                CHANCE,
                "supplier",
                T(
                    nl=(
                        "Een inventaris van herbruikbare bouwdelen vóór de sloop opent nieuwe "
                        "markten."
                    ),
                    fr=(
                        "Un inventaire des éléments réemployables avant la démolition ouvre de "
                        "nouveaux marchés."
                    ),
                    en="An inventory of reusable components before demolition opens new markets.",
                ),
            ),
        ],
    },
    {
        "theme": "ict",
        "slug": T(nl="werksessie-ict", fr="atelier-informatique", en="work-session-ict"),
        "title": T(nl="Werksessie ICT", fr="Atelier informatique", en="Work session on ICT"),
        "summary": T(
            nl=(
                "Laptops en schermen langer gebruiken, refurbished aankopen en veilig laten "
                "terugnemen."
            ),
            fr=(
                "Utiliser ordinateurs et écrans plus longtemps, acheter reconditionné et "
                "organiser la reprise."
            ),
            en="Using laptops and screens for longer, buying refurbished and arranging take-back.",
        ),
        "days": -60,
        "outcomes": [
            (
                BARRIER,
                "public_buyer",
                T(
                    nl=(
                        "Gegevensbeveiliging maakt besturen huiverig om toestellen te laten "
                        "terugnemen."
                    ),
                    fr=(
                        "La sécurité des données rend les pouvoirs publics réticents à faire "
                        "reprendre les appareils."
                    ),
                    en="Data security makes public bodies wary of having devices taken back.",
                ),
            ),
            (
                CHANCE,
                "supplier",
                T(
                    nl=(
                        "Refurbished laptops met garantie zijn vandaag al in raamcontracten op te "
                        "nemen."
                    ),
                    fr=(
                        "Des portables reconditionnés avec garantie peuvent déjà figurer dans les "
                        "accords-cadres."
                    ),
                    en=(
                        "Refurbished laptops with a warranty can already go into framework "
                        "contracts."
                    ),
                ),
            ),
        ],
    },
    {
        "theme": "meubilair",
        "slug": T(nl="werksessie-meubilair", fr="atelier-mobilier", en="work-session-furniture"),
        "title": T(
            nl="Werksessie meubilair", fr="Atelier mobilier", en="Work session on furniture"
        ),
        "summary": T(
            nl=(
                "Bestaand meubilair herstofferen, herschikken of terugnemen in plaats van nieuw "
                "te kopen."
            ),
            fr=(
                "Retapisser, réorganiser ou faire reprendre le mobilier existant plutôt que "
                "d’acheter du neuf."
            ),
            en=(
                "Reupholstering, rearranging or taking back existing furniture instead of buying "
                "new."
            ),
        ),
        "days": -20,
        "outcomes": [
            (
                CHANCE,
                "sector_organisation",
                T(
                    nl="Sociale economiebedrijven kunnen meubilair opknappen op schaal.",
                    fr=(
                        "Les entreprises d’économie sociale peuvent remettre du mobilier à neuf à "
                        "grande échelle."
                    ),
                    en="Social economy firms can refurbish furniture at scale.",
                ),
            ),
            (
                BARRIER,
                "mixed",
                T(
                    nl="Budgetten voor investeringen en onderhoud zitten in aparte potten.",
                    fr="Les budgets d’investissement et d’entretien sont séparés.",
                    en="Investment and maintenance budgets sit in separate pots.",
                ),
            ),
        ],
    },
    {
        "theme": "verlichting",
        "slug": T(nl="werksessie-verlichting", fr="atelier-eclairage", en="work-session-lighting"),
        "title": T(
            nl="Werksessie verlichting", fr="Atelier éclairage", en="Work session on lighting"
        ),
        "summary": T(
            nl=(
                "Licht als dienst: je betaalt voor licht, de leverancier blijft eigenaar van de "
                "armaturen."
            ),
            fr=(
                "L’éclairage comme service : vous payez la lumière, le fournisseur reste "
                "propriétaire des luminaires."
            ),
            en="Light as a service: you pay for light, the supplier keeps owning the fittings.",
        ),
        "days": 10,
        "outcomes": [],
    },
    {
        "theme": "catering",
        "slug": T(nl="werksessie-catering", fr="atelier-restauration", en="work-session-catering"),
        "title": T(
            nl="Werksessie catering", fr="Atelier restauration", en="Work session on catering"
        ),
        "summary": T(
            nl=(
                "Herbruikbaar servies, minder voedselverlies en lokale leveranciers bij recepties "
                "en schoolmaaltijden."
            ),
            fr=(
                "Vaisselle réutilisable, moins de gaspillage alimentaire et des fournisseurs "
                "locaux pour les réceptions et repas scolaires."
            ),
            en=(
                "Reusable tableware, less food waste and local suppliers for receptions and "
                "school meals."
            ),
        ),
        "days": 30,
        "outcomes": [],
    },
]

DEMO_REGISTRANTS = [
    ("Annelies Peeters", "annelies.peeters@gent.example", "Stad Gent", "Aankoper", "nl"),
    ("Marc Dubois", "marc.dubois@namur.example", "Ville de Namur", "Acheteur public", "fr"),
    (
        "Sarah Janssens",
        "sarah.janssens@leuven.example",
        "Stad Leuven",
        "Duurzaamheidsambtenaar",
        "nl",
    ),
    ("Tom Willems", "tom.willems@refurb.example", "Refurb ICT", "Accountmanager", "en"),
]


def at(days, hour, minute=0):
    """A moment `days` from today at `hour`:`minute`, Brussels time."""
    today = timezone.localdate()
    moment = datetime.datetime.combine(
        today + datetime.timedelta(days=days), datetime.time(hour, minute)
    )
    return moment.replace(tzinfo=BRUSSELS)


def ensure_theme(slug):
    """The nl theme with this slug, created and translated if needed; an existing one is kept."""
    locale = get_locale("nl")
    glossary = Glossary()
    theme, created = Theme.objects.get_or_create(
        locale=locale,
        slug=glossary.add(THEME_SLUGS[slug]),
        defaults={"name": glossary.add(THEMES[slug])},
    )
    missing = [
        language
        for language in ("fr", "en")
        if not Theme.objects.filter(
            translation_key=theme.translation_key, locale__language_code=language
        ).exists()
    ]
    if missing:
        glossary.add(THEMES[slug])
        try:
            translate(theme, glossary, languages=missing)
        except MissingDemoTranslation:
            pass  # someone else's texts: leave their theme for their own loader to translate
    return theme


def _child(parent, slug):
    return parent.get_children().filter(slug=slug).specific().first()


def _publish_and_translate(parent, page, glossary):
    parent.add_child(instance=page)
    page.save_revision().publish()
    translate(page, glossary)
    return page


def ensure_agenda(home):
    existing = _child(home, AGENDA["slug"].nl)
    if existing is not None:
        return existing
    glossary = Glossary()
    page = EventIndexPage(
        title=glossary.add(AGENDA["title"]),
        slug=glossary.add(AGENDA["slug"]),
        intro=glossary.add(AGENDA["intro"]),
        show_in_menus=True,
    )
    return _publish_and_translate(home, page, glossary)


def ensure_register(agenda):
    existing = _child(agenda, REGISTER["slug"].nl)
    if existing is not None:
        return existing
    glossary = Glossary()
    page = OutcomeRegisterPage(
        title=glossary.add(REGISTER["title"]),
        slug=glossary.add(REGISTER["slug"]),
        intro=glossary.add(REGISTER["intro"]),
    )
    return _publish_and_translate(agenda, page, glossary)


def _programme(glossary, items, days):
    return [
        (
            "item",
            {
                "starts": datetime.time(*time),
                "ends": None,
                "title": glossary.add(title),
                "speakers": [],
                "room": "",
                "description": "",
            },
        )
        for time, title in items
    ]


def _event_fields(glossary, spec, days, hours):
    return {
        "title": glossary.add(spec["title"]),
        "slug": glossary.add(spec["slug"]),
        "summary": glossary.add(spec["summary"]),
        "start": at(days, hours[0]),
        "end": at(days, hours[1]),
        "venue_name": glossary.add(VENUE),
        "venue_address": glossary.add(ADDRESS),
        "capacity": spec.get("capacity", 25),
        "registration_closes": at(days - 2, 23, 59) if days > 2 else None,
    }


def ensure_event(agenda, spec):
    existing = _child(agenda, spec["slug"].nl)
    if existing is not None:
        return existing
    glossary = Glossary()
    page = EventPage(
        kind=spec["kind"],
        programme=_programme(glossary, spec["programme"], spec["days"]),
        **_event_fields(glossary, spec, spec["days"], spec["hours"]),
    )
    for index, (track, title, start, end, capacity) in enumerate(spec.get("sessions", [])):
        page.sessions.add(
            CongressSession(
                sort_order=index,
                track=glossary.add(track),
                title=glossary.add(title),
                starts=at(spec["days"], start),
                ends=at(spec["days"], end),
                capacity=capacity,
                locale=get_locale("nl"),
            )
        )
    return _publish_and_translate(agenda, page, glossary)


def _knowledge_links(theme):
    links = []
    for block_type, model in (("lesson", LessonPage), ("recommendation", PolicyRecommendationPage)):
        linked = model.objects.live().filter(locale__language_code="nl", themes=theme).first()
        if linked is not None:
            links.append((block_type, linked))
    return links


def ensure_work_session(agenda, spec):
    existing = _child(agenda, spec["slug"].nl)
    if existing is not None:
        return existing
    theme = ensure_theme(spec["theme"])
    glossary = Glossary()
    page = WorkSessionPage(
        kind="work_session",
        theme=theme,
        with_sector_organisations=spec["theme"] in ("meubilair", "catering"),
        knowledge_links=_knowledge_links(theme) if spec["days"] < 0 else [],
        **_event_fields(glossary, spec, spec["days"], (13, 17)),
    )
    for index, (kind, raised_by, statement) in enumerate(spec["outcomes"]):
        page.outcomes.add(
            WorkSessionOutcome(
                sort_order=index,
                kind=kind,
                raised_by=raised_by,
                statement=glossary.add(statement),
                locale=get_locale("nl"),
            )
        )
    return _publish_and_translate(agenda, page, glossary)


def ensure_registrations(event, attended=False):
    """A few registrations, made directly so that loading the demo sends no e-mail."""
    if event.registrations.exists():
        return
    now = timezone.now()
    for name, email, organisation, role, language in DEMO_REGISTRANTS:
        Registration.objects.create(
            event=event,
            status=RegistrationStatus.CONFIRMED,
            name=name,
            email=email,
            organisation_name=organisation,
            role=role,
            green_deal="yes",
            language=language,
            consent_at=now,
            checked_in_at=event.start if attended else None,
        )


def load():
    from home.demo import ensure_home_page

    home = ensure_home_page()
    for slug in THEMES:
        ensure_theme(slug)
    agenda = ensure_agenda(home)
    ensure_register(agenda)
    study_day = ensure_event(agenda, STUDY_DAY)
    ensure_event(agenda, CONGRESS)
    sessions = [ensure_work_session(agenda, spec) for spec in WORK_SESSIONS]
    ensure_registrations(study_day)
    for session in sessions:
        ensure_registrations(session, attended=session.start < timezone.now())
    return agenda
