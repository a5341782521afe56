"""Demo content for the home app: the home page in three languages, the about, contact and
privacy pages, and the site settings. Idempotent: existing pages are left as they are."""

from wagtail.models import Page, Site

from home.models import HomePage, SiteSettings, StandardPage
from network.demo.localize import Glossary, T, get_locale, translate

HOME_TITLE = T(
    nl="De Circulaire Aankopers",
    fr="De Circulaire Aankopers",
    en="De Circulaire Aankopers",
)
HOME_INTRO = T(
    nl=(
        "Het lerend netwerk van Vlaamse lokale besturen, leveranciers en sectororganisaties "
        "die samen leren circulair aankopen: van bouwmaterialen en meubilair tot ICT en "
        "verlichting."
    ),
    fr=(
        "Le réseau d’apprentissage des pouvoirs locaux flamands, des fournisseurs et des "
        "organisations sectorielles qui apprennent ensemble à acheter de manière circulaire : "
        "des matériaux de construction et du mobilier à l’informatique et l’éclairage."
    ),
    en=(
        "The learning network of Flemish local governments, suppliers and sector "
        "organisations learning together how to buy circular: from building materials and "
        "furniture to ICT and lighting."
    ),
)
HOME_MISSION = [
    T(
        nl=(
            "Elke dag verdwijnt in Vlaanderen ongeveer zes hectare open ruimte onder beton, en "
            "zowat 40 procent van alle materiaalstromen gaat naar de bouw. Overheden kopen veel "
            "van die materialen zelf aan. Wie anders aankoopt, verandert de markt."
        ),
        fr=(
            "Chaque jour, environ six hectares d’espace ouvert disparaissent en Flandre, et "
            "quelque 40 pour cent de tous les flux de matériaux vont à la construction. Les "
            "pouvoirs publics achètent eux-mêmes une grande partie de ces matériaux. Acheter "
            "autrement, c’est changer le marché."
        ),
        en=(
            "Every day around six hectares of open land disappear under concrete in Flanders, "
            "and some 40 per cent of all material flows go into construction. Public bodies buy "
            "much of that material themselves. Buying differently changes the market."
        ),
    ),
    T(
        nl=(
            "Daarom delen we wat werkt: lessen uit pilootprojecten, voorbeelden uit binnen- en "
            "buitenland, bestekteksten die je kunt hergebruiken en werksessies waar aankopers "
            "en aanbieders samen barrières wegwerken."
        ),
        fr=(
            "C’est pourquoi nous partageons ce qui fonctionne : des leçons tirées de projets "
            "pilotes, des exemples de Belgique et de l’étranger, des clauses de cahier des "
            "charges réutilisables et des ateliers où acheteurs et fournisseurs lèvent ensemble "
            "les obstacles."
        ),
        en=(
            "So we share what works: lessons from pilot projects, examples from Belgium and "
            "abroad, tender clauses you can reuse and work sessions where buyers and suppliers "
            "clear barriers together."
        ),
    ),
]

