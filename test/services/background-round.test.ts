import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { BookingConfirmation } from '../../api/contracts/bookings'
import { backgroundRound } from '../../api/services/background-round'
import { OutboxDispatcher } from '../../api/services/outbox-dispatcher'
import { WebhookChannel } from '../../api/services/webhook-channel'
import { bookings, idempotencyKeys, outbox } from '../../db/schema'
import { startFakeWebhookReceiver, type FakeWebhookReceiver } from '../fakes/webhook-receiver'
import { createTestApp, json } from '../support/test-app'

const SECRET = 'whsec-test-0123456789abcdef0123456789abcdef'
const SEAL_KEY = 'outbox-secret-for-the-retention-tests-0123'
const ADMIN_TOKEN = 'admin-token-for-the-retention-tests-0123'
/** A Friday morning; the Monday after offers 09:00 Paris (08:00Z) as its first slot. */
const NOW = Date.parse('2026-11-20T08:00:00Z')
const SLOT = '2026-11-23T08:00:00.000Z'
const ADVISOR = 'conseiller-ganapati'
const DAY_MS = 86_400_000
const VISITOR = {
  name: 'Zoé Lefèvre',
  email: 'zoe.lefevre@example.fr',
  phone: '01 23 45 67 89',
  company: 'OCTO Technology',
  message: 'Un contrat de professionnalisation à partir de janvier.',
  context: { siret: '41816609600069', idcc: '1486', opcoId: 'atlas' },
  timeZone: 'Europe/London',
  pageUrl: 'http://localhost/financer',
}

let receiver: FakeWebhookReceiver
beforeAll(async () => {
  receiver = await startFakeWebhookReceiver()
})
afterAll(() => receiver.close())
beforeEach(() => {
  receiver.requests.length = 0
})

const iso = (instant: number) => new Date(instant).toISOString()

/** The app with e-mails queued (no channel sends them: they wait), time moved by the test. */
async function setup() {
  let now = NOW
  const clock = { now: () => now }
  const idle = new OutboxDispatcher({ channels: {}, clock })
  const { app, db } = await createTestApp({
    clock,
    adminToken: ADMIN_TOKEN,
    dispatcher: idle,
    mail: { sealKey: SEAL_KEY },
  })
  return {
    app,
    db,
    clock,
    set: (instant: number) => {
      now = instant
    },
    book: async (start: string, headers: Record<string, string> = {}) => {
      const response = await app.request('/v1/bookings', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headers },
        body: JSON.stringify({ advisorId: ADVISOR, start, ...VISITOR }),
      })
      expect(response.status).toBe(201)
      return json<BookingConfirmation>(response)
    },
    webhook: () =>
      new OutboxDispatcher({
        channels: {
          webhook: new WebhookChannel({ target: { url: receiver.url, secret: SECRET }, clock }),
        },
        clock,
      }),
    booking: async (id: string) => (await db.select().from(bookings).where(eq(bookings.id, id)))[0],
    rowsOf: (id: string) =>
      db
        .select()
        .from(outbox)
        .orderBy(outbox.channel, outbox.subject, outbox.sequence)
        .then((rows) => rows.filter((row) => row.subject.startsWith(`booking:${id}`))),
  }
}

describe('backgroundRound', () => {
  it('delivers the outbox and forgets idempotency keys older than 24 h, keeping recent ones', async () => {
    const test = await setup()
    const old = await test.book(SLOT, { 'Idempotency-Key': 'key-booked-friday' })
    const recentAt = NOW + 23 * 3_600_000
    test.set(recentAt)
    const recent = await test.book('2026-11-23T08:30:00.000Z', {
      'Idempotency-Key': 'key-booked-saturday',
    })

    const roundAt = NOW + 24 * 3_600_000 + 60_000
    test.set(roundAt)
    const report = await backgroundRound(test.db, test.webhook(), test.clock, {
      retentionDays: 365,
    })

    expect(report).toEqual({
      delivered: 2,
      retried: 0,
      failed: 0,
      purgedKeys: 1,
      erasedBookings: 0,
      remindedDossiers: 0,
      purgedTokens: 0,
    })
    expect(receiver.requests).toHaveLength(2)
    const keys = await test.db.select().from(idempotencyKeys)
    expect(keys.map((key) => key.createdAt)).toEqual([iso(recentAt)])

    // The recent key still replays its answer; the forgotten one runs the request again.
    const again = (key: string, start: string) =>
      test.app.request('/v1/bookings', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key },
        body: JSON.stringify({ advisorId: ADVISOR, start, ...VISITOR }),
      })
    const replayed = await again('key-booked-saturday', '2026-11-23T08:30:00.000Z')
    expect(replayed.headers.get('Idempotent-Replayed')).toBe('true')
    expect((await json<BookingConfirmation>(replayed)).id).toBe(recent.id)
    const rerun = await again('key-booked-friday', SLOT)
    expect(rerun.headers.get('Idempotent-Replayed')).toBeNull()
    expect(rerun.status).toBe(409)
    expect(old.id).not.toBe(recent.id)
  })
})

