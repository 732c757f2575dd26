import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { BookingConfirmation } from '../../api/contracts/bookings'
import { RETRY_DELAYS_MS } from '../../api/domain/retry-schedule'
import type { OutgoingNotification } from '../../api/services/notification-channel'
import { OutboxDispatcher } from '../../api/services/outbox-dispatcher'
import { WebhookChannel } from '../../api/services/webhook-channel'
import { outbox } from '../../db/schema'
import {
  startFakeWebhookReceiver,
  verifyStandardWebhook,
  type FakeWebhookReceiver,
} from '../fakes/webhook-receiver'
import { unreachableUrl } from '../fakes/loopback'
import { createTestApp, json } from '../support/test-app'

const SECRET = 'whsec-test-0123456789abcdef0123456789abcdef'
const ADMIN_TOKEN = 'admin-token-for-the-outbox-tests-0123'
/** A Friday morning; the Monday after offers 09:00 Paris (08:00Z) as its first slot. */
const NOW = Date.parse('2026-11-20T08:00:00Z')
const SLOT = '2026-11-23T08:00:00.000Z'
const SLOT_END = '2026-11-23T08:30:00.000Z'
const ADVISOR = 'conseiller-ganapati'
/** Short, to keep the suite fast; long enough for a loopback request to arrive before it. */
const SHORT_TIMEOUT_MS = 500

const CONTEXT = {
  siret: '41816609600069',
  idcc: '1486',
  opcoId: 'atlas',
  simulation: {
    scheme: 'contrat-pro',
    date: '2026-11-20',
    totalCostCents: 1_200_000,
    opcoFundingCents: 950_000,
    employerCostCents: 250_000,
    stateAidCents: 0,
    inputs: { hours: 400, priceCents: 1_200_000 },
  },
}
const VISITOR = {
  name: 'Zoé Lefèvre',
  email: 'zoe.lefevre@example.fr',
  phone: '01 23 45 67 89',
  company: 'OCTO Technology',
  message: 'Un contrat de professionnalisation à partir de janvier.',
}

let receiver: FakeWebhookReceiver
beforeAll(async () => {
  receiver = await startFakeWebhookReceiver()
})
afterAll(() => receiver.close())
beforeEach(() => {
  receiver.mode = 'ok'
  receiver.answerFor = null
  receiver.requests.length = 0
})

interface Setup {
  /** `null`: no channel configured; a URL: where the webhook goes (the fake receiver by default). */
  url?: string | null
  timeoutMs?: number
}

/** The real app over a fresh database, its dispatcher sending to `url`, time moved by the test. */
async function setup(options: Setup = {}) {
  let now = NOW
  const clock = { now: () => now }
  const log: string[] = []
  const channelTo = (url: string) =>
    new WebhookChannel({
      target: { url, secret: SECRET },
      clock,
      ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    })
  const dispatcherTo = (url: string | null) =>
    new OutboxDispatcher({
      channels: { webhook: url === null ? null : channelTo(url) },
      clock,
      log: (message) => log.push(message),
    })
  const dispatcher = dispatcherTo(options.url === undefined ? receiver.url : options.url)
  const { app, db } = await createTestApp({ clock, adminToken: ADMIN_TOKEN, dispatcher })

  const admin = (path: string, method = 'GET') =>
    app.request(path, { method, headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } })

  return {
    app,
    db,
    dispatcher,
    clock,
    dispatcherTo,
    log,
    admin,
    set: (instant: number) => {
      now = instant
    },
    /** Waits for the round a booking change started (or runs one): the outbox is then settled. */
    settle: () => dispatcher.deliverDue(db),
    rows: () => db.select().from(outbox).orderBy(outbox.createdAt),
    row: async (id: string) => (await db.select().from(outbox).where(eq(outbox.id, id)))[0],
    /** Books `start` on the Monday, once the slots say it is free, as the booking widget does. */
    book: async (start = SLOT, headers: Record<string, string> = {}) => {
      const slots = await app.request(`/v1/advisors/${ADVISOR}/slots?from=2026-11-23&to=2026-11-23`)
      const offered = (await json<{ slots: { start: string }[] }>(slots)).slots
      expect(offered.map((slot) => slot.start)).toContain(start)
      const response = await app.request('/v1/bookings', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headers },
        body: JSON.stringify({ advisorId: ADVISOR, start, ...VISITOR, context: CONTEXT }),
      })
      expect(response.status).toBe(201)
      return json<BookingConfirmation>(response)
    },
  }
}

