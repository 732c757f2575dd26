import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { SlotList } from '../../api/contracts/advisors'
import type { BookingConfirmation } from '../../api/contracts/bookings'
import { createTestApp, json, type TestApp } from '../support/test-app'

const ADMIN_TOKEN = 'admin-token-for-tests-0123456789abcdef'
const NOW = Date.parse('2026-11-20T08:00:00Z')

let t: TestApp
beforeEach(async () => {
  t = await createTestApp({ clock: { now: () => NOW }, adminToken: ADMIN_TOKEN })
})
afterEach(() => {
  t.client.close()
})

function admin(method: string, path: string, body?: unknown, token = ADMIN_TOKEN) {
  return t.app.request(`/v1/admin${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
}

const morningsOnly = {
  name: 'Camille Martin',
  email: 'camille.martin@ganapati.example',
  slotMinutes: 60,
  bufferMinutes: 15,
  minNoticeMinutes: 24 * 60,
  horizonDays: 14,
  weeklyHours: [
    { day: 'tuesday', from: '09:00', to: '12:00' },
    { day: 'thursday', from: '09:00', to: '12:00' },
  ],
}

describe('admin routes for advisors', () => {
  it('refuses every route without the token, and with a wrong one', async () => {
    const paths = [
      ['GET', '/advisors'],
      ['PUT', '/advisors/camille'],
      ['PUT', '/advisors/conseiller-ganapati/days-off/2026-11-23'],
      ['GET', '/bookings/00000000-0000-4000-8000-000000000000'],
      ['GET', '/outbox'],
    ] as const
    for (const [method, path] of paths) {
      const response = await admin(
        method,
        path,
        method === 'PUT' ? morningsOnly : undefined,
        'x'.repeat(40),
      )
      expect(response.status).toBe(401)
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/)
    }
    expect(await (await t.app.request('/v1/advisors')).json()).toEqual({
      items: [{ id: 'conseiller-ganapati', name: 'Conseiller Ganapati', callModes: ['phone'] }],
    })
  })

  it('adds an advisor (201), whose slots follow their own rules at once', async () => {
    const created = await admin('PUT', '/advisors/camille-martin', morningsOnly)
    expect(created.status).toBe(201)
    expect(await created.json()).toMatchObject({
      id: 'camille-martin',
      origin: 'admin',
      active: true,
    })
    const list = await json<{ items: { id: string }[] }>(await t.app.request('/v1/advisors'))
    expect(list.items.map((item) => item.id)).toEqual(['camille-martin', 'conseiller-ganapati'])
    const slots = await json<SlotList>(
      await t.app.request('/v1/advisors/camille-martin/slots?from=2026-11-23&to=2026-11-27'),
    )
    // Tuesday and Thursday mornings, one-hour calls.
    expect(slots.slots.map((slot) => slot.start)).toEqual([
      '2026-11-24T08:00:00.000Z',
      '2026-11-24T09:00:00.000Z',
      '2026-11-24T10:00:00.000Z',
      '2026-11-26T08:00:00.000Z',
      '2026-11-26T09:00:00.000Z',
      '2026-11-26T10:00:00.000Z',
    ])
  })

  it('replaces an advisor’s settings (200); a deactivated advisor can no longer be booked', async () => {
    const replaced = await admin('PUT', '/advisors/conseiller-ganapati', {
      ...morningsOnly,
      name: 'Conseiller Ganapati',
      active: false,
    })
    expect(replaced.status).toBe(200)
    expect(await (await t.app.request('/v1/advisors')).json()).toEqual({ items: [] })
    expect((await t.app.request('/v1/advisors/conseiller-ganapati/slots')).status).toBe(404)
  })

  it('offers a video call once an advisor has a video room, and only phone again once it is removed', async () => {
    const room = 'https://visio.ganapati.example/conseiller'
    const withRoom = await admin('PUT', '/advisors/conseiller-ganapati', {
      ...morningsOnly,
      videoUrl: room,
    })
    expect(withRoom.status).toBe(200)
    expect(await withRoom.json()).toMatchObject({ videoUrl: room })
    const modes = async () =>
      (await json<{ items: { callModes: string[] }[] }>(await t.app.request('/v1/advisors')))
        .items[0]?.callModes
    expect(await modes()).toEqual(['phone', 'video'])

    // Settings are replaced whole: without videoUrl, the room is gone.
    expect((await admin('PUT', '/advisors/conseiller-ganapati', morningsOnly)).status).toBe(200)
    expect(await modes()).toEqual(['phone'])
  })

  it.each([
    ['http://visio.example/room', 'not https'],
    ['javascript:alert(1)', 'not a web address'],
  ])('refuses a video room %s (%s)', async (videoUrl) => {
    const response = await admin('PUT', '/advisors/conseiller-ganapati', {
      ...morningsOnly,
      videoUrl,
    })
    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({
      errors: [{ pointer: '/body/videoUrl', detail: 'Une adresse https de salle vidéo.' }],
    })
  })

  it.each([
    [
      'an end before the start',
      { weeklyHours: [{ day: 'monday', from: '12:00', to: '09:00' }] },
      '/body/weeklyHours/0/to',
    ],
    [
      'a day in French',
      { weeklyHours: [{ day: 'lundi', from: '09:00', to: '12:00' }] },
      '/body/weeklyHours/0/day',
    ],
    [
      '25:00',
      { weeklyHours: [{ day: 'monday', from: '09:00', to: '25:00' }] },
      '/body/weeklyHours/0/to',
    ],
    ['5-minute calls', { slotMinutes: 5 }, '/body/slotMinutes'],
    ['a horizon of two years', { horizonDays: 730 }, '/body/horizonDays'],
    ['no e-mail', { email: undefined }, '/body/email'],
  ])(
    'refuses %s with a 400 naming the field, and changes nothing',
    async (_case, change, pointer) => {
      const response = await admin('PUT', '/advisors/camille-martin', {
        ...morningsOnly,
        ...change,
      })
      expect(response.status).toBe(400)
      const problem = await json<{ errors: { pointer: string }[] }>(response)
      expect(problem.errors.map((error) => error.pointer)).toContain(pointer)
      expect((await admin('GET', '/advisors/camille-martin')).status).toBe(404)
    },
  )

  it('refuses an advisor id that is not a slug', async () => {
    const response = await admin('PUT', '/advisors/Camille Martin', morningsOnly)
    expect(response.status).toBe(400)
  })

  it('sets and removes a day off; the day’s slots go and come back', async () => {
    const dayOff = await admin('PUT', '/advisors/conseiller-ganapati/days-off/2026-11-23', {
      reason: 'Formation',
    })
    expect(dayOff.status).toBe(200)
    const monday = async () =>
      json<SlotList>(
        await t.app.request('/v1/advisors/conseiller-ganapati/slots?from=2026-11-23&to=2026-11-23'),
      )
    expect((await monday()).slots).toEqual([])
    const advisor = await json<{ daysOff: unknown[] }>(
      await admin('GET', '/advisors/conseiller-ganapati'),
    )
    expect(advisor.daysOff).toEqual([{ date: '2026-11-23', reason: 'Formation' }])

    expect(
      (await admin('DELETE', '/advisors/conseiller-ganapati/days-off/2026-11-23')).status,
    ).toBe(204)
    expect((await monday()).slots).toHaveLength(13)
    expect(
      (await admin('DELETE', '/advisors/conseiller-ganapati/days-off/2026-11-23')).status,
    ).toBe(404)
  })

  it('refuses a day off for an unknown advisor or a malformed date', async () => {
    expect((await admin('PUT', '/advisors/personne/days-off/2026-11-23', {})).status).toBe(404)
    expect(
      (await admin('PUT', '/advisors/conseiller-ganapati/days-off/23-11-2026', {})).status,
    ).toBe(400)
  })

  it('shows the advisor their bookings with the visitor’s context, never the token or its hash', async () => {
    const context = { siret: '35600000000048', idcc: '1486', opcoId: 'atlas' }
    const booked = await json<BookingConfirmation>(
      await t.app.request('/v1/bookings', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          advisorId: 'conseiller-ganapati',
          start: '2026-11-23T08:00:00.000Z',
          name: 'Élodie Durand',
          email: 'elodie@entreprise.example',
          context,
        }),
      }),
    )
    const list = await json<{ items: Record<string, unknown>[] }>(
      await admin('GET', '/advisors/conseiller-ganapati/bookings?from=2026-11-23&to=2026-11-23'),
    )
    expect(list.items).toHaveLength(1)
    expect(list.items[0]).toMatchObject({
      id: booked.id,
      start: '2026-11-23T08:00:00.000Z',
      status: 'confirmed',
      name: 'Élodie Durand',
      context,
    })
    const one = await admin('GET', `/bookings/${booked.id}`)
    const text = await one.text()
    expect(JSON.parse(text)).toMatchObject({ id: booked.id, context })
    expect(text).not.toMatch(/manageTokenHash|manage_token/)
    expect(text).not.toContain(booked.manageToken)
    expect((await admin('GET', '/bookings/00000000-0000-4000-8000-000000000000')).status).toBe(404)
  })
})
