"""Texts of the demo inspiration book, in Dutch, French and English (see demo_book)."""

from network.demo.localize import T

COVER_TITLE = "Inspiratieboek De Circulaire Aankopers: omslag"

BOOK = {
    "slug": T(nl="inspiratieboek", fr="livre-d-inspiration", en="inspiration-book"),
    "title": T(
        nl="Circulair aankopen: het inspiratieboek",
        fr="Acheter circulaire : le livre d'inspiration",
        en="Buying circular: the inspiration book",
    ),
    "subtitle": T(
        nl="Lessen, voorbeelden en aanbevelingen uit het lerend netwerk De Circulaire Aankopers",
        fr="Leçons, exemples et recommandations du réseau apprenant De Circulaire Aankopers",
        en="Lessons, examples and recommendations from the learning network De Circulaire Aankopers",
    ),
    "foreword": [
        T(
            nl="Twee jaar lang zochten lokale besturen, leveranciers en sectororganisaties samen uit hoe je circulair aankoopt. Dit boek bundelt wat ze leerden: in pilootprojecten rond leegstaande gebouwen en in werksessies over bouwmaterialen, ICT, meubilair en verlichting.",
            fr="Pendant deux ans, des pouvoirs locaux, des fournisseurs et des organisations sectorielles ont cherché ensemble comment acheter de manière circulaire. Ce livre rassemble ce qu'ils ont appris : dans des projets pilotes sur des bâtiments vacants et dans des sessions de travail sur les matériaux de construction, l'informatique, le mobilier et l'éclairage.",
            en="For two years, local governments, suppliers and sector organisations worked out together how to buy circular. This book brings together what they learned: in pilot projects on vacant buildings and in work sessions on building materials, ICT, furniture and lighting.",
        ),
        T(
            nl="Elk hoofdstuk begint met een korte inleiding en brengt daarna lessen, praktijkvoorbeelden en beleidsaanbevelingen samen, met de bestekclausules die je meteen kunt hergebruiken.",
            fr="Chaque chapitre commence par une brève introduction, puis rassemble leçons, exemples pratiques et recommandations politiques, avec les clauses de marché que vous pouvez réutiliser immédiatement.",
            en="Each chapter opens with a short introduction, then brings together lessons, practice examples and policy recommendations, with the tender clauses you can reuse straight away.",
        ),
    ],
}