const payloadOf = (body: string) =>
  JSON.parse(body) as {
    type: string
    sequence: number
    occurredAt: string
    booking: Record<string, unknown>
  }
const iso = (instant: number) => new Date(instant).toISOString()

describe('OutboxDispatcher with a WebhookChannel', () => {
  it('delivers a new booking to the advisor’s receiver, signed, and marks it delivered', async () => {
    const test = await setup()
    const booking = await test.book()
    await test.settle()

    const [row] = await test.rows()
    expect(row).toMatchObject({
      topic: 'booking.confirmed',
      subject: `booking:${booking.id}`,
      state: 'delivered',
      attempts: 1,
      lastError: null,
      deliveredAt: iso(NOW),
    })
    expect(receiver.requests).toHaveLength(1)
    const [request] = receiver.requests
    expect(request?.method).toBe('POST')
    expect(request?.headers['webhook-id']).toBe(row?.id)
    expect(request && verifyStandardWebhook(SECRET, request, { now: NOW })).toBe(true)
    expect(payloadOf(request?.body ?? '')).toEqual({
      type: 'booking.confirmed',
      sequence: 1,
      occurredAt: iso(NOW),
      booking: {
        id: booking.id,
        status: 'confirmed',
        start: SLOT,
        end: SLOT_END,
        timeZone: 'Europe/Paris',
        advisor: { id: ADVISOR, name: 'Conseiller Ganapati', email: 'conseiller@ganapati.example' },
        visitor: { ...VISITOR, timeZone: null },
        call: { mode: null, videoUrl: null },
        context: CONTEXT,
        lang: 'fr',
        createdAt: iso(NOW),
        cancelledAt: null,
      },
    })
  })

  it('keeps a notification the receiver refused (500) and delivers it once the delay has passed', async () => {
    const test = await setup()
    receiver.failNext(1)
    const booking = await test.book()
    await test.settle()

    const [row] = await test.rows()
    expect(row).toMatchObject({
      subject: `booking:${booking.id}`,
      state: 'pending',
      attempts: 1,
      lastError: 'receiver answered HTTP 500',
      nextAttemptAt: iso(NOW + (RETRY_DELAYS_MS[0] ?? 0)),
      deliveredAt: null,
    })

    // Not due yet: a round one second early sends nothing.
    test.set(NOW + (RETRY_DELAYS_MS[0] ?? 0) - 1000)
    expect(await test.settle()).toEqual({ delivered: 0, retried: 0, failed: 0 })
    expect(receiver.requests).toHaveLength(1)

    test.set(NOW + (RETRY_DELAYS_MS[0] ?? 0))
    expect(await test.settle()).toEqual({ delivered: 1, retried: 0, failed: 0 })
    expect(await test.row(row?.id ?? '')).toMatchObject({
      state: 'delivered',
      attempts: 2,
      lastError: null,
      deliveredAt: iso(NOW + (RETRY_DELAYS_MS[0] ?? 0)),
    })
    // The same webhook-id both times, so a receiver that got the first one can drop the second.
    expect(receiver.requests.map((request) => request.headers['webhook-id'])).toEqual([
      row?.id,
      row?.id,
    ])
    expect(receiver.requests.map((request) => request.body)).toEqual([
      receiver.requests[0]?.body,
      receiver.requests[0]?.body,
    ])
  })

  it('treats a receiver that never answers as down and retries it', async () => {
    const test = await setup({ timeoutMs: SHORT_TIMEOUT_MS })
    receiver.failNext(1, 'hang')
    await test.book()
    await test.settle()

    const [row] = await test.rows()
    expect(row).toMatchObject({
      state: 'pending',
      attempts: 1,
      lastError: `no answer within ${SHORT_TIMEOUT_MS} ms`,
      nextAttemptAt: iso(NOW + (RETRY_DELAYS_MS[0] ?? 0)),
    })
    test.set(NOW + (RETRY_DELAYS_MS[0] ?? 0))
    expect(await test.settle()).toMatchObject({ delivered: 1 })
    expect(await test.row(row?.id ?? '')).toMatchObject({ state: 'delivered', attempts: 2 })
    expect(receiver.requests).toHaveLength(2)
  })

  it('retries an unreachable receiver on the schedule', async () => {
    const test = await setup({ url: await unreachableUrl() })
    await test.book()
    await test.settle()

    const [row] = await test.rows()
    expect(row).toMatchObject({
      state: 'pending',
      attempts: 1,
      lastError: 'receiver unreachable',
      nextAttemptAt: iso(NOW + (RETRY_DELAYS_MS[0] ?? 0)),
    })
    const second = NOW + (RETRY_DELAYS_MS[0] ?? 0)
    test.set(second)
    expect(await test.settle()).toEqual({ delivered: 0, retried: 1, failed: 0 })
    expect(await test.row(row?.id ?? '')).toMatchObject({
      state: 'pending',
      attempts: 2,
      lastError: 'receiver unreachable',
      nextAttemptAt: iso(second + (RETRY_DELAYS_MS[1] ?? 0)),
    })
  })

  it('gives up after the last delay; an admin lists it and retries it, and it is delivered', async () => {
    const test = await setup()
    receiver.mode = 'server-error'
    await test.book()
    await test.settle()
    const [first] = await test.rows()
    const id = first?.id ?? ''

    // Each failure schedules the next try after the following delay of the schedule.
    let failedAt = NOW
    for (const [index, delay] of RETRY_DELAYS_MS.entries()) {
      expect(await test.row(id)).toMatchObject({
        state: 'pending',
        attempts: index + 1,
        nextAttemptAt: iso(failedAt + delay),
      })
      failedAt += delay
      test.set(failedAt)
      const last = index === RETRY_DELAYS_MS.length - 1
      expect(await test.settle()).toEqual({
        delivered: 0,
        retried: last ? 0 : 1,
        failed: last ? 1 : 0,
      })
    }
    const attempts = RETRY_DELAYS_MS.length + 1
    expect(receiver.requests).toHaveLength(attempts)
    expect(await test.row(id)).toMatchObject({
      state: 'failed',
      attempts,
      lastError: 'receiver answered HTTP 500',
      deliveredAt: null,
    })
    expect(test.log).toEqual([
      `notification ${id} (webhook booking.confirmed) given up after ${attempts} attempts: receiver answered HTTP 500`,
    ])

    // Given up means given up: a day later no round sends it again.
    const dayLater = Date.parse((await test.row(id))?.nextAttemptAt ?? '') + 86_400_000
    test.set(dayLater)
    expect(await test.settle()).toEqual({ delivered: 0, retried: 0, failed: 0 })
    expect(receiver.requests).toHaveLength(attempts)

    expect((await test.app.request('/v1/admin/outbox?state=failed')).status).toBe(401)
    const failed = await json<{ state: string; items: { id: string; payload: unknown }[] }>(
      await test.admin('/v1/admin/outbox?state=failed'),
    )
    expect(failed.state).toBe('failed')
    expect(failed.items.map((item) => item.id)).toEqual([id])
    expect(failed.items[0]?.payload).toMatchObject({ type: 'booking.confirmed' })
    const pending = await json<{ items: unknown[] }>(
      await test.admin('/v1/admin/outbox?state=pending'),
    )
    expect(pending.items).toEqual([])

    const retry = await test.admin(`/v1/admin/outbox/${id}/retry`, 'POST')
    expect(retry.status).toBe(200)
    expect(await json(retry)).toEqual({ id, state: 'pending', nextAttemptAt: iso(dayLater) })

    receiver.mode = 'ok'
    expect(await test.settle()).toEqual({ delivered: 1, retried: 0, failed: 0 })
    expect(await test.row(id)).toMatchObject({
      state: 'delivered',
      attempts: 1,
      lastError: null,
      deliveredAt: iso(dayLater),
    })
    const delivered = await json<{ items: { id: string }[] }>(
      await test.admin('/v1/admin/outbox?state=delivered'),
    )
    expect(delivered.items.map((item) => item.id)).toEqual([id])
    // Only a given-up notification can be put back.
    expect((await test.admin(`/v1/admin/outbox/${id}/retry`, 'POST')).status).toBe(404)
  })

  it('leaves notifications pending while no channel is configured', async () => {
    const test = await setup({ url: null })
    await test.book()
    test.set(NOW + 86_400_000)
    expect(await test.settle()).toEqual({ delivered: 0, retried: 0, failed: 0 })

    expect(receiver.requests).toEqual([])
    expect(await test.rows()).toMatchObject([
      { topic: 'booking.confirmed', state: 'pending', attempts: 0, nextAttemptAt: iso(NOW) },
    ])
    // Configured later, a dispatcher delivers what waited.
    expect(await test.dispatcherTo(receiver.url).deliverDue(test.db)).toMatchObject({
      delivered: 1,
    })
    expect(receiver.requests).toHaveLength(1)
  })

  it('delivers a notification once when two workers run a round at the same time', async () => {
    const test = await setup({ url: null })
    await test.book()
    const [one, two] = [test.dispatcherTo(receiver.url), test.dispatcherTo(receiver.url)]

    const reports = await Promise.all([one.deliverDue(test.db), two.deliverDue(test.db)])

    expect(receiver.requests).toHaveLength(1)
    expect(reports.map((report) => report.delivered).sort()).toEqual([0, 1])
    expect(await test.rows()).toMatchObject([{ state: 'delivered', attempts: 1 }])
  })

  it('does not send a notification another worker is still delivering', async () => {
    const test = await setup({ url: null, timeoutMs: SHORT_TIMEOUT_MS })
    await test.book()
    const [one, two] = [test.dispatcherTo(receiver.url), test.dispatcherTo(receiver.url)]
    receiver.failNext(1, 'hang')

    const slow = one.deliverDue(test.db)
    await receiver.received(1)
    expect(await two.deliverDue(test.db)).toEqual({ delivered: 0, retried: 0, failed: 0 })
    expect(await slow).toEqual({ delivered: 0, retried: 1, failed: 0 })
    expect(receiver.requests).toHaveLength(1)
  })

  it('shares a running round with a call made meanwhile', async () => {
    const test = await setup({ url: null })
    await test.book()
    const dispatcher = test.dispatcherTo(receiver.url)

    const first = dispatcher.deliverDue(test.db)
    const second = dispatcher.deliverDue(test.db)

    expect(second).toBe(first)
    expect(await second).toEqual({ delivered: 1, retried: 0, failed: 0 })
    expect(receiver.requests).toHaveLength(1)
  })

  it('queues and delivers booking.cancelled when a booking is cancelled', async () => {
    const test = await setup()
    const booking = await test.book()
    await test.settle()

    const cancelledAt = NOW + 3_600_000
    test.set(cancelledAt)
    const { pathname, search } = new URL(booking.cancelUrl)
    const cancel = () => test.app.request(`${pathname}${search}`, { method: 'POST' })
    expect((await cancel()).status).toBe(200)
    await test.settle()
    // Cancelling again changes nothing and announces nothing.
    expect((await cancel()).status).toBe(200)
    await test.settle()

    const rows = await test.rows()
    expect(rows.map((row) => [row.topic, row.state])).toEqual([
      ['booking.confirmed', 'delivered'],
      ['booking.cancelled', 'delivered'],
    ])
    expect(receiver.requests).toHaveLength(2)
    const request = receiver.requests[1]
    expect(request?.headers['webhook-id']).toBe(rows[1]?.id)
    expect(request && verifyStandardWebhook(SECRET, request, { now: cancelledAt })).toBe(true)
    expect(payloadOf(request?.body ?? '')).toMatchObject({
      type: 'booking.cancelled',
      sequence: 2,
      occurredAt: iso(cancelledAt),
      booking: {
        id: booking.id,
        status: 'cancelled',
        start: SLOT,
        visitor: { ...VISITOR, timeZone: null },
        context: CONTEXT,
        createdAt: iso(NOW),
        cancelledAt: iso(cancelledAt),
      },
    })
  })
})

