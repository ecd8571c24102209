"""Contenu de démonstration : dossiers de capitalisation (première partie).

Textes rédigés pour la démonstration à partir des thèmes, périodes et
questions des dossiers publiés ; les détails (partenaires, chiffres, lieux
précis) sont génériques ou fictifs.
"""

DOSSIERS: list[dict] = [
    # ------------------------------------------------------------------
    # 1. Stratégie de partenariat avec les sociétés civiles africaines
    # ------------------------------------------------------------------
    {
        "slug": "strategie-partenariat-societes-civiles-africaines",
        "title": "Accompagner les sociétés civiles africaines : dix ans de stratégie partenariale (2000-2010)",
        "summary": (
            "Ce dossier revient sur la manière dont le CCFD-Terre Solidaire a conduit ses partenariats "
            "avec les sociétés civiles africaines entre 2000 et 2010. Il distingue trois grandes périodes, "
            "du recentrage des financements à l’essor de programmes pluri-acteurs tournés vers le plaidoyer, "
            "et les illustre par des exemples concrets. Il analyse ensuite la façon dont l’équipe permanente "
            "a interprété et traduit en actes les orientations de l’association, puis examine l’évolution des "
            "pratiques d’accompagnement : appui institutionnel, formation, mise en relation, contractualisation. "
            "Des recommandations et des questions ouvertes concluent la réflexion."
        ),
        "body": """## Pourquoi revenir sur une décennie de partenariats africains

Entre 2000 et 2010, le portefeuille de partenaires du service Afrique du CCFD-Terre Solidaire s’est profondément transformé. Au début de la décennie, l’essentiel de nos soutiens allait encore à des projets ponctuels, portés par des associations locales souvent issues de l’Église ou de mouvements d’action catholique, et retenus au fil des demandes reçues. Dix ans plus tard, nous accompagnions des fédérations, des plateformes nationales et des réseaux sous-régionaux, avec des engagements pluriannuels et une ambition affichée : contribuer à l’émergence de sociétés civiles capables de peser sur les politiques publiques.

Ce dossier ne prétend pas dresser un bilan exhaustif. Il cherche plutôt à rendre lisibles les choix, souvent implicites, qui ont guidé l’équipe pendant cette période. Nous avons relu les documents d’orientation, les rapports de mission et les fiches de suivi, puis interrogé une dizaine de chargés de mission, anciens et actuels, ainsi que plusieurs responsables d’organisations partenaires. Le propos se veut critique : il s’agit moins de valoriser ce qui a été fait que de comprendre comment nous avons travaillé, pour mieux décider de la suite.

## Trois temps dans l’évolution de nos stratégies

### 2000-2003 : sortir de la logique de guichet

Les premières années sont marquées par un constat largement partagé : la dispersion de nos financements limite notre impact et nous enferme dans un rôle de bailleur. Les orientations adoptées alors invitent à concentrer les moyens sur un nombre réduit de pays et de partenaires, et à privilégier les organisations dotées d’une base sociale réelle. Concrètement, plusieurs dizaines de petits soutiens sont progressivement arrêtés, non sans tensions avec des partenaires historiques qui vivent ce recentrage comme un désengagement.

### 2004-2007 : miser sur les dynamiques collectives

La deuxième période voit l’équipe encourager les regroupements : unions paysannes, coordinations d’ONG, collectifs de défense des droits. L’hypothèse sous-jacente est que la force d’une société civile tient à sa capacité à parler d’une seule voix. Au Burkina Faso comme au Cameroun, nous finançons des rencontres, des diagnostics organisationnels et des postes d’animation au sein de structures faîtières. Cette stratégie produit des résultats visibles, mais elle fait aussi naître des organisations de second niveau parfois éloignées de leur base.

### 2008-2010 : programmes pluri-acteurs et plaidoyer

En fin de décennie, l’accent se déplace vers des programmes construits autour d’un enjeu (souveraineté alimentaire, gouvernance des ressources naturelles, transparence budgétaire) et associant plusieurs partenaires d’un même pays ou de pays voisins. Le plaidoyer, national et international, devient un axe à part entière. Ce passage exige des compétences nouvelles, tant chez nos partenaires qu’au sein de l’équipe.

## L’équipe permanente face aux orientations institutionnelles

Les orientations stratégiques sont adoptées par les instances de l’association ; leur traduction concrète revient aux chargés de mission. Notre relecture montre que cette traduction n’a rien de mécanique. Chacun a interprété les textes à partir de sa connaissance des terrains, de son parcours et des relations nouées avec les partenaires. Trois postures se dégagent des entretiens :

- le **gestionnaire de portefeuille**, attentif à la cohérence des financements et au respect des engagements contractuels ;
- le **compagnon de route**, engagé dans le débat politique avec ses interlocuteurs et attentif à leur projet de société ;
- le **facilitateur**, soucieux de créer des liens entre organisations et de faire circuler les expériences.

Ces postures ne s’excluent pas, mais leur coexistence a produit des pratiques hétérogènes d’un pays à l’autre. L’équipe a manqué d’espaces pour confronter ces manières de faire : les réunions de service étaient largement absorbées par l’instruction des dossiers et les arbitrages budgétaires. La charge de travail, avec parfois plus de trente partenaires suivis par une seule personne, a aussi pesé sur la qualité du dialogue.

> « On nous demandait de faire du dialogue politique, mais le temps passait à relire des budgets. » (un ancien chargé de mission Afrique de l’Ouest)

## Des pratiques d’accompagnement en mutation

Sur la décennie, l’accompagnement s’est enrichi. Au financement de projets se sont ajoutés l’appui institutionnel (salaires, fonctionnement, équipement), le financement d’évaluations et d’études, la prise en charge de formations, les échanges entre partenaires et l’invitation de responsables africains en France, notamment auprès des équipes bénévoles du réseau. Le dialogue lors des missions de terrain reste cependant le cœur du métier : c’est là que se négocient les priorités, que s’expriment les désaccords et que se construit la confiance.

Trois évolutions méritent d’être soulignées. D’abord, la relation s’est davantage **contractualisée** : conventions pluriannuelles, cadres logiques, indicateurs. Cette formalisation a clarifié les engagements, mais elle a parfois déplacé la discussion vers la conformité des rapports plutôt que vers le sens de l’action. Ensuite, nous avons appris à **appuyer l’organisation elle-même** et pas seulement ses activités, ce qui suppose d’accepter de financer des dépenses peu visibles. Enfin, la question de la **sortie du partenariat** s’est imposée : comment se retirer sans fragiliser une structure que nous avons contribué à faire grandir ?

## Ce que nous retenons

La décennie 2000-2010 a permis au CCFD de passer d’une logique de soutien à des projets à une logique d’accompagnement d’acteurs. Ce déplacement est réel, mais il reste inachevé. Il repose encore trop sur les qualités individuelles des chargés de mission et trop peu sur des méthodes partagées. Les trois études de cas qui suivent, au Burkina Faso, au Cameroun et au Mali, illustrent ces tensions ; les recommandations proposent quelques pistes pour les dépasser, en direction de l’équipe, de la direction et des partenaires eux-mêmes.""",
        "author_names": ["Équipe Afrique de la Direction du partenariat international"],
        "authors": ["awa.diallo@example.org"],
        "period_start": 2000,
        "period_end": 2010,
        "published_on": "2012-03-15",
        "regions": ["afrique-subsaharienne"],
        "themes": ["strategie-partenariale", "societes-civiles"],
        "tags": [
            "partenariat",
            "sociétés civiles africaines",
            "accompagnement",
            "appui institutionnel",
            "renforcement des capacités",
        ],
        "case_studies": [
            {
                "title": "D’un saupoudrage de microprojets à l’appui institutionnel d’une fédération paysanne",
                "country": "Burkina Faso",
                "partners": "Une fédération paysanne régionale de l’ouest du Burkina Faso et ses unions départementales",
                "period_start": 2001,
                "period_end": 2010,
                "summary": (
                    "Au début des années 2000, le CCFD soutenait séparément une dizaine de groupements villageois. "
                    "Ce soutien dispersé a été réorienté en quelques années vers la fédération qui les regroupe, "
                    "avec un appui institutionnel pluriannuel et un accompagnement sur la gouvernance interne."
                ),
                "body": """### Contexte

En 2001, nos financements dans la région prenaient la forme de petites subventions accordées à des groupements pour des moulins, des magasins de stockage ou des sessions d’alphabétisation. Chaque demande était instruite séparément, et les groupements ignoraient souvent qu’ils étaient soutenus par le même partenaire du Nord. Le suivi, réduit à des rapports financiers sommaires, ne permettait guère de savoir ce que ces soutiens changeaient réellement.

### Ce qui a été fait

À partir de 2003, le chargé de mission propose aux groupements de passer par leur fédération, alors peu structurée. Une convention de trois ans, renouvelée une fois, finance un secrétariat permanent, deux animateurs et des sessions de formation des élus. Un diagnostic organisationnel, conduit par un consultant burkinabè, sert de base au dialogue et permet de fixer des priorités communes. En 2007, la fédération porte pour la première fois une position collective sur les prix des céréales devant les autorités régionales, et elle est invitée à siéger dans un cadre de concertation sur la sécurité alimentaire.

### Enseignements

L’appui institutionnel a nettement renforcé la capacité de la fédération à représenter ses membres. Mais il a aussi déplacé le centre de gravité vers les salariés du secrétariat, au détriment des élus paysans. Les groupements les plus éloignés se sont sentis dépossédés de décisions qui les concernaient directement. Il a fallu, en fin de période, réintroduire des fonds gérés par les unions départementales pour rééquilibrer la relation entre la base et la structure faîtière. Le cas montre qu’un appui à l’organisation modifie toujours ses équilibres internes, et que ces effets doivent être discutés ouvertement avec le partenaire.""",
            },
            {
                "title": "Une veille citoyenne sur les budgets communaux",
                "country": "Cameroun",
                "partners": "Un réseau d’associations de développement local et un centre diocésain de formation",
                "period_start": 2005,
                "period_end": 2010,
                "summary": (
                    "Dans le cadre de la décentralisation, un réseau d’associations a été accompagné pour suivre "
                    "l’élaboration et l’exécution des budgets de plusieurs communes. Le cas éclaire le passage d’un "
                    "appui à des réalisations de développement vers un soutien à l’interpellation des pouvoirs publics."
                ),
                "body": """### Contexte

Les lois de décentralisation adoptées au milieu des années 2000 transfèrent de nouvelles compétences aux communes, sans que les habitants disposent d’informations sur l’usage des fonds publics. Plusieurs partenaires du CCFD, jusque-là centrés sur l’hydraulique villageoise ou la santé communautaire, constatent que la pérennité de leurs réalisations dépend de décisions municipales qui leur échappent entièrement.

### Ce qui a été fait

Le CCFD finance d’abord une série d’ateliers de formation sur le budget communal, animés par un centre diocésain, puis la constitution d’un réseau regroupant sept associations réparties dans deux régions. Des comités d’habitants assistent aux sessions du conseil municipal, collectent les documents budgétaires et publient des synthèses simplifiées, lues et commentées à la radio communautaire. Le chargé de mission facilite une rencontre avec une ONG d’un pays voisin ayant conduit une démarche comparable, ce qui aide le réseau à affiner ses méthodes et à éviter certaines erreurs.

### Enseignements

La démarche a changé le regard de plusieurs élus locaux, qui ont accepté d’ouvrir leurs comptes et d’organiser des réunions publiques de restitution. Elle a aussi exposé certains animateurs à des pressions, voire à des menaces à peine voilées de la part d’autorités mises en cause. L’équipe a pris conscience qu’un appui au plaidoyer local engage une responsabilité particulière : celle d’évaluer les risques avec le partenaire et de ne pas l’encourager à prendre des positions que nous ne serions pas prêts à assumer avec lui. Le passage du projet à l’interpellation suppose un accompagnement plus étroit, et non plus distant.""",
            },
            {
                "title": "Former une nouvelle génération de responsables associatifs",
                "country": "Mali",
                "partners": "Un centre de formation sous-régional basé à Bamako et des organisations membres au Mali, au Niger et au Sénégal",
                "period_start": 2006,
                "period_end": 2010,
                "summary": (
                    "Face au vieillissement des dirigeants de nombreuses organisations partenaires, le CCFD a soutenu "
                    "un cycle de formation sous-régional destiné à de jeunes responsables. Le cas interroge la place "
                    "de la formation dans l’accompagnement et la difficulté d’en mesurer les effets sur les organisations."
                ),
                "body": """### Contexte

Au milieu de la décennie, plusieurs partenaires ouest-africains traversent des crises de succession. Les fondateurs, souvent charismatiques, ont porté leur organisation pendant une vingtaine d’années ; leur départ laisse un vide que personne n’a été préparé à combler. Dans certains cas, la structure se fragmente, dans d’autres elle se fige autour d’une direction vieillissante.

### Ce qui a été fait

Avec un centre de formation malien, le CCFD co-construit un parcours de dix-huit mois alternant sessions collectives, stage dans une organisation d’un autre pays et accompagnement individuel par un tuteur. Trois promotions, soit une soixantaine de participants, suivent le cycle. Les modules portent sur l’analyse des politiques publiques, la gestion associative, la communication et le plaidoyer. Chaque participant conduit un projet d’application au sein de son organisation d’origine.

### Enseignements

Les évaluations montrent un effet réel sur la confiance et les compétences des participants, ainsi que la naissance d’un réseau informel entre jeunes responsables, qui perdure au-delà du programme. En revanche, l’effet sur les organisations d’origine est très inégal : certaines ont confié de nouvelles responsabilités aux jeunes formés, d’autres les ont perçus comme des concurrents et ont freiné leurs initiatives. Le CCFD a sous-estimé le travail de préparation nécessaire avec les dirigeants en place. La formation des personnes ne suffit pas : elle doit s’inscrire dans une réflexion de l’organisation elle-même sur son renouvellement.""",
            },
        ],
        "recommendations": [
            {
                "title": "Expliciter les postures d’accompagnement au sein de l’équipe",
                "body": """Gestionnaire de portefeuille, compagnon de route, facilitateur : chaque chargé de mission combine ces postures à sa manière, souvent sans le dire. Nous proposons d’en faire un objet de discussion régulier en équipe, par exemple lors de l’arrivée d’un nouveau collègue ou de la préparation des stratégies pays.

Il ne s’agit pas d’uniformiser les pratiques, mais de rendre lisibles les choix de chacun et de distinguer ce qui relève d’une orientation de l’association de ce qui relève d’un style personnel. Des binômes entre chargés de mission de zones différentes, avec quelques missions croisées, permettraient aussi de confronter les manières de faire et de réduire la dépendance de la relation partenariale à une seule personne.""",
                "audience": "charges_de_mission",
                "case_studies": [0, 2],
            },
            {
                "title": "Associer tout appui institutionnel à un dialogue sur la gouvernance",
                "body": """L’appui institutionnel est l’un des acquis majeurs de la décennie. Mais financer un secrétariat permanent ou des salaires modifie l’équilibre interne d’une organisation : l’expérience burkinabè montre que ce type de soutien peut renforcer les salariés au détriment des élus et des membres.

Nous recommandons d’accompagner systématiquement tout appui institutionnel d’un dialogue explicite sur la gouvernance : qui décide, comment les membres sont informés, quelle place est faite aux femmes et aux jeunes. Ce dialogue peut s’appuyer sur un diagnostic organisationnel partagé, revu à mi-parcours, plutôt que sur les seuls indicateurs d’activité.""",
                "audience": "charges_de_mission",
                "case_studies": [0],
            },
            {
                "title": "Alléger les portefeuilles pour préserver la qualité du dialogue",
                "body": """La qualité de l’accompagnement dépend du temps que le chargé de mission peut consacrer à chaque partenaire. Avec plus de trente organisations suivies, une mission annuelle et l’instruction des rapports absorbent l’essentiel de ce temps ; le dialogue politique devient l’exception.

Nous recommandons à la direction de fixer un ordre de grandeur raisonnable pour la taille des portefeuilles, quitte à réduire le nombre de partenaires ou à confier certains suivis à des relais locaux de confiance. Ce choix suppose d’assumer que la concentration des moyens est aussi une condition de la qualité du partenariat, et pas seulement une mesure d’efficience budgétaire.""",
                "audience": "direction",
                "case_studies": [],
            },
            {
                "title": "Évaluer ensemble les risques liés au plaidoyer local",
                "body": """Encourager un partenaire à interpeller ses autorités, c’est l’exposer. L’expérience camerounaise montre que les pressions sur les animateurs peuvent être bien réelles, même en l’absence de conflit ouvert.

Nous proposons que tout soutien à une démarche de plaidoyer local comprenne un temps d’analyse des risques conduit avec le partenaire : quels acteurs peuvent se sentir menacés, quelles protections existent, quel appui le CCFD peut apporter en cas de difficulté. Cette analyse doit aussi être partagée avec les équipes bénévoles qui accueillent les partenaires en France, afin que la communication publique ne mette personne en danger.""",
                "audience": "tous",
                "case_studies": [1],
            },
            {
                "title": "Préparer les transitions de direction et les fins de partenariat",
                "body": """Les crises de succession et les sorties de partenariat sont deux moments où l’accompagnement est le plus nécessaire et le moins outillé. Nous invitons les organisations partenaires à anticiper ces transitions avec nous : identifier les futurs responsables, les associer progressivement aux échanges avec le CCFD, diversifier leurs sources de financement bien avant l’échéance d’une convention.

De notre côté, nous nous engageons à annoncer suffisamment tôt nos intentions, à prévoir une phase de retrait dégressive et à faciliter la mise en relation avec d’autres soutiens financiers. Une fin de partenariat bien préparée peut être le signe d’une réussite plutôt que d’un abandon.""",
                "audience": "partenaires",
                "case_studies": [2, 0],
            },
        ],
        "questions": [
            {
                "title": "Comment concilier contractualisation et dialogue politique avec les partenaires ?",
                "body": (
                    "Les conventions pluriannuelles, les cadres logiques et les indicateurs ont clarifié les engagements "
                    "de chacun. Ils tendent pourtant à orienter les échanges vers la conformité des rapports plutôt que "
                    "vers le sens de l’action."
                ),
            },
            {
                "title": "Jusqu’où faut-il encourager la structuration des sociétés civiles en fédérations et en réseaux ?",
                "body": (
                    "Les regroupements donnent du poids aux organisations face aux pouvoirs publics. Ils peuvent aussi "
                    "produire des structures éloignées de leur base et dépendantes de financements extérieurs."
                ),
            },
            {
                "title": "Comment se retirer d’un partenariat sans fragiliser l’organisation que l’on a aidée à grandir ?",
                "body": (
                    "La question de la sortie s’est imposée en fin de décennie, souvent sous la contrainte budgétaire. "
                    "Elle est encore rarement pensée dès le début de la relation."
                ),
            },
        ],
    },
    # ------------------------------------------------------------------
    # 2. Appui aux acteurs de l’économie sociale et solidaire
    # ------------------------------------------------------------------
    {
        "slug": "appui-economie-sociale-et-solidaire",
        "title": "Appuyer les acteurs de l’économie sociale et solidaire : des pratiques riches, une approche à préciser",
        "summary": (
            "Le soutien aux initiatives économiques fait partie de l’histoire du CCFD-Terre Solidaire. Depuis 1999, "
            "l’association appuie explicitement des acteurs de l’économie sociale et solidaire : petits acteurs "
            "économiques, organisations engagées dans les filières agricoles, réseaux nationaux et internationaux, "
            "campagnes de plaidoyer. Ces pratiques se sont étoffées, mais la manière dont nous concevons l’ESS reste "
            "floue. Après un retour sur notre trajectoire partenariale, ce dossier s’appuie sur quatre études de cas "
            "pour repérer les forces et les angles morts de notre accompagnement, puis propose des critères et des "
            "recommandations pour le rendre plus cohérent."
        ),
        "body": """## Une longue pratique, une doctrine encore floue

Parmi les domaines d’intervention du CCFD-Terre Solidaire, l’appui aux initiatives économiques est l’un des plus anciens. Bien avant que l’expression « économie sociale et solidaire » ne se diffuse, nous soutenions des coopératives agricoles, des caisses d’épargne villageoises, des ateliers artisanaux ou des groupements de commercialisation. Depuis 1999, date à laquelle l’association a inscrit explicitement ce champ dans ses orientations, les soutiens se sont multipliés et diversifiés.

Pourtant, lorsque l’on interroge l’équipe sur ce qu’elle entend par ESS, les réponses divergent. Pour certains, il s’agit d’abord de générer des revenus pour les plus pauvres ; pour d’autres, de construire une alternative au modèle économique dominant ; pour d’autres encore, d’un secteur d’activité parmi d’autres, que l’on soutient lorsque les partenaires le demandent. Ce flou n’est pas seulement une affaire de vocabulaire. Il rend difficile l’arbitrage entre des demandes de nature très différente, il complique le dialogue avec les partenaires et il empêche de tirer des enseignements transversaux. Ce dossier cherche à clarifier notre approche en partant de ce que nous faisons réellement, plutôt que de ce que nous affirmons.

## Brève trajectoire partenariale

Dans les années 1970 et 1980, le soutien économique passe surtout par des projets communautaires : moulins, périmètres irrigués, boutiques villageoises. L’objectif est d’améliorer les conditions de vie, sans théorie économique explicite. Les années 1990 voient l’essor du microcrédit, que le CCFD accompagne avec prudence, en privilégiant les structures mutualistes contrôlées par leurs membres plutôt que les institutions financières à vocation commerciale.

À partir de 1999, et plus encore après les premiers forums sociaux mondiaux, l’économie sociale et solidaire devient une référence politique. Elle est présentée comme un moyen de démocratiser l’économie et de replacer l’échange marchand dans des rapports sociaux plus justes. Cette évolution du discours n’a toutefois pas été suivie d’une révision systématique de nos outils : nous continuons à instruire et à suivre les soutiens économiques avec les mêmes grilles que les autres projets.

## Quatre registres d’intervention

### Les petits acteurs économiques

Groupements de producteurs, artisans, femmes transformatrices, petites entreprises collectives : nos soutiens portent sur l’équipement, le fonds de roulement et la formation à la gestion. La difficulté récurrente est de dépasser la survie économique, car beaucoup de ces initiatives restent fragiles et dépendantes de subventions.

### Les filières agricoles

Depuis le milieu des années 2000, nous appuyons des organisations qui cherchent à maîtriser une part plus importante de la valeur ajoutée dans des filières agricoles comme le café, le cacao, le riz, le karité ou le lait. L’enjeu est d’organiser la collecte, la transformation et la commercialisation pour que les producteurs ne soient plus de simples fournisseurs de matière première. Ces appuis exigent une expertise technique et commerciale que le CCFD ne possède pas toujours en interne.

### La mise en réseau des acteurs

Nous finançons des rencontres nationales et régionales, des réseaux d’organisations, des échanges entre coopératives de continents différents. La mise en réseau est souvent présentée comme une valeur ajoutée propre au CCFD ; elle est pourtant rarement évaluée.

### Le plaidoyer international

Enfin, nous soutenons des réseaux qui défendent, dans les instances internationales, la reconnaissance de l’ESS, la régulation des marchés agricoles ou l’accès des petits producteurs aux financements publics. Ce registre est le plus politique et, paradoxalement, le plus éloigné des réalités quotidiennes des producteurs.

## Ce que les études de cas nous apprennent

Les quatre cas analysés, au Pérou, au Mali, aux Philippines et au Brésil, couvrent ces différents registres. Ils montrent d’abord que les réussites reposent sur des organisations disposant d’une base sociale solide et d’une gouvernance démocratique réelle : la dimension sociale de l’économie n’est pas un supplément d’âme, elle conditionne la durabilité économique.

Ils montrent aussi que les registres s’articulent mal. Les petits producteurs participent rarement aux espaces de plaidoyer qui parlent en leur nom, et les réseaux internationaux peinent à faire remonter les réalités des filières. Enfin, ils révèlent une tension entre viabilité économique et objectifs sociaux : pour tenir sur un marché concurrentiel, une coopérative peut être tentée d’écarter ses membres les plus pauvres, ceux-là mêmes que nous voulions soutenir.

## Vers une approche plus explicite

Plutôt que de chercher une définition unique de l’économie sociale et solidaire, nous proposons de retenir quelques critères qui orientent nos choix :

1. une **gouvernance démocratique** effective, au-delà des statuts ;
2. une **répartition équitable de la valeur** créée entre les membres ;
3. un **ancrage territorial**, qui relie l’activité économique à la vie locale ;
4. une **capacité d’interpellation** des politiques publiques.

Ces critères permettent de dialoguer avec les partenaires sur leurs propres pratiques sans leur imposer un modèle. Ils supposent aussi que le CCFD se dote de compétences complémentaires, par des alliances avec des organisations spécialisées dans le financement et l’appui technique, plutôt que de prétendre tout faire seul. Les recommandations qui suivent déclinent ces orientations.""",
        "author_names": ["Groupe de travail Économie sociale et solidaire de la DPI"],
        "authors": ["julien.bernard@example.org"],
        "period_start": 1999,
        "period_end": 2012,
        "published_on": "2013-06-20",
        "regions": ["transversal", "amerique-latine", "afrique-subsaharienne", "asie"],
        "themes": ["economie-sociale-solidaire", "strategie-partenariale", "plaidoyer"],
        "tags": [
            "économie sociale et solidaire",
            "filières agricoles",
            "mise en réseau",
            "plaidoyer international",
            "coopératives",
        ],
        "case_studies": [
            {
                "title": "Une centrale caféière à la conquête de sa filière",
                "country": "Pérou",
                "partners": "Une centrale de coopératives de petits producteurs de café du nord du Pérou (nom fictif : Central Café Andino)",
                "period_start": 2001,
                "period_end": 2011,
                "summary": (
                    "En dix ans, une centrale de coopératives caféières est passée de la vente de grains à des "
                    "intermédiaires à l’exportation directe vers les réseaux de commerce équitable. Le CCFD a soutenu "
                    "sa structuration, sans toujours mesurer les tensions internes que ce succès a provoquées."
                ),
                "body": """### Contexte

Au début des années 2000, les producteurs de café de la région vendent leur récolte à des intermédiaires qui fixent les prix à leur guise. L’effondrement des cours mondiaux pousse plusieurs coopératives locales à se regrouper au sein d’une centrale pour commercialiser ensemble et négocier de meilleures conditions.

### L’appui du CCFD

Le CCFD finance d’abord la formation de techniciens en qualité et en certification biologique, puis un fonds de préfinancement de la récolte, géré en lien avec une institution européenne de finance solidaire. Des rencontres sont organisées avec des importateurs de commerce équitable, et la centrale participe à plusieurs salons professionnels. Le chargé de mission suit de près les résultats commerciaux, qui progressent rapidement.

### Résultats et limites

En 2011, la centrale exporte directement la majeure partie de sa production et verse à ses membres un prix sensiblement supérieur à celui du marché local. Elle a aussi développé des services techniques appréciés des producteurs. Mais la professionnalisation a creusé l’écart entre les cadres salariés et les membres ; les assemblées générales sont devenues des chambres d’enregistrement. Les plus petits producteurs, incapables de respecter les nouvelles exigences de qualité, ont progressivement quitté les coopératives de base. Centré sur les volumes et les prix, le CCFD a tardé à poser la question de la gouvernance et de l’inclusion. Le cas illustre la tension entre réussite économique et projet social au cœur de l’économie sociale et solidaire.""",
            },
            {
                "title": "Les transformatrices de karité : du groupement à l’union",
                "country": "Mali",
                "partners": "Une union de groupements de femmes productrices de beurre de karité de la région de Sikasso, appuyée par une ONG malienne",
                "period_start": 2003,
                "period_end": 2012,
                "summary": (
                    "Des groupements de femmes transformant les amandes de karité se sont fédérés pour améliorer la "
                    "qualité de leur beurre et négocier avec les acheteurs. L’expérience montre l’intérêt d’un appui "
                    "patient aux petites structures économiques, mais aussi la difficulté d’accéder à des marchés stables."
                ),
                "body": """### Contexte

Dans le sud du Mali, la transformation du karité est une activité exclusivement féminine, pénible et peu rémunérée. Les femmes vendent le beurre sur les marchés locaux, à des prix très variables selon la saison, ou cèdent les amandes brutes à des commerçants qui captent l’essentiel de la valeur.

### L’appui du CCFD

Par l’intermédiaire d’une ONG malienne partenaire, le CCFD soutient l’équipement des groupements (presses, barattes, foyers améliorés), des formations à l’hygiène et au contrôle de la qualité, puis la création d’une union chargée de la commercialisation collective. Un magasin de stockage permet de vendre en dehors des périodes de prix bas. Des échanges sont organisés avec des groupements burkinabè plus avancés dans la filière.

### Résultats et limites

Les revenus des femmes ont augmenté de manière significative et leur place dans les instances villageoises s’est affirmée ; plusieurs responsables de l’union siègent désormais dans des cadres de concertation communaux. L’union a signé un contrat avec un acheteur de l’industrie cosmétique, mais ce débouché est instable et impose des volumes difficiles à garantir. La dépendance à un client unique fragilise l’ensemble de la structure. Par ailleurs, l’appui a peu traité la question de l’accès des femmes aux parcs à karité, dont le contrôle foncier reste masculin. Une filière ne se réduit pas à la transformation et à la vente : elle commence avec l’accès à la ressource.""",
            },
            {
                "title": "Construire un réseau national de l’économie solidaire",
                "country": "Philippines",
                "partners": "Un réseau philippin d’organisations d’économie sociale regroupant coopératives rurales, mutuelles de santé et entreprises sociales",
                "period_start": 2005,
                "period_end": 2012,
                "summary": (
                    "Le CCFD a accompagné la naissance d’un réseau national réunissant coopératives, mutuelles et "
                    "entreprises sociales. Le cas montre la valeur d’un espace de mise en réseau, mais pose la question "
                    "de son utilité concrète pour les membres les plus modestes."
                ),
                "body": """### Contexte

Le paysage philippin de l’économie sociale est riche mais morcelé : coopératives rurales issues de la réforme agraire, mutuelles de santé communautaires, entreprises sociales urbaines, institutions de microfinance d’inspiration associative. Ces acteurs se connaissent peu, se concurrencent parfois et n’ont pas de voix commune face aux autorités.

### L’appui du CCFD

Le CCFD finance les premières assises nationales, puis le secrétariat du réseau pendant cinq ans. Il soutient la réalisation d’une cartographie des initiatives, qui met en évidence leur poids économique insoupçonné, et la participation de délégués à des rencontres régionales en Asie. Un échange est organisé avec des acteurs français de l’ESS, autour des questions de statut juridique et de financement.

### Résultats et limites

Le réseau est aujourd’hui reconnu comme interlocuteur par plusieurs administrations et a contribué à la rédaction d’une proposition de loi sur l’économie sociale. C’est un acquis important. Mais ses membres les plus petits y voient surtout un lieu de discussion, sans retombée tangible sur leur activité. Les services concrets (formation, accès au financement, débouchés commerciaux) restent embryonnaires, et les coopératives rurales se sentent moins écoutées que les entreprises sociales urbaines, plus à l’aise dans les débats. La mise en réseau n’est pas une fin en soi : elle doit être pensée à partir des besoins des membres et évaluée comme telle.""",
            },
            {
                "title": "Porter l’économie solidaire dans les espaces internationaux",
                "country": "Brésil",
                "partners": "Un forum brésilien d’économie solidaire et un réseau intercontinental de promotion de l’ESS",
                "period_start": 2001,
                "period_end": 2012,
                "summary": (
                    "Depuis les premiers forums sociaux mondiaux, le CCFD soutient des acteurs brésiliens et un réseau "
                    "intercontinental engagés pour la reconnaissance politique de l’économie solidaire. Le cas interroge "
                    "l’articulation entre plaidoyer international et réalités des initiatives de base."
                ),
                "body": """### Contexte

Au Brésil, l’économie solidaire s’est structurée au début des années 2000 en véritable mouvement social, avec un forum national, des réseaux locaux et une reconnaissance institutionnelle au niveau fédéral. Cette expérience a inspiré de nombreux acteurs dans d’autres pays, en Amérique latine comme en Afrique et en Europe.

### L’appui du CCFD

Le CCFD finance la participation d’acteurs brésiliens aux rencontres internationales, la production de documents de positionnement et le fonctionnement d’un réseau intercontinental. Il mobilise aussi ses propres équipes de plaidoyer, en France et à Bruxelles, pour relayer certaines propositions sur le financement public de l’ESS et sur la régulation des marchés agricoles.

### Résultats et limites

Le plaidoyer a contribué à faire entrer l’économie sociale et solidaire dans le vocabulaire de plusieurs institutions internationales et de certaines agences de coopération. Mais ses effets concrets sur les politiques publiques restent difficiles à mesurer. Les porte-parole internationaux sont souvent des universitaires ou des cadres d’ONG ; les coopératives de base y sont peu représentées et connaissent mal les positions défendues en leur nom. Les évolutions politiques brésiliennes ont par ailleurs montré la fragilité d’une reconnaissance institutionnelle qui dépend largement de la volonté des gouvernements en place. Le cas invite à relier davantage le plaidoyer aux organisations engagées dans les filières agricoles et l’artisanat.""",
            },
        ],
        "recommendations": [
            {
                "title": "Se doter de critères partagés pour qualifier l’ESS",
                "body": """Plutôt qu’une définition théorique, nous proposons d’adopter quatre critères pour orienter l’instruction des demandes et le dialogue avec les partenaires : une gouvernance démocratique effective, une répartition équitable de la valeur créée, un ancrage territorial et une capacité d’interpellation des pouvoirs publics.

Ces critères ne doivent pas servir de grille de sélection rigide, mais de support de discussion. Ils permettraient de rendre comparables des soutiens aujourd’hui très disparates et de mieux expliquer, en interne comme auprès du réseau bénévole, ce que le CCFD entend par économie sociale et solidaire. Leur adoption relève de la direction, après consultation des équipes et de quelques partenaires.""",
                "audience": "direction",
                "case_studies": [0, 2],
            },
            {
                "title": "Faire de la gouvernance un objet explicite de l’accompagnement",
                "body": """Les cas péruvien et malien montrent que la réussite commerciale peut s’accompagner d’un affaiblissement de la participation des membres. Les chargés de mission suivent surtout les volumes, les prix et les chiffres d’affaires ; ils interrogent moins le fonctionnement des assemblées, le renouvellement des élus ou la place des plus petits producteurs.

Nous recommandons d’intégrer ces questions à chaque mission de suivi et aux rapports demandés aux partenaires, avec quelques indicateurs simples : participation aux assemblées, proportion de femmes parmi les élus, évolution du nombre de membres actifs.""",
                "audience": "charges_de_mission",
                "case_studies": [0, 1],
            },
            {
                "title": "Mobiliser des compétences techniques par des alliances",
                "body": """L’appui aux filières agricoles exige des compétences en qualité, en gestion financière, en négociation commerciale et en accès aux marchés que le CCFD ne peut pas développer seul. Plutôt que de recruter des spécialistes, nous recommandons de nouer des alliances durables avec des organisations de finance solidaire, des réseaux de commerce équitable et des structures d’appui technique, en France et dans les pays partenaires.

Le CCFD y apporterait sa connaissance des acteurs et sa capacité d’accompagnement politique ; ses alliés, leur expertise économique. Ces alliances doivent être formalisées, avec un partage clair des rôles et des modalités de coordination.""",
                "audience": "direction",
                "case_studies": [0, 1],
            },
            {
                "title": "Relier les filières agricoles au plaidoyer international",
                "body": """Les réseaux qui portent l’ESS dans les espaces internationaux et les organisations actives dans les filières agricoles communiquent peu. Pourtant, les difficultés des transformatrices de karité ou des producteurs de café (instabilité des prix, dépendance envers quelques acheteurs, accès au foncier) sont exactement celles dont traitent les documents de plaidoyer.

Nous proposons de financer la participation de représentants de base aux rencontres internationales, de soutenir la production d’études de cas par les organisations elles-mêmes et d’organiser des temps de restitution dans les pays. Chacun, au CCFD comme chez les partenaires, a un rôle à jouer pour faire circuler l’information dans les deux sens.""",
                "audience": "tous",
                "case_studies": [1, 3],
            },
            {
                "title": "Penser la mise en réseau à partir des besoins des membres",
                "body": """Un réseau ne vit que s’il rend des services concrets à ceux qui le composent. L’expérience philippine montre qu’un réseau reconnu par les autorités peut rester lointain pour les petites coopératives qui en sont membres.

Nous invitons les réseaux partenaires à faire régulièrement le point avec leurs membres sur ce qu’ils attendent : formation, accès au crédit, débouchés commerciaux, représentation politique. Le CCFD, de son côté, doit accepter de financer ces services, moins visibles que les grandes rencontres, et évaluer les réseaux qu’il soutient à l’aune de leur utilité pour la base plutôt qu’à leur seule notoriété.""",
                "audience": "partenaires",
                "case_studies": [2],
            },
        ],
        "questions": [
            {
                "title": "L’économie sociale et solidaire est-elle pour nous une alternative politique ou un outil de lutte contre la pauvreté ?",
                "body": (
                    "Les deux lectures coexistent au sein de l’équipe comme chez nos partenaires. Elles conduisent à des "
                    "choix de soutien différents, sans que cette divergence soit discutée ouvertement."
                ),
            },
            {
                "title": "Comment soutenir la viabilité économique d’une organisation sans sacrifier ses membres les plus fragiles ?",
                "body": (
                    "Pour tenir sur des marchés exigeants, certaines coopératives ont relevé leurs standards au point "
                    "d’écarter les plus petits producteurs. Faut-il accepter ce coût social comme le prix de la réussite ?"
                ),
            },
            {
                "title": "Qui parle au nom des petits producteurs dans les espaces de plaidoyer international ?",
                "body": (
                    "Les porte-parole de l’ESS dans les forums internationaux sont souvent des universitaires ou des cadres "
                    "d’ONG. Les organisations de base y restent rarement présentes."
                ),
            },
        ],
    },
    # ------------------------------------------------------------------
    # 3. Partenariats en zones de conflit et de post-conflit
    # ------------------------------------------------------------------
    {
        "slug": "partenariats-en-zones-de-conflit",
        "title": "Être partenaire en zone de conflit : analyse politique, mise en lien et plaidoyer",
        "summary": (
            "Le CCFD-Terre Solidaire accompagne de nombreuses organisations dans des pays en guerre ou sortant d’un "
            "conflit armé. Dans ces contextes, la société civile est elle-même traversée par les lignes de fracture, "
            "et l’État est souvent défaillant, voire partie prenante des violences. À partir d’expériences menées entre "
            "2002 et 2012, ce dossier examine comment nous construisons notre analyse politique des conflits et avec "
            "quels partenaires, comment aider des acteurs divisés à se rencontrer, et quel plaidoyer il est possible de "
            "mener en zone de conflit sans exposer celles et ceux que nous soutenons."
        ),
        "body": """## Pourquoi une réflexion spécifique sur les zones de conflit

Une part importante des partenaires du CCFD-Terre Solidaire agit dans des pays marqués par un conflit armé ouvert ou sortant d’une guerre : région des Grands Lacs, Colombie, Proche-Orient, Asie du Sud. Pendant longtemps, ces situations ont été traitées comme des contextes « difficiles » parmi d’autres, sans que nos méthodes de travail soient réellement interrogées. Les chargés de mission concernés ont pourtant le sentiment d’exercer un métier différent : les risques encourus par les partenaires sont plus élevés, les lignes de fracture traversent les organisations elles-mêmes, et chaque soutien peut être lu comme une prise de position.

Ce dossier rassemble l’expérience de plusieurs chargés de mission entre 2002 et 2012. Il ne propose pas de doctrine. Il tente de nommer les spécificités du partenariat en zone de conflit et les dilemmes qu’il soulève, à partir de trois situations contrastées : l’est de la République démocratique du Congo, la Colombie et le Liban.

## Des sociétés civiles polarisées dans des États défaillants

Le discours habituel sur la société civile suppose un espace relativement autonome face à l’État, où des organisations défendent l’intérêt général. En zone de conflit, cette image ne tient plus. Les associations sont souvent rattachées à une communauté, une région, une confession ou un camp ; certaines ont été créées pour capter l’aide humanitaire, d’autres servent de relais à des groupes armés ou à des partis. Là où l’État est absent, prédateur ou lui-même partie au conflit, les organisations se retrouvent à assurer des services de base, à documenter des violations ou à négocier avec des acteurs armés, sans aucune protection.

Pour le CCFD, la question n’est donc pas seulement de choisir de « bons » partenaires, mais de comprendre la place qu’occupe chacun dans la configuration du conflit. Une organisation de défense des droits humains peut être perçue comme partisane par une partie de la population ; une structure confessionnelle peut être un lieu de dialogue ou, au contraire, un vecteur de division. Le partenariat lui-même devient un élément du paysage politique local.

## Construire une analyse politique des conflits

Notre analyse repose d’abord sur nos partenaires. C’est une force : ils nous donnent accès à des lectures de l’intérieur, souvent plus fines que celles des médias ou des chancelleries. C’est aussi une limite : nous voyons le conflit à travers les yeux de ceux avec qui nous travaillons, et nous risquons d’épouser leurs angles morts. Plusieurs chargés de mission reconnaissent avoir mis du temps à percevoir que leurs interlocuteurs appartenaient majoritairement à un même groupe social ou communautaire.

Pour réduire ce biais, plusieurs pratiques ont été développées, de manière inégale selon les pays :

- diversifier les sources, en rencontrant lors des missions des acteurs non partenaires, des chercheurs, des journalistes, des responsables religieux ou d’autres ONG internationales ;
- organiser des ateliers d’analyse de contexte réunissant plusieurs partenaires d’un même pays, pour confronter leurs lectures ;
- s’appuyer sur des travaux universitaires et sur les analyses de réseaux européens spécialisés ;
- formaliser cette analyse dans des notes pays régulièrement mises à jour et discutées en équipe.

L’analyse politique n’est pas un préalable que l’on réalise une fois pour toutes. Elle doit être actualisée en continu, car les alliances et les rapports de force évoluent vite, parfois en quelques semaines.

## Faciliter la mise en lien des acteurs

Dans une société fragmentée, le simple fait de réunir des organisations qui ne se parlent pas est un acte politique. Parce qu’il est extérieur et n’a pas d’intérêt direct dans le conflit, le CCFD peut parfois offrir un espace perçu comme neutre. Nous avons ainsi financé des rencontres entre organisations de communautés opposées, des formations communes, des voyages d’échange vers des pays ayant connu des processus de réconciliation.

Ces démarches exigent beaucoup de prudence. Une rencontre mal préparée peut exposer les participants à des représailles ou renforcer les méfiances. L’expérience montre qu’il vaut mieux partir d’enjeux concrets et partagés (accès à la terre, retour des déplacés, services de santé) que d’un discours général sur la paix. Elle montre aussi que le temps long est indispensable : la confiance se construit sur plusieurs années, et un financement de courte durée peut faire plus de mal que de bien.

## Quel plaidoyer en zone de conflit ?

Le plaidoyer est sans doute le domaine où les dilemmes sont les plus aigus. Nos partenaires attendent souvent que nous relayions en Europe des informations qu’ils ne peuvent pas diffuser eux-mêmes sans danger. Mais toute prise de parole publique du CCFD peut avoir des conséquences pour eux sur le terrain. Nous avons appris à distinguer plusieurs registres :

- le **plaidoyer public**, porté de préférence au sein de coalitions pour diluer le risque ;
- le **plaidoyer discret**, auprès des diplomates, des parlementaires et des institutions européennes ;
- le **soutien au plaidoyer des partenaires**, qu’ils mènent eux-mêmes auprès de leurs autorités ou des instances régionales.

Le choix entre ces registres doit toujours être fait avec les partenaires, en évaluant les risques au moment considéré. Le plaidoyer en zone de conflit porte aussi sur les causes économiques des violences (exploitation des ressources naturelles, commerce des armes, accaparement des terres) qui renvoient à des responsabilités européennes. C’est là que le CCFD peut apporter une contribution spécifique, en reliant ce qui se passe sur le terrain aux décisions prises dans les pays du Nord.""",
        "author_names": ["Chargés de mission Grands Lacs, Colombie et Proche-Orient de la DPI"],
        "authors": ["ines.garcia@example.org"],
        "period_start": 2002,
        "period_end": 2012,
        "published_on": "2013-11-12",
        "regions": [
            "afrique-subsaharienne",
            "amerique-latine",
            "mediterranee-moyen-orient",
            "asie",
        ],
        "themes": ["conflits-et-paix", "societes-civiles", "plaidoyer"],
        "tags": [
            "zones de conflit",
            "plaidoyer",
            "analyse de contexte",
            "post-conflit",
            "protection des partenaires",
        ],
        "case_studies": [
            {
                "title": "Documenter les violations dans l’est de la République démocratique du Congo",
                "country": "République démocratique du Congo",
                "partners": "Une plateforme d’organisations de défense des droits humains du Sud-Kivu et une commission diocésaine Justice et Paix",
                "period_start": 2004,
                "period_end": 2012,
                "summary": (
                    "Dans un contexte de violences armées persistantes, le CCFD a soutenu la documentation des violations "
                    "des droits humains et leur relais auprès des instances nationales et internationales. Le cas montre "
                    "la valeur de ce travail et les risques auxquels il expose les défenseurs."
                ),
                "body": """### Contexte

Malgré les accords de paix successifs, l’est de la République démocratique du Congo reste marqué par la présence de multiples groupes armés, par l’exploitation illégale des minerais et par des violences massives contre les civils. L’appareil judiciaire est quasi absent dans les zones rurales, et les forces de sécurité sont elles-mêmes impliquées dans de nombreux abus.

### L’appui du CCFD

Le CCFD finance un réseau d’observateurs bénévoles dans les territoires ruraux, qui recueillent des témoignages et les transmettent à la plateforme. Celle-ci vérifie les informations et publie des rapports trimestriels. Le CCFD relaie certaines données auprès de parlementaires européens et soutient le travail de ses partenaires sur le lien entre commerce des minerais et financement des groupes armés, en lien avec une coalition d’ONG européennes.

### Enseignements

La rigueur de la documentation a donné du poids aux partenaires auprès des missions internationales et des représentations diplomatiques. Elle a nourri un plaidoyer européen sur la traçabilité des minerais, dont les effets se font sentir dans les débats réglementaires. Mais plusieurs observateurs ont été menacés ; l’un d’eux a dû quitter la région avec sa famille. Le CCFD a dû mettre en place, avec d’autres ONG, un dispositif d’alerte et de mise à l’abri qui n’était pas prévu au départ et n’était pas budgété. La question de notre responsabilité envers les personnes exposées par un travail que nous finançons reste entière, et elle doit être posée dès l’ouverture d’un tel partenariat.""",
            },
            {
                "title": "Accompagner des organisations de victimes en Colombie",
                "country": "Colombie",
                "partners": "Une association de familles de victimes de disparitions forcées et un collectif d’avocats spécialisés dans les droits humains",
                "period_start": 2002,
                "period_end": 2012,
                "summary": (
                    "Pendant une décennie marquée par la poursuite du conflit armé puis par la perspective de négociations, "
                    "le CCFD a soutenu des organisations de victimes dans leur quête de vérité et de justice. Le cas éclaire "
                    "le rôle de l’accompagnement international et les divisions suscitées par le processus de paix."
                ),
                "body": """### Contexte

Le conflit colombien oppose depuis des décennies l’État, plusieurs guérillas et des groupes paramilitaires. Les victimes, souvent paysannes, indigènes ou afro-descendantes, ont longtemps été invisibles. Au milieu des années 2000, un cadre légal de démobilisation des paramilitaires ouvre des procédures judiciaires, mais avec des peines très réduites qui font craindre l’impunité.

### L’appui du CCFD

Le CCFD finance l’accompagnement juridique des familles, la constitution de dossiers individuels et collectifs, ainsi que des actions de mémoire dans les régions les plus touchées. Il accueille en France des délégations de victimes qui rencontrent parlementaires, ministères et équipes bénévoles, et contribue aux travaux d’un réseau européen d’ONG consacré à la Colombie.

### Enseignements

La présence internationale a offert une forme de protection aux organisations : être connues à l’étranger rend les attaques plus coûteuses politiquement. Le plaidoyer a aussi contribué à ce que la voix des victimes soit prise en compte dans les débats publics, puis dans la préparation des négociations. Mais les organisations sont profondément divisées sur la stratégie à adopter face au processus de paix, entre participation aux espaces officiels et dénonciation de leurs limites. Le CCFD a dû éviter de prendre parti dans ces divisions tout en restant fidèle à ses engagements sur le droit à la vérité, à la justice et à la réparation. Cet équilibre reste délicat et exige un dialogue constant avec l’ensemble des partenaires.""",
            },
            {
                "title": "Dialoguer par-delà les appartenances confessionnelles",
                "country": "Liban",
                "partners": "Un centre de formation à la non-violence et un collectif de jeunes associations de quartier (noms non communiqués)",
                "period_start": 2006,
                "period_end": 2012,
                "summary": (
                    "Après la guerre de 2006, le CCFD a soutenu un programme de rencontres entre jeunes de communautés "
                    "différentes autour de projets de quartier. Le cas interroge la capacité d’un acteur extérieur à "
                    "favoriser la mise en lien dans une société fragmentée."
                ),
                "body": """### Contexte

Le Liban vit dans l’ombre d’une guerre civile dont la mémoire n’a jamais été collectivement travaillée. Le système politique confessionnel structure l’accès à l’emploi, aux services et jusqu’à la vie associative. La guerre de l’été 2006, puis les affrontements de 2008, ravivent les peurs et durcissent les frontières entre quartiers.

### L’appui du CCFD

Le CCFD finance un programme conduit par un centre de formation à la non-violence : formation d’animateurs issus de différentes communautés, rencontres régulières entre jeunes de quartiers voisins mais séparés, réalisation de projets communs comme la rénovation d’espaces publics ou la collecte de récits familiaux sur la guerre. Le chargé de mission facilite aussi un échange avec une organisation d’Irlande du Nord engagée dans des démarches comparables.

### Enseignements

Les participants témoignent d’un réel changement de regard sur « l’autre », et certains groupes ont poursuivi leurs activités de manière autonome après la fin du financement. Mais le programme reste limité à quelques centaines de jeunes et peine à toucher les milieux les plus marqués par les appartenances partisanes. À partir de 2011, les tensions régionales liées à la guerre en Syrie fragilisent les acquis et rendent certaines rencontres impossibles. Le cas montre que la mise en lien produit des effets réels à petite échelle, sans pouvoir à elle seule transformer les structures du conflit. Elle gagne à être articulée avec un travail de plaidoyer sur les causes politiques des divisions.""",
            },
        ],
        "recommendations": [
            {
                "title": "Formaliser et partager l’analyse de contexte",
                "body": """L’analyse politique d’un conflit ne peut pas reposer sur la seule mémoire d’un chargé de mission. Nous recommandons que chaque pays en situation de conflit ou de post-conflit fasse l’objet d’une note d’analyse actualisée au moins une fois par an, présentant les principaux acteurs, leurs alliances, les enjeux économiques et la position de chacun de nos partenaires.

Cette note doit être nourrie par des sources extérieures au cercle des partenaires et discutée en équipe, idéalement avec un regard extérieur. Elle facilite aussi la passation lors d’un changement de chargé de mission, moment où la connaissance accumulée se perd trop souvent.""",
                "audience": "charges_de_mission",
                "case_studies": [0, 2],
            },
            {
                "title": "Intégrer la sécurité des partenaires dans chaque décision",
                "body": """En zone de conflit, un financement, une visite, une publication ou une invitation en France peuvent exposer nos partenaires. La direction doit se doter d’une procédure claire d’analyse des risques, préalable aux décisions importantes, et d’un dispositif de réaction en cas de menace : contacts avec des réseaux de protection des défenseurs, possibilité de financer une mise à l’abri temporaire, information des représentations diplomatiques lorsque c’est utile.

Ces moyens doivent être budgétés à l’avance, car l’urgence laisse peu de temps pour mobiliser des fonds. La responsabilité envers les personnes exposées fait partie intégrante du partenariat.""",
                "audience": "direction",
                "case_studies": [0, 1],
            },
            {
                "title": "Décider du registre de plaidoyer avec les partenaires",
                "body": """Plaidoyer public, démarches discrètes auprès des décideurs, appui au plaidoyer porté par les partenaires eux-mêmes : ces registres n’ont ni les mêmes risques ni les mêmes effets. Nous recommandons que le choix soit fait conjointement, pour chaque initiative, en tenant compte du contexte du moment.

Les partenaires doivent pouvoir s’opposer à une prise de parole publique qui les mettrait en danger ; le CCFD doit pouvoir expliquer les limites de ce qu’il est en mesure de porter en Europe. Travailler au sein de coalitions permet souvent de diluer les risques et de gagner en crédibilité auprès des institutions.""",
                "audience": "tous",
                "case_studies": [0, 1],
            },
            {
                "title": "Inscrire la mise en lien dans la durée",
                "body": """Les démarches de rapprochement entre organisations issues de camps opposés produisent des effets lents, fragiles et difficiles à mesurer. Elles sont pourtant parmi les plus précieuses en zone de conflit.

Nous recommandons à la direction de leur garantir des engagements d’au moins cinq ans, avec des indicateurs qualitatifs adaptés (rencontres organisées de manière autonome, initiatives communes, évolution des discours), plutôt que de les soumettre aux mêmes exigences de résultats que des projets de développement classiques. Une interruption prématurée peut détruire une confiance patiemment construite et décourager durablement les personnes engagées.""",
                "audience": "direction",
                "case_studies": [2],
            },
        ],
        "questions": [
            {
                "title": "Quel plaidoyer mener lorsque l’État est lui-même partie au conflit ?",
                "body": (
                    "Nos partenaires ne peuvent pas toujours interpeller des autorités qui sont aussi responsables de "
                    "violences. Le relais international devient alors essentiel, mais il comporte ses propres risques."
                ),
            },
            {
                "title": "Comment éviter que notre lecture d’un conflit ne reproduise les angles morts de nos partenaires ?",
                "body": (
                    "Nous percevons le conflit à travers les organisations avec lesquelles nous travaillons. Diversifier "
                    "les sources demande du temps et une volonté explicite de sortir du cercle habituel."
                ),
            },
            {
                "title": "Un acteur extérieur peut-il réellement aider des organisations opposées à se parler ?",
                "body": (
                    "Notre extériorité peut offrir un espace perçu comme neutre, mais elle peut aussi être vécue comme une "
                    "ingérence. Les effets de la mise en lien restent souvent limités à de petits groupes."
                ),
            },
        ],
    },
    # ------------------------------------------------------------------
    # 4. Initiatives terrain
    # ------------------------------------------------------------------
    {
        "slug": "initiatives-terrain",
        "title": "Soutenir les initiatives terrain : outils, moyens et pratiques des chargés de mission",
        "summary": (
            "Ce dossier interroge les pratiques des chargés de mission lorsqu’ils soutiennent des « initiatives terrain », "
            "ces actions de proximité par lesquelles des populations vulnérables cherchent à améliorer leurs conditions "
            "d’existence. Deux axes structurent l’analyse : le partage des richesses et l’accès aux droits. Après avoir "
            "passé en revue les outils et les moyens dont disposent les chargés de mission, le document présente des "
            "études de cas issues d’une enquête qui en comptait six, puis propose une lecture critique de nos pratiques "
            "et des recommandations pour mieux articuler ces initiatives avec la stratégie partenariale d’ensemble."
        ),
        "body": """## Ce que recouvrent les « initiatives terrain »

Dans le vocabulaire du CCFD-Terre Solidaire, l’expression « initiatives terrain » désigne les actions portées directement par des populations ou par des organisations de base pour améliorer leurs conditions d’existence : une caisse d’épargne de femmes, une banque de céréales, une mobilisation pour obtenir un titre foncier, un groupe de parajuristes villageois. Ces initiatives se distinguent des programmes de plaidoyer ou des réseaux nationaux par leur échelle et par leur proximité avec les personnes concernées. Au milieu des années 2000, elles représentent encore une part significative des soutiens accordés par l’association.

Entre 2005 et 2012, les orientations du CCFD ont mis l’accent sur le changement structurel, le plaidoyer et la structuration des sociétés civiles. Dans ce contexte, les initiatives terrain ont parfois été regardées comme l’héritage d’une époque révolue, voire comme un facteur de dispersion. Ce dossier part d’une conviction inverse : ces initiatives sont souvent le lieu où se vérifie la pertinence de nos choix, et les outils dont disposent les chargés de mission pour les accompagner méritent d’être examinés de près.

## Deux axes : partage des richesses et accès aux droits

Les initiatives étudiées s’inscrivent dans les deux axes d’action retenus par l’association pour la période.

- **Le partage des richesses** regroupe les actions qui permettent aux populations vulnérables de mieux maîtriser les ressources économiques : épargne et crédit solidaires, stockage et commercialisation collective, accès aux moyens de production.
- **L’accès aux droits** concerne les démarches par lesquelles ces populations font reconnaître et appliquer des droits existants : droit à la terre, à l’état civil, à la justice, à la santé ou à l’éducation.

Dans la pratique, les deux axes se recoupent largement. Une caisse d’épargne de femmes est aussi un espace où elles prennent la parole et revendiquent leur place dans la communauté ; une mobilisation pour le droit foncier a une dimension économique évidente. Nous avons conservé cette distinction pour la clarté de l’analyse, tout en gardant à l’esprit ses limites.

## La boîte à outils du chargé de mission

Pour soutenir une initiative terrain, un chargé de mission dispose d’une palette d’outils plus large qu’on ne le pense souvent :

- **le financement**, sous forme de subvention de projet, d’appui institutionnel ou de fonds d’amorçage, parfois par l’intermédiaire d’un partenaire qui redistribue de petites sommes ;
- **l’accompagnement** par le dialogue, lors des missions ou à distance, sur la stratégie, la gestion ou les difficultés internes ;
- **la mise en relation** avec d’autres organisations du pays, de la région ou d’un autre continent ;
- **la formation**, financée directement ou assurée par des structures spécialisées ;
- **la mobilisation du réseau bénévole** en France, à travers l’accueil de partenaires et les actions d’éducation au développement ;
- **l’expertise extérieure**, par le recours à des consultants ou à des organisations techniques.

Nos entretiens montrent que cette palette est utilisée de manière très inégale. Le financement reste l’outil dominant, parfois exclusif. Les autres outils dépendent de la disponibilité du chargé de mission, de sa sensibilité personnelle et des moyens budgétaires hors projet, qui sont limités.

## Six études de cas, quatre présentées ici

L’étude complète a porté sur six initiatives, choisies pour leur diversité géographique et thématique. Quatre d’entre elles sont présentées dans ce dossier : un programme d’accès aux droits fonciers en Inde, des caisses d’épargne de femmes au Guatemala, des banques de céréales au Niger et un réseau de parajuristes au Cambodge. Les deux autres, conduites en Amérique du Sud et dans le bassin méditerranéen, ont nourri l’analyse transversale mais ne sont pas détaillées ici, faute d’un recul suffisant au moment de la rédaction.

Les cas ont été reconstitués à partir des archives, d’entretiens avec les chargés de mission successifs et, lorsque cela a été possible, d’échanges avec les responsables des organisations concernées.

## Regard critique sur nos pratiques

Plusieurs constats se dégagent. D’abord, les initiatives qui ont le mieux résisté au temps sont celles où le CCFD a combiné plusieurs outils, et non le seul financement. Le dialogue régulier, les échanges avec d’autres organisations et la formation ont souvent pesé plus lourd que le montant des subventions. Ensuite, le soutien à une initiative terrain passe presque toujours par un intermédiaire (une ONG locale, un diocèse, une fédération) dont le rôle est déterminant mais rarement analysé : il peut être un facilitateur précieux comme un filtre qui éloigne le CCFD des populations.

Les outils de suivi sont par ailleurs mal adaptés aux initiatives de petite taille. Les formats de rapport conçus pour des programmes importants imposent une charge disproportionnée à des groupes qui gèrent quelques milliers d’euros. À l’inverse, l’absence de suivi conduit à méconnaître les effets réels de ces soutiens. Enfin, le lien entre initiatives terrain et plaidoyer est rarement pensé : les enseignements tirés d’une banque de céréales ou d’une mobilisation foncière alimentent peu les positions que l’association défend au niveau national ou international.

## Pistes de recommandations

Les recommandations qui suivent visent trois objectifs : reconnaître la place des initiatives terrain dans la stratégie partenariale, élargir l’usage des outils disponibles au-delà de la subvention, et mieux relier ces expériences de proximité aux efforts de transformation plus structurelle que le CCFD soutient par ailleurs. Elles s’adressent aux chargés de mission, à la direction et aux partenaires, chacun à son niveau de responsabilité.""",
        "author_names": [
            "Une chargée de mission du service Asie",
            "Pôle méthodes et suivi de la DPI",
        ],
        "authors": ["thomas.petit@example.org"],
        "period_start": 2005,
        "period_end": 2012,
        "published_on": "2014-02-05",
        "regions": ["transversal", "asie", "meso-amerique", "afrique-subsaharienne"],
        "themes": ["initiatives-terrain", "acces-aux-droits", "suivi-evaluation"],
        "tags": [
            "initiatives terrain",
            "partage des richesses",
            "accès aux droits",
            "populations vulnérables",
            "outils du chargé de mission",
        ],
        "case_studies": [
            {
                "title": "Des titres fonciers pour les communautés adivasies",
                "country": "Inde",
                "partners": "Une organisation de défense des droits des peuples adivasis dans l’État du Jharkhand",
                "period_start": 2005,
                "period_end": 2011,
                "summary": (
                    "Une organisation locale a accompagné des villages adivasis dans les démarches ouvertes par la loi "
                    "forestière de 2006 pour faire reconnaître leurs droits sur les terres qu’ils cultivent. Le cas montre "
                    "comment un soutien modeste peut rendre effectif un droit reconnu sur le papier."
                ),
                "body": """### Contexte

Les communautés adivasies cultivent depuis des générations des terres classées comme forestières, sans titre de propriété. Elles vivent sous la menace permanente d’expulsions ou d’amendes. La loi de 2006 sur les droits forestiers leur ouvre la possibilité de faire reconnaître ces droits, mais la procédure est complexe, les formulaires rédigés dans une langue administrative peu accessible et l’administration forestière peu coopérative.

### Le soutien apporté

Le CCFD finance pendant six ans une petite équipe d’animateurs qui informent les villages, aident à constituer les dossiers et accompagnent les comités villageois dans leurs démarches auprès des autorités de district. Le chargé de mission met l’organisation en relation avec un réseau national de juristes et facilite un échange avec des partenaires d’un autre État indien confrontés aux mêmes difficultés.

### Ce que l’on observe

Plusieurs centaines de familles ont obtenu un titre individuel, et quelques villages un titre collectif sur des forêts communautaires. Les comités villageois se sont affirmés face à l’administration et négocient désormais plus directement avec elle. Toutefois, beaucoup de demandes restent bloquées, et certaines zones sont convoitées par des projets miniers qui remettent en cause les droits obtenus. L’organisation a dû apprendre à articuler son travail de terrain avec un plaidoyer régional auquel elle n’était pas préparée, et le CCFD l’a peu accompagnée sur ce plan. Le cas illustre la continuité entre accès aux droits et partage des richesses : la terre est à la fois un droit et la première ressource économique des familles.""",
            },
            {
                "title": "Caisses d’épargne communautaires de femmes mayas",
                "country": "Guatemala",
                "partners": "Une association de femmes mayas de l’Altiplano et une ONG guatémaltèque d’appui à la finance solidaire",
                "period_start": 2006,
                "period_end": 2012,
                "summary": (
                    "Des groupes de femmes mayas ont créé des caisses d’épargne et de crédit autogérées, avec l’appui "
                    "d’une ONG locale. Au-delà de l’accès à de petits prêts, l’initiative a ouvert aux femmes des espaces "
                    "de parole et de participation à la vie communautaire."
                ),
                "body": """### Contexte

Dans les communautés rurales de l’Altiplano, les femmes indigènes ont un accès très limité au crédit et dépendent souvent de prêteurs pratiquant des taux usuraires. Elles sont par ailleurs peu présentes dans les instances de décision communautaires, où leur parole est rarement sollicitée.

### Le soutien apporté

Le CCFD soutient une ONG guatémaltèque qui forme des animatrices locales et accompagne la création de caisses. Chaque groupe, d’une vingtaine de femmes, épargne régulièrement et prête à ses membres selon des règles qu’il fixe lui-même. Le CCFD ne finance pas le capital des caisses, mais la formation, l’animation et quelques rencontres régionales entre groupes. Ce choix, discuté longuement avec le partenaire, vise à préserver l’autonomie des caisses.

### Ce que l’on observe

Une soixantaine de caisses fonctionnent de manière autonome en fin de période. Les prêts servent au petit commerce, à l’élevage, aux frais de scolarité et aux urgences de santé. Les femmes interrogées insistent moins sur l’argent que sur la confiance acquise et sur leur capacité à s’exprimer en public ; plusieurs siègent désormais dans des conseils communautaires. La limite principale tient à la faiblesse des montants, qui ne permettent guère de créer des activités réellement rémunératrices. Le rôle de l’ONG intermédiaire, très présente, a aussi parfois freiné la prise d’initiative des groupes. Enfin, ces caisses restent déconnectées des débats sur les politiques de développement rural, alors qu’elles pourraient y apporter un éclairage précieux.""",
            },
            {
                "title": "Banques de céréales et sécurité alimentaire",
                "country": "Niger",
                "partners": "Une fédération d’unions paysannes de la région de Tillabéri (nom fictif : Union Gaskiya)",
                "period_start": 2005,
                "period_end": 2010,
                "summary": (
                    "Après la crise alimentaire de 2005, des villages nigériens ont constitué des banques de céréales gérées "
                    "par des comités élus. Le cas illustre l’intérêt et les fragilités d’un outil collectif de partage des "
                    "richesses dans un contexte de forte vulnérabilité."
                ),
                "body": """### Contexte

La crise alimentaire de 2005 a rappelé la vulnérabilité des ménages ruraux nigériens. Faute de liquidités, beaucoup vendent leur récolte à bas prix juste après la moisson, puis doivent racheter des céréales au prix fort pendant la période de soudure, en s’endettant auprès des commerçants.

### Le soutien apporté

Le CCFD finance, par l’intermédiaire d’une fédération paysanne, la construction de magasins villageois, la constitution d’un stock initial et la formation des comités de gestion. Le chargé de mission organise une visite d’échange auprès d’une organisation burkinabè expérimentée dans ce domaine et mobilise un expert extérieur pour réaliser un bilan à mi-parcours, démarche rare pour un soutien de cette taille.

### Ce que l’on observe

Dans les villages où les comités sont solides et transparents, les banques de céréales ont réduit l’endettement des ménages pendant la soudure et contribué à stabiliser les prix locaux. Ailleurs, des stocks ont été épuisés par des crédits non remboursés ou accaparés par quelques familles influentes. Le bilan à mi-parcours a permis de réorienter le programme vers la formation à la gestion, la rotation des responsables et l’affichage public des comptes. Le cas montre l’intérêt de combiner financement, échange entre pairs et expertise ponctuelle plutôt que de se limiter à la subvention. Il rappelle aussi qu’un outil de partage des richesses peut, sans vigilance, reproduire les inégalités qu’il prétend corriger.""",
            },
            {
                "title": "Des parajuristes villageois pour l’accès à la justice",
                "country": "Cambodge",
                "partners": "Une ONG cambodgienne d’éducation aux droits et des associations villageoises",
                "period_start": 2007,
                "period_end": 2012,
                "summary": (
                    "Une ONG cambodgienne a formé des habitants comme parajuristes pour aider leurs voisins à faire valoir "
                    "leurs droits, notamment face aux expulsions foncières. Le cas pose la question de la protection des "
                    "personnes engagées et du lien entre action de proximité et plaidoyer national."
                ),
                "body": """### Contexte

Au Cambodge, de nombreuses familles rurales ne disposent pas de titres fonciers et sont menacées d’expulsion par des concessions accordées à des entreprises agro-industrielles. L’accès à la justice est coûteux, lointain et souvent soumis à l’influence des autorités locales. Beaucoup d’habitants ignorent jusqu’aux droits que leur reconnaît la loi.

### Le soutien apporté

Le CCFD finance la formation de parajuristes désignés par leurs communautés, leur suivi régulier par des juristes de l’ONG et la production de supports pédagogiques en khmer. Le chargé de mission encourage la participation de l’ONG à une coalition nationale sur les questions foncières et organise l’accueil en France d’une de ses responsables, qui témoigne devant des équipes bénévoles et des parlementaires.

### Ce que l’on observe

Les parajuristes ont aidé des centaines de familles à obtenir des documents d’état civil, à contester des décisions administratives et à négocier des compensations plus justes. Leur présence a changé le rapport de force dans certains villages, où les autorités locales ne peuvent plus ignorer les recours. Mais plusieurs d’entre eux ont subi des intimidations, et l’un a été brièvement détenu. Sous pression, l’ONG a dû réduire sa visibilité publique. Le cas montre que l’accès aux droits peut devenir conflictuel et que le soutien à une initiative terrain engage le CCFD bien au-delà du financement, notamment en matière de protection.""",
            },
        ],
        "recommendations": [
            {
                "title": "Élargir la palette d’outils au-delà de la subvention",
                "body": """Les initiatives les plus solides sont celles où le financement s’est accompagné d’échanges, de formations ou d’une expertise ponctuelle. Au Niger, la visite d’une organisation burkinabè et le bilan à mi-parcours ont davantage compté que le montant du stock initial.

Nous recommandons aux chargés de mission de se demander, pour chaque initiative soutenue, quels outils non financiers peuvent être mobilisés, et de prévoir dans leurs budgets annuels une enveloppe dédiée aux échanges et à l’appui technique. Partager entre collègues les contacts d’organisations ressources et de consultants fiables faciliterait cet élargissement.""",
                "audience": "charges_de_mission",
                "case_studies": [2, 0],
            },
            {
                "title": "Adapter les exigences de suivi à la taille des initiatives",
                "body": """Les formats de rapport actuels ont été pensés pour des programmes importants. Appliqués à de petites initiatives, ils mobilisent une énergie disproportionnée et produisent des documents peu utiles, pour le partenaire comme pour nous.

Nous proposons à la direction de créer un format allégé pour les soutiens inférieurs à un certain seuil : un rapport narratif court, quelques indicateurs choisis avec le partenaire et une rencontre de bilan lors des missions. En contrepartie, une évaluation transversale portant sur plusieurs initiatives comparables pourrait être réalisée tous les trois ou quatre ans, afin d’en tirer des enseignements collectifs.""",
                "audience": "direction",
                "case_studies": [1, 2],
            },
            {
                "title": "Analyser le rôle des organisations intermédiaires",
                "body": """Nous soutenons rarement une initiative terrain directement : une ONG, un diocèse ou une fédération sert presque toujours d’intermédiaire. Leur rôle est décisif, mais il est peu interrogé.

Nous recommandons d’examiner explicitement, lors de l’instruction comme pendant les missions, la relation entre l’intermédiaire et les groupes de base : qui prend les décisions, comment circulent l’information et les fonds, quelle autonomie est laissée aux groupes. Rencontrer directement les personnes concernées, sans la présence permanente de l’intermédiaire, doit faire partie des pratiques courantes, dans le respect du partenaire et en l’en informant.""",
                "audience": "charges_de_mission",
                "case_studies": [1, 2],
            },
            {
                "title": "Relier les initiatives terrain au plaidoyer",
                "body": """Les expériences de proximité constituent une source précieuse pour le plaidoyer, mais elles sont peu valorisées. Les démarches foncières en Inde ou l’action des parajuristes cambodgiens révèlent des obstacles concrets à l’application des lois : c’est exactement ce dont ont besoin les coalitions nationales et les équipes de plaidoyer du CCFD.

Nous proposons d’organiser, dans chaque région, des temps d’échange entre organisations de terrain et acteurs du plaidoyer, et de prévoir dans les conventions la documentation de quelques situations emblématiques. Les partenaires seraient ainsi reconnus comme producteurs de connaissance, et non seulement comme bénéficiaires.""",
                "audience": "tous",
                "case_studies": [0, 3],
            },
            {
                "title": "Anticiper la protection des personnes engagées",
                "body": """L’accès aux droits n’est jamais neutre : revendiquer une terre ou contester une expulsion heurte des intérêts puissants. Les parajuristes cambodgiens, comme les animateurs indiens, ont été exposés à des intimidations.

Nous recommandons que les partenaires et le CCFD identifient ensemble, dès le début du soutien, les risques encourus et les ressources mobilisables en cas de menace : réseaux de juristes, organisations de défense des droits humains, contacts diplomatiques. Les partenaires doivent savoir qu’ils peuvent alerter le CCFD rapidement, et celui-ci doit disposer de moyens pour réagir sans délai.""",
                "audience": "tous",
                "case_studies": [3, 0],
            },
        ],
        "questions": [
            {
                "title": "Les initiatives terrain ont-elles encore leur place dans une stratégie centrée sur le changement structurel ?",
                "body": (
                    "Les orientations récentes privilégient le plaidoyer et la structuration des sociétés civiles. Les "
                    "initiatives de proximité risquent d’apparaître comme une dispersion, alors qu’elles sont souvent le "
                    "lieu où se vérifie la pertinence de nos choix."
                ),
            },
            {
                "title": "Comment suivre de petites initiatives sans leur imposer une charge administrative disproportionnée ?",
                "body": (
                    "Nos outils de suivi sont conçus pour de grands programmes. Sans suivi, pourtant, nous méconnaissons "
                    "les effets réels de nos soutiens."
                ),
            },
            {
                "title": "Jusqu’où s’étend notre responsabilité envers les personnes que nos soutiens exposent ?",
                "body": (
                    "Soutenir l’accès aux droits peut mettre en danger celles et ceux qui s’engagent localement. Le CCFD "
                    "ne dispose pas toujours des moyens de les protéger."
                ),
            },
        ],
    },
]
