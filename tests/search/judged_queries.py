"""A small judged test collection over the demo content: for each Dutch query, the page that
must come first ("top1") or among the first three ("top3")."""

JUDGED_QUERIES = [
    ("kerkbanken", "top1", "Kerkbanken vinden een tweede leven in de buurt"),
    ("licht als dienst", "top3", "Licht als dienst in vier sporthallen"),
    ("herbruikbare bekers", "top1", "Herbruikbare bekers op stadsevenementen"),
    ("laptops gegevenswissing", "top3", "Terugname en hergebruik van laptops"),
    ("sint-jozefkerk", "top3", "De Sint-Jozefkerk in Mechelen"),
    ("jongensschool herzele", "top1", "De oude jongensschool in Herzele"),
    ("belastingkantoor", "top1", "Het voormalige belastingkantoor in Kortrijk"),
    ("werkkledij", "top3", "Circulaire werkkledij voor de buitendiensten"),
    ("deelplatform", "top1", "Een intern deelplatform voor meubilair"),
    (
        "marktconsultatie meubilair",
        "top3",
        "Een marktconsultatie maakt refurbished meubilair bespreekbaar",
    ),
    ("restwarmte", "top3", "Restwarmte delen vraagt een partner met een lange adem"),
    ("totale kost levensduur", "top3", "Reken met de totale kost over de levensduur"),
    ("buurgemeenten", "top1", "Samen aankopen met buurgemeenten"),
    ("demontage planning", "top1", "Demontage vraagt tijd in de planning"),
    ("werksessie ict", "top3", "Werksessie ICT"),
    ("studiedag", "top3", "Studiedag Circulaire Gemeente voor de Toekomst"),
]
