"""Demo texts of the knowledge base: organisations, themes, the index page and the
tender-clause library. Dutch is the source; French and English are its translations."""

from network.demo.localize import T

ORGANISATIONS = [
    {
        "key": "gent",
        "name": "Stad Gent",
        "type": "municipality",
        "green_deal": True,
        "region": "Gent",
        "website": "https://www.gent.example",
    },
    {
        "key": "leuven",
        "name": "Stad Leuven",
        "type": "municipality",
        "green_deal": True,
        "region": "Leuven",
        "website": "https://www.leuven.example",
    },
    {
        "key": "mechelen",
        "name": "Stad Mechelen",
        "type": "municipality",
        "green_deal": True,
        "region": "Mechelen",
        "website": "https://www.mechelen.example",
    },
    {
        "key": "kortrijk",
        "name": "Stad Kortrijk",
        "type": "municipality",
        "green_deal": False,
        "region": "Kortrijk",
        "website": "https://www.kortrijk.example",
    },
    {
        "key": "herzele",
        "name": "Gemeente Herzele",
        "type": "municipality",
        "green_deal": True,
        "region": "Herzele",
        "website": "https://www.herzele.example",
    },
    {
        "key": "vlaanderen-circulair",
        "name": "Vlaanderen Circulair",
        "type": "public_body",
        "green_deal": True,
        "region": "Vlaanderen",
        "website": "https://www.vlaanderen-circulair.example",
    },
    {
        "key": "federatie",
        "name": "Federatie Hergebruik Bouwmaterialen",
        "type": "sector_organisation",
        "green_deal": True,
        "region": "Vlaanderen",
        "website": "https://www.hergebruik-bouw.example",
    },
    {
        "key": "tweede-ronde",
        "name": "Tweede Ronde Kantoorinrichting",
        "type": "supplier",
        "green_deal": True,
        "region": "Aalst",
        "website": "https://www.tweederonde.example",
    },
    {
        "key": "lichtabonnement",
        "name": "LichtAbonnement",
        "type": "supplier",
        "green_deal": False,
        "region": "Hasselt",
        "website": "https://www.lichtabonnement.example",
    },
    {
        "key": "refurb-it",
        "name": "Refurb IT Vlaanderen",
        "type": "supplier",
        "green_deal": True,
        "region": "Roeselare",
        "website": "https://www.refurb-it.example",
    },
    {
        "key": "kenniscentrum",
        "name": "Kenniscentrum Circulair Aankopen",
        "type": "knowledge_institution",
        "green_deal": False,
        "region": "Antwerpen",
        "website": "https://www.kenniscentrum-circulair.example",
    },
    {
        "key": "bbl",
        "name": "Bond Beter Leefmilieu",
        "type": "ngo",
        "green_deal": True,
        "region": "Brussel",
        "website": "https://www.bbl.example",
    },
]

