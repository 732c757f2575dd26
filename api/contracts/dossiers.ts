/**
 * Public contract of the dossier routes: the workflow's states and events, what a trainer sends to
 * open a dossier, what each step carries, and the dossier, its timeline and its next action as
 * answered. zod only: the dossier tracker imports it.
 */
import { z } from 'zod'
import { Email, Siret } from './members'
import { OpcoId } from './opcos'
import { multiLine, singleLine } from './text-fields'

/**
 * A state is named after the event that leads to it, except `paid`, which `payment_received` leads
 * to: the two lists share everything else.
 */
/** The training has not started: the dossier may still be cancelled (PRODUCT.md §1). */
export const BEFORE_TRAINING = [
  'session_validated',
  'documents_sent',
  'pec_requested',
  'pec_received',
  'pec_validated',
  'switched_to_direct',
] as const
const STEPS_BEFORE_PAYMENT = [
  ...BEFORE_TRAINING,
  'training_started',
  'training_completed',
  'invoiced',
] as const
const STEPS_AFTER_PAYMENT = [
  'trainer_paid',
  'control_requested',
  'control_answered',
  'closed',
  'cancelled',
] as const

/** The workflow's states, in the seeds' order (PRODUCT.md §1), then the side branches. */
export const DOSSIER_STATES = [...STEPS_BEFORE_PAYMENT, 'paid', ...STEPS_AFTER_PAYMENT] as const
export const DossierState = z.enum(DOSSIER_STATES)
export type DossierState = z.infer<typeof DossierState>

/** `session_validated` opens a dossier (POST /v1/dossiers); the others go to POST /v1/dossiers/:id/events. */
export const DOSSIER_EVENT_TYPES = [
  ...STEPS_BEFORE_PAYMENT,
  'payment_received',
  ...STEPS_AFTER_PAYMENT,
] as const
export const DossierEventType = z.enum(DOSSIER_EVENT_TYPES)
export type DossierEventType = z.infer<typeof DossierEventType>

/** Who acts: a member's role, the OPCO (outside, through its own portal), or Ganapati's reminders. */
export const EVENT_ACTORS = ['staff', 'trainer', 'company', 'opco', 'system'] as const
export const EventActor = z.enum(EVENT_ACTORS)
export type EventActor = z.infer<typeof EventActor>

/** `subrogation`: the OPCO pays Ganapati; `direct`: the company pays and is reimbursed. */
export const FUNDING_MODES = ['subrogation', 'direct'] as const
export const FundingMode = z.enum(FUNDING_MODES)
export type FundingMode = z.infer<typeof FundingMode>

export const PEC_DECISIONS = ['accepted', 'partial', 'refused'] as const
export const PecDecision = z.enum(PEC_DECISIONS)
export type PecDecision = z.infer<typeof PecDecision>

const text = (max: number) =>
  singleLine(z.string().trim().min(1, 'Obligatoire.').max(max, `Au plus ${max} caractères.`))
const Cents = z
  .number({ message: 'Un montant en centimes.' })
  .int('Un montant en centimes entiers.')
  .min(0, 'Un montant positif.')
  .max(100_000_000_00, 'Au plus 100 millions d’euros.')
const ParisDate = z.iso.date({ message: 'Une date AAAA-MM-JJ.' })

export const DossierTraining = z
  .strictObject({
    title: text(200),
    /** Paris dates, first and last day of the session. */
    startDate: ParisDate,
    endDate: ParisDate,
    hours: z.number().positive('Un nombre d’heures positif.').max(2000, 'Au plus 2000 h.'),
    location: text(300).optional(),
    distance: z.literal(true).optional(),
  })
  .refine((training) => training.endDate >= training.startDate, {
    message: 'La fin de la formation ne peut précéder son début.',
    path: ['endDate'],
  })
  .refine((training) => Boolean(training.location) !== Boolean(training.distance), {
    message: 'Indiquez soit un lieu (location), soit une formation à distance (distance: true).',
    path: ['location'],
  })
export type DossierTraining = z.infer<typeof DossierTraining>

export const Trainee = z.strictObject({ name: text(200) })
export type Trainee = z.infer<typeof Trainee>

/** A document a step produced or received, by reference: the files themselves come with documents. */
export const DocumentRef = z.strictObject({
  kind: z.enum([
    'convention',
    'programme',
    'devis',
    'accord_pec',
    'attendance_sheet',
    'certificat_realisation',
    'invoice',
    'control_pack',
    'other',
  ]),
  reference: text(200),
  name: text(200).optional(),
})
export type DocumentRef = z.infer<typeof DocumentRef>

/** POST /v1/dossiers (a trainer, or staff naming the trainer). */
export const NewDossier = z.strictObject({
  company: z.strictObject({ siret: Siret, contactEmail: Email }),
  /** Overrides the OPCO the company's convention leads to. */
  opcoId: OpcoId.optional(),
  /** Required from staff: whose dossier it is. */
  trainerId: z.uuid({ message: 'Un identifiant de formateur (UUID).' }).optional(),
  training: DossierTraining,
  trainees: z.array(Trainee).min(1, 'Au moins un stagiaire.').max(200, 'Au plus 200 stagiaires.'),
  priceCents: Cents,
  fundingMode: FundingMode,
  simulationId: text(100).optional(),
  /** The page the tracker is on: the dossier's e-mails link back to it (PUBLIC_URL's or an allowed origin). */
  pageUrl: z
    .url({ message: 'L’adresse (http ou https) de la page du suivi.' })
    .max(2000)
    .optional(),
})
export type NewDossier = z.infer<typeof NewDossier>