describe('order per booking and the backlog after an outage', () => {
  it('holds a booking.cancelled while its booking.confirmed waits for a retry, until a delivery shows the receiver is back', async () => {
    const test = await setup()
    receiver.failNext(1)
    const first = await test.book()
    await test.settle()

    test.set(NOW + 5_000)
    const { pathname, search } = new URL(first.cancelUrl)
    expect((await test.app.request(`${pathname}${search}`, { method: 'POST' })).status).toBe(200)
    await test.settle()
    // The cancellation waits behind the confirmation, which waits for its retry in 25 s.
    expect(receiver.requests).toHaveLength(1)
    expect(
      (await test.rows()).map((row) => [row.subject, row.sequence, row.state, row.attempts]),
    ).toEqual([
      [`booking:${first.id}`, 1, 'pending', 1],
      [`booking:${first.id}`, 2, 'pending', 0],
    ])

    // Another booking is delivered: the receiver is back, so the waiting retry goes at once, then
    // the cancellation after it.
    const other = await test.book('2026-11-23T09:00:00.000Z')
    await test.settle()
    expect(
      receiver.requests.map((request) => {
        const body = payloadOf(request.body)
        return [body.booking.id, body.type, body.sequence, body.occurredAt]
      }),
    ).toEqual([
      [first.id, 'booking.confirmed', 1, iso(NOW)],
      [other.id, 'booking.confirmed', 1, iso(NOW + 5_000)],
      [first.id, 'booking.confirmed', 1, iso(NOW)],
      [first.id, 'booking.cancelled', 2, iso(NOW + 5_000)],
    ])
    expect((await test.rows()).every((row) => row.state === 'delivered')).toBe(true)
  })

  it('drains 1 000 notifications in the first round after the receiver is back, each booking in order', async () => {
    const test = await setup()
    receiver.mode = 'server-error'
    const rows = backlog(300, 400)
    for (let index = 0; index < rows.length; index += 100) {
      await test.db.insert(outbox).values(rows.slice(index, index + 100))
    }
    // Five minutes of outage, a round every 15 s as on Node: each round stops at its first failures.
    for (let round = 0; round < 20; round++) {
      test.set(NOW + round * 15_000)
      expect((await test.settle()).delivered).toBe(0)
    }
    const waiting = await test.rows()
    expect(waiting.every((row) => row.state === 'pending')).toBe(true)
    expect(waiting.filter((row) => row.attempts > 0).length).toBeGreaterThan(0)

    receiver.mode = 'ok'
    receiver.requests.length = 0
    test.set(NOW + 20 * 15_000)
    expect(await test.settle()).toEqual({ delivered: 1_000, retried: 0, failed: 0 })
    expect((await test.rows()).every((row) => row.state === 'delivered')).toBe(true)
    expect(receiver.requests).toHaveLength(1_000)
    const received = receiver.requests.map((request) => payloadOf(request.body))
    for (const cancelled of received.filter((body) => body.type === 'booking.cancelled')) {
      const confirmedAt = received.findIndex(
        (body) => body.booking.id === cancelled.booking.id && body.sequence === 1,
      )
      expect(confirmedAt).toBeGreaterThanOrEqual(0)
      expect(confirmedAt).toBeLessThan(received.indexOf(cancelled))
    }
  }, 60_000)

  it('probes a receiver whose retries are far off, at most once a minute, and then sends what waited', async () => {
    const test = await setup()
    const rows = backlog(0, 2).map((row) => ({
      ...row,
      attempts: 4,
      lastFailure: 'unavailable' as const,
      nextAttemptAt: iso(NOW + 30 * 60_000),
    }))
    await test.db.insert(outbox).values(rows)

    receiver.failNext(1)
    expect(await test.settle()).toEqual({ delivered: 0, retried: 0, failed: 0 })
    expect(receiver.requests).toHaveLength(1)
    // A failed probe leaves the schedule as it was.
    expect((await test.rows()).map((row) => [row.attempts, row.nextAttemptAt])).toEqual([
      [4, iso(NOW + 30 * 60_000)],
      [4, iso(NOW + 30 * 60_000)],
    ])
    test.set(NOW + 59_000)
    expect(await test.settle()).toEqual({ delivered: 0, retried: 0, failed: 0 })
    expect(receiver.requests).toHaveLength(1)

    test.set(NOW + 60_000)
    expect(await test.settle()).toEqual({ delivered: 2, retried: 0, failed: 0 })
    expect(receiver.requests).toHaveLength(3)
  })
})