ABOUT = {
    "slug": T(nl="over-het-netwerk", fr="a-propos-du-reseau", en="about-the-network"),
    "title": T(nl="Over het netwerk", fr="À propos du réseau", en="About the network"),
    "intro": T(
        nl=(
            "De Circulaire Aankopers groeide uit het proefproject Circulaire Gemeente voor de "
            "Toekomst en zet dat werk blijvend voort."
        ),
        fr=(
            "De Circulaire Aankopers est né du projet pilote Commune circulaire pour l’avenir "
            "et poursuit durablement ce travail."
        ),
        en=(
            "De Circulaire Aankopers grew out of the pilot project Circular Municipality for "
            "the Future and carries that work on for good."
        ),
    ),
    "body": [
        (
            "heading",
            T(nl="Waar we vandaan komen", fr="D’où nous venons", en="Where we come from"),
        ),
        (
            "paragraph",
            T(
                nl=(
                    "Van december 2017 tot juni 2019 liep het proefproject Circulaire Gemeente "
                    "voor de Toekomst van Bond Beter Leefmilieu en de Vlaamse Vereniging voor "
                    "Ruimte en Planning, met steun van Vlaanderen Circulair. Het doel: meer "
                    "ruimtelijk rendement in wijken en gebouwen en een kleinere milieu-impact "
                    "van materiaalstromen."
                ),
                fr=(
                    "De décembre 2017 à juin 2019, Bond Beter Leefmilieu et la Vlaamse "
                    "Vereniging voor Ruimte en Planning ont mené le projet pilote Commune "
                    "circulaire pour l’avenir, avec le soutien de Vlaanderen Circulair. "
                    "L’objectif : un meilleur rendement spatial des quartiers et des bâtiments "
                    "et un impact environnemental réduit des flux de matériaux."
                ),
                en=(
                    "From December 2017 to June 2019, Bond Beter Leefmilieu and the Flemish "
                    "Association for Spatial Planning ran the pilot project Circular "
                    "Municipality for the Future, supported by Circular Flanders. The aim: "
                    "more spatial efficiency in districts and buildings and a smaller "
                    "environmental footprint of material flows."
                ),
            ),
        ),
        ("heading", T(nl="Twee sporen", fr="Deux volets", en="Two strands")),
        (
            "paragraph",
            T(
                nl=(
                    "Het eerste spoor ging over circulaire wijken en gebouwen. Voor drie soorten "
                    "leegstaande gebouwen zochten bewoners, verenigingen, stedenbouwkundigen, "
                    "gemeenten en sectororganisaties in creatieve workshops en ontwerpend "
                    "onderzoek naar een nieuwe, circulaire invulling."
                ),
                fr=(
                    "Le premier volet portait sur les quartiers et bâtiments circulaires. Pour "
                    "trois types de bâtiments vacants, habitants, associations, urbanistes, "
                    "communes et organisations sectorielles ont cherché une nouvelle affectation "
                    "circulaire lors d’ateliers créatifs et de recherche par le projet."
                ),
                en=(
                    "The first strand was about circular districts and buildings. For three "
                    "kinds of vacant building, residents, associations, urban planners, "
                    "municipalities and sector organisations looked for a new circular use in "
                    "creative workshops and design research."
                ),
            ),
        ),
        (
            "paragraph",
            T(
                nl=(
                    "Het tweede spoor ging over het circulair aankopen van infrastructuur en "
                    "diensten. In een vijftal werksessies wisselden overheden en mogelijke "
                    "aanbieders uit over kansen en drempels bij de aankoop van bouwmaterialen, "
                    "ICT, meubilair en verlichting."
                ),
                fr=(
                    "Le second volet portait sur l’achat circulaire d’infrastructures et de "
                    "services. Lors de cinq ateliers, pouvoirs publics et fournisseurs potentiels "
                    "ont échangé sur les opportunités et les obstacles liés à l’achat de "
                    "matériaux de construction, d’informatique, de mobilier et d’éclairage."
                ),
                en=(
                    "The second strand was about buying infrastructure and services the "
                    "circular way. In some five work sessions, public bodies and potential "
                    "suppliers discussed the opportunities and barriers in buying building "
                    "materials, ICT, furniture and lighting."
                ),
            ),
        ),
        (
            "heading",
            T(nl="Een blijvend netwerk", fr="Un réseau durable", en="A lasting network"),
        ),
        (
            "paragraph",
            T(
                nl=(
                    "De voorbeelden, lessen en uitkomsten werden gebundeld in een inspiratieboek "
                    "en voorgesteld op een studiedag en een congres. Het lerend netwerk De "
                    "Circulaire Aankopers zorgt ervoor dat die kennis blijft groeien, ook bij "
                    "besturen die deelnemen aan de Green Deal Circulair Aankopen."
                ),
                fr=(
                    "Les exemples, leçons et résultats ont été rassemblés dans un livre "
                    "d’inspiration et présentés lors d’une journée d’étude et d’un congrès. Le "
                    "réseau De Circulaire Aankopers veille à ce que ces connaissances continuent "
                    "de grandir, notamment auprès des pouvoirs participant au Green Deal Achats "
                    "Circulaires."
                ),
                en=(
                    "The examples, lessons and outcomes were bundled in an inspiration book and "
                    "presented at a study day and a congress. The learning network De "
                    "Circulaire Aankopers keeps that knowledge growing, including among the "
                    "public bodies taking part in the Green Deal Circular Procurement."
                ),
            ),
        ),
    ],
}

CONTACT = {
    "slug": T(nl="contact", fr="contact", en="contact"),
    "title": T(nl="Contact", fr="Contact", en="Contact"),
    "intro": T(
        nl="Vragen over het netwerk, een werksessie of een les? Laat het ons weten.",
        fr="Une question sur le réseau, un atelier ou une leçon ? Faites-le-nous savoir.",
        en="Questions about the network, a work session or a lesson? Let us know.",
    ),
    "body": [
        (
            "paragraph",
            T(
                nl=(
                    "Mail naar info@circulaire-aankopers.be. We antwoorden binnen drie "
                    "werkdagen, in het Nederlands, het Frans of het Engels."
                ),
                fr=(
                    "Écrivez à info@circulaire-aankopers.be. Nous répondons dans les trois "
                    "jours ouvrables, en néerlandais, en français ou en anglais."
                ),
                en=(
                    "Write to info@circulaire-aankopers.be. We answer within three working "
                    "days, in Dutch, French or English."
                ),
            ),
        ),
    ],
}

