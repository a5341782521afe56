"""Demo content: the call for pilot buildings in three languages and two candidate pilots."""

from django.utils import timezone

from intake.models import BuildingKind, CandidatePilot, CandidateStatus, PilotCallPage
from network.demo.localize import Glossary, T, translate

CALL = {
    "title": T(
        nl="Oproep: stel een leegstaand gebouw voor",
        fr="Appel : proposez un bâtiment vacant",
        en="Call: propose a vacant building",
    ),
    "slug": T(
        nl="oproep-pilootgebouwen", fr="appel-batiments-pilotes", en="call-for-pilot-buildings"
    ),
    "intro": T(
        nl=(
            "Heb je als lokaal bestuur of initiatiefnemer een leegstaand gebouw? Stel het voor "
            "als pilootcase: samen onderzoeken we hoe het circulair een nieuwe bestemming krijgt."
        ),
        fr=(
            "Vous êtes une administration locale ou un porteur de projet avec un bâtiment "
            "vacant ? Proposez-le comme cas pilote : ensemble, nous étudions comment lui donner "
            "une nouvelle affectation circulaire."
        ),
        en=(
            "Are you a local government or initiator with a vacant building? Propose it as a "
            "pilot case: together we study how it can get a new, circular use."
        ),
    ),
    "body": T(
        nl=(
            "Per pilootgebouw organiseren we een workshop van ontwerpend onderzoek, zoeken we "
            "naar hergebruik van bouwdelen en materialen of uitwisseling van energie en "
            "vertalen we de resultaten naar bestekken. Van jou verwachten we dat je mee de "
            "opportuniteiten en organisaties in de buurt in kaart brengt en deelneemt aan één "
            "workshop. Je gaat geen verplichting aan om de resultaten uit te voeren."
        ),
        fr=(
            "Pour chaque bâtiment pilote, nous organisons un atelier de recherche par le projet, "
            "cherchons le réemploi d'éléments et de matériaux ou l'échange d'énergie, et "
            "traduisons les résultats en cahiers des charges. Nous attendons de vous que vous "
            "aidiez à cartographier les opportunités et organisations du quartier et que vous "
            "participiez à un atelier. Vous ne vous engagez pas à mettre les résultats en œuvre."
        ),
        en=(
            "For each pilot building we hold a design-research workshop, look for reuse of "
            "building components and materials or an exchange of energy, and translate the "
            "results into tenders. We ask you to help map the opportunities and organisations "
            "nearby and to take part in one workshop. You are under no obligation to carry out "
            "the results."
        ),
    ),
}

CANDIDATES = [
    {
        "email": "patrimonium@voorbeeldgemeente.be",
        "organisation": "Gemeente Voorbeeldegem",
        "contact_name": "Sara De Smet",
        "address": "Schoolstraat 12",
        "postcode": "9000",
        "municipality": "Gent",
        "building_type": BuildingKind.SCHOOL,
        "floor_area_m2": 2400,
        "vacant_since": 2021,
        "owner": "Gemeente Voorbeeldegem",
        "state": "Gezonde structuur; daken en technieken aan vernieuwing toe.",
        "opportunities": "Buurthuis, basisschool en een repaircafé op wandelafstand.",
        "status": CandidateStatus.NEW,
        "language": "nl",
    },
    {
        "email": "projets@exemple-initiative.be",
        "organisation": "Coopérative Exemple",
        "contact_name": "Julien Lambert",
        "address": "Rue de l'Église 3",
        "postcode": "1340",
        "municipality": "Ottignies",
        "building_type": BuildingKind.CHURCH,
        "floor_area_m2": 650,
        "vacant_since": 2019,
        "owner": "Fabrique d'église Saint-Rémy",
        "state": "Toiture en bon état, chauffage hors service.",
        "opportunities": "Une épicerie coopérative et une école de devoirs cherchent de la place.",
        "status": CandidateStatus.IN_REVIEW,
        "language": "fr",
    },
]


def ensure_call(home):
    existing = home.get_children().filter(slug=CALL["slug"].nl).first()
    if existing is not None:
        return existing.specific
    glossary = Glossary()
    page = PilotCallPage(
        title=glossary.add(CALL["title"]),
        slug=glossary.add(CALL["slug"]),
        intro=glossary.add(CALL["intro"]),
        body=glossary.paragraph(CALL["body"]),
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    translate(page, glossary)
    return page


def ensure_candidates(call):
    for spec in CANDIDATES:
        values = {key: value for key, value in spec.items() if key not in ("email", "address")}
        CandidatePilot.objects.get_or_create(
            email=spec["email"],
            address=spec["address"],
            defaults={
                **values,
                "call_page": call,
                "confirmed_at": timezone.now(),
                "helps_map_neighbourhood": True,
                "joins_workshop": True,
                "understands_no_obligation": True,
            },
        )


BOARD = {
    "title": T(
        nl="Kies mee de thema's van de werksessies",
        fr="Choisissez avec nous les thèmes des sessions de travail",
        en="Choose the themes of the work sessions with us",
    ),
    "slug": T(nl="themas-kiezen", fr="choisir-les-themes", en="choose-themes"),
    "intro": T(
        nl=(
            "Stel een thema voor de volgende werksessies voor en stem op de voorstellen van "
            "anderen."
        ),
        fr=(
            "Proposez un thème pour les prochaines sessions de travail et votez pour les "
            "propositions des autres."
        ),
        en="Propose a theme for the next work sessions and vote for the proposals of others.",
    ),
}

THEME_PROPOSALS = [
    (
        "Circulaire kantoorinrichting",
        "Hoe kopen we tweedehands meubilair aan via een raamcontract?",
    ),
    ("Hergebruik van bouwmaterialen", "Welke bestekclausules werken voor herbruikbare bouwdelen?"),
    ("Led-verlichting als dienst", "Ervaringen met licht als dienst in gemeentelijke gebouwen."),
]


def ensure_board(home):
    from intake.models import ThemeBoardPage

    existing = home.get_children().filter(slug=BOARD["slug"].nl).first()
    if existing is not None:
        return existing.specific
    glossary = Glossary()
    page = ThemeBoardPage(
        title=glossary.add(BOARD["title"]),
        slug=glossary.add(BOARD["slug"]),
        intro=glossary.add(BOARD["intro"]),
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    translate(page, glossary)
    return page


def ensure_theme_votes(board_page):
    """Three proposals by the demo members, each with a different number of votes."""
    from django.contrib.auth import get_user_model

    from intake.board import ensure_proposal_page
    from intake.models import ThemeProposal, ThemeVote

    members = list(
        get_user_model().objects.filter(is_superuser=False, is_active=True).order_by("pk")[:4]
    )
    if not members:
        return
    for position, (title, description) in enumerate(THEME_PROPOSALS):
        proposal, _created = ThemeProposal.objects.get_or_create(
            board=board_page,
            title=title,
            defaults={"description": description, "proposer": members[0], "language": "nl"},
        )
        for voter in members[: len(members) - position]:
            ThemeVote.objects.get_or_create(proposal=proposal, voter=voter)
        ensure_proposal_page(proposal)


def load():
    from home.demo import ensure_home_page

    home = ensure_home_page()
    call = ensure_call(home)
    ensure_candidates(call)
    ensure_theme_votes(ensure_board(home))
    ensure_proposal_pages()
    return call


def ensure_proposal_pages():
    """A page for every proposal made before proposals had one."""
    from intake.board import ensure_proposal_page
    from intake.models import ThemeProposal

    for proposal in ThemeProposal.objects.filter(page__isnull=True).select_related("board"):
        ensure_proposal_page(proposal)
