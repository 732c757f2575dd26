import ICAL from 'ical.js'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { SlotList } from '../../api/contracts/advisors'
import type { BookingConfirmation, BookingView } from '../../api/contracts/bookings'
import type { Clock } from '../../api/services/clock'
import { parseCalendar } from '../support/ical'
import { createTestApp, json, type TestApp } from '../support/test-app'

const ADMIN_TOKEN = 'admin-token-for-tests-0123456789abcdef'
const ADVISOR = 'conseiller-ganapati'

/** A clock the tests move; it starts on Friday 2026-11-20 at 09:00 Paris time. */
function movableClock(iso = '2026-11-20T08:00:00Z'): Clock & { set(iso: string): void } {
  let now = Date.parse(iso)
  return { now: () => now, set: (next) => (now = Date.parse(next)) }
}

let t: TestApp
let clock: ReturnType<typeof movableClock>
let client = 0

beforeEach(async () => {
  clock = movableClock()
  t = await createTestApp({ clock, adminToken: ADMIN_TOKEN })
})

afterEach(() => {
  t.client.close()
})

const visitor = {
  advisorId: ADVISOR,
  name: 'Élodie Durand',
  email: 'elodie@entreprise.example',
  phone: '01 23 45 67 89',
  company: 'Boulangerie Durand',
  message: 'Une alternante en septembre ; quel reste à charge ?',
  context: {
    siret: '35600000000048',
    idcc: '0843',
    opcoId: 'opcommerce',
    simulation: {
      scheme: 'apprentissage',
      date: '2026-09-01',
      totalCostCents: 850_000,
      opcoFundingCents: 700_000,
      employerCostCents: 150_000,
      stateAidCents: 500_000,
      inputs: { headcount: 12, level: 5, priceCents: 850_000 },
    },
  },
}

