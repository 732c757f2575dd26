import { describe, expect, it } from 'vitest'
import type { BookingConfirmation } from '../../api/contracts/bookings'
import { createTestApp, json } from '../support/test-app'

const ADMIN_TOKEN = 'admin-token-for-the-outbox-tests-0123'
const NOW = Date.parse('2026-11-20T08:00:00Z')

describe('GET /v1/admin/outbox', () => {
  it('lists e-mails with their channel, withdrawn ones too, never the sealed manage token', async () => {
    let now = NOW
    const { app, client } = await createTestApp({
      clock: { now: () => now },
      adminToken: ADMIN_TOKEN,
      mail: { sealKey: 'outbox-secret-for-the-admin-tests-0123456' },
    })
    const booked = await app.request('/v1/bookings', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        advisorId: 'conseiller-ganapati',
        start: '2026-11-23T08:00:00.000Z',
        name: 'Élodie Durand',
        email: 'elodie@entreprise.example',
      }),
    })
    const booking = await json<BookingConfirmation>(booked)
    now = NOW + 60_000
    const { pathname, search } = new URL(booking.cancelUrl)
    expect((await app.request(`${pathname}${search}`, { method: 'POST' })).status).toBe(200)

    const list = async (state: string) =>
      json<{ state: string; items: Record<string, unknown>[] }>(
        await app.request(`/v1/admin/outbox?state=${state}`, {
          headers: { Authorization: `Bearer ${ADMIN_TOKEN}` },
        }),
      )
    const withdrawn = await list('withdrawn')
    expect(withdrawn.items.map((item) => [item.channel, item.topic, item.subject])).toEqual([
      ['email', 'booking.reminder', `booking:${booking.id}:visitor`],
    ])
    const pending = await list('pending')
    expect(pending.items.map((item) => [item.channel, item.topic]).sort()).toEqual([
      ['email', 'booking.cancelled'],
      ['email', 'booking.cancelled'],
      ['email', 'booking.confirmed'],
      ['email', 'booking.confirmed'],
      ['webhook', 'booking.cancelled'],
      ['webhook', 'booking.confirmed'],
    ])
    for (const item of [...withdrawn.items, ...pending.items]) {
      expect(item).not.toHaveProperty('sealedToken')
      expect(JSON.stringify(item)).not.toContain(booking.manageToken)
    }
    client.close()
  })
})
