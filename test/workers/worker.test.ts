// The Workers build (wrangler.toml → api/worker.ts) boots in workerd and answers from libSQL over HTTP.
import { env, exports } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'

interface BrevoRequest {
  headers: Record<string, string>
  body: {
    sender: { email: string }
    to: { email: string }[]
    subject: string
    textContent: string
    attachment?: { name: string }[]
    headers: { idempotencyKey: string }
  }
}

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

  it('sends the visitor’s confirmation through Brevo’s API, links on PUBLIC_URL, and serves the cancellation page', async () => {
    const slots = (await (await call('/v1/advisors/conseiller-ganapati/slots')).json()) as {
      slots: { start: string }[]
    }
    const booked = await call('/v1/bookings', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'cf-connecting-ip': '203.0.113.9' },
      body: JSON.stringify({
        advisorId: 'conseiller-ganapati',
        start: slots.slots.at(-1)?.start,
        name: 'Zoé Lefèvre',
        email: 'zoe@entreprise.example',
      }),
    })
    expect(booked.status).toBe(201)
    const booking = (await booked.json()) as { id: string; manageToken: string }

    // Sent after the answer (waitUntil): the fake lists what it received.
    let sent: BrevoRequest[] = []
    for (let tries = 0; tries < 100; tries++) {
      const all = (await (
        await fetch(new URL('/requests', env.BREVO_API_URL))
      ).json()) as BrevoRequest[]
      sent = all.filter((request) => request.body.to[0]?.email === 'zoe@entreprise.example')
      if (sent.length > 0) break
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    expect(sent).toHaveLength(1)
    const [request] = sent
    expect(request?.headers['api-key']).toBe(env.BREVO_API_KEY)
    expect(request?.body.sender.email).toBe('rendez-vous@ganapati.example')
    expect(request?.body.subject).toMatch(/^Rendez-vous confirmé le /)
    expect(request?.body.textContent).toContain(
      `https://widgets.ganapati.test/#ganapati-booking=${booking.id}.${booking.manageToken}`,
    )
    expect(request?.body.attachment?.map((file) => file.name)).toEqual([
      `rendez-vous-${booking.id}.ics`,
    ])
    expect(request?.body.headers.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/)

    const page = await call(`/bookings/${booking.id}/cancel?token=${booking.manageToken}`)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('Oui, annuler le rendez-vous')
  })

  it('answers the privacy notice', async () => {
    const response = await call('/v1/privacy?lang=en')
    expect(response.status).toBe(200)
    expect(((await response.json()) as { retentionDays: number }).retentionDays).toBe(365)
  })
})
