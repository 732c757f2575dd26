import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { BrevoTransport } from '../../api/services/brevo-transport'
import type { MailMessage } from '../../api/services/mail-transport'
import { BREVO_TEST_KEY, startFakeBrevoApi, type FakeBrevoApi } from '../fakes/brevo-api'
import { unreachableUrl } from '../fakes/loopback'
import { failureOf } from '../support/delivery-failure'

const ID = '5f0c3a52-8a4e-4c1e-9a57-3d8e0e6f2b11'
const ICS = 'BEGIN:VCALENDAR\r\nSUMMARY:Appel à 9 h\r\nEND:VCALENDAR\r\n'
const message: MailMessage = {
  id: ID,
  from: { name: 'Ganapati', email: 'rendez-vous@ganapati.example' },
  to: { name: 'Zoé Lefèvre', email: 'zoe.lefevre@example.fr' },
  replyTo: { name: 'Conseiller Ganapati', email: 'conseiller@ganapati.example' },
  subject: 'Rendez-vous confirmé le lundi 23 novembre 2026 à 09:00',
  lang: 'fr',
  text: 'Bonjour Zoé,\n',
  html: '<p>Bonjour Zoé,</p>\n',
  attachments: [{ filename: 'rendez-vous.ics', contentType: 'text/calendar', content: ICS }],
  messageId: `<${ID}@ganapati.example>`,
  date: new Date('2026-11-20T08:00:00Z'),
}

let brevo: FakeBrevoApi
beforeAll(async () => {
  brevo = await startFakeBrevoApi()
})
afterAll(() => brevo.close())
beforeEach(() => {
  brevo.mode = 'ok'
  brevo.requests.length = 0
})

const transport = (options: { apiKey?: string; baseUrl?: string; timeoutMs?: number } = {}) =>
  new BrevoTransport({ apiKey: BREVO_TEST_KEY, baseUrl: brevo.url, ...options })

describe('BrevoTransport', () => {
  it('POSTs the message to /smtp/email with the api-key, as Brevo’s reference describes it', async () => {
    await transport().send(message)
    expect(brevo.requests).toHaveLength(1)
    const [request] = brevo.requests
    expect(request?.path).toBe('/v3/smtp/email')
    expect(request?.headers).toMatchObject({
      'api-key': BREVO_TEST_KEY,
      'content-type': 'application/json',
      accept: 'application/json',
    })
    expect(request?.body).toEqual({
      sender: { email: 'rendez-vous@ganapati.example', name: 'Ganapati' },
      to: [{ email: 'zoe.lefevre@example.fr', name: 'Zoé Lefèvre' }],
      replyTo: { email: 'conseiller@ganapati.example', name: 'Conseiller Ganapati' },
      subject: message.subject,
      htmlContent: message.html,
      textContent: message.text,
      attachment: [{ name: 'rendez-vous.ics', content: Buffer.from(ICS).toString('base64') }],
      // The outbox id, the same on every retry: Brevo sends a retried request once.
      headers: { idempotencyKey: ID },
    })
  })

  it.each([
    ['invalid', 'refused', 'Brevo answered HTTP 400 invalid_parameter: email is not valid in to'],
    // A key or an account problem holds every message: Brevo is « down » for us until fixed.
    ['unauthorized', 'unavailable', 'Brevo answered HTTP 401 unauthorized: Key not found'],
    ['credits', 'unavailable', 'Brevo answered HTTP 402 not_enough_credits: Not enough credits'],
    ['rate-limited', 'unavailable', 'Brevo answered HTTP 429 too_many_requests: Too many requests'],
    ['down', 'unavailable', 'Brevo answered HTTP 502'],
  ] as const)('tells %s apart: %s', async (mode, kind, reason) => {
    brevo.mode = mode
    const failure = await failureOf(transport().send(message))
    expect([failure.kind, failure.message]).toEqual([kind, reason])
  })

  it('takes a duplicate_request as the message already accepted under its idempotency key', async () => {
    brevo.mode = 'duplicate'
    await expect(transport().send(message)).resolves.toBeUndefined()
  })

  it('counts a wrong key, which Brevo answers 401, as unavailable', async () => {
    const failure = await failureOf(transport({ apiKey: 'xkeysib-wrong' }).send(message))
    expect(failure.kind).toBe('unavailable')
  })

  it('counts no answer in time, and no server at all, as unavailable', async () => {
    brevo.mode = 'hang'
    const late = await failureOf(transport({ timeoutMs: 300 }).send(message))
    expect([late.kind, late.message]).toEqual(['unavailable', 'Brevo did not answer within 300 ms'])
    const gone = await failureOf(
      transport({ baseUrl: `${await unreachableUrl()}/v3` }).send(message),
    )
    expect([gone.kind, gone.message]).toEqual(['unavailable', 'Brevo unreachable'])
  })
})
