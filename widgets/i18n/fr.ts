/** French, the product's language and every widget's default. */
import { count, type Translation } from './translation'

// A plain constant, not `common.company`: a property read would keep every section in every bundle.
const company = 'Entreprise'

export const common: Translation['common'] = {
  retry: 'Réessayer',
  newTab: '(nouvel onglet)',
  company,
  book: 'Prendre rendez-vous avec un conseiller',
  wait: (seconds) => `Réessayez dans ${seconds}\u00a0s.`,
  soon: 'Réessayez dans un instant.',
  errors: {
    offline: 'Vous êtes hors ligne. Vérifiez votre connexion internet puis réessayez.',
    network: 'Le service Ganapati est injoignable pour le moment.',
    timeout: 'Le service Ganapati met trop de temps à répondre.',
    invalid: 'La recherche n’est pas valide.',
    'not-found': 'Aucun résultat ne correspond à cette recherche.',
    'rate-limited': 'Trop de recherches en peu de temps.',
    upstream: 'Le service de recherche d’entreprises ne répond pas.',
    server: 'Le service Ganapati a rencontré un problème.',
  },
}

export const form: Translation['form'] = {
  invalid: 'Valeur refusée : vérifiez-la.',
  colon: '\u00a0: ',
}

export const finder: Translation['finder'] = {
  label: 'Convention collective, IDCC, SIRET ou nom d’entreprise',
  placeholder: 'Ex. 1486, boulangerie, 418 166 096 00069',
  hint: 'Code IDCC (4 chiffres), mots du nom de la convention, SIRET ou nom de votre entreprise.',
  search: 'Rechercher',
  conventions: 'Conventions collectives',
  companies: 'Entreprises',
  loading: 'Recherche en cours…',
  found: (conventions, companies) =>
    `${[count(conventions, 'convention', 'conventions'), count(companies, 'entreprise', 'entreprises')].filter(Boolean).join(' et ')}. Flèches pour parcourir, Entrée pour choisir.`,
  byIdcc: 'Vous pouvez aussi chercher par code IDCC (4 chiffres, sur le bulletin de paie).',
  companiesDown:
    'La recherche d’entreprises ne répond pas : seules les conventions sont proposées.',
  noConvention: (q) => `Aucune convention ne correspond à « ${q} ».`,
  noMatch: (q) => `Aucune convention ni entreprise ne correspond à « ${q} ».`,
  noCompany: (q) => `Aucune entreprise ne correspond à « ${q} ».`,
  emptyHint:
    'Le code IDCC (4 chiffres) figure sur le bulletin de paie, à côté de la convention collective. Vous pouvez aussi chercher votre entreprise par son SIRET (14 chiffres, sur vos factures ou votre extrait Kbis).',
  badNumber:
    'Ce numéro n’a pas la bonne longueur : un IDCC compte 1 à 4 chiffres, un SIREN 9 et un SIRET 14.',
  typeSomething: 'Saisissez d’abord un code IDCC, des mots, un SIRET ou un nom d’entreprise.',
  convention: 'Convention collective',
  untitled: 'Intitulé non disponible',
  yourOpco: 'Votre OPCO',
  noOpco: 'Pas d’OPCO à indiquer',
  confidence: { high: 'Fiabilité élevée', medium: 'Fiabilité moyenne', low: 'Fiabilité faible' },
  alternatives: 'Autres OPCO déclarés :',
  criteria: (opco) => `Critères de financement de ${opco}`,
  perBranch: 'Les critères de prise en charge sont fixés par chaque branche professionnelle.',
  website: (opco) => `Site de ${opco}`,
  steps: 'Les étapes d’une demande de prise en charge',
  actors: { ganapati: 'Ganapati', company: 'Votre entreprise', trainer: 'Le formateur' },
  source: 'Source : table SIRET-OPCO de France compétences, édition',
  companyConventions: 'Conventions collectives déclarées',
  chosen: 'retenue',
  closed: 'Établissement fermé',
  result: (opco) => `Résultat : ${opco ?? 'pas d’OPCO à indiquer'}.`,
  step: {
    documents:
      'Dès que le formateur valide la session, Ganapati génère les documents légaux (convention, programme, devis) et vous les envoie dans un dossier individuel de formation.',
    send: (opco) => `Vous envoyez la demande de prise en charge et les documents à ${opco}`,
    channel: (send) =>
      `${send}, depuis son espace entreprise en ligne ou selon les modalités de votre branche.`,
    answer:
      'Dès réception de la réponse (accord de prise en charge), vous la déposez dans votre tableau de bord Ganapati.',
    check:
      'Ganapati contrôle et valide la prise en charge : c’est le feu vert, la formation ne démarre qu’à ce moment-là.',
    training: 'Le formateur anime la formation puis vous remet le certificat de réalisation.',
    invoice: (opco) =>
      `Ganapati facture le financeur (votre entreprise et/ou ${opco}, selon le choix de paiement). Prise en charge totale avec subrogation : vous n’avez rien à faire ; sinon vous payez Ganapati et ${opco} vous rembourse.`,
  },
}

