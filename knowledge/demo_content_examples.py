"""Demo texts of the practice examples (Belgium and abroad) and the policy recommendations.

One practice example, from Kortrijk, stays Dutch-only on purpose.
"""

import datetime

from network.demo.localize import T

EXAMPLES = [
    {
        "slug": T(
            nl="refurbished-kantoormeubilair-gent",
            fr="mobilier-de-bureau-reconditionne-gand",
            en="refurbished-office-furniture-ghent",
        ),
        "title": T(
            nl="Refurbished kantoormeubilair voor een administratief centrum",
            fr="Du mobilier de bureau reconditionné pour un centre administratif",
            en="Refurbished office furniture for an administrative centre",
        ),
        "summary": T(
            nl=(
                "Bij de verhuis naar een nieuw administratief centrum liet Gent het bestaande "
                "meubilair herstellen en herstofferen in plaats van alles nieuw te kopen."
            ),
            fr=(
                "Lors du déménagement vers un nouveau centre administratif, Gand a fait réparer et "
                "retapisser le mobilier existant au lieu de tout racheter neuf."
            ),
            en=(
                "When moving to a new administrative centre, Ghent had its existing furniture "
                "repaired and reupholstered instead of buying everything new."
            ),
        ),
        "themes": ["meubilair"],
        "organisations": ["gent", "tweede-ronde"],
        "phase": "tender",
        "published": datetime.date(2018, 9, 14),
        "reviewed": datetime.date(2024, 2, 2),
        "country": "BE",
        "place": T(nl="Gent", fr="Gand", en="Ghent"),
        "buyer": T(nl="Stad Gent", fr="Ville de Gand", en="City of Ghent"),
        "strategy": "refurbish",
        "results": [
            (
                T(nl="1.200", fr="1 200", en="1,200"),
                T(
                    nl="werkplekken ingericht",
                    fr="postes de travail aménagés",
                    en="workplaces furnished",
                ),
            ),
            (
                T(nl="78%", fr="78 %", en="78%"),
                T(
                    nl="van het meubilair hergebruikt",
                    fr="du mobilier réemployé",
                    en="of the furniture reused",
                ),
            ),
            (
                T(nl="€ 410.000", fr="410 000 €", en="€410,000"),
                T(
                    nl="minder uitgegeven dan voor nieuw meubilair",
                    fr="de dépenses en moins qu’avec du mobilier neuf",
                    en="less spent than on new furniture",
                ),
            ),
        ],
        "body": [
            T(
                nl=(
                    "Een sociale-economiebedrijf inventariseerde alle bureaus, kasten en stoelen en"
                    " beoordeelde per stuk of herstel zinvol was. Nieuwe stukken werden enkel "
                    "aangekocht voor de vergaderzalen en het onthaal."
                ),
                fr=(
                    "Une entreprise d’économie sociale a inventorié tous les bureaux, armoires et "
                    "chaises et évalué pour chaque pièce si une réparation avait du sens. Des "
                    "pièces neuves n’ont été achetées que pour les salles de réunion et l’accueil."
                ),
                en=(
                    "A social-economy enterprise listed every desk, cupboard and chair and judged "
                    "piece by piece whether repair made sense. New pieces were bought only for the "
                    "meeting rooms and the reception."
                ),
            ),
        ],
    },
    {
        "slug": T(
            nl="licht-als-dienst-sporthallen-mechelen",
            fr="eclairage-comme-service-salles-de-sport-malines",
            en="light-as-a-service-sports-halls-mechelen",
        ),
        "title": T(
            nl="Licht als dienst in vier sporthallen",
            fr="L’éclairage comme service dans quatre salles de sport",
            en="Light as a service in four sports halls",
        ),
        "summary": T(
            nl=(
                "Mechelen betaalt voor licht in zijn sporthallen, niet voor lampen. De leverancier "
                "blijft eigenaar en neemt alles terug na vijftien jaar."
            ),
            fr=(
                "Malines paie pour la lumière dans ses salles de sport, pas pour des lampes. Le "
                "fournisseur reste propriétaire et reprend tout après quinze ans."
            ),
            en=(
                "Mechelen pays for light in its sports halls, not for lamps. The supplier remains "
                "the owner and takes everything back after fifteen years."
            ),
        ),
        "themes": ["verlichting", "energie"],
        "organisations": ["mechelen", "lichtabonnement"],
        "phase": "tender",
        "published": datetime.date(2019, 10, 3),
        "reviewed": datetime.date(2025, 11, 20),
        "country": "BE",
        "place": T(nl="Mechelen", fr="Malines", en="Mechelen"),
        "buyer": T(nl="Stad Mechelen", fr="Ville de Malines", en="City of Mechelen"),
        "strategy": "product_as_a_service",
        "results": [
            (
                T(nl="56%", fr="56 %", en="56%"),
                T(
                    nl="minder elektriciteitsverbruik",
                    fr="de consommation d’électricité en moins",
                    en="less electricity use",
                ),
            ),
            (
                T(nl="15 jaar", fr="15 ans", en="15 years"),
                T(nl="looptijd van het contract", fr="durée du contrat", en="contract term"),
            ),
            (
                T(nl="0", fr="0", en="0"),
                T(
                    nl="armaturen die de stad zelf moet afvoeren",
                    fr="luminaire que la ville doit éliminer elle-même",
                    en="fittings the city has to dispose of itself",
                ),
            ),
        ],
        "body": [
            T(
                nl=(
                    "Het contract legt per zone een lichtniveau vast en een maximaal verbruik per "
                    "jaar. Haalt de leverancier dat niet, dan daalt zijn vergoeding."
                ),
                fr=(
                    "Le contrat fixe un niveau d’éclairement par zone et une consommation annuelle "
                    "maximale. Si le fournisseur ne les atteint pas, sa redevance diminue."
                ),
                en=(
                    "The contract sets a light level per zone and a maximum annual consumption. If "
                    "the supplier misses them, its fee goes down."
                ),
            ),
        ],
    },
    {
        "slug": T(
            nl="herbruikbare-bekers-leuven",
            fr="gobelets-reutilisables-louvain",
            en="reusable-cups-leuven",
        ),
        "title": T(
            nl="Herbruikbare bekers op stadsevenementen",
            fr="Des gobelets réutilisables lors des événements de la ville",
            en="Reusable cups at city events",
        ),
        "summary": T(
            nl=(
                "Op alle evenementen die Leuven organiseert of ondersteunt, worden dranken enkel "
                "nog in herbruikbare bekers geschonken."
            ),
            fr=(
                "Lors de tous les événements organisés ou soutenus par Louvain, les boissons ne "
                "sont plus servies que dans des gobelets réutilisables."
            ),
            en=(
                "At every event Leuven organises or supports, drinks are now served only in "
                "reusable cups."
            ),
        ),
        "themes": ["catering"],
        "organisations": ["leuven"],
        "phase": "contract_management",
        "published": datetime.date(2021, 8, 26),
        "reviewed": datetime.date(2025, 8, 30),
        "country": "BE",
        "place": T(nl="Leuven", fr="Louvain", en="Leuven"),
        "buyer": T(nl="Stad Leuven", fr="Ville de Louvain", en="City of Leuven"),
        "strategy": "reuse",
        "results": [
            (
                T(nl="420.000", fr="420 000", en="420,000"),
                T(
                    nl="wegwerpbekers per jaar vermeden",
                    fr="gobelets jetables évités par an",
                    en="disposable cups avoided per year",
                ),
            ),
            (
                T(nl="93%", fr="93 %", en="93%"),
                T(
                    nl="van de bekers teruggebracht",
                    fr="des gobelets rapportés",
                    en="of cups returned",
                ),
            ),
        ],
        "body": [
            T(
                nl=(
                    "De stad sloot een raamovereenkomst met een cateraar die bekers levert, "
                    "inzamelt en afwast. Organisatoren bestellen de bekers via een eenvoudig "
                    "formulier."
                ),
                fr=(
                    "La ville a conclu un accord-cadre avec un traiteur qui livre, collecte et lave"
                    " les gobelets. Les organisateurs les commandent via un simple formulaire."
                ),
                en=(
                    "The city signed a framework agreement with a caterer that supplies, collects "
                    "and washes the cups. Organisers order the cups through a simple form."
                ),
            ),
        ],
    },
    {
        "slug": T(
            nl="sloopinventaris-stadskantoor-kortrijk",
            fr="inventaire-demolition-kortrijk",
            en="demolition-inventory-kortrijk",
        ),
        "title": T(
            nl="Sloopinventaris bij de renovatie van een stadskantoor",
            fr="Inventaire avant la rénovation d’un bureau communal",
            en="Inventory before renovating a city office",
        ),
        "summary": T(
            nl=(
                "Kortrijk liet vóór de renovatie van een stadskantoor een hergebruikinventaris "
                "opmaken. Een derde van de binnenafwerking vond een nieuwe bestemming."
            ),
            fr=(
                "Courtrai a fait établir un inventaire de réemploi avant la rénovation d’un bureau "
                "communal."
            ),
            en="Kortrijk had a reuse inventory drawn up before renovating a city office.",
        ),
        "themes": ["bouwmaterialen"],
        "organisations": ["kortrijk", "federatie"],
        "phase": "needs_analysis",
        "published": datetime.date(2022, 11, 17),
        "reviewed": None,
        "country": "BE",
        "place": T(nl="Kortrijk", fr="Courtrai", en="Kortrijk"),
        "buyer": T(nl="Stad Kortrijk", fr="Ville de Courtrai", en="City of Kortrijk"),
        "strategy": "reuse",
        "languages": (),
        "results": [
            (
                T(nl="34%", fr="34 %", en="34%"),
                T(
                    nl="van de binnenafwerking hergebruikt",
                    fr="des finitions intérieures réemployées",
                    en="of the interior finishes reused",
                ),
            ),
            (
                T(nl="86 ton", fr="86 tonnes", en="86 tonnes"),
                T(
                    nl="minder bouwafval",
                    fr="de déchets de construction en moins",
                    en="less construction waste",
                ),
            ),
        ],
        "body": [
            T(
                nl=(
                    "De inventaris werd opgemaakt door een gespecialiseerd bureau en gepubliceerd "
                    "op een online marktplaats voor tweedehands bouwmaterialen. Scholen en een "
                    "sociaal verhuurkantoor haalden deuren, tegels en sanitair op."
                ),
                fr=(
                    "L’inventaire a été réalisé par un bureau spécialisé et publié sur une place de"
                    " marché en ligne de matériaux de seconde main."
                ),
                en=(
                    "The inventory was drawn up by a specialist firm and published on an online "
                    "marketplace for second-hand building materials."
                ),
            ),
        ],
    },
    {
        "slug": T(
            nl="circulaire-werkkledij-utrecht",
            fr="vetements-de-travail-circulaires-utrecht",
            en="circular-workwear-utrecht",
        ),
        "title": T(
            nl="Circulaire werkkledij voor de buitendiensten",
            fr="Des vêtements de travail circulaires pour les services extérieurs",
            en="Circular workwear for outdoor services",
        ),
        "summary": T(
            nl=(
                "Utrecht kocht werkkledij met gerecycleerde vezels en sprak af dat de leverancier "
                "afgedankte kledij terugneemt om er nieuwe vezels van te maken."
            ),
            fr=(
                "Utrecht a acheté des vêtements de travail en fibres recyclées et convenu que le "
                "fournisseur reprenne les vêtements usagés pour en faire de nouvelles fibres."
            ),
            en=(
                "Utrecht bought workwear with recycled fibres and agreed that the supplier takes "
                "back worn-out clothing to turn it into new fibres."
            ),
        ),
        "themes": ["textiel"],
        "organisations": [],
        "phase": "tender",
        "published": datetime.date(2020, 6, 11),
        "reviewed": datetime.date(2022, 9, 8),
        "country": "NL",
        "place": T(nl="Utrecht", fr="Utrecht", en="Utrecht"),
        "buyer": T(nl="Gemeente Utrecht", fr="Commune d’Utrecht", en="Municipality of Utrecht"),
        "strategy": "recycled_content",
        "results": [
            (
                T(nl="30%", fr="30 %", en="30%"),
                T(
                    nl="gerecycleerde vezels per kledingstuk",
                    fr="de fibres recyclées par vêtement",
                    en="recycled fibres per garment",
                ),
            ),
            (
                T(nl="2.100", fr="2 100", en="2,100"),
                T(
                    nl="medewerkers in circulaire kledij",
                    fr="collaborateurs en vêtements circulaires",
                    en="staff in circular clothing",
                ),
            ),
        ],
        "body": [
            T(
                nl=(
                    "De gunning woog het aandeel gerecycleerde vezels mee, met een hogere score "
                    "voor vezels uit oud textiel. De teruggenomen kledij wordt gesorteerd en "
                    "vervezeld in een fabriek in het oosten van het land."
                ),
                fr=(
                    "L’attribution tenait compte de la part de fibres recyclées, avec un score plus"
                    " élevé pour les fibres issues de vieux textiles. Les vêtements repris sont "
                    "triés et défibrés dans une usine de l’est du pays."
                ),
                en=(
                    "The award weighed the share of recycled fibres, scoring fibres from old "
                    "textiles higher. The returned clothing is sorted and shredded into fibre at a "
                    "factory in the east of the country."
                ),
            ),
        ],
    },
    {
        "slug": T(
            nl="reemploi-materiaux-lyon",
            fr="reemploi-de-materiaux-lyon",
            en="reuse-of-materials-lyon",
        ),
        "title": T(
            nl="Hergebruik van bouwmaterialen in een Lyonese school",
            fr="Réemploi de matériaux dans une école lyonnaise",
            en="Reuse of building materials in a school in Lyon",
        ),
        "summary": T(
            nl=(
                "Bij de bouw van een basisschool gebruikte de metropool Lyon vloeren, deuren en "
                "gevelbekleding uit afgebroken gebouwen in de stad."
            ),
            fr=(
                "Pour la construction d’une école primaire, la métropole de Lyon a utilisé des "
                "sols, des portes et des bardages issus de bâtiments démolis dans la ville."
            ),
            en=(
                "For a new primary school, the Lyon metropolitan authority used floors, doors and "
                "cladding from demolished buildings in the city."
            ),
        ),
        "themes": ["bouwmaterialen"],
        "organisations": [],
        "phase": "tender",
        "published": datetime.date(2023, 1, 26),
        "reviewed": datetime.date(2025, 7, 4),
        "country": "FR",
        "place": T(nl="Lyon", fr="Lyon", en="Lyon"),
        "buyer": T(nl="Metropool Lyon", fr="Métropole de Lyon", en="Lyon Metropolis"),
        "strategy": "reuse",
        "results": [
            (
                T(nl="22%", fr="22 %", en="22%"),
                T(
                    nl="van de materialen hergebruikt, in gewicht",
                    fr="des matériaux réemployés, en poids",
                    en="of materials reused, by weight",
                ),
            ),
            (
                T(nl="180 ton", fr="180 tonnes", en="180 tonnes"),
                T(nl="CO₂ vermeden", fr="de CO₂ évitées", en="CO₂ avoided"),
            ),
        ],
        "body": [
            T(
                nl=(
                    "Het bestek kende punten toe voor het aandeel hergebruikte materialen en gaf de"
                    " aannemer toegang tot een lokale opslagplaats van de metropool. Een architect "
                    "voor hergebruik begeleidde het project van ontwerp tot oplevering."
                ),
                fr=(
                    "Le cahier des charges attribuait des points pour la part de matériaux "
                    "réemployés et donnait à l’entrepreneur accès à un dépôt local de la métropole."
                    " Un architecte spécialisé en réemploi a accompagné le projet de la conception "
                    "à la réception."
                ),
                en=(
                    "The tender awarded points for the share of reused materials and gave the "
                    "contractor access to a local depot run by the authority. An architect "
                    "specialising in reuse guided the project from design to handover."
                ),
            ),
        ],
    },
    {
        "slug": T(
            nl="terugname-laptops-kopenhagen",
            fr="reprise-des-ordinateurs-copenhague",
            en="laptop-take-back-copenhagen",
        ),
        "title": T(
            nl="Terugname en hergebruik van laptops",
            fr="Reprise et réemploi des ordinateurs portables",
            en="Take-back and reuse of laptops",
        ),
        "summary": T(
            nl=(
                "Kopenhagen laat afgeschreven laptops van zijn personeel wissen en opknappen voor "
                "scholen en verenigingen, in plaats van ze te vernietigen."
            ),
            fr=(
                "Copenhague fait effacer et remettre en état les ordinateurs portables amortis de "
                "son personnel pour des écoles et des associations, au lieu de les détruire."
            ),
            en=(
                "Copenhagen has its staff’s written-off laptops erased and refurbished for schools "
                "and associations instead of destroying them."
            ),
        ),
        "themes": ["ict"],
        "organisations": [],
        "phase": "contract_management",
        "published": datetime.date(2024, 10, 10),
        "reviewed": datetime.date(2026, 4, 22),
        "country": "DK",
        "place": T(nl="Kopenhagen", fr="Copenhague", en="Copenhagen"),
        "buyer": T(nl="Gemeente Kopenhagen", fr="Commune de Copenhague", en="City of Copenhagen"),
        "strategy": "take_back",
        "results": [
            (
                T(nl="9.500", fr="9 500", en="9,500"),
                T(
                    nl="laptops per jaar opnieuw in gebruik",
                    fr="ordinateurs remis en service par an",
                    en="laptops back in use each year",
                ),
            ),
            (
                T(nl="100%", fr="100 %", en="100%"),
                T(
                    nl="toestellen met een wisrapport",
                    fr="des appareils avec un rapport d’effacement",
                    en="of devices with an erasure report",
                ),
            ),
        ],
        "body": [
            T(
                nl=(
                    "De leverancier haalt de toestellen op, wist ze volgens een erkende norm en "
                    "levert per toestel een rapport. Toestellen die niet meer te herstellen zijn, "
                    "leveren onderdelen voor andere."
                ),
                fr=(
                    "Le fournisseur enlève les appareils, les efface selon une norme reconnue et "
                    "fournit un rapport par appareil. Ceux qui ne sont plus réparables fournissent "
                    "des pièces pour les autres."
                ),
                en=(
                    "The supplier collects the devices, erases them to a recognised standard and "
                    "supplies a report per device. Devices beyond repair provide parts for others."
                ),
            ),
        ],
    },
    {
        "slug": T(
            nl="deelplatform-meubilair-malmo",
            fr="plateforme-de-partage-de-mobilier-malmo",
            en="furniture-sharing-platform-malmo",
        ),
        "title": T(
            nl="Een intern deelplatform voor meubilair",
            fr="Une plateforme interne de partage de mobilier",
            en="An internal furniture-sharing platform",
        ),
        "summary": T(
            nl=(
                "Malmö laat diensten overtollig meubilair aanbieden op een intern platform. Wie "
                "iets nodig heeft, kijkt daar eerst voor een aankoop wordt goedgekeurd."
            ),
            fr=(
                "Malmö permet aux services de proposer leur mobilier excédentaire sur une "
                "plateforme interne. Qui a besoin de quelque chose y regarde d’abord avant qu’un "
                "achat ne soit approuvé."
            ),
            en=(
                "Malmö lets departments offer surplus furniture on an internal platform. Anyone who"
                " needs something checks there first before a purchase is approved."
            ),
        ),
        "themes": ["meubilair"],
        "organisations": [],
        "phase": "needs_analysis",
        "published": datetime.date(2025, 3, 13),
        "reviewed": None,
        "country": "SE",
        "place": T(nl="Malmö", fr="Malmö", en="Malmö"),
        "buyer": T(nl="Stad Malmö", fr="Ville de Malmö", en="City of Malmö"),
        "strategy": "sharing",
        "results": [
            (
                T(nl="6.300", fr="6 300", en="6,300"),
                T(
                    nl="meubelstukken per jaar herverdeeld",
                    fr="meubles redistribués par an",
                    en="pieces of furniture redistributed per year",
                ),
            ),
            (
                T(nl="€ 1,1 miljoen", fr="1,1 million €", en="€1.1 million"),
                T(
                    nl="jaarlijks bespaard op aankopen",
                    fr="économisés chaque année sur les achats",
                    en="saved on purchases each year",
                ),
            ),
        ],
        "body": [
            T(
                nl=(
                    "Het platform toont foto’s, afmetingen en de plaats waar het meubel staat. Een "
                    "kleine logistieke ploeg van de stad verzorgt het transport en eenvoudige "
                    "herstellingen."
                ),
                fr=(
                    "La plateforme affiche des photos, les dimensions et l’endroit où se trouve le "
                    "meuble. Une petite équipe logistique de la ville assure le transport et les "
                    "réparations simples."
                ),
                en=(
                    "The platform shows photos, dimensions and where the piece is. A small city "
                    "logistics team handles transport and simple repairs."
                ),
            ),
        ],
    },
]

