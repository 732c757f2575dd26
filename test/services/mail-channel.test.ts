import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { BookingConfirmation } from '../../api/contracts/bookings'
import { RETRY_DELAYS_MS } from '../../api/domain/retry-schedule'
import { MailChannel } from '../../api/services/mail-channel'
import { OutboxDispatcher } from '../../api/services/outbox-dispatcher'
import { seal } from '../../api/services/secrets'
import { SmtpTransport } from '../../api/services/smtp-transport'
import { WebhookChannel } from '../../api/services/webhook-channel'
import { advisors, outbox } from '../../db/schema'
import { startFakeSmtpServer, type FakeSmtpServer } from '../fakes/smtp-server'
import { startFakeWebhookReceiver, type FakeWebhookReceiver } from '../fakes/webhook-receiver'
import { failureOf } from '../support/delivery-failure'
import { parseCalendar } from '../support/ical'
import { readMail } from '../support/mail'
import { createTestApp, json } from '../support/test-app'

const SEAL_KEY = 'outbox-secret-for-the-mail-tests-0123456789'
const WEBHOOK_SECRET = 'whsec-test-0123456789abcdef0123456789abcdef'
const PUBLIC_URL = 'https://widgets.ganapati.test'
const PARTNER = 'https://www.partenaire.example'
const PARTNER_PAGE = `${PARTNER}/financer?offre=apprentissage`
const FROM = { name: 'Ganapati', email: 'rendez-vous@ganapati.example' }
/** Friday 2026-11-20, 09:00 in Paris; the Monday after offers 09:00 Paris (08:00Z) first. */
const NOW = Date.parse('2026-11-20T08:00:00Z')
const SLOT = '2026-11-23T08:00:00.000Z'
const ADVISOR = 'conseiller-ganapati'
const HOUR_MS = 3_600_000
const VISITOR = {
  advisorId: ADVISOR,
  name: 'Zoé Lefèvre',
  email: 'zoe.lefevre@example.fr',
  phone: '01 23 45 67 89',
  company: 'OCTO Technology',
  message: 'Un contrat de professionnalisation à partir de janvier.',
  context: { siret: '41816609600069', idcc: '1486', opcoId: 'atlas' },
  callMode: 'phone',
  pageUrl: `${PARTNER_PAGE}#simulateur`,
}

let smtp: FakeSmtpServer
let receiver: FakeWebhookReceiver
beforeAll(async () => {
  smtp = await startFakeSmtpServer()
  receiver = await startFakeWebhookReceiver()
})
afterAll(async () => {
  await smtp.close()
  await receiver.close()
})
beforeEach(() => {
  smtp.mode = 'ok'
  smtp.modeFor = null
  smtp.messages.length = 0
  receiver.requests.length = 0
})

const iso = (instant: number) => new Date(instant).toISOString()

/** The app over a fresh database, e-mails sent to the SMTP server on 127.0.0.1, time moved by the test. */
async function setup(options: { webhook?: boolean; sealKey?: string } = {}) {
  let now = NOW
  const clock = { now: () => now }
  const log: string[] = []
  const channel = (sealKey: string) =>
    new MailChannel({
      transport: new SmtpTransport({ url: smtp.url, stepTimeoutMs: 2_000 }),
      from: FROM,
      sealKey,
      clock,
      log: (message) => log.push(message),
    })
  const dispatcher = new OutboxDispatcher({
    channels: {
      email: channel(options.sealKey ?? SEAL_KEY),
      webhook: options.webhook
        ? new WebhookChannel({ target: { url: receiver.url, secret: WEBHOOK_SECRET }, clock })
        : null,
    },
    clock,
    log: (message) => log.push(message),
  })
  const { app, db } = await createTestApp({
    clock,
    dispatcher,
    publicUrl: PUBLIC_URL,
    mail: { sealKey: SEAL_KEY },
    allowedReturnOrigins: [PARTNER],
    privacy: {
      retentionDays: 365,
      contact: 'dpo@ganapati.example',
      policyUrl: 'https://ganapati.example/confidentialite',
      text: {},
    },
  })
  return {
    app,
    db,
    log,
    set: (instant: number) => {
      now = instant
    },
    settle: () => dispatcher.deliverDue(db),
    book: async (overrides: Record<string, unknown> = {}) => {
      const response = await app.request('/v1/bookings', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ ...VISITOR, start: SLOT, ...overrides }),
      })
      expect(response.status).toBe(201)
      return json<BookingConfirmation>(response)
    },
    cancel: async (booking: BookingConfirmation) => {
      const { pathname, search } = new URL(booking.cancelUrl)
      expect((await app.request(`${pathname}${search}`, { method: 'POST' })).status).toBe(200)
    },
    rows: () =>
      db.select().from(outbox).where(eq(outbox.channel, 'email')).orderBy(outbox.createdAt),
    /** Messages received, each read by mailparser, with the envelope's recipients. */
    mails: () =>
      Promise.all(
        smtp.messages.map(async (message) => ({
          envelopeTo: message.to,
          ...(await readMail(message.raw)),
        })),
      ),
  }
}