THEMES = [
    {
        "slug": T(nl="bouwmaterialen", fr="materiaux-de-construction", en="building-materials"),
        "name": T(nl="Bouwmaterialen", fr="Matériaux de construction", en="Building materials"),
        "description": T(
            nl=(
                "Hergebruik van bouwdelen, selectieve demontage en materialen met gerecycleerde "
                "inhoud bij renovatie en nieuwbouw."
            ),
            fr=(
                "Réemploi d’éléments de construction, démontage sélectif et matériaux à contenu "
                "recyclé en rénovation et en construction neuve."
            ),
            en=(
                "Reuse of building components, selective dismantling and materials with recycled "
                "content in renovation and new construction."
            ),
        ),
        "sort_order": 1,
    },
    {
        "slug": T(nl="ict", fr="informatique", en="ict"),
        "name": T(nl="ICT", fr="Informatique", en="ICT"),
        "description": T(
            nl=(
                "Laptops, schermen, smartphones en servers: langer gebruiken, refurbished aankopen "
                "en veilig laten terugnemen."
            ),
            fr=(
                "Ordinateurs portables, écrans, smartphones et serveurs : les utiliser plus "
                "longtemps, acheter reconditionné et organiser une reprise sûre."
            ),
            en=(
                "Laptops, screens, smartphones and servers: using them longer, buying refurbished "
                "and arranging safe take-back."
            ),
        ),
        "sort_order": 2,
    },
    {
        "slug": T(nl="meubilair", fr="mobilier", en="furniture"),
        "name": T(nl="Meubilair", fr="Mobilier", en="Furniture"),
        "description": T(
            nl=(
                "Kantoor- en schoolmeubilair herstofferen, herstellen, delen of als dienst afnemen "
                "in plaats van nieuw te kopen."
            ),
            fr=(
                "Retapisser, réparer, partager ou louer comme service le mobilier de bureau et "
                "scolaire au lieu d’en acheter du neuf."
            ),
            en=(
                "Reupholstering, repairing, sharing or leasing office and school furniture as a "
                "service instead of buying new."
            ),
        ),
        "sort_order": 3,
    },
    {
        "slug": T(nl="verlichting", fr="eclairage", en="lighting"),
        "name": T(nl="Verlichting", fr="Éclairage", en="Lighting"),
        "description": T(
            nl=(
                "Licht als dienst, herbruikbare armaturen en aankopen op basis van de totale kost "
                "over de levensduur."
            ),
            fr=(
                "L’éclairage comme service, des luminaires réutilisables et des achats fondés sur "
                "le coût total sur la durée de vie."
            ),
            en=(
                "Light as a service, reusable fittings and purchases based on the total cost over "
                "the lifetime."
            ),
        ),
        "sort_order": 4,
    },
    {
        "slug": T(nl="catering", fr="restauration", en="catering"),
        "name": T(nl="Catering", fr="Restauration", en="Catering"),
        "description": T(
            nl=(
                "Herbruikbaar servies, minder voedselverlies en lokale, seizoensgebonden maaltijden"
                " in scholen, woonzorgcentra en op evenementen."
            ),
            fr=(
                "Vaisselle réutilisable, moins de gaspillage alimentaire et des repas locaux et de "
                "saison dans les écoles, les maisons de repos et lors d’événements."
            ),
            en=(
                "Reusable tableware, less food waste and local, seasonal meals in schools, care "
                "homes and at events."
            ),
        ),
        "sort_order": 5,
    },
    {
        "slug": T(nl="textiel", fr="textile", en="textiles"),
        "name": T(nl="Textiel", fr="Textile", en="Textiles"),
        "description": T(
            nl=(
                "Werkkledij, uniformen en gordijnen met gerecycleerde vezels, herstelbaar ontwerp "
                "en een terugnameregeling."
            ),
            fr=(
                "Vêtements de travail, uniformes et rideaux en fibres recyclées, conçus pour être "
                "réparés et repris en fin d’usage."
            ),
            en=(
                "Workwear, uniforms and curtains with recycled fibres, a repairable design and a "
                "take-back scheme."
            ),
        ),
        "sort_order": 6,
    },
    {
        "slug": T(nl="energie", fr="energie", en="energy"),
        "name": T(nl="Energie", fr="Énergie", en="Energy"),
        "description": T(
            nl=(
                "Uitwisseling van warmte en energie tussen gebouwen, restwarmte en gedeelde "
                "installaties in de buurt."
            ),
            fr=(
                "Échange de chaleur et d’énergie entre bâtiments, chaleur résiduelle et "
                "installations partagées dans le quartier."
            ),
            en=(
                "Exchanging heat and energy between buildings, waste heat and shared installations "
                "in the neighbourhood."
            ),
        ),
        "sort_order": 7,
    },
]

INDEX_PAGE = {
    "slug": T(nl="kennisbank", fr="base-de-connaissances", en="knowledge-base"),
    "title": T(nl="Kennisbank", fr="Base de connaissances", en="Knowledge base"),
    "intro": T(
        nl=(
            "Lessen, praktijkvoorbeelden, pilootcases, beleidsaanbevelingen en bestekteksten van "
            "aankopers die circulair aankopen al in de praktijk brengen."
        ),
        fr=(
            "Leçons, exemples pratiques, cas pilotes, recommandations politiques et clauses de "
            "marché d’acheteurs qui pratiquent déjà l’achat circulaire."
        ),
        en=(
            "Lessons, practice examples, pilot cases, policy recommendations and tender clauses "
            "from buyers who already put circular procurement into practice."
        ),
    ),
}