describe('a notification the receiver refuses', () => {
  it('keeps its schedule while other bookings are delivered, and its cancellation waits behind it', async () => {
    const test = await setup()
    const refusedBooking = { id: '' }
    receiver.answerFor = (body) =>
      payloadOf(body).booking.id === refusedBooking.id ? 'bad-request' : undefined
    const refused = await test.book()
    refusedBooking.id = refused.id
    // The first try went out with the booking, before the receiver knew which one to refuse.
    receiver.requests.length = 0
    await test.db.update(outbox).set({ state: 'pending', attempts: 0, deliveredAt: null })
    await test.settle()
    const [row] = await test.rows()
    expect(row).toMatchObject({
      attempts: 1,
      lastError: 'receiver answered HTTP 400',
      lastFailure: 'refused',
      nextAttemptAt: iso(NOW + (RETRY_DELAYS_MS[0] ?? 0)),
    })

    test.set(NOW + 5_000)
    const { pathname, search } = new URL(refused.cancelUrl)
    expect((await test.app.request(`${pathname}${search}`, { method: 'POST' })).status).toBe(200)
    for (const start of ['2026-11-23T09:00:00.000Z', '2026-11-23T09:30:00.000Z']) {
      await test.book(start)
      await test.settle()
    }
    // Others went through; the refused one was not sent again early, nor worn out.
    const sentFor = (id: string) =>
      receiver.requests.filter((request) => payloadOf(request.body).booking.id === id)
    expect(sentFor(refused.id)).toHaveLength(1)
    expect(receiver.requests).toHaveLength(3)
    expect(await test.row(row?.id ?? '')).toMatchObject({
      state: 'pending',
      attempts: 1,
      nextAttemptAt: iso(NOW + (RETRY_DELAYS_MS[0] ?? 0)),
    })
    const cancellation = (await test.rows()).find((entry) => entry.topic === 'booking.cancelled')
    expect(cancellation).toMatchObject({ state: 'pending', attempts: 0 })

    // On its schedule it is tried again; accepted then, its cancellation follows.
    receiver.answerFor = null
    test.set(NOW + (RETRY_DELAYS_MS[0] ?? 0))
    expect(await test.settle()).toEqual({ delivered: 2, retried: 0, failed: 0 })
    expect(sentFor(refused.id).map((request) => payloadOf(request.body).type)).toEqual([
      'booking.confirmed',
      'booking.confirmed',
      'booking.cancelled',
    ])
  })

  it('is not the only probe: the next probe takes the next waiting notification', async () => {
    const test = await setup()
    const rows = backlog(0, 2).map((row, index) => ({
      ...row,
      attempts: 3,
      lastFailure: 'unavailable' as const,
      nextAttemptAt: iso(NOW + (30 + index) * 60_000),
    }))
    await test.db.insert(outbox).values(rows)
    const stuck = rows[0]?.subject.slice('booking:'.length)
    // The receiver is up, but answers 500 to the first one, whatever happens.
    receiver.answerFor = (body) =>
      payloadOf(body).booking.id === stuck ? 'server-error' : undefined

    expect(await test.settle()).toEqual({ delivered: 0, retried: 0, failed: 0 })
    test.set(NOW + 60_000)
    expect(await test.settle()).toEqual({ delivered: 1, retried: 0, failed: 0 })
    expect(receiver.requests.map((request) => payloadOf(request.body).booking.id)).toEqual([
      stuck,
      rows[1]?.subject.slice('booking:'.length),
      // Once the receiver took one, the other waiting retry was tried early, and failed again.
      stuck,
    ])
    // Early tries cost it nothing: its attempts and its schedule stand.
    expect((await test.rows()).find((row) => row.id === rows[0]?.id)).toMatchObject({
      state: 'pending',
      attempts: 3,
      nextAttemptAt: iso(NOW + 30 * 60_000),
    })
  })
})