const tokenOf = (booking: BookingConfirmation) => booking.manageToken

describe('the visitor’s confirmation e-mail', () => {
  it('arrives over SMTP in French with its headers, text and HTML parts, the manage and cancel links, and the .ics', async () => {
    const test = await setup({ webhook: true })
    const booking = await test.book({ timeZone: 'America/Martinique' })
    await test.settle()

    const mails = await test.mails()
    expect(mails).toHaveLength(1)
    const [mail] = mails
    if (!mail) throw new Error('no e-mail')
    const [row] = await test.rows()
    expect(mail.envelopeTo).toEqual([VISITOR.email])
    expect(mail.from).toEqual({ name: 'Ganapati', address: 'rendez-vous@ganapati.example' })
    expect(mail.to).toEqual({ name: 'Zoé Lefèvre', address: VISITOR.email })
    expect(mail.replyTo).toEqual({
      name: 'Conseiller Ganapati',
      address: 'conseiller@ganapati.example',
    })
    expect(mail.subject).toBe('Rendez-vous confirmé le lundi 23 novembre 2026 à 04:00')
    expect(mail.date?.toISOString()).toBe(iso(NOW))
    expect(mail.messageId).toBe(`<${row?.id}@ganapati.example>`)
    expect(mail.header('auto-submitted')).toBe('auto-generated')

    const manage = `${PARTNER_PAGE}#ganapati-booking=${booking.id}.${tokenOf(booking)}`
    const cancel = `${PUBLIC_URL}/bookings/${booking.id}/cancel?token=${tokenOf(booking)}`
    expect(booking.manageUrl).toBe(manage)
    expect(mail.text).toBe(
      [
        'Bonjour Zoé Lefèvre,',
        '',
        'Votre appel avec Conseiller Ganapati est confirmé.',
        '',
        'Quand\u00a0: lundi 23 novembre 2026, 04:00 – 04:30, à votre heure (America/Martinique)',
        '    lundi 23 novembre 2026, 09:00 – 09:30, heure de Paris',
        'Comment\u00a0: Conseiller Ganapati vous appellera au 01 23 45 67 89.',
        `Référence\u00a0: ${booking.id}`,
        '',
        'L’invitation jointe ajoute l’appel à votre agenda.',
        '',
        `Revoir ou annuler votre rendez-vous\u00a0: ${manage}`,
        '',
        `Annuler directement\u00a0: ${cancel}`,
        '',
        'Ces liens sont personnels\u00a0: ne les transférez pas.',
        '',
        '--',
        'Vous recevez cet e-mail parce que vous avez réservé cet appel avec Ganapati.',
        'Vos données personnelles\u00a0: https://ganapati.example/confidentialite',
        '',
      ].join('\n'),
    )
    expect(mail.html).toContain('<html lang="fr">')
    expect(mail.html).toContain('<p>Votre appel avec Conseiller Ganapati est confirmé.</p>')
    // The links a reader can follow, and nothing else: no image, no pixel, no redirect.
    expect(mail.links).toEqual([manage, cancel, 'https://ganapati.example/confidentialite'])
    expect(mail.html).not.toMatch(/<img|src=|<script|style=/i)

    // The cancel link opens the page that asks before cancelling.
    const page = await test.app.request(cancel.slice(PUBLIC_URL.length))
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('Oui, annuler le rendez-vous')

    expect(mail.attachments).toHaveLength(1)
    const [ics] = mail.attachments
    expect(ics?.filename).toBe(`rendez-vous-${booking.id}.ics`)
    expect(ics?.contentType).toBe('text/calendar')
    const { event, calendar } = parseCalendar(ics?.content.toString('utf8') ?? '')
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH')
    expect(event.startDate.toJSDate().toISOString()).toBe(SLOT)
    expect(event.endDate.toJSDate().toISOString()).toBe('2026-11-23T08:30:00.000Z')
    expect(event.summary).toBe('Appel avec Conseiller Ganapati (Ganapati)')
    expect(event.uid).toBe(`${booking.id}@ganapati`)
  })

  it('keeps the manage token sealed in the outbox, and forgets it once the e-mail is delivered', async () => {
    const test = await setup({ webhook: true })
    const booking = await test.book()
    const queued = await test.rows()
    expect(queued.map((row) => [row.topic, row.subject, row.sealedToken !== null])).toEqual([
      ['booking.confirmed', `booking:${booking.id}:visitor`, true],
      ['booking.reminder', `booking:${booking.id}:visitor`, true],
    ])
    await test.settle()
    const rows = await test.db.select().from(outbox)
    for (const row of rows) {
      expect(row.payload).not.toContain(tokenOf(booking))
      expect(row.sealedToken ?? '').not.toContain(tokenOf(booking))
    }
    expect(
      (await test.rows()).map((row) => [row.topic, row.state, row.sealedToken !== null]),
    ).toEqual([
      ['booking.confirmed', 'delivered', false],
      // Waiting for the day before: it still needs the links.
      ['booking.reminder', 'pending', true],
    ])
  })

  it('is written in English when the booking’s language is English', async () => {
    const test = await setup({ webhook: true })
    await test.book({ lang: 'en' })
    await test.settle()
    const [mail] = await test.mails()
    expect(mail?.subject).toBe('Call confirmed on Monday, 23 November 2026 at 09:00')
    expect(mail?.text).toContain(
      'Hello Zoé Lefèvre,\n\nYour call with Conseiller Ganapati is confirmed.',
    )
    expect(mail?.text).toContain('When: Monday, 23 November 2026, 09:00 – 09:30, Paris time')
    expect(mail?.text).toContain('See or cancel your booking: ')
    expect(mail?.html).toContain('<html lang="en">')
  })

  it('gives the advisor’s video room when the visitor chose a video call', async () => {
    const test = await setup({ webhook: true })
    const room = 'https://visio.ganapati.example/conseiller?salle=1&x=<2>'
    await test.db.update(advisors).set({ videoUrl: room }).where(eq(advisors.id, ADVISOR))
    await test.book({ callMode: 'video', phone: undefined })
    await test.settle()
    const [mail] = await test.mails()
    expect(mail?.text).toContain(`Comment\u00a0: Par vidéo, à ce lien\u00a0: ${room}`)
    expect(mail?.html).toContain(
      '<a href="https://visio.ganapati.example/conseiller?salle=1&amp;x=&lt;2&gt;">',
    )
    expect(mail?.links[0]).toBe(room)
  })

  it('falls back to PUBLIC_URL’s demo page when the page the widget was on is not an allowed origin', async () => {
    const test = await setup({ webhook: true })
    const booking = await test.book({ pageUrl: 'https://phishing.example/ganapati' })
    await test.settle()
    const [mail] = await test.mails()
    const manage = `${PUBLIC_URL}/#ganapati-booking=${booking.id}.${tokenOf(booking)}`
    expect(booking.manageUrl).toBe(manage)
    expect(mail?.links[0]).toBe(manage)
  })

  it('goes without the links, and says so in the log, when the token cannot be unsealed (OUTBOX_SECRET changed)', async () => {
    const test = await setup({ webhook: true, sealKey: 'another-outbox-secret-0123456789abcdef' })
    const booking = await test.book()
    await test.settle()
    const [mail] = await test.mails()
    expect(mail?.text).toContain('Votre appel avec Conseiller Ganapati est confirmé.')
    expect(mail?.text).not.toContain('ganapati-booking')
    const [row] = await test.rows()
    expect(test.log).toContain(
      `e-mail ${row?.id}: its manage token could not be unsealed (OUTBOX_SECRET changed?); sent without the links`,
    )
    expect(booking.id).toBeTruthy()
  })
})

