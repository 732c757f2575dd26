import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { BookingConfirmation } from '../../api/contracts/bookings'
import { createTestApp, json, type TestApp } from '../support/test-app'

/** Friday 2026-11-20, 09:00 in Paris. */
const NOW = Date.parse('2026-11-20T08:00:00Z')
const SLOT = '2026-11-23T08:00:00.000Z'

let t: TestApp
let now = NOW
beforeEach(async () => {
  now = NOW
  t = await createTestApp({ clock: { now: () => now }, publicUrl: 'https://widgets.ganapati.test' })
})
afterEach(() => {
  t.client.close()
})

async function book(extra: Record<string, unknown> = {}) {
  const response = await t.app.request('/v1/bookings', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      advisorId: 'conseiller-ganapati',
      start: SLOT,
      name: 'Élodie <Durand>',
      email: 'elodie@entreprise.example',
      timeZone: 'America/Martinique',
      ...extra,
    }),
  })
  expect(response.status).toBe(201)
  return json<BookingConfirmation>(response)
}

const pageOf = (booking: BookingConfirmation, token = booking.manageToken) =>
  `/bookings/${booking.id}/cancel?token=${encodeURIComponent(token)}`

const status = async (id: string) =>
  (await t.client.execute({ sql: 'select status from bookings where id = ?', args: [id] })).rows[0]
    ?.status

describe('GET /bookings/:id/cancel', () => {
  it('shows the call in the visitor’s zone and in Paris, and a button: opening it cancels nothing', async () => {
    const booking = await book()
    const response = await t.app.request(pageOf(booking))
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/^text\/html/)
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(response.headers.get('referrer-policy')).toBe('no-referrer')
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'")
    const html = await response.text()
    expect(html).toContain('<html lang="fr">')
    expect(html).toContain('<h1>Annuler votre rendez-vous\u00a0?</h1>')
    expect(html).toContain(
      'lundi 23 novembre 2026, 04:00 – 04:30, à votre heure (America/Martinique)',
    )
    expect(html).toContain('lundi 23 novembre 2026, 09:00 – 09:30, heure de Paris')
    expect(html).toContain(
      `<form method="post" action="/bookings/${booking.id}/cancel?token=${booking.manageToken}">`,
    )
    expect(html).not.toMatch(/<script|style=/)
    // A mail scanner following the link changes nothing.
    expect(await status(booking.id)).toBe('confirmed')
  })

  it('is styled by a stylesheet file the strict CSP allows, never by inline style', async () => {
    const booking = await book()
    const html = await (await t.app.request(pageOf(booking))).text()
    expect(html).toContain('<link rel="stylesheet" href="/bookings/page.css">')
    expect(html).not.toMatch(/<style|style=/)
    const css = await t.app.request('/bookings/page.css')
    expect(css.status).toBe(200)
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8')
    expect(css.headers.get('content-security-policy')).toContain("style-src 'self'")
    expect(await css.text()).toContain('prefers-color-scheme: dark')
  })

  it('speaks English for an English booking', async () => {
    const booking = await book({ lang: 'en' })
    const html = await (await t.app.request(pageOf(booking))).text()
    expect(html).toContain('<html lang="en">')
    expect(html).toContain('<h1>Cancel your booking?</h1>')
    expect(html).toContain('Yes, cancel the booking')
  })

  it.each([
    ['a wrong token', (booking: BookingConfirmation) => pageOf(booking, 'x'.repeat(43))],
    ['no token', (booking: BookingConfirmation) => `/bookings/${booking.id}/cancel`],
    ['an id that is no UUID', () => '/bookings/abc/cancel?token=abc'],
  ])('answers 404 with a page for %s, naming no booking', async (_case, path) => {
    const booking = await book()
    const response = await t.app.request(path(booking))
    expect(response.status).toBe(404)
    const html = await response.text()
    expect(html).toContain('Aucun rendez-vous ne correspond à ce lien')
    expect(html).not.toContain('2026')
  })
})

describe('POST /bookings/:id/cancel', () => {
  it('cancels with the API’s rules and notifications, then says so; again, it says it was already done', async () => {
    const booking = await book({ pageUrl: 'https://widgets.ganapati.test/financer' })
    now = NOW + 3_600_000
    const response = await t.app.request(pageOf(booking), { method: 'POST' })
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toContain('<h1>Rendez-vous annulé</h1>')
    expect(html).toContain(
      '<a href="https://widgets.ganapati.test/financer">Prendre un autre rendez-vous</a>',
    )
    expect(await status(booking.id)).toBe('cancelled')
    const notifications = await t.client.execute({
      sql: 'select topic, sequence from outbox where subject = ? order by sequence',
      args: [`booking:${booking.id}`],
    })
    expect(notifications.rows.map((row) => [row.topic, row.sequence])).toEqual([
      ['booking.confirmed', 1],
      ['booking.cancelled', 2],
    ])

    const again = await t.app.request(pageOf(booking), { method: 'POST' })
    expect(again.status).toBe(200)
    expect(await again.text()).toContain('Ce rendez-vous était déjà annulé.')
    expect(
      (await t.client.execute(`select count(*) as n from outbox where topic = 'booking.cancelled'`))
        .rows[0]?.n,
    ).toBe(1)
  })

  it('answers 409 once the call has started', async () => {
    const booking = await book()
    now = Date.parse(SLOT) + 60_000
    const response = await t.app.request(pageOf(booking), { method: 'POST' })
    expect(response.status).toBe(409)
    expect(await response.text()).toContain('Ce rendez-vous a déjà commencé')
    expect(await status(booking.id)).toBe('confirmed')
  })
})
