"""The demo content: eight capitalisation dossiers written from their published summaries.

Loaded by `manage.py load_demo`; plain data, no database access here.
"""

from dossiers.demo_content.part1 import DOSSIERS as _FIRST
from dossiers.demo_content.part2 import DOSSIERS as _SECOND

DEMO_PASSWORD = "apprendre-ensemble"  # noqa: S105 public demo password, refused with DEBUG off

# (email, display name, job title, role) — role is "curator" (staff, superuser, group
# Curators), "moderator" (group Moderators) or "member".
USERS = [
    ("curator@example.org", "Claire Moreau", "Chargée de capitalisation", "curator"),
    ("member@example.org", "Camille Durand", "Chargée de mission Afrique de l’Ouest", "member"),
    ("awa.diallo@example.org", "Awa Diallo", "Chargée de mission Afrique centrale", "member"),
    ("julien.bernard@example.org", "Julien Bernard", "Chargé de mission Méso-Amérique", "member"),
    ("ines.garcia@example.org", "Inès Garcia", "Chargée de mission Migrations", "moderator"),
    ("thomas.petit@example.org", "Thomas Petit", "Chargé de mission Asie", "member"),
]

REGIONS = [
    ("afrique-subsaharienne", "Afrique subsaharienne", "Afrique de l’Ouest, centrale et de l’Est."),
    ("afrique-australe", "Afrique australe", "Afrique du Sud et pays voisins."),
    (
        "mediterranee-moyen-orient",
        "Méditerranée et Moyen-Orient",
        "Maghreb, Machrek, Proche-Orient.",
    ),
    ("amerique-latine", "Amérique latine", "Amérique du Sud et Caraïbes."),
    ("meso-amerique", "Méso-Amérique", "Mexique et Amérique centrale."),
    ("asie", "Asie", "Asie du Sud, du Sud-Est et de l’Est."),
    ("europe", "Europe", "Europe de l’Est, Balkans et France."),
    ("transversal", "Transversal", "Pratiques communes à toutes les régions."),
]

THEMES = [
    (
        "strategie-partenariale",
        "Stratégie partenariale",
        "Choisir, construire et faire évoluer les partenariats.",
    ),
    ("societes-civiles", "Sociétés civiles", "Renforcer les organisations de la société civile."),
    (
        "economie-sociale-solidaire",
        "Économie sociale et solidaire",
        "Petits acteurs économiques, filières, réseaux.",
    ),
    (
        "conflits-et-paix",
        "Conflits et paix",
        "Agir en situation de conflit armé et de post-conflit.",
    ),
    ("plaidoyer", "Plaidoyer", "Porter la voix des partenaires auprès des décideurs."),
    (
        "initiatives-terrain",
        "Initiatives terrain",
        "Soutenir les actions de terrain des partenaires.",
    ),
    ("changement-social", "Changement social", "Ce que transformer la société veut dire."),
    ("suivi-evaluation", "Suivi et évaluation", "Suivre, évaluer, apprendre."),
    ("reciprocite", "Réciprocité", "Mises en relation et échanges entre partenaires."),
    ("territoire", "Territoire", "Le territoire comme notion politique et outil de dialogue."),
    ("migrations", "Migrations", "Droits des migrants et partenariats migrations."),
    ("acces-aux-droits", "Accès aux droits", "Droits économiques, sociaux et politiques."),
]

DOSSIERS = [*_FIRST, *_SECOND]