export const simulator: Translation['simulator'] = {
  scheme: 'Dispositif',
  schemes: {
    apprentissage: 'Contrat d’apprentissage',
    'contrat-pro': 'Contrat de professionnalisation',
    'pro-a': 'Pro-A (reconversion ou promotion par alternance)',
    plan: 'Plan de développement des compétences',
    'tutor-training': 'Formation du tuteur ou du maître d’apprentissage',
  },
  compare: 'Comparer avec…',
  noCompare: 'Aucun autre dispositif',
  fields: {
    date: 'Date de conclusion du contrat ou de début de la formation',
    opco: 'OPCO (facultatif)',
    idcc: 'IDCC de la convention collective (facultatif)',
    branch: 'Branche de l’OPCO',
    headcount: 'Effectif de l’entreprise (salariés)',
    level: 'Niveau du diplôme ou du titre préparé',
    price: 'Prix de la formation (€)',
    npec: 'Niveau de prise en charge du contrat, NPEC (€)',
    hours: 'Durée de la formation (heures)',
    rate: 'Forfait horaire de la branche (€/h, facultatif)',
    rqth: 'Apprenti reconnu travailleur handicapé (RQTH)',
    distance: 'Formation suivie à distance (seuil de la règle en vigueur)',
    priority: 'Public prioritaire (sans qualification, minima sociaux…)',
    meals: 'Repas pris en charge (nombre)',
    nights: 'Nuitées (nombre)',
    equipment: 'Premier équipement (€)',
  },
  annex: 'Frais annexes (facultatif)',
  unknownBranch: 'Non précisée',
  branchNumber: 'Branche n°\u00a0',
  distance: (percent) => `Formation suivie à distance pour au moins ${percent} %`,
  levels: [
    'CAP, BEP',
    'bac',
    'bac +2 (BTS, DEUST)',
    'bac +3 ou +4 (licence, BUT)',
    'bac +5 (master)',
  ],
  choose: 'Choisir…',
  unknownOpco: 'Non précisé',
  hint: 'Montants en euros, par exemple 8 500 ou 8 500,50.',
  badNumber: 'Saisissez un nombre, par exemple 8 500 ou 8 500,50.',
  fix: 'Corrigez le champ signalé pour voir l’estimation.',
  missing: (fields) =>
    `Renseignez ${fields.map((field) => `« ${field} »`).join(', ')} pour voir l’estimation.`,
  loading: 'Calcul en cours…',
  amounts: {
    opco: 'Pris en charge par l’OPCO',
    employer: 'Reste à charge de l’entreprise',
    state: 'Aide de l’État à l’entreprise',
  },
  total: 'Coût de la formation',
  payers: { opco: 'OPCO', employer: company, state: 'État' },
  unknown: 'Montant non estimé',
  lines: 'Détail du calcul et sources',
  source: (date) => (date ? `source du ${date.split('-').reverse().join('/')}` : 'source'),
  entered: 'd’après vos montants',
  warnings: 'À savoir',
  link: 'Lien de cette simulation',
  copy: 'Copier le lien',
  copied: 'Lien copié.',
  copyByHand: 'Sélectionnez le lien puis copiez-le (Ctrl+C).',
}

