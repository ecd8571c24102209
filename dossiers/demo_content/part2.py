"""Demo content, part 2: capitalisation dossiers 5 to 8.

Plain data module. The texts are original demo prose written for the app,
inspired by the themes, periods and regions of CCFD-Terre Solidaire's
published capitalisation dossiers. Names of people and organisations are
fictional or generic.
"""

DOSSIERS: list[dict] = [
    # ------------------------------------------------------------------
    # 5. Changement social et évaluation
    # ------------------------------------------------------------------
    {
        "slug": "changement-social-et-evaluation",
        "title": "Changement social : de l’intention à la cohérence des pratiques de partenariat, de suivi et d’évaluation",
        "summary": (
            "Le « changement social » et la « transformation sociale » sont devenus des mots clés du discours "
            "du CCFD-Terre Solidaire, au point d’en perdre parfois leur précision. Ce dossier cherche d’abord à "
            "préciser ce que recouvrent ces notions et à vérifier qu’elles correspondent réellement à notre mission "
            "et à nos activités. Il relit ensuite, sous cet angle, nos façons de gérer les partenariats, puis nos "
            "pratiques de suivi et d’évaluation, entre 2004 et 2013. Il se termine par des recommandations pour "
            "rendre nos pratiques partenariales plus cohérentes entre elles."
        ),
        "body": """## Pourquoi revenir sur le « changement social » ?

Depuis le milieu des années 2000, l’expression « changement social » s’est installée dans presque tous nos écrits : orientations de l’association, rapports d’activité, notes de stratégie par pays, fiches d’instruction des demandes de soutien. Sa cousine, la « transformation sociale », l’accompagne de plus en plus souvent. Cette présence constante a quelque chose de rassurant. Elle dit une ambition partagée, qui va au-delà de l’aide ponctuelle et situe le CCFD-Terre Solidaire aux côtés de celles et ceux qui veulent modifier durablement les rapports de pouvoir. Elle comporte pourtant un risque : à force d’être employé partout, le mot ne désigne plus rien de précis, et chacun y dépose ses propres convictions.

Ce dossier part d’une interrogation formulée à plusieurs reprises en réunion de service : que voulons-nous dire, exactement, lorsque nous affirmons soutenir le changement social ? Et nos manières de conduire les partenariats, de les suivre et de les évaluer sont-elles cohérentes avec cette affirmation ? La période étudiée, de 2004 à 2013, est celle où l’organisation a beaucoup réfléchi à sa stratégie partenariale, tout en adoptant des outils de gestion de plus en plus normés, souvent sous l’influence des bailleurs publics.

## Clarifier les notions

### Deux mots voisins, deux tonalités

Dans la tradition sociologique, le changement social désigne toute modification durable de l’organisation d’une société : évolution des normes, des institutions, des relations entre groupes. Il n’est en soi ni positif ni négatif ; il peut être subi, spontané ou provoqué. La transformation sociale, telle qu’on l’emploie dans le monde associatif, est plus engagée. Elle suppose une intention, une direction souhaitée – davantage de justice, de dignité, de participation des plus pauvres – et des acteurs qui s’organisent pour l’obtenir.

Chez nous, les deux expressions fonctionnent le plus souvent comme des synonymes. Les entretiens réalisés pour ce travail font pourtant apparaître des accents différents. Certains collègues pensent d’abord aux politiques publiques infléchies par le plaidoyer ; d’autres à l’émancipation des personnes et des communautés ; d’autres encore à l’émergence de sociétés civiles capables de peser dans le débat public. Ces lectures ne s’excluent pas, mais elles n’appellent pas les mêmes pratiques ni les mêmes critères d’appréciation.

### Trois niveaux qui s’emboîtent

Pour avancer, nous proposons de distinguer trois niveaux :

- **les personnes**, chez qui le changement se lit dans la confiance gagnée, les connaissances acquises, la capacité à faire valoir ses droits ;
- **les organisations et les réseaux**, où il se mesure à la solidité interne, à la légitimité auprès de la base, à l’aptitude à nouer des alliances ;
- **les règles et les institutions**, où il prend la forme de lois, de politiques, de pratiques administratives ou de normes culturelles modifiées.

Le CCFD-Terre Solidaire n’intervient directement à aucun de ces niveaux : ce sont ses partenaires qui agissent. Notre contribution est toujours indirecte, et c’est là que se loge une bonne part de la difficulté.

## Des notions adaptées à la mission et aux activités du CCFD ?

La question peut paraître provocante ; elle mérite d’être posée. La mission de l’association combine le soutien à des partenaires dans les pays du Sud et de l’Est, l’éducation à la solidarité internationale en France et le plaidoyer auprès des décideurs. Sur le papier, la visée de transformation sociale donne sens à cet ensemble : elle relie ce qui se joue dans un village du Sahel à ce qui se décide à Bruxelles ou à Paris.

Dans les faits, nos activités sont plus hétérogènes. Une part non négligeable des soutiens répond à des besoins immédiats, ou finance le fonctionnement courant d’organisations fragiles. Ces appuis sont légitimes. Les présenter systématiquement comme des contributions au changement social relève pourtant, parfois, de l’habillage. La relecture d’une quarantaine de dossiers d’instruction montre que le paragraphe consacré au changement social est souvent rédigé en dernier, sans lien explicite avec les activités décrites plus haut.

Notre conclusion est nuancée. La notion reste pertinente comme horizon, à condition de l’assumer comme un pari de long terme et non comme un résultat à afficher projet par projet. Elle oblige à accepter l’incertitude, la lenteur et la part d’imprévu, ce qui s’accorde mal avec le rythme des cycles budgétaires. Elle invite aussi à reconnaître que certains soutiens poursuivent d’autres finalités, tout aussi honorables.

## La gestion du partenariat à l’épreuve du changement social

Prendre au sérieux l’objectif de transformation sociale fait apparaître plusieurs tensions dans nos pratiques internes.

**La durée des engagements.** Les processus de changement se comptent en décennies ; nos conventions, en un à trois ans. Beaucoup de partenariats durent en réalité bien davantage, mais par reconductions successives, sans que l’horizon soit jamais discuté avec le partenaire. Celui-ci vit dans une incertitude qui l’empêche de se projeter.

**La place de l’analyse politique.** Accompagner un changement suppose de comprendre les rapports de force dans lesquels agit le partenaire. Or les notes de contexte sont souvent écrites une fois pour toutes et rarement actualisées. Le temps des chargés de mission est absorbé par l’instruction, les conventions et les rapports financiers, au détriment des échanges de fond.

**La nature de la relation.** Un partenariat qui vise la transformation sociale ne peut se réduire à un financement. Il suppose du dialogue, des désaccords assumés, une capacité de remise en question des deux côtés. Plusieurs partenaires interrogés apprécient la liberté que leur laisse le CCFD, mais regrettent de mal connaître nos propres analyses et nos choix stratégiques.

## Suivre et évaluer des processus plutôt que des produits

Le suivi et l’évaluation concentrent ces tensions. Sur la période, les outils se sont multipliés : cadres logiques, indicateurs, canevas de rapport, évaluations externes à mi-parcours. Ils ont apporté de la rigueur, mais ils privilégient ce qui se compte : nombre de sessions de formation, de bénéficiaires, de publications. Les changements les plus significatifs – une femme qui prend la parole en assemblée communale, une alliance inattendue entre syndicats et associations paysannes, un ministère qui accepte enfin de recevoir une délégation – échappent largement à ces catégories.

Plusieurs démarches ont été expérimentées, de manière dispersée : cartographie des incidences, collecte de récits de changement, évaluations croisées entre partenaires, auto-évaluations accompagnées. Elles partent du point de vue des acteurs, s’intéressent aux changements de comportements et de relations, et admettent que la contribution d’un acteur extérieur reste partielle. Leur limite tient au temps qu’elles exigent et à la difficulté d’en agréger les enseignements à l’échelle de l’organisation.

> « Nous demandons aux partenaires des indicateurs de changement social, mais nous serions bien en peine de dire ce qui a changé dans notre propre façon de travailler avec eux. » – un chargé de mission, lors d’un atelier interne

Cette remarque résume l’enjeu : le suivi et l’évaluation ne peuvent concerner seulement les partenaires. Ils doivent porter aussi sur la qualité de notre accompagnement.

## Vers davantage de cohérence interne

Les recommandations de ce dossier visent moins à créer de nouveaux outils qu’à aligner ceux qui existent sur l’ambition affichée. Elles invitent à distinguer clairement, dans les portefeuilles, les soutiens qui relèvent de la transformation sociale de ceux qui répondent à d’autres logiques ; à allonger et à expliciter l’horizon des partenariats ; à protéger du temps de chargé de mission pour l’analyse et le dialogue ; et à faire du suivi un espace d’apprentissage partagé plutôt qu’un exercice de contrôle. La cohérence recherchée n’est pas l’uniformité : chaque service et chaque contexte appellent des réponses propres. Elle suppose néanmoins un vocabulaire commun et quelques principes partagés, que ce dossier espère contribuer à construire.
""",
        "author_names": ["Groupe de travail « Qualité du partenariat »"],
        "authors": ["thomas.petit@example.org"],
        "period_start": 2004,
        "period_end": 2013,
        "published_on": "2014-03-18",
        "regions": ["transversal"],
        "themes": ["changement-social", "suivi-evaluation", "strategie-partenariale"],
        "tags": ["changement social", "transformation sociale", "évaluation", "suivi", "cohérence"],
        "case_studies": [
            {
                "title": "Du projet au processus : une fédération paysanne au Cambodge",
                "country": "Cambodge",
                "partners": "Une fédération d’associations paysannes de la province de Takeo, appuyée par une ONG cambodgienne de conseil agricole",
                "period_start": 2006,
                "period_end": 2012,
                "summary": (
                    "En six ans, le soutien du CCFD-Terre Solidaire à une jeune fédération paysanne est passé d’une "
                    "logique de projets successifs à un appui institutionnel pluriannuel. La fédération a gagné en "
                    "autonomie, mais le suivi de ce qui changeait réellement est devenu plus difficile à formaliser."
                ),
                "body": """### Le point de départ

En 2006, la fédération regroupe une trentaine d’associations villageoises encore peu structurées. Les premiers soutiens portent sur des activités bien délimitées : banques de riz, formations en riziculture intensive, petit matériel. Chaque année, un nouveau projet est rédigé, avec ses indicateurs de réalisation, souvent à l’aide de l’ONG d’appui technique plus qu’à l’initiative des paysans eux-mêmes.

### Le basculement

Lors d’une visite en 2008, la chargée de mission constate que les dirigeants de la fédération passent une part importante de leur temps à écrire des projets pour différents bailleurs, chacun avec ses exigences. Elle propose de remplacer les financements annuels par un soutien de trois ans au plan stratégique de la fédération, discuté en assemblée générale. Le changement est accepté après de longs échanges internes au CCFD, certains craignant une perte de visibilité sur l’usage des fonds.

### Ce qui a bougé, et ce qui reste flou

À la fin de la période, la fédération a obtenu une reconnaissance officielle, elle siège dans une instance provinciale de concertation agricole et elle a négocié seule avec deux autres bailleurs. Ces avancées relèvent clairement du changement social tel que nous le définissons. Mais les rapports annuels, toujours construits sur l’ancien canevas, continuent de décompter des formations et des tonnes de riz stockées. Personne, ni au CCFD ni dans la fédération, n’a pris le temps de documenter l’évolution des relations avec les autorités locales, qui constitue pourtant le principal acquis.
""",
            },
            {
                "title": "Raconter le changement : des récits de femmes dans les quartiers populaires de Lima",
                "country": "Pérou",
                "partners": "Un collectif de femmes des quartiers populaires du sud de Lima, actif sur la santé et la participation locale",
                "period_start": 2008,
                "period_end": 2013,
                "summary": (
                    "Pour rendre compte de son action sans la réduire à des chiffres, un collectif de femmes de Lima "
                    "a expérimenté, avec l’appui du CCFD-Terre Solidaire, la collecte et la sélection collective de "
                    "récits de changement. La démarche a transformé la manière dont le collectif parle de lui-même."
                ),
                "body": """### Une insatisfaction partagée

Le collectif anime depuis de nombreuses années des groupes de femmes dans des quartiers périphériques de Lima : ateliers sur la santé reproductive, formation au leadership, participation aux budgets participatifs municipaux. Ses responsables jugeaient que les rapports demandés par les bailleurs ne disaient rien de l’essentiel. De son côté, le chargé de mission peinait à expliquer en interne en quoi ce partenariat contribuait à la transformation sociale.

### La démarche

En 2010, un accord est trouvé pour tester une méthode fondée sur les récits. Chaque semestre, les animatrices recueillent auprès des participantes des histoires de changement vécu. Ces récits sont ensuite discutés en comité, qui choisit les plus significatifs et explique pourquoi. Le CCFD reçoit les récits retenus accompagnés de ces justifications, en complément d’un rapport financier allégé.

### Les effets

Les récits ont fait apparaître des changements inattendus : des femmes devenues déléguées de quartier, des conflits familiaux renégociés, mais aussi des tensions avec certains élus locaux. Les débats de sélection sont devenus un moment de réflexion stratégique pour le collectif, qui a réorienté une partie de son action vers le suivi des budgets municipaux. La principale limite est apparue du côté du CCFD : ces récits, riches, étaient difficiles à intégrer dans les synthèses annuelles du service, construites autour d’indicateurs agrégés.
""",
            },
            {
                "title": "Une évaluation croisée entre deux partenaires au Sénégal",
                "country": "Sénégal",
                "partners": "Deux ONG sénégalaises d’appui au développement local, l’une basée à Thiès, l’autre en Casamance",
                "period_start": 2010,
                "period_end": 2012,
                "summary": (
                    "Plutôt qu’une évaluation externe classique, deux partenaires sénégalais ont évalué mutuellement "
                    "leurs démarches d’appui aux collectivités locales. L’exercice a renforcé leur capacité d’analyse "
                    "et mis en lumière, au passage, certaines faiblesses de l’accompagnement proposé par le CCFD."
                ),
                "body": """### Pourquoi une évaluation croisée ?

Les deux organisations travaillaient sur des thèmes proches – participation citoyenne, gestion des ressources naturelles, dialogue avec les élus – dans des contextes très différents. Toutes deux arrivaient en fin de convention triennale. Plutôt que de financer deux évaluations externes, le service Afrique a proposé qu’elles s’évaluent l’une l’autre, avec l’appui méthodologique d’une consultante sénégalaise.

### Le déroulement

Chaque équipe a d’abord formulé ses propres questions évaluatives, puis a passé une semaine sur le terrain de l’autre, à rencontrer élus, groupements et agents techniques. Une restitution commune a réuni les deux conseils d’administration et la chargée de mission. Les échanges ont été francs : l’une des ONG a été interpellée sur sa dépendance à l’égard des autorités locales, l’autre sur la faible place des jeunes dans ses instances.

### Ce que le CCFD en a appris

La restitution a aussi porté sur la relation avec le CCFD. Les deux partenaires ont souligné le caractère irrégulier des visites, des changements d’interlocuteur mal expliqués et l’absence de retour sur les rapports envoyés. Ces critiques, rarement exprimées dans un tête-à-tête avec le bailleur, ont pu l’être dans ce cadre collectif. Elles ont conduit le service à formaliser un retour écrit systématique sur chaque rapport annuel, et à inscrire l’évaluation croisée parmi les options proposées aux partenaires.
""",
            },
        ],
        "recommendations": [
            {
                "title": "Distinguer les registres de soutien dans les portefeuilles",
                "body": """Tous les soutiens ne visent pas la transformation sociale, et ce n’est pas un défaut. Nous recommandons que chaque service qualifie explicitement ses partenariats selon leur finalité principale : réponse à des besoins vitaux, consolidation d’une organisation, ou contribution à un changement de règles et de rapports de pouvoir. Cette clarification éviterait de plaquer un discours uniforme sur des réalités diverses. Elle permettrait aussi à la direction de piloter l’équilibre des portefeuilles en connaissance de cause, et de **mieux argumenter auprès des instances** la part de ressources consacrée à des processus longs et incertains.
""",
                "audience": "direction",
                "case_studies": [0],
            },
            {
                "title": "Expliciter avec le partenaire l’horizon de la relation",
                "body": """Lorsqu’un partenariat est conçu comme un appui à un processus de changement, son horizon devrait être discuté ouvertement dès l’instruction : quelle durée prévisible, quelles étapes, quels critères pour renforcer, réorienter ou conclure la relation. Les chargés de mission peuvent s’appuyer sur le plan stratégique du partenaire plutôt que sur une succession de projets annuels. Cette transparence réduit l’incertitude pour l’organisation soutenue et oblige le CCFD à formuler ses propres attentes, au lieu de les laisser implicites. Elle facilite enfin les transitions lorsqu’un chargé de mission change de poste, car l’histoire et les perspectives du partenariat sont alors consignées par écrit.
""",
                "audience": "charges_de_mission",
                "case_studies": [0],
            },
            {
                "title": "Faire entrer les méthodes qualitatives dans le suivi ordinaire",
                "body": """Les récits de changement, la cartographie des incidences ou les évaluations croisées ne doivent plus rester des expériences isolées. Nous proposons de les inscrire dans les procédures comme des options reconnues, pouvant **remplacer une partie du rapport narratif classique**. Cela implique de former les équipes, d’accepter des formats de restitution variés et d’adapter les synthèses internes pour qu’elles rendent compte de ces matériaux. Les partenaires, de leur côté, gagnent des outils utiles à leur propre réflexion stratégique, et pas seulement à la reddition de comptes.
""",
                "audience": "tous",
                "case_studies": [1, 2],
            },
            {
                "title": "Évaluer aussi la qualité de notre accompagnement",
                "body": """Le CCFD-Terre Solidaire demande beaucoup à ses partenaires en matière de suivi, mais s’évalue peu lui-même dans la relation partenariale. Nous recommandons d’organiser, au moins une fois par convention, un temps où le partenaire apprécie l’accompagnement reçu : régularité des échanges, pertinence des analyses partagées, qualité des retours sur les rapports. Ces appréciations, consolidées par service, devraient nourrir la réflexion de la direction sur l’organisation du travail et la charge des chargés de mission. Elles pourraient aussi être partagées lors des rencontres régionales de partenaires, afin que la critique circule dans les deux sens.
""",
                "audience": "direction",
                "case_studies": [2],
            },
        ],
        "questions": [
            {
                "title": "Peut-on rendre compte d’un changement social auquel on ne contribue qu’indirectement ?",
                "body": "Le CCFD agit par l’intermédiaire de ses partenaires et n’est jamais le seul acteur en jeu. Comment parler de notre contribution sans nous attribuer des résultats qui ne nous reviennent pas ?",
            },
            {
                "title": "Comment concilier les exigences des bailleurs publics et une évaluation centrée sur les processus ?",
                "body": "Les cofinancements publics imposent souvent des cadres logiques et des indicateurs chiffrés. Quelle marge de manœuvre avons-nous pour défendre d’autres approches du suivi ?",
            },
            {
                "title": "La « transformation sociale » est-elle un vocabulaire partagé avec nos partenaires ou un langage du Nord ?",
                "body": "Certains partenaires parlent plutôt de dignité, de droits ou de buen vivir. Faut-il harmoniser les termes, ou au contraire partir de leurs propres mots pour définir ce qui change ?",
            },
        ],
    },
    # ------------------------------------------------------------------
    # 6. Réciprocité entre partenaires
    # ------------------------------------------------------------------
    {
        "slug": "reciprocite-entre-partenaires",
        "title": "Vers la réciprocité : les dynamiques de mise en relation comme outil de renforcement des partenaires",
        "summary": (
            "Des ONG du Sud comme du Nord réclament depuis plusieurs années des partenariats plus réciproques, "
            "où chacun donne et reçoit. Cette exigence a conduit le CCFD-Terre Solidaire à expérimenter de "
            "nouveaux outils, en particulier les dynamiques de mise en relation entre partenaires, conçues comme "
            "un moyen de renforcer leurs capacités. À partir du travail des chargés de mission entre 2006 et 2013, "
            "ce dossier examine les modalités de ces échanges, la manière de les préparer et de les accompagner, "
            "leur suivi, et les pistes pour aller plus loin."
        ),
        "body": """## Une exigence de réciprocité venue des deux côtés

La réciprocité n’est pas une idée neuve dans le vocabulaire de la solidarité internationale, mais elle a pris une vigueur nouvelle au cours des années 2000. Du côté des organisations du Sud, la critique est ancienne et de plus en plus explicite : les partenariats restent marqués par une asymétrie structurelle, où l’un finance, contrôle et évalue, tandis que l’autre rend compte. Plusieurs partenaires de longue date nous l’ont dit sans détour lors des rencontres internationales : ils attendent du CCFD-Terre Solidaire autre chose qu’un guichet, et ils ont eux-mêmes des savoirs à transmettre.

Du côté des ONG du Nord, la recherche de réciprocité répond à d’autres motivations. Elle procède d’une interrogation sur la légitimité de l’aide, d’une volonté de reconnaître l’expertise des acteurs du Sud, mais aussi d’un besoin de renouveler nos propres analyses et nos façons de mobiliser en France. Les réseaux de bénévoles du CCFD, en particulier, demandaient à rencontrer les partenaires autrement que lors de tournées de témoignage.

Cette double pression a poussé l’organisation à chercher des outils de partenariat plus inventifs que le seul financement de projets. Parmi eux, les **dynamiques de mise en relation** occupent une place particulière : il s’agit de créer les conditions pour que des partenaires se rencontrent, échangent leurs pratiques et construisent parfois des actions communes. Ce dossier analyse la manière dont les chargés de mission les ont conçues et conduites entre 2006 et 2013.

## Mettre en relation : de quoi parle-t-on ?

Sous un même terme se cachent des pratiques très diverses. L’examen des expériences recensées permet d’en distinguer quatre grandes familles :

- **les échanges Sud-Sud ciblés**, où deux ou trois organisations confrontées à une même question – semences paysannes, sécurisation foncière, économie solidaire – se rendent visite et comparent leurs méthodes ;
- **les rencontres régionales ou thématiques**, qui réunissent plusieurs partenaires d’une zone autour d’un enjeu commun et débouchent parfois sur la création d’un réseau ;
- **les échanges Sud-Nord**, qui mettent des partenaires en relation avec des acteurs en France ou en Europe : équipes locales du CCFD, syndicats, collectivités, organisations paysannes françaises ;
- **les mises en relation indirectes**, enfin, où le chargé de mission se contente de transmettre un contact, un document ou une expérience, sans organiser de rencontre.

Toutes ne relèvent pas de la réciprocité au même degré. Un échange où un partenaire « expert » forme les autres reproduit parfois la logique descendante que l’on voulait dépasser. La réciprocité suppose que chacun arrive avec une question et reparte avec quelque chose, et que l’organisateur lui-même accepte d’apprendre.

## Modalités : préparer, accompagner, prolonger

### Préparer

Les expériences les plus fécondes ont toutes bénéficié d’une préparation longue, souvent de six mois à un an. Le chargé de mission y joue un rôle délicat : identifier des partenaires dont les questions se répondent, vérifier que l’envie d’échanger vient bien d’eux et non du seul CCFD, aider chacun à formuler ce qu’il attend et ce qu’il peut offrir. Lorsque cette étape a été écourtée, les rencontres ont tourné à la visite de courtoisie ou à l’exposé successif de projets.

La question de la langue et de la traduction, souvent sous-estimée, conditionne pourtant la qualité des échanges. Il en va de même pour la composition des délégations : envoyer les seuls dirigeants limite la diffusion des apprentissages dans les organisations.

### Accompagner

Pendant l’échange, la présence du chargé de mission est ambivalente. Elle rassure, facilite la logistique et la médiation en cas de malentendu. Mais elle peut aussi recentrer les discussions sur la relation avec le bailleur, au détriment de la relation entre partenaires. Plusieurs collègues ont fait le choix de confier l’animation à une personne extérieure ou à l’un des partenaires, en se plaçant eux-mêmes en position d’observateurs.

### Prolonger

C’est la faiblesse la plus souvent relevée : l’après-rencontre. Faute de moyens prévus, nombre de mises en relation prometteuses se sont éteintes quelques mois plus tard. Les réussites ont en commun d’avoir prévu dès le départ un dispositif de suite – une seconde visite, un petit fonds pour des actions communes, un espace d’échange en ligne animé par un partenaire.

## Le travail des chargés de mission : faciliter sans capter

L’analyse des pratiques des chargés de mission fait apparaître une tension constante entre deux rôles. D’un côté, ils sont les mieux placés pour repérer les complémentarités : ils connaissent des dizaines d’organisations, dans plusieurs pays, et voient circuler les questions. De l’autre, leur position de financeur pèse sur la relation. Un partenaire invité à une rencontre par son bailleur peut difficilement refuser, ni exprimer librement ses réserves.

Les chargés de mission interrogés décrivent un apprentissage progressif du **retrait** : proposer plutôt qu’imposer, laisser les partenaires fixer le programme, accepter que certains échanges prennent une direction imprévue, voire qu’ils débouchent sur des critiques du CCFD. Cette posture exige du temps, qui n’est pas toujours reconnu dans la charge de travail. Les mises en relation restent trop souvent une activité « en plus », portée par l’engagement personnel de quelques collègues, et peu valorisée dans les objectifs annuels.

> « Le jour où deux partenaires ont commencé à s’appeler sans passer par moi, j’ai compris que la mise en relation avait réussi. » – une chargée de mission du service Afrique

La réciprocité concerne aussi la relation entre le CCFD et ses partenaires. Certaines rencontres ont permis d’inverser les rôles : des partenaires ont analysé les pratiques du CCFD, commenté ses orientations, ou apporté leur regard à des équipes de bénévoles en France. Ces moments, encore rares, sont ceux où la réciprocité cesse d’être un principe pour devenir une expérience concrète.

## Suivre, évaluer, aller plus loin

Comment savoir si une mise en relation a renforcé les capacités des partenaires ? Les effets sont souvent diffus et différés : une méthode adaptée deux ans plus tard, une alliance mobilisée lors d’une campagne, une organisation qui se sent moins isolée. Les outils de suivi classiques les saisissent mal. Quelques pistes ressortent des expériences étudiées : demander à chaque participant, avant et après la rencontre, ce qu’il attend puis ce qu’il a retenu ; revenir sur ces apprentissages un an plus tard ; et documenter aussi ce que le CCFD lui-même en a tiré.

Aller plus loin suppose de sortir du registre de l’expérimentation. Cela passe par une reconnaissance institutionnelle des dynamiques de mise en relation comme un outil de partenariat à part entière, doté d’une ligne budgétaire, de critères et d’un accompagnement méthodologique. Cela passe aussi par une réflexion sur la réciprocité à l’échelle de l’organisation : que sommes-nous prêts à recevoir de nos partenaires, et à changer en conséquence ? Sans cette question, la réciprocité risque de rester une belle intention, affichée dans les documents mais absente des pratiques.
""",
        "author_names": ["Service Afrique", "Cellule d’appui méthodologique de la DPI"],
        "authors": ["awa.diallo@example.org"],
        "period_start": 2006,
        "period_end": 2013,
        "published_on": "2014-06-10",
        "regions": ["transversal", "afrique-subsaharienne", "amerique-latine", "asie"],
        "themes": ["reciprocite", "strategie-partenariale", "societes-civiles"],
        "tags": [
            "réciprocité",
            "mise en relation",
            "renforcement des capacités",
            "échanges sud-sud",
            "partenariat",
        ],
        "case_studies": [
            {
                "title": "Des semences paysannes entre le Sahel et le Nordeste brésilien",
                "country": "Burkina Faso",
                "partners": "Une fédération d’organisations paysannes du nord du Burkina Faso et un réseau d’agroécologie de l’État du Pernambouc (Brésil)",
                "period_start": 2007,
                "period_end": 2011,
                "summary": (
                    "Deux partenaires confrontés à la même question, la préservation des semences paysannes en zone "
                    "semi-aride, ont échangé pendant quatre ans. L’expérience illustre une réciprocité réelle, mais "
                    "aussi la fragilité des échanges lorsque leur suite n’a pas été anticipée."
                ),
                "body": """### L’origine de l’échange

Le chargé de mission qui suivait les deux partenaires avait remarqué la proximité de leurs préoccupations : sécheresses récurrentes, pression des semences commerciales, savoir-faire paysans menacés. Le réseau brésilien avait développé des « maisons de semences » communautaires ; la fédération burkinabè disposait d’une longue expérience de sélection participative du sorgho et du mil avec des chercheurs nationaux.

### Le déroulement

Une première visite de paysans burkinabè au Brésil a eu lieu en 2008, suivie l’année suivante d’une délégation brésilienne au Burkina Faso. Chaque délégation comprenait des femmes et des jeunes, et pas seulement des responsables. Les échanges ont été facilités par une interprète connaissant le monde agricole. La fédération burkinabè a créé trois banques de semences inspirées du modèle brésilien ; le réseau brésilien a intégré des techniques de sélection en champ paysan.

### Une réciprocité tangible

Les participants insistent sur le sentiment d’égalité ressenti : chacun venait apprendre autant qu’enseigner, et les deux organisations ont reconnu mutuellement leur expertise. Le CCFD n’a joué qu’un rôle de facilitateur, laissant les partenaires fixer le contenu des visites.

### Les limites

Faute de budget prévu pour la suite, les contacts se sont espacés après 2011. La barrière linguistique a empêché des échanges directs réguliers. Le chargé de mission, changé d’affectation, n’a pas pu transmettre pleinement le suivi à son successeur. L’expérience reste une référence, mais elle montre combien la continuité dépend de dispositifs pensés dès le départ.
""",
            },
            {
                "title": "Une rencontre régionale sur les droits fonciers en Asie du Sud-Est",
                "country": "Philippines",
                "partners": "Six organisations de défense des droits fonciers des Philippines, d’Indonésie, du Cambodge et du Laos",
                "period_start": 2009,
                "period_end": 2012,
                "summary": (
                    "Une rencontre régionale organisée à Mindanao a réuni six partenaires confrontés à l’accaparement "
                    "des terres. Elle a débouché sur un petit réseau d’échange autonome, mais a aussi révélé les "
                    "risques d’une mise en relation trop pilotée par le bailleur."
                ),
                "body": """### Le contexte

À la fin des années 2000, plusieurs partenaires du service Asie signalaient une multiplication des concessions foncières accordées à des investisseurs, au détriment de communautés paysannes et autochtones. Chacun réagissait dans son cadre national, avec des outils juridiques et des stratégies de mobilisation différents.

### Une première rencontre très encadrée

La rencontre de 2009 a été conçue et animée par le CCFD. Le programme, chargé, alternait exposés nationaux et visites de terrain. Les évaluations à chaud étaient positives, mais plusieurs participants ont confié ensuite avoir eu le sentiment d’assister à un séminaire du bailleur plutôt qu’à un véritable échange entre pairs. Les organisations plus petites, moins à l’aise en anglais, étaient restées en retrait.

### Un second temps, repris en main par les partenaires

Tirant les leçons de cette première expérience, la chargée de mission a proposé que la suite soit organisée par les partenaires eux-mêmes. Une organisation philippine a pris en charge la coordination d’un petit réseau, avec un financement modeste et un programme défini collectivement. Des échanges de juristes ont eu lieu entre l’Indonésie et le Cambodge, ainsi qu’un travail commun de documentation de cas.

### Enseignements

La réciprocité ne se décrète pas dans le programme d’une rencontre : elle se construit lorsque les partenaires maîtrisent l’ordre du jour. Le retrait du CCFD a ralenti le rythme mais renforcé l’appropriation du réseau, qui a ensuite obtenu d’autres financements.
""",
            },
            {
                "title": "Un partenaire malien au contact des équipes bénévoles en France",
                "country": "Mali",
                "partners": "Une association malienne de promotion de l’économie solidaire et plusieurs équipes diocésaines du CCFD-Terre Solidaire",
                "period_start": 2010,
                "period_end": 2013,
                "summary": (
                    "Au lieu d’une tournée de témoignage classique, un partenaire malien a séjourné plusieurs semaines "
                    "auprès d’équipes bénévoles en France, pour analyser avec elles leurs pratiques de mobilisation. "
                    "Une expérience de réciprocité Sud-Nord qui a bousculé les habitudes."
                ),
                "body": """### Renverser le regard

Traditionnellement, les partenaires invités en France pendant le Carême témoignent de leur action devant des publics variés. En 2010, un responsable d’une association malienne d’économie solidaire a proposé une autre formule : venir observer le travail des bénévoles du CCFD dans deux régions, comme ces derniers observent parfois les projets au Mali, et partager son analyse.

### Le séjour

Pendant cinq semaines, il a participé à des réunions d’équipes locales, à des animations en paroisse et en établissement scolaire, à des rencontres avec des élus et des acteurs de l’économie sociale en France. Un temps de restitution a été organisé à la fin du séjour, ouvert aux bénévoles et aux salariés.

### Ce qui a été reçu

Ses observations ont surpris : il a relevé la difficulté des équipes à toucher les jeunes, la tendance à présenter les partenaires comme des bénéficiaires, mais aussi la richesse des réseaux locaux d’économie sociale, qu’il jugeait sous-exploités par le CCFD. Plusieurs équipes ont modifié leurs supports d’animation à la suite de ces échanges. Deux d’entre elles ont noué des liens directs avec des coopératives françaises intéressées par l’expérience malienne.

### Ce qui a résisté

L’expérience a aussi suscité des réticences : certains bénévoles ont vécu ces remarques comme une critique injuste. La dégradation de la situation sécuritaire au Mali à partir de 2012 a empêché la visite retour prévue. L’expérience n’a pas été reconduite faute de portage institutionnel.
""",
            },
        ],
        "recommendations": [
            {
                "title": "Reconnaître la mise en relation comme un outil de partenariat à part entière",
                "body": """Les dynamiques de mise en relation ont montré leur intérêt, mais elles restent marginales dans nos procédures. Nous recommandons de leur consacrer une **ligne budgétaire identifiée**, des critères d’instruction propres et un temps reconnu dans la charge de travail des chargés de mission. Une telle reconnaissance permettrait de planifier les échanges sur plusieurs années, d’en assurer la continuité en cas de changement d’interlocuteur et d’en faire un véritable levier de réciprocité, plutôt qu’une initiative dépendant de l’engagement personnel de quelques collègues.
""",
                "audience": "direction",
                "case_studies": [0, 2],
            },
            {
                "title": "Laisser les partenaires maîtriser l’ordre du jour",
                "body": """La réciprocité suppose que les partenaires définissent eux-mêmes les questions à travailler, le format et le rythme des échanges. Les chargés de mission peuvent repérer les complémentarités et proposer une rencontre, mais ils gagnent à confier rapidement l’animation et la coordination à l’un des partenaires ou à une personne extérieure. Ce retrait, parfois inconfortable, est la meilleure garantie d’une appropriation durable. Il implique d’accepter que les échanges prennent une direction imprévue, voire qu’ils fassent émerger des critiques à l’égard du CCFD. C’est souvent à ce prix que la réciprocité devient une réalité vécue plutôt qu’un principe affiché.
""",
                "audience": "charges_de_mission",
                "case_studies": [1],
            },
            {
                "title": "Prévoir la suite dès la conception de l’échange",
                "body": """Trop de mises en relation prometteuses se sont éteintes faute de suite. Nous recommandons d’intégrer dès la préparation un dispositif de prolongement : visite retour, petit fonds pour des actions communes, espace d’échange animé par un partenaire, point d’étape à un an. Ce dispositif devrait aussi prévoir la traduction et la participation de personnes au-delà des seuls dirigeants, afin que les apprentissages irriguent réellement les organisations concernées. Un court bilan partagé, rédigé par les partenaires eux-mêmes, aide enfin à décider s’il faut poursuivre, élargir ou clore la dynamique engagée.
""",
                "audience": "tous",
                "case_studies": [0, 1],
            },
            {
                "title": "Accepter d’être soi-même l’objet de l’échange",
                "body": """La réciprocité ne concerne pas seulement les relations entre partenaires : elle interroge aussi ce que le CCFD-Terre Solidaire est prêt à recevoir. Nous invitons les partenaires à proposer des formes d’échange où ils observent et analysent nos pratiques, en France comme dans nos services. Pour que ces regards soient utiles, l’organisation doit s’engager à leur donner suite et à rendre compte de ce qu’elle en a retenu, y compris auprès des équipes bénévoles. Une réciprocité assumée passe par cette capacité à se laisser interroger, puis à modifier certaines façons de faire.
""",
                "audience": "partenaires",
                "case_studies": [2],
            },
        ],
        "questions": [
            {
                "title": "Une relation de financement peut-elle jamais être pleinement réciproque ?",
                "body": "Le CCFD reste le bailleur de la plupart des partenaires qu’il met en relation. Cette asymétrie condamne-t-elle la réciprocité à rester partielle, ou d’autres formes d’équilibre sont-elles possibles ?",
            },
            {
                "title": "Comment mesurer le renforcement des capacités produit par une mise en relation ?",
                "body": "Les effets d’un échange sont souvent diffus et tardifs. Quels indices simples permettraient d’en garder la trace sans alourdir le travail des partenaires ?",
            },
            {
                "title": "Quelle place donner aux bénévoles dans les dynamiques de réciprocité Sud-Nord ?",
                "body": "Les équipes locales sont à la fois demandeuses de rencontres et parfois déstabilisées par le regard critique des partenaires. Comment les préparer à recevoir autant qu’à donner ?",
            },
        ],
    },
    # ------------------------------------------------------------------
    # 7. Territoire en Méso-Amérique
    # ------------------------------------------------------------------
    {
        "slug": "territoire-en-meso-amerique",
        "title": "Le « territoire » en débat : le chargé de mission comme passeur d’idées en Méso-Amérique",
        "summary": (
            "Le mot « territoire » s’est imposé, en Méso-Amérique comme au CCFD-Terre Solidaire, dans les discours "
            "sur la défense des droits, les ressources naturelles et le développement local. Partant de cette "
            "notion, le dossier s’interroge sur les conditions d’un véritable dialogue entre le CCFD-Terre "
            "Solidaire et ses partenaires, et sur les outils pédagogiques qui le rendent possible. Il relate "
            "l’expérience d’un chargé de mission qui, de 2008 à 2014, a endossé le rôle de « passeur d’idées » "
            "et placé le débat avec les partenaires au centre de la relation partenariale."
        ),
        "body": """## Un mot qui circule

À la fin des années 2000, le mot « territoire » apparaît presque partout dans les documents de nos partenaires méso-américains. Les organisations autochtones du Guatemala parlent de défense du territoire face aux concessions minières et hydroélectriques. Les communautés garifunas du Honduras revendiquent leurs territoires côtiers convoités par des projets touristiques. Au Mexique, des collectifs paysans du Chiapas et de l’Oaxaca opposent le territoire vécu aux plans d’aménagement décidés ailleurs. Au Salvador et au Nicaragua, le terme est associé aux dynamiques de développement local et à la gestion de l’eau.

Au même moment, le CCFD-Terre Solidaire adopte lui aussi ce vocabulaire. Les orientations de l’association parlent d’approche territoriale, de souveraineté alimentaire ancrée dans les territoires, de dynamiques de territoire. La convergence semble évidente. Elle masque pourtant une question que ce dossier veut prendre au sérieux : parlons-nous vraiment de la même chose ?

## Des sens multiples, parfois contradictoires

Le territoire peut désigner un espace administratif – la commune, le département – sur lequel s’exerce une autorité publique. Il peut renvoyer à un espace économique, que l’on cherche à rendre plus attractif ou plus cohérent. Il peut enfin désigner un espace de vie, chargé d’histoire, de spiritualité et de relations entre les personnes et la nature, comme dans beaucoup de cosmovisions mayas ou garifunas. Ces sens ne s’excluent pas, mais ils entrent souvent en tension.

Les gouvernements de la région utilisent eux aussi le vocabulaire territorial, par exemple pour promouvoir des « plans de développement territorial » qui facilitent l’implantation d’investissements extractifs. Les institutions financières internationales parlent de « gestion territoriale » dans des programmes dont les communautés contestent les effets. Le même mot sert ainsi à défendre des territoires et à les ouvrir à des logiques qui les menacent.

Pour le CCFD-Terre Solidaire, l’enjeu est double. Il s’agit d’abord de comprendre ce que chaque partenaire met derrière le mot, au lieu de supposer un accord. Il s’agit ensuite de clarifier notre propre position : lorsque nous finançons un projet « territorial », soutenons-nous la gouvernance locale telle qu’elle existe, la résistance à des projets imposés, ou l’affirmation de droits collectifs sur la terre et les ressources ?

## Les conditions d’un dialogue véritable

L’expérience relatée ici montre qu’un dialogue de fond entre un financeur et ses partenaires ne va pas de soi. Plusieurs conditions sont apparues déterminantes.

**Du temps et de la régularité.** Les échanges significatifs sur le territoire ont rarement eu lieu lors des visites de suivi, absorbées par les questions budgétaires. Ils ont surgi lors de séjours plus longs, de rencontres répétées, de conversations poursuivies d’une année sur l’autre.

**Une parole qui ne conditionne pas le financement.** Les partenaires ne débattent librement que s’ils sont assurés que leurs désaccords n’auront pas de conséquence sur leur soutien. Le chargé de mission a dû l’affirmer explicitement, et surtout le démontrer dans la durée.

**L’acceptation que le CCFD ait aussi des idées.** Paradoxalement, le dialogue a progressé lorsque le chargé de mission a cessé de se présenter comme neutre. En exposant les débats qui traversaient le CCFD et les réseaux européens sur le territoire, l’agroécologie ou les entreprises extractives, il a offert aux partenaires une matière à discuter, à contester, à enrichir.

**Des espaces collectifs.** Le dialogue bilatéral reste marqué par l’asymétrie. Les rencontres entre plusieurs partenaires ont permis des échanges plus libres, où le CCFD n’était qu’un interlocuteur parmi d’autres.

## Des éléments pédagogiques pour mettre le débat au centre

Au fil des années, le chargé de mission a mobilisé une série de supports et de méthodes pour ouvrir le débat sur le territoire :

- **la cartographie participative**, où les partenaires dessinent leur territoire tel qu’ils le vivent, en y figurant ressources, lieux sacrés, conflits et acteurs extérieurs ;
- **des notes de lecture courtes**, en espagnol, présentant des textes de chercheurs latino-américains et européens sur la notion de territoire, envoyées avant les visites pour nourrir la discussion ;
- **des ateliers régionaux** réunissant des partenaires de plusieurs pays autour de questions ouvertes, plutôt que de présentations de projets ;
- **des allers-retours écrits**, où une synthèse des échanges était soumise aux partenaires pour correction, de sorte que la trace produite soit reconnue par tous.

Ces outils ne sont pas originaux en eux-mêmes. Leur intérêt tient à leur usage : ils servent moins à transmettre un contenu qu’à créer des occasions de confrontation des points de vue. Ils supposent de la part du chargé de mission une véritable posture pédagogique, au sens de l’éducation populaire : partir de l’expérience des personnes, la mettre en mots, la confronter à d’autres, en tirer des analyses partagées.

## Être « passeur d’idées »

L’expression de « passeur d’idées » a été proposée par un partenaire guatémaltèque pour décrire le rôle qu’il attendait du CCFD. Elle désigne une fonction de circulation : faire connaître à un partenaire ce que pensent et font d’autres organisations, au Mexique, en Amérique du Sud, en Afrique ou en Europe ; relayer auprès du CCFD et des réseaux européens les analyses produites dans les territoires méso-américains ; mettre en contact des pensées qui ne se croiseraient pas autrement.

Ce rôle comporte des risques. Le passeur peut devenir prescripteur, imposer des modes intellectuelles venues du Nord, ou privilégier les partenaires les plus proches de ses propres idées. Il peut aussi se heurter, en interne, à l’incompréhension de collègues pour qui le temps consacré au débat est pris sur la gestion des dossiers. Le chargé de mission dont l’expérience est relatée ici reconnaît avoir parfois forcé le trait, et avoir dû apprendre à se taire pour laisser émerger des positions qui n’étaient pas les siennes.

## Ce que le débat change à la relation partenariale

Le principal enseignement de cette expérience est que le débat n’est pas un supplément à la relation partenariale : il peut en constituer le cœur. Lorsque les partenaires et le CCFD discutent ensemble de ce que signifie défendre un territoire, les choix de financement deviennent plus lisibles, les désaccords plus explicites, et le partenariat gagne en solidité. Plusieurs partenaires ont d’ailleurs souligné que ces échanges avaient influencé leur propre stratégie, en les aidant à articuler la défense de leurs territoires à des enjeux plus larges.

Ce déplacement a un coût. Il demande du temps, des compétences d’animation et une reconnaissance institutionnelle du rôle intellectuel des chargés de mission. Il oblige aussi le CCFD à accepter que ses propres notions, dont celle de territoire, soient remises en question par ceux qu’il soutient. C’est à cette condition que le mot partagé peut devenir un véritable lieu de rencontre, et non un simple consensus de façade.
""",
        "author_names": ["Service Amérique latine et Caraïbes"],
        "authors": ["ines.garcia@example.org"],
        "period_start": 2008,
        "period_end": 2014,
        "published_on": "2015-02-24",
        "regions": ["meso-amerique", "amerique-latine"],
        "themes": ["territoire", "strategie-partenariale", "acces-aux-droits", "societes-civiles"],
        "tags": ["territoire", "passeur d’idées", "dialogue", "pédagogie", "méso-amérique"],
        "case_studies": [
            {
                "title": "Consultations communautaires et défense du territoire dans les hautes terres du Guatemala",
                "country": "Guatemala",
                "partners": "Un conseil de peuples mayas des hautes terres de l’Ouest et une association guatémaltèque d’appui juridique aux communautés",
                "period_start": 2009,
                "period_end": 2013,
                "summary": (
                    "Face à la multiplication des concessions minières et hydroélectriques, des communautés mayas "
                    "ont organisé des consultations populaires pour affirmer leur droit à décider de leur territoire. "
                    "Le CCFD-Terre Solidaire a soutenu la démarche et en a fait un terrain de dialogue sur la notion même de territoire."
                ),
                "body": """### Le contexte

Dans les départements de l’Ouest guatémaltèque, les autorisations d’exploration minière et les projets de barrages se sont multipliés à la fin des années 2000, le plus souvent sans consultation des populations. Les communautés ont répondu en organisant, municipalité par municipalité, des consultations de bonne foi inspirées de la convention 169 de l’Organisation internationale du travail.

### Le rôle du partenariat

Le soutien financier du CCFD portait sur la formation des autorités communautaires, l’appui juridique et la documentation des consultations. Mais le chargé de mission a surtout contribué à ouvrir un espace de réflexion sur ce que les communautés entendaient par territoire. Lors d’un atelier de cartographie participative, les participants ont représenté des sources, des lieux de cérémonie, des chemins anciens, bien au-delà des limites cadastrales reconnues par l’État.

### Un dialogue exigeant

Ce travail a mis en lumière un décalage avec le vocabulaire du CCFD, centré sur le développement local et la souveraineté alimentaire. Pour le conseil maya, le territoire est d’abord une relation sacrée et une question d’autodétermination politique. Le chargé de mission a relayé cette vision auprès du service et des réseaux européens engagés sur la responsabilité des entreprises, ce qui a nourri plusieurs notes de plaidoyer.

### Ce qui reste ouvert

Les consultations n’ont pas été reconnues comme contraignantes par les autorités nationales, et plusieurs leaders communautaires ont fait l’objet de poursuites. Le partenariat a dû intégrer une dimension de protection, que ni le partenaire ni le CCFD n’avaient anticipée.
""",
            },
            {
                "title": "Des territoires côtiers convoités : les communautés garifunas du Honduras",
                "country": "Honduras",
                "partners": "Une organisation de défense des droits des communautés garifunas de la côte atlantique",
                "period_start": 2010,
                "period_end": 2014,
                "summary": (
                    "Sur la côte caraïbe hondurienne, des communautés afro-descendantes défendent leurs terres face "
                    "aux projets touristiques et aux plantations. Le partenariat a révélé combien le mot territoire "
                    "pouvait être à la fois un outil de lutte et l’objet d’une récupération par l’État."
                ),
                "body": """### Une pression croissante

Après la crise politique de 2009, le Honduras a engagé une politique active d’attraction des investissements, notamment touristiques, sur la côte atlantique. Des communautés garifunas, présentes depuis plus de deux siècles, ont vu leurs terres fragmentées par des titres de propriété contestés, des projets hôteliers et l’expansion de la palme africaine.

### Un vocabulaire disputé

Le partenaire revendiquait la reconnaissance de territoires collectifs, en s’appuyant sur le droit international relatif aux peuples autochtones et tribaux. Dans le même temps, les autorités promouvaient des programmes d’« aménagement territorial » présentés comme favorables aux communautés. Lors d’une visite, le chargé de mission a proposé de mettre côte à côte les documents officiels et les textes du partenaire, pour examiner la façon dont chacun utilisait le mot. L’exercice a aidé l’organisation à affiner son argumentaire face aux institutions et aux bailleurs internationaux.

### La place du CCFD

Le CCFD a soutenu la documentation des titres collectifs et la participation à des audiences devant les instances interaméricaines des droits humains. Il a aussi facilité la rencontre avec d’autres organisations afro-descendantes et autochtones de la région, qui ont comparé leurs stratégies de défense.

### Enseignements

L’expérience confirme que le débat conceptuel n’est pas un luxe : dans un contexte où l’État s’approprie le vocabulaire des mouvements, clarifier les mots est un acte politique. Elle rappelle aussi les limites de l’action d’un partenaire étranger face à des violences qui ont touché plusieurs dirigeants communautaires.
""",
            },
            {
                "title": "Un atelier régional sur le territoire à San Cristóbal de las Casas",
                "country": "Mexique",
                "partners": "Une dizaine d’organisations partenaires du Mexique, du Guatemala, du Salvador et du Nicaragua, accueillies par un centre de formation indigène du Chiapas",
                "period_start": 2011,
                "period_end": 2012,
                "summary": (
                    "Pendant quatre jours, des partenaires de quatre pays ont confronté leurs visions du territoire, "
                    "sans présentation de projets. L’atelier a fait du CCFD-Terre Solidaire un interlocuteur parmi "
                    "d’autres et posé les bases d’un dialogue régional poursuivi ensuite."
                ),
                "body": """### Une intention

Le chargé de mission souhaitait sortir de la logique des rencontres de partenaires organisées autour des bilans de projets. Il a proposé un atelier consacré à une seule question : « Que défendons-nous quand nous défendons le territoire ? » Les partenaires ont été associés à la préparation, par des échanges écrits et deux réunions à distance.

### La méthode

Les journées ont alterné travaux en petits groupes, cartographies croisées, visites de communautés voisines et débats en plénière. Des notes de lecture en espagnol avaient été diffusées à l’avance. Une animatrice mexicaine d’éducation populaire a conduit les échanges, le chargé de mission intervenant seulement pour présenter les débats en cours au CCFD et en Europe.

### Les débats

Des divergences sont apparues entre organisations autochtones, attachées à une vision globale et spirituelle du territoire, et organisations paysannes ou urbaines, plus centrées sur la production et l’accès aux services. Les participants salvadoriens et nicaraguayens ont insisté sur les liens entre territoire et gestion de l’eau. Plutôt que de chercher un consensus, la synthèse finale a présenté ces positions de façon articulée.

### Les suites

La synthèse a circulé dans les organisations et au sein du service Amérique latine. Deux partenaires ont organisé à leur tour des ateliers nationaux. L’atelier a aussi modifié la relation avec le CCFD : plusieurs participants ont ensuite sollicité le chargé de mission pour discuter de leur stratégie, et pas seulement de leur financement.
""",
            },
        ],
        "recommendations": [
            {
                "title": "Interroger les mots partagés avant de supposer un accord",
                "body": """Lorsqu’une notion comme le territoire circule entre le CCFD et ses partenaires, il est tentant d’y voir le signe d’une vision commune. Nous recommandons aux chargés de mission de prendre le temps d’explorer, avec chaque partenaire, ce que recouvre concrètement le mot : quels espaces, quelles relations, quels droits, quels adversaires. Cet effort de clarification protège des malentendus, permet de repérer les usages concurrents du même terme par les États ou les entreprises, et renforce la pertinence de notre soutien. Il peut prendre la forme d’une conversation informelle comme celle d’un atelier de cartographie.
""",
                "audience": "charges_de_mission",
                "case_studies": [0, 1],
            },
            {
                "title": "Reconnaître le rôle intellectuel du chargé de mission",
                "body": """La fonction de « passeur d’idées » exige du temps de lecture, de préparation et d’animation qui n’apparaît pas dans les indicateurs de gestion. Nous recommandons à la direction de reconnaître explicitement cette dimension du métier, en la faisant figurer dans les fiches de poste et les objectifs annuels, et en prévoyant des moyens pour les ateliers et la production de supports. Sans cette reconnaissance, le dialogue de fond restera dépendant de la disponibilité et de l’engagement individuel de quelques personnes.
""",
                "audience": "direction",
                "case_studies": [2],
            },
            {
                "title": "Privilégier des espaces collectifs de débat entre partenaires",
                "body": """Le dialogue bilatéral avec un financeur reste marqué par l’asymétrie. Les ateliers régionaux, préparés avec les partenaires et animés par une personne extérieure, permettent des échanges plus libres et placent le CCFD dans une position d’interlocuteur parmi d’autres. Nous recommandons d’en organiser régulièrement, autour de questions ouvertes plutôt que de bilans de projets, et de produire des synthèses validées par les participants, qui puissent circuler dans les organisations comme au sein du CCFD. Ces rencontres gagnent à être pensées dans la durée, chaque atelier reprenant les questions laissées ouvertes par le précédent.
""",
                "audience": "tous",
                "case_studies": [2],
            },
            {
                "title": "Intégrer la protection des défenseurs du territoire",
                "body": """Défendre un territoire expose les partenaires à des risques sérieux : poursuites judiciaires, menaces, violences. Nous invitons les partenaires à partager avec le CCFD leurs analyses de risque, et proposons que les conventions puissent inclure, lorsque c’est nécessaire, des moyens de protection, d’accompagnement juridique et de mobilisation internationale. Cette dimension doit être pensée dès l’ouverture du partenariat, et non seulement en réaction à une crise, afin que le débat sur le territoire ne se fasse pas au détriment de la sécurité des personnes.
""",
                "audience": "partenaires",
                "case_studies": [0, 1],
            },
        ],
        "questions": [
            {
                "title": "Jusqu’où un chargé de mission peut-il exposer ses idées sans devenir prescripteur ?",
                "body": "Le passeur d’idées apporte des analyses venues d’ailleurs, mais il reste le représentant d’un financeur. Comment garantir que ses apports restent des propositions, librement discutées ?",
            },
            {
                "title": "Le CCFD-Terre Solidaire doit-il avoir sa propre définition du territoire ?",
                "body": "Adopter une définition commune faciliterait la cohérence de nos actions, mais risquerait d’écraser la diversité des visions de nos partenaires. Faut-il plutôt assumer une pluralité de sens ?",
            },
            {
                "title": "Comment rendre compte, en interne, de la valeur d’un dialogue qui ne produit pas de résultats mesurables ?",
                "body": "Les ateliers et les échanges de fond transforment la relation partenariale, mais leurs effets sont difficiles à chiffrer. Quels éléments pourraient en témoigner dans nos rapports ?",
            },
        ],
    },
    # ------------------------------------------------------------------
    # 8. Partenariats Migrations en Afrique du Sud
    # ------------------------------------------------------------------
    {
        "slug": "partenariats-migrations-afrique-du-sud",
        "title": "Ouvrir des partenariats Migrations en Afrique du Sud : une stratégie commune entre le service Afrique et le programme Migrants",
        "summary": (
            "De 2009 à 2014, le CCFD-Terre Solidaire a ouvert puis suivi des partenariats sur les migrations en "
            "Afrique du Sud. Au sein de la direction du Partenariat international, organisée en services "
            "géographiques mais dotée aussi d’un programme thématique consacré aux migrants, cette expérience a "
            "reposé sur une double entrée peu courante parmi les ONG. Le dossier retrace la construction d’une "
            "stratégie commune entre le service Afrique et le programme Migrants, sa mise en œuvre dans un "
            "contexte partenarial difficile, les obstacles et les échecs rencontrés, puis dresse un bilan et "
            "envisage les suites."
        ),
        "body": """## Pourquoi l’Afrique du Sud, pourquoi les migrations ?

L’Afrique du Sud occupe une place singulière dans les migrations africaines. Première économie du continent, elle attire depuis des décennies des travailleurs venus du Mozambique, du Lesotho, du Malawi ou du Zimbabwe, hier pour les mines, aujourd’hui pour l’agriculture, le bâtiment, les services ou le commerce informel. À ces migrations de travail anciennes se sont ajoutés, depuis les années 1990, des réfugiés et des demandeurs d’asile de la région des Grands Lacs, de la Corne de l’Afrique et, massivement à partir de 2005, du Zimbabwe en crise.

Les violences xénophobes de mai 2008, qui ont fait plusieurs dizaines de morts et des dizaines de milliers de déplacés dans les townships, ont agi comme un révélateur. Elles ont montré la fragilité de la cohabitation entre populations sud-africaines pauvres et migrants, l’incapacité de l’État à protéger ces derniers et les limites d’un système d’asile saturé. Elles ont aussi suscité une mobilisation importante de la société civile, religieuse, syndicale et associative.

Pour le CCFD-Terre Solidaire, l’Afrique du Sud n’était alors pas un pays prioritaire. Les partenariats historiques, liés à la lutte contre l’apartheid, s’étaient pour la plupart arrêtés au cours des années 1990. C’est par la question des migrations que le pays est revenu dans nos réflexions, à la croisée de deux préoccupations : celle du programme Migrants, soucieux de ne pas limiter son action aux routes vers l’Europe, et celle du service Afrique, attentif aux dynamiques régionales de l’Afrique australe.

## Une double entrée : services géographiques et programme Migrants

La direction du Partenariat international (DPI) du CCFD-Terre Solidaire est structurée en services géographiques – Afrique, Amérique latine, Asie, Méditerranée et Europe de l’Est – qui suivent l’ensemble des partenariats d’une zone. Elle abrite également un programme thématique, le programme Migrants, chargé de porter une approche transversale des migrations, de relier les partenaires des pays de départ, de transit et d’arrivée, et d’articuler le travail de terrain avec le plaidoyer en France et en Europe.

La plupart des ONG choisissent l’une ou l’autre logique : une organisation par zones géographiques, ou une organisation par programmes thématiques. La coexistence des deux est plus rare, et elle n’est pas toujours simple à vivre. Elle suppose que chargés de mission géographiques et thématiques se mettent d’accord sur la répartition des rôles, sur le suivi des partenaires et sur les priorités budgétaires. Elle génère parfois des doublons, des malentendus et des arbitrages délicats.

Elle offre aussi des possibilités originales. Le regard géographique apporte la connaissance fine du contexte politique, des sociétés civiles et de l’histoire des partenariats. Le regard thématique apporte une expertise sur le droit des migrants, la connaissance des réseaux internationaux et la capacité à relier des expériences de pays différents. L’ouverture des partenariats migrations en Afrique du Sud a été l’occasion de tester cette complémentarité de façon délibérée.

## Construire une stratégie commune (2009-2011)

La démarche a commencé par une mission exploratoire conjointe, fin 2009, associant la chargée de mission du programme Migrants et un chargé de mission du service Afrique. Pendant trois semaines, ils ont rencontré à Johannesburg, Pretoria, Durban et au Cap une quarantaine d’acteurs : organisations de défense des droits des migrants, centres juridiques, églises, syndicats, chercheurs, associations de migrants.

De cette mission est sortie une note de stratégie commune, discutée dans les deux équipes puis validée par la direction. Elle retenait trois axes :

1. **l’accès aux droits des migrants et des réfugiés**, en particulier l’accès aux documents, à la justice et aux services de base ;
2. **la lutte contre la xénophobie**, par le soutien à des initiatives de dialogue entre communautés sud-africaines et étrangères ;
3. **la dimension régionale**, en reliant les partenaires sud-africains à des organisations des pays d’origine, notamment le Zimbabwe, et aux réseaux africains et internationaux travaillant sur les migrations.

La note précisait aussi la répartition des rôles : le service Afrique assurait le suivi administratif et l’analyse du contexte national, le programme Migrants apportait l’expertise thématique et la mise en réseau. Un point de coordination trimestriel était prévu entre les deux chargés de mission.

## Une mise en œuvre dans un contexte partenarial compliqué

La mise en œuvre s’est révélée plus difficile que prévu. Le paysage associatif sud-africain sur les migrations était à la fois riche et fragmenté. Les organisations les plus structurées, souvent nées dans les milieux juridiques ou universitaires, disposaient déjà de financements importants de fondations anglo-saxonnes et voyaient peu l’intérêt d’un partenaire européen aux moyens modestes. Les associations de migrants, plus proches du terrain, étaient souvent divisées selon les nationalités, avec une gouvernance fragile et des capacités de gestion limitées.

Le contexte politique a aussi évolué. Après la Coupe du monde de football de 2010, l’attention internationale s’est détournée. Le gouvernement a engagé une réforme restrictive du système d’asile, avec la fermeture de plusieurs bureaux d’accueil des demandeurs d’asile dans les grandes villes. Des épisodes de violence contre les commerçants étrangers se sont reproduits régulièrement. Les partenaires ont dû passer d’une logique de projets à une logique de réaction aux urgences.

Entre 2010 et 2014, cinq partenariats ont été ouverts : un réseau de défense des droits des migrants au Cap, un centre juridique d’aide aux réfugiés à Johannesburg, une initiative interreligieuse de dialogue dans des townships de la province du Gauteng, une association de migrants zimbabwéens et une organisation de recherche-action sur les migrations de travail.

## Difficultés et échecs

Le bilan est contrasté, et ce dossier ne veut pas en masquer les revers.

Le partenariat avec le centre juridique de Johannesburg s’est interrompu en 2012, après une crise de gouvernance interne et des difficultés de gestion financière que le CCFD n’avait pas su repérer à temps. L’initiative de dialogue dans les townships, prometteuse sur le papier, a peiné à dépasser le cercle des responsables religieux et n’a pas résisté à une nouvelle flambée de violences en 2013.

La double entrée elle-même a connu des ratés. Les points de coordination trimestriels ont été irréguliers, notamment lors des changements de personnes dans les deux équipes. Certains partenaires ont reçu des messages différents de leurs deux interlocuteurs, ce qui a créé de la confusion. À plusieurs reprises, les arbitrages budgétaires du service Afrique, soumis à d’autres priorités sur le continent, sont entrés en tension avec les ambitions du programme Migrants.

Enfin, la dimension régionale, pourtant au cœur de la stratégie, n’a été que partiellement mise en œuvre. Les échanges avec des organisations zimbabwéennes ont eu lieu, mais les liens avec les autres pays de départ sont restés embryonnaires.

## Bilan et suites

Malgré ces difficultés, l’expérience a produit des acquis réels. Le réseau du Cap s’est imposé comme un interlocuteur reconnu des autorités locales sur l’accès aux droits des migrants. L’association de migrants zimbabwéens a gagné en structuration et participe désormais à des espaces de plaidoyer régionaux. Les analyses issues de ces partenariats ont nourri le plaidoyer du CCFD sur les migrations Sud-Sud, trop souvent ignorées dans le débat européen.

La double entrée a montré son intérêt lorsqu’elle fonctionnait : la combinaison d’une connaissance fine du contexte et d’une expertise thématique a permis des choix de partenaires plus pertinents et une meilleure articulation entre le terrain et le plaidoyer. Elle exige cependant des règles de coordination plus robustes, un pilotage partagé des budgets et une continuité dans le suivi. Pour la suite, les deux équipes proposent de consolider un nombre restreint de partenariats solides plutôt que d’en multiplier de nouveaux, et de donner enfin toute sa place à la dimension régionale des migrations en Afrique australe.
""",
        "author_names": ["Programme Migrants", "Service Afrique"],
        "authors": ["julien.bernard@example.org"],
        "period_start": 2009,
        "period_end": 2014,
        "published_on": "2015-10-06",
        "regions": ["afrique-australe"],
        "themes": ["migrations", "strategie-partenariale", "acces-aux-droits", "plaidoyer"],
        "tags": ["migrations", "migrants", "afrique du sud", "double entrée", "xénophobie"],
        "case_studies": [
            {
                "title": "Accompagner un réseau de défense des droits des migrants au Cap",
                "country": "Afrique du Sud",
                "partners": "Un réseau de défense des droits des migrants au Cap, regroupant une quinzaine d’associations de migrants, de paroisses et de permanences juridiques",
                "period_start": 2010,
                "period_end": 2014,
                "summary": (
                    "Soutenu dès 2010, un réseau d’associations du Cap est devenu un interlocuteur reconnu sur "
                    "l’accès aux droits des migrants. Ce partenariat illustre la complémentarité entre suivi "
                    "géographique et expertise thématique sur les migrations."
                ),
                "body": """### Un réseau né de l’urgence

Le réseau s’est constitué en 2008, au moment où des milliers de migrants chassés de leurs logements par les violences xénophobes trouvaient refuge dans des camps provisoires autour du Cap. Des associations de migrants, des paroisses et des permanences juridiques se sont coordonnées pour assurer l’accueil, l’accès aux soins et l’accompagnement juridique. Passée l’urgence, elles ont décidé de maintenir une structure commune.

### Le soutien du CCFD-Terre Solidaire

Le partenariat a été ouvert en 2010, à la suite de la mission exploratoire conjointe. Le soutien portait sur la coordination du réseau, la formation de para-juristes issus des communautés migrantes et la documentation des violations des droits. Le chargé de mission du service Afrique suivait la gestion et les relations avec les autorités locales ; la chargée de mission du programme Migrants facilitait les liens avec des organisations travaillant sur les migrations en Europe et en Afrique de l’Ouest.

### Les résultats

En quatre ans, le réseau a formé une soixantaine de para-juristes et accompagné plusieurs milliers de personnes dans leurs démarches administratives. Lorsque le bureau local d’accueil des demandeurs d’asile a été fermé, il a porté un recours en justice avec d’autres organisations et documenté les conséquences pour les migrants. Il participe désormais à des concertations avec la municipalité.

### Les points de vigilance

La gouvernance du réseau reste dépendante de quelques personnes clés. Les associations de migrants membres se plaignent parfois du poids des organisations juridiques dans les décisions. Le double suivi a été apprécié par le partenaire, mais il a exigé une coordination étroite que les deux chargés de mission n’ont pas toujours pu assurer.
""",
            },
            {
                "title": "Une rupture de partenariat avec un centre juridique de Johannesburg",
                "country": "Afrique du Sud",
                "partners": "Un centre d’aide juridique aux réfugiés et demandeurs d’asile basé à Johannesburg",
                "period_start": 2010,
                "period_end": 2012,
                "summary": (
                    "Le partenariat avec un centre juridique reconnu s’est interrompu au bout de deux ans, à la suite "
                    "d’une crise interne et de difficultés financières. Cet échec interroge nos pratiques "
                    "d’instruction et le partage des responsabilités entre chargés de mission."
                ),
                "body": """### Un partenaire apparemment solide

Le centre jouissait d’une forte réputation : ses avocats plaidaient des dossiers emblématiques pour les demandeurs d’asile et ses rapports sur les conditions de détention des migrants étaient cités dans les médias. Lors de la mission exploratoire, il est apparu comme un partenaire évident pour l’axe consacré à l’accès aux droits.

### Des signaux mal interprétés

Dès la première année, les rapports financiers ont été transmis avec retard et certaines dépenses étaient mal justifiées. Le service Afrique y a vu un problème administratif passager ; le programme Migrants, attaché à la qualité juridique du travail, n’a pas jugé nécessaire de s’en inquiéter. Aucun des deux chargés de mission ne s’est senti pleinement responsable de l’analyse organisationnelle du partenaire.

### La crise

En 2012, le départ conflictuel du directeur et d’une partie de l’équipe a révélé un déficit important et des tensions internes anciennes. Le conseil d’administration a suspendu plusieurs programmes. Le CCFD, comme d’autres bailleurs, a décidé de ne pas renouveler la convention, tout en soldant les engagements en cours.

### Les enseignements

Cet échec ne tient pas seulement au partenaire. Il montre qu’une double entrée mal coordonnée peut diluer les responsabilités : chacun suppose que l’autre surveille ce qui ne relève pas de sa compétence. Il rappelle aussi qu’une forte visibilité publique ne garantit pas la solidité interne d’une organisation. L’instruction aurait gagné à inclure un diagnostic organisationnel partagé, dont la responsabilité aurait été clairement attribuée.
""",
            },
            {
                "title": "Relier les deux rives du Limpopo : migrants zimbabwéens et organisations d’Harare",
                "country": "Zimbabwe",
                "partners": "Une association de migrants zimbabwéens installée à Johannesburg et une ONG de défense des droits humains basée à Harare",
                "period_start": 2012,
                "period_end": 2014,
                "summary": (
                    "Pour donner corps à la dimension régionale de la stratégie, le CCFD-Terre Solidaire a facilité "
                    "des échanges entre une association de migrants zimbabwéens en Afrique du Sud et une ONG "
                    "d’Harare. L’expérience a montré l’intérêt et les limites d’une approche par les routes migratoires."
                ),
                "body": """### Le point de départ

Les Zimbabwéens constituent la plus importante population migrante d’Afrique du Sud. Beaucoup ont fui la crise économique et politique des années 2000, sans toujours obtenir de statut légal. L’association partenaire, fondée par des migrants eux-mêmes, accompagnait ses membres dans les procédures de régularisation ouvertes en 2010 et défendait leurs droits au travail.

### Construire un lien avec le pays de départ

Le programme Migrants souhaitait relier cette association à des organisations au Zimbabwe, pour travailler sur l’information avant le départ, sur les retours et sur la situation des familles restées au pays. Une ONG d’Harare, déjà connue d’autres réseaux internationaux, a été identifiée. Deux rencontres ont été organisées, l’une à Johannesburg, l’autre à Harare, ainsi qu’un atelier sur les droits des migrants dans les textes de la Communauté de développement de l’Afrique australe.

### Des résultats modestes mais réels

Les deux organisations ont produit une brochure d’information commune diffusée dans les zones frontalières et porté ensemble des recommandations lors d’un forum régional de la société civile. L’association de migrants a gagné en reconnaissance et en capacité de plaidoyer.

### Les limites

Le contexte politique zimbabwéen rendait délicate toute prise de parole publique sur les causes des départs. Le service Afrique, qui ne suivait pas le Zimbabwe comme pays prioritaire, disposait de peu de moyens pour accompagner l’ONG d’Harare. La dimension régionale est restée dépendante du seul programme Migrants, ce qui en a limité la portée.
""",
            },
        ],
        "recommendations": [
            {
                "title": "Formaliser la répartition des rôles dans la double entrée",
                "body": """La coexistence de chargés de mission géographiques et thématiques est une richesse, à condition que chacun sache ce dont il est responsable. Nous recommandons qu’à l’ouverture de chaque partenariat suivi conjointement, une courte fiche précise qui assure l’analyse organisationnelle et financière, qui porte l’expertise sur les migrations, qui est l’interlocuteur principal du partenaire et comment les informations circulent. Cette fiche devrait être revue à chaque changement de personne, pour éviter la dilution des responsabilités observée dans certains partenariats sud-africains. Elle pourrait être partagée avec le partenaire lui-même, qui saurait ainsi à qui s’adresser selon la nature de ses questions.
""",
                "audience": "charges_de_mission",
                "case_studies": [0, 1],
            },
            {
                "title": "Piloter ensemble les budgets des stratégies communes",
                "body": """Une stratégie commune ne peut tenir si ses moyens dépendent d’arbitrages séparés dans chaque service. Nous recommandons à la direction du Partenariat international de doter les stratégies conjointes, comme celle conduite sur les migrations en Afrique du Sud, d’une enveloppe pluriannuelle identifiée et d’une instance de décision partagée entre le service géographique et le programme Migrants. Cette clarification budgétaire réduirait les tensions entre priorités continentales et ambitions thématiques, et donnerait aux partenaires une meilleure visibilité sur la durée de notre engagement.
""",
                "audience": "direction",
                "case_studies": [0, 2],
            },
            {
                "title": "Inclure un diagnostic organisationnel partagé dès l’instruction",
                "body": """La réputation publique d’un partenaire ne dit pas tout de sa solidité interne. Nous recommandons que l’instruction des nouveaux partenariats migrations comprenne un diagnostic de gouvernance et de gestion, conduit avec le partenaire lui-même et complété par des échanges avec les autres bailleurs. Ce diagnostic doit être actualisé chaque année et les signaux d’alerte – retards, départs, tensions internes – discutés ouvertement, afin de permettre un accompagnement adapté avant que la crise n’éclate. Lorsque deux chargés de mission suivent le même partenaire, l’un d’eux doit être explicitement désigné comme responsable de ce diagnostic.
""",
                "audience": "tous",
                "case_studies": [1],
            },
            {
                "title": "Donner toute sa place à la dimension régionale des migrations",
                "body": """Les migrations en Afrique australe se comprennent à l’échelle de la région : pays de départ, de transit et d’arrivée sont étroitement liés. Nous invitons les partenaires sud-africains à associer davantage les organisations des pays d’origine à leurs réflexions et à leur plaidoyer, notamment auprès des instances régionales. De son côté, le CCFD devrait mobiliser les services géographiques concernés pour que ces liens ne reposent pas sur le seul programme Migrants, et soutenir des échanges durables entre organisations de migrants des différents pays.
""",
                "audience": "partenaires",
                "case_studies": [2],
            },
        ],
        "questions": [
            {
                "title": "La double entrée géographique et thématique est-elle transposable à d’autres enjeux que les migrations ?",
                "body": "L’expérience sud-africaine montre à la fois l’intérêt et le coût de la coordination entre services. D’autres thèmes transversaux, comme le climat ou la responsabilité des entreprises, pourraient-ils bénéficier du même dispositif ?",
            },
            {
                "title": "Quelle valeur ajoutée un partenaire européen aux moyens modestes peut-il apporter dans un pays doté d’une société civile déjà très financée ?",
                "body": "En Afrique du Sud, les organisations les plus solides disposaient de bailleurs plus importants que le CCFD. Faut-il alors privilégier les associations de migrants plus fragiles, ou miser sur la mise en réseau et le plaidoyer ?",
            },
            {
                "title": "Comment mieux faire entendre les migrations Sud-Sud dans le débat public européen ?",
                "body": "La majorité des migrants africains se déplacent à l’intérieur du continent, mais le débat en Europe reste centré sur les arrivées méditerranéennes. Comment nos partenariats en Afrique du Sud peuvent-ils nourrir un autre récit ?",
            },
        ],
    },
]