/** What every step carries: the version the client saw, a note, the documents it records. */
const StepBase = {
  expectedVersion: z.number().int().min(1, 'La version lue (1 ou plus).'),
  note: multiLine(z.string().trim().max(2000, 'Au plus 2000 caractères.')).optional(),
  documents: z.array(DocumentRef).max(20, 'Au plus 20 documents.').optional(),
}
const step = <Type extends DossierEventType, Shape extends z.ZodRawShape>(
  type: Type,
  shape: Shape,
) => z.strictObject({ type: z.literal(type), ...StepBase, ...shape })

/** POST /v1/dossiers/:id/events: one route for every step, each with its own facts. */
export const DossierEventRequest = z.discriminatedUnion('type', [
  step('documents_sent', {}),
  step('pec_requested', { opcoReference: text(100).optional() }),
  step('pec_received', {
    decision: PecDecision,
    amountCents: Cents.optional(),
    opcoReference: text(100).optional(),
  }),
  step('pec_validated', {}),
  step('switched_to_direct', {}),
  step('training_started', {}),
  step('training_completed', {
    hoursDone: z.number().min(0, 'Un nombre d’heures positif.').max(2000, 'Au plus 2000 h.'),
  }),
  step('invoiced', { invoiceNumber: text(100).optional(), amountCents: Cents.optional() }),
  step('payment_received', { payer: z.enum(['company', 'opco']), amountCents: Cents }),
  step('trainer_paid', { amountCents: Cents.optional() }),
  step('control_requested', {}),
  step('control_answered', {}),
  step('closed', {}),
  step('cancelled', { reason: text(500) }),
])
export type DossierEventRequest = z.infer<typeof DossierEventRequest>

/** Who must act next, what, and by when; `late` is computed when answered, never stored. */
export const NextAction = z.object({
  actor: EventActor,
  action: z.string(),
  /** The end of the due day (Europe/Paris) as a UTC instant; null when nothing fixes one. */
  dueAt: z.string().nullable(),
  late: z.boolean(),
  reason: z.string(),
  /** Where the due date comes from: the OPCO's page, or Ganapati's own service level. */
  source: z.string().nullable(),
})
export type NextAction = z.infer<typeof NextAction>

/** A step still to come on the usual path, for the tracker's milestones. */
export const UpcomingStep = z.object({
  /** The state the step leads to. */
  state: DossierState,
  actor: EventActor,
  action: z.string(),
  /** When it is expected at the latest, counting each earlier step as done by its due date; null: no date. */
  dueAt: z.string().nullable(),
})
export type UpcomingStep = z.infer<typeof UpcomingStep>

export const TimelineEntry = z.object({
  /** A workflow event, or `reminder` (an e-mail the round sent, which changes no state). */
  type: z.union([DossierEventType, z.literal('reminder')]),
  sequence: z.number().nullable(),
  state: DossierState.nullable(),
  at: z.string(),
  actor: z.object({ role: EventActor, name: z.string() }),
  note: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  documents: z.array(DocumentRef),
})
export type TimelineEntry = z.infer<typeof TimelineEntry>

export const DossierView = z.object({
  id: z.string(),
  reference: z.string(),
  state: DossierState,
  version: z.number(),
  trainer: z.object({ id: z.string(), name: z.string() }),
  company: z.object({
    siret: z.string(),
    name: z.string(),
    idcc: z.string().nullable(),
    contactEmail: z.string(),
  }),
  opco: z.object({ id: OpcoId, name: z.string() }),
  training: DossierTraining,
  trainees: z.array(Trainee),
  priceCents: z.number(),
  fundingMode: FundingMode,
  simulationId: z.string().nullable(),
  createdAt: z.string(),
  nextAction: NextAction.nullable(),
  upcoming: z.array(UpcomingStep),
  /** The steps the caller's role may take now, from the transition table. */
  allowedEvents: z.array(DossierEventType),
})
export type DossierView = z.infer<typeof DossierView>

export const DossierDetail = DossierView.extend({ timeline: z.array(TimelineEntry) })
export type DossierDetail = z.infer<typeof DossierDetail>

/** GET /v1/dossiers: `me` where the caller's role acts next, `late` past their due date, `all`. */
export const DossierListQuery = z.strictObject({
  waiting: z.enum(['me', 'late', 'all']).default('all'),
  state: DossierState.optional(),
  q: singleLine(z.string().trim().max(100, 'Au plus 100 caractères.')).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
})

export const DossierList = z.object({
  items: z.array(DossierView),
  page: z.number(),
  pageSize: z.number(),
  total: z.number(),
})
export type DossierList = z.infer<typeof DossierList>

export const DossierParam = z.object({
  id: z.uuid({ message: 'Un identifiant de dossier (UUID).' }),
})

/** POST /v1/dossiers/:id/invitations: the trainer invites the company's contact to follow the dossier. */
export const DossierInvitation = z.strictObject({
  name: text(200),
  /** The contact's e-mail; the dossier's contact e-mail when left out. */
  email: Email.optional(),
  returnUrl: z.url({ message: 'Une adresse https de la page où revenir.' }).max(2000),
})
