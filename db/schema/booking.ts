/** Advisors, their days off, the calls booked with them, idempotency keys and the outbox of notifications. */
import { sql } from 'drizzle-orm'
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import type { WeeklyWindow } from '../../api/contracts/advisors'
import type { BookingContext } from '../../api/contracts/bookings'
import { DELIVERY_FAILURES } from '../../api/domain/delivery-failure'

export const advisors = sqliteTable('advisors', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  email: text('email').notNull(),
  active: integer('active', { mode: 'boolean' }).notNull(),
  slotMinutes: integer('slot_minutes').notNull(),
  bufferMinutes: integer('buffer_minutes').notNull(),
  minNoticeMinutes: integer('min_notice_minutes').notNull(),
  horizonDays: integer('horizon_days').notNull(),
  /** Windows in Europe/Paris wall-clock time. */
  weeklyHours: text('weekly_hours', { mode: 'json' }).$type<WeeklyWindow[]>().notNull(),
  /** `seed` (db/data/advisors.json) or `admin`: the seed never overwrites an advisor an admin set. */
  origin: text('origin').notNull(),
  updatedAt: text('updated_at').notNull(),
})

export const advisorDaysOff = sqliteTable(
  'advisor_days_off',
  {
    advisorId: text('advisor_id')
      .notNull()
      .references(() => advisors.id),
    /** A Paris date, YYYY-MM-DD. */
    date: text('date').notNull(),
    reason: text('reason'),
  },
  (table) => [primaryKey({ columns: [table.advisorId, table.date] })],
)

export const bookings = sqliteTable(
  'bookings',
  {
    id: text('id').primaryKey(),
    advisorId: text('advisor_id')
      .notNull()
      .references(() => advisors.id),
    /** UTC instants, always written by Date#toISOString, so text order is time order. */
    startAt: text('start_at').notNull(),
    endAt: text('end_at').notNull(),
    /** `confirmed` or `cancelled`. */
    status: text('status').notNull(),
    name: text('name').notNull(),
    email: text('email').notNull(),
    phone: text('phone'),
    company: text('company'),
    message: text('message'),
    /** What the finder and the simulator knew (SIRET, IDCC, OPCO, simulation). */
    context: text('context', { mode: 'json' }).$type<BookingContext>(),
    lang: text('lang').notNull(),
    /** SHA-256 of the manage token (base64url); the token itself is only ever in the visitor's hands. */
    manageTokenHash: text('manage_token_hash').notNull(),
    createdAt: text('created_at').notNull(),
    cancelledAt: text('cancelled_at'),
  },
  (table) => [
    // The database, not the code, guarantees one confirmed call per advisor and start.
    uniqueIndex('bookings_confirmed_slot_unique')
      .on(table.advisorId, table.startAt)
      .where(sql`status = 'confirmed'`),
    index('bookings_advisor_start_idx').on(table.advisorId, table.startAt),
  ],
)

/**
 * A POST /v1/bookings answer kept for retries with the same Idempotency-Key. The key is stored as
 * its SHA-256 and the answer encrypted with a key derived from it, so the table alone reveals no
 * manage token.
 */
export const idempotencyKeys = sqliteTable('idempotency_keys', {
  keyHash: text('key_hash').primaryKey(),
  /** SHA-256 of the request body: a key reused for another request is refused. */
  requestHash: text('request_hash').notNull(),
  /** Null while the first request is in flight. */
  status: integer('status'),
  /** AES-GCM of the answer's body, base64url, IV first. */
  sealedBody: text('sealed_body'),
  createdAt: text('created_at').notNull(),
})

/**
 * Notifications written in the same transaction as the change they announce, delivered later, in
 * order per subject: a subject's next one waits while an earlier one is pending.
 */
export const outbox = sqliteTable(
  'outbox',
  {
    id: text('id').primaryKey(),
    /** `booking.confirmed` or `booking.cancelled`. */
    topic: text('topic').notNull(),
    /** What the notification is about, `booking:<id>`: the unit of ordering. */
    subject: text('subject').notNull(),
    /** 1, 2, … per subject, in the order the changes were committed. */
    sequence: integer('sequence').notNull(),
    /** When the change happened (UTC ISO instant). */
    occurredAt: text('occurred_at').notNull(),
    payload: text('payload').notNull(),
    /** `pending`, `delivered` or `failed` (attempts exhausted; an admin can retry it). */
    state: text('state').notNull(),
    attempts: integer('attempts').notNull(),
    nextAttemptAt: text('next_attempt_at').notNull(),
    /** A worker sending it holds it until then; another worker skips it meanwhile. */
    leasedUntil: text('leased_until'),
    lastError: text('last_error'),
    /**
     * Why the last try failed: `unavailable` (no answer, 408, 429, 5xx: the receiver is down) or
     * `refused` (another 4xx or a redirect: it will not take this one). Only the first are sent
     * early once the receiver is back.
     */
    lastFailure: text('last_failure', { enum: DELIVERY_FAILURES }),
    createdAt: text('created_at').notNull(),
    deliveredAt: text('delivered_at'),
  },
  (table) => [
    index('outbox_due_idx').on(table.state, table.nextAttemptAt),
    uniqueIndex('outbox_subject_sequence_unique').on(table.subject, table.sequence),
  ],
)
