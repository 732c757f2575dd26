/**
 * Steps of a funding request (« demande de prise en charge ») as Ganapati runs it: the product's
 * own process. Where the company files the request comes from the OPCO's data (its flyer). Pure.
 */
import type { Opco } from '../../api/contracts/opcos'
import type { FinderWords, Lang, StepActor } from '../i18n/translation'

export interface FundingStep {
  actor: StepActor
  text: string
}

/** The request, from session validation to payment, as the company lives it, in `words`' language. */
export function fundingSteps(opco: Opco, lang: Lang, { step }: FinderWords): FundingStep[] {
  const name = lang === 'fr' ? opco.nameInFrenchSentence : opco.shortName
  return [
    { actor: 'ganapati', text: step.documents },
    // Without a flyer saying where, the OPCO's online space or the branch's own rules.
    {
      actor: 'company',
      text: opco.fundingRequest?.channel?.[lang] ?? step.channel(step.send(name)),
    },
    { actor: 'company', text: step.answer },
    { actor: 'ganapati', text: step.check },
    { actor: 'trainer', text: step.training },
    { actor: 'ganapati', text: step.invoice(name) },
  ]
}
