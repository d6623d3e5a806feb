// The words of the demo history: invented people, the reasons they cancel, the needs a
// referrer writes and the answers a structure gives. Nothing here names a real person.

/** First names across generations: the people met go from pupils to people near retirement. */
// biome-ignore format: a table reads better ten to a line
export const PERSON_FIRST_NAMES = [
  "Lucas", "Emma", "Nathan", "Louise", "Enzo", "Jade", "Hugo", "Chloé", "Léo", "Inès",
  "Théo", "Manon", "Mathis", "Lina", "Noah", "Léna", "Tom", "Zoé", "Rayan", "Sarah",
  "Maxime", "Camille", "Kylian", "Océane", "Dylan", "Clara", "Yanis", "Lou", "Adam", "Anaïs",
  "Kevin", "Jessica", "Anthony", "Laura", "Jordan", "Marine", "Mickaël", "Amandine", "Jonathan", "Mélissa",
  "Sébastien", "Aurélie", "Nicolas", "Élodie", "David", "Stéphanie", "Christophe", "Sandrine", "Frédéric", "Nathalie",
  "Patrick", "Isabelle", "Thierry", "Sylvie", "Pascal", "Corinne", "Didier", "Véronique", "Laurent", "Valérie",
  "Mohamed", "Fatima", "Karim", "Samira", "Youssef", "Nadia", "Moussa", "Aminata", "Mehmet", "Ayşe",
  "Jean-Pierre", "Marie-Christine", "Jean-Luc", "Anne-Marie", "Bruno", "Martine", "Dominique", "Brigitte", "Gaëtan", "Justine",
];

/** Surnames common in the Hauts-de-France (Flemish, Picard, Polish, Portuguese, North-African…). */
// biome-ignore format: a table reads better ten to a line
export const PERSON_LAST_NAMES = [
  "Lefebvre", "Dubois", "Lemaire", "Leroy", "Dupont", "Delattre", "Vasseur", "Carpentier", "Lecomte", "Dumont",
  "Delannoy", "Caron", "Fontaine", "Mercier", "Roussel", "Morel", "Leclercq", "Boulanger", "Lesage", "Cousin",
  "Bocquet", "Flament", "Duquesne", "Cardon", "Delmotte", "Lagache", "Cuvelier", "Descamps", "Dhainaut", "Bourgeois",
  "Lemoine", "Masson", "Martin", "Bernard", "Petit", "Durand", "Lambert", "Marchand", "Pruvost", "Delbarre",
  "Vandewalle", "Vanneste", "Verbeke", "Declercq", "Dewitte", "Vermersch", "Deschamps", "Hochart", "Leblanc", "Wattel",
  "Kaczmarek", "Kowalczyk", "Szymanski", "Nowicki", "Wisniewski", "Dos Santos", "Pereira", "Rodrigues", "Gomes", "Oliveira",
  "Benmansour", "Amrani", "Bouzid", "Haddadi", "Mansouri", "Traoré", "Diop", "Camara", "Yilmaz", "Tran",
  "Poulain", "Dufour", "Becquet", "Hennion", "Lecoutre", "Tison", "Obert", "Wauquier", "Sénéchal", "Quenehen",
];

/** Why a meeting was cancelled: by the person (link, phone) or by the structure. */
export const CANCEL_REASONS = [
  "Empêchement professionnel",
  "Je suis malade",
  "J'ai trouvé un emploi",
  "Problème de garde d'enfant",
  "Pas de moyen de transport ce jour-là",
  "J'ai obtenu une réponse ailleurs",
  "Rendez-vous pris en double",
  "Conseiller ou conseillère absent(e)",
  "Entrée en formation",
  "La personne a demandé à décaler",
] as const;

/** What someone needs help with at a meeting, now and then. */
export const ACCESSIBILITY_NEEDS = [
  "Accès de plain-pied, je me déplace en fauteuil roulant.",
  "Je suis malentendant : merci de parler face à moi.",
  "Je viendrai accompagné(e) d'un interprète.",
  "Je lis difficilement : merci de m'expliquer les documents à l'oral.",
] as const;

