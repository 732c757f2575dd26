/** Advisors, their days off, the calls booked with them, idempotency keys and the outbox of notifications. */
import { sql } from 'drizzle-orm'
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { CALL_MODES, type WeeklyWindow } from '../../api/contracts/advisors'
import type { BookingContext } from '../../api/contracts/bookings'
import { DELIVERY_FAILURES } from '../../api/domain/delivery-failure'
import { OUTBOX_CHANNELS } from '../../api/domain/outbox-channels'

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
  /** The advisor's video call room (https), given to visitors who choose a video call. */
  videoUrl: text('video_url'),
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
    /** The visitor's IANA time zone, for the times their e-mails show; null: Europe/Paris. */
    timeZone: text('time_zone'),
    /** `phone` (the advisor calls the visitor's number) or `video` (the advisor's room); null: not said. */
    callMode: text('call_mode', { enum: CALL_MODES }),
    /** The page the booking widget was on, where the manage link reopens the booking; null: PUBLIC_URL. */
    pageUrl: text('page_url'),
    /** SHA-256 of the manage token (base64url); the token itself is only ever in the visitor's hands. */
    manageTokenHash: text('manage_token_hash').notNull(),
    createdAt: text('created_at').notNull(),
    cancelledAt: text('cancelled_at'),
    /**
     * When the visitor's personal data were erased at the end of the retention period: name and
     * e-mail are then empty, and phone, company, message, context, time zone and page null; the
     * slot itself stays, anonymous.
     */
    erasedAt: text('erased_at'),
  },
  (table) => [
    // The database, not the code, guarantees one confirmed call per advisor and start.
    uniqueIndex('bookings_confirmed_slot_unique')
      .on(table.advisorId, table.startAt)
      .where(sql`status = 'confirmed'`),
    index('bookings_advisor_start_idx').on(table.advisorId, table.startAt),
    // The retention sweep reads only bookings not erased yet, by the end of their call.
    index('bookings_unerased_end_idx')
      .on(table.endAt)
      .where(sql`erased_at is null`),
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
 * Notifications written in the same transaction as the change they announce, delivered later
 * through their channel, in order per subject and channel: a subject's next one on a channel waits
 * while an earlier one on that channel is pending, whatever the other channel does.
 */
export const outbox = sqliteTable(
  'outbox',
  {
    id: text('id').primaryKey(),
    /** `booking.confirmed`, `booking.cancelled`, or for e-mails `booking.reminder` too. */
    topic: text('topic').notNull(),
    /** `webhook` or `email`: what delivers it, and with `subject` the unit of ordering. */
    channel: text('channel', { enum: OUTBOX_CHANNELS }).notNull().default('webhook'),
    /**
     * What the notification is about: `booking:<id>` for webhooks, `booking:<id>:visitor` and
     * `booking:<id>:advisor` for e-mails, so one recipient's refused address never holds the other's.
     */
    subject: text('subject').notNull(),
    /** 1, 2, … per subject and channel, in the order the changes were committed. */
    sequence: integer('sequence').notNull(),
    /** When the change happened (UTC ISO instant). */
    occurredAt: text('occurred_at').notNull(),
    payload: text('payload').notNull(),
    /**
     * The visitor's manage token an e-mail's links carry, AES-GCM sealed with OUTBOX_SECRET; erased
     * once the e-mail is delivered, or at the end of the retention period.
     */
    sealedToken: text('sealed_token'),
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
    index('outbox_due_idx').on(table.channel, table.state, table.nextAttemptAt),
    uniqueIndex('outbox_subject_sequence_unique').on(table.subject, table.channel, table.sequence),
  ],
)
