import { readFileSync } from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'
import type { ConventionAnswer, ConventionSearchResult } from '../../api/contracts/conventions'
import { frenchTypography } from '../../api/domain/french-typography'
import { parseCsv } from '../../db/csv'
import { createTestApp, json, type TestApp } from '../support/test-app'

/** The shipped one-OPCO-per-IDCC table (shared/data/idcc-opco-primary.csv), used as the oracle. */
const primary = parseCsv(
  readFileSync(new URL('../../db/data/idcc-opco-primary.csv', import.meta.url), 'utf8'),
)

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})

describe('GET /v1/conventions/:idcc', () => {
  it('answers 1486 (Syntec) with Atlas, high confidence, the alternative and the reason', async () => {
    const response = await t.app.request('/v1/conventions/1486')
    expect(response.status).toBe(200)
    expect(response.headers.get('access-control-allow-origin')).toBe('*')
    const body = await json<ConventionAnswer>(response)
    expect(body.idcc).toBe('1486')
    expect(body.title).toMatch(/bureaux d’études techniques/)
    expect(body.opco).toMatchObject({
      id: 'atlas',
      name: 'Atlas',
      website: 'https://www.opco-atlas.fr',
      fundingCriteriaUrl: 'https://www.opco-atlas.fr/criteres-financement.html',
      sectors: expect.stringContaining('assurances'),
    })
    expect(body.confidence).toBe('high')
    expect(body.alternatives).toEqual([{ opcoId: 'opco-2i', share: 2 / 253639 }])
    expect(body.reason).toMatch(/Atlas/)
    expect(body.source).toEqual({ dataset: 'siro-idcc-opco', edition: '2026-06' })
  })

  it.each([
    ['16', '0016'],
    ['016', '0016'],
    ['0016', '0016'],
    ['3', '0003'],
  ])('reads %s zero-padded as %s', async (raw, idcc) => {
    const body = await json<ConventionAnswer>(await t.app.request(`/v1/conventions/${raw}`))
    expect(body.idcc).toBe(idcc)
    expect(body.opco?.id).toBe('opco-mobilites')
  })

  it(`answers the main OPCO and confidence of every one of the ${primary.length} IDCC of the shipped table`, async () => {
    expect(primary.length).toBe(951)
    const mismatches: string[] = []
    for (const row of primary) {
      const body = await json<ConventionAnswer>(await t.app.request(`/v1/conventions/${row.idcc}`))
      if (body.opco?.id !== row.primary_opco_id || body.confidence !== row.confidence) {
        mismatches.push(
          `${row.idcc}: ${body.opco?.id}/${body.confidence} ≠ ${row.primary_opco_id}/${row.confidence}`,
        )
      }
      // The table's title, typeset (’, no-break spaces) as visitors read it.
      const title = row.libelle ? frenchTypography(row.libelle) : null
      if (title !== body.title) mismatches.push(`${row.idcc}: title ${body.title} ≠ ${title}`)
    }
    expect(mismatches).toEqual([])
  })

  it('breaks the 9062 tie (AKTO 1 / OCAPIAT 1) as the table lists it, with low confidence', async () => {
    const body = await json<ConventionAnswer>(await t.app.request('/v1/conventions/9062'))
    expect(body.opco?.id).toBe('akto')
    expect(body.confidence).toBe('low')
    expect(body.alternatives).toEqual([{ opcoId: 'ocapiat', share: 0.5 }])
  })

  it.each(['9999', '9998', '5501', '5100'])(
    'answers escape code %s with no OPCO and a reason in French',
    async (code) => {
      const response = await t.app.request(`/v1/conventions/${code}`)
      expect(response.status).toBe(200)
      const body = await json<ConventionAnswer>(response)
      expect(body).toMatchObject({ idcc: code, opco: null, confidence: null, escapeCode: true })
      expect(body.reason).toMatch(new RegExp(`^${code} `))
      expect(body.reason).toMatch(/SIRET/)
    },
  )

  it('answers a convention known by its label only, with no OPCO and why', async () => {
    const body = await json<ConventionAnswer>(await t.app.request('/v1/conventions/0014'))
    expect(body.title).toMatch(/production cinématographique/i)
    expect(body.opco).toBeNull()
    expect(body.reason).toMatch(/Aucun établissement/)
  })

  it('gives the reason in English with lang=en, and refuses other languages', async () => {
    const body = await json<ConventionAnswer>(await t.app.request('/v1/conventions/1486?lang=en'))
    expect(body.reason).toMatch(/^99\.99% of the 253,639 establishments declaring IDCC 1486/)
    const escape = await json<ConventionAnswer>(await t.app.request('/v1/conventions/9999?lang=en'))
    expect(escape.title).toBe('No collective agreement')
    const refused = await t.app.request('/v1/conventions/1486?lang=de')
    expect(refused.status).toBe(400)
    expect((await json<{ errors: { pointer: string }[] }>(refused)).errors[0]?.pointer).toBe(
      '/query/lang',
    )
  })

  it('answers 404 problem+json for an unknown IDCC', async () => {
    const response = await t.app.request('/v1/conventions/0001')
    expect(response.status).toBe(404)
    expect(response.headers.get('content-type')).toBe('application/problem+json')
    expect(await response.json()).toMatchObject({
      type: '/problems/unknown-idcc',
      status: 404,
      title: 'Convention inconnue',
    })
  })

  it.each(['abc', '12345', '14a6', '-1', '1.5'])(
    'answers 400 with a JSON pointer for %s',
    async (raw) => {
      const response = await t.app.request(`/v1/conventions/${raw}`)
      expect(response.status).toBe(400)
      expect(response.headers.get('content-type')).toBe('application/problem+json')
      const body = await json<{
        errors: { pointer: string; detail: string }[]
        type: string
        detail: string
      }>(response)
      expect(body.type).toBe('/problems/validation-error')
      expect(body.errors).toEqual([
        { pointer: '/params/idcc', detail: expect.stringMatching(/1 à 4 chiffres/) },
      ])
    },
  )
})

