import { describe, expect, it } from 'vitest'
import { bookingMail, type BookingMailFacts, type MailLinks } from '../../api/domain/booking-mail'
import { parseCalendar } from '../support/ical'

const ID = '91575419-5ac4-4ba6-8b0a-eb3512b2cbfe'
const LINKS: MailLinks = {
  manage: `https://www.partenaire.fr/financer#ganapati-booking=${ID}.t0k3n`,
  cancel: `https://widgets.ganapati.fr/bookings/${ID}/cancel?token=t0k3n`,
}

function facts(
  overrides: Partial<BookingMailFacts['booking']> = {},
  recipient: 'visitor' | 'advisor' = 'visitor',
): BookingMailFacts {
  return {
    recipient,
    booking: {
      id: ID,
      status: 'confirmed',
      start: '2026-11-23T08:00:00.000Z',
      end: '2026-11-23T08:30:00.000Z',
      createdAt: '2026-11-20T08:00:00.000Z',
      cancelledAt: null,
      lang: 'fr',
      timeZone: null,
      callMode: null,
      visitor: {
        name: 'Zoé <b>Lefèvre</b>',
        email: 'zoe@example.fr',
        phone: null,
        company: 'R&D "Sud"',
        message: null,
      },
      context: null,
      ...overrides,
    },
    advisor: { name: 'Conseiller Ganapati', email: 'conseiller@ganapati.example', videoUrl: null },
    opcoName: null,
    managePage: 'https://www.partenaire.fr/financer',
    publicUrl: 'https://widgets.ganapati.fr',
    privacyUrl: null,
  }
}

describe('bookingMail for the visitor', () => {
  it('escapes what the visitor typed in the HTML part, never in the text part', () => {
    const mail = bookingMail('booking.confirmed', facts(), LINKS)
    expect(mail.text).toContain('Bonjour Zoé <b>Lefèvre</b>,')
    expect(mail.html).toContain('<p>Bonjour Zoé &lt;b&gt;Lefèvre&lt;/b&gt;,</p>')
    expect(mail.html).not.toContain('<b>')
    expect(mail.to).toEqual({ name: 'Zoé <b>Lefèvre</b>', email: 'zoe@example.fr' })
  })

  it.each([
    [
      'phone with a number',
      { callMode: 'phone', visitor: { ...facts().booking.visitor, phone: '06 12 34 56 78' } },
      'Comment\u00a0: Conseiller Ganapati vous appellera au 06 12 34 56 78.',
    ],
    [
      'no mode and no number',
      {},
      'Comment\u00a0: Conseiller Ganapati vous écrira à zoe@example.fr pour convenir de l’appel.',
    ],
    // The room was removed after the booking: the advisor will write.
    [
      'video without a room',
      { callMode: 'video' },
      'Comment\u00a0: Conseiller Ganapati vous écrira à zoe@example.fr',
    ],
  ] as const)('tells how the call happens: %s', (_case, overrides, line) => {
    expect(
      bookingMail(
        'booking.confirmed',
        facts(overrides as Partial<BookingMailFacts['booking']>),
        LINKS,
      ).text,
    ).toContain(line)
  })

  it.each([
    ['booking.confirmed', 'Rendez-vous confirmé le lundi 23 novembre 2026 à 09:00', 1, true],
    ['booking.reminder', 'Rappel\u00a0: rendez-vous le lundi 23 novembre 2026 à 09:00', 0, true],
    ['booking.cancelled', 'Rendez-vous annulé\u00a0: lundi 23 novembre 2026 à 09:00', 1, false],
  ] as const)('%s: « %s », %i attachment, links %s', (topic, subject, attachments, links) => {
    const booking =
      topic === 'booking.cancelled'
        ? { status: 'cancelled' as const, cancelledAt: '2026-11-21T08:00:00.000Z' }
        : {}
    const mail = bookingMail(topic, facts(booking), LINKS)
    expect(mail.subject).toBe(subject)
    expect(mail.attachments).toHaveLength(attachments)
    expect(mail.text.includes(LINKS.manage)).toBe(links)
    expect(mail.text.includes(LINKS.cancel)).toBe(links)
  })

  it('attaches a cancelled .ics to the cancellation, and offers the page to book again', () => {
    const mail = bookingMail(
      'booking.cancelled',
      facts({ status: 'cancelled', cancelledAt: '2026-11-21T08:00:00.000Z' }),
      null,
    )
    expect(mail.text).toContain(
      'Prendre un autre rendez-vous\u00a0: https://www.partenaire.fr/financer',
    )
    expect(mail.text).not.toContain('Comment')
    const { calendar, vevent } = parseCalendar(mail.attachments[0]?.content ?? '')
    expect(calendar.getFirstPropertyValue('method')).toBe('CANCEL')
    expect(vevent.getFirstPropertyValue('sequence')).toBe(1)
  })

  it('leaves the links out, and only them, when the token could not be read', () => {
    const mail = bookingMail('booking.confirmed', facts(), null)
    expect(mail.text).not.toContain('ganapati-booking')
    expect(mail.text).not.toContain('Ces liens sont personnels')
    expect(mail.text).toContain('Votre appel avec Conseiller Ganapati est confirmé.')
  })
})

describe('bookingMail for the advisor', () => {
  it('is in French whatever the visitor’s language, and asks to write when no way to call was given', () => {
    const mail = bookingMail('booking.confirmed', facts({ lang: 'en' }, 'advisor'), null)
    expect(mail.lang).toBe('fr')
    expect(mail.to).toEqual({ name: 'Conseiller Ganapati', email: 'conseiller@ganapati.example' })
    expect(mail.replyTo).toEqual({ name: 'Zoé <b>Lefèvre</b>', email: 'zoe@example.fr' })
    expect(mail.text).toContain(
      'Comment\u00a0: Non précisé\u00a0: écrivez au visiteur à zoe@example.fr.',
    )
    expect(mail.text).toContain('Entreprise\u00a0: R&D "Sud"')
    expect(mail.html).toContain('<td>R&amp;D &quot;Sud&quot;</td>')
  })

  it('says who cancelled', () => {
    const mail = bookingMail(
      'booking.cancelled',
      facts({ status: 'cancelled', cancelledAt: '2026-11-21T08:00:00.000Z' }, 'advisor'),
      null,
    )
    expect(mail.subject).toBe(
      'Rendez-vous annulé\u00a0: Zoé <b>Lefèvre</b>, lundi 23 novembre 2026 à 09:00',
    )
    expect(mail.text.startsWith('Zoé <b>Lefèvre</b> a annulé son appel avec vous.')).toBe(true)
  })
})