/** Each call is a different visitor (client IP), unless one is named: the per-client limit is tested apart. */
function book(body: unknown, headers: Record<string, string> = {}) {
  return t.app.request('/v1/bookings', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'cf-connecting-ip': `198.51.100.${client++ % 250}`,
      ...headers,
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
}

async function slots(query = 'from=2026-11-23&to=2026-11-23'): Promise<SlotList> {
  const response = await t.app.request(`/v1/advisors/${ADVISOR}/slots?${query}`)
  expect(response.status).toBe(200)
  return json<SlotList>(response)
}

const pathOf = (url: string) => {
  const parsed = new URL(url)
  return parsed.pathname + parsed.search
}

async function count(sql: string): Promise<number> {
  return Number((await t.client.execute(sql)).rows[0]?.[0])
}

const MONDAY_NINE = '2026-11-23T08:00:00.000Z'

describe('GET /v1/advisors', () => {
  it('lists the bookable advisors by id, name and the ways they call, nothing else', async () => {
    const response = await t.app.request('/v1/advisors')
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({
      items: [{ id: ADVISOR, name: 'Conseiller Ganapati', callModes: ['phone'] }],
    })
  })
})

describe('GET /v1/advisors/:id/slots', () => {
  it('answers free slots as UTC instants, with the rules’ time zone', async () => {
    const body = await slots()
    expect(body.timeZone).toBe('Europe/Paris')
    expect(body.slots).toHaveLength(13)
    expect(body.slots[0]).toEqual({ start: MONDAY_NINE, end: '2026-11-23T08:30:00.000Z' })
  })

  it('covers two weeks from today by default, within the minimum notice', async () => {
    const response = await t.app.request(`/v1/advisors/${ADVISOR}/slots`)
    const body = await json<SlotList>(response)
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(body).toMatchObject({ from: '2026-11-20', to: '2026-12-03' })
    // Friday 09:00: the 2 h notice leaves 11:00 as the first call; ten working days in all.
    expect(body.slots[0]?.start).toBe('2026-11-20T10:00:00.000Z')
    expect(body.slots.at(-1)?.start).toBe('2026-12-03T16:00:00.000Z')
  })

  it('moves 09:00 Paris by one hour in UTC across the spring and autumn changes', async () => {
    clock.set('2026-03-20T08:00:00Z')
    const spring = await slots('from=2026-03-27&to=2026-03-30')
    expect(spring.slots.map((slot) => slot.start)).toContain('2026-03-27T08:00:00.000Z')
    expect(spring.slots.map((slot) => slot.start)).toContain('2026-03-30T07:00:00.000Z')
    expect(spring.slots).toHaveLength(26)

    clock.set('2026-10-16T08:00:00Z')
    const autumn = await slots('from=2026-10-23&to=2026-10-26')
    expect(autumn.slots.map((slot) => slot.start)).toContain('2026-10-23T07:00:00.000Z')
    expect(autumn.slots.map((slot) => slot.start)).toContain('2026-10-26T08:00:00.000Z')
    expect(autumn.slots).toHaveLength(26)
  })

  it('offers nothing past the 30-day horizon', async () => {
    const body = await slots('from=2026-12-15&to=2027-01-10')
    // Today is 2026-11-20: the last bookable date is Sunday 2026-12-20, so Friday 18 is the last call.
    expect(body.slots.at(-1)?.start).toBe('2026-12-18T16:00:00.000Z')
  })

  it.each([
    ['to before from', 'from=2026-11-25&to=2026-11-24', '/query/to'],
    ['more than 31 days', 'from=2026-11-23&to=2026-12-24', '/query/to'],
    ['a malformed date', 'from=23/11/2026', '/query/from'],
    ['an unknown parameter', 'from=2026-11-23&tz=UTC', '/query/tz'],
  ])('refuses %s with a 400 naming the field', async (_case, query, pointer) => {
    const response = await t.app.request(`/v1/advisors/${ADVISOR}/slots?${query}`)
    expect(response.status).toBe(400)
    expect(response.headers.get('content-type')).toBe('application/problem+json')
    const problem = await json<{ errors: { pointer: string }[] }>(response)
    expect(problem.errors.map((error) => error.pointer)).toContain(pointer)
  })

  it('answers a month at most: 31 days, the next page from the 32nd', async () => {
    expect((await slots('from=2026-11-23&to=2026-12-23')).to).toBe('2026-12-23')
    const response = await t.app.request(
      `/v1/advisors/${ADVISOR}/slots?from=2026-11-23&to=2026-12-24`,
    )
    expect(await json(response)).toMatchObject({
      type: '/problems/validation-error',
      detail: 'Au plus 31 jours par demande\u00a0: demandez la suite à partir du 2026-12-24.',
      errors: [{ pointer: '/query/to', detail: 'Au plus 30 jours après from (2026-12-23).' }],
    })
  })

  it('limits slot lists per client: a burst of 60, then 429 with Retry-After, others unaffected', async () => {
    const list = (ip: string) =>
      t.app.request(`/v1/advisors/${ADVISOR}/slots`, { headers: { 'cf-connecting-ip': ip } })
    for (let index = 0; index < 60; index++) expect((await list('203.0.113.20')).status).toBe(200)
    const refused = await list('203.0.113.20')
    expect(refused.status).toBe(429)
    expect(refused.headers.get('retry-after')).toBe('1')
    expect(await json(refused)).toMatchObject({ type: '/problems/too-many-requests' })
    expect((await list('203.0.113.21')).status).toBe(200)
    clock.set('2026-11-20T08:00:01Z')
    expect((await list('203.0.113.20')).status).toBe(200)
  })

  it('counts an IPv6 client by its /64', async () => {
    const list = (ip: string) =>
      t.app.request(`/v1/advisors/${ADVISOR}/slots`, { headers: { 'cf-connecting-ip': ip } })
    for (let index = 0; index < 60; index++) {
      expect((await list(`2001:db8:1:2::${index.toString(16)}`)).status).toBe(200)
    }
    expect((await list('2001:db8:1:2:ffff:ffff:ffff:ffff')).status).toBe(429)
    expect((await list('2001:db8:1:3::1')).status).toBe(200)
  })

  it('answers 404 for an unknown advisor', async () => {
    const response = await t.app.request('/v1/advisors/personne/slots')
    expect(response.status).toBe(404)
    expect(await response.json()).toMatchObject({ type: '/problems/unknown-advisor' })
  })
})

describe('POST /v1/bookings', () => {
  it('books a free slot: 201 with the manage token, the .ics and cancel links; the slot is gone', async () => {
    const response = await book({ ...visitor, start: MONDAY_NINE })
    expect(response.status).toBe(201)
    const body = await json<BookingConfirmation>(response)
    expect(body).toMatchObject({
      advisorId: ADVISOR,
      start: MONDAY_NINE,
      end: '2026-11-23T08:30:00.000Z',
      status: 'confirmed',
    })
    expect(body.manageToken).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(pathOf(body.icsUrl)).toBe(`/v1/bookings/${body.id}.ics?token=${body.manageToken}`)
    expect(pathOf(body.cancelUrl)).toBe(`/v1/bookings/${body.id}/cancel?token=${body.manageToken}`)
    expect(response.headers.get('location')).toMatch(new RegExp(`/v1/bookings/${body.id}$`))
    expect((await slots()).slots.map((slot) => slot.start)).not.toContain(MONDAY_NINE)
  })

  it('builds its links on the public URL, whatever Host the request names', async () => {
    t.client.close()
    t = await createTestApp({ clock, publicUrl: 'https://widgets.ganapati.fr' })
    const response = await t.app.request('http://attacker.example/v1/bookings', {
      method: 'POST',
      headers: { 'content-type': 'application/json', host: 'attacker.example' },
      body: JSON.stringify({ ...visitor, start: MONDAY_NINE }),
    })
    const body = await json<BookingConfirmation>(response)
    const base = `https://widgets.ganapati.fr/v1/bookings/${body.id}`
    expect(body.icsUrl).toBe(`${base}.ics?token=${body.manageToken}`)
    expect(body.cancelUrl).toBe(`${base}/cancel?token=${body.manageToken}`)
    expect(response.headers.get('location')).toBe(base)
  })

  it('records the booking for the advisor with its context, the token only as a hash', async () => {
    const body = await json<BookingConfirmation>(await book({ ...visitor, start: MONDAY_NINE }))
    const row = (
      await t.client.execute({ sql: 'select * from bookings where id = ?', args: [body.id] })
    ).rows[0]
    expect(row).toMatchObject({
      advisor_id: ADVISOR,
      start_at: MONDAY_NINE,
      status: 'confirmed',
      name: visitor.name,
      company: visitor.company,
    })
    expect(JSON.parse(String(row?.context))).toEqual(visitor.context)
    expect(String(row?.manage_token_hash)).not.toBe(body.manageToken)
    expect(JSON.stringify(row)).not.toContain(body.manageToken)
  })

  it('queues the advisor’s notification in the same transaction', async () => {
    const body = await json<BookingConfirmation>(await book({ ...visitor, start: MONDAY_NINE }))
    const rows = (
      await t.client.execute('select topic, subject, sequence, state, payload from outbox')
    ).rows
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({
      topic: 'booking.confirmed',
      subject: `booking:${body.id}`,
      sequence: 1,
      state: 'pending',
    })
    expect(JSON.parse(String(rows[0]?.payload))).toMatchObject({
      type: 'booking.confirmed',
      booking: { id: body.id, visitor: { email: visitor.email }, context: visitor.context },
    })
  })

  it('accepts the start with a Paris offset: the same instant', async () => {
    const response = await book({ ...visitor, start: '2026-11-23T09:00:00+01:00' })
    expect(response.status).toBe(201)
    expect((await json<BookingConfirmation>(response)).start).toBe(MONDAY_NINE)
  })

  it('books with name and e-mail alone', async () => {
    const response = await book({
      advisorId: ADVISOR,
      start: MONDAY_NINE,
      name: 'A',
      email: 'a@b.fr',
    })
    expect(response.status).toBe(201)
  })

  it('answers 409 for a slot already taken, and queues nothing more', async () => {
    expect((await book({ ...visitor, start: MONDAY_NINE })).status).toBe(201)
    const response = await book({
      ...visitor,
      email: 'autre@entreprise.example',
      start: MONDAY_NINE,
    })
    expect(response.status).toBe(409)
    expect(response.headers.get('content-type')).toBe('application/problem+json')
    expect(await response.json()).toMatchObject({ type: '/problems/slot-taken', status: 409 })
    expect(await count('select count(*) from bookings')).toBe(1)
    expect(await count('select count(*) from outbox')).toBe(1)
  })

  it('holds exactly one booking when 50 visitors book the same slot at once: 1 × 201, 49 × 409', async () => {
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, index) =>
        book({ ...visitor, email: `visiteur${index}@entreprise.example`, start: MONDAY_NINE }),
      ),
    )
    const statuses = responses.map((response) => response.status)
    expect(statuses.filter((status) => status === 201)).toHaveLength(1)
    expect(statuses.filter((status) => status === 409)).toHaveLength(49)
    expect(await count('select count(*) from bookings')).toBe(1)
    expect(await count("select count(*) from outbox where topic = 'booking.confirmed'")).toBe(1)
  })

  it('lets the database refuse a second confirmed call at the same start, whatever the code does', async () => {
    await book({ ...visitor, start: MONDAY_NINE })
    const insert = t.client.execute({
      sql: `insert into bookings (id, advisor_id, start_at, end_at, status, name, email, lang, manage_token_hash, created_at)
            values ('forged', ?, ?, '2026-11-23T08:30:00.000Z', 'confirmed', 'X', 'x@y.fr', 'fr', 'h', 'now')`,
      args: [ADVISOR, MONDAY_NINE],
    })
    await expect(insert).rejects.toThrow(/UNIQUE constraint failed/)
  })

  it('refuses a call overlapping a booked one when the buffer changed the grid', async () => {
    await book({ ...visitor, start: MONDAY_NINE })
    // The admin moves calls to 45 min from 08:45: 09:30 now overlaps nothing, 08:45 would overlap 09:00.
    const settings = await t.app.request(`/v1/admin/advisors/${ADVISOR}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'Conseiller Ganapati',
        email: 'conseiller@ganapati.example',
        slotMinutes: 45,
        weeklyHours: [{ day: 'monday', from: '08:45', to: '12:00' }],
      }),
    })
    expect(settings.status).toBe(200)
    expect((await slots()).slots.map((slot) => slot.start)).not.toContain(
      '2026-11-23T07:45:00.000Z',
    )
    const overlapping = await book({ ...visitor, start: '2026-11-23T07:45:00.000Z' })
    expect(overlapping.status).toBe(409)
  })

  it.each([
    ['a start off the grid (09:10)', '2026-11-23T08:10:00.000Z', /ne propose pas de créneau/],
    ['a Saturday', '2026-11-21T08:00:00.000Z', /ne propose pas de créneau/],
    ['lunch time', '2026-11-23T11:30:00.000Z', /ne propose pas de créneau/],
    [
      'within the 2 h notice (today 10:30 Paris)',
      '2026-11-20T09:30:00.000Z',
      /au moins 2 h à l’avance/,
    ],
    ['past the 30-day horizon', '2026-12-22T08:00:00.000Z', /au plus 30 jours/],
    ['a past call', '2026-11-19T08:00:00.000Z', /au moins 2 h/],
  ])('answers 422 for %s, and books nothing', async (_case, start, detail) => {
    const response = await book({ ...visitor, start })
    expect(response.status).toBe(422)
    const problem = await json<{ type: string; detail: string }>(response)
    expect(problem.type).toBe('/problems/slot-unavailable')
    expect(problem.detail).toMatch(detail)
    expect(await count('select count(*) from bookings')).toBe(0)
  })

  it('answers 422 on a day off set by an admin', async () => {
    const dayOff = await t.app.request(`/v1/admin/advisors/${ADVISOR}/days-off/2026-11-23`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ reason: 'Formation interne' }),
    })
    expect(dayOff.status).toBe(200)
    expect((await slots()).slots).toEqual([])
    expect((await book({ ...visitor, start: MONDAY_NINE })).status).toBe(422)
  })

  it.each([
    ['no e-mail', { ...visitor, email: undefined }, '/body/email'],
    ['a malformed e-mail', { ...visitor, email: 'elodie@' }, '/body/email'],
    ['an empty name', { ...visitor, name: '  ' }, '/body/name'],
    ['a letter in the phone number', { ...visitor, phone: '01 23 AB' }, '/body/phone'],
    [
      'a 13-digit SIRET',
      { ...visitor, context: { siret: '3560000000004' } },
      '/body/context/siret',
    ],
    ['an unknown OPCO', { ...visitor, context: { opcoId: 'opca' } }, '/body/context/opcoId'],
    ['an unknown field', { ...visitor, coupon: 'X' }, '/body/coupon'],
    ['an unknown advisor', { ...visitor, advisorId: 'personne' }, '/body/advisorId'],
    ['a start that is no instant', { ...visitor, start: 'lundi 9h' }, '/body/start'],
    ['an unknown time zone', { ...visitor, timeZone: 'Europe/Atlantis' }, '/body/timeZone'],
    ['an offset for a time zone', { ...visitor, timeZone: '+01:00' }, '/body/timeZone'],
    ['a phone call without a number', { ...visitor, phone: '', callMode: 'phone' }, '/body/phone'],
    ['an unknown call mode', { ...visitor, callMode: 'pigeon' }, '/body/callMode'],
    ['a page that is no web page', { ...visitor, pageUrl: 'javascript:alert(1)' }, '/body/pageUrl'],
  ])(
    'answers 400 for %s, pointing at the field, and books nothing',
    async (_case, body, pointer) => {
      const response = await book({ start: MONDAY_NINE, ...body })
      expect(response.status).toBe(400)
      const problem = await json<{ type: string; errors: { pointer: string }[] }>(response)
      expect(problem.type).toBe('/problems/validation-error')
      expect(problem.errors.map((error) => error.pointer)).toContain(pointer)
      expect(await count('select count(*) from bookings')).toBe(0)
    },
  )

  it('answers 400 for a video call with an advisor who has no video room', async () => {
    const response = await book({ ...visitor, start: MONDAY_NINE, callMode: 'video' })
    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({
      detail: 'Conseiller Ganapati ne propose pas d’appel vidéo.',
      errors: [{ pointer: '/body/callMode' }],
    })
    expect(await count('select count(*) from bookings')).toBe(0)
  })

  it('keeps the visitor’s zone in its canonical spelling, the call mode, and the page only from a known origin', async () => {
    t.client.close()
    t = await createTestApp({
      clock,
      publicUrl: 'https://widgets.ganapati.fr',
      allowedReturnOrigins: ['https://www.partenaire.example'],
    })
    const stored = async (pageUrl: string) => {
      const body = await json<BookingConfirmation>(
        await book({
          ...visitor,
          start: (await slots()).slots[0]?.start,
          timeZone: 'america/martinique',
          callMode: 'phone',
          pageUrl,
        }),
      )
      const row = (
        await t.client.execute({ sql: 'select * from bookings where id = ?', args: [body.id] })
      ).rows[0]
      return { body, row }
    }
    const partner = await stored('https://www.partenaire.example/financer?offre=1#haut')
    expect(partner.row).toMatchObject({
      time_zone: 'America/Martinique',
      call_mode: 'phone',
      page_url: 'https://www.partenaire.example/financer?offre=1',
    })
    expect(partner.body.manageUrl).toBe(
      `https://www.partenaire.example/financer?offre=1#ganapati-booking=${partner.body.id}.${partner.body.manageToken}`,
    )
    // Another origin: the link leads to the demo page at PUBLIC_URL instead.
    const elsewhere = await stored('https://phishing.example/ganapati')
    expect(elsewhere.row?.page_url).toBeNull()
    expect(elsewhere.body.manageUrl).toBe(
      `https://widgets.ganapati.fr/#ganapati-booking=${elsewhere.body.id}.${elsewhere.body.manageToken}`,
    )
  })

  it('answers 400 for a body that is not JSON', async () => {
    const response = await book('{"advisorId":')
    expect(response.status).toBe(400)
    expect(response.headers.get('content-type')).toBe('application/problem+json')
  })

  it('answers 413 for an oversized body', async () => {
    const response = await book({ ...visitor, start: MONDAY_NINE, message: 'x'.repeat(20_000) })
    expect(response.status).toBe(413)
    expect(await count('select count(*) from bookings')).toBe(0)
  })

  it('limits bookings per visitor: a burst of 20, then 429 with Retry-After', async () => {
    const monday = (await slots()).slots
    const statuses: number[] = []
    for (let index = 0; index < 21; index++) {
      const start = monday[index % monday.length]!.start
      const response = await book({ ...visitor, start }, { 'cf-connecting-ip': '203.0.113.9' })
      statuses.push(response.status)
      if (response.status === 429)
        expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0)
    }
    expect(statuses.slice(0, 20)).not.toContain(429)
    expect(statuses[20]).toBe(429)
  })

  it('answers a CORS preflight that allows the Idempotency-Key header', async () => {
    const response = await t.app.request('/v1/bookings', {
      method: 'OPTIONS',
      headers: {
        origin: 'https://partenaire.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type, idempotency-key',
      },
    })
    expect(response.status).toBe(204)
    expect(response.headers.get('access-control-allow-headers')).toMatch(/Idempotency-Key/i)
  })
})