export const booking: Translation['booking'] = {
  intro: (minutes, advisor) => `Un appel de ${minutes} minutes avec ${advisor}.`,
  anAdvisor: 'un conseiller Ganapati',
  zone: (zone) => `Horaires affichés dans votre fuseau horaire : ${zone}.`,
  loading: 'Chargement des créneaux libres…',
  days: 'Choisissez un jour',
  slots: (day) => `Choisissez un horaire, ${day}`,
  count: (n) => (n > 1 ? `${n} créneaux` : '1 créneau'),
  paris: 'heure de Paris',
  empty: (days) => `Aucun créneau libre dans les ${days} prochains jours.`,
  emptyLater: (from, to) => `Aucun créneau libre du ${from} au ${to}.`,
  previous: (days) => `${days} jours précédents`,
  next: (days) => `${days} jours suivants`,
  form: 'Vos coordonnées',
  fields: {
    name: 'Nom et prénom',
    email: 'Adresse e-mail',
    phone: 'Téléphone (facultatif)',
    company: 'Entreprise (facultatif)',
    message: 'Votre question (facultatif)',
  },
  required: { name: 'Indiquez votre nom.', email: 'Indiquez votre adresse e-mail.' },
  badEmail: 'Adresse e-mail invalide : par exemple nom@entreprise.fr.',
  fix: 'Corrigez le champ signalé, puis confirmez à nouveau.',
  context: 'Votre conseiller recevra :',
  submit: 'Confirmer le rendez-vous',
  submitting: 'Réservation en cours…',
  taken: (when) =>
    `Le créneau du ${when} vient d’être réservé par quelqu’un d’autre. Choisissez-en un autre : la liste est à jour et vos informations sont conservées.`,
  unavailable: (when) =>
    `Le créneau du ${when} n’est plus proposé. Choisissez-en un autre : la liste est à jour et vos informations sont conservées.`,
  inFlight:
    'Votre demande précédente est encore en cours de traitement. Patientez quelques secondes, puis confirmez à nouveau.',
  tooLarge: 'Votre message est trop long : raccourcissez-le, puis confirmez à nouveau.',
  tooMany: 'Trop de demandes en peu de temps. Patientez un instant, puis confirmez à nouveau.',
  kept: 'Vos informations sont conservées.',
  confirmed: 'Rendez-vous confirmé',
  withAdvisor: (advisor) => `Avec ${advisor}.`,
  atParis: (call) => `Soit ${call} (heure de Paris).`,
  calendar: 'Ajouter à mon agenda',
  cancel: 'Annuler le rendez-vous',
  ask: 'Annuler ce rendez-vous ? Le créneau sera libéré.',
  yes: 'Oui, annuler',
  no: 'Non, le garder',
  cancelling: 'Annulation en cours…',
  cancelled: 'Rendez-vous annulé',
  again: 'Choisir un autre créneau',
  noAdvisor: 'Aucun conseiller ne prend de rendez-vous pour le moment.',
  unknownAdvisor: 'Ce conseiller est introuvable.',
  badHref:
    'Le lien de prise de rendez-vous de cette page n’est pas valide : seules les adresses http et https sont acceptées.',
  badProvider: 'Le service de rendez-vous de cette page doit être hubspot, calcom ou calendly.',
  contextSchemes: {
    apprentissage: 'contrat d’apprentissage',
    'contrat-pro': 'contrat de professionnalisation',
    'pro-a': 'Pro-A',
    plan: 'plan de développement des compétences',
    'tutor-training': 'formation du tuteur',
  },
  simulation: (scheme, date) => `Simulation ${scheme} au ${date}`,
  contextAmounts: ['coût', 'OPCO', 'reste à charge', 'aide de l’État'],
  notEstimated: 'non estimé',
}
