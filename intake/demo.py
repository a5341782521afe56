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


def load():
    from home.demo import ensure_home_page

    call = ensure_call(ensure_home_page())
    ensure_candidates(call)
    return call
