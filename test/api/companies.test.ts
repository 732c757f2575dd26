import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { CompanyAnswer, CompanySearchResult } from '../../api/contracts/companies'
import {
  startFakeRechercheEntreprises,
  type FakeRechercheEntreprises,
} from '../fakes/recherche-entreprises'
import { createTestApp, json, type TestApp } from '../support/test-app'

let fake: FakeRechercheEntreprises
let t: TestApp

beforeAll(async () => {
  fake = await startFakeRechercheEntreprises()
  t = await createTestApp({ rechercheEntreprisesUrl: fake.url, timeoutMs: 300 })
})
afterAll(() => fake.close())
afterEach(() => {
  fake.mode = 'ok'
  fake.retryAfterSeconds = 2
})

/** Valid SIRENs (Luhn) other than OCTO's: the fake answers « no result » for them in ok mode. */
const UNKNOWN_SIREN = '732829320'
const OTHER_UNKNOWN_SIREN = '552032534'
const THIRD_UNKNOWN_SIREN = '542065479'

describe('GET /v1/companies/:id', () => {
  it('answers OCTO Technology by SIRET: IDCC 1486 → Atlas, from the recorded response', async () => {
    const response = await t.app.request('/v1/companies/41816609600069')
    expect(response.status).toBe(200)
    const body = await json<CompanyAnswer>(response)
    expect(body).toMatchObject({
      siren: '418166096',
      siret: '41816609600069',
      name: 'OCTO-TECHNOLOGY',
      naf: '62.02A',
      address: "34 AVENUE DE L'OPERA 75002 PARIS",
      active: true,
      idcc: '1486',
      confidence: 'high',
    })
    expect(body.opco?.id).toBe('atlas')
    expect(body.conventions).toEqual([
      {
        idcc: '1486',
        title: expect.stringMatching(/bureaux d’études/),
        opco: expect.objectContaining({ id: 'atlas' }),
      },
    ])
    expect(body.reason).toMatch(/^OCTO-TECHNOLOGY déclare l’IDCC 1486/)
    expect(fake.requests.at(-1)?.get('q')).toBe('41816609600069')
  })

  it('gives the reason in English with lang=en', async () => {
    const body = await json<CompanyAnswer>(
      await t.app.request('/v1/companies/41816609600069?lang=en'),
    )
    expect(body.reason).toMatch(/^OCTO-TECHNOLOGY declares IDCC 1486 for this establishment\./)
  })

  it('answers by SIREN with the head office', async () => {
    const body = await json<CompanyAnswer>(await t.app.request('/v1/companies/418166096'))
    expect(body.siret).toBe('41816609600069')
    expect(body.opco?.id).toBe('atlas')
    expect(body.reason).toMatch(/son siège/)
  })

  it('serves a repeated question from its cache, without asking the upstream again', async () => {
    await t.app.request('/v1/companies/418 166 096 00069')
    const before = fake.requests.length
    const response = await t.app.request('/v1/companies/41816609600069')
    expect(response.status).toBe(200)
    expect(fake.requests.length).toBe(before)
  })

  it('answers 404 for a valid SIREN the directory does not know', async () => {
    const response = await t.app.request(`/v1/companies/${UNKNOWN_SIREN}`)
    expect(response.status).toBe(404)
    expect(await response.json()).toMatchObject({ type: '/problems/unknown-company', status: 404 })
  })

  it('answers 404 for a SIRET of a known SIREN that is not one of its establishments', async () => {
    // 41816609600051 passes Luhn but is not in the recorded answer's establishments.
    const response = await t.app.request('/v1/companies/41816609600051')
    expect(response.status).toBe(404)
  })

  it.each([
    ['41816609600068', /clé de contrôle/],
    ['418166097', /clé de contrôle/],
    ['1234', /14 chiffres/],
    ['octo', /14 chiffres/],
  ])('answers 400 for %s without calling the upstream', async (id, message) => {
    const before = fake.requests.length
    const response = await t.app.request(`/v1/companies/${encodeURIComponent(id)}`)
    expect(response.status).toBe(400)
    expect(response.headers.get('content-type')).toBe('application/problem+json')
    const body = await json<{ errors: { pointer: string; detail: string }[] }>(response)
    expect(body.errors[0]?.pointer).toBe('/params/id')
    expect(body.errors[0]?.detail).toMatch(message)
    expect(fake.requests.length).toBe(before)
  })

  it.each([
    ['rate-limited', 503, '/problems/upstream-rate-limited'],
    ['server-error', 502, '/problems/upstream-unavailable'],
    ['garbage', 502, '/problems/upstream-malformed'],
    ['truncated', 502, '/problems/upstream-malformed'],
    ['wrong-shape', 502, '/problems/upstream-malformed'],
    ['huge', 502, '/problems/upstream-malformed'],
    ['huge-declared', 502, '/problems/upstream-malformed'],
    ['hang', 504, '/problems/upstream-timeout'],
  ] as const)('maps an upstream %s to %i problem+json', async (mode, status, type) => {
    // Its own app: a 429 pauses the app's rate limiter, which must not leak into other cases.
    const own = await createTestApp({ rechercheEntreprisesUrl: fake.url, timeoutMs: 300 })
    fake.mode = mode
    const response = await own.app.request(`/v1/companies/${UNKNOWN_SIREN}`)
    expect(response.status).toBe(status)
    expect(response.headers.get('content-type')).toBe('application/problem+json')
    const body = await json<{ type: string; detail: string }>(response)
    expect(body.type).toBe(type)
    expect(body.detail).toMatch(/Réessayez|réessayez/)
    expect(JSON.stringify(body)).not.toMatch(/at .*\.ts:|Error:/)
  })

  it('passes the upstream Retry-After on, and holds further calls until then', async () => {
    const own = await createTestApp({ rechercheEntreprisesUrl: fake.url })
    fake.mode = 'rate-limited'
    fake.retryAfterSeconds = 30
    const first = await own.app.request(`/v1/companies/${UNKNOWN_SIREN}`)
    expect(first.status).toBe(503)
    expect(first.headers.get('retry-after')).toBe('30')
    fake.mode = 'ok'
    const before = fake.requests.length
    const second = await own.app.request(`/v1/companies/${OTHER_UNKNOWN_SIREN}`)
    expect(second.status).toBe(503)
    expect(Number(second.headers.get('retry-after'))).toBeGreaterThan(1)
    expect(fake.requests.length).toBe(before)
  })

  it.each([
    ['rate-limited', 'a billion seconds'],
    ['rate-limited-until', 'a date in 9999'],
  ] as const)(
    'believes a far-future Retry-After (%s: %s) for 60 s only, in its answer and its own calls',
    async (mode, _header) => {
      let now = Date.parse('2026-11-22T12:00:00Z')
      const own = await createTestApp({
        rechercheEntreprisesUrl: fake.url,
        clock: { now: () => now },
      })
      fake.mode = mode
      fake.retryAfterSeconds = 1_000_000_000
      const first = await own.app.request(`/v1/companies/${UNKNOWN_SIREN}`)
      expect(first.status).toBe(503)
      expect(first.headers.get('retry-after')).toBe('60')
      fake.mode = 'ok'
      const before = fake.requests.length
      // 58 s later the pause still holds (more than the 1 s a lookup may queue)…
      now += 58_000
      expect((await own.app.request(`/v1/companies/${OTHER_UNKNOWN_SIREN}`)).status).toBe(503)
      expect(fake.requests.length).toBe(before)
      // …and past 60 s the directory is asked again.
      now += 3_000
      expect((await own.app.request(`/v1/companies/${THIRD_UNKNOWN_SIREN}`)).status).toBe(404)
      expect(fake.requests.length).toBe(before + 1)
    },
  )
})

