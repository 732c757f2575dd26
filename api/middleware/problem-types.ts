/** Every problem type the API answers, documented at its `type` URI (GET /problems/:slug, RFC 9457 § 3.1.1). */

export const PROBLEM_TYPES = {
  'validation-error': {
    status: 400,
    title: 'Requête invalide',
    description:
      'Un paramètre est invalide. `errors[]` donne, pour chacun, un pointeur JSON (/params/…, /query/…, /body/…) et le message.',
  },
  'http-error': {
    status: 400,
    title: 'Requête refusée',
    description:
      'La requête a été refusée avant d’atteindre nos routes (par exemple une adresse mal formée).',
  },
  'malformed-request': {
    status: 400,
    title: 'Requête illisible',
    description:
      'La requête n’est pas du HTTP/1.1 lisible : ligne de requête, chemin, en-tête Host, Content-Length ou nom d’en-tête mal formé. `detail` dit lequel.',
  },
  'headers-too-large': {
    status: 431,
    title: 'En-têtes trop volumineux',
    description:
      'Les en-têtes de la requête dépassent la taille que le serveur accepte (cookies ou jetons trop longs, par exemple). `detail` donne la limite.',
  },
  unauthorized: {
    status: 401,
    title: 'Authentification requise',
    description:
      'Les routes d’administration demandent l’en-tête Authorization: Bearer <ADMIN_TOKEN>.',
  },
  'session-required': {
    status: 401,
    title: 'Connexion requise',
    description:
      'Les routes des dossiers demandent une session : l’en-tête Authorization: Bearer <sessionToken> obtenu par POST /v1/auth/sessions. Une session expirée ou révoquée est refusée de même.',
  },
  'sign-in-link-invalid': {
    status: 401,
    title: 'Lien de connexion invalide',
    description:
      'Le lien de connexion est inconnu, déjà utilisé ou expiré (15 minutes) : demandez-en un nouveau par POST /v1/auth/links.',
  },
  'step-not-yours': {
    status: 403,
    title: 'Étape réservée à un autre rôle',
    description:
      'Vous voyez ce dossier, mais cette étape revient à un autre acteur ; `detail` dit lequel.',
  },
  'unknown-dossier': {
    status: 404,
    title: 'Dossier introuvable',
    description:
      'Aucun dossier avec cet identifiant ne vous est accessible (un dossier d’un autre membre répond de même).',
  },
  'unknown-member': {
    status: 404,
    title: 'Membre inconnu',
    description: 'Aucun membre avec cet identifiant.',
  },
  'member-exists': {
    status: 409,
    title: 'Membre déjà inscrit',
    description: 'Un membre a déjà cette adresse e-mail.',
  },
  'step-not-allowed': {
    status: 409,
    title: 'Étape impossible dans cet état',
    description:
      'Le dossier n’est pas dans un état où cette étape est possible ; `detail` nomme les étapes possibles.',
  },
  'stale-version': {
    status: 412,
    title: 'Dossier modifié entre-temps',
    description:
      'expectedVersion n’est plus la version du dossier : relisez-le (GET /v1/dossiers/:id) avant d’agir.',
  },
  'not-found': {
    status: 404,
    title: 'Ressource introuvable',
    description: 'Rien n’existe à cette adresse.',
  },
  'unknown-idcc': {
    status: 404,
    title: 'Convention inconnue',
    description:
      'L’IDCC ne correspond à aucune convention collective connue (liste du ministère, table SIRET-OPCO).',
  },
  'unknown-opco': {
    status: 404,
    title: 'OPCO inconnu',
    description: 'Les identifiants d’OPCO sont listés par GET /v1/opcos.',
  },
  'unknown-company': {
    status: 404,
    title: 'Entreprise introuvable',
    description:
      'L’annuaire des entreprises ne connaît pas ce SIREN, ou ce SIRET n’est pas un de ses établissements.',
  },
  'rule-history': {
    status: 409,
    title: 'Règle déjà appliquée',
    description:
      'Remplacer cette règle changerait des simulations passées : ajouter une nouvelle règle datée et fermer l’ancienne avec validTo.',
  },
  'unknown-advisor': {
    status: 404,
    title: 'Conseiller inconnu',
    description: 'Les conseillers que l’on peut réserver sont listés par GET /v1/advisors.',
  },
  'unknown-booking': {
    status: 404,
    title: 'Rendez-vous introuvable',
    description:
      'Aucun rendez-vous ne correspond à cet identifiant et à ce jeton de gestion (celui reçu à la réservation).',
  },
  'slot-taken': {
    status: 409,
    title: 'Créneau déjà pris',
    description:
      'Quelqu’un a réservé ce créneau entre-temps : GET /v1/advisors/:id/slots donne les créneaux encore libres.',
  },
  'booking-started': {
    status: 409,
    title: 'Rendez-vous déjà commencé',
    description: 'Un rendez-vous ne s’annule plus une fois son heure de début passée.',
  },
  'idempotency-key-in-flight': {
    status: 409,
    title: 'Requête déjà en cours',
    description:
      'Une requête avec la même clé Idempotency-Key est encore en cours : réessayer après le délai de Retry-After.',
  },
  'slot-unavailable': {
    status: 422,
    title: 'Créneau non proposé',
    description:
      'Ce début ne correspond à aucun créneau proposé par le conseiller (horaires, jours de congé, délai de prévenance, horizon de réservation).',
  },
  'idempotency-key-reused': {
    status: 422,
    title: 'Clé Idempotency-Key déjà utilisée',
    description:
      'Cette clé Idempotency-Key a déjà servi pour une autre requête : chaque réservation prend une clé nouvelle.',
  },
  'payload-too-large': {
    status: 413,
    title: 'Requête trop volumineuse',
    description: 'Le corps de la requête dépasse la taille admise par la route.',
  },
  'too-many-requests': {
    status: 429,
    title: 'Trop de requêtes',
    description:
      'Ce client a fait trop de recherches d’entreprises, de réservations ou de demandes de créneaux ; l’en-tête Retry-After dit quand réessayer.',
  },
  'internal-error': {
    status: 500,
    title: 'Erreur interne',
    description:
      'Une erreur inattendue, enregistrée côté serveur ; la réponse n’en donne aucun détail.',
  },
  'upstream-unavailable': {
    status: 502,
    title: 'Annuaire des entreprises indisponible',
    description:
      'L’annuaire des entreprises (recherche-entreprises.api.gouv.fr) est injoignable ou a répondu par une erreur.',
  },
  'upstream-malformed': {
    status: 502,
    title: 'Réponse illisible de l’annuaire',
    description:
      'L’annuaire des entreprises a renvoyé une réponse illisible ou d’une forme inattendue.',
  },
  'upstream-rate-limited': {
    status: 503,
    title: 'Annuaire des entreprises saturé',
    description:
      'L’annuaire limite le nombre de requêtes ; l’en-tête Retry-After dit quand réessayer.',
  },
  'reference-data-missing': {
    status: 503,
    title: 'Données de référence absentes',
    description:
      'La base ne contient pas encore les OPCO et les conventions : lancer `npm run db:import`.',
  },
  'not-ready': {
    status: 503,
    title: 'Service pas encore prêt',
    description:
      'GET /health/ready n’a pas pu écrire puis relire la base de données ; Retry-After dit quand réessayer.',
  },
  'database-busy': {
    status: 503,
    title: 'Base de données momentanément occupée',
    description:
      'Un autre processus verrouille la base (sauvegarde, import) plus longtemps que prévu. Rien n’a été enregistré : renvoyez la même requête après le délai de l’en-tête Retry-After.',
  },
  misconfigured: {
    status: 503,
    title: 'Service mal configuré',
    description:
      'Les variables du déploiement sont invalides ; le détail est dans le journal du service.',
  },
  'upstream-timeout': {
    status: 504,
    title: 'Annuaire des entreprises trop lent',
    description:
      'L’annuaire des entreprises n’a pas répondu à temps : chaque réponse arrive en moins de 5 s.',
  },
} as const

export type ProblemSlug = keyof typeof PROBLEM_TYPES
