/**
 * The dossier e-mails the seed flyers describe: the trainer told the company has received the
 * documents, the trainer's payment e-mail with the session number, and reminders to whoever must
 * act when a due date nears or passes. French, written when queued. Pure.
 */
import type { NextAction } from '../contracts/dossiers'
import { frenchDay, parisDate } from './calendar'
import type { QueuedMail } from './queued-mail'
import { DOSSIER_FRAGMENT } from './sign-in-link'

export interface DossierMailFacts {
  id: string
  reference: string
  title: string
  startDate: string
  endDate: string
  companyName: string
  opcoName: string
  /** With its article, for sentences: « l’OPCO EP ». */
  opcoInSentence: string
  /** The OPCO's flyer: where and how the company files its request; null where none says. */
  fundingRequest: { channel: string | null; note: string | null } | null
  /** The tracker's page (PUBLIC_URL's by default), reopened on the dossier; it asks to sign in. */
  page: string
}

const FOOTER =
  'Vous recevez cet e-mail parce que vous suivez ce dossier de formation avec Ganapati.'

const day = (date: string) => date.split('-').reverse().join('/')

const EUROS = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' })
/** Integer cents as French euros: « 1 234,50 € ». */
export const euros = (cents: number) => EUROS.format(cents / 100)

/** The dossier's page in the tracker: `<page>#ganapati-dossier=<id>`. */
export function dossierLink(page: string, id: string): string {
  const url = new URL(page)
  url.hash = `${DOSSIER_FRAGMENT}=${id}`
  return url.href
}

function facts(dossier: DossierMailFacts) {
  return {
    kind: 'facts' as const,
    rows: [
      { label: 'Session n°', value: dossier.reference },
      { label: 'Formation', value: dossier.title },
      { label: 'Dates', value: `du ${day(dossier.startDate)} au ${day(dossier.endDate)}` },
      { label: 'Entreprise', value: dossier.companyName },
      { label: 'OPCO', value: dossier.opcoName },
    ],
  }
}

const openLink = (dossier: DossierMailFacts) => ({
  kind: 'link' as const,
  label: 'Ouvrir le dossier',
  href: dossierLink(dossier.page, dossier.id),
})

type Person = { name: string; email: string }

/** The seeds: the trainer « reçoit un mail indiquant que l’entreprise a reçu les documents ». */
export function documentsReceivedMail(
  trainer: Person,
  dossier: DossierMailFacts,
  companyStep: NextAction | null,
): QueuedMail {
  return {
    to: trainer,
    subject: `${dossier.companyName} a reçu les documents de la session ${dossier.reference}`,
    blocks: [
      { kind: 'paragraph', text: `Bonjour ${trainer.name},` },
      {
        kind: 'paragraph',
        text: `Ganapati a envoyé à ${dossier.companyName} la convention, le programme et le devis de votre session « ${dossier.title} ».`,
      },
      {
        kind: 'paragraph',
        text: `Relancez votre client pour vous assurer que sa demande de prise en charge parvient bien à ${dossier.opcoInSentence}${companyStep?.dueAt ? `, au plus tard le ${longDate(companyStep.dueAt)}` : ''}. Ne démarrez la formation qu’une fois la prise en charge validée par Ganapati.`,
      },
      facts(dossier),
      openLink(dossier),
    ],
    signIn: null,
    footer: FOOTER,
  }
}

/** The seeds: the trainer « reçoit le paiement et un mail de confirmation avec le numéro de la session ». */
export function trainerPaidMail(
  trainer: Person,
  dossier: DossierMailFacts,
  amountCents: number | null,
): QueuedMail {
  return {
    to: trainer,
    subject: `Paiement de la session n° ${dossier.reference}`,
    blocks: [
      { kind: 'paragraph', text: `Bonjour ${trainer.name},` },
      {
        kind: 'paragraph',
        text: `Ganapati a reçu le paiement du financeur et vient de virer ${amountCents === null ? 'votre rémunération' : euros(amountCents)} sur votre compte pour la session n° ${dossier.reference}, « ${dossier.title} ».`,
      },
      facts(dossier),
      openLink(dossier),
    ],
    signIn: null,
    footer: FOOTER,
  }
}

/** The Paris day a due instant (the end of that day) closes: « 28 mars 2026 ». */
const longDate = (dueAt: string) => frenchDay(parisDate(Date.parse(dueAt) - 1))

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1)

/**
 * A reminder of a step coming due or overdue. The company filing its PEC gets the OPCO's way of
 * doing it (the flyer's words); the trainer is asked to chase the client (« relancez votre client »).
 */
export function reminderMail(
  recipient: { role: 'company' | 'trainer'; person: Person },
  dossier: DossierMailFacts,
  action: NextAction,
  kind: 'near' | 'late',
  pecStep: boolean,
): QueuedMail {
  const due = action.dueAt ? longDate(action.dueAt) : null
  const overdue = kind === 'late' ? ' (échéance dépassée)' : ''
  const chase = recipient.role === 'trainer' && action.actor === 'company'
  const subject = chase
    ? `Relancez ${dossier.companyName} : session ${dossier.reference}${overdue}`
    : pecStep
      ? `Envoyez votre demande de prise en charge à ${dossier.opcoInSentence} avant le ${due}${overdue}`
      : `À faire avant le ${due} : session ${dossier.reference}${overdue}`
  const how: QueuedMail['blocks'] =
    pecStep && !chase && dossier.fundingRequest
      ? [dossier.fundingRequest.channel, dossier.fundingRequest.note]
          .filter((text): text is string => Boolean(text))
          .map((text) => ({ kind: 'paragraph', text }))
      : []
  return {
    to: recipient.person,
    subject,
    blocks: [
      { kind: 'paragraph', text: `Bonjour ${recipient.person.name},` },
      {
        kind: 'paragraph',
        text: chase
          ? `${dossier.companyName} doit encore agir sur la session « ${dossier.title} » : ${lowerFirst(action.action)}. Relancez votre client pour vous assurer que sa demande est bien partie.`
          : `${action.action}${kind === 'late' ? ' : l’échéance est dépassée, faites-le dès que possible.' : '.'}`,
      },
      ...how,
      { kind: 'paragraph', text: action.reason },
      facts(dossier),
      openLink(dossier),
    ],
    signIn: null,
    footer: FOOTER,
  }
}
