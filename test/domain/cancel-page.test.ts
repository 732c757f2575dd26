import { describe, expect, it } from 'vitest'
import { cancelPageHtml, type CancelPageState } from '../../api/domain/cancel-page'

const booking = {
  start: '2026-11-23T08:00:00.000Z',
  end: '2026-11-23T08:30:00.000Z',
  timeZone: null,
  advisorName: 'Conseiller <Ganapati>',
}
const page = (state: CancelPageState, extra: Partial<Parameters<typeof cancelPageHtml>[0]> = {}) =>
  cancelPageHtml({
    state,
    lang: 'fr',
    booking,
    action: '/bookings/b/cancel?token=a"b',
    bookAgain: 'https://www.partenaire.fr/financer',
    ...extra,
  })

describe('cancelPageHtml', () => {
  it.each([
    ['confirm', 'Annuler votre rendez-vous\u00a0?', true, false],
    ['cancelled', 'Rendez-vous annulé', false, true],
    ['already-cancelled', 'Rendez-vous déjà annulé', false, true],
    ['started', 'Rendez-vous commencé', false, false],
  ] as const)(
    '%s: titled « %s », a button %s, a link to book again %s',
    (state, title, button, again) => {
      const html = page(state)
      expect(html).toContain(`<h1>${title}</h1>`)
      expect(html.includes('<form method="post"')).toBe(button)
      expect(html.includes('Prendre un autre rendez-vous')).toBe(again)
      expect(html).toContain('lundi 23 novembre 2026, 09:00 – 09:30, heure de Paris')
    },
  )

  it('escapes the advisor’s name and the form’s address, and tells nothing of an unknown booking', () => {
    expect(page('confirm')).toContain('Votre appel avec Conseiller &lt;Ganapati&gt;')
    expect(page('confirm')).toContain('action="/bookings/b/cancel?token=a&quot;b"')
    const unknown = page('unknown', { booking: null, bookAgain: null })
    expect(unknown).toContain('Aucun rendez-vous ne correspond à ce lien')
    expect(unknown).not.toContain('2026')
  })

  it('runs nothing, and loads only its own stylesheet', () => {
    const html = page('confirm')
    expect(html).not.toMatch(/<script|<img|<style|style=/i)
    expect(html.match(/<link [^>]*>/g)).toEqual([
      '<link rel="stylesheet" href="/bookings/page.css">',
    ])
  })
})