describe('retention', () => {
  it('erases the visitor’s details and the notifications’ content once the call is past the retention period, keeping the slot', async () => {
    const test = await setup()
    const ended = await test.book(SLOT)
    const later = await test.book('2026-12-07T08:00:00.000Z')
    // One erased call was cancelled: its cancellation e-mails are erased with the rest.
    const { pathname, search } = new URL(ended.cancelUrl)
    expect((await test.app.request(`${pathname}${search}`, { method: 'POST' })).status).toBe(200)
    expect((await test.rowsOf(ended.id)).some((row) => row.sealedToken !== null)).toBe(true)
    // One given up, as after a receiver's two-day outage: erased, no admin can send it again.
    await test.db
      .update(outbox)
      .set({ state: 'failed', lastError: 'receiver answered HTTP 500' })
      .where(and(eq(outbox.subject, `booking:${ended.id}`), eq(outbox.sequence, 1)))

    // 365 days after the first call's end, a minute past: only that one has had its time.
    const firstEnd = Date.parse('2026-11-23T08:30:00.000Z')
    const idle = new OutboxDispatcher({ channels: {}, clock: test.clock })
    test.set(firstEnd + 365 * DAY_MS - 60_000)
    const early = await backgroundRound(test.db, idle, test.clock, { retentionDays: 365 })
    expect(early.erasedBookings).toBe(0)
    const roundAt = firstEnd + 365 * DAY_MS + 60_000
    test.set(roundAt)
    const report = await backgroundRound(test.db, idle, test.clock, { retentionDays: 365 })
    expect(report.erasedBookings).toBe(1)

    expect(await test.booking(ended.id)).toMatchObject({
      startAt: SLOT,
      status: 'cancelled',
      name: '',
      email: '',
      phone: null,
      company: null,
      message: null,
      context: null,
      timeZone: null,
      pageUrl: null,
      erasedAt: iso(roundAt),
    })
    const erased = await test.rowsOf(ended.id)
    expect(erased.map((row) => [row.channel, row.topic, row.state])).toEqual([
      ['email', 'booking.confirmed', 'withdrawn'],
      ['email', 'booking.cancelled', 'withdrawn'],
      ['email', 'booking.confirmed', 'withdrawn'],
      // The reminder was withdrawn at the cancellation already.
      ['email', 'booking.reminder', 'withdrawn'],
      ['email', 'booking.cancelled', 'withdrawn'],
      ['webhook', 'booking.confirmed', 'withdrawn'],
      ['webhook', 'booking.cancelled', 'withdrawn'],
    ])
    for (const row of erased) {
      expect(JSON.parse(row.payload)).toEqual({ type: row.topic, erased: true })
      expect(row.sealedToken).toBeNull()
      expect(row.lastError).toBeNull()
    }
    // The holder of the link still sees the anonymous slot; the admin sees no name.
    const view = await test.app.request(`/v1/bookings/${ended.id}${search}`)
    expect(await view.json()).toMatchObject({ id: ended.id, start: SLOT, status: 'cancelled' })
    const record = await test.app.request(`/v1/admin/bookings/${ended.id}`, {
      headers: { Authorization: `Bearer ${ADMIN_TOKEN}` },
    })
    expect(await record.json()).toMatchObject({ name: '', email: '', phone: null })

    // The later call keeps everything, and a round finds nothing more to erase.
    expect(await test.booking(later.id)).toMatchObject({ name: VISITOR.name, erasedAt: null })
    expect((await test.rowsOf(later.id)).every((row) => !JSON.parse(row.payload).erased)).toBe(true)
    expect(
      (await backgroundRound(test.db, idle, test.clock, { retentionDays: 365 })).erasedBookings,
    ).toBe(0)
  })
})
