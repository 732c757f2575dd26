/**
 * People and dossiers: members (staff, trainers, company contacts), their single-use sign-in links
 * and bearer sessions, the dossiers and their append-only history of workflow events, and the
 * reminders sent about them.
 */
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import {
  DOSSIER_EVENT_TYPES,
  DOSSIER_STATES,
  EVENT_ACTORS,
  FUNDING_MODES,
  type DocumentRef,
  type DossierTraining,
  type Trainee,
} from '../../api/contracts/dossiers'
import { MEMBER_ROLES } from '../../api/contracts/members'

export const members = sqliteTable(
  'members',
  {
    id: text('id').primaryKey(),
    /** Lower-cased, so a sign-in link request finds the member whatever the case typed. */
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: text('role', { enum: MEMBER_ROLES }).notNull(),
    /** The member's organisation: Ganapati for staff, the training body, the client company. */
    organisationSiret: text('organisation_siret').notNull(),
    organisationName: text('organisation_name').notNull(),
    /**
     * A company contact made by Ganapati (the admin API) follows all of its organisation's
     * dossiers; one a trainer invited follows only the dossiers it was invited to, so a trainer
     * cannot open a window on other trainers' dossiers of the same company.
     */
    organisationWide: integer('organisation_wide', { mode: 'boolean' }).notNull().default(true),
    createdAt: text('created_at').notNull(),
  },
  (table) => [
    uniqueIndex('members_email_unique').on(table.email),
    index('members_organisation_idx').on(table.organisationSiret),
  ],
)

/** A sign-in link sent by e-mail: only the SHA-256 of its token is kept; usable once, briefly. */
export const authLinks = sqliteTable('auth_links', {
  tokenHash: text('token_hash').primaryKey(),
  memberId: text('member_id')
    .notNull()
    .references(() => members.id),
  expiresAt: text('expires_at').notNull(),
  usedAt: text('used_at'),
  createdAt: text('created_at').notNull(),
})

/** A bearer session: the SHA-256 of its token, until it expires or is revoked. */
export const memberSessions = sqliteTable(
  'member_sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    memberId: text('member_id')
      .notNull()
      .references(() => members.id),
    expiresAt: text('expires_at').notNull(),
    revokedAt: text('revoked_at'),
    createdAt: text('created_at').notNull(),
  },
  (table) => [index('member_sessions_member_idx').on(table.memberId)],
)

/**
 * A training file, from the validated session to the paid trainer. Its state is not stored: it is
 * the state its last event led to (`dossier_events` at `sequence = version`).
 */
export const dossiers = sqliteTable(
  'dossiers',
  {
    id: text('id').primaryKey(),
    /** The session number the trainer's payment e-mail quotes. */
    reference: text('reference').notNull(),
    trainerId: text('trainer_id')
      .notNull()
      .references(() => members.id),
    companySiret: text('company_siret').notNull(),
    companyName: text('company_name').notNull(),
    companyIdcc: text('company_idcc'),
    /** Whom reminders and the invitation reach at the company. */
    companyContactEmail: text('company_contact_email').notNull(),
    opcoId: text('opco_id').notNull(),
    training: text('training', { mode: 'json' }).$type<DossierTraining>().notNull(),
    trainees: text('trainees', { mode: 'json' }).$type<Trainee[]>().notNull(),
    priceCents: integer('price_cents').notNull(),
    fundingMode: text('funding_mode', { enum: FUNDING_MODES }).notNull(),
    simulationId: text('simulation_id'),
    /** The page of the tracker the e-mails link to, on an allowed origin; null: PUBLIC_URL's. */
    pageUrl: text('page_url'),
    /** How many events it has: the sequence of its last one, and the version writers must name. */
    version: integer('version').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (table) => [
    uniqueIndex('dossiers_reference_unique').on(table.reference),
    index('dossiers_trainer_idx').on(table.trainerId),
    index('dossiers_company_idx').on(table.companySiret),
  ],
)

/** Who was invited to follow a dossier (routes/dossier-invitations.ts), by whom and when. */
export const dossierInvitations = sqliteTable(
  'dossier_invitations',
  {
    dossierId: text('dossier_id')
      .notNull()
      .references(() => dossiers.id),
    memberId: text('member_id')
      .notNull()
      .references(() => members.id),
    invitedBy: text('invited_by')
      .notNull()
      .references(() => members.id),
    at: text('at').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.dossierId, table.memberId] }),
    index('dossier_invitations_member_idx').on(table.memberId),
  ],
)

/** The append-only history of a dossier: one row per workflow step, never updated. */
export const dossierEvents = sqliteTable(
  'dossier_events',
  {
    dossierId: text('dossier_id')
      .notNull()
      .references(() => dossiers.id),
    /** 1 for the validated session, then one more per event. */
    sequence: integer('sequence').notNull(),
    type: text('type', { enum: DOSSIER_EVENT_TYPES }).notNull(),
    /** The state the event led to. */
    state: text('state', { enum: DOSSIER_STATES }).notNull(),
    at: text('at').notNull(),
    actorId: text('actor_id'),
    actorRole: text('actor_role', { enum: EVENT_ACTORS }).notNull(),
    actorName: text('actor_name').notNull(),
    note: text('note'),
    /** The step's own facts (PEC decision and amount, hours done, payer…). */
    data: text('data', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    /** References of the documents the step produced or received; the files come later. */
    documents: text('documents', { mode: 'json' }).$type<DocumentRef[]>().notNull(),
  },
  (table) => [primaryKey({ columns: [table.dossierId, table.sequence] })],
)

/**
 * A reminder e-mailed about a dossier's pending step. The unique index is the rule « at most one
 * reminder per step and day », whichever worker runs the round.
 */
export const dossierReminders = sqliteTable(
  'dossier_reminders',
  {
    dossierId: text('dossier_id')
      .notNull()
      .references(() => dossiers.id),
    /** The version the dossier had: the step the reminder is about. */
    version: integer('version').notNull(),
    /** Paris date of the reminder. */
    day: text('day').notNull(),
    /** `near` (the due date comes) or `late` (it has passed). */
    kind: text('kind', { enum: ['near', 'late'] }).notNull(),
    at: text('at').notNull(),
    /** Who was reminded, e.g. `company,trainer`. */
    recipients: text('recipients').notNull(),
  },
  (table) => [primaryKey({ columns: [table.dossierId, table.version, table.day] })],
)
