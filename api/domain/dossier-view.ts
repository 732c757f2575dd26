/**
 * A dossier as the API answers it: its state (its last event's), the steps the caller's role may
 * take, who acts next and by when, its timeline of events and reminders; and a list filtered by
 * who is awaited, late first. Pure: the instant comes from the caller.
 */
import type { Dossier, DossierRecord } from '../../db/dossiers'
import type {
  DossierListQuery,
  DossierState,
  DossierView,
  TimelineEntry,
} from '../contracts/dossiers'
import type { MemberRole } from '../contracts/members'
import type { z } from 'zod'
import { nextAction, upcomingSteps, type ServiceLevels } from './dossier-deadlines'
import { allowedEvents, factsOf, type DossierFacts } from './dossier-workflow'

export interface ViewContext {
  role: MemberRole
  levels: ServiceLevels
  now: number
  /** The OPCO's name for sentences and lists (AKTO's official one is a tagline). */
  opco: (id: string) => { name: string; inSentence: string }
}

/** A dossier's state: its last event's. */
export const stateOf = (record: Pick<DossierRecord, 'events'>): DossierState =>
  record.events.at(-1)?.state ?? 'session_validated'

export const factsOfRecord = (record: DossierRecord): DossierFacts =>
  factsOf(record.dossier.fundingMode, record.events)

export function dossierView(record: DossierRecord, context: ViewContext): DossierView {
  const { dossier } = record
  const state = stateOf(record)
  const facts = factsOfRecord(record)
  const names = context.opco(dossier.opcoId)
  const opco = { id: dossier.opcoId as DossierView['opco']['id'], name: names.name }
  const deadlineInput = {
    state,
    facts,
    training: dossier.training,
    opco: { ...opco, inSentence: names.inSentence },
    since: record.events.at(-1)?.at ?? dossier.createdAt,
  }
  return {
    id: dossier.id,
    reference: dossier.reference,
    state,
    version: dossier.version,
    trainer: { id: dossier.trainerId, name: record.trainerName },
    company: companyOf(dossier),
    opco,
    training: dossier.training,
    trainees: dossier.trainees,
    priceCents: dossier.priceCents,
    fundingMode: facts.fundingMode,
    simulationId: dossier.simulationId,
    createdAt: dossier.createdAt,
    nextAction: nextAction(deadlineInput, context.levels, context.now),
    upcoming: upcomingSteps(deadlineInput, context.levels),
    allowedEvents: allowedEvents(state, facts, context.role),
  }
}

const companyOf = (dossier: Dossier) => ({
  siret: dossier.companySiret,
  name: dossier.companyName,
  idcc: dossier.companyIdcc,
  contactEmail: dossier.companyContactEmail,
})

/** Every event, then the reminders sent, in time order (an event first at the same instant). */
export function timelineOf(record: DossierRecord): TimelineEntry[] {
  const events: TimelineEntry[] = record.events.map((event) => ({
    type: event.type,
    sequence: event.sequence,
    state: event.state,
    at: event.at,
    actor: { role: event.actorRole, name: event.actorName },
    note: event.note,
    data: event.data,
    documents: event.documents,
  }))
  const reminders: TimelineEntry[] = record.reminders.map((reminder) => ({
    type: 'reminder',
    sequence: null,
    state: null,
    at: reminder.at,
    actor: { role: 'system', name: 'Ganapati' },
    note: null,
    data: {
      kind: reminder.kind,
      recipients: reminder.recipients.split(','),
      version: reminder.version,
    },
    documents: [],
  }))
  return [...events, ...reminders].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))
}

/** Case and accents ignored: « societe » finds « Société ». */
const folded = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()

const dueOrder = (view: DossierView) =>
  view.nextAction?.dueAt ? Date.parse(view.nextAction.dueAt) : Number.POSITIVE_INFINITY

/** The page of views a list query asks for: late ones first, then by due date, then oldest. */
export function listPage(
  views: DossierView[],
  query: z.output<typeof DossierListQuery>,
  role: MemberRole,
): { items: DossierView[]; total: number } {
  const q = query.q ? folded(query.q) : null
  const matching = views.filter(
    (view) =>
      (query.waiting !== 'me' || view.nextAction?.actor === role) &&
      (query.waiting !== 'late' || view.nextAction?.late === true) &&
      (!query.state || view.state === query.state) &&
      (!q ||
        [view.reference, view.company.name, view.training.title].some((text) =>
          folded(text).includes(q),
        )),
  )
  const sorted = matching.sort(
    (a, b) =>
      Number(b.nextAction?.late ?? false) - Number(a.nextAction?.late ?? false) ||
      dueOrder(a) - dueOrder(b) ||
      a.createdAt.localeCompare(b.createdAt),
  )
  const start = (query.page - 1) * query.pageSize
  return { items: sorted.slice(start, start + query.pageSize), total: matching.length }
}