describe('Idempotency-Key', () => {
  // A retry comes from the client that sent the first request: keys are scoped to it.
  const key = {
    'idempotency-key': '5f0c6a0e-8a43-4c59-9c4f-8d3c1f0b2a11',
    'cf-connecting-ip': '192.0.2.10',
  }

  it('returns the first answer to a retry, once booked', async () => {
    const first = await book({ ...visitor, start: MONDAY_NINE }, key)
    const retry = await book({ ...visitor, start: MONDAY_NINE }, key)
    expect(first.status).toBe(201)
    expect(retry.status).toBe(201)
    expect(retry.headers.get('idempotent-replayed')).toBe('true')
    expect(await retry.json()).toEqual(await first.json())
    expect(await count('select count(*) from bookings')).toBe(1)
  })

  it('keeps the stored answer unreadable without the key', async () => {
    const body = await json<BookingConfirmation>(
      await book({ ...visitor, start: MONDAY_NINE }, key),
    )
    const rows = JSON.stringify((await t.client.execute('select * from idempotency_keys')).rows)
    expect(rows).not.toContain(body.manageToken)
    expect(rows).not.toContain(key['idempotency-key'])
  })

  it('gives one booking to concurrent retries with the same key', async () => {
    const responses = await Promise.all(
      Array.from({ length: 10 }, () => book({ ...visitor, start: MONDAY_NINE }, key)),
    )
    const statuses = responses.map((response) => response.status)
    // The first request books; the others replay it, or are told it is still in flight.
    expect(statuses.filter((status) => status === 201).length).toBeGreaterThanOrEqual(1)
    expect(statuses.every((status) => status === 201 || status === 409)).toBe(true)
    for (const response of responses.filter((response) => response.status === 409)) {
      expect(await response.json()).toMatchObject({ type: '/problems/idempotency-key-in-flight' })
      expect(response.headers.get('retry-after')).toBe('1')
    }
    const ids = new Set(
      await Promise.all(
        responses
          .filter((response) => response.status === 201)
          .map(async (response) => (await json<BookingConfirmation>(response)).id),
      ),
    )
    expect(ids.size).toBe(1)
    expect(await count('select count(*) from bookings')).toBe(1)
  })

  it('refuses the same key for another request with a 422', async () => {
    await book({ ...visitor, start: MONDAY_NINE }, key)
    const other = await book({ ...visitor, start: '2026-11-23T08:30:00.000Z' }, key)
    expect(other.status).toBe(422)
    expect(await other.json()).toMatchObject({ type: '/problems/idempotency-key-reused' })
    expect(await count('select count(*) from bookings')).toBe(1)
  })

  it('replays a refusal too: a retry of a request that found the slot taken is still a 409', async () => {
    await book({ ...visitor, start: MONDAY_NINE })
    const first = await book({ ...visitor, email: 'b@c.fr', start: MONDAY_NINE }, key)
    const retry = await book({ ...visitor, email: 'b@c.fr', start: MONDAY_NINE }, key)
    expect([first.status, retry.status]).toEqual([409, 409])
    expect(retry.headers.get('idempotent-replayed')).toBe('true')
  })

  it('lets a retry take over a claim left by a request that died more than a minute ago', async () => {
    await book({ ...visitor, start: MONDAY_NINE }, key)
    await t.client.execute('update idempotency_keys set status = null, sealed_body = null')
    await t.client.execute('delete from bookings')
    expect((await book({ ...visitor, start: MONDAY_NINE }, key)).status).toBe(409)
    clock.set('2026-11-20T08:02:00Z')
    const retry = await book({ ...visitor, start: MONDAY_NINE }, key)
    expect(retry.status).toBe(201)
  })

  it('never replays another client’s answer: the same key from elsewhere is a request of its own', async () => {
    const first = await book({ ...visitor, start: MONDAY_NINE }, key)
    expect(first.status).toBe(201)
    const elsewhere = { ...key, 'cf-connecting-ip': '192.0.2.11' }
    const copied = await book({ ...visitor, start: MONDAY_NINE }, elsewhere)
    expect(copied.status).toBe(409)
    expect(copied.headers.get('idempotent-replayed')).toBeNull()
    const text = await copied.text()
    expect(JSON.parse(text)).toMatchObject({ type: '/problems/slot-taken' })
    expect(text).not.toContain((await json<BookingConfirmation>(first)).manageToken)

    // For a third client the key is fresh too: another body is no reuse.
    const third = { ...key, 'cf-connecting-ip': '192.0.2.12' }
    const own = await book({ ...visitor, start: '2026-11-23T08:30:00.000Z' }, third)
    expect(own.status).toBe(201)
    expect(await count('select count(*) from bookings')).toBe(2)
  })

  it('refuses a malformed key', async () => {
    const response = await book({ ...visitor, start: MONDAY_NINE }, { 'idempotency-key': 'é' })
    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({
      errors: [{ pointer: '/headers/idempotency-key' }],
    })
  })
})

