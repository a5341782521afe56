"""Demo facts of the tender clauses: reference, ambition level, provenance and verification.

Keyed by the Dutch slug of the clause in `demo_content.CLAUSES`. Every clause names the buyer
and the tender it comes from: a practice example's buyer, a pilot's municipality, or a work
session of the network. Verification says what the bidder hands in and how the buyer checks.
"""

import datetime

from network.demo.localize import T


def facts(reference, ambition, organisation, tender, bidder, buyer, added, reviewed):
    title, year, tender_reference, url = tender
    return {
        "reference": reference,
        "ambition_level": ambition,
        "source_organisation": organisation,
        "source_tender_title": title,
        "source_tender_year": year,
        "source_tender_reference": tender_reference,
        "source_tender_url": url,
        "verification_bidder": bidder,
        "verification_buyer": buyer,
        "added_on": added,
        "reviewed_on": reviewed,
    }


CLAUSE_FACTS = {
    "hergebruikinventaris-voor-sloop": facts(
        "DCA-BOU-001",
        1,
        "Stad Kortrijk",
        (
            "Renovatie stadskantoor: inventaris en selectieve ontmanteling",
            2022,
            "KOR-2022-041",
            "https://www.kortrijk.example/aanbestedingen/kor-2022-041",
        ),
        T(
            nl="Een ingevulde inventaris per bouwdeel met foto's, hoeveelheden en afmetingen.",
            fr="Un inventaire rempli par élément, avec photos, quantités et dimensions.",
            en="A completed inventory per component, with photos, quantities and dimensions.",
        ),
        T(
            nl="De bouwheer loopt de inventaris met de aannemer na tijdens een werfbezoek.",
            fr="Le maître d’ouvrage vérifie l’inventaire avec l’entrepreneur lors d’une visite.",
            en="The client walks through the inventory with the contractor on a site visit.",
        ),
        datetime.date(2022, 11, 17),
        datetime.date(2025, 6, 12),
    ),
    "ervaring-selectieve-demontage": facts(
        "DCA-BOU-002",
        2,
        "Gemeente Herzele",
        (
            "Herbestemming oude jongensschool: ontmanteling en hergebruik",
            2019,
            "HRZ-2019-007",
            "https://www.herzele.example/overheidsopdrachten/hrz-2019-007",
        ),
        T(
            nl="Twee referenties met contactpersoon, lijst van gedemonteerde elementen en hun bestemming.",
            fr="Deux références avec personne de contact, liste des éléments démontés et destination.",
            en="Two references with a contact person, the dismantled elements and their destination.",
        ),
        T(
            nl="De aankoper belt minstens één referentie en vraagt naar de staat van de bouwdelen.",
            fr="L’acheteur appelle au moins une référence et s’informe de l’état des éléments.",
            en="The buyer calls at least one reference and asks about the state of the components.",
        ),
        datetime.date(2019, 3, 4),
        datetime.date(2024, 9, 18),
    ),
    "aandeel-hergebruikte-bouwmaterialen": facts(
        "DCA-BOU-003",
        3,
        "Métropole de Lyon",
        (
            "Groupe scolaire : lot gros œuvre avec matériaux de réemploi",
            2022,
            "LYON-2022-118",
            "https://www.lyon.example/marches/2022-118",
        ),
        T(
            nl="Een herkomstlijst per materiaal met gewicht, leverancier en bewijs van hergebruik.",
            fr="Une liste d’origine par matériau avec poids, fournisseur et preuve de réemploi.",
            en="A list of origins per material with weight, supplier and proof of reuse.",
        ),
        T(
            nl="Bij oplevering vergelijkt de bouwheer de lijst met leveringsbonnen en weegbriefjes.",
            fr="À la réception, le maître d’ouvrage compare la liste aux bons de livraison et de pesée.",
            en="At handover the client checks the list against delivery notes and weighbridge slips.",
        ),
        datetime.date(2023, 1, 26),
        datetime.date(2025, 7, 4),
    ),
    "bestaand-meubilair-eerst": facts(
        "DCA-MEU-001",
        2,
        "Stad Gent",
        (
            "Herinrichting Administratief Centrum met bestaand meubilair",
            2018,
            "GENT-2018-FAC-031",
            "https://www.gent.example/aanbestedingen/2018-fac-031",
        ),
        T(
            nl="Een beoordeling per stuk meubilair met voorgestelde ingreep en prijs.",
            fr="Une évaluation par pièce de mobilier, avec l’intervention proposée et son prix.",
            en="An assessment per piece of furniture with the proposed work and its price.",
        ),
        T(
            nl="De aankoper keurt elke nieuwe levering vooraf schriftelijk goed en houdt de lijst bij.",
            fr="L’acheteur approuve par écrit chaque livraison neuve et tient la liste à jour.",
            en="The buyer approves every new delivery in writing beforehand and keeps the list.",
        ),
        datetime.date(2018, 9, 14),
        datetime.date(2024, 2, 2),
    ),
    "terugname-meubilair": facts(
        "DCA-MEU-002",
        2,
        "Stad Gent",
        (
            "Raamcontract kantoormeubilair met terugname",
            2019,
            "GENT-2019-FAC-012",
            "https://www.gent.example/aanbestedingen/2019-fac-012",
        ),
        T(
            nl="Een terugnameplan en jaarlijks een verslag met wat hergebruikt en gerecycleerd werd.",
            fr="Un plan de reprise et chaque année un rapport sur ce qui a été réemployé et recyclé.",
            en="A take-back plan and a yearly report of what was reused and recycled.",
        ),
        T(
            nl="De contractbeheerder bespreekt het verslag op het jaarlijkse opvolgingsoverleg.",
            fr="Le gestionnaire du contrat discute le rapport lors de la réunion de suivi annuelle.",
            en="The contract manager discusses the report at the yearly follow-up meeting.",
        ),
        datetime.date(2019, 5, 2),
        datetime.date(2025, 3, 10),
    ),
    "functionele-vraag-meubilair": facts(
        "DCA-MEU-003",
        3,
        "Stad Mechelen",
        (
            "Inrichting Sint-Jozefkerk als buurthuis: functionele vraag",
            2019,
            "MEC-2019-022",
            "https://www.mechelen.example/opdrachten/mec-2019-022",
        ),
        T(
            nl="Een voorstel dat per functie uitlegt hoe die ingevuld wordt, met bestaande of tweedehands stukken.",
            fr="Une proposition qui explique pour chaque fonction comment elle est remplie, avec des pièces existantes ou de seconde main.",
            en="A proposal that explains for each function how it is met, with existing or second-hand pieces.",
        ),
        T(
            nl="Een jury toetst de voorstellen aan de functies tijdens een toelichting door de inschrijvers.",
            fr="Un jury confronte les propositions aux fonctions lors d’une présentation des soumissionnaires.",
            en="A panel tests the proposals against the functions during a presentation by the tenderers.",
        ),
        datetime.date(2019, 2, 20),
        datetime.date(2024, 11, 5),
    ),
    "gebruiksduur-en-onderdelen-ict": facts(
        "DCA-ICT-001",
        1,
        "Stad Kortrijk",
        (
            "Levering laptops en schermen voor de stadsdiensten",
            2019,
            "KOR-2019-ICT-004",
            "https://www.kortrijk.example/aanbestedingen/kor-2019-ict-004",
        ),
        T(
            nl="Een verklaring van de fabrikant over garantie, onderdelen en updates per toestel.",
            fr="Une déclaration du fabricant sur la garantie, les pièces et les mises à jour par appareil.",
            en="A manufacturer's statement on warranty, spare parts and updates per device.",
        ),
        T(
            nl="De ICT-dienst vergelijkt de verklaring met de fiche van de fabrikant.",
            fr="Le service informatique compare la déclaration avec la fiche du fabricant.",
            en="The IT department checks the statement against the manufacturer's data sheet.",
        ),
        datetime.date(2019, 5, 28),
        datetime.date(2025, 1, 15),
    ),
    "gecertificeerde-gegevenswissing": facts(
        "DCA-ICT-002",
        1,
        "Københavns Kommune",
        (
            "Take-back and reuse of municipal laptops",
            2024,
            "KK-2024-IT-077",
            "https://www.kk.example/udbud/2024-it-077",
        ),
        T(
            nl="Een geldig certificaat voor gegevenswissing en een voorbeeld van een wisrapport.",
            fr="Un certificat valide d’effacement des données et un exemple de rapport d’effacement.",
            en="A valid data-erasure certificate and a sample erasure report.",
        ),
        T(
            nl="De aankoper controleert het certificaat bij de uitgever en vraagt per levering de wisrapporten op.",
            fr="L’acheteur vérifie le certificat auprès de l’émetteur et demande les rapports à chaque lot.",
            en="The buyer checks the certificate with its issuer and asks for the reports with each batch.",
        ),
        datetime.date(2024, 10, 10),
        datetime.date(2026, 4, 22),
    ),
    "terugname-ict-met-rapportage": facts(
        "DCA-ICT-003",
        2,
        "Stad Kortrijk",
        (
            "Terugname en hergebruik van afgeschreven ICT",
            2020,
            "KOR-2020-ICT-019",
            "https://www.kortrijk.example/aanbestedingen/kor-2020-ict-019",
        ),
        T(
            nl="Per ophaling een lijst met serienummers en de bestemming van elk toestel.",
            fr="À chaque enlèvement, une liste des numéros de série et la destination de chaque appareil.",
            en="For each collection, a list of serial numbers and each device's destination.",
        ),
        T(
            nl="De ICT-dienst legt de lijst naast de eigen inventaris en vraagt steekproefsgewijs bewijs.",
            fr="Le service informatique compare la liste à son inventaire et demande des preuves par sondage.",
            en="The IT department compares the list with its own inventory and spot-checks the evidence.",
        ),
        datetime.date(2020, 3, 9),
        datetime.date(2025, 10, 1),
    ),
    "licht-als-dienst": facts(
        "DCA-VER-001",
        3,
        "Stad Mechelen",
        (
            "Licht als dienst in vier sporthallen",
            2019,
            "MEC-2019-031",
            "https://www.mechelen.example/opdrachten/mec-2019-031",
        ),
        T(
            nl="Een lichtstudie per zaal en een contract met gegarandeerde lichtniveaus en verbruik.",
            fr="Une étude d’éclairage par salle et un contrat avec niveaux d’éclairement et consommation garantis.",
            en="A lighting study per hall and a contract with guaranteed light levels and consumption.",
        ),
        T(
            nl="Een jaarlijkse meting van lichtniveaus en de verbruiksgegevens van de meters.",
            fr="Une mesure annuelle des niveaux d’éclairement et les données de consommation des compteurs.",
            en="A yearly measurement of light levels and the meters' consumption data.",
        ),
        datetime.date(2019, 10, 3),
        datetime.date(2025, 11, 20),
    ),
    "totale-kost-verlichting": facts(
        "DCA-VER-002",
        2,
        "Stad Mechelen",
        (
            "Relighting stedelijke gebouwen op basis van totale kost",
            2020,
            "MEC-2020-008",
            "https://www.mechelen.example/opdrachten/mec-2020-008",
        ),
        T(
            nl="Een ingevuld rekenblad met aankoop, verbruik, onderhoud en einde levensduur.",
            fr="Une feuille de calcul remplie avec achat, consommation, entretien et fin de vie.",
            en="A completed spreadsheet with purchase, consumption, maintenance and end of life.",
        ),
        T(
            nl="De aankoper herrekent de totale kost met de eigen energieprijs en vergelijkt de offertes.",
            fr="L’acheteur recalcule le coût total avec son propre prix de l’énergie et compare les offres.",
            en="The buyer recalculates the total cost with its own energy price and compares the offers.",
        ),
        datetime.date(2020, 2, 14),
        datetime.date(2024, 6, 3),
    ),
    "herbruikbaar-servies": facts(
        "DCA-CAT-001",
        2,
        "Stad Leuven",
        (
            "Herbruikbare bekers en afwas voor stadsevenementen",
            2021,
            "LEU-2021-EVT-015",
            "https://www.leuven.example/opdrachten/leu-2021-evt-015",
        ),
        T(
            nl="Een plan voor levering, inzameling en afwas, met het aantal bekers per evenement.",
            fr="Un plan de livraison, de collecte et de lavage, avec le nombre de gobelets par événement.",
            en="A plan for delivery, collection and washing, with the number of cups per event.",
        ),
        T(
            nl="De evenementendienst telt na elk evenement de teruggebrachte bekers.",
            fr="Le service des événements compte les gobelets rendus après chaque événement.",
            en="The events department counts the returned cups after each event.",
        ),
        datetime.date(2021, 8, 26),
        datetime.date(2025, 8, 30),
    ),
    "meting-voedselverlies": facts(
        "DCA-CAT-002",
        1,
        "Stad Leuven",
        (
            "Catering voor scholen en dienstencentra",
            2022,
            "LEU-2022-CAT-003",
            "https://www.leuven.example/opdrachten/leu-2022-cat-003",
        ),
        T(
            nl="Maandelijks de gewogen hoeveelheden voedselverlies per locatie.",
            fr="Chaque mois, les quantités de gaspillage alimentaire pesées par site.",
            en="Each month, the weighed amounts of food waste per location.",
        ),
        T(
            nl="De contractbeheerder volgt de cijfers op en weegt zelf een keer per kwartaal mee.",
            fr="Le gestionnaire du contrat suit les chiffres et pèse lui-même une fois par trimestre.",
            en="The contract manager follows the figures and weighs along once a quarter.",
        ),
        datetime.date(2022, 4, 7),
        datetime.date(2025, 4, 7),
    ),
    "gerecycleerde-vezels-werkkledij": facts(
        "DCA-TEX-001",
        2,
        "Gemeente Utrecht",
        (
            "Circulaire werkkleding buitendienst",
            2020,
            "UTR-2020-0412",
            "https://www.utrecht.example/aanbestedingen/utr-2020-0412",
        ),
        T(
            nl="Een materiaalpaspoort per kledingstuk met het aandeel gerecycleerde vezels.",
            fr="Un passeport matériaux par vêtement avec la part de fibres recyclées.",
            en="A material passport per garment with the share of recycled fibres.",
        ),
        T(
            nl="De aankoper laat een steekproef van de eerste levering in een labo testen.",
            fr="L’acheteur fait tester en laboratoire un échantillon de la première livraison.",
            en="The buyer has a sample of the first delivery tested in a laboratory.",
        ),
        datetime.date(2020, 6, 11),
        datetime.date(2022, 9, 8),
    ),
    "behoefteanalyse-werkkledij": facts(
        "DCA-TEX-002",
        1,
        "Gemeente Utrecht",
        (
            "Behoefteonderzoek werkkleding buitendienst",
            2019,
            "UTR-2019-0988",
            "https://www.utrecht.example/aanbestedingen/utr-2019-0988",
        ),
        T(
            nl="Een verslag van de bevraging per dienst met het aantal stuks per functie.",
            fr="Un rapport de l’enquête par service avec le nombre de pièces par fonction.",
            en="A report of the survey per department with the number of pieces per role.",
        ),
        T(
            nl="De aankoper legt het verslag voor aan de diensthoofden voor de bestelling start.",
            fr="L’acheteur soumet le rapport aux chefs de service avant le début des commandes.",
            en="The buyer puts the report to the heads of department before ordering starts.",
        ),
        datetime.date(2019, 11, 21),
        datetime.date(2024, 5, 16),
    ),
}
