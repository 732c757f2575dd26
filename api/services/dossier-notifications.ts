/**
 * The outbox rows a dossier event queues, in the same transaction as the event: its signed webhook
 * `dossier.<type>` (subject `dossier:<id>`, so a receiver gets a dossier's events in order), and with
 * e-mail configured the seeds' e-mails to the trainer. Reminders are queued the same way by the
 * background round.
 */
import type { Dossier, DossierEvent } from '../../db/dossiers'
import type { QueuedNotification } from '../../db/members'
import type { Member } from '../contracts/members'
import type { NextAction } from '../contracts/dossiers'
import type { Opco } from '../contracts/opcos'
import {
  documentsReceivedMail,
  trainerPaidMail,
  type DossierMailFacts,
} from '../domain/dossier-mail'
import type { QueuedMail } from '../domain/queued-mail'
import { queuedMailRow } from './mail-rows'

/** The OPCO as the e-mails name it, with its flyer's funding-request wording. */
export interface DossierOpco {
  id: string
  name: string
  /** With its article, for sentences: « l’OPCO EP », « AKTO ». */
  inSentence: string
  fundingRequest: { channel: string | null; note: string | null } | null
}

/**
 * The OPCO of a dossier from its catalog entry or its row: the short name sentences use (AKTO's
 * official name is a tagline), the flyer's French wording; the bare id if the OPCO is unknown.
 */
export function dossierOpco(
  id: string,
  opco:
    Pick<Opco, 'name' | 'shortName' | 'nameInFrenchSentence' | 'fundingRequest'> | null | undefined,
): DossierOpco {
  const name = opco?.shortName || opco?.name || id
  return {
    id,
    name,
    inSentence: opco?.nameInFrenchSentence || name,
    fundingRequest: opco?.fundingRequest
      ? {
          channel: opco.fundingRequest.channel?.fr ?? null,
          note: opco.fundingRequest.note?.fr ?? null,
        }
      : null,
  }
}

export interface DossierChange {
  dossier: Dossier
  /** The event just recorded; its `sequence` is the dossier's new version. */
  event: DossierEvent
  opco: DossierOpco
  trainer: Member
  /** Who must act now that the event is recorded. */
  next: NextAction | null
  publicUrl: string
}

export const dossierSubject = (id: string) => `dossier:${id}`

export function mailFacts(
  dossier: Dossier,
  opco: DossierOpco,
  publicUrl: string,
): DossierMailFacts {
  return {
    id: dossier.id,
    reference: dossier.reference,
    title: dossier.training.title,
    startDate: dossier.training.startDate,
    endDate: dossier.training.endDate,
    companyName: dossier.companyName,
    opcoName: opco.name,
    opcoInSentence: opco.inSentence,
    fundingRequest: opco.fundingRequest,
    page: dossier.pageUrl ?? new URL('/', publicUrl).href,
  }
}

/** The receiver's view: the dossier after the event, and the event itself. */
function webhookPayload(change: DossierChange): string {
  const { dossier, event } = change
  return JSON.stringify({
    type: `dossier.${event.type}`,
    dossier: {
      id: dossier.id,
      reference: dossier.reference,
      state: event.state,
      version: event.sequence,
      trainerId: dossier.trainerId,
      company: {
        siret: dossier.companySiret,
        name: dossier.companyName,
        idcc: dossier.companyIdcc,
        contactEmail: dossier.companyContactEmail,
      },
      opcoId: dossier.opcoId,
      training: dossier.training,
      priceCents: dossier.priceCents,
      fundingMode: dossier.fundingMode,
      nextAction: change.next,
    },
    event: {
      sequence: event.sequence,
      type: event.type,
      at: event.at,
      actor: { role: event.actorRole, id: event.actorId, name: event.actorName },
      note: event.note,
      data: event.data,
      documents: event.documents,
    },
  })
}

/** An e-mail about a dossier to one of its people; each recipient's e-mails go in order. */
export function dossierMailRow(
  dossierId: string,
  recipient: 'trainer' | 'company',
  topic: string,
  at: string,
  mail: QueuedMail,
): Promise<QueuedNotification> {
  return queuedMailRow({ topic, subject: `${dossierSubject(dossierId)}:${recipient}`, at }, mail)
}

/** The webhook always; with e-mail, the trainer's news of the documents and of their payment. */
export async function dossierEventRows(
  change: DossierChange,
  mail: boolean,
): Promise<QueuedNotification[]> {
  const { dossier, event, trainer } = change
  const topic = `dossier.${event.type}`
  const rows: QueuedNotification[] = [
    {
      id: crypto.randomUUID(),
      channel: 'webhook',
      topic,
      subject: dossierSubject(dossier.id),
      payload: webhookPayload(change),
      sealedToken: null,
      at: event.at,
      dueAt: event.at,
    },
  ]
  if (!mail) return rows
  const facts = mailFacts(dossier, change.opco, change.publicUrl)
  const person = { name: trainer.name, email: trainer.email }
  const amount = typeof event.data.amountCents === 'number' ? event.data.amountCents : null
  const trainerMail =
    event.type === 'documents_sent'
      ? documentsReceivedMail(person, facts, change.next)
      : event.type === 'trainer_paid'
        ? trainerPaidMail(person, facts, amount)
        : null
  if (trainerMail) {
    rows.push(await dossierMailRow(dossier.id, 'trainer', topic, event.at, trainerMail))
  }
  return rows
}
