import { beforeAll, describe, expect, it } from 'vitest'
import type { SimulationResult } from '../../api/contracts/simulations'
import { ruleHistory } from '../../db/funding-rules'
import { seedFundingRules } from '../../db/seed-funding-rules'
import { createTestApp, json, type TestApp } from '../support/test-app'

const ADMIN_TOKEN = 'test-admin-token-0123456789abcdef0123456789'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp({ adminToken: ADMIN_TOKEN })
})

const put = (id: string, body: unknown, token: string | null = ADMIN_TOKEN) =>
  t.app.request(`/v1/admin/funding-rules/${id}`, {
    method: 'PUT',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  })

const simulate = async (date: string) =>
  json<SimulationResult>(
    await t.app.request('/v1/simulations', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        scheme: 'apprentissage',
        date,
        headcount: 12,
        level: 6,
        priceCents: 850_000,
        npecCents: 700_000,
      }),
    }),
  )

/** A 2027 hiring aid, as a ministry could publish it: 3 000 € for every apprentice. */
const aid2027 = {
  id: 'aide-embauche-2027',
  kind: 'hiring-aid',
  scheme: 'apprentissage',
  opcoId: null,
  idcc: null,
  validFrom: '2027-01-01',
  validTo: null,
  params: {
    brackets: [
      {
        minHeadcount: null,
        maxHeadcount: null,
        minLevel: null,
        maxLevel: null,
        rqth: null,
        amountCents: 300_000,
      },
    ],
  },
  source: {
    url: 'https://travail-emploi.gouv.fr/exemple-aide-2027',
    date: '2026-12-20',
    publisher: 'test',
  },
  note: null,
}