describe('channels side by side', () => {
  it('delivers e-mails while the webhook receiver is down, each channel in its own order', async () => {
    let now = NOW
    const clock = { now: () => now }
    const sent: OutgoingNotification[] = []
    const dispatcher = new OutboxDispatcher({
      channels: {
        webhook: new WebhookChannel({ target: { url: receiver.url, secret: SECRET }, clock }),
        email: { send: async (notification) => void sent.push(notification) },
      },
      clock,
    })
    const { app, db } = await createTestApp({
      clock,
      dispatcher,
      mail: { sealKey: 'outbox-secret-for-the-dispatcher-tests-0123' },
    })
    receiver.mode = 'server-error'
    const response = await app.request('/v1/bookings', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ advisorId: ADVISOR, start: SLOT, ...VISITOR }),
    })
    const booking = await json<BookingConfirmation>(response)
    await dispatcher.deliverDue(db)
    now = NOW + 5_000
    const { pathname, search } = new URL(booking.cancelUrl)
    expect((await app.request(`${pathname}${search}`, { method: 'POST' })).status).toBe(200)
    await dispatcher.deliverDue(db)

    const rows = await db.select().from(outbox).orderBy(outbox.channel, outbox.sequence)
    expect(rows.map((row) => [row.channel, row.topic, row.sequence, row.state])).toEqual([
      ['email', 'booking.confirmed', 1, 'delivered'],
      ['email', 'booking.reminder', 2, 'withdrawn'],
      ['email', 'booking.cancelled', 3, 'delivered'],
      // The receiver is down: its notifications wait, in their order, on their own.
      ['webhook', 'booking.confirmed', 1, 'pending'],
      ['webhook', 'booking.cancelled', 2, 'pending'],
    ])
    expect(
      sent.map((notification) => [notification.topic, notification.sealedToken !== null]),
    ).toEqual([
      ['booking.confirmed', true],
      ['booking.cancelled', false],
    ])
  })
})

