/** Every label and warning of a simulation, in French (default) and English: figures in, sentences out. */
import type { Scheme } from '../../contracts/funding-rules'
import { ofName, type Lang } from '../reason-text'

const euroFormats: Record<Lang, Intl.NumberFormat> = {
  fr: new Intl.NumberFormat('fr-FR', {
    style: 'currency',
    currency: 'EUR',
    maximumFractionDigits: 2,
    minimumFractionDigits: 0,
  }),
  en: new Intl.NumberFormat('en-GB', {
    style: 'currency',
    currency: 'EUR',
    maximumFractionDigits: 2,
    minimumFractionDigits: 0,
  }),
}

export const formatEuros = (cents: number, lang: Lang = 'fr'): string =>
  euroFormats[lang].format(cents / 100)

export interface OpcoPages {
  name: string
  fundingCriteriaUrl: string | null
  website: string | null
}

export interface FundingText {
  scheme: Record<Scheme, string>
  npecFunded: string
  npecCut: (percent: number) => string
  aboveNpec: string
  participationDeducted: (minLevel: number) => string
  participationInvoiced: (minLevel: number) => string
  annexMeals: (count: number) => string
  annexNights: (count: number) => string
  annexEquipment: string
  hiringAid: string
  aidProrated: string
  noAidForContract: string
  noAidAtDate: string
  hourlyLine: (hours: number, rate: string, cappedByPrice: boolean) => string
  enteredRate: (rate: string) => string
  hoursCapped: (max: number, beyond: number) => string
  legalDefault: string
  legalCeiling: string
  planLine: (limits: string[]) => string
  planHourly: (hours: number, rate: string) => string
  planYearly: (cap: string) => string
  planBeyondScale: (max: number) => string
  fundsLimit: string
  remainder: string
  noRate: (scheme: Scheme, opco: string | null) => string
  noPlanScale: (opco: string | null) => string
  noBracket: (headcount: number) => string
  notEstimated: string
  criteria: (opco: OpcoPages | null) => string
}

const page = (opco: OpcoPages) => opco.fundingCriteriaUrl ?? opco.website

const french: FundingText = {
  scheme: {
    apprentissage: "l'apprentissage",
    'contrat-pro': 'le contrat de professionnalisation',
    'pro-a': 'la Pro-A',
    plan: 'le plan de développement des compétences',
    'tutor-training': 'la formation du tuteur',
  },
  npecFunded: 'Prise en charge OPCO : NPEC du contrat',
  npecCut: (percent) => `Prise en charge OPCO : NPEC minoré de ${percent} % (formation à distance)`,
  aboveNpec: 'Reste à charge : prix au-delà du NPEC',
  participationDeducted: (level) =>
    `Participation obligatoire de l'employeur (niveau ${level} et plus), déduite de la prise en charge OPCO`,
  participationInvoiced: (level) =>
    `Participation obligatoire de l'employeur (niveau ${level} et plus), facturée par le CFA`,
  annexMeals: (count) => `Frais annexes : ${count} repas`,
  annexNights: (count) => `Frais annexes : ${count} nuitées`,
  annexEquipment: 'Frais annexes : premier équipement',
  hiringAid: "Aide de l'État à l'embauche d'un apprenti (1re année), au plus",
  aidProrated:
    "L'aide de l'État est un maximum, versé chaque mois et proratisé au jour près si le contrat dure moins d'un an ou est rompu (décret n° 2025-1031 du 31/10/2025).",
  noAidForContract:
    "Aucune aide de l'État à l'embauche pour ce contrat : la taille de l'entreprise ou le niveau visé n'y ouvre pas droit.",
  noAidAtDate: "Aucune aide de l'État à l'embauche connue pour un contrat conclu à cette date.",
  hourlyLine: (hours, rate, capped) =>
    `Prise en charge OPCO : ${hours} h × ${rate}/h${capped ? ', limitée au prix' : ''}`,
  enteredRate: (rate) => `Taux horaire saisi (${rate}/h) : vérifiez-le auprès de votre OPCO.`,
  hoursCapped: (max, beyond) =>
    `Prise en charge limitée à ${max} h : les ${beyond} h suivantes restent à votre charge.`,
  legalDefault: "Aucun barème de branche connu : le forfait légal par défaut s'applique.",
  legalCeiling: 'Plafond légal : votre branche peut prévoir moins.',
  planLine: (limits) => `Prise en charge OPCO${limits.length ? ` (${limits.join(', ')})` : ''}`,
  planHourly: (hours, rate) => `${hours} h × ${rate}/h`,
  planYearly: (cap) => `plafond annuel ${cap}`,
  planBeyondScale: (max) => `Le barème horaire connu s'arrête à ${max} h de formation.`,
  fundsLimit:
    "Dans la limite des fonds disponibles de l'OPCO : le barème peut être révisé en cours d'année.",
  remainder: 'Reste à charge',
  noRate: (scheme, opco) =>
    `Aucun forfait connu pour ${french.scheme[scheme]}${opco ? ` chez ${opco}` : ''} à cette date.`,
  noPlanScale: (opco) =>
    `Aucun barème connu du plan de développement des compétences${opco ? ` chez ${opco}` : ''} pour cette branche à cette date.`,
  noBracket: (headcount) => `Aucun plafond connu pour une entreprise de ${headcount} salariés.`,
  notEstimated: "Le montant pris en charge n'est pas estimé.",
  criteria: (opco) => {
    if (!opco) return 'Consultez les critères de prise en charge de votre OPCO.'
    const url = page(opco)
    return url
      ? `Consultez les critères ${ofName(opco.name)} : ${url}`
      : `Consultez les critères ${ofName(opco.name)}.`
  },
}