describe('GET /v1/bookings/:id.ics', () => {
  afterEach(() => {
    ICAL.TimezoneService.reset()
  })

  it('is an RFC 5545 event in Paris time with organizer and attendee', async () => {
    const body = await json<BookingConfirmation>(await book({ ...visitor, start: MONDAY_NINE }))
    const response = await t.app.request(pathOf(body.icsUrl))
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8')
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename=".+\.ics"$/)
    const { calendar, vevent, event } = parseCalendar(await response.text())
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH')
    expect(vevent.getFirstProperty('dtstart')?.getParameter('tzid')).toBe('Europe/Paris')
    expect(event.startDate.toJSDate().toISOString()).toBe(MONDAY_NINE)
    expect(event.endDate.toJSDate().toISOString()).toBe('2026-11-23T08:30:00.000Z')
    expect(event.summary).toBe('Appel avec Conseiller Ganapati (Ganapati)')
    expect(event.description).toContain('Boulangerie Durand')
    expect(event.description).toContain('IDCC\u00a0: 0843')
    expect(event.description).toContain("OPCO\u00a0: L'Opcommerce")
    expect(vevent.getFirstPropertyValue('organizer')).toBe('mailto:conseiller@ganapati.example')
    const attendee = vevent.getFirstProperty('attendee')
    expect(attendee?.getFirstValue()).toBe(`mailto:${visitor.email}`)
    expect(attendee?.getParameter('cn')).toBe(visitor.name)
  })

  it('keeps 09:00 Paris right after the spring change', async () => {
    clock.set('2026-03-20T08:00:00Z')
    const body = await json<BookingConfirmation>(
      await book({ ...visitor, start: '2026-03-30T07:00:00.000Z' }),
    )
    const text = await (await t.app.request(pathOf(body.icsUrl))).text()
    expect(text).toContain('DTSTART;TZID=Europe/Paris:20260330T090000')
    expect(parseCalendar(text).event.startDate.toJSDate().toISOString()).toBe(
      '2026-03-30T07:00:00.000Z',
    )
  })

  it('is written in English for a booking made in English', async () => {
    const body = await json<BookingConfirmation>(
      await book({ ...visitor, lang: 'en', start: MONDAY_NINE }),
    )
    const { event } = parseCalendar(await (await t.app.request(pathOf(body.icsUrl))).text())
    expect(event.summary).toBe('Call with Conseiller Ganapati (Ganapati)')
    expect(event.description).toContain('Company: Boulangerie Durand')
  })

  it('answers 404 for a wrong token or an unknown booking', async () => {
    const body = await json<BookingConfirmation>(await book({ ...visitor, start: MONDAY_NINE }))
    const wrong = await t.app.request(`/v1/bookings/${body.id}.ics?token=${'A'.repeat(43)}`)
    const unknown = await t.app.request(
      `/v1/bookings/00000000-0000-4000-8000-000000000000.ics?token=${body.manageToken}`,
    )
    const missing = await t.app.request(`/v1/bookings/${body.id}.ics`)
    expect([wrong.status, unknown.status, missing.status]).toEqual([404, 404, 400])
    expect(await wrong.json()).toMatchObject({ type: '/problems/unknown-booking' })
  })
})