/** What a referrer writes for the target, by service. */
export const NEEDS: Record<string, readonly string[]> = {
  "information-metiers-formations": [
    "Cherche une formation qualifiante dans le secteur du soin, a besoin d'informations sur les métiers et les financements.",
    "Souhaite découvrir les métiers de la logistique avant de s'engager dans une formation.",
    "Envisage une reconversion, veut connaître les formations courtes près de chez elle.",
  ],
  "entretien-orientation-cio": [
    "Élève en décrochage depuis la rentrée, la famille souhaite un entretien d'orientation.",
    "Jeune en fin de seconde, hésite entre la voie professionnelle et la voie générale.",
  ],
  "accueil-jeunes-16-25": [
    "Jeune sans emploi ni formation depuis six mois, a besoin d'un accompagnement global (mobilité, logement).",
    "Sorti du lycée sans diplôme, souhaite être accompagné vers l'emploi.",
    "Jeune repéré par la plateforme de suivi des décrocheurs, à recevoir rapidement.",
  ],
  "orientation-etudiants": [
    "Étudiant en première année qui souhaite se réorienter au second semestre.",
    "Étudiante en difficulté dans sa licence, cherche une autre voie.",
  ],
  "cep-premier-entretien": [
    "Salarié qui souhaite changer de métier après un arrêt long, besoin d'un conseil en évolution professionnelle.",
    "Bénéficiaire du RSA avec un projet de reconversion à construire.",
    "Demandeuse d'emploi depuis un an, souhaite faire le point sur son projet.",
  ],
  "bilan-competences-information": [
    "Souhaite faire un bilan de compétences, ne sait pas comment le financer.",
    "Salariée en usure professionnelle, s'interroge sur un bilan.",
  ],
  "information-conseil-vae": [
    "Quinze ans d'expérience comme aide à domicile, souhaite faire valider son expérience.",
    "Travaille comme agent de maintenance sans diplôme, intéressé par la VAE.",
  ],
  "reunion-information-vae": ["Intéressée par la VAE, à inscrire à une réunion d'information."],
  "projet-transition-professionnelle": [
    "Salarié qui veut se former à un autre métier en gardant son contrat : projet de transition professionnelle.",
  ],
  "recherche-emploi-cadre": ["Cadre licenciée économique, souhaite un accompagnement à la recherche d'emploi."],
  "accompagnement-handicap-emploi": [
    "Personne reconnue travailleur handicapé, cherche un emploi adapté après un licenciement pour inaptitude.",
    "Vient d'obtenir sa RQTH, souhaite un accompagnement vers l'emploi.",
  ],
  "financement-formation": ["A trouvé une formation de cariste, cherche comment la financer."],
  "atelier-decouverte-metiers": ["Jeune sans idée de métier, un atelier de découverte l'aiderait."],
};
export const DEFAULT_NEED = "Personne à recevoir pour faire le point sur sa situation et son projet.";

/** Why a target declines. */
export const DECLINE_REASONS = [
  "La personne relève plutôt de la Mission Locale (moins de 26 ans).",
  "La commune de la personne n'est pas dans notre secteur.",
  "La personne a déjà un accompagnement en cours chez nous.",
  "La demande ne correspond pas à ce service : un bilan de compétences se fait chez un prestataire.",
  "Nous n'avons pas pu joindre la personne.",
] as const;

/** Why a target redirects. */
export const REDIRECT_REASONS = [
  "Plus proche du domicile de la personne.",
  "Ce service y est proposé avec des délais plus courts.",
  "La situation de la personne relève de cette structure.",
] as const;

/** What the referral timeline says of a meeting's outcome (as server/features/agenda does). */
export const OUTCOME_WORDS = {
  honoured: "rendez-vous honoré",
  no_show: "absence au rendez-vous",
  excused: "absence excusée",
} as const;