describe('GET /v1/companies?q=', () => {
  let search: TestApp
  beforeAll(async () => {
    search = await createTestApp({ rechercheEntreprisesUrl: fake.url })
  })

  it('finds companies by name, active first, with their conventions', async () => {
    const response = await search.app.request('/v1/companies?q=octo%20technology&postcode=75002')
    expect(response.status).toBe(200)
    const body = await json<CompanySearchResult>(response)
    expect(body.items[0]).toEqual({
      siren: '418166096',
      siret: '41816609600069',
      name: 'OCTO-TECHNOLOGY',
      naf: '62.02A',
      address: "34 AVENUE DE L'OPERA 75002 PARIS",
      postcode: '75002',
      city: 'PARIS',
      active: true,
      idcc: ['1486'],
    })
    const sent = fake.requests.at(-1)
    expect(sent?.get('q')).toBe('octo technology')
    expect(sent?.get('code_postal')).toBe('75002')
  })

  it('answers an empty list when nothing matches', async () => {
    const body = await json<CompanySearchResult>(
      await search.app.request('/v1/companies?q=zzzz%20introuvable'),
    )
    expect(body.items).toEqual([])
  })

  it.each([
    ['q=ab', '/query/q'],
    ['', '/query/q'],
    ['q=octo&postcode=7500', '/query/postcode'],
  ])('answers 400 for ?%s', async (query, pointer) => {
    const response = await search.app.request(`/v1/companies?${query}`)
    expect(response.status).toBe(400)
    expect((await json<{ errors: { pointer: string }[] }>(response)).errors[0]?.pointer).toBe(
      pointer,
    )
  })
})
