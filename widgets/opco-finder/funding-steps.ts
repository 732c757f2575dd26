/** Steps of a funding request (« demande de prise en charge ») per OPCO, from the Ganapati × OPCO flyers. */
import type { OpcoId } from '../../api/contracts/opcos'
import type { Lang } from '../shared/i18n'

export type StepActor = 'ganapati' | 'company' | 'trainer'

export interface FundingStep {
  actor: StepActor
  text: string
}

interface OpcoWording {
  /** Short name for sentences; the API's name can be a whole tagline (AKTO). */
  name: string
  /** The name in a French sentence, with the article the flyers use (« l’OPCO EP »); `name` if none. */
  fr?: string
  /** Where the company files the PEC, when a flyer says it; otherwise the generic wording. */
  where?: { fr: string; en: string }
  /** The flyer only says the request goes to the OPCO: no online space or branch rules to add. */
  direct?: true
}

const wordings: Record<OpcoId, OpcoWording> = {
  afdas: { name: 'Afdas', fr: 'l’Afdas' },
  // AKTO flyer + « Travailler avec AKTO »: the portal depends on the branch, moving to « Mon Espace ».
  akto: {
    name: 'AKTO',
    where: {
      fr: 'Vous déposez la demande de prise en charge et les documents sur le portail AKTO de votre branche (« Mon Espace »).',
      en: 'You file the funding request and the documents on the AKTO portal of your branch (“Mon Espace”).',
    },
  },
  // Atlas flyer: « les renvoie à ATLAS en ligne sur MyAtlas ».
  atlas: {
    name: 'Atlas',
    where: {
      fr: 'Vous envoyez la demande de prise en charge (formulaire de demande et programme) à Atlas, en ligne sur MyAtlas.',
      en: 'You send the funding request (request form and programme) to Atlas, online on MyAtlas.',
    },
  },
  constructys: { name: 'Constructys' },
  ocapiat: { name: 'Ocapiat' },
  'opco-2i': { name: 'OPCO 2i', fr: 'l’OPCO 2i' },
  'opco-ep': { name: 'OPCO EP', fr: 'l’OPCO EP', direct: true },
  'opco-mobilites': { name: 'OPCO Mobilités', fr: 'l’OPCO Mobilités' },
  'opco-sante': { name: 'OPCO Santé', fr: 'l’OPCO Santé' },
  opcommerce: { name: 'L’Opcommerce', direct: true },
  uniformation: { name: 'Uniformation' },
}

/** Short display name of an OPCO (alternatives list, sentences). */
export function opcoShortName(id: OpcoId | string): string {
  return wordings[id as OpcoId]?.name ?? id
}

/** The request, from session validation to payment, as the company lives it. */
export function fundingSteps(id: OpcoId, lang: Lang): FundingStep[] {
  const { name, fr: the = name, where, direct } = wordings[id] ?? { name: id }
  const fr = lang === 'fr'
  const send = fr
    ? `Vous envoyez la demande de prise en charge et les documents à ${the}`
    : `You send the funding request and the documents to ${name}`
  return [
    {
      actor: 'ganapati',
      text: fr
        ? 'Dès que le formateur valide la session, Ganapati génère les documents légaux (convention, programme, devis) et vous les envoie dans un dossier individuel de formation.'
        : 'As soon as the trainer validates the session, Ganapati generates the legal documents (agreement, programme, quote) and sends them to you as an individual training file.',
    },
    {
      actor: 'company',
      text:
        where?.[lang] ??
        (direct
          ? `${send}.`
          : fr
            ? `${send}, depuis son espace entreprise en ligne ou selon les modalités de votre branche.`
            : `${send}, through its online company space or as your branch requires.`),
    },
    {
      actor: 'company',
      text: fr
        ? 'Dès réception de la réponse (accord de prise en charge), vous la déposez dans votre tableau de bord Ganapati.'
        : 'When the answer arrives (funding agreement), you upload it to your Ganapati dashboard.',
    },
    {
      actor: 'ganapati',
      text: fr
        ? 'Ganapati contrôle et valide la prise en charge : c’est le feu vert, la formation ne démarre qu’à ce moment-là.'
        : 'Ganapati checks and validates the funding agreement: that is the green light, training only starts then.',
    },
    {
      actor: 'trainer',
      text: fr
        ? 'Le formateur anime la formation puis vous remet le certificat de réalisation.'
        : 'The trainer runs the training, then gives you the certificate of completion.',
    },
    {
      actor: 'ganapati',
      text: fr
        ? `Ganapati facture le financeur (votre entreprise et/ou ${the}, selon le choix de paiement). Prise en charge totale avec subrogation : vous n’avez rien à faire ; sinon vous payez Ganapati et ${the} vous rembourse.`
        : `Ganapati invoices the funder (your company and/or ${name}, as chosen). Full funding with subrogation: nothing to do; otherwise you pay Ganapati and ${name} reimburses you.`,
    },
  ]
}

/** L’Opcommerce flyer: « Seules les actions prévues, réalisées et dûment justifiées ouvrent droit au financement ». */
export function fundingNote(id: OpcoId, lang: Lang): string | null {
  if (id !== 'opcommerce') return null
  return lang === 'fr'
    ? 'Seules les actions prévues, réalisées et dûment justifiées ouvrent droit au financement par L’Opcommerce.'
    : 'Only planned, completed and duly justified actions are funded by L’Opcommerce.'
}