CLAUSES = [
    # -- building materials --------------------------------------------------------------
    {
        "slug": T(
            nl="hergebruikinventaris-voor-sloop",
            fr="inventaire-de-reemploi-avant-demolition",
            en="reuse-inventory-before-demolition",
        ),
        "title": T(
            nl="Hergebruikinventaris vóór sloop of renovatie",
            fr="Inventaire de réemploi avant démolition ou rénovation",
            en="Reuse inventory before demolition or renovation",
        ),
        "theme": "bouwmaterialen",
        "phase": "needs_analysis",
        "kind": "technical_specification",
        "text": T(
            nl=(
                "De opdrachtnemer stelt vóór de start van de werken een inventaris op van alle "
                "herbruikbare bouwdelen, met per element de hoeveelheid, de afmetingen, de staat en"
                " een voorstel van bestemming. De inventaris wordt uiterlijk dertig kalenderdagen "
                "voor de start van de werken aan de aanbestedende overheid bezorgd."
            ),
            fr=(
                "Avant le début des travaux, l’adjudicataire dresse un inventaire de tous les "
                "éléments de construction réutilisables, en indiquant pour chaque élément la "
                "quantité, les dimensions, l’état et une proposition de destination. L’inventaire "
                "est remis au pouvoir adjudicateur au plus tard trente jours calendrier avant le "
                "début des travaux."
            ),
            en=(
                "Before the works start, the contractor draws up an inventory of all reusable "
                "building components, stating for each element the quantity, dimensions, condition "
                "and a proposed destination. The inventory is delivered to the contracting "
                "authority no later than thirty calendar days before the works start."
            ),
        ),
        "rationale": T(
            nl=(
                "Wat niet op tijd geïnventariseerd is, belandt in de container. Een inventaris "
                "geeft kopers van tweedehands materialen de tijd om zich te melden."
            ),
            fr=(
                "Ce qui n’est pas inventorié à temps finit dans le conteneur. Un inventaire laisse "
                "aux acheteurs de matériaux de seconde main le temps de se manifester."
            ),
            en=(
                "Whatever is not listed in time ends up in the skip. An inventory gives buyers of "
                "second-hand materials time to come forward."
            ),
        ),
        "source_example": "sloopinventaris-stadskantoor-kortrijk",
    },
    {
        "slug": T(
            nl="ervaring-selectieve-demontage",
            fr="experience-demontage-selectif",
            en="experience-selective-dismantling",
        ),
        "title": T(
            nl="Ervaring met selectieve demontage",
            fr="Expérience du démontage sélectif",
            en="Experience with selective dismantling",
        ),
        "theme": "bouwmaterialen",
        "phase": "tender",
        "kind": "selection_criterion",
        "text": T(
            nl=(
                "De inschrijver toont aan dat hij in de voorbije vijf jaar minstens twee werven "
                "heeft uitgevoerd waarbij bouwdelen selectief werden gedemonteerd voor hergebruik. "
                "Per referentie vermeldt hij de opdrachtgever, de gedemonteerde elementen en hun "
                "bestemming."
            ),
            fr=(
                "Le soumissionnaire démontre qu’il a réalisé au cours des cinq dernières années au "
                "moins deux chantiers où des éléments de construction ont été démontés de manière "
                "sélective en vue de leur réemploi. Pour chaque référence, il mentionne le maître "
                "d’ouvrage, les éléments démontés et leur destination."
            ),
            en=(
                "The tenderer shows that in the past five years it has carried out at least two "
                "sites where building components were selectively dismantled for reuse. For each "
                "reference it states the client, the dismantled elements and their destination."
            ),
        ),
        "rationale": T(
            nl=(
                "Demonteren zonder schade is vakwerk. Met deze eis weet je dat de aannemer het al "
                "eens gedaan heeft, zonder kleinere spelers uit te sluiten."
            ),
            fr=(
                "Démonter sans abîmer est un savoir-faire. Cette exigence garantit que "
                "l’entrepreneur l’a déjà fait, sans exclure les petits acteurs."
            ),
            en=(
                "Dismantling without damage is a craft. This requirement tells you the contractor "
                "has done it before, without shutting out smaller firms."
            ),
        ),
    },
    {
        "slug": T(
            nl="aandeel-hergebruikte-bouwmaterialen",
            fr="part-de-materiaux-reemployes",
            en="share-of-reused-building-materials",
        ),
        "title": T(
            nl="Aandeel hergebruikte bouwmaterialen",
            fr="Part de matériaux de construction réemployés",
            en="Share of reused building materials",
        ),
        "theme": "bouwmaterialen",
        "phase": "tender",
        "kind": "award_criterion",
        "text": T(
            nl=(
                "Twintig van de honderd punten worden toegekend op basis van het aandeel "
                "hergebruikte bouwmaterialen, uitgedrukt in gewicht ten opzichte van het totaal aan"
                " geleverde materialen. De inschrijver staaft zijn voorstel met een lijst van "
                "herkomst per materiaal."
            ),
            fr=(
                "Vingt points sur cent sont attribués en fonction de la part de matériaux de "
                "construction réemployés, exprimée en poids par rapport au total des matériaux "
                "fournis. Le soumissionnaire étaye sa proposition par une liste d’origine par "
                "matériau."
            ),
            en=(
                "Twenty out of a hundred points are awarded on the share of reused building "
                "materials, expressed by weight against the total of materials supplied. The "
                "tenderer supports its offer with a list of origins per material."
            ),
        ),
        "rationale": T(
            nl=(
                "Een gunningscriterium laat de markt zelf bepalen hoe ver ze kan gaan, waar een "
                "harde eis nieuwe aanbieders zou afschrikken."
            ),
            fr=(
                "Un critère d’attribution laisse le marché déterminer jusqu’où il peut aller, là où"
                " une exigence stricte effraierait les nouveaux acteurs."
            ),
            en=(
                "An award criterion lets the market decide how far it can go, where a hard "
                "requirement would scare off new suppliers."
            ),
        ),
        "source_example": "reemploi-materiaux-lyon",
    },
    # -- furniture -----------------------------------------------------------------------
    {
        "slug": T(
            nl="bestaand-meubilair-eerst",
            fr="mobilier-existant-dabord",
            en="existing-furniture-first",
        ),
        "title": T(
            nl="Bestaand meubilair eerst herstellen",
            fr="Réparer d’abord le mobilier existant",
            en="Repair existing furniture first",
        ),
        "theme": "meubilair",
        "phase": "tender",
        "kind": "technical_specification",
        "text": T(
            nl=(
                "De opdrachtnemer beoordeelt eerst het bestaande meubilair en stelt per stuk "
                "herstelling, herstoffering of herbestemming voor. Nieuwe stukken worden enkel "
                "geleverd voor de behoeften die met bestaand meubilair niet ingevuld kunnen worden,"
                " na schriftelijk akkoord van de aanbestedende overheid."
            ),
            fr=(
                "L’adjudicataire évalue d’abord le mobilier existant et propose pour chaque pièce "
                "une réparation, un retapissage ou une nouvelle affectation. Des pièces neuves ne "
                "sont livrées que pour les besoins qui ne peuvent être couverts par le mobilier "
                "existant, après accord écrit du pouvoir adjudicateur."
            ),
            en=(
                "The contractor first assesses the existing furniture and proposes repair, "
                "reupholstering or a new use for each piece. New pieces are supplied only for needs"
                " that existing furniture cannot meet, after written approval by the contracting "
                "authority."
            ),
        ),
        "rationale": T(
            nl=(
                "Het meest circulaire meubel is het meubel dat je al hebt. Zo betaal je voor "
                "vakmanschap in plaats van voor nieuwe grondstoffen."
            ),
            fr=(
                "Le meuble le plus circulaire est celui que vous possédez déjà. Vous payez ainsi un"
                " savoir-faire plutôt que de nouvelles matières premières."
            ),
            en=(
                "The most circular piece of furniture is the one you already own. You pay for "
                "craftsmanship rather than for new raw materials."
            ),
        ),
        "source_example": "refurbished-kantoormeubilair-gent",
    },
    {
        "slug": T(nl="terugname-meubilair", fr="reprise-du-mobilier", en="furniture-take-back"),
        "title": T(
            nl="Terugname en hergebruik van meubilair",
            fr="Reprise et réemploi du mobilier",
            en="Take-back and reuse of furniture",
        ),
        "theme": "meubilair",
        "phase": "contract_management",
        "kind": "contract_clause",
        "text": T(
            nl=(
                "Op het einde van de gebruiksduur neemt de opdrachtnemer het geleverde meubilair "
                "kosteloos terug. Hij rapporteert jaarlijks welk aandeel werd hergebruikt, "
                "gerecycleerd of verwijderd, en verwijdert niets zonder voorafgaande melding."
            ),
            fr=(
                "En fin d’usage, l’adjudicataire reprend gratuitement le mobilier livré. Il indique"
                " chaque année quelle part a été réemployée, recyclée ou éliminée, et n’élimine "
                "rien sans notification préalable."
            ),
            en=(
                "At the end of its service life, the contractor takes back the supplied furniture "
                "free of charge. It reports each year which share was reused, recycled or disposed "
                "of, and disposes of nothing without prior notice."
            ),
        ),
        "rationale": T(
            nl=(
                "Wie het meubilair terug moet nemen, ontwerpt het om lang mee te gaan en makkelijk "
                "te herstellen."
            ),
            fr=(
                "Celui qui doit reprendre le mobilier le conçoit pour durer et pour être facilement"
                " réparé."
            ),
            en=(
                "A supplier that has to take the furniture back designs it to last and to be easy "
                "to repair."
            ),
        ),
    },
    {
        "slug": T(
            nl="functionele-vraag-meubilair",
            fr="demande-fonctionnelle-mobilier",
            en="functional-request-furniture",
        ),
        "title": T(
            nl="Functionele vraag in plaats van productlijst",
            fr="Une demande fonctionnelle plutôt qu’une liste de produits",
            en="A functional request instead of a product list",
        ),
        "theme": "meubilair",
        "phase": "market_consultation",
        "kind": "technical_specification",
        "text": T(
            nl=(
                "De aanbestedende overheid beschrijft de gevraagde werkplekken in functionele "
                "termen: het aantal medewerkers, de activiteiten en de gewenste flexibiliteit. "
                "Inschrijvers mogen nieuwe, gereviseerde of bestaande meubelen voorstellen, of een "
                "combinatie daarvan."
            ),
            fr=(
                "Le pouvoir adjudicateur décrit les postes de travail demandés en termes "
                "fonctionnels : le nombre de collaborateurs, les activités et la flexibilité "
                "souhaitée. Les soumissionnaires peuvent proposer du mobilier neuf, reconditionné "
                "ou existant, ou une combinaison des trois."
            ),
            en=(
                "The contracting authority describes the workplaces it needs in functional terms: "
                "the number of staff, the activities and the flexibility required. Tenderers may "
                "offer new, refurbished or existing furniture, or a combination."
            ),
        ),
        "rationale": T(
            nl=(
                "Een lijst met productcodes sluit refurbished aanbod bij voorbaat uit. Een "
                "functionele vraag laat leveranciers zelf de meest circulaire oplossing zoeken."
            ),
            fr=(
                "Une liste de références produits exclut d’emblée l’offre reconditionnée. Une "
                "demande fonctionnelle laisse aux fournisseurs le soin de trouver la solution la "
                "plus circulaire."
            ),
            en=(
                "A list of product codes rules out refurbished offers from the start. A functional "
                "request lets suppliers find the most circular solution themselves."
            ),
        ),
    },
    # -- ICT -----------------------------------------------------------------------------
    {
        "slug": T(
            nl="gebruiksduur-en-onderdelen-ict",
            fr="duree-dutilisation-et-pieces-informatique",
            en="service-life-and-spare-parts-ict",
        ),
        "title": T(
            nl="Minimale gebruiksduur en reserveonderdelen",
            fr="Durée d’utilisation minimale et pièces de rechange",
            en="Minimum service life and spare parts",
        ),
        "theme": "ict",
        "phase": "tender",
        "kind": "technical_specification",
        "text": T(
            nl=(
                "De aangeboden laptops zijn ontworpen voor een gebruiksduur van minstens zes jaar. "
                "De inschrijver garandeert gedurende die periode de beschikbaarheid van batterijen,"
                " toetsenborden en schermen als reserveonderdeel, die met standaardgereedschap "
                "vervangen kunnen worden."
            ),
            fr=(
                "Les ordinateurs portables proposés sont conçus pour une durée d’utilisation d’au "
                "moins six ans. Le soumissionnaire garantit pendant cette période la disponibilité "
                "des batteries, claviers et écrans comme pièces de rechange, remplaçables avec des "
                "outils standard."
            ),
            en=(
                "The laptops offered are designed for a service life of at least six years. During "
                "that period the tenderer guarantees the availability of batteries, keyboards and "
                "screens as spare parts, replaceable with standard tools."
            ),
        ),
        "rationale": T(
            nl=(
                "Het grootste deel van de milieu-impact van een laptop zit in de productie. Elk "
                "jaar extra gebruik telt dus zwaar door."
            ),
            fr=(
                "L’essentiel de l’impact environnemental d’un ordinateur portable se situe dans sa "
                "fabrication. Chaque année d’utilisation supplémentaire compte donc beaucoup."
            ),
            en=(
                "Most of a laptop’s environmental impact lies in its manufacture. Every extra year "
                "of use therefore counts heavily."
            ),
        ),
    },
    {
        "slug": T(
            nl="gecertificeerde-gegevenswissing",
            fr="effacement-certifie-des-donnees",
            en="certified-data-erasure",
        ),
        "title": T(
            nl="Gecertificeerde gegevenswissing",
            fr="Effacement certifié des données",
            en="Certified data erasure",
        ),
        "theme": "ict",
        "phase": "tender",
        "kind": "selection_criterion",
        "text": T(
            nl=(
                "De inschrijver beschikt over een procedure voor het wissen van gegevensdragers "
                "volgens een erkende norm en levert per toestel een wisrapport. Hij voegt bij zijn "
                "offerte een geldig certificaat of een gelijkwaardig bewijs van een onafhankelijke "
                "instantie."
            ),
            fr=(
                "Le soumissionnaire dispose d’une procédure d’effacement des supports de données "
                "selon une norme reconnue et fournit un rapport d’effacement par appareil. Il joint"
                " à son offre un certificat valide ou une preuve équivalente émanant d’un organisme"
                " indépendant."
            ),
            en=(
                "The tenderer has a procedure for erasing data carriers to a recognised standard "
                "and supplies an erasure report per device. It attaches to its tender a valid "
                "certificate or equivalent proof from an independent body."
            ),
        ),
        "rationale": T(
            nl=(
                "Angst voor datalekken is de voornaamste reden waarom toestellen vernietigd worden "
                "in plaats van hergebruikt. Een aantoonbare wisprocedure neemt die angst weg."
            ),
            fr=(
                "La crainte des fuites de données est la principale raison pour laquelle les "
                "appareils sont détruits au lieu d’être réemployés. Une procédure d’effacement "
                "vérifiable lève cette crainte."
            ),
            en=(
                "Fear of data leaks is the main reason devices are destroyed instead of reused. A "
                "verifiable erasure procedure removes that fear."
            ),
        ),
        "source_example": "terugname-laptops-kopenhagen",
    },
    {
        "slug": T(
            nl="terugname-ict-met-rapportage",
            fr="reprise-informatique-avec-rapport",
            en="ict-take-back-with-reporting",
        ),
        "title": T(
            nl="Terugname van ICT met rapportage over hergebruik",
            fr="Reprise du matériel informatique avec rapport de réemploi",
            en="ICT take-back with reuse reporting",
        ),
        "theme": "ict",
        "phase": "contract_management",
        "kind": "contract_clause",
        "text": T(
            nl=(
                "De opdrachtnemer neemt afgeschreven toestellen binnen twintig werkdagen na melding"
                " terug. Hij rapporteert per kwartaal hoeveel toestellen een tweede leven kregen, "
                "hoeveel onderdelen werden gerecupereerd en hoeveel toestellen werden gerecycleerd,"
                " telkens met vermelding van de verwerker."
            ),
            fr=(
                "L’adjudicataire reprend les appareils amortis dans les vingt jours ouvrables "
                "suivant la notification. Il indique chaque trimestre combien d’appareils ont connu"
                " une seconde vie, combien de pièces ont été récupérées et combien d’appareils ont "
                "été recyclés, en précisant chaque fois l’opérateur de traitement."
            ),
            en=(
                "The contractor takes back written-off devices within twenty working days of "
                "notification. Each quarter it reports how many devices got a second life, how many"
                " parts were recovered and how many devices were recycled, each time naming the "
                "processor."
            ),
        ),
        "rationale": T(
            nl=(
                "Zonder rapportage weet je niet of teruggenomen toestellen echt hergebruikt worden."
                " De cijfers voeden ook je eigen duurzaamheidsverslag."
            ),
            fr=(
                "Sans rapport, vous ne savez pas si les appareils repris sont vraiment réemployés. "
                "Les chiffres alimentent aussi votre propre rapport de durabilité."
            ),
            en=(
                "Without reporting you cannot tell whether devices taken back are really reused. "
                "The figures also feed your own sustainability report."
            ),
        ),
    },
    # -- lighting ------------------------------------------------------------------------
    {
        "slug": T(nl="licht-als-dienst", fr="eclairage-comme-service", en="light-as-a-service"),
        "title": T(
            nl="Licht als dienst: prestatie in plaats van armaturen",
            fr="L’éclairage comme service : une performance plutôt que des luminaires",
            en="Light as a service: performance instead of fittings",
        ),
        "theme": "verlichting",
        "phase": "tender",
        "kind": "technical_specification",
        "text": T(
            nl=(
                "De opdrachtnemer garandeert gedurende de looptijd van de overeenkomst een "
                "verlichtingssterkte van minstens 500 lux op de werkvlakken en blijft eigenaar van "
                "de installatie. Onderhoud, herstellingen en vervanging zijn inbegrepen in de "
                "jaarlijkse vergoeding."
            ),
            fr=(
                "Pendant toute la durée du contrat, l’adjudicataire garantit un éclairement d’au "
                "moins 500 lux sur les plans de travail et reste propriétaire de l’installation. "
                "L’entretien, les réparations et le remplacement sont compris dans la redevance "
                "annuelle."
            ),
            en=(
                "Throughout the contract the contractor guarantees an illuminance of at least 500 "
                "lux on work surfaces and remains the owner of the installation. Maintenance, "
                "repairs and replacement are included in the annual fee."
            ),
        ),
        "rationale": T(
            nl=(
                "Als de leverancier eigenaar blijft, heeft hij er belang bij dat armaturen lang "
                "meegaan, zuinig zijn en achteraf hergebruikt kunnen worden."
            ),
            fr=(
                "Si le fournisseur reste propriétaire, il a intérêt à ce que les luminaires durent "
                "longtemps, consomment peu et puissent être réemployés ensuite."
            ),
            en=(
                "When the supplier remains the owner, it has an interest in fittings that last "
                "long, use little energy and can be reused afterwards."
            ),
        ),
        "source_example": "licht-als-dienst-sporthallen-mechelen",
    },
    {
        "slug": T(
            nl="totale-kost-verlichting", fr="cout-total-eclairage", en="total-cost-lighting"
        ),
        "title": T(
            nl="Gunning op totale kost over de levensduur",
            fr="Attribution sur le coût total sur la durée de vie",
            en="Award on total cost over the lifetime",
        ),
        "theme": "verlichting",
        "phase": "tender",
        "kind": "award_criterion",
        "text": T(
            nl=(
                "De prijs wordt beoordeeld als de totale kost over vijftien jaar: aankoop of "
                "vergoeding, energieverbruik aan een vaste eenheidsprijs, onderhoud en de kosten op"
                " het einde van de levensduur. De inschrijver vult daartoe het bijgevoegde "
                "rekenblad volledig in."
            ),
            fr=(
                "Le prix est évalué comme le coût total sur quinze ans : achat ou redevance, "
                "consommation d’énergie à un prix unitaire fixe, entretien et coûts de fin de vie. "
                "Le soumissionnaire complète à cet effet l’intégralité de la feuille de calcul "
                "jointe."
            ),
            en=(
                "The price is assessed as the total cost over fifteen years: purchase or fee, "
                "energy use at a fixed unit price, maintenance and end-of-life costs. To that end "
                "the tenderer fills in the attached spreadsheet in full."
            ),
        ),
        "rationale": T(
            nl=(
                "Zuinige en herstelbare verlichting is duurder bij aankoop maar goedkoper over de "
                "hele levensduur. Enkel de aankoopprijs vergelijken bevoordeelt wegwerpoplossingen."
            ),
            fr=(
                "Un éclairage économe et réparable coûte plus cher à l’achat mais moins cher sur "
                "toute sa durée de vie. Comparer uniquement le prix d’achat favorise les solutions "
                "jetables."
            ),
            en=(
                "Efficient, repairable lighting costs more to buy but less over its whole life. "
                "Comparing only the purchase price favours throwaway solutions."
            ),
        ),
    },
    # -- catering ------------------------------------------------------------------------
    {
        "slug": T(nl="herbruikbaar-servies", fr="vaisselle-reutilisable", en="reusable-tableware"),
        "title": T(
            nl="Herbruikbaar servies en afwas",
            fr="Vaisselle réutilisable et lavage",
            en="Reusable tableware and washing",
        ),
        "theme": "catering",
        "phase": "tender",
        "kind": "technical_specification",
        "text": T(
            nl=(
                "Maaltijden en dranken worden uitsluitend geserveerd in herbruikbaar servies en met"
                " herbruikbaar bestek. De opdrachtnemer staat in voor de inzameling, de afwas en de"
                " aanvulling van verloren of beschadigde stukken."
            ),
            fr=(
                "Les repas et les boissons sont servis exclusivement dans de la vaisselle "
                "réutilisable et avec des couverts réutilisables. L’adjudicataire assure la "
                "collecte, le lavage et le remplacement des pièces perdues ou abîmées."
            ),
            en=(
                "Meals and drinks are served only in reusable tableware and with reusable cutlery. "
                "The contractor is responsible for collection, washing and replacing lost or "
                "damaged items."
            ),
        ),
        "rationale": T(
            nl=(
                "Wegwerpservies is de zichtbaarste afvalstroom op evenementen. Door de afwas in de "
                "opdracht op te nemen, ligt de logistiek bij wie ze het best kan organiseren."
            ),
            fr=(
                "La vaisselle jetable est le flux de déchets le plus visible lors des événements. "
                "En intégrant le lavage au marché, la logistique revient à celui qui peut le mieux "
                "l’organiser."
            ),
            en=(
                "Disposable tableware is the most visible waste stream at events. Including the "
                "washing in the contract puts the logistics with whoever can organise them best."
            ),
        ),
        "source_example": "herbruikbare-bekers-leuven",
    },
    {
        "slug": T(
            nl="meting-voedselverlies",
            fr="mesure-du-gaspillage-alimentaire",
            en="measuring-food-waste",
        ),
        "title": T(
            nl="Meting en rapportage van voedselverlies",
            fr="Mesure et rapport du gaspillage alimentaire",
            en="Measuring and reporting food waste",
        ),
        "theme": "catering",
        "phase": "contract_management",
        "kind": "contract_clause",
        "text": T(
            nl=(
                "De opdrachtnemer weegt maandelijks gedurende één week de bereidingsresten en de "
                "teruggebrachte borden per locatie. Hij bespreekt de resultaten elk halfjaar met de"
                " aanbestedende overheid en stelt maatregelen voor om het verlies te verminderen."
            ),
            fr=(
                "Chaque mois, pendant une semaine, l’adjudicataire pèse les restes de préparation "
                "et les assiettes rapportées par site. Il discute les résultats tous les six mois "
                "avec le pouvoir adjudicateur et propose des mesures pour réduire le gaspillage."
            ),
            en=(
                "Each month, for one week, the contractor weighs preparation leftovers and returned"
                " plates per site. Every six months it discusses the results with the contracting "
                "authority and proposes measures to reduce the waste."
            ),
        ),
        "rationale": T(
            nl=(
                "Wat gemeten wordt, wordt beter. Een vaste meetweek houdt de administratieve last "
                "klein voor de cateraar."
            ),
            fr=(
                "Ce qui est mesuré s’améliore. Une semaine de mesure fixe limite la charge "
                "administrative du traiteur."
            ),
            en=(
                "What gets measured gets better. A fixed measuring week keeps the caterer’s "
                "paperwork light."
            ),
        ),
    },
    # -- textiles ------------------------------------------------------------------------
    {
        "slug": T(
            nl="gerecycleerde-vezels-werkkledij",
            fr="fibres-recyclees-vetements-de-travail",
            en="recycled-fibres-workwear",
        ),
        "title": T(
            nl="Gerecycleerde vezels in werkkledij",
            fr="Fibres recyclées dans les vêtements de travail",
            en="Recycled fibres in workwear",
        ),
        "theme": "textiel",
        "phase": "tender",
        "kind": "award_criterion",
        "text": T(
            nl=(
                "Vijftien van de honderd punten worden toegekend op basis van het aandeel "
                "gerecycleerde vezels in de aangeboden kledingstukken, aangetoond met een "
                "productfiche en een certificaat van de vezelleverancier. Vezels uit gerecycleerd "
                "textiel krijgen het dubbele gewicht van vezels uit PET-flessen."
            ),
            fr=(
                "Quinze points sur cent sont attribués en fonction de la part de fibres recyclées "
                "dans les vêtements proposés, attestée par une fiche produit et un certificat du "
                "fournisseur de fibres. Les fibres issues de textile recyclé pèsent deux fois plus "
                "que celles issues de bouteilles en PET."
            ),
            en=(
                "Fifteen out of a hundred points are awarded on the share of recycled fibres in the"
                " garments offered, shown by a product sheet and a certificate from the fibre "
                "supplier. Fibres from recycled textiles count double compared with fibres from PET"
                " bottles."
            ),
        ),
        "rationale": T(
            nl=(
                "Textiel-tot-textielrecyclage sluit de kringloop echt; PET-flessen horen beter in "
                "hun eigen kringloop. De weging stuurt de markt die richting uit."
            ),
            fr=(
                "Le recyclage de textile à textile ferme réellement la boucle ; les bouteilles en "
                "PET ont leur propre filière. La pondération oriente le marché dans ce sens."
            ),
            en=(
                "Textile-to-textile recycling truly closes the loop; PET bottles belong in their "
                "own loop. The weighting steers the market in that direction."
            ),
        ),
        "source_example": "circulaire-werkkledij-utrecht",
    },
    {
        "slug": T(
            nl="behoefteanalyse-werkkledij",
            fr="analyse-des-besoins-vetements-de-travail",
            en="needs-analysis-workwear",
        ),
        "title": T(
            nl="Behoefteanalyse werkkledij",
            fr="Analyse des besoins en vêtements de travail",
            en="Needs analysis for workwear",
        ),
        "theme": "textiel",
        "phase": "needs_analysis",
        "kind": "technical_specification",
        "text": T(
            nl=(
                "Voor de opmaak van het bestek bevraagt de aanbestedende overheid per dienst het "
                "aantal dragers, de maten, het gewenste aantal stuks per persoon en de redenen van "
                "vervanging in de voorbije drie jaar. De resultaten worden als bijlage bij het "
                "bestek gevoegd."
            ),
            fr=(
                "Avant de rédiger le cahier des charges, le pouvoir adjudicateur recense par "
                "service le nombre d’utilisateurs, les tailles, le nombre de pièces souhaité par "
                "personne et les motifs de remplacement des trois dernières années. Les résultats "
                "sont joints en annexe au cahier des charges."
            ),
            en=(
                "Before drafting the tender, the contracting authority surveys per department the "
                "number of wearers, the sizes, the number of items wanted per person and the "
                "reasons for replacement over the past three years. The results are attached to the"
                " tender documents."
            ),
        ),
        "rationale": T(
            nl=(
                "Veel werkkledij ligt ongebruikt in kasten omdat ze niet past of te ruim besteld "
                "werd. Wie de echte behoefte kent, koopt minder en beter."
            ),
            fr=(
                "Beaucoup de vêtements de travail dorment dans les armoires parce qu’ils ne "
                "conviennent pas ou ont été commandés en trop grand nombre. Connaître le besoin "
                "réel permet d’acheter moins et mieux."
            ),
            en=(
                "A lot of workwear lies unused in cupboards because it does not fit or too much was"
                " ordered. Knowing the real need means buying less and better."
            ),
        ),
    },
]