describe('the advisor’s e-mails', () => {
  it('go to the advisor, in French, replying to the visitor, when no webhook takes the notifications', async () => {
    const test = await setup()
    const booking = await test.book({ lang: 'en', timeZone: 'Europe/London' })
    await test.settle()
    const mails = await test.mails()
    // Two recipients, two subjects: the e-mails go side by side, in either order.
    expect(mails.map((mail) => mail.envelopeTo).sort()).toEqual([
      ['conseiller@ganapati.example'],
      [VISITOR.email],
    ])
    const advisor = mails.find((mail) => mail.to?.address === 'conseiller@ganapati.example')
    expect(advisor?.subject).toBe(
      'Nouveau rendez-vous\u00a0: Zoé Lefèvre, lundi 23 novembre 2026 à 09:00',
    )
    expect(advisor?.replyTo).toEqual({ name: 'Zoé Lefèvre', address: VISITOR.email })
    expect(advisor?.text).toBe(
      [
        'Zoé Lefèvre a réservé un appel avec vous.',
        '',
        'Quand\u00a0: lundi 23 novembre 2026, 09:00 – 09:30, heure de Paris',
        '    lundi 23 novembre 2026, 08:00 – 08:30 pour le visiteur (Europe/London)',
        'Comment\u00a0: Appelez Zoé Lefèvre au 01 23 45 67 89.',
        'Nom\u00a0: Zoé Lefèvre',
        `E-mail\u00a0: ${VISITOR.email}`,
        'Entreprise\u00a0: OCTO Technology',
        'Téléphone\u00a0: 01 23 45 67 89',
        'SIRET\u00a0: 41816609600069',
        'IDCC\u00a0: 1486',
        'OPCO\u00a0: Atlas',
        'Message\u00a0: Un contrat de professionnalisation à partir de janvier.',
        `Référence\u00a0: ${booking.id}`,
        '',
        'Répondre à cet e-mail écrit au visiteur.',
        '',
      ].join('\n'),
    )
    // The advisor's e-mail carries no manage link: it is the visitor's.
    expect(advisor?.links).toEqual([`mailto:${VISITOR.email}`])
    expect(advisor?.attachments.map((attachment) => attachment.filename)).toEqual([
      `rendez-vous-${booking.id}.ics`,
    ])
  })

  it('are not sent when a webhook takes the notifications', async () => {
    const test = await setup({ webhook: true })
    await test.book()
    await test.settle()
    expect((await test.mails()).map((mail) => mail.envelopeTo)).toEqual([[VISITOR.email]])
    expect(receiver.requests).toHaveLength(1)
  })
})