const english: FundingText = {
  scheme: {
    apprentissage: 'apprenticeship',
    'contrat-pro': 'the contrat de professionnalisation',
    'pro-a': 'Pro-A',
    plan: 'the skills development plan',
    'tutor-training': 'tutor training',
  },
  npecFunded: "OPCO funding: the contract's NPEC",
  npecCut: (percent) => `OPCO funding: NPEC reduced by ${percent}% (distance learning)`,
  aboveNpec: 'Remaining cost: price above the NPEC',
  participationDeducted: (level) =>
    `Mandatory employer contribution (level ${level} and above), deducted from the OPCO funding`,
  participationInvoiced: (level) =>
    `Mandatory employer contribution (level ${level} and above), invoiced by the CFA`,
  annexMeals: (count) => `Ancillary costs: ${count} meals`,
  annexNights: (count) => `Ancillary costs: ${count} nights`,
  annexEquipment: 'Ancillary costs: first equipment',
  hiringAid: 'State aid for hiring an apprentice (first year), at most',
  aidProrated:
    'The State aid is a maximum, paid monthly and prorated to the day if the contract lasts under a year or ends early (décret n° 2025-1031 of 31/10/2025).',
  noAidForContract:
    "No State hiring aid for this contract: the company's size or the level does not qualify.",
  noAidAtDate: 'No State hiring aid is known for a contract concluded on this date.',
  hourlyLine: (hours, rate, capped) =>
    `OPCO funding: ${hours} h × ${rate}/h${capped ? ', capped at the price' : ''}`,
  enteredRate: (rate) => `Hourly rate entered (${rate}/h): check it with your OPCO.`,
  hoursCapped: (max, beyond) =>
    `Funding limited to ${max} h: the ${beyond} h beyond remain yours to pay.`,
  legalDefault: 'No branch rate is known: the legal default rate applies.',
  legalCeiling: 'Legal ceiling: your branch may set less.',
  planLine: (limits) => `OPCO funding${limits.length ? ` (${limits.join(', ')})` : ''}`,
  planHourly: (hours, rate) => `${hours} h × ${rate}/h`,
  planYearly: (cap) => `yearly cap ${cap}`,
  planBeyondScale: (max) => `The known hourly scale stops at ${max} training hours.`,
  fundsLimit: "Within the OPCO's available funds: the scale may be revised during the year.",
  remainder: 'Remaining cost',
  noRate: (scheme, opco) =>
    `No rate is known for ${english.scheme[scheme]}${opco ? ` at ${opco}` : ''} on this date.`,
  noPlanScale: (opco) =>
    `No skills development plan scale is known${opco ? ` at ${opco}` : ''} for this branch on this date.`,
  noBracket: (headcount) => `No cap is known for a company of ${headcount} employees.`,
  notEstimated: 'The funded amount is not estimated.',
  criteria: (opco) => {
    if (!opco) return "See your OPCO's funding criteria."
    const url = page(opco)
    return url ? `See ${opco.name}'s criteria: ${url}` : `See ${opco.name}'s criteria.`
  },
}

export const FUNDING_TEXT: Record<Lang, FundingText> = { fr: french, en: english }
