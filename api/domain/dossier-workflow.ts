/**
 * The dossier workflow as one table (PRODUCT.md §1, the seed flyers): from each state, which event
 * leads where, and which roles may record it. The API, the tests (one row, one case) and the
 * tracker's action buttons all read TRANSITIONS. Pure.
 */
import {
  BEFORE_TRAINING,
  type DossierEventType,
  type DossierState,
  type FundingMode,
  type PecDecision,
} from '../contracts/dossiers'
import type { MemberRole } from '../contracts/members'

/** What earlier events decided, for the rows that depend on it. */
export interface DossierFacts {
  /** The OPCO's answer as the company uploaded it; null before. */
  pecDecision: PecDecision | null
  /** Whether Ganapati has paid the trainer (a control may open before or after). */
  trainerPaid: boolean
  fundingMode: FundingMode
}

export interface Transition {
  from: DossierState
  event: DossierEventType
  to: DossierState
  roles: readonly MemberRole[]
  /** A condition on the facts; the row applies only when it holds. */
  when?: { pecDecision?: readonly PecDecision[]; trainerPaid?: boolean }
}

/** The states after which nothing more happens, unless the OPCO opens a control. */
export const FINISHED: readonly DossierState[] = ['closed', 'cancelled']

export const TRANSITIONS: readonly Transition[] = [
  // Ganapati generates the convention, programme and devis and sends them to the company.
  { from: 'session_validated', event: 'documents_sent', to: 'documents_sent', roles: ['staff'] },
  // The company files the PEC with its OPCO (its portal), then says so.
  {
    from: 'documents_sent',
    event: 'pec_requested',
    to: 'pec_requested',
    roles: ['company', 'staff'],
  },
  // The company uploads the OPCO's answer: accepted, partial or refused.
  { from: 'pec_requested', event: 'pec_received', to: 'pec_received', roles: ['company', 'staff'] },
  // Ganapati checks and validates the PEC: the green light; the trainer never starts before.
  {
    from: 'pec_received',
    event: 'pec_validated',
    to: 'pec_validated',
    roles: ['staff'],
    when: { pecDecision: ['accepted'] },
  },
  // A refused or partial PEC: the company pays directly (or the dossier is cancelled, below).
  {
    from: 'pec_received',
    event: 'switched_to_direct',
    to: 'switched_to_direct',
    roles: ['company', 'staff'],
    when: { pecDecision: ['partial', 'refused'] },
  },
  {
    from: 'pec_validated',
    event: 'training_started',
    to: 'training_started',
    roles: ['trainer', 'staff'],
  },
  {
    from: 'switched_to_direct',
    event: 'training_started',
    to: 'training_started',
    roles: ['trainer', 'staff'],
  },
  // The trainer runs the session and issues the certificat de réalisation.
  {
    from: 'training_started',
    event: 'training_completed',
    to: 'training_completed',
    roles: ['trainer', 'staff'],
  },
  // Ganapati invoices the funder: the company and/or the OPCO, by payment choice.
  { from: 'training_completed', event: 'invoiced', to: 'invoiced', roles: ['staff'] },
  { from: 'invoiced', event: 'payment_received', to: 'paid', roles: ['staff'] },
  // Once paid by the funder, Ganapati pays the trainer.
  { from: 'paid', event: 'trainer_paid', to: 'trainer_paid', roles: ['staff'] },
  { from: 'trainer_paid', event: 'closed', to: 'closed', roles: ['staff'] },
  // « Contrôle de service fait »: the OPCO may ask for invoices and expense statements after payment.
  ...(['paid', 'trainer_paid', 'closed'] as const).map((from): Transition => ({
    from,
    event: 'control_requested',
    to: 'control_requested',
    roles: ['staff'],
  })),
  {
    from: 'control_requested',
    event: 'control_answered',
    to: 'control_answered',
    roles: ['staff'],
  },
  {
    from: 'control_answered',
    event: 'trainer_paid',
    to: 'trainer_paid',
    roles: ['staff'],
    when: { trainerPaid: false },
  },
  {
    from: 'control_answered',
    event: 'closed',
    to: 'closed',
    roles: ['staff'],
    when: { trainerPaid: true },
  },
  // Cancelled only before the training starts, by whoever is party to it.
  ...BEFORE_TRAINING.map((from): Transition => ({
    from,
    event: 'cancelled',
    to: 'cancelled',
    roles: ['trainer', 'company', 'staff'],
  })),
]

function holds(transition: Transition, facts: DossierFacts): boolean {
  const when = transition.when
  if (!when) return true
  if (when.pecDecision && !(facts.pecDecision && when.pecDecision.includes(facts.pecDecision)))
    return false
  if (when.trainerPaid !== undefined && when.trainerPaid !== facts.trainerPaid) return false
  return true
}

/** The rows that apply from a state, given the facts. */
export function transitionsFrom(state: DossierState, facts: DossierFacts): Transition[] {
  return TRANSITIONS.filter((row) => row.from === state && holds(row, facts))
}

/** The events a role may record now. */
export function allowedEvents(
  state: DossierState,
  facts: DossierFacts,
  role: MemberRole,
): DossierEventType[] {
  return transitionsFrom(state, facts)
    .filter((row) => row.roles.includes(role))
    .map((row) => row.event)
}

export type StepCheck =
  | { ok: true; to: DossierState }
  /** Not possible from this state: the events that are. */
  | { ok: false; refusal: 'state'; allowed: DossierEventType[] }
  /** Possible, but another role's to record. */
  | { ok: false; refusal: 'role'; roles: readonly MemberRole[] }

/** Whether `role` may record `event` now, and where it leads. */
export function checkStep(
  state: DossierState,
  facts: DossierFacts,
  event: DossierEventType,
  role: MemberRole,
): StepCheck {
  const rows = transitionsFrom(state, facts)
  const row = rows.find((candidate) => candidate.event === event)
  if (!row) return { ok: false, refusal: 'state', allowed: rows.map((r) => r.event) }
  if (!row.roles.includes(role)) return { ok: false, refusal: 'role', roles: row.roles }
  return { ok: true, to: row.to }
}

/** The facts a dossier's history established, oldest event first. */
export function factsOf(
  fundingMode: FundingMode,
  events: readonly { type: DossierEventType; data: Record<string, unknown> }[],
): DossierFacts {
  let pecDecision: PecDecision | null = null
  let trainerPaid = false
  let mode = fundingMode
  for (const event of events) {
    if (event.type === 'pec_received') pecDecision = event.data.decision as PecDecision
    if (event.type === 'trainer_paid') trainerPaid = true
    // The company pays Ganapati itself from then on.
    if (event.type === 'switched_to_direct') mode = 'direct'
  }
  return { pecDecision, trainerPaid, fundingMode: mode }
}