describe('the reminder', () => {
  const reminderAt = Date.parse(SLOT) - 24 * HOUR_MS

  it('goes out 24 h before the call, not a second earlier, with the links and no attachment', async () => {
    const test = await setup({ webhook: true })
    const booking = await test.book()
    await test.settle()
    expect(smtp.messages).toHaveLength(1)

    test.set(reminderAt - 1_000)
    await test.settle()
    expect(smtp.messages).toHaveLength(1)

    test.set(reminderAt)
    await test.settle()
    const mails = await test.mails()
    expect(mails).toHaveLength(2)
    const reminder = mails[1]
    expect(reminder?.subject).toBe('Rappel\u00a0: rendez-vous le lundi 23 novembre 2026 à 09:00')
    expect(reminder?.text).toContain('Nous vous rappelons votre appel avec Conseiller Ganapati.')
    expect(reminder?.links.slice(0, 2)).toEqual([
      booking.manageUrl,
      `${PUBLIC_URL}/bookings/${booking.id}/cancel?token=${tokenOf(booking)}`,
    ])
    expect(reminder?.attachments).toEqual([])
    expect((await test.rows()).map((row) => [row.topic, row.state, row.sealedToken])).toEqual([
      ['booking.confirmed', 'delivered', null],
      ['booking.reminder', 'delivered', null],
    ])
  })

  it('is not queued for a call booked less than 36 h ahead: the confirmation is fresh', async () => {
    const test = await setup({ webhook: true })
    test.set(Date.parse('2026-11-22T10:00:00Z'))
    await test.book()
    await test.settle()
    expect((await test.rows()).map((row) => row.topic)).toEqual(['booking.confirmed'])
  })

  it('is never sent for a cancelled call', async () => {
    const test = await setup({ webhook: true })
    const booking = await test.book()
    await test.settle()
    test.set(NOW + HOUR_MS)
    await test.cancel(booking)
    await test.settle()
    test.set(reminderAt + HOUR_MS)
    await test.settle()

    const mails = await test.mails()
    expect(mails.map((mail) => mail.subject)).toEqual([
      'Rendez-vous confirmé le lundi 23 novembre 2026 à 09:00',
      'Rendez-vous annulé\u00a0: lundi 23 novembre 2026 à 09:00',
    ])
    expect((await test.rows()).map((row) => [row.topic, row.state, row.sealedToken])).toEqual([
      ['booking.confirmed', 'delivered', null],
      ['booking.reminder', 'withdrawn', null],
      ['booking.cancelled', 'delivered', null],
    ])
    const cancellation = mails[1]
    expect(cancellation?.text).toContain('Votre appel avec Conseiller Ganapati est annulé.')
    expect(cancellation?.links[0]).toBe(PARTNER_PAGE)
    expect(cancellation?.text).not.toContain('ganapati-booking')
    const ics = cancellation?.attachments[0]?.content.toString('utf8') ?? ''
    expect(parseCalendar(ics).calendar.getFirstPropertyValue('method')).toBe('CANCEL')
    expect(parseCalendar(ics).vevent.getFirstPropertyValue('status')).toBe('CANCELLED')
  })

  it('is dropped, not sent, when the mail server was down until the call started', async () => {
    const test = await setup({ webhook: true })
    await test.book()
    await test.settle()
    test.set(Date.parse(SLOT) + 60_000)
    await test.settle()
    expect(smtp.messages).toHaveLength(1)
    const reminder = (await test.rows()).find((row) => row.topic === 'booking.reminder')
    expect(reminder?.state).toBe('delivered')
    expect(test.log).toContain(`e-mail ${reminder?.id}: reminder dropped, its call has started`)
  })
})