describe('channels at their own pace', () => {
  it('sends an e-mail queued while the webhook receiver hangs, without waiting for its timeout', async () => {
    const clock = { now: () => NOW }
    const sent: string[] = []
    const dispatcher = new OutboxDispatcher({
      channels: {
        webhook: new WebhookChannel({
          target: { url: receiver.url, secret: SECRET },
          clock,
          timeoutMs: 2_000,
        }),
        email: { send: async (notification) => void sent.push(notification.topic) },
      },
      clock,
    })
    const { app, db } = await createTestApp({
      clock,
      dispatcher,
      mail: { sealKey: 'outbox-secret-for-the-dispatcher-tests-0123' },
    })
    receiver.mode = 'hang'
    const book = (start: string) =>
      app.request('/v1/bookings', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ advisorId: ADVISOR, start, ...VISITOR }),
      })
    const startedAt = Date.now()
    expect((await book(SLOT)).status).toBe(201)
    await receiver.received(1)
    // The webhook hangs; a second booking asks for a round meanwhile.
    expect((await book('2026-11-23T09:00:00.000Z')).status).toBe(201)
    while (sent.length < 2 && Date.now() - startedAt < 1_500) {
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
    // Both e-mails went while the first webhook was still hanging.
    expect(sent).toEqual(['booking.confirmed', 'booking.confirmed'])
    expect(Date.now() - startedAt).toBeLessThan(1_500)
    // The round ends once the webhooks have had their tries (2 s each, one after the other).
    expect(await dispatcher.deliverDue(db)).toEqual({ delivered: 2, retried: 2, failed: 0 })
  }, 15_000)
})

/** `pairs` bookings confirmed then cancelled and `singles` only confirmed, all due at NOW. */
function backlog(pairs: number, singles: number) {
  const rows: (typeof outbox.$inferInsert)[] = []
  const event = (bookingId: string, sequence: number, at: number) => {
    const topic = sequence === 1 ? 'booking.confirmed' : 'booking.cancelled'
    rows.push({
      id: crypto.randomUUID(),
      topic,
      subject: `booking:${bookingId}`,
      sequence,
      occurredAt: iso(at),
      payload: JSON.stringify({ type: topic, booking: { id: bookingId } }),
      state: 'pending',
      attempts: 0,
      nextAttemptAt: iso(NOW),
      createdAt: iso(at),
    })
  }
  for (let index = 0; index < pairs + singles; index++) {
    const bookingId = crypto.randomUUID()
    event(bookingId, 1, NOW - 3_600_000 + index)
    if (index < pairs) event(bookingId, 2, NOW - 1_800_000 + index)
  }
  return rows
}
