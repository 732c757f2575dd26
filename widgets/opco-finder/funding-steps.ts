/**
 * Steps of a funding request (« demande de prise en charge ») as Ganapati runs it: the product's
 * own process. Where the company files the request comes from the OPCO's data (its flyer).
 */
import type { Opco } from '../../api/contracts/opcos'
import type { Lang } from '../shared/i18n'

export type StepActor = 'ganapati' | 'company' | 'trainer'

export interface FundingStep {
  actor: StepActor
  text: string
}

/** The request, from session validation to payment, as the company lives it. */
export function fundingSteps(opco: Opco, lang: Lang): FundingStep[] {
  const fr = lang === 'fr'
  const name = fr ? opco.nameInFrenchSentence : opco.shortName
  const send = fr
    ? `Vous envoyez la demande de prise en charge et les documents à ${name}`
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
      // Without a flyer saying where, the OPCO's online space or the branch's own rules.
      text:
        opco.fundingRequest?.channel?.[lang] ??
        (fr
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
        ? `Ganapati facture le financeur (votre entreprise et/ou ${name}, selon le choix de paiement). Prise en charge totale avec subrogation : vous n’avez rien à faire ; sinon vous payez Ganapati et ${name} vous rembourse.`
        : `Ganapati invoices the funder (your company and/or ${name}, as chosen). Full funding with subrogation: nothing to do; otherwise you pay Ganapati and ${name} reimburses you.`,
    },
  ]
}