PRIVACY = {
    "slug": T(nl="privacybeleid", fr="politique-de-confidentialite", en="privacy-policy"),
    "title": T(nl="Privacybeleid", fr="Politique de confidentialité", en="Privacy policy"),
    "intro": T(
        nl="Welke persoonsgegevens we bewaren, waarom, en hoe lang.",
        fr="Quelles données personnelles nous conservons, pourquoi et combien de temps.",
        en="Which personal data we keep, why, and for how long.",
    ),
    "body": [
        (
            "paragraph",
            T(
                nl=(
                    "Als je je inschrijft voor een activiteit, bewaren we je naam, e-mailadres, "
                    "organisatie en antwoorden om de activiteit te organiseren. Een jaar na de "
                    "activiteit maken we die gegevens anoniem."
                ),
                fr=(
                    "Lorsque vous vous inscrivez à une activité, nous conservons votre nom, "
                    "votre adresse e-mail, votre organisation et vos réponses pour organiser "
                    "l’activité. Un an après l’activité, nous rendons ces données anonymes."
                ),
                en=(
                    "When you register for an event, we keep your name, e-mail address, "
                    "organisation and answers to organise the event. One year after the event "
                    "we make that data anonymous."
                ),
            ),
        ),
        (
            "paragraph",
            T(
                nl=(
                    "Als lid kun je je gegevens op elk moment downloaden of je account "
                    "verwijderen. Je bijdragen aan discussies blijven dan staan zonder je naam."
                ),
                fr=(
                    "En tant que membre, vous pouvez à tout moment télécharger vos données ou "
                    "supprimer votre compte. Vos contributions aux discussions restent alors en "
                    "ligne sans votre nom."
                ),
                en=(
                    "As a member you can download your data or delete your account at any "
                    "time. Your contributions to discussions then stay online without your name."
                ),
            ),
        ),
    ],
}


def _body(glossary, items):
    blocks = []
    for kind, text in items:
        if kind == "heading":
            blocks.append(("heading", {"text": glossary.add(text), "level": "h2"}))
        else:
            blocks.append(("paragraph", glossary.paragraph(text)))
    return blocks


def _standard_page(parent, spec, show_in_menus=False):
    existing = parent.get_children().filter(slug=spec["slug"].nl).first()
    if existing is not None:
        return existing.specific
    glossary = Glossary()
    page = StandardPage(
        title=glossary.add(spec["title"]),
        slug=glossary.add(spec["slug"]),
        intro=glossary.add(spec["intro"]),
        body=_body(glossary, spec["body"]),
        show_in_menus=show_in_menus,
    )
    parent.add_child(instance=page)
    page.save_revision().publish()
    translate(page, glossary)
    return page


def ensure_home_page():
    """The Dutch home page at the site root, replacing Wagtail's placeholder page."""
    for language in ("nl", "fr", "en"):
        get_locale(language)
    home = HomePage.objects.filter(locale__language_code="nl").first()
    if home is None:
        root = Page.get_first_root_node()
        site = Site.objects.filter(is_default_site=True).first()
        placeholder = site.root_page.specific if site else None
        if placeholder is not None and type(placeholder) is Page:
            # Wagtail's "Welcome" page holds the slug we want; it goes once the site moves.
            Page.objects.filter(pk=placeholder.pk).update(slug=f"placeholder-{placeholder.pk}")
        else:
            placeholder = None
        glossary = Glossary()
        home = HomePage(
            title=glossary.add(HOME_TITLE),
            slug="home",
            intro=glossary.add(HOME_INTRO),
            mission="".join(glossary.paragraph(text) for text in HOME_MISSION),
            locale=get_locale("nl"),
        )
        glossary.add(T(nl="home", fr="accueil", en="home-en"))
        root.add_child(instance=home)
        home.save_revision().publish()
        if site is None:
            site = Site(hostname="localhost", port=80, is_default_site=True)
        site.root_page = home
        site.site_name = "De Circulaire Aankopers"
        site.save()
        if placeholder is not None:
            Page.objects.get(pk=placeholder.pk).delete()
        translate(home, glossary)
    return home


def load():
    home = ensure_home_page()
    about = _standard_page(home, ABOUT, show_in_menus=True)
    contact = _standard_page(home, CONTACT, show_in_menus=True)
    privacy = _standard_page(home, PRIVACY)
    site = Site.objects.get(is_default_site=True)
    site_settings = SiteSettings.for_site(site)
    if not site_settings.contact_email:
        site_settings.contact_email = "info@circulaire-aankopers.be"
        site_settings.contact_address = (
            "De Circulaire Aankopers\np/a Bond Beter Leefmilieu\nTweekerkenstraat 47\n1000 Brussel"
        )
        site_settings.privacy_page = privacy
        site_settings.footer_links = [("link", {"page": about}), ("link", {"page": contact})]
        site_settings.save()
    return home