describe('delivery over SMTP', () => {
  it('retries a temporary 451 on the schedule, and a cancellation waits behind its confirmation', async () => {
    const test = await setup({ webhook: true })
    smtp.failNext(1, 'tempfail')
    const booking = await test.book()
    await test.settle()
    const [confirmation] = await test.rows()
    expect(confirmation).toMatchObject({
      state: 'pending',
      attempts: 1,
      lastFailure: 'unavailable',
      nextAttemptAt: iso(NOW + (RETRY_DELAYS_MS[0] ?? 0)),
    })
    expect(confirmation?.lastError).toMatch(/^SMTP server answered 451 4\.3\.0 Temporary failure/)

    test.set(NOW + 5_000)
    await test.cancel(booking)
    await test.settle()
    // The cancellation e-mail is due, but its confirmation is still pending: it waits.
    expect(smtp.messages).toHaveLength(1)

    test.set(NOW + (RETRY_DELAYS_MS[0] ?? 0))
    await test.settle()
    const mails = await test.mails()
    expect(mails.map((mail) => mail.subject)).toEqual([
      'Rendez-vous confirmé le lundi 23 novembre 2026 à 09:00',
      'Rendez-vous confirmé le lundi 23 novembre 2026 à 09:00',
      'Rendez-vous annulé\u00a0: lundi 23 novembre 2026 à 09:00',
    ])
    // The same Message-ID on the retry: a client that got the first shows it once.
    expect(mails[0]?.messageId).toBe(mails[1]?.messageId)
    expect((await test.rows()).map((row) => [row.topic, row.state, row.attempts])).toEqual([
      ['booking.confirmed', 'delivered', 2],
      ['booking.reminder', 'withdrawn', 0],
      ['booking.cancelled', 'delivered', 1],
    ])
  })

  it('keeps an address the server refuses (550) on its schedule, without holding the advisor’s e-mail', async () => {
    const test = await setup()
    smtp.modeFor = (recipient) => (recipient === VISITOR.email ? 'reject' : undefined)
    await test.book()
    await test.settle()
    const rows = await test.rows()
    const visitor = rows.find(
      (row) => row.subject.endsWith(':visitor') && row.topic === 'booking.confirmed',
    )
    expect(visitor).toMatchObject({ state: 'pending', attempts: 1, lastFailure: 'refused' })
    expect(visitor?.lastError).toMatch(
      /^SMTP server answered 550 5\.1\.1 Recipient address rejected.* to RCPT TO$/,
    )
    const advisor = rows.find((row) => row.subject.endsWith(':advisor'))
    expect(advisor).toMatchObject({ state: 'delivered' })
    expect(smtp.messages.map((message) => message.to)).toEqual([['conseiller@ganapati.example']])
  })

  it('retries a message whose connection dropped before the server answered', async () => {
    const test = await setup({ webhook: true })
    smtp.failNext(1, 'drop')
    await test.book()
    await test.settle()
    const [row] = await test.rows()
    expect(row).toMatchObject({ state: 'pending', attempts: 1, lastFailure: 'unavailable' })
    expect(row?.lastError).toMatch(/^SMTP server unreachable/)

    test.set(NOW + (RETRY_DELAYS_MS[0] ?? 0))
    await test.settle()
    expect((await test.rows())[0]).toMatchObject({ state: 'delivered', attempts: 2 })
    const mails = await test.mails()
    expect(mails).toHaveLength(2)
    expect(mails[0]?.messageId).toBe(mails[1]?.messageId)
  })
})

