// The Workers build (wrangler.toml → api/worker.ts) boots in workerd and answers from libSQL over HTTP.
import { env, exports } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'

const call = (path: string, init?: RequestInit) =>
  exports.default.fetch(new Request(`https://ganapati.test${path}`, init))

describe('api/worker.ts in workerd', () => {
  it('answers the health probe', async () => {
    const response = await call('/health')

    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ status: 'ok' })
  })

  it('reads a convention from the seeded database it is bound to', async () => {
    const response = await call('/v1/conventions/1486')

    // wrangler.toml points at Turso; the pool rebinds DATABASE_URL to the loopback libSQL server.
    expect(env.DATABASE_URL).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(response.status).toBe(200)
    const body = (await response.json()) as { opco: { id: string } }
    expect(body.opco.id).toBe('atlas')
  })

  it('rejects a malformed IDCC with a problem+json 400', async () => {
    const response = await call('/v1/conventions/abc')

    expect(response.status).toBe(400)
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/)
  })

  it('books a slot over libSQL HTTP, refuses it to a second visitor, and serves the .ics', async () => {
    const slots = (await (await call('/v1/advisors/conseiller-ganapati/slots')).json()) as {
      slots: { start: string }[]
    }
    const start = slots.slots[0]?.start
    expect(start).toMatch(/Z$/)
    const book = (email: string) =>
      call('/v1/bookings', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'cf-connecting-ip': email },
        body: JSON.stringify({ advisorId: 'conseiller-ganapati', start, name: 'Élodie', email }),
      })
    const first = await book('elodie@entreprise.example')
    expect(first.status).toBe(201)
    const second = await book('autre@entreprise.example')
    expect(second.status).toBe(409)
    const booked = (await first.json()) as { icsUrl: string }
    // Links are built on PUBLIC_URL, not on the host the request named (ganapati.test).
    expect(booked.icsUrl).toMatch(/^https:\/\/widgets\.ganapati\.test\/v1\/bookings\//)
    const ics = await call(new URL(booked.icsUrl).pathname + new URL(booked.icsUrl).search)
    expect(ics.status).toBe(200)
    expect(await ics.text()).toMatch(/^BEGIN:VCALENDAR\r\n/)
  })
})
