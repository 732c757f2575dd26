import { createHmac } from 'node:crypto'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { WebhookChannel, webhookSignature } from '../../api/services/webhook-channel'
import {
  startFakeWebhookReceiver,
  verifyStandardWebhook,
  type FakeWebhookReceiver,
} from '../fakes/webhook-receiver'
import { unreachableUrl } from '../fakes/loopback'
import { DeliveryFailure } from '../../api/domain/delivery-failure'

const SECRET = 'whsec-test-0123456789abcdef0123456789abcdef'
const NOW = Date.parse('2026-11-20T08:00:00.750Z')
const clock = { now: () => NOW }
/** Short, to keep the suite fast; long enough for a loopback request to arrive before it. */
const SHORT_TIMEOUT_MS = 500
const notification = {
  id: '5f0c3a52-8a4e-4c1e-9a57-3d8e0e6f2b11',
  topic: 'booking.confirmed',
  payload: JSON.stringify({ type: 'booking.confirmed', booking: { visitor: { name: 'Zoé' } } }),
}

let receiver: FakeWebhookReceiver
beforeAll(async () => {
  receiver = await startFakeWebhookReceiver()
})
afterAll(() => receiver.close())
beforeEach(() => {
  receiver.mode = 'ok'
  receiver.requests.length = 0
})

const channelTo = (url: string, timeoutMs?: number) =>
  new WebhookChannel({
    target: { url: `${url}/hooks/ganapati`, secret: SECRET },
    clock,
    ...(timeoutMs ? { timeoutMs } : {}),
  })

describe('WebhookChannel', () => {
  it('POSTs the payload as JSON with the Standard Webhooks headers', async () => {
    await channelTo(receiver.url).send(notification)
    expect(receiver.requests).toHaveLength(1)
    const [request] = receiver.requests
    expect(request).toMatchObject({ method: 'POST', path: '/hooks/ganapati' })
    expect(request?.body).toBe(notification.payload)
    expect(request?.headers).toMatchObject({
      'content-type': 'application/json',
      'user-agent': 'ganapati-widgets-webhook',
      'webhook-id': notification.id,
      // Seconds since the epoch, from the injected clock, rounded down.
      'webhook-timestamp': String(Math.floor(NOW / 1000)),
    })
    expect(request?.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]{43}=$/)
  })

  it('signs so that an independent Standard Webhooks check accepts it', async () => {
    await channelTo(receiver.url).send(notification)
    const [request] = receiver.requests
    expect(request && verifyStandardWebhook(SECRET, request, { now: NOW })).toBe(true)
  })

  it('signs the exact id, timestamp and body: the check refuses any change', async () => {
    await channelTo(receiver.url).send(notification)
    const request = receiver.requests[0]
    if (!request) throw new Error('no request received')
    const { headers } = request
    expect(verifyStandardWebhook(`${SECRET}!`, request)).toBe(false)
    expect(verifyStandardWebhook(SECRET, { ...request, body: `${request.body} ` })).toBe(false)
    const otherId = { ...headers, 'webhook-id': crypto.randomUUID() }
    expect(verifyStandardWebhook(SECRET, { headers: otherId, body: request.body })).toBe(false)
    const later = {
      ...headers,
      'webhook-timestamp': String(Number(headers['webhook-timestamp']) + 1),
    }
    expect(verifyStandardWebhook(SECRET, { headers: later, body: request.body })).toBe(false)
    // A receiver an hour ahead treats it as a replay (the spec's timestamp tolerance).
    expect(verifyStandardWebhook(SECRET, request, { now: NOW + 3_600_000 })).toBe(false)
  })

  it('computes the v1 signature node:crypto computes for the same input', async () => {
    const body = '{"type":"booking.cancelled","note":"déjà annulé"}'
    const expected = createHmac('sha256', SECRET)
      .update(`msg_1.1700000000.${body}`)
      .digest('base64')
    expect(await webhookSignature(SECRET, 'msg_1', 1_700_000_000, body)).toBe(`v1,${expected}`)
  })

  it.each([
    { mode: 'server-error', error: 'receiver answered HTTP 500', kind: 'unavailable' },
    { mode: 'bad-request', error: 'receiver answered HTTP 400', kind: 'refused' },
    { mode: 'gone', error: 'receiver answered HTTP 410', kind: 'refused' },
    { mode: 'redirect', error: 'receiver answered HTTP 302', kind: 'refused' },
    { mode: 'hang', error: `no answer within ${SHORT_TIMEOUT_MS} ms`, kind: 'unavailable' },
  ] as const)('rejects when the receiver answers $mode: $kind', async ({ mode, error, kind }) => {
    receiver.mode = mode
    await expect(channelTo(receiver.url, SHORT_TIMEOUT_MS).send(notification)).rejects.toEqual(
      new DeliveryFailure(error, kind),
    )
    expect(receiver.requests).toHaveLength(1)
  })

  it('does not follow a redirect: a 302 is a failure and the new address is never called', async () => {
    // Were the redirect followed, the new address would accept it (204).
    receiver.failNext(1, 'redirect')
    await expect(channelTo(receiver.url).send(notification)).rejects.toThrow(
      'receiver answered HTTP 302',
    )
    expect(receiver.requests.map((request) => request.path)).toEqual(['/hooks/ganapati'])
  })

  it('gives up on a receiver that does not answer within its timeout', async () => {
    receiver.mode = 'hang'
    await expect(channelTo(receiver.url, SHORT_TIMEOUT_MS).send(notification)).rejects.toThrow(
      `no answer within ${SHORT_TIMEOUT_MS} ms`,
    )
    expect(receiver.requests).toHaveLength(1)
  })

  it('rejects with a short reason when nothing listens', async () => {
    await expect(channelTo(await unreachableUrl()).send(notification)).rejects.toMatchObject({
      message: 'receiver unreachable',
      kind: 'unavailable',
    })
  })
})
