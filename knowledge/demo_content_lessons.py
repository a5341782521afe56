"""Demo texts of the lessons learned, from the pilot cases, the work sessions and members.

Two lessons stay Dutch-only and one is translated into English only, on purpose: they show
how the site treats pages that are not (yet) translated.
"""

import datetime

from network.demo.localize import T

LESSONS = [
    {
        "slug": T(
            nl="demontage-vraagt-tijd-in-de-planning",
            fr="le-demontage-demande-du-temps",
            en="dismantling-needs-time-in-the-schedule",
        ),
        "title": T(
            nl="Demontage vraagt tijd in de planning",
            fr="Le démontage demande du temps dans le planning",
            en="Dismantling needs time in the schedule",
        ),
        "summary": T(
            nl=(
                "Selectief demonteren duurt langer dan slopen. Wie dat niet inplant, verliest "
                "herbruikbare materialen aan tijdsdruk."
            ),
            fr=(
                "Le démontage sélectif prend plus de temps que la démolition. Qui ne le prévoit pas"
                " perd des matériaux réutilisables sous la pression du calendrier."
            ),
            en=(
                "Selective dismantling takes longer than demolition. Without planning for it, "
                "reusable materials are lost to time pressure."
            ),
        ),
        "themes": ["bouwmaterialen"],
        "organisations": ["herzele", "federatie"],
        "phase": "needs_analysis",
        "published": datetime.date(2018, 12, 5),
        "reviewed": datetime.date(2020, 1, 10),
        "evidence_source": "pilot_case",
        "evidence_page": "oude-jongensschool-herzele",
        "context": [
            T(
                nl=(
                    "In de oude jongensschool van Herzele moest de renovatie starten voor het "
                    "nieuwe schooljaar. De aannemer kreeg drie weken voor de strip-out, even lang "
                    "als voor een klassieke sloop."
                ),
                fr=(
                    "À l’ancienne école de garçons de Herzele, la rénovation devait commencer avant"
                    " la rentrée scolaire. L’entrepreneur a disposé de trois semaines pour le "
                    "curage, autant que pour une démolition classique."
                ),
                en=(
                    "At the former boys’ school in Herzele, the renovation had to start before the "
                    "new school year. The contractor got three weeks for the strip-out, as long as "
                    "for a conventional demolition."
                ),
            ),
        ],
        "what_worked": [
            T(
                nl=(
                    "De deuren en radiatoren werden toch gered, omdat de inventaris ze vooraf had "
                    "gemarkeerd en een vrijwilligersploeg ze in het weekend losmaakte."
                ),
                fr=(
                    "Les portes et les radiateurs ont malgré tout été sauvés, parce que "
                    "l’inventaire les avait repérés à l’avance et qu’une équipe de bénévoles les a "
                    "démontés le week-end."
                ),
                en=(
                    "The doors and radiators were saved anyway, because the inventory had marked "
                    "them beforehand and a volunteer team removed them at the weekend."
                ),
            ),
        ],
        "barriers": [
            T(
                nl=(
                    "Voor het parket en de dakpannen was er geen tijd meer. Een deel van het parket"
                    " raakte beschadigd en de dakpannen werden pas na een maand verkocht, na opslag"
                    " op kosten van de gemeente."
                ),
                fr=(
                    "Il n’y avait plus de temps pour le parquet et les tuiles. Une partie du "
                    "parquet a été abîmée et les tuiles n’ont été vendues qu’au bout d’un mois, "
                    "après un stockage aux frais de la commune."
                ),
                en=(
                    "There was no time left for the parquet and the roof tiles. Part of the parquet"
                    " was damaged and the tiles were only sold after a month, stored at the "
                    "municipality’s expense."
                ),
            ),
        ],
        "recommendations": [
            T(
                nl=(
                    "Reken voor selectieve demontage op minstens de helft meer tijd dan voor sloop "
                    "en leg die termijn vast in het bestek. Zoek afnemers al tijdens de inventaris,"
                    " niet pas na de demontage."
                ),
                fr=(
                    "Prévoyez pour le démontage sélectif au moins moitié plus de temps que pour une"
                    " démolition et fixez ce délai dans le cahier des charges. Cherchez des "
                    "repreneurs dès l’inventaire, pas après le démontage."
                ),
                en=(
                    "Allow at least half as much time again for selective dismantling as for "
                    "demolition and fix that period in the tender. Look for buyers during the "
                    "inventory, not after the dismantling."
                ),
            ),
        ],
    },
    {
        "slug": T(
            nl="marktconsultatie-maakt-refurbished-meubilair-bespreekbaar",
            fr="la-consultation-du-marche-ouvre-la-porte-au-mobilier-reconditionne",
            en="market-consultation-opens-the-door-to-refurbished-furniture",
        ),
        "title": T(
            nl="Een marktconsultatie maakt refurbished meubilair bespreekbaar",
            fr="Une consultation du marché ouvre la porte au mobilier reconditionné",
            en="A market consultation opens the door to refurbished furniture",
        ),
        "summary": T(
            nl=(
                "Aankopers twijfelden aan de kwaliteit van gereviseerd meubilair. Een "
                "marktconsultatie met een proefopstelling nam die twijfel weg."
            ),
            fr=(
                "Les acheteurs doutaient de la qualité du mobilier reconditionné. Une consultation "
                "du marché avec une installation d’essai a levé ce doute."
            ),
            en=(
                "Buyers doubted the quality of refurbished furniture. A market consultation with a "
                "trial setup removed that doubt."
            ),
        ),
        "themes": ["meubilair"],
        "organisations": ["gent", "tweede-ronde"],
        "phase": "market_consultation",
        "published": datetime.date(2019, 3, 21),
        "reviewed": None,
        "evidence_source": "work_session",
        "context": [
            T(
                nl=(
                    "Tijdens de werksessie over meubilair bleek dat de meeste besturen nog nooit "
                    "refurbished bureaustoelen of werktafels hadden aangekocht. De gebruikers "
                    "vreesden voor versleten stukken en de aankopers voor klachten."
                ),
                fr=(
                    "Lors de l’atelier sur le mobilier, il est apparu que la plupart des "
                    "administrations n’avaient jamais acheté de chaises de bureau ou de tables de "
                    "travail reconditionnées. Les utilisateurs craignaient des pièces usées, les "
                    "acheteurs des plaintes."
                ),
                en=(
                    "At the furniture work session it turned out most public bodies had never "
                    "bought refurbished office chairs or desks. Users feared worn-out pieces and "
                    "buyers feared complaints."
                ),
            ),
        ],
        "what_worked": [
            T(
                nl=(
                    "Vier leveranciers richtten op de marktconsultatie elk een werkplek in met "
                    "gereviseerde meubelen. Medewerkers mochten ze een week gebruiken en "
                    "beoordelen, en de meesten zagen geen verschil met nieuw."
                ),
                fr=(
                    "Lors de la consultation du marché, quatre fournisseurs ont chacun aménagé un "
                    "poste de travail avec du mobilier reconditionné. Les collaborateurs ont pu "
                    "l’utiliser et l’évaluer pendant une semaine, et la plupart n’ont vu aucune "
                    "différence avec du neuf."
                ),
                en=(
                    "At the market consultation, four suppliers each furnished a workplace with "
                    "refurbished furniture. Staff could use and rate them for a week, and most saw "
                    "no difference from new."
                ),
            ),
        ],
        "barriers": [
            T(
                nl=(
                    "Leveranciers konden niet altijd grote aantallen van hetzelfde model "
                    "garanderen. Voor een uniforme inrichting van een heel gebouw was dat een "
                    "probleem."
                ),
                fr=(
                    "Les fournisseurs ne pouvaient pas toujours garantir de grandes quantités du "
                    "même modèle. Pour un aménagement uniforme d’un bâtiment entier, c’était un "
                    "problème."
                ),
                en=(
                    "Suppliers could not always guarantee large numbers of the same model. For a "
                    "uniform fit-out of a whole building, that was a problem."
                ),
            ),
        ],
        "recommendations": [
            T(
                nl=(
                    "Laat gebruikers refurbished meubilair zelf uitproberen vóór de aanbesteding. "
                    "Vraag uniformiteit per ruimte in plaats van per gebouw, zodat het aanbod "
                    "volstaat."
                ),
                fr=(
                    "Laissez les utilisateurs essayer eux-mêmes le mobilier reconditionné avant le "
                    "marché. Demandez l’uniformité par pièce plutôt que par bâtiment, pour que "
                    "l’offre suffise."
                ),
                en=(
                    "Let users try refurbished furniture themselves before the tender. Ask for "
                    "uniformity per room rather than per building, so that supply is sufficient."
                ),
            ),
        ],
    },
    {
        "slug": T(
            nl="kerkbanken-vinden-een-tweede-leven-in-de-buurt",
            fr="les-bancs-deglise-trouvent-une-seconde-vie",
            en="pews-find-a-second-life-in-the-neighbourhood",
        ),
        "title": T(
            nl="Kerkbanken vinden een tweede leven in de buurt",
            fr="Les bancs d’église trouvent une seconde vie dans le quartier",
            en="Pews find a second life in the neighbourhood",
        ),
        "summary": T(
            nl=(
                "Van de 85 kerkbanken van de Sint-Jozefkerk vonden er 65 een nieuwe plek bij "
                "scholen en verenigingen. Een lokale verdeling bleek sneller dan verkoop."
            ),
            fr=(
                "Sur les 85 bancs de l’église Saint-Joseph, 65 ont trouvé une nouvelle place dans "
                "des écoles et associations. Une distribution locale s’est révélée plus rapide "
                "qu’une vente."
            ),
            en=(
                "Of the 85 pews of St Joseph’s Church, 65 found a new home with schools and "
                "associations. Local distribution proved faster than selling them."
            ),
        ),
        "themes": ["meubilair", "bouwmaterialen"],
        "organisations": ["mechelen"],
        "phase": "contract_management",
        "published": datetime.date(2019, 5, 9),
        "reviewed": None,
        "evidence_source": "pilot_case",
        "evidence_page": "sint-jozefkerk-mechelen",
        "languages": (),
        "context": [
            T(
                nl=(
                    "De kerkfabriek wilde de kerkbanken eerst verkopen via een veiling. Na drie "
                    "maanden waren er slechts vijf verkocht en stonden de andere in de weg van de "
                    "werken."
                ),
                fr=(
                    "La fabrique d’église voulait d’abord vendre les bancs aux enchères. Après "
                    "trois mois, seuls cinq avaient été vendus et les autres gênaient les travaux."
                ),
                en=(
                    "The church council first wanted to sell the pews at auction. After three "
                    "months only five had been sold and the rest were in the way of the works."
                ),
            ),
        ],
        "what_worked": [
            T(
                nl=(
                    "De stad bracht scholen, jeugdbewegingen en de buurtwerking samen op een "
                    "ophaaldag. Wie een bank meenam, tekende een afspraak om ze niet door te "
                    "verkopen."
                ),
                fr=(
                    "La ville a réuni écoles, mouvements de jeunesse et travail de quartier lors "
                    "d’une journée d’enlèvement. Chaque preneur signait un engagement de ne pas "
                    "revendre."
                ),
                en=(
                    "The city brought schools, youth movements and community workers together on a "
                    "collection day. Everyone who took a pew signed an agreement not to resell it."
                ),
            ),
        ],
        "barriers": [
            T(
                nl=(
                    "Sommige banken waren te lang voor een klaslokaal en moesten ingekort worden. "
                    "Niet elke vereniging had daarvoor het gereedschap of de tijd."
                ),
                fr=(
                    "Certains bancs étaient trop longs pour une classe et ont dû être raccourcis. "
                    "Toutes les associations n’avaient pas les outils ou le temps pour le faire."
                ),
                en=(
                    "Some pews were too long for a classroom and had to be shortened. Not every "
                    "association had the tools or the time for that."
                ),
            ),
        ],
        "recommendations": [
            T(
                nl=(
                    "Denk bij kerkmeubilair eerst aan lokale bestemmingen en plan een "
                    "herstelatelier mee in. Een eenvoudige afspraak voorkomt doorverkoop zonder "
                    "veel administratie."
                ),
                fr=(
                    "Pour le mobilier d’église, pensez d’abord aux destinations locales et prévoyez"
                    " un atelier de réparation. Un simple engagement évite la revente sans lourdeur"
                    " administrative."
                ),
                en=(
                    "For church furniture, think of local destinations first and plan a repair "
                    "workshop alongside. A simple agreement prevents resale without much paperwork."
                ),
            ),
        ],
    },
    {
        "slug": T(
            nl="functioneel-vragen-bij-verlichting",
            fr="demander-une-fonction-pour-leclairage",
            en="asking-for-a-function-in-lighting",
        ),
        "title": T(
            nl="Vraag licht, geen lampen",
            fr="Demandez de la lumière, pas des lampes",
            en="Ask for light, not lamps",
        ),
        "summary": T(
            nl=(
                "Mechelen kocht geen armaturen meer maar een gegarandeerde lichtprestatie. Dat "
                "vroeg een andere rol van de technische dienst."
            ),
            fr=(
                "Malines n’achète plus de luminaires mais une performance d’éclairage garantie. "
                "Cela a demandé un autre rôle au service technique."
            ),
            en=(
                "Mechelen stopped buying fittings and bought guaranteed lighting performance "
                "instead. That called for a different role for the technical department."
            ),
        ),
        "themes": ["verlichting", "energie"],
        "organisations": ["mechelen", "lichtabonnement"],
        "phase": "tender",
        "published": datetime.date(2020, 2, 13),
        "reviewed": datetime.date(2026, 2, 20),
        "evidence_source": "member",
        "context": [
            T(
                nl=(
                    "De verlichting van vier sporthallen was aan vervanging toe. De technische "
                    "dienst had weinig tijd voor onderhoud en de energiefactuur steeg elk jaar."
                ),
                fr=(
                    "L’éclairage de quatre salles de sport devait être remplacé. Le service "
                    "technique avait peu de temps pour l’entretien et la facture d’énergie "
                    "augmentait chaque année."
                ),
                en=(
                    "The lighting in four sports halls needed replacing. The technical department "
                    "had little time for maintenance and the energy bill rose every year."
                ),
            ),
        ],
        "what_worked": [
            T(
                nl=(
                    "Het bestek vroeg een lichtniveau per zone en liet de keuze van armaturen aan "
                    "de leverancier, die eigenaar bleef. Het energieverbruik daalde met meer dan de"
                    " helft."
                ),
                fr=(
                    "Le cahier des charges demandait un niveau d’éclairement par zone et laissait "
                    "le choix des luminaires au fournisseur, qui en restait propriétaire. La "
                    "consommation d’énergie a baissé de plus de moitié."
                ),
                en=(
                    "The tender asked for a light level per zone and left the choice of fittings to"
                    " the supplier, which remained the owner. Energy use fell by more than half."
                ),
            ),
        ],
        "barriers": [
            T(
                nl=(
                    "De financiële dienst moest een jaarlijkse vergoeding boeken in plaats van een "
                    "investering. Dat paste niet in de bestaande begrotingsregels en vroeg een "
                    "beslissing van het college."
                ),
                fr=(
                    "Le service financier a dû comptabiliser une redevance annuelle au lieu d’un "
                    "investissement. Cela ne cadrait pas avec les règles budgétaires existantes et "
                    "a nécessité une décision du collège."
                ),
                en=(
                    "The finance department had to book an annual fee instead of an investment. "
                    "That did not fit the existing budget rules and needed a decision by the "
                    "executive."
                ),
            ),
        ],
        "recommendations": [
            T(
                nl=(
                    "Betrek de financiële dienst vanaf de behoefteanalyse. Beschrijf de prestatie "
                    "meetbaar, zodat je de leverancier erop kunt aanspreken."
                ),
                fr=(
                    "Associez le service financier dès l’analyse des besoins. Décrivez la "
                    "performance de manière mesurable, afin de pouvoir en demander compte au "
                    "fournisseur."
                ),
                en=(
                    "Involve the finance department from the needs analysis onwards. Describe the "
                    "performance in measurable terms, so you can hold the supplier to it."
                ),
            ),
        ],
    },
    {
        "slug": T(
            nl="gegevensveiligheid-remt-hergebruik-van-ict",
            fr="la-securite-des-donnees-freine-le-reemploi-informatique",
            en="data-security-holds-back-ict-reuse",
        ),
        "title": T(
            nl="Gegevensveiligheid remt hergebruik van ICT",
            fr="La sécurité des données freine le réemploi informatique",
            en="Data security holds back ICT reuse",
        ),
        "summary": T(
            nl=(
                "Veel besturen laten afgeschreven laptops vernietigen uit vrees voor datalekken. "
                "Een gecertificeerde wisprocedure opent de weg naar hergebruik."
            ),
            fr=(
                "De nombreuses administrations font détruire leurs ordinateurs amortis par crainte "
                "des fuites de données. Une procédure d’effacement certifiée ouvre la voie au "
                "réemploi."
            ),
            en=(
                "Many public bodies have written-off laptops destroyed for fear of data leaks. A "
                "certified erasure procedure opens the way to reuse."
            ),
        ),
        "themes": ["ict"],
        "organisations": ["leuven", "refurb-it", "kenniscentrum"],
        "phase": "tender",
        "published": datetime.date(2020, 9, 24),
        "reviewed": datetime.date(2022, 3, 1),
        "evidence_source": "work_session",
        "context": [
            T(
                nl=(
                    "In de werksessie over ICT gaf bijna elk bestuur aan dat harde schijven "
                    "standaard vernietigd worden. De informatieveiligheidsconsulent had daarover "
                    "het laatste woord."
                ),
                fr=(
                    "Lors de l’atelier sur l’informatique, presque chaque administration a indiqué "
                    "que les disques durs sont détruits par défaut. Le conseiller en sécurité de "
                    "l’information avait le dernier mot."
                ),
                en=(
                    "At the ICT work session almost every public body said hard drives are "
                    "destroyed by default. The information security officer had the final say."
                ),
            ),
        ],
        "what_worked": [
            T(
                nl=(
                    "Leuven nodigde de veiligheidsconsulent uit bij de opmaak van het bestek. Samen"
                    " kozen ze een erkende wisnorm en een wisrapport per toestel, en de consulent "
                    "keurde hergebruik goed."
                ),
                fr=(
                    "Leuven a invité le conseiller en sécurité à la rédaction du cahier des "
                    "charges. Ensemble, ils ont choisi une norme d’effacement reconnue et un "
                    "rapport par appareil, et le conseiller a approuvé le réemploi."
                ),
                en=(
                    "Leuven invited the security officer to help draft the tender. Together they "
                    "chose a recognised erasure standard and a report per device, and the officer "
                    "approved reuse."
                ),
            ),
        ],
        "barriers": [
            T(
                nl=(
                    "Toestellen met een defect moederbord kunnen niet gewist worden. Daarvoor "
                    "blijft fysieke vernietiging van de opslag nodig."
                ),
                fr=(
                    "Les appareils dont la carte mère est défectueuse ne peuvent pas être effacés. "
                    "Pour eux, la destruction physique du stockage reste nécessaire."
                ),
                en=(
                    "Devices with a faulty motherboard cannot be erased. For those, physically "
                    "destroying the storage remains necessary."
                ),
            ),
        ],
        "recommendations": [
            T(
                nl=(
                    "Maak de informatieveiligheidsconsulent mede-eigenaar van het bestek. Vraag "
                    "vernietiging enkel van de opslag, niet van het hele toestel."
                ),
                fr=(
                    "Faites du conseiller en sécurité de l’information un copropriétaire du cahier "
                    "des charges. Ne demandez la destruction que du stockage, pas de tout "
                    "l’appareil."
                ),
                en=(
                    "Make the information security officer a co-owner of the tender. Ask for "
                    "destruction of the storage only, not of the whole device."
                ),
            ),
        ],
    },
    {
        "slug": T(
            nl="levensduurkosten-overtuigen-de-financiele-dienst",
            fr="le-cout-du-cycle-de-vie-convainc-le-service-financier",
            en="lifetime-costs-convince-the-finance-department",
        ),
        "title": T(
            nl="Levensduurkosten overtuigen de financiële dienst",
            fr="Le coût du cycle de vie convainc le service financier",
            en="Lifetime costs convince the finance department",
        ),
        "summary": T(
            nl=(
                "Een eenvoudig rekenblad met de totale kost over de levensduur maakte circulaire "
                "keuzes verdedigbaar tegenover de financiële dienst en de gemeenteraad."
            ),
            fr=(
                "Une simple feuille de calcul du coût total sur la durée de vie a rendu les choix "
                "circulaires défendables devant le service financier et le conseil communal."
            ),
            en=(
                "A simple spreadsheet of the total cost over the lifetime made circular choices "
                "defensible to the finance department and the council."
            ),
        ),
        "themes": ["verlichting", "energie", "ict"],
        "organisations": ["kenniscentrum", "gent"],
        "phase": "needs_analysis",
        "published": datetime.date(2021, 4, 15),
        "reviewed": datetime.date(2023, 10, 5),
        "evidence_source": "research",
        "context": [
            T(
                nl=(
                    "Circulaire oplossingen zijn bij aankoop vaak duurder. In de meeste besturen "
                    "beslist de laagste aankoopprijs, omdat energie en onderhoud op andere "
                    "begrotingslijnen staan."
                ),
                fr=(
                    "Les solutions circulaires sont souvent plus chères à l’achat. Dans la plupart "
                    "des administrations, le prix d’achat le plus bas l’emporte, car l’énergie et "
                    "l’entretien relèvent d’autres lignes budgétaires."
                ),
                en=(
                    "Circular solutions often cost more to buy. In most public bodies the lowest "
                    "purchase price wins, because energy and maintenance sit on other budget lines."
                ),
            ),
        ],
        "what_worked": [
            T(
                nl=(
                    "Het kenniscentrum ontwikkelde een rekenblad dat aankoop, energie, onderhoud en"
                    " restwaarde optelt over vijftien jaar. In Gent werd het verplicht bij elke "
                    "aankoop boven 30.000 euro."
                ),
                fr=(
                    "Le centre de connaissances a développé une feuille de calcul qui additionne "
                    "achat, énergie, entretien et valeur résiduelle sur quinze ans. À Gand, elle "
                    "est devenue obligatoire pour tout achat de plus de 30 000 euros."
                ),
                en=(
                    "The knowledge centre developed a spreadsheet adding up purchase, energy, "
                    "maintenance and residual value over fifteen years. In Ghent it became "
                    "compulsory for every purchase above 30,000 euros."
                ),
            ),
        ],
        "barriers": [
            T(
                nl=(
                    "Voor veel producten ontbreken betrouwbare cijfers over onderhoud en "
                    "restwaarde. Inschrijvers vullen die velden dan optimistisch in."
                ),
                fr=(
                    "Pour de nombreux produits, il manque des chiffres fiables sur l’entretien et "
                    "la valeur résiduelle. Les soumissionnaires remplissent alors ces champs avec "
                    "optimisme."
                ),
                en=(
                    "For many products there are no reliable figures on maintenance and residual "
                    "value. Tenderers then fill in those fields optimistically."
                ),
            ),
        ],
        "recommendations": [
            T(
                nl=(
                    "Gebruik vaste eenheidsprijzen voor energie zodat offertes vergelijkbaar zijn. "
                    "Koppel optimistische onderhoudscijfers aan een contractuele garantie."
                ),
                fr=(
                    "Utilisez des prix unitaires fixes pour l’énergie afin que les offres soient "
                    "comparables. Liez les chiffres d’entretien optimistes à une garantie "
                    "contractuelle."
                ),
                en=(
                    "Use fixed unit prices for energy so that offers are comparable. Tie optimistic"
                    " maintenance figures to a contractual guarantee."
                ),
            ),
        ],
    },
    {
        "slug": T(
            nl="restwarmte-delen-vraagt-een-partner-met-lange-adem",
            fr="partager-la-chaleur-residuelle-demande-un-partenaire-patient",
            en="sharing-waste-heat-needs-a-patient-partner",
        ),
        "title": T(
            nl="Restwarmte delen vraagt een partner met een lange adem",
            fr="Partager la chaleur résiduelle demande un partenaire patient",
            en="Sharing waste heat needs a patient partner",
        ),
        "summary": T(
            nl=(
                "De warmte-uitwisseling tussen het kantoorgebouw en het zwembad in Kortrijk was "
                "technisch eenvoudig, maar de afspraken over eigendom en prijs duurden twee jaar."
            ),
            fr=(
                "L’échange de chaleur entre l’immeuble de bureaux et la piscine de Courtrai était "
                "simple sur le plan technique, mais les accords sur la propriété et le prix ont "
                "pris deux ans."
            ),
            en=(
                "The heat exchange between the office building and the swimming pool in Kortrijk "
                "was technically simple, but agreeing on ownership and price took two years."
            ),
        ),
        "themes": ["energie"],
        "organisations": ["kortrijk"],
        "phase": "needs_analysis",
        "published": datetime.date(2021, 11, 30),
        "reviewed": datetime.date(2025, 12, 1),
        "evidence_source": "pilot_case",
        "evidence_page": "voormalig-belastingkantoor-kortrijk",
        "context": [
            T(
                nl=(
                    "Het zwembad is van de stad, het kantoorgebouw van een private ontwikkelaar. "
                    "Beide hebben voordeel bij een warmtenet, maar niemand wilde het alleen "
                    "financieren."
                ),
                fr=(
                    "La piscine appartient à la ville, l’immeuble de bureaux à un promoteur privé. "
                    "Tous deux ont intérêt à un réseau de chaleur, mais personne ne voulait le "
                    "financer seul."
                ),
                en=(
                    "The pool belongs to the city, the office building to a private developer. Both"
                    " gain from a heat network, but neither wanted to fund it alone."
                ),
            ),
        ],
        "what_worked": [
            T(
                nl=(
                    "Een stedenbouwkundige last koppelde de vergunning aan de aansluiting. Een "
                    "onafhankelijke partij berekende een warmteprijs die voor beide partijen onder "
                    "hun eigen productiekost lag."
                ),
                fr=(
                    "Une charge d’urbanisme a lié le permis au raccordement. Un tiers indépendant a"
                    " calculé un prix de la chaleur inférieur au coût de production propre de "
                    "chaque partie."
                ),
                en=(
                    "A planning obligation tied the permit to the connection. An independent party "
                    "calculated a heat price below each party’s own production cost."
                ),
            ),
        ],
        "barriers": [
            T(
                nl=(
                    "De looptijd van het warmtecontract overschreed de bestuursperiode. Het college"
                    " aarzelde om de stad voor twintig jaar te binden."
                ),
                fr=(
                    "La durée du contrat de chaleur dépassait la législature. Le collège hésitait à"
                    " engager la ville pour vingt ans."
                ),
                en=(
                    "The heat contract ran longer than the council’s term. The executive hesitated "
                    "to bind the city for twenty years."
                ),
            ),
        ],
        "recommendations": [
            T(
                nl=(
                    "Leg warmte-uitwisseling vroeg vast in planningsinstrumenten, voor de "
                    "bouwplannen af zijn. Voorzie een tussentijdse herziening van de prijs om lange"
                    " contracten aanvaardbaar te maken."
                ),
                fr=(
                    "Inscrivez l’échange de chaleur tôt dans les instruments d’aménagement, avant "
                    "que les plans ne soient figés. Prévoyez une révision intermédiaire du prix "
                    "pour rendre les longs contrats acceptables."
                ),
                en=(
                    "Fix heat exchange early in planning instruments, before the building plans are"
                    " final. Provide for an interim price review to make long contracts acceptable."
                ),
            ),
        ],
    },
    {
        "slug": T(
            nl="herbruikbaar-servies-vraagt-afspraken-met-de-schoonmaak",
            fr="la-vaisselle-reutilisable-demande-des-accords-avec-le-nettoyage",
            en="reusable-tableware-needs-agreements-with-cleaning-staff",
        ),
        "title": T(
            nl="Herbruikbaar servies vraagt afspraken met de schoonmaakdienst",
            fr="La vaisselle réutilisable demande des accords avec le service de nettoyage",
            en="Reusable tableware needs agreements with the cleaning service",
        ),
        "summary": T(
            nl=(
                "Leuven schakelde op stadsevenementen over op herbruikbare bekers. Het succes hing "
                "meer af van de afwaslogistiek dan van de bekers zelf."
            ),
            fr=(
                "Louvain est passée aux gobelets réutilisables lors des événements de la ville. Le "
                "succès a davantage dépendu de la logistique de lavage que des gobelets eux-mêmes."
            ),
            en=(
                "Leuven switched to reusable cups at city events. Success depended more on the "
                "washing logistics than on the cups themselves."
            ),
        ),
        "themes": ["catering"],
        "organisations": ["leuven"],
        "phase": "contract_management",
        "published": datetime.date(2022, 6, 2),
        "reviewed": datetime.date(2025, 9, 12),
        "evidence_source": "member",
        "context": [
            T(
                nl=(
                    "Op de grote stadsfeesten werden per editie meer dan honderdduizend "
                    "wegwerpbekers gebruikt. De stad wilde dat afval vermijden zonder de "
                    "organisatoren extra werk te bezorgen."
                ),
                fr=(
                    "Lors des grandes fêtes de la ville, plus de cent mille gobelets jetables "
                    "étaient utilisés par édition. La ville voulait éviter ces déchets sans "
                    "surcharger les organisateurs."
                ),
                en=(
                    "At the big city festivals, more than a hundred thousand disposable cups were "
                    "used per edition. The city wanted to avoid that waste without giving "
                    "organisers extra work."
                ),
            ),
        ],
        "what_worked": [
            T(
                nl=(
                    "De cateraar kreeg de volledige kringloop in handen: levering, statiegeld, "
                    "inzameling en afwas. Het zwerfvuil op de festivalterreinen daalde zichtbaar."
                ),
                fr=(
                    "Le traiteur a pris en charge tout le cycle : livraison, consigne, collecte et "
                    "lavage. Les déchets sauvages sur les sites de festival ont visiblement "
                    "diminué."
                ),
                en=(
                    "The caterer took charge of the whole loop: delivery, deposit, collection and "
                    "washing. Litter on the festival grounds fell visibly."
                ),
            ),
        ],
        "barriers": [
            T(
                nl=(
                    "De eerste editie liep de afwas achter omdat de mobiele vaatwasstraat te klein "
                    "was. Bekers raakten op en sommige standhouders grepen terug naar "
                    "wegwerpbekers."
                ),
                fr=(
                    "Lors de la première édition, le lavage a pris du retard parce que la laverie "
                    "mobile était trop petite. Les gobelets ont manqué et certains exposants sont "
                    "revenus aux gobelets jetables."
                ),
                en=(
                    "At the first edition, washing fell behind because the mobile dishwashing line "
                    "was too small. Cups ran out and some stallholders went back to disposable "
                    "ones."
                ),
            ),
        ],
        "recommendations": [
            T(
                nl=(
                    "Leg de afwascapaciteit vast per verwachte bezoeker en voorzie een "
                    "reservevoorraad. Bespreek na elke editie de cijfers met de cateraar en de "
                    "schoonmaakdienst."
                ),
                fr=(
                    "Fixez la capacité de lavage par visiteur attendu et prévoyez un stock de "
                    "réserve. Après chaque édition, discutez des chiffres avec le traiteur et le "
                    "service de nettoyage."
                ),
                en=(
                    "Set the washing capacity per expected visitor and keep a reserve stock. After "
                    "each edition, go over the figures with the caterer and the cleaning service."
                ),
            ),
        ],
    },
    {
        "slug": T(
            nl="gerecycleerde-vezels-begin-met-een-klein-perceel",
            fr="fibres-recyclees-commencez-par-un-petit-lot",
            en="recycled-fibres-start-with-a-small-lot",
        ),
        "title": T(
            nl="Gerecycleerde vezels in werkkledij: begin met een klein perceel",
            fr="Fibres recyclées dans les vêtements de travail : commencez par un petit lot",
            en="Recycled fibres in workwear: start with a small lot",
        ),
        "summary": T(
            nl=(
                "Een apart perceel voor werkkledij met gerecycleerde vezels liet nieuwe "
                "leveranciers toe zonder het risico voor de hele opdracht."
            ),
            fr=(
                "Un lot distinct pour des vêtements de travail en fibres recyclées a permis "
                "d’accueillir de nouveaux fournisseurs sans risquer l’ensemble du marché."
            ),
            en=(
                "A separate lot for workwear with recycled fibres let in new suppliers without "
                "putting the whole contract at risk."
            ),
        ),
        "themes": ["textiel"],
        "organisations": ["gent", "vlaanderen-circulair"],
        "phase": "tender",
        "published": datetime.date(2023, 3, 9),
        "reviewed": datetime.date(2026, 1, 15),
        "evidence_source": "member",
        "context": [
            T(
                nl=(
                    "Gent vernieuwt elke vier jaar de werkkledij van ruim tweeduizend medewerkers. "
                    "De bestaande leveranciers boden nauwelijks kledij met gerecycleerde vezels "
                    "aan."
                ),
                fr=(
                    "Gand renouvelle tous les quatre ans les vêtements de travail de plus de deux "
                    "mille collaborateurs. Les fournisseurs existants ne proposaient guère de "
                    "vêtements en fibres recyclées."
                ),
                en=(
                    "Ghent renews the workwear of over two thousand staff every four years. The "
                    "existing suppliers offered hardly any clothing with recycled fibres."
                ),
            ),
        ],
        "what_worked": [
            T(
                nl=(
                    "De stad maakte een klein perceel voor de groendienst, met een "
                    "gunningscriterium voor gerecycleerde vezels. Twee jonge bedrijven dienden een "
                    "offerte in en één won."
                ),
                fr=(
                    "La ville a créé un petit lot pour le service des espaces verts, avec un "
                    "critère d’attribution pour les fibres recyclées. Deux jeunes entreprises ont "
                    "remis une offre et l’une l’a emporté."
                ),
                en=(
                    "The city created a small lot for the parks department, with an award criterion"
                    " for recycled fibres. Two young firms submitted offers and one won."
                ),
            ),
        ],
        "barriers": [
            T(
                nl=(
                    "De kledij met gerecycleerde vezels sleet in het begin sneller aan de knieën. "
                    "De leverancier moest het weefsel aanpassen tijdens de looptijd."
                ),
                fr=(
                    "Au début, les vêtements en fibres recyclées s’usaient plus vite aux genoux. Le"
                    " fournisseur a dû adapter le tissu en cours de contrat."
                ),
                en=(
                    "At first the recycled-fibre clothing wore through faster at the knees. The "
                    "supplier had to adjust the fabric during the contract."
                ),
            ),
        ],
        "recommendations": [
            T(
                nl=(
                    "Test nieuwe materialen eerst in een klein perceel met een slijtagetest. Neem "
                    "in het contract een herstelregeling op voor de eerste maanden."
                ),
                fr=(
                    "Testez d’abord les nouveaux matériaux dans un petit lot avec un essai d’usure."
                    " Prévoyez dans le contrat un régime de réparation pour les premiers mois."
                ),
                en=(
                    "Test new materials in a small lot with a wear test first. Include a repair "
                    "arrangement for the first months in the contract."
                ),
            ),
        ],
    },
    {
        "slug": T(
            nl="hergebruikte-bouwmaterialen-en-garanties",
            fr="materiaux-reemployes-et-garanties",
            en="reused-building-materials-and-warranties",
        ),
        "title": T(
            nl="Hergebruikte bouwmaterialen en garanties",
            fr="Matériaux de construction réemployés et garanties",
            en="Reused building materials and warranties",
        ),
        "summary": T(
            nl=(
                "Aannemers aarzelen om hergebruikte materialen te plaatsen omdat ze er geen "
                "garantie op krijgen. Een heldere verdeling van de aansprakelijkheid helpt."
            ),
            fr=(
                "Les entrepreneurs hésitent à poser des matériaux réemployés parce qu’ils "
                "n’obtiennent pas de garantie. Un partage clair des responsabilités aide."
            ),
            en=(
                "Contractors hesitate to install reused materials because they get no warranty on "
                "them. A clear division of liability helps."
            ),
        ),
        "themes": ["bouwmaterialen"],
        "organisations": ["federatie", "kenniscentrum", "vlaanderen-circulair"],
        "phase": "tender",
        "published": datetime.date(2024, 5, 16),
        "reviewed": datetime.date(2026, 6, 3),
        "evidence_source": "research",
        "context": [
            T(
                nl=(
                    "Een onderzoek bij dertig aannemers toonde dat garantie de belangrijkste "
                    "drempel is voor hergebruik. De tienjarige aansprakelijkheid geldt ook voor "
                    "tweedehands materialen."
                ),
                fr=(
                    "Une enquête auprès de trente entrepreneurs a montré que la garantie est le "
                    "principal obstacle au réemploi. La responsabilité décennale s’applique aussi "
                    "aux matériaux de seconde main."
                ),
                en=(
                    "A survey of thirty contractors showed that warranty is the main barrier to "
                    "reuse. The ten-year liability also applies to second-hand materials."
                ),
            ),
        ],
        "what_worked": [
            T(
                nl=(
                    "Bij materialen met een keuring door een erkende handelaar namen aannemers de "
                    "aansprakelijkheid wel op. Voor niet-structurele elementen zoals deuren of "
                    "tegels volstond een visuele controle."
                ),
                fr=(
                    "Pour les matériaux contrôlés par un négociant reconnu, les entrepreneurs ont "
                    "accepté la responsabilité. Pour les éléments non structurels comme les portes "
                    "ou les carrelages, un contrôle visuel a suffi."
                ),
                en=(
                    "For materials inspected by a recognised dealer, contractors did accept the "
                    "liability. For non-structural elements such as doors or tiles, a visual check "
                    "was enough."
                ),
            ),
        ],
        "barriers": [
            T(
                nl=(
                    "Voor structurele elementen zoals balken en stenen ontbreekt een eenvoudige "
                    "keuringsmethode. Testen per partij is duur voor kleine hoeveelheden."
                ),
                fr=(
                    "Pour les éléments structurels comme les poutres et les briques, il manque une "
                    "méthode de contrôle simple. Tester chaque lot coûte cher pour de petites "
                    "quantités."
                ),
                en=(
                    "For structural elements such as beams and bricks there is no simple inspection"
                    " method. Testing each batch is expensive for small quantities."
                ),
            ),
        ],
        "recommendations": [
            T(
                nl=(
                    "Begin met niet-structurele elementen en vraag een keuring door een erkende "
                    "handelaar. Leg in het bestek vast welke partij welke garantie draagt."
                ),
                fr=(
                    "Commencez par les éléments non structurels et demandez un contrôle par un "
                    "négociant reconnu. Précisez dans le cahier des charges quelle partie porte "
                    "quelle garantie."
                ),
                en=(
                    "Start with non-structural elements and ask for inspection by a recognised "
                    "dealer. State in the tender which party carries which warranty."
                ),
            ),
        ],
    },
    {
        "slug": T(
            nl="contractopvolging-bepaalt-het-resultaat",
            fr="le-suivi-du-contrat-determine-le-resultat",
            en="contract-management-decides-the-outcome",
        ),
        "title": T(
            nl="Contractopvolging bepaalt of circulaire clausules iets opleveren",
            fr="Le suivi du contrat détermine si les clauses circulaires portent leurs fruits",
            en="Contract management decides whether circular clauses pay off",
        ),
        "summary": T(
            nl=(
                "Circulaire clausules in een contract leveren pas iets op als iemand ze opvolgt. "
                "Besturen die een vast opvolgmoment inplanden, haalden hun doelen vaker."
            ),
            fr=(
                "Les clauses circulaires d’un contrat ne produisent des effets que si quelqu’un les"
                " suit. Les administrations qui ont prévu un point de suivi fixe ont plus souvent "
                "atteint leurs objectifs."
            ),
            en=(
                "Circular clauses in a contract only deliver when someone follows them up. Public "
                "bodies that planned a fixed review moment met their goals more often."
            ),
        ),
        "themes": ["meubilair", "ict", "catering"],
        "organisations": ["vlaanderen-circulair", "leuven", "gent"],
        "phase": "contract_management",
        "published": datetime.date(2025, 6, 19),
        "reviewed": None,
        "evidence_source": "work_session",
        "languages": ("en",),
        "context": [
            T(
                nl=(
                    "In een werksessie van het netwerk bekeken acht besturen hun lopende contracten"
                    " met circulaire clausules. Bij de helft was er nooit een rapport over "
                    "terugname of hergebruik opgevraagd."
                ),
                fr=(
                    "Lors d’un atelier du réseau, huit administrations ont passé en revue leurs "
                    "contrats en cours comportant des clauses circulaires. Dans la moitié des cas, "
                    "aucun rapport sur la reprise ou le réemploi n’avait jamais été demandé."
                ),
                en=(
                    "At a network work session, eight public bodies reviewed their running "
                    "contracts with circular clauses. In half of them, no report on take-back or "
                    "reuse had ever been requested."
                ),
            ),
        ],
        "what_worked": [
            T(
                nl=(
                    "Besturen die een jaarlijks opvolgingsgesprek in het contract hadden opgenomen,"
                    " kregen wel cijfers en konden bijsturen. Eén bestuur koppelde de opvolging aan"
                    " de betaling van de laatste schijf."
                ),
                fr=(
                    "Les administrations qui avaient inscrit un entretien de suivi annuel dans le "
                    "contrat ont bien reçu des chiffres et ont pu ajuster. L’une d’elles a lié le "
                    "suivi au paiement de la dernière tranche."
                ),
                en=(
                    "Public bodies that had written an annual review meeting into the contract did "
                    "get figures and could adjust. One of them tied the review to payment of the "
                    "final instalment."
                ),
            ),
        ],
        "barriers": [
            T(
                nl=(
                    "De aankoper die het bestek schreef, is zelden dezelfde persoon die het "
                    "contract beheert. De kennis over de clausules gaat verloren bij de overdracht."
                ),
                fr=(
                    "L’acheteur qui a rédigé le cahier des charges est rarement la personne qui "
                    "gère le contrat. La connaissance des clauses se perd lors du transfert."
                ),
                en=(
                    "The buyer who wrote the tender is rarely the person who manages the contract. "
                    "Knowledge of the clauses is lost in the handover."
                ),
            ),
        ],
        "recommendations": [
            T(
                nl=(
                    "Plan het eerste opvolgingsgesprek al bij de gunning en zet het in de agenda "
                    "van de contractbeheerder. Maak een korte fiche met de circulaire "
                    "verplichtingen van elk contract."
                ),
                fr=(
                    "Planifiez le premier entretien de suivi dès l’attribution et inscrivez-le dans"
                    " l’agenda du gestionnaire du contrat. Rédigez une courte fiche reprenant les "
                    "obligations circulaires de chaque contrat."
                ),
                en=(
                    "Schedule the first review meeting at the award and put it in the contract "
                    "manager’s diary. Write a short sheet listing each contract’s circular "
                    "obligations."
                ),
            ),
        ],
    },
    {
        "slug": T(
            nl="samen-aankopen-met-buurgemeenten",
            fr="acheter-ensemble-avec-les-communes-voisines",
            en="buying-together-with-neighbouring-municipalities",
        ),
        "title": T(
            nl="Samen aankopen met buurgemeenten",
            fr="Acheter ensemble avec les communes voisines",
            en="Buying together with neighbouring municipalities",
        ),
        "summary": T(
            nl=(
                "Kleine gemeenten halen alleen te weinig volume om circulaire leveranciers te "
                "interesseren. Een gezamenlijke opdracht met vijf buurgemeenten bracht dat volume "
                "wel samen."
            ),
            fr=(
                "Seules, les petites communes n’atteignent pas un volume suffisant pour intéresser "
                "les fournisseurs circulaires. Un marché conjoint avec cinq communes voisines a "
                "permis de réunir ce volume."
            ),
            en=(
                "On their own, small municipalities buy too little to interest circular suppliers. "
                "A joint contract with five neighbouring municipalities brought that volume "
                "together."
            ),
        ),
        "themes": ["meubilair", "ict"],
        "organisations": ["herzele", "tweede-ronde", "refurb-it"],
        "phase": "market_consultation",
        "published": datetime.date(2026, 9, 10),
        "reviewed": None,
        "evidence_source": "member",
        "languages": (),
        "context": [
            T(
                nl=(
                    "Herzele wilde refurbished laptops en schoolmeubilair aankopen, maar de eerste "
                    "marktconsultatie leverde slechts één reactie op. De hoeveelheden waren te "
                    "klein."
                ),
                fr=(
                    "Herzele voulait acheter des ordinateurs portables et du mobilier scolaire "
                    "reconditionnés, mais la première consultation du marché n’a suscité qu’une "
                    "seule réponse. Les quantités étaient trop faibles."
                ),
                en=(
                    "Herzele wanted to buy refurbished laptops and school furniture, but the first "
                    "market consultation drew only one response. The quantities were too small."
                ),
            ),
        ],
        "what_worked": [
            T(
                nl=(
                    "Vijf buurgemeenten sloten zich aan bij een opdrachtencentrale onder leiding "
                    "van Herzele. De tweede marktconsultatie trok zes leveranciers aan."
                ),
                fr=(
                    "Cinq communes voisines ont rejoint une centrale d’achat pilotée par Herzele. "
                    "La seconde consultation du marché a attiré six fournisseurs."
                ),
                en=(
                    "Five neighbouring municipalities joined a central purchasing arrangement led "
                    "by Herzele. The second market consultation attracted six suppliers."
                ),
            ),
        ],
        "barriers": [
            T(
                nl=(
                    "Elke gemeente had andere wensen voor kleuren en modellen. Het afstemmen van de"
                    " technische voorschriften kostte meer tijd dan voorzien."
                ),
                fr=(
                    "Chaque commune avait ses propres souhaits en matière de couleurs et de "
                    "modèles. L’harmonisation des prescriptions techniques a pris plus de temps que"
                    " prévu."
                ),
                en=(
                    "Each municipality had different wishes for colours and models. Aligning the "
                    "technical specifications took longer than planned."
                ),
            ),
        ],
        "recommendations": [
            T(
                nl=(
                    "Spreek vooraf af welke keuzes gezamenlijk zijn en welke per gemeente mogen "
                    "verschillen. Laat één gemeente trekken en de anderen meelezen."
                ),
                fr=(
                    "Convenez à l’avance des choix communs et de ceux qui peuvent varier selon la "
                    "commune. Laissez une commune piloter et les autres relire."
                ),
                en=(
                    "Agree beforehand which choices are shared and which may differ per "
                    "municipality. Let one municipality lead and the others review."
                ),
            ),
        ],
    },
]