describe('members’ and dossiers’ e-mails', () => {
  const queued = (signIn: boolean) =>
    JSON.stringify({
      to: { name: 'Claire Martin', email: 'claire@example.fr' },
      subject: 'Votre lien de connexion à Ganapati',
      blocks: [{ kind: 'paragraph', text: 'Bonjour Claire Martin,' }],
      signIn: signIn
        ? { page: 'https://widgets.ganapati.test/', dossierId: null, label: 'Me connecter' }
        : null,
      footer: 'Pied de page.',
    })
  const channel = () =>
    new MailChannel({
      transport: new SmtpTransport({ url: smtp.url, stepTimeoutMs: 2_000 }),
      from: FROM,
      sealKey: SEAL_KEY,
      clock: { now: () => NOW },
    })

  it('adds the unsealed sign-in link to the message written when queued', async () => {
    const token = 'a'.repeat(43)
    await channel().send({
      id: crypto.randomUUID(),
      topic: 'member.sign-in',
      payload: queued(true),
      sealedToken: await seal(token, SEAL_KEY),
    })
    const mail = await readMail(smtp.messages[0]?.raw ?? '')
    expect(mail.subject).toBe('Votre lien de connexion à Ganapati')
    expect(mail.links).toContain(`https://widgets.ganapati.test/#ganapati-auth=${token}`)
  })

  it('refuses, for good, a sign-in e-mail whose token cannot be unsealed: without its link it is no use', async () => {
    const failure = await failureOf(
      channel().send({
        id: crypto.randomUUID(),
        topic: 'member.sign-in',
        payload: queued(true),
        sealedToken: await seal('a'.repeat(43), `${SEAL_KEY}-another`),
      }),
    )
    expect(failure.kind).toBe('refused')
    expect(smtp.messages).toHaveLength(0)
  })
})