describe('POST /v1/bookings/:id/cancel', () => {
  async function booked(start = MONDAY_NINE) {
    return json<BookingConfirmation>(await book({ ...visitor, start }))
  }
  const cancel = (url: string) => t.app.request(pathOf(url), { method: 'POST' })

  it('cancels with the token, frees the slot, and someone else can book it', async () => {
    const body = await booked()
    const response = await cancel(body.cancelUrl)
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({ id: body.id, status: 'cancelled' })
    expect((await slots()).slots.map((slot) => slot.start)).toContain(MONDAY_NINE)
    expect((await book({ ...visitor, email: 'autre@b.fr', start: MONDAY_NINE })).status).toBe(201)
    expect(await count("select count(*) from outbox where topic = 'booking.cancelled'")).toBe(1)
  })

  it('marks the calendar event cancelled, same UID, higher SEQUENCE', async () => {
    const body = await booked()
    await cancel(body.cancelUrl)
    const { calendar, vevent } = parseCalendar(
      await (await t.app.request(pathOf(body.icsUrl))).text(),
    )
    ICAL.TimezoneService.reset()
    expect(calendar.getFirstPropertyValue('method')).toBe('CANCEL')
    expect(vevent.getFirstPropertyValue('status')).toBe('CANCELLED')
    expect(vevent.getFirstPropertyValue('sequence')).toBe(1)
    expect(vevent.getFirstPropertyValue('uid')).toBe(`${body.id}@ganapati`)
  })

  it('answers 404 for a wrong token and changes nothing', async () => {
    const body = await booked()
    const response = await t.app.request(`/v1/bookings/${body.id}/cancel?token=wrong`, {
      method: 'POST',
    })
    expect(response.status).toBe(404)
    expect(await response.json()).toMatchObject({ type: '/problems/unknown-booking' })
    expect(await count("select count(*) from bookings where status = 'confirmed'")).toBe(1)
  })

  it('answers 404 for an id that is not a booking id', async () => {
    const response = await t.app.request('/v1/bookings/123/cancel?token=x', { method: 'POST' })
    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({ errors: [{ pointer: '/params/id' }] })
  })

  it('is idempotent: a second cancellation answers the same, one notification', async () => {
    const body = await booked()
    await cancel(body.cancelUrl)
    const again = await cancel(body.cancelUrl)
    expect(again.status).toBe(200)
    expect(await again.json()).toMatchObject({ status: 'cancelled' })
    expect(await count("select count(*) from outbox where topic = 'booking.cancelled'")).toBe(1)
  })

  it('refuses once the call has started', async () => {
    const body = await booked()
    clock.set('2026-11-23T08:05:00Z')
    const response = await cancel(body.cancelUrl)
    expect(response.status).toBe(409)
    expect(await response.json()).toMatchObject({ type: '/problems/booking-started' })
  })

  it('shows the booking to its token holder', async () => {
    const body = await booked()
    const response = await t.app.request(`/v1/bookings/${body.id}?token=${body.manageToken}`)
    expect(response.status).toBe(200)
    expect(await json<BookingView>(response)).toEqual({
      id: body.id,
      advisorId: ADVISOR,
      start: MONDAY_NINE,
      end: '2026-11-23T08:30:00.000Z',
      status: 'confirmed',
    })
  })
})
