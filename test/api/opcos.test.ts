import { beforeAll, describe, expect, it } from 'vitest'
import { OpcoId, type OpcoList } from '../../api/contracts/opcos'
import { createTestApp, json, type TestApp } from '../support/test-app'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})

describe('GET /v1/opcos', () => {
  it('lists the 11 OPCOs with the contract fields', async () => {
    const response = await t.app.request('/v1/opcos')
    expect(response.status).toBe(200)
    const body = await json<OpcoList>(response)
    expect(body.items.map((item) => item.id).sort()).toEqual([...OpcoId.options].sort())
    for (const item of body.items) {
      expect(Object.keys(item).sort()).toEqual([
        'fundingCriteriaUrl',
        'fundingRequest',
        'id',
        'name',
        'nameInFrenchSentence',
        'sectors',
        'shortName',
        'website',
      ])
      expect(item.sectors.length).toBeGreaterThan(20)
    }
  })
})

describe('GET /v1/opcos/:id', () => {
  it('answers one OPCO, with its criteria page from the seed flyer', async () => {
    const response = await t.app.request('/v1/opcos/akto')
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({
      id: 'akto',
      fundingCriteriaUrl: 'https://www.akto.fr/financer-une-formation/regles-de-prise-en-charge/',
    })
  })

  it('tells how Atlas takes funding requests, as its flyer says, with the source', async () => {
    const body = await (await t.app.request('/v1/opcos/atlas')).json()
    expect(body).toMatchObject({
      shortName: 'Atlas',
      fundingRequest: {
        channel: { fr: expect.stringContaining('MyAtlas') },
        note: null,
        source: expect.stringContaining('Atlas flyer'),
      },
    })
    const akto = await (await t.app.request('/v1/opcos/akto')).json()
    expect(akto.shortName).toBe('AKTO')
    expect(akto.name).toMatch(/^AKTO – /)
  })

  it('answers no funding-request wording where no seed document gives one', async () => {
    expect(await (await t.app.request('/v1/opcos/uniformation')).json()).toMatchObject({
      fundingRequest: null,
    })
  })

  it('answers null criteria where none is known, never an invented page', async () => {
    expect(await (await t.app.request('/v1/opcos/afdas')).json()).toMatchObject({
      fundingCriteriaUrl: null,
    })
  })

  it.each(['opca', 'ATLAS', 'x'])('answers 404 problem+json for %s', async (id) => {
    const response = await t.app.request(`/v1/opcos/${id}`)
    expect(response.status).toBe(404)
    expect(response.headers.get('content-type')).toBe('application/problem+json')
    expect(await response.json()).toMatchObject({ status: 404, type: '/problems/unknown-opco' })
  })
})