RECOMMENDATIONS = [
    {
        "slug": T(
            nl="maak-een-hergebruikinventaris-de-regel",
            fr="faites-de-linventaire-de-reemploi-la-regle",
            en="make-a-reuse-inventory-the-rule",
        ),
        "title": T(
            nl="Maak een hergebruikinventaris de regel bij eigen gebouwen",
            fr="Faites de l’inventaire de réemploi la règle pour vos propres bâtiments",
            en="Make a reuse inventory the rule for your own buildings",
        ),
        "summary": T(
            nl=(
                "Lokale besturen die zelf renoveren of slopen, kunnen het goede voorbeeld geven "
                "door altijd eerst een hergebruikinventaris te laten opmaken."
            ),
            fr=(
                "Les pouvoirs locaux qui rénovent ou démolissent eux-mêmes peuvent montrer "
                "l’exemple en faisant toujours établir d’abord un inventaire de réemploi."
            ),
            en=(
                "Local governments that renovate or demolish themselves can lead by example by "
                "always having a reuse inventory drawn up first."
            ),
        ),
        "themes": ["bouwmaterialen"],
        "organisations": ["bbl", "federatie"],
        "phase": "needs_analysis",
        "published": datetime.date(2019, 6, 14),
        "reviewed": datetime.date(2025, 6, 30),
        "audience": "local_governments",
        "recommendation": [
            T(
                nl=(
                    "Neem in het patrimoniumbeleid op dat elke renovatie of sloop van een "
                    "gemeentelijk gebouw start met een hergebruikinventaris. Reserveer er een klein"
                    " budget voor in de projectraming."
                ),
                fr=(
                    "Inscrivez dans la politique patrimoniale que toute rénovation ou démolition "
                    "d’un bâtiment communal commence par un inventaire de réemploi. Réservez-y un "
                    "petit budget dans l’estimation du projet."
                ),
                en=(
                    "Write into your property policy that every renovation or demolition of a "
                    "municipal building starts with a reuse inventory. Set aside a small budget for"
                    " it in the project estimate."
                ),
            ),
            T(
                nl=(
                    "Publiceer de inventaris zodat andere besturen, scholen en verenigingen "
                    "materialen kunnen reserveren voor de werken starten."
                ),
                fr=(
                    "Publiez l’inventaire afin que d’autres administrations, écoles et associations"
                    " puissent réserver des matériaux avant le début des travaux."
                ),
                en=(
                    "Publish the inventory so that other public bodies, schools and associations "
                    "can reserve materials before the works start."
                ),
            ),
        ],
    },
    {
        "slug": T(
            nl="reken-met-de-totale-kost",
            fr="raisonnez-en-cout-total",
            en="reckon-with-the-total-cost",
        ),
        "title": T(
            nl="Reken met de totale kost over de levensduur",
            fr="Raisonnez en coût total sur la durée de vie",
            en="Reckon with the total cost over the lifetime",
        ),
        "summary": T(
            nl=(
                "Wie enkel naar de aankoopprijs kijkt, koopt zelden circulair. Maak de totale kost "
                "over de levensduur de standaard bij grotere aankopen."
            ),
            fr=(
                "Qui ne regarde que le prix d’achat achète rarement circulaire. Faites du coût "
                "total sur la durée de vie la norme pour les achats importants."
            ),
            en=(
                "Looking only at the purchase price rarely leads to circular buying. Make the total"
                " cost over the lifetime the standard for larger purchases."
            ),
        ),
        "themes": ["verlichting", "ict", "energie"],
        "organisations": ["kenniscentrum"],
        "phase": "tender",
        "published": datetime.date(2020, 11, 5),
        "reviewed": datetime.date(2023, 1, 19),
        "audience": "local_governments",
        "recommendation": [
            T(
                nl=(
                    "Gebruik voor aankopen boven een vast bedrag een rekenblad dat aankoop, "
                    "energie, onderhoud en restwaarde optelt. Laat de financiële dienst mee de "
                    "parameters kiezen."
                ),
                fr=(
                    "Pour les achats au-delà d’un montant fixe, utilisez une feuille de calcul qui "
                    "additionne achat, énergie, entretien et valeur résiduelle. Associez le service"
                    " financier au choix des paramètres."
                ),
                en=(
                    "For purchases above a set amount, use a spreadsheet that adds up purchase, "
                    "energy, maintenance and residual value. Have the finance department help "
                    "choose the parameters."
                ),
            ),
        ],
    },
    {
        "slug": T(
            nl="geef-leegstand-een-tijdelijke-invulling",
            fr="donnez-une-affectation-temporaire-aux-batiments-vides",
            en="give-vacant-buildings-a-temporary-use",
        ),
        "title": T(
            nl="Geef leegstaande gebouwen een tijdelijke invulling",
            fr="Donnez une affectation temporaire aux bâtiments vides",
            en="Give vacant buildings a temporary use",
        ),
        "summary": T(
            nl=(
                "Tijdelijk gebruik houdt een leegstaand gebouw in goede staat en test nieuwe "
                "functies voor er grote investeringen gebeuren."
            ),
            fr=(
                "Un usage temporaire maintient un bâtiment vide en bon état et permet de tester de "
                "nouvelles fonctions avant de gros investissements."
            ),
            en=(
                "Temporary use keeps a vacant building in good condition and tests new uses before "
                "large investments are made."
            ),
        ),
        "themes": ["bouwmaterialen", "energie"],
        "organisations": ["herzele", "mechelen", "bbl"],
        "phase": "needs_analysis",
        "published": datetime.date(2021, 2, 25),
        "reviewed": datetime.date(2025, 10, 14),
        "audience": "initiators",
        "recommendation": [
            T(
                nl=(
                    "Zoek al tijdens de studiefase naar tijdelijke gebruikers zoals verenigingen, "
                    "ateliers of buurtwerkingen. Een omgevingsvergunning voor tijdelijk gebruik "
                    "maakt dat snel mogelijk."
                ),
                fr=(
                    "Cherchez dès la phase d’étude des occupants temporaires comme des "
                    "associations, des ateliers ou le travail de quartier. Un permis "
                    "d’environnement pour usage temporaire le rend rapidement possible."
                ),
                en=(
                    "Look for temporary users such as associations, workshops or community groups "
                    "during the study phase. An environmental permit for temporary use makes this "
                    "possible quickly."
                ),
            ),
            T(
                nl=(
                    "Gebruik wat je leert over de vraag in de buurt om het definitieve programma en"
                    " de aankopen te bepalen."
                ),
                fr=(
                    "Utilisez ce que vous apprenez sur la demande du quartier pour définir le "
                    "programme définitif et les achats."
                ),
                en=(
                    "Use what you learn about local demand to decide the final programme and the "
                    "purchases."
                ),
            ),
        ],
    },
    {
        "slug": T(
            nl="bundel-aankopen-over-gemeentegrenzen",
            fr="regroupez-les-achats-entre-communes",
            en="pool-purchases-across-municipal-borders",
        ),
        "title": T(
            nl="Bundel aankopen over gemeentegrenzen heen",
            fr="Regroupez les achats au-delà des frontières communales",
            en="Pool purchases across municipal borders",
        ),
        "summary": T(
            nl=(
                "Samen aankopen geeft kleinere besturen het volume om circulaire leveranciers aan "
                "te trekken en deelt de voorbereiding."
            ),
            fr=(
                "Acheter ensemble donne aux petites administrations le volume nécessaire pour "
                "attirer des fournisseurs circulaires et partage le travail de préparation."
            ),
            en=(
                "Buying together gives smaller public bodies the volume to attract circular "
                "suppliers and shares the preparation."
            ),
        ),
        "themes": ["meubilair", "ict", "catering"],
        "organisations": ["herzele", "vlaanderen-circulair"],
        "phase": "market_consultation",
        "published": datetime.date(2024, 9, 19),
        "reviewed": None,
        "audience": "local_governments",
        "recommendation": [
            T(
                nl=(
                    "Werk met een opdrachtencentrale of een intergemeentelijk samenwerkingsverband "
                    "voor producten die elke gemeente nodig heeft. Spreek vooraf af welke keuzes "
                    "gemeenschappelijk zijn."
                ),
                fr=(
                    "Passez par une centrale d’achat ou une intercommunale pour les produits dont "
                    "chaque commune a besoin. Convenez à l’avance des choix communs."
                ),
                en=(
                    "Use a central purchasing body or an intermunicipal partnership for products "
                    "every municipality needs. Agree in advance which choices are shared."
                ),
            ),
        ],
    },
    {
        "slug": T(
            nl="erken-hergebruikte-bouwmaterialen",
            fr="reconnaissez-les-materiaux-reemployes",
            en="recognise-reused-building-materials",
        ),
        "title": T(
            nl="Erken hergebruikte bouwmaterialen in de technische voorschriften",
            fr="Reconnaissez les matériaux réemployés dans les prescriptions techniques",
            en="Recognise reused building materials in technical specifications",
        ),
        "summary": T(
            nl=(
                "Standaardbestekken gaan uit van nieuwe materialen. De Vlaamse overheid kan "
                "hergebruik mogelijk maken met aangepaste voorschriften en keuringsregels."
            ),
            fr=(
                "Les cahiers des charges types partent du principe de matériaux neufs. Le "
                "gouvernement flamand peut rendre le réemploi possible par des prescriptions et des"
                " règles de contrôle adaptées."
            ),
            en=(
                "Standard specifications assume new materials. The Flemish government can make "
                "reuse possible with adapted specifications and inspection rules."
            ),
        ),
        "themes": ["bouwmaterialen"],
        "organisations": ["federatie", "vlaanderen-circulair", "bbl"],
        "phase": "tender",
        "published": datetime.date(2026, 5, 7),
        "reviewed": None,
        "audience": "flemish_government",
        "recommendation": [
            T(
                nl=(
                    "Voeg aan het standaardbestek posten toe voor hergebruikte deuren, vloeren, "
                    "tegels en sanitair, met prestatie-eisen in plaats van productnormen."
                ),
                fr=(
                    "Ajoutez au cahier des charges type des postes pour les portes, sols, "
                    "carrelages et sanitaires réemployés, avec des exigences de performance plutôt "
                    "que des normes de produit."
                ),
                en=(
                    "Add items to the standard specification for reused doors, floors, tiles and "
                    "sanitary ware, with performance requirements instead of product standards."
                ),
            ),
            T(
                nl=(
                    "Ontwikkel samen met de sector een eenvoudige keuringsmethode voor structurele "
                    "elementen, zodat aannemers er garantie op kunnen geven."
                ),
                fr=(
                    "Développez avec le secteur une méthode de contrôle simple pour les éléments "
                    "structurels, afin que les entrepreneurs puissent les garantir."
                ),
                en=(
                    "Develop with the sector a simple inspection method for structural elements, so"
                    " contractors can give a warranty on them."
                ),
            ),
        ],
    },
]
