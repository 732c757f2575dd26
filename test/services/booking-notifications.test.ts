import { describe, expect, it } from 'vitest'
import type { Advisor } from '../../db/advisors'
import type { Booking } from '../../db/bookings'
import {
  bookingCancelledRows,
  bookingConfirmedRows,
  type BookingChange,
  type MailQueueSettings,
} from '../../api/services/booking-notifications'
import { unseal } from '../../api/services/secrets'

const KEY = 'outbox-secret-for-the-notification-tests-01'
const TOKEN = '34MF3J7BlLPwk-M_XxHemsvg941lbBr_Ld_9Fb0i9zc'
const ID = '91575419-5ac4-4ba6-8b0a-eb3512b2cbfe'

const booking: Booking = {
  id: ID,
  advisorId: 'conseiller-ganapati',
  startAt: '2026-11-23T08:00:00.000Z',
  endAt: '2026-11-23T08:30:00.000Z',
  status: 'confirmed',
  name: 'Zoé Lefèvre',
  email: 'zoe@example.fr',
  phone: '01 23 45 67 89',
  company: null,
  message: null,
  context: null,
  lang: 'fr',
  timeZone: 'Europe/London',
  callMode: 'phone',
  pageUrl: null,
  manageTokenHash: 'hash',
  createdAt: '2026-11-20T08:00:00.000Z',
  cancelledAt: null,
  erasedAt: null,
}
const advisor: Advisor = {
  id: 'conseiller-ganapati',
  name: 'Conseiller Ganapati',
  email: 'conseiller@ganapati.example',
  active: true,
  slotMinutes: 30,
  bufferMinutes: 0,
  minNoticeMinutes: 120,
  horizonDays: 30,
  weeklyHours: [],
  videoUrl: null,
  origin: 'seed',
  updatedAt: '2026-11-01T00:00:00.000Z',
}
const change = (over: Partial<Booking> = {}, at = booking.createdAt): BookingChange => ({
  booking: { ...booking, ...over },
  advisor,
  opcoName: null,
  publicUrl: 'https://widgets.ganapati.fr',
  at,
})
const mail = (advisorByEmail: boolean): MailQueueSettings => ({
  sealKey: KEY,
  advisorByEmail,
  privacyUrl: null,
})
const shape = (rows: { channel: string; topic: string; subject: string; dueAt: string }[]) =>
  rows.map((row) => [row.channel, row.topic, row.subject.slice(ID.length + 8) || '-', row.dueAt])

describe('bookingConfirmedRows', () => {
  it.each([
    [
      'without e-mail: the webhook only',
      null,
      [['webhook', 'booking.confirmed', '-', '2026-11-20T08:00:00.000Z']],
    ],
    [
      'with e-mail and a webhook: the visitor’s confirmation and reminder (the day before)',
      mail(false),
      [
        ['webhook', 'booking.confirmed', '-', '2026-11-20T08:00:00.000Z'],
        ['email', 'booking.confirmed', ':visitor', '2026-11-20T08:00:00.000Z'],
        ['email', 'booking.reminder', ':visitor', '2026-11-22T08:00:00.000Z'],
      ],
    ],
    [
      'with e-mail and no webhook: the advisor’s e-mail too',
      mail(true),
      [
        ['webhook', 'booking.confirmed', '-', '2026-11-20T08:00:00.000Z'],
        ['email', 'booking.confirmed', ':visitor', '2026-11-20T08:00:00.000Z'],
        ['email', 'booking.reminder', ':visitor', '2026-11-22T08:00:00.000Z'],
        ['email', 'booking.confirmed', ':advisor', '2026-11-20T08:00:00.000Z'],
      ],
    ],
  ] as const)('%s', async (_case, settings, expected) => {
    expect(shape(await bookingConfirmedRows(change(), TOKEN, settings))).toEqual(expected)
  })

  it('seals the token for each visitor e-mail, readable with the key only, and gives the advisor none', async () => {
    const rows = await bookingConfirmedRows(change(), TOKEN, mail(true))
    const visitor = rows.filter((row) => row.subject.endsWith(':visitor'))
    expect(visitor).toHaveLength(2)
    expect(visitor[0]?.sealedToken).not.toBe(visitor[1]?.sealedToken)
    for (const row of visitor) {
      expect(await unseal(row.sealedToken ?? '', KEY)).toBe(TOKEN)
      expect(await unseal(row.sealedToken ?? '', `${KEY}x`)).toBeNull()
    }
    for (const row of rows) expect(row.payload).not.toContain(TOKEN)
    expect(
      rows
        .filter((row) => row.subject.endsWith(':advisor') || row.channel === 'webhook')
        .map((row) => row.sealedToken),
    ).toEqual([null, null])
  })

  it('writes the e-mail facts: the visitor’s zone, the call mode, the page to come back to', async () => {
    const rows = await bookingConfirmedRows(
      change({ pageUrl: 'https://www.partenaire.fr/rdv' }),
      TOKEN,
      mail(false),
    )
    const facts = JSON.parse(rows[1]?.payload ?? '{}')
    expect(facts).toMatchObject({
      recipient: 'visitor',
      booking: { id: ID, timeZone: 'Europe/London', callMode: 'phone', lang: 'fr' },
      managePage: 'https://www.partenaire.fr/rdv',
      publicUrl: 'https://widgets.ganapati.fr',
    })
    const page = JSON.parse(
      (await bookingConfirmedRows(change(), TOKEN, mail(false)))[1]?.payload ?? '{}',
    )
    expect(page.managePage).toBe('https://widgets.ganapati.fr/')
  })
})

describe('bookingCancelledRows', () => {
  it('queues the webhook, the visitor’s cancellation e-mail, the advisor’s without a webhook; no token', () => {
    const at = '2026-11-21T08:00:00.000Z'
    const cancelled = change({ status: 'cancelled', cancelledAt: at }, at)
    const rows = bookingCancelledRows(cancelled, mail(true))
    expect(shape(rows)).toEqual([
      ['webhook', 'booking.cancelled', '-', at],
      ['email', 'booking.cancelled', ':visitor', at],
      ['email', 'booking.cancelled', ':advisor', at],
    ])
    expect(rows.every((row) => row.sealedToken === null)).toBe(true)
    expect(JSON.parse(rows[0]?.payload ?? '{}').booking).toMatchObject({
      status: 'cancelled',
      cancelledAt: at,
      visitor: { timeZone: 'Europe/London' },
      call: { mode: 'phone', videoUrl: null },
    })
  })
})