describe('GET /v1/funding-rules', () => {
  it('lists the rules in force at a date, with their figures and sources', async () => {
    const body = await json<{
      date: string
      items: { id: string; revision: number; source: { url: string } }[]
    }>(await t.app.request('/v1/funding-rules?scheme=apprentissage&date=2026-10-01'))
    expect(body.date).toBe('2026-10-01')
    expect(body.items.map((item) => item.id).sort()).toEqual([
      'aide-embauche-2026-03',
      'frais-annexes-apprenti',
      'npec-minoration-distanciel',
      'participation-employeur-750',
    ])
    for (const item of body.items) expect(item.source.url).toMatch(/^https:\/\//)
  })

  it('shows an OPCO the national rules and its own', async () => {
    const body = await json<{ items: { id: string }[] }>(
      await t.app.request(
        '/v1/funding-rules?scheme=contrat-pro&opcoId=uniformation&date=2021-06-01',
      ),
    )
    expect(body.items.map((item) => item.id).sort()).toEqual([
      'contrat-pro-forfait-defaut',
      'contrat-pro-uniformation-2021',
    ])
    const other = await json<{ items: { id: string }[] }>(
      await t.app.request('/v1/funding-rules?scheme=contrat-pro&opcoId=akto&date=2021-06-01'),
    )
    expect(other.items.map((item) => item.id)).toEqual(['contrat-pro-forfait-defaut'])
  })

  it('answers 400 for a bad scheme or date', async () => {
    expect((await t.app.request('/v1/funding-rules?scheme=cpf')).status).toBe(400)
    expect((await t.app.request('/v1/funding-rules?date=2026-13-45')).status).toBe(400)
  })
})

describe('PUT /v1/admin/funding-rules/:id', () => {
  it.each<[string | null, string]>([
    [null, 'no token'],
    ['wrong-token-0123456789abcdef0123456789abcdef', 'a wrong token'],
    [`${ADMIN_TOKEN}x`, 'a longer token'],
  ])('answers 401 problem+json with %s (%s) and stores nothing', async (token) => {
    const response = await put(aid2027.id, aid2027, token)
    expect(response.status).toBe(401)
    expect(response.headers.get('content-type')).toBe('application/problem+json')
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/)
    expect(await ruleHistory(t.db, aid2027.id)).toEqual([])
  })

  it('answers 401 when no ADMIN_TOKEN is configured', async () => {
    const unconfigured = await createTestApp()
    const response = await unconfigured.app.request('/v1/admin/funding-rules/x-rule', {
      method: 'PUT',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: '{}',
    })
    expect(response.status).toBe(401)
  })

  it.each([
    [{ ...aid2027, validFrom: '2027-02-30' }, '/body/validFrom'],
    [{ ...aid2027, kind: 'bonus' }, '/body/kind'],
    [{ ...aid2027, source: { ...aid2027.source, url: 'javascript:alert(1)' } }, '/body/source/url'],
    [{ ...aid2027, params: { brackets: [] } }, '/body/params/brackets'],
    [{ ...aid2027, id: 'another-id' }, '/body/id'],
    [{ ...aid2027, validTo: '2026-12-31' }, '/body/validTo'],
    [{ ...aid2027, scheme: 'contrat-pro' }, '/body/scheme'],
    [{ ...aid2027, idcc: [] }, '/body/idcc'],
    [
      {
        ...aid2027,
        params: { brackets: [{ ...aid2027.params.brackets[0], minLevel: 7, maxLevel: 3 }] },
      },
      '/body/params/brackets/0/maxLevel',
    ],
  ])('answers 400 naming the field and stores nothing: %#', async (body, pointer) => {
    const response = await put(aid2027.id, body)
    expect(response.status).toBe(400)
    const problem = await json<{ errors: { pointer: string }[] }>(response)
    expect(problem.errors.map((error) => error.pointer)).toContain(pointer)
    expect(await ruleHistory(t.db, aid2027.id)).toEqual([])
  })

  it('adds a dated rule that changes simulations dated from its validFrom only', async () => {
    const before2027 = await simulate('2026-12-31')
    const created = await put(aid2027.id, aid2027)
    expect(created.status).toBe(201)
    expect(await json(created)).toMatchObject({ id: aid2027.id, revision: 1 })

    expect(await simulate('2026-12-31')).toEqual(before2027)
    const after = await simulate('2027-01-02')
    expect(after.stateAidCents).toBe(300_000)
    expect(after.lines.find((line) => line.payer === 'state')?.ruleId).toBe(aid2027.id)
  })

  it('replaces a rule as a new revision and keeps the history', async () => {
    const replaced = await put(aid2027.id, {
      ...aid2027,
      params: { brackets: [{ ...aid2027.params.brackets[0], amountCents: 350_000 }] },
    })
    expect(replaced.status).toBe(200)
    expect(await json(replaced)).toMatchObject({ revision: 2 })
    expect((await simulate('2027-01-02')).stateAidCents).toBe(350_000)
    const history = await ruleHistory(t.db, aid2027.id)
    expect(history.map((entry) => [entry.revision, entry.origin])).toEqual([
      [1, 'admin'],
      [2, 'admin'],
    ])
  })

  it('refuses to change the figures of a rule already applied to past dates (409), and stores nothing', async () => {
    const current = (await ruleHistory(t.db, 'participation-employeur-750')).at(-1)
    const response = await put('participation-employeur-750', {
      ...current?.rule,
      params: { minLevel: 6, amountCents: 80_000 },
    })
    expect(response.status).toBe(409)
    expect(await response.json()).toMatchObject({ type: '/problems/rule-history', status: 409 })
    expect(await ruleHistory(t.db, 'participation-employeur-750')).toHaveLength(1)
    expect((await simulate('2025-08-01')).employerCostCents).toBe(150_000 + 75_000)
  })

  it('refuses a branch scope that does not exist or is another OPCO’s', async () => {
    const scoped = { ...aid2027, id: 'aide-branche-test', opcoId: 'akto', idcc: ['1486', '0001'] }
    const response = await put(scoped.id, scoped)
    expect(response.status).toBe(400)
    const problem = await json<{ errors: { pointer: string }[] }>(response)
    expect(problem.errors.map((error) => error.pointer)).toEqual(['/body/idcc/0', '/body/idcc/1'])
  })

  it('keeps an admin revision when the data file is seeded again', async () => {
    const current = (await ruleHistory(t.db, 'participation-employeur-750')).at(-1)
    // Documentation may change on a rule already applied.
    const documented = { ...current?.rule, note: 'Vérifié sur Légifrance.' }
    expect((await put('participation-employeur-750', documented)).status).toBe(200)
    const seeded = await seedFundingRules(t.db)
    expect(seeded.keptAdmin).toBe(1)
    expect((await ruleHistory(t.db, 'participation-employeur-750')).at(-1)?.rule.note).toBe(
      'Vérifié sur Légifrance.',
    )
  })
})