describe('GET /v1/conventions?q=', () => {
  const search = async (q: string, extra = '') => {
    const response = await t.app.request(`/v1/conventions?q=${encodeURIComponent(q)}${extra}`)
    expect(response.status).toBe(200)
    return (await json<ConventionSearchResult>(response)).items
  }

  it('finds by words, case- and accent-insensitive, biggest conventions first', async () => {
    const items = await search('BOULANGERIE')
    expect(items.map((item) => item.idcc)).toEqual(['0843', '1747', '0901', '2250'])
    expect(items[0]).toEqual({
      idcc: '0843',
      title: expect.stringMatching(/boulangerie-pâtisserie/),
      opcoId: 'opco-ep',
    })
    expect(await search('pâtisserie boulangerie')).toEqual(await search('patisserie BOULANGERIE'))
  })

  it('requires every word to match', async () => {
    const items = await search('boulangerie guyane')
    expect(items.map((item) => item.idcc)).toEqual(['2250'])
    expect(await search('boulangerie métallurgie')).toEqual([])
  })

  it('finds by number prefix, zero-padded or not', async () => {
    expect((await search('148')).map((item) => item.idcc)).toContain('1486')
    expect((await search('16')).map((item) => item.idcc)).toContain('0016')
    expect((await search('9999')).map((item) => item.idcc)).toEqual(['9999'])
  })

  it('returns at most 20 items, or fewer when asked', async () => {
    expect(await search('convention')).toHaveLength(20)
    expect(await search('convention', '&limit=5')).toHaveLength(5)
  })

  it('orders word matches by number of companies (SIRET count)', async () => {
    const items = await search('hotels cafes restaurants')
    expect(items[0]?.idcc).toBe('1979')
  })

  it.each([
    ['', '/query/q'],
    ['   ', '/query/q'],
    ['x'.repeat(101), '/query/q'],
  ])('answers 400 for q=%j', async (q, pointer) => {
    const response = await t.app.request(`/v1/conventions?q=${encodeURIComponent(q)}`)
    expect(response.status).toBe(400)
    expect((await json<{ errors: { pointer: string }[] }>(response)).errors[0]?.pointer).toBe(
      pointer,
    )
  })

  it('words zod’s own checks in French too', async () => {
    const response = await t.app.request('/v1/conventions?q=a&q=b')
    expect(response.status).toBe(400)
    const body = await json<{ errors: { pointer: string; detail: string }[] }>(response)
    expect(body.errors[0]?.pointer).toBe('/query/q')
    expect(body.errors[0]?.detail).toMatch(/^Entrée invalide/)
  })

  it('answers 400 when q is missing or limit is out of range', async () => {
    const missing = await t.app.request('/v1/conventions')
    expect(missing.status).toBe(400)
    const tooMany = await t.app.request('/v1/conventions?q=bois&limit=500')
    expect(tooMany.status).toBe(400)
    expect((await json<{ errors: { pointer: string }[] }>(tooMany)).errors[0]?.pointer).toBe(
      '/query/limit',
    )
  })
})
