"""The sample dossier's text: what tests/importing/pdf_samples.py lays out as a PDF.

Paragraphs carry footnote references as `[^n]`, defined in NOTES. Some sentences are there
for the converter's hard cases: compounds (« porte-parole », « Moyen-Orient », « est-ce »)
that may land at a line's end, words with « fi »/« fl » drawn as ligatures, French
punctuation preceded by a no-break space.
"""

from __future__ import annotations

HEADER = "Partenariats au Sahel : dix ans d’accompagnement"
FOOTER = "CCFD-Terre Solidaire — Capitalisation 2024"
TITLE = "Partenariats au Sahel : dix ans d’accompagnement des organisations paysannes"
AUTHORS = ["Awa Diallo", "Julien Bernard"]

# (kind, text); paragraphs may carry footnote markers [^n], defined in NOTES.
SECTIONS: list[tuple[str, str]] = [
    ("h1", "1. Contexte et enjeux"),
    (
        "p",
        "Depuis 2012, le partenariat avec les organisations paysannes du Sahel s’est "
        "transformé en profondeur. Les financements, longtemps annuels, sont devenus "
        "pluriannuels ; les échanges entre partenaires se sont multipliés, et la "
        "capitalisation est devenue une exigence partagée plutôt qu’une formalité[^1].",
    ),
    (
        "p",
        "Cette évolution n’allait pas de soi. Elle a demandé aux chargés de mission de "
        "réviser leurs pratiques d’accompagnement, de déléguer davantage aux plateformes "
        "régionales et d’accepter que la définition des priorités revienne d’abord aux "
        "organisations elles-mêmes. Est-ce que cette délégation a affaibli le suivi ? Les "
        "témoignages recueillis suggèrent plutôt l’inverse.",
    ),
    ("h2", "1.1 Les acteurs en présence"),
    (
        "p",
        "Trois familles d’acteurs structurent le paysage : les fédérations nationales de "
        "producteurs, les réseaux régionaux de plaidoyer et les organisations "
        "d’appui technique. Leurs relations, parfois conflictuelles, ont été au cœur des "
        "ateliers de réflexion organisés entre 2016 et 2019 à Ouagadougou, Bamako et "
        "Niamey, avec des invités venus du Maghreb et du Moyen-Orient.",
    ),
    (
        "p",
        "Les fédérations revendiquent une légitimité fondée sur leurs membres ; les "
        "réseaux de plaidoyer, une expertise reconnue par les institutions "
        "internationales[^2]. Entre les deux, les organisations d’appui cherchent un "
        "rôle qui ne soit ni celui de porte-parole ni celui de simple prestataire.",
    ),
    (
        "p",
        "Les échanges Sud-Sud ont compté autant que le dialogue Nord-Sud : des "
        "porte-parole paysans du Moyen-Orient, du Proche-Orient et d’Amérique "
        "latine sont venus partager leurs expériences. Vis-à-vis des bailleurs, "
        "ces rencontres ont donné du poids aux demandes des fédérations : peut-être "
        "parce qu’elles montraient des réussites comparables, sans doute aussi parce "
        "qu’elles venaient de partenaires eux-mêmes engagés dans des négociations "
        "difficiles. Qu’en retenir ? Est-ce que ces échanges peuvent devenir la "
        "règle plutôt que l’exception ? Les avis divergent sur le sujet.",
    ),
    ("h2", "1.2 Les financements et leur flexibilité"),
    (
        "p",
        "La flexibilité des financements a été citée par tous les partenaires comme la "
        "condition d’une véritable autonomie. Un financement affecté ligne par ligne "
        "oblige à justifier chaque dépense ; un financement institutionnel permet de "
        "réagir aux crises, de fidéliser les équipes et de planifier sur plusieurs "
        "années. Peut-être faut-il y voir la principale leçon de la décennie.",
    ),
    ("h1", "2. Étude de cas : la fédération des producteurs de Ségou"),
    (
        "p",
        "La fédération regroupe aujourd’hui quarante-deux unions locales et près de "
        "onze mille membres, dont une majorité de femmes. Son histoire illustre les "
        "tensions entre croissance rapide et gouvernance démocratique : chaque nouvelle "
        "union apporte des adhérents, mais aussi des attentes que l’organisation peine à "
        "satisfaire[^3].",
    ),
    (
        "p",
        "En 2017, un conflit sur la répartition des stocks de semences a menacé "
        "l’existence même de la fédération. La médiation, confiée à un comité de sages "
        "plutôt qu’à un consultant extérieur, a duré huit mois. Elle a abouti à une "
        "charte de fonctionnement qui fixe les règles de représentation de chaque union "
        "et les modalités de contrôle des comptes par les membres.",
    ),
    ("h2", "Ce que le cas nous apprend"),
    (
        "p",
        "Le cas de Ségou montre qu’un accompagnement patient, attentif aux équilibres "
        "internes, vaut mieux qu’une intervention rapide. Il montre aussi les limites "
        "de notre influence : les décisions essentielles ont été prises sans nous, "
        "c’est-à-dire là où elles devaient l’être.",
    ),
    (
        "ol",
        "1. La patience paie : la médiation interne a tenu là où les consultants avaient échoué.",
    ),
    (
        "ol",
        "2. Les règles écrites protègent les plus petites unions, à condition d’être connues "
        "de tous les membres et révisées régulièrement.",
    ),
    ("p", "Ces deux leçons valent au-delà de Ségou."),
    ("h1", "Recommandations"),
    (
        "p",
        "Les recommandations qui suivent ont été discutées avec les partenaires lors de "
        "l’atelier de restitution de novembre 2023. Elles s’adressent à trois publics :",
    ),
    ("ul", "les équipes du siège, pour leurs choix de financement ;"),
    (
        "ul",
        "les partenaires financiers qui partagent nos orientations et souhaitent "
        "coordonner leurs soutiens avec les nôtres ;",
    ),
    ("ul", "les plateformes régionales."),
    ("h2", "Recommandation 1 : financer les structures, pas seulement les projets"),
    (
        "p",
        "Consacrer au moins un tiers des financements à des soutiens institutionnels "
        "pluriannuels, assortis d’un dialogue annuel sur les orientations plutôt que "
        "d’un contrôle ligne par ligne des dépenses[^4].",
    ),
    ("h2", "Recommandation 2 : documenter les conflits et leur résolution"),
    (
        "p",
        "Garder la trace des conflits traversés par les partenaires, de leurs causes et "
        "des solutions trouvées, afin que l’expérience de Ségou profite aux autres "
        "fédérations. Les fiches de capitalisation pourraient inclure une rubrique "
        "consacrée à la gouvernance et aux médiations réussies ou manquées.",
    ),
    ("h1", "Questions pour la discussion"),
    (
        "p",
        "Comment concilier la délégation aux plateformes régionales et notre "
        "responsabilité devant les donateurs ? Quels indicateurs retenir pour suivre "
        "l’autonomie réelle d’une organisation partenaire ? Faut-il réserver les "
        "soutiens institutionnels aux organisations les plus solides ?",
    ),
]
NOTES = {
    1: "Voir le rapport d’évaluation de la stratégie Afrique de l’Ouest, 2015, p. 12.",
    2: "Notamment le Comité de la sécurité alimentaire mondiale, dont plusieurs réseaux "
    "partenaires sont membres du mécanisme de la société civile.",
    3: "Entretien avec la secrétaire générale de la fédération, Ségou, mars 2022.",
    4: "Cette proportion reprend la recommandation de l’évaluation de 2015.",
}
