import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { MailMessage } from '../../api/services/mail-transport'
import { smtpFailure, SmtpTransport } from '../../api/services/smtp-transport'
import { unreachableUrl } from '../fakes/loopback'
import { startFakeSmtpServer, type FakeSmtpServer } from '../fakes/smtp-server'
import { readMail } from '../support/mail'
import { failureOf } from '../support/delivery-failure'

const ID = '5f0c3a52-8a4e-4c1e-9a57-3d8e0e6f2b11'
const message: MailMessage = {
  id: ID,
  from: { name: 'Ganapati', email: 'rendez-vous@ganapati.example' },
  to: { name: 'Zoé « Z » Lefèvre', email: 'zoe.lefevre@example.fr' },
  replyTo: { name: 'Conseiller Ganapati', email: 'conseiller@ganapati.example' },
  subject: 'Rendez-vous confirmé le lundi 23 novembre 2026 à 09:00',
  lang: 'fr',
  text: 'Bonjour Zoé,\n\nVotre appel est confirmé.\n',
  html: '<!doctype html><html lang="fr"><body><p>Bonjour Zoé,</p></body></html>\n',
  attachments: [
    {
      filename: 'rendez-vous.ics',
      contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
      content: 'BEGIN:VCALENDAR\r\nSUMMARY:Appel à 9 h\r\nEND:VCALENDAR\r\n',
    },
  ],
  messageId: `<${ID}@ganapati.example>`,
  date: new Date('2026-11-20T08:00:00Z'),
}

let smtp: FakeSmtpServer
beforeAll(async () => {
  smtp = await startFakeSmtpServer()
})
afterAll(() => smtp.close())
beforeEach(() => {
  smtp.mode = 'ok'
  smtp.messages.length = 0
})

const transport = (url = smtp.url) => new SmtpTransport({ url, stepTimeoutMs: 2_000 })

describe('SmtpTransport', () => {
  it('logs in and hands the server the whole message: envelope, headers, both parts, the attachment', async () => {
    await transport().send(message)
    expect(smtp.messages).toHaveLength(1)
    const [received] = smtp.messages
    expect(received?.from).toBe('rendez-vous@ganapati.example')
    expect(received?.to).toEqual(['zoe.lefevre@example.fr'])
    const mail = await readMail(received?.raw ?? '')
    expect(mail.from).toEqual({ name: 'Ganapati', address: 'rendez-vous@ganapati.example' })
    expect(mail.to).toEqual({ name: 'Zoé « Z » Lefèvre', address: 'zoe.lefevre@example.fr' })
    expect(mail.replyTo).toEqual({
      name: 'Conseiller Ganapati',
      address: 'conseiller@ganapati.example',
    })
    expect(mail.subject).toBe(message.subject)
    expect(mail.messageId).toBe(message.messageId)
    expect(mail.date?.toISOString()).toBe('2026-11-20T08:00:00.000Z')
    expect(mail.header('content-language')).toBe('fr')
    expect(mail.header('auto-submitted')).toBe('auto-generated')
    expect(mail.text).toBe(message.text)
    expect(mail.html).toBe(message.html)
    expect(mail.attachments.map((file) => [file.filename, file.content.toString('utf8')])).toEqual([
      ['rendez-vous.ics', message.attachments[0]?.content],
    ])
  })

  it.each([
    // RFC 5321 § 4.2.1: 4yz is « try again », 5yz « not this one ».
    [
      'tempfail',
      'unavailable',
      /^SMTP server answered 451 4\.3\.0 Temporary failure, try again later to DATA$/,
    ],
    [
      'reject',
      'refused',
      /^SMTP server answered 550 5\.1\.1 Recipient address rejected: user unknown to RCPT TO$/,
    ],
    ['drop', 'unavailable', /^SMTP server unreachable \(/],
  ] as const)('tells a %s apart: %s', async (mode, kind, reason) => {
    smtp.mode = mode
    const failure = await failureOf(transport().send(message))
    expect(failure.kind).toBe(kind)
    expect(failure.message).toMatch(reason)
  })

  it('counts a refused login as the server being unavailable: it holds every message, not this one', async () => {
    const failure = await failureOf(transport(smtp.wrongPasswordUrl).send(message))
    expect(failure.kind).toBe('unavailable')
    expect(failure.message).toMatch(
      /^SMTP server answered 535 .*Authentication credentials invalid/,
    )
    expect(smtp.messages).toEqual([])
  })

  it('counts a server nobody answers at as unavailable', async () => {
    const url = (await unreachableUrl()).replace(/^http:/, 'smtp:')
    const failure = await failureOf(transport(url).send(message))
    expect(failure.kind).toBe('unavailable')
    expect(failure.message).toMatch(/^SMTP server unreachable \((ECONNECTION|ESOCKET):/)
  })
})

describe('smtpFailure', () => {
  it.each([
    [{ responseCode: 550, response: '550 5.1.1 No such user', command: 'RCPT TO' }, 'refused'],
    [{ responseCode: 552, response: '552 5.3.4 Message too big', command: 'DATA' }, 'refused'],
    [{ responseCode: 421, response: '421 4.7.0 Try again later', command: 'CONN' }, 'unavailable'],
    [
      { responseCode: 452, response: '452 4.3.1 Insufficient storage', command: 'DATA' },
      'unavailable',
    ],
    // A login refused with a 5yz still holds every message: the sender is down until fixed.
    [{ code: 'EAUTH', responseCode: 535, response: '535 5.7.8 Bad credentials' }, 'unavailable'],
    [{ code: 'ETIMEDOUT', message: 'Greeting never received' }, 'unavailable'],
    [new Error('something else'), 'unavailable'],
  ] as const)('%o is %s', (error, kind) => {
    expect(smtpFailure(error).kind).toBe(kind)
  })
})
