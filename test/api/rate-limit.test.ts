import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  startFakeRechercheEntreprises,
  type FakeRechercheEntreprises,
} from '../fakes/recherche-entreprises'
import { createTestApp, json } from '../support/test-app'

let fake: FakeRechercheEntreprises
beforeAll(async () => {
  fake = await startFakeRechercheEntreprises()
})
afterAll(() => fake.close())

describe('per-client limit on company lookups', () => {
  it('answers 429 problem+json past a burst of 20 from one client, and not for another client', async () => {
    let now = 1_000_000
    const { app } = await createTestApp({
      rechercheEntreprisesUrl: fake.url,
      clock: { now: () => now },
    })
    const ask = (ip: string, path = '/v1/companies/41816609600069') =>
      app.request(path, { headers: { 'cf-connecting-ip': ip } })

    for (let index = 0; index < 20; index++) expect((await ask('203.0.113.7')).status).toBe(200)
    const refused = await ask('203.0.113.7', '/v1/companies?q=octo')
    expect(refused.status).toBe(429)
    expect(refused.headers.get('content-type')).toBe('application/problem+json')
    expect(refused.headers.get('retry-after')).toBe('2')
    expect(await json(refused)).toMatchObject({ type: '/problems/too-many-requests', status: 429 })

    expect((await ask('198.51.100.1')).status).toBe(200)
    expect(
      (
        await app.request('/v1/conventions/1486', {
          headers: { 'cf-connecting-ip': '203.0.113.7' },
        })
      ).status,
    ).toBe(200)

    now += 2000
    expect((await ask('203.0.113.7')).status).toBe(200)
  })
})
