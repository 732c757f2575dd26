import { mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { startServer } from '../../api/node'
import { workersHeadersFile } from '../../widgets/build'
import {
  startFakeRechercheEntreprises,
  type FakeRechercheEntreprises,
} from '../fakes/recherche-entreprises'
import { createTestApp, json, type TestApp } from '../support/test-app'
import { WORKED_EXAMPLE } from '../support/simulation-example'

const ADMIN_TOKEN = 'admin-token-for-tests-0123456789abcdef'
const ADVISOR = 'conseiller-ganapati'
/** Monday 2026-11-23, 09:00 in Paris: a free slot of the seeded advisor, seen from the Friday before. */
const MONDAY_NINE = '2026-11-23T08:00:00.000Z'
const visitor = {
  advisorId: ADVISOR,
  start: MONDAY_NINE,
  name: 'Élodie Durand',
  email: 'elodie@entreprise.example',
}
const admin = { authorization: `Bearer ${ADMIN_TOKEN}` }

let fake: FakeRechercheEntreprises
let t: TestApp
let client = 0
beforeAll(async () => {
  fake = await startFakeRechercheEntreprises()
})
afterAll(() => fake.close())
beforeEach(async () => {
  t = await createTestApp({
    clock: { now: () => Date.parse('2026-11-20T08:00:00Z') },
    adminToken: ADMIN_TOKEN,
    rechercheEntreprisesUrl: fake.url,
  })
})

function request(
  method: string,
  path: string,
  options: { body?: unknown; headers?: Record<string, string> } = {},
) {
  return t.app.request(path, {
    method,
    headers: {
      'content-type': 'application/json',
      'cf-connecting-ip': `198.51.100.${client++ % 250}`,
      ...options.headers,
    },
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  })
}

async function booked() {
  const response = await request('POST', '/v1/bookings', { body: visitor })
  expect(response.status).toBe(201)
  const { id, manageToken } = await json<{ id: string; manageToken: string }>(response)
  return { id, token: manageToken }
}

describe('Cache-Control on every answer', () => {
  it.each([
    // Reference data: the same for everyone, changed by a monthly import or an admin.
    ['GET', '/v1/opcos', 'public, max-age=3600'],
    ['GET', '/v1/opcos/atlas', 'public, max-age=3600'],
    ['GET', '/v1/conventions/1486', 'public, max-age=3600'],
    ['GET', '/v1/conventions?q=syntec', 'public, max-age=3600'],
    ['GET', '/v1/funding-rules', 'public, max-age=60'],
    ['GET', '/v1/advisors', 'public, max-age=60'],
    ['GET', '/problems/slot-taken', 'public, max-age=86400'],
    // Per visitor.
    ['GET', '/v1/companies/41816609600069', 'private, max-age=300'],
    ['GET', '/v1/companies?q=octo', 'private, max-age=300'],
    // Live or personal: never from a cache.
    ['GET', `/v1/advisors/${ADVISOR}/slots`, 'no-store'],
    ['GET', '/health', 'no-store'],
    ['GET', '/v1/admin/advisors', 'no-store'],
    ['GET', `/v1/admin/advisors/${ADVISOR}`, 'no-store'],
    ['GET', '/v1/admin/outbox', 'no-store'],
  ])('%s %s → %s', async (method, path, cacheControl) => {
    const response = await request(method, path, { headers: admin })
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe(cacheControl)
  })

  it('answers a simulation no-store', async () => {
    const response = await request('POST', '/v1/simulations', { body: WORKED_EXAMPLE })
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('no-store')
  })

  it('answers a booking, its view, its calendar file, its cancellation and its admin view no-store', async () => {
    const { id, token } = await booked()
    const answers = [
      await request('GET', `/v1/bookings/${id}?token=${token}`),
      await request('GET', `/v1/admin/bookings/${id}`, { headers: admin }),
      await request('POST', `/v1/bookings/${id}/cancel?token=${token}`),
    ]
    for (const answer of answers) {
      expect(answer.status).toBe(200)
      expect(answer.headers.get('cache-control')).toBe('no-store')
    }
    const calendar = await request('GET', `/v1/bookings/${id}.ics?token=${token}`)
    expect(calendar.headers.get('cache-control')).toBe('private, no-store')
  })

  it('answers admin writes no-store, a 204 included', async () => {
    const put = await request('PUT', `/v1/admin/advisors/${ADVISOR}/days-off/2026-11-24`, {
      body: {},
      headers: admin,
    })
    expect(put.headers.get('cache-control')).toBe('no-store')
    const removed = await request('DELETE', `/v1/admin/advisors/${ADVISOR}/days-off/2026-11-24`, {
      headers: admin,
    })
    expect(removed.status).toBe(204)
    expect(removed.headers.get('cache-control')).toBe('no-store')
  })

  it('answers a CORS preflight for as long as browsers keep it', async () => {
    const response = await request('OPTIONS', '/v1/bookings', {
      headers: { origin: 'https://partner.example', 'access-control-request-method': 'POST' },
    })
    expect(response.status).toBe(204)
    expect(response.headers.get('cache-control')).toBe(
      `public, max-age=${response.headers.get('access-control-max-age')}`,
    )
  })
})

describe('Cache-Control: no-store on every error', () => {
  it.each([
    ['GET', '/v1/conventions/abc', 400, {}],
    ['GET', '/v1/admin/advisors', 401, {}],
    ['GET', '/v1/unknown', 404, {}],
    ['GET', '/nope.html', 404, {}],
    ['GET', '/problems/nope', 404, {}],
    ['POST', '/v1/bookings', 422, { body: { ...visitor, start: '2026-11-23T07:00:00.000Z' } }],
    ['POST', '/v1/bookings', 413, { body: { ...visitor, message: 'x'.repeat(20_000) } }],
  ] as const)('%s %s → %i', async (method, path, status, options) => {
    const response = await request(method, path, options)
    expect(response.status).toBe(status)
    expect(response.headers.get('content-type')).toBe('application/problem+json')
    expect(response.headers.get('cache-control')).toBe('no-store')
  })

  it('on a 409 slot taken', async () => {
    await booked()
    const again = await request('POST', '/v1/bookings', { body: visitor })
    expect(again.status).toBe(409)
    expect(again.headers.get('cache-control')).toBe('no-store')
  })

  it('on a 429 with its Retry-After', async () => {
    const sameClient = { 'cf-connecting-ip': '203.0.113.7' }
    let response: Response | undefined
    for (let index = 0; index < 21; index++) {
      response = await request('POST', '/v1/bookings', { body: {}, headers: sameClient })
    }
    expect(response?.status).toBe(429)
    expect(response?.headers.get('retry-after')).toBeTruthy()
    expect(response?.headers.get('cache-control')).toBe('no-store')
  })

  it.each([
    ['server-error', 502],
    ['rate-limited', 503],
  ] as const)('on a %s of the directory (%i)', async (mode, status) => {
    fake.mode = mode
    const response = await request('GET', '/v1/companies/732829320')
    fake.mode = 'ok'
    expect(response.status).toBe(status)
    expect(response.headers.get('cache-control')).toBe('no-store')
  })

  it('on a 500', async () => {
    t.app.get('/v1/boom', () => {
      throw new Error('boom')
    })
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
    const response = await request('GET', '/v1/boom')
    logged.mockRestore()
    expect(response.status).toBe(500)
    expect(response.headers.get('cache-control')).toBe('no-store')
  })
})

describe('pages and the bundle', () => {
  it('serves the demo page revalidated on every use, under a Permissions-Policy, and the bundle for 5 minutes (Node)', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'ganapati-public-'))
    await mkdir(join(folder, 'widgets'))
    await writeFile(join(folder, 'index.html'), '<!doctype html><title>Démo</title>')
    await writeFile(join(folder, 'widgets', 'ganapati.js'), 'export {}')
    const server = await startServer({ publicDir: folder })
    try {
      const page = await fetch(`${server.url}/`)
      expect(page.status).toBe(200)
      expect(page.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate')
      const policy = page.headers.get('permissions-policy') ?? ''
      for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb']) {
        expect(policy).toContain(`${feature}=()`)
      }
      expect(policy).toContain('browsing-topics=()')

      const bundle = await fetch(`${server.url}/widgets/ganapati.js`)
      expect(bundle.status).toBe(200)
      expect(bundle.headers.get('cache-control')).toBe('public, max-age=300')
      expect(bundle.headers.get('access-control-allow-origin')).toBe('*')
    } finally {
      await server.close()
    }
  })

  it('gives the Workers assets the same headers (_headers), each Cache-Control set by one rule only', () => {
    const [pages = '', widgets = ''] = workersHeadersFile().split(/\n(?=\/)/)
    expect(pages).toMatch(/^\/\*\n/)
    expect(pages).toMatch(/\n {2}Permissions-Policy: .*camera=\(\)/)
    expect(pages).toMatch(/\n {2}Content-Security-Policy: /)
    // Cloudflare would join a second value with a comma; pages keep its default (max-age=0, must-revalidate).
    expect(pages).not.toMatch(/Cache-Control/)
    expect(widgets).toMatch(/^\/widgets\/\*\n/)
    expect(widgets).toContain('\n  Cache-Control: public, max-age=300')
    expect(widgets).toContain('\n  Access-Control-Allow-Origin: *')
  })
})