CHAPTERS = [
    {
        "title": T(
            nl="Bouwen met wat er al is",
            fr="Construire avec ce qui existe déjà",
            en="Building with what is already there",
        ),
        "introduction": [
            T(
                nl="Wie renoveert of sloopt, kan bouwmaterialen een tweede leven geven. Dat vraagt een inventaris vooraf, tijd in de planning en duidelijke afspraken over garanties.",
                fr="Qui rénove ou démolit peut donner une seconde vie aux matériaux de construction. Cela demande un inventaire préalable, du temps dans le planning et des accords clairs sur les garanties.",
                en="Whoever renovates or demolishes can give building materials a second life. That takes an inventory up front, time in the schedule and clear agreements on warranties.",
            )
        ],
        "pages": [
            "demontage-vraagt-tijd-in-de-planning",
            "sloopinventaris-stadskantoor-kortrijk",
            "reemploi-materiaux-lyon",
            "hergebruikte-bouwmaterialen-en-garanties",
            "erken-hergebruikte-bouwmaterialen",
        ],
        "clauses": ["hergebruikinventaris-voor-sloop", "aandeel-hergebruikte-bouwmaterialen"],
    },
    {
        "title": T(
            nl="Leegstand als kans",
            fr="La vacance comme opportunité",
            en="Vacancy as an opportunity",
        ),
        "introduction": [
            T(
                nl="Drie leegstaande gebouwen, drie ontwerpateliers: een school, een kerk en een kantoor kregen een circulaire toekomst, van inventaris tot verdienmodel.",
                fr="Trois bâtiments vacants, trois ateliers de conception : une école, une église et un bureau ont reçu un avenir circulaire, de l'inventaire au modèle de revenus.",
                en="Three vacant buildings, three design workshops: a school, a church and an office got a circular future, from inventory to revenue model.",
            )
        ],
        "pages": [
            "oude-jongensschool-herzele",
            "sint-jozefkerk-mechelen",
            "voormalig-belastingkantoor-kortrijk",
            "geef-leegstand-een-tijdelijke-invulling",
            "maak-een-hergebruikinventaris-de-regel",
        ],
        "clauses": [],
    },
    {
        "title": T(
            nl="Meubilair en ICT langer gebruiken",
            fr="Utiliser plus longtemps le mobilier et l'informatique",
            en="Using furniture and ICT for longer",
        ),
        "introduction": [
            T(
                nl="Refurbished meubilair, een intern deelplatform en terugname van laptops tonen dat de langste levensduur vaak de goedkoopste is, als de markt vooraf weet wat je vraagt.",
                fr="Le mobilier reconditionné, une plateforme interne de partage et la reprise d'ordinateurs portables montrent que la plus longue durée de vie est souvent la moins chère, si le marché sait d'avance ce que vous demandez.",
                en="Refurbished furniture, an internal sharing platform and laptop take-back show that the longest life is often the cheapest, if the market knows in advance what you ask for.",
            )
        ],
        "pages": [
            "marktconsultatie-maakt-refurbished-meubilair-bespreekbaar",
            "refurbished-kantoormeubilair-gent",
            "deelplatform-meubilair-malmo",
            "gegevensveiligheid-remt-hergebruik-van-ict",
            "terugname-laptops-kopenhagen",
        ],
        "clauses": ["terugname-meubilair", "gecertificeerde-gegevenswissing"],
    },
    {
        "title": T(
            nl="Licht, energie en catering als dienst",
            fr="Lumière, énergie et restauration comme service",
            en="Light, energy and catering as a service",
        ),
        "introduction": [
            T(
                nl="Vraag licht in plaats van lampen, deel restwarmte en kies herbruikbaar servies: wie de functie aankoopt, geeft de leverancier een reden om producten lang te laten meegaan.",
                fr="Demandez de la lumière plutôt que des lampes, partagez la chaleur résiduelle et choisissez de la vaisselle réutilisable : acheter la fonction donne au fournisseur une raison de faire durer les produits.",
                en="Ask for light instead of lamps, share waste heat and choose reusable tableware: buying the function gives the supplier a reason to make products last.",
            )
        ],
        "pages": [
            "functioneel-vragen-bij-verlichting",
            "licht-als-dienst-sporthallen-mechelen",
            "restwarmte-delen-vraagt-een-partner-met-lange-adem",
            "herbruikbaar-servies-vraagt-afspraken-met-de-schoonmaak",
            "herbruikbare-bekers-leuven",
        ],
        "clauses": ["licht-als-dienst"],
    },
    {
        "title": T(
            nl="Beleid en organisatie",
            fr="Politique et organisation",
            en="Policy and organisation",
        ),
        "introduction": [
            T(
                nl="Circulair aankopen lukt pas als financiën, aankoop en de gebruikers samen beslissen. Deze lessen en aanbevelingen gaan over totale kosten, samen aankopen en contractopvolging.",
                fr="L'achat circulaire ne réussit que si les finances, les achats et les utilisateurs décident ensemble. Ces leçons et recommandations portent sur le coût total, les achats groupés et le suivi des contrats.",
                en="Circular procurement only works when finance, purchasing and users decide together. These lessons and recommendations are about total cost, buying together and contract management.",
            )
        ],
        "pages": [
            "reken-met-de-totale-kost",
            "levensduurkosten-overtuigen-de-financiele-dienst",
            "bundel-aankopen-over-gemeentegrenzen",
            "samen-aankopen-met-buurgemeenten",
            "contractopvolging-bepaalt-het-resultaat",
            "circulaire-werkkledij-utrecht",
            "gerecycleerde-vezels-begin-met-een-klein-perceel",
        ],
        "clauses": [],
    },
]
