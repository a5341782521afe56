"""Demo texts of the three pilot cases: a former school, a church and an office building
that stood empty and were given a circular new use in design-research workshops."""

import datetime

from network.demo.localize import T

PILOTS = [
    {
        "slug": T(
            nl="oude-jongensschool-herzele",
            fr="ancienne-ecole-de-garcons-herzele",
            en="former-boys-school-herzele",
        ),
        "title": T(
            nl="De oude jongensschool in Herzele",
            fr="L’ancienne école de garçons de Herzele",
            en="The former boys’ school in Herzele",
        ),
        "summary": T(
            nl=(
                "Een schoolgebouw uit 1932 dat sinds 2014 leegstaat, wordt een buurthuis met "
                "gedeelde werkplekken en woningen. Bijna alle binnendeuren, het parket en de "
                "radiatoren krijgen een tweede leven."
            ),
            fr=(
                "Un bâtiment scolaire de 1932, vide depuis 2014, devient une maison de quartier "
                "avec des espaces de travail partagés et des logements. Presque toutes les portes "
                "intérieures, le parquet et les radiateurs connaissent une seconde vie."
            ),
            en=(
                "A school building from 1932, empty since 2014, becomes a community centre with "
                "shared workspaces and homes. Almost all the interior doors, the parquet and the "
                "radiators get a second life."
            ),
        ),
        "themes": ["bouwmaterialen", "energie", "meubilair"],
        "organisations": ["herzele", "bbl", "federatie"],
        "phase": "needs_analysis",
        "published": datetime.date(2018, 12, 12),
        "reviewed": datetime.date(2025, 10, 2),
        "building_type": "school",
        "municipality": T(nl="Herzele", fr="Herzele", en="Herzele"),
        "surface_m2": 1450,
        "vacant_since": 2014,
        "workshop_date": datetime.date(2018, 10, 13),
        "workshop": [
            T(
                nl=(
                    "Een zaterdag lang tekenden buurtbewoners, leerkrachten van de nieuwe school, "
                    "twee architecten en de gemeentelijke diensten mee aan de toekomst van het "
                    "gebouw. Ze begonnen met voorbeelden uit Gent en Rotterdam van scholen die "
                    "buurthuis werden."
                ),
                fr=(
                    "Pendant tout un samedi, des riverains, des enseignants de la nouvelle école, "
                    "deux architectes et les services communaux ont dessiné ensemble l’avenir du "
                    "bâtiment. Ils sont partis d’exemples gantois et rotterdamois d’écoles devenues"
                    " maisons de quartier."
                ),
                en=(
                    "For a whole Saturday, residents, teachers from the new school, two architects "
                    "and the municipal services sketched the building’s future together. They "
                    "started from examples in Ghent and Rotterdam of schools that became community "
                    "centres."
                ),
            ),
            T(
                nl=(
                    "Het ontwerpend onderzoek hield de draagstructuur en de gangen intact en "
                    "verdeelde de klaslokalen over drie functies: een buurtzaal, acht gedeelde "
                    "werkplekken en vier woningen op de verdieping."
                ),
                fr=(
                    "La recherche par le projet a conservé la structure porteuse et les couloirs et"
                    " réparti les classes entre trois fonctions : une salle de quartier, huit "
                    "postes de travail partagés et quatre logements à l’étage."
                ),
                en=(
                    "The design research kept the load-bearing structure and the corridors and "
                    "divided the classrooms over three uses: a community hall, eight shared "
                    "workspaces and four homes upstairs."
                ),
            ),
        ],
        "components": [
            (
                T(
                    nl="Houten binnendeuren met bovenlicht",
                    fr="Portes intérieures en bois avec imposte",
                    en="Wooden interior doors with fanlight",
                ),
                "24",
                "piece",
                "good",
                T(
                    nl="Terug in de nieuwe indeling van de buurtzaal en de woningen",
                    fr=(
                        "Réutilisées dans le nouvel aménagement de la salle de quartier et des "
                        "logements"
                    ),
                    en="Back in the new layout of the community hall and the homes",
                ),
            ),
            (
                T(nl="Eiken parketvloer", fr="Parquet en chêne", en="Oak parquet floor"),
                "320",
                "m2",
                "repair",
                T(
                    nl="Opschuren en herleggen in de buurtzaal",
                    fr="Poncé et reposé dans la salle de quartier",
                    en="Sanded and relaid in the community hall",
                ),
            ),
            (
                T(nl="Gietijzeren radiatoren", fr="Radiateurs en fonte", en="Cast-iron radiators"),
                "36",
                "piece",
                "repair",
                T(
                    nl="Gereviseerd en aangesloten op het nieuwe lagetemperatuurnet",
                    fr="Révisés et raccordés au nouveau réseau basse température",
                    en="Overhauled and connected to the new low-temperature network",
                ),
            ),
            (
                T(nl="Leistenen schoolborden", fr="Tableaux en ardoise", en="Slate blackboards"),
                "12",
                "piece",
                "good",
                T(
                    nl="Wandbekleding en prikborden in de gedeelde werkplekken",
                    fr="Revêtement mural et tableaux d’affichage dans les espaces partagés",
                    en="Wall cladding and noticeboards in the shared workspaces",
                ),
            ),
            (
                T(nl="Keramische dakpannen", fr="Tuiles en céramique", en="Ceramic roof tiles"),
                "180",
                "m2",
                "good",
                T(
                    nl="Verkocht via een handelaar in tweedehands bouwmaterialen",
                    fr="Vendues par un négociant en matériaux de seconde main",
                    en="Sold through a dealer in second-hand building materials",
                ),
            ),
            (
                T(
                    nl="Stalen trapleuning",
                    fr="Rampe d’escalier en acier",
                    en="Steel stair railing",
                ),
                "42",
                "m",
                "recycle",
                T(
                    nl="Naar een metaalrecycleur",
                    fr="Vers un recycleur de métaux",
                    en="To a metal recycler",
                ),
            ),
        ],
        "energy_exchange": [
            T(
                nl=(
                    "De sporthal aan de overkant heeft een overschot aan warmte uit haar "
                    "warmtekrachtkoppeling. Een korte leiding onder de speelplaats brengt die "
                    "warmte naar het schoolgebouw, dat zo zonder eigen ketel kan."
                ),
                fr=(
                    "La salle de sport d’en face dispose d’un excédent de chaleur provenant de sa "
                    "cogénération. Une courte conduite sous la cour de récréation amène cette "
                    "chaleur vers le bâtiment scolaire, qui peut ainsi se passer de chaudière."
                ),
                en=(
                    "The sports hall across the street has surplus heat from its combined heat and "
                    "power unit. A short pipe under the playground brings that heat to the school "
                    "building, which can then do without its own boiler."
                ),
            ),
        ],
        "tender_translation": [
            T(
                nl=(
                    "De gemeente splitste de renovatie in een perceel demontage en een perceel "
                    "afwerking. Het eerste perceel vroeg een hergebruikinventaris en ervaring met "
                    "selectieve demontage; in het tweede perceel telde het aandeel hergebruikte "
                    "materialen mee bij de gunning."
                ),
                fr=(
                    "La commune a divisé la rénovation en un lot démontage et un lot finitions. Le "
                    "premier lot exigeait un inventaire de réemploi et une expérience du démontage "
                    "sélectif ; dans le second, la part de matériaux réemployés comptait dans "
                    "l’attribution."
                ),
                en=(
                    "The municipality split the renovation into a dismantling lot and a finishing "
                    "lot. The first lot required a reuse inventory and experience with selective "
                    "dismantling; in the second, the share of reused materials counted in the "
                    "award."
                ),
            ),
        ],
        "revenue_model": [
            T(
                nl=(
                    "De gemeente blijft eigenaar en geeft het gebouw in erfpacht aan een coöperatie"
                    " van buurtbewoners. De huur van de woningen en werkplekken betaalt de "
                    "renovatie over 25 jaar terug; de buurtzaal is gratis voor verenigingen."
                ),
                fr=(
                    "La commune reste propriétaire et cède le bâtiment en emphytéose à une "
                    "coopérative d’habitants. Les loyers des logements et des espaces de travail "
                    "remboursent la rénovation sur 25 ans ; la salle de quartier est gratuite pour "
                    "les associations."
                ),
                en=(
                    "The municipality remains the owner and grants the building on a long lease to "
                    "a residents’ cooperative. Rent from the homes and workspaces pays back the "
                    "renovation over 25 years; the community hall is free for associations."
                ),
            ),
        ],
        "planning_instruments": [
            (
                T(
                    nl="Omgevingsvergunning voor tijdelijk gebruik",
                    fr="Permis d’environnement pour usage temporaire",
                    en="Environmental permit for temporary use",
                ),
                T(
                    nl="Liet de buurtzaal al open gaan tijdens de verdere studie van de woningen.",
                    fr=(
                        "A permis d’ouvrir la salle de quartier pendant la poursuite de l’étude des"
                        " logements."
                    ),
                    en=(
                        "Allowed the community hall to open while the homes were still being "
                        "studied."
                    ),
                ),
            ),
            (
                T(
                    nl="Gemeentelijk ruimtelijk uitvoeringsplan",
                    fr="Plan communal d’exécution spatiale",
                    en="Municipal spatial implementation plan",
                ),
                T(
                    nl=(
                        "Wijzigde de bestemming van gemeenschapsvoorziening naar gemengd wonen en "
                        "werken."
                    ),
                    fr=(
                        "A modifié l’affectation d’équipement collectif en zone mixte d’habitat et "
                        "de travail."
                    ),
                    en="Changed the zoning from community facility to mixed housing and work.",
                ),
            ),
        ],
        "tender_clauses": [
            "hergebruikinventaris-voor-sloop",
            "ervaring-selectieve-demontage",
            "aandeel-hergebruikte-bouwmaterialen",
        ],
    },
    {
        "slug": T(
            nl="sint-jozefkerk-mechelen",
            fr="eglise-saint-joseph-malines",
            en="st-joseph-church-mechelen",
        ),
        "title": T(
            nl="De Sint-Jozefkerk in Mechelen",
            fr="L’église Saint-Joseph de Malines",
            en="St Joseph’s Church in Mechelen",
        ),
        "summary": T(
            nl=(
                "Een parochiekerk die in 2016 aan de eredienst werd onttrokken, wordt een "
                "ambachtelijk herstelcentrum met een buurtcafé. De kerkbanken, de natuursteen en "
                "het glas-in-lood blijven in het gebouw of in de buurt."
            ),
            fr=(
                "Une église paroissiale désaffectée en 2016 devient un centre artisanal de "
                "réparation avec un café de quartier. Les bancs, la pierre naturelle et les vitraux"
                " restent dans le bâtiment ou dans le quartier."
            ),
            en=(
                "A parish church withdrawn from worship in 2016 becomes a craft repair centre with "
                "a neighbourhood café. The pews, the natural stone and the stained glass stay in "
                "the building or in the neighbourhood."
            ),
        ),
        "themes": ["bouwmaterialen", "meubilair", "verlichting"],
        "organisations": ["mechelen", "bbl", "kenniscentrum"],
        "phase": "market_consultation",
        "published": datetime.date(2019, 2, 20),
        "reviewed": datetime.date(2023, 4, 18),
        "building_type": "church",
        "municipality": T(nl="Mechelen", fr="Malines", en="Mechelen"),
        "surface_m2": 980,
        "vacant_since": 2016,
        "workshop_date": datetime.date(2018, 11, 17),
        "workshop": [
            T(
                nl=(
                    "De workshop vond plaats in de kerk zelf, met de kerkfabriek, de erfgoeddienst,"
                    " buurtbewoners en een collectief van herstellers. Voorbeelden uit Nederland "
                    "toonden hoe kerken markthallen, bibliotheken of werkplaatsen werden zonder hun"
                    " karakter te verliezen."
                ),
                fr=(
                    "L’atelier s’est tenu dans l’église même, avec la fabrique d’église, le service"
                    " du patrimoine, des riverains et un collectif de réparateurs. Des exemples "
                    "néerlandais ont montré comment des églises sont devenues halles, bibliothèques"
                    " ou ateliers sans perdre leur caractère."
                ),
                en=(
                    "The workshop took place in the church itself, with the church council, the "
                    "heritage service, residents and a collective of repairers. Examples from the "
                    "Netherlands showed how churches became market halls, libraries or workshops "
                    "without losing their character."
                ),
            ),
            T(
                nl=(
                    "Het ontwerpend onderzoek plaatste lichte, demonteerbare werkplaatsen in de "
                    "zijbeuken en hield het middenschip vrij voor markten en voorstellingen."
                ),
                fr=(
                    "La recherche par le projet a placé des ateliers légers et démontables dans les"
                    " bas-côtés et laissé la nef libre pour des marchés et des spectacles."
                ),
                en=(
                    "The design research placed light, demountable workshops in the side aisles and"
                    " kept the nave free for markets and performances."
                ),
            ),
        ],
        "components": [
            (
                T(nl="Eiken kerkbanken", fr="Bancs d’église en chêne", en="Oak pews"),
                "85",
                "piece",
                "good",
                T(
                    nl=(
                        "Twintig blijven in het middenschip, de rest gaat naar scholen en "
                        "verenigingen in de buurt"
                    ),
                    fr=(
                        "Vingt restent dans la nef, les autres vont à des écoles et associations du"
                        " quartier"
                    ),
                    en="Twenty stay in the nave, the rest go to schools and associations nearby",
                ),
            ),
            (
                T(
                    nl="Blauwe hardsteen vloertegels",
                    fr="Dalles de sol en pierre bleue",
                    en="Bluestone floor tiles",
                ),
                "420",
                "m2",
                "good",
                T(
                    nl="Blijven liggen; losliggende tegels worden herlegd",
                    fr="Restent en place ; les dalles descellées sont reposées",
                    en="Stay in place; loose tiles are relaid",
                ),
            ),
            (
                T(nl="Glas-in-loodramen", fr="Vitraux", en="Stained-glass windows"),
                "14",
                "piece",
                "repair",
                T(
                    nl="Gerestaureerd met steun van de erfgoedpremie",
                    fr="Restaurés avec l’aide de la prime au patrimoine",
                    en="Restored with the help of the heritage grant",
                ),
            ),
            (
                T(
                    nl="Houten biechtstoelen",
                    fr="Confessionnaux en bois",
                    en="Wooden confessionals",
                ),
                "4",
                "piece",
                "good",
                T(
                    nl="Omgebouwd tot vergaderhokjes en een toonbank voor het buurtcafé",
                    fr="Transformés en box de réunion et en comptoir pour le café de quartier",
                    en="Converted into meeting booths and a counter for the neighbourhood café",
                ),
            ),
            (
                T(nl="Koperen kroonluchters", fr="Lustres en cuivre", en="Brass chandeliers"),
                "6",
                "piece",
                "repair",
                T(
                    nl="Voorzien van ledlampen en opnieuw opgehangen",
                    fr="Équipés de lampes LED et raccrochés",
                    en="Fitted with LED lamps and rehung",
                ),
            ),
            (
                T(
                    nl="Verwarmingsbuizen onder de vloer",
                    fr="Tuyaux de chauffage sous le sol",
                    en="Underfloor heating pipes",
                ),
                "900",
                "kg",
                "recycle",
                T(
                    nl="Naar een metaalrecycleur",
                    fr="Vers un recycleur de métaux",
                    en="To a metal recycler",
                ),
            ),
        ],
        "energy_exchange": [
            T(
                nl=(
                    "Het grote, ongeschaduwde kerkdak is geschikt voor zonnepanelen, maar erfgoed "
                    "laat enkel de zuidelijke zijbeuk toe. De stroom gaat via een "
                    "energiegemeenschap naar de basisschool naast de kerk, die overdag het meest "
                    "verbruikt."
                ),
                fr=(
                    "Le grand toit non ombragé de l’église convient aux panneaux solaires, mais le "
                    "patrimoine n’autorise que le bas-côté sud. L’électricité va, via une "
                    "communauté d’énergie, à l’école primaire voisine, qui consomme surtout en "
                    "journée."
                ),
                en=(
                    "The large, unshaded church roof suits solar panels, but the heritage rules "
                    "allow only the southern aisle. The power goes through an energy community to "
                    "the primary school next door, which uses most during the day."
                ),
            ),
        ],
        "tender_translation": [
            T(
                nl=(
                    "De stad schreef een marktconsultatie uit voor de inrichting van de "
                    "werkplaatsen, met een functionele vraag in plaats van een meubellijst. Voor de"
                    " verlichting koos ze een contract waarin de leverancier eigenaar blijft van de"
                    " armaturen."
                ),
                fr=(
                    "La ville a lancé une consultation du marché pour l’aménagement des ateliers, "
                    "avec une demande fonctionnelle plutôt qu’une liste de meubles. Pour "
                    "l’éclairage, elle a choisi un contrat dans lequel le fournisseur reste "
                    "propriétaire des luminaires."
                ),
                en=(
                    "The city ran a market consultation for fitting out the workshops, with a "
                    "functional request instead of a furniture list. For the lighting it chose a "
                    "contract in which the supplier remains the owner of the fittings."
                ),
            ),
        ],
        "revenue_model": [
            T(
                nl=(
                    "De werkplaatsen worden per maand verhuurd aan herstellers en ambachtslui. Het "
                    "buurtcafé en de verhuur van het middenschip voor evenementen dekken het "
                    "onderhoud; de kerkfabriek blijft eigenaar."
                ),
                fr=(
                    "Les ateliers sont loués au mois à des réparateurs et artisans. Le café de "
                    "quartier et la location de la nef pour des événements couvrent l’entretien ; "
                    "la fabrique d’église reste propriétaire."
                ),
                en=(
                    "The workshops are let by the month to repairers and craftspeople. The "
                    "neighbourhood café and renting out the nave for events cover the upkeep; the "
                    "church council remains the owner."
                ),
            ),
        ],
        "planning_instruments": [
            (
                T(
                    nl="Kerkenbeleidsplan",
                    fr="Plan de politique des églises",
                    en="Church policy plan",
                ),
                T(
                    nl=(
                        "Duidde deze kerk aan als eerste voor herbestemming, na overleg met de "
                        "parochies."
                    ),
                    fr=(
                        "A désigné cette église comme première à réaffecter, après concertation "
                        "avec les paroisses."
                    ),
                    en=(
                        "Named this church as the first to be repurposed, after consultation with "
                        "the parishes."
                    ),
                ),
            ),
            (
                T(
                    nl="Erfgoedbeheersplan",
                    fr="Plan de gestion du patrimoine",
                    en="Heritage management plan",
                ),
                T(
                    nl=(
                        "Legde vast welke ingrepen zonder afzonderlijke toelating mogen, zodat de "
                        "werkplaatsen snel kunnen wisselen."
                    ),
                    fr=(
                        "A fixé les interventions autorisées sans permis séparé, pour que les "
                        "ateliers puissent changer rapidement."
                    ),
                    en=(
                        "Set out which changes need no separate approval, so the workshops can "
                        "change quickly."
                    ),
                ),
            ),
        ],
        "tender_clauses": [
            "functionele-vraag-meubilair",
            "licht-als-dienst",
            "hergebruikinventaris-voor-sloop",
        ],
    },
    {
        "slug": T(
            nl="voormalig-belastingkantoor-kortrijk",
            fr="ancien-bureau-des-contributions-courtrai",
            en="former-tax-office-kortrijk",
        ),
        "title": T(
            nl="Het voormalige belastingkantoor in Kortrijk",
            fr="L’ancien bureau des contributions de Courtrai",
            en="The former tax office in Kortrijk",
        ),
        "summary": T(
            nl=(
                "Een kantoorgebouw van zeven verdiepingen, leeg sinds 2015, wordt een gemengd "
                "gebouw met flexibele kantoren, studentenkamers en een fietsenstalling. "
                "Systeemplafonds, verhoogde vloeren en scheidingswanden gaan naar andere projecten "
                "in de regio."
            ),
            fr=(
                "Un immeuble de bureaux de sept étages, vide depuis 2015, devient un bâtiment mixte"
                " avec des bureaux flexibles, des chambres d’étudiants et un parking vélos. Faux "
                "plafonds, planchers surélevés et cloisons partent vers d’autres projets de la "
                "région."
            ),
            en=(
                "A seven-storey office building, empty since 2015, becomes a mixed building with "
                "flexible offices, student rooms and bicycle parking. Suspended ceilings, raised "
                "floors and partition walls go to other projects in the region."
            ),
        ),
        "themes": ["bouwmaterialen", "energie", "ict"],
        "organisations": ["kortrijk", "federatie", "refurb-it"],
        "phase": "tender",
        "published": datetime.date(2019, 5, 28),
        "reviewed": datetime.date(2026, 3, 11),
        "building_type": "office",
        "municipality": T(nl="Kortrijk", fr="Courtrai", en="Kortrijk"),
        "surface_m2": 4200,
        "vacant_since": 2015,
        "workshop_date": datetime.date(2019, 2, 9),
        "workshop": [
            T(
                nl=(
                    "Projectontwikkelaars, de hogeschool, studentenorganisaties en de stadsdiensten"
                    " onderzochten samen hoe een kantoortoren uit de jaren zeventig opnieuw "
                    "bruikbaar wordt. Voorbeelden uit Parijs en Brussel toonden kantoren die "
                    "woningen werden zonder sloop."
                ),
                fr=(
                    "Des promoteurs, la haute école, des associations étudiantes et les services de"
                    " la ville ont étudié ensemble comment rendre à nouveau utilisable une tour de "
                    "bureaux des années septante. Des exemples parisiens et bruxellois ont montré "
                    "des bureaux devenus logements sans démolition."
                ),
                en=(
                    "Developers, the university college, student organisations and the city "
                    "services explored together how a 1970s office tower could be used again. "
                    "Examples from Paris and Brussels showed offices turned into homes without "
                    "demolition."
                ),
            ),
            T(
                nl=(
                    "Het ontwerpend onderzoek behield het betonskelet en de gevel en stelde een "
                    "verdeling voor: kantoren onderaan, studentenkamers bovenaan en een "
                    "fietsenstalling in de vroegere archiefkelder."
                ),
                fr=(
                    "La recherche par le projet a conservé l’ossature en béton et la façade et "
                    "proposé une répartition : bureaux en bas, chambres d’étudiants en haut et "
                    "parking vélos dans l’ancienne cave d’archives."
                ),
                en=(
                    "The design research kept the concrete frame and the facade and proposed a "
                    "split: offices below, student rooms above and bicycle parking in the former "
                    "archive basement."
                ),
            ),
        ],
        "components": [
            (
                T(
                    nl="Systeemplafondtegels",
                    fr="Dalles de faux plafond",
                    en="Suspended ceiling tiles",
                ),
                "1800",
                "m2",
                "good",
                T(
                    nl="Via de federatie naar twee scholenbouwprojecten in West-Vlaanderen",
                    fr=(
                        "Via la fédération vers deux projets de construction scolaire en "
                        "Flandre-Occidentale"
                    ),
                    en="Through the federation to two school building projects in West Flanders",
                ),
            ),
            (
                T(
                    nl="Verhoogde vloerplaten",
                    fr="Dalles de plancher surélevé",
                    en="Raised floor panels",
                ),
                "1200",
                "m2",
                "good",
                T(
                    nl="Hergebruikt in de nieuwe kantoorverdiepingen",
                    fr="Réemployées dans les nouveaux étages de bureaux",
                    en="Reused in the new office floors",
                ),
            ),
            (
                T(nl="Glazen scheidingswanden", fr="Cloisons vitrées", en="Glass partition walls"),
                "260",
                "m",
                "good",
                T(
                    nl="Opnieuw geplaatst als vergaderruimtes",
                    fr="Réinstallées comme salles de réunion",
                    en="Reinstalled as meeting rooms",
                ),
            ),
            (
                T(
                    nl="Tl-armaturen",
                    fr="Luminaires à tubes fluorescents",
                    en="Fluorescent light fittings",
                ),
                "640",
                "piece",
                "recycle",
                T(
                    nl="Ingezameld via het terugnamesysteem voor verlichting",
                    fr="Collectés via le système de reprise des luminaires",
                    en="Collected through the lighting take-back scheme",
                ),
            ),
            (
                T(nl="Sanitaire toestellen", fr="Appareils sanitaires", en="Sanitary fittings"),
                "58",
                "piece",
                "repair",
                T(
                    nl="Gereinigd en hergebruikt in de studentenkamers",
                    fr="Nettoyés et réemployés dans les chambres d’étudiants",
                    en="Cleaned and reused in the student rooms",
                ),
            ),
            (
                T(nl="Serverracks", fr="Baies de serveurs", en="Server racks"),
                "12",
                "piece",
                "good",
                T(
                    nl="Teruggenomen door een ICT-leverancier voor refurbishment",
                    fr="Reprises par un fournisseur informatique pour reconditionnement",
                    en="Taken back by an ICT supplier for refurbishment",
                ),
            ),
        ],
        "energy_exchange": [
            T(
                nl=(
                    "Het zwembad op driehonderd meter heeft het hele jaar een warmtevraag, terwijl "
                    "de kantoren in de zomer moeten koelen. Een warmtenet met een gedeelde buffer "
                    "laat beide gebouwen elkaars overschot gebruiken."
                ),
                fr=(
                    "La piscine située à trois cents mètres a besoin de chaleur toute l’année, "
                    "tandis que les bureaux doivent être refroidis en été. Un réseau de chaleur "
                    "avec un tampon commun permet aux deux bâtiments d’utiliser leurs excédents "
                    "mutuels."
                ),
                en=(
                    "The swimming pool three hundred metres away needs heat all year, while the "
                    "offices need cooling in summer. A heat network with a shared buffer lets each "
                    "building use the other’s surplus."
                ),
            ),
        ],
        "tender_translation": [
            T(
                nl=(
                    "De stad nam in het bestek voor de strip-out een hergebruikinventaris en een "
                    "gunningscriterium voor hergebruik op. De ICT-apparatuur uit het gebouw werd "
                    "via een aparte opdracht met gecertificeerde gegevenswissing teruggenomen."
                ),
                fr=(
                    "Pour le curage, la ville a inscrit dans le cahier des charges un inventaire de"
                    " réemploi et un critère d’attribution lié au réemploi. Le matériel "
                    "informatique du bâtiment a été repris via un marché distinct avec effacement "
                    "certifié des données."
                ),
                en=(
                    "For the strip-out, the city included a reuse inventory and an award criterion "
                    "for reuse in the tender. The building’s ICT equipment was taken back through a"
                    " separate contract with certified data erasure."
                ),
            ),
        ],
        "revenue_model": [
            T(
                nl=(
                    "Een ontwikkelaar koopt het gebouw met een kettingbeding dat hergebruik en het "
                    "warmtenet vastlegt. De kantoren worden als flexibele werkplekken verhuurd met "
                    "meubilair als dienst, de studentenkamers via het huisvestingsfonds van de "
                    "hogeschool."
                ),
                fr=(
                    "Un promoteur achète le bâtiment avec une clause de transmission qui impose le "
                    "réemploi et le réseau de chaleur. Les bureaux sont loués comme espaces de "
                    "travail flexibles avec du mobilier comme service, les chambres via le fonds de"
                    " logement de la haute école."
                ),
                en=(
                    "A developer buys the building with a covenant that fixes reuse and the heat "
                    "network. The offices are let as flexible workspaces with furniture as a "
                    "service, the student rooms through the university college’s housing fund."
                ),
            ),
        ],
        "planning_instruments": [
            (
                T(nl="Stedenbouwkundige last", fr="Charge d’urbanisme", en="Planning obligation"),
                T(
                    nl=(
                        "Verplichtte de ontwikkelaar tot aansluiting op het warmtenet en tot een "
                        "publieke fietsenstalling."
                    ),
                    fr=(
                        "A obligé le promoteur à se raccorder au réseau de chaleur et à prévoir un "
                        "parking vélos public."
                    ),
                    en=(
                        "Required the developer to connect to the heat network and provide public "
                        "bicycle parking."
                    ),
                ),
            ),
            (
                T(nl="Leegstandsheffing", fr="Taxe sur l’inoccupation", en="Vacancy levy"),
                T(
                    nl=(
                        "Zette de vorige eigenaar ertoe aan te verkopen in plaats van verder te "
                        "laten leegstaan."
                    ),
                    fr=(
                        "A incité l’ancien propriétaire à vendre plutôt qu’à laisser le bâtiment "
                        "vide."
                    ),
                    en=(
                        "Encouraged the previous owner to sell rather than leave the building "
                        "empty."
                    ),
                ),
            ),
        ],
        "tender_clauses": [
            "hergebruikinventaris-voor-sloop",
            "aandeel-hergebruikte-bouwmaterialen",
            "gecertificeerde-gegevenswissing",
        ],
    },
]
