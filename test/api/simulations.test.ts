import { beforeAll, describe, expect, it } from 'vitest'
import type { SimulationResult } from '../../api/contracts/simulations'
import { createTestApp, json, type TestApp } from '../support/test-app'
import { WORKED_EXAMPLE } from '../support/simulation-example'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})

const post = (body: unknown) =>
  t.app.request('/v1/simulations', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })

describe('POST /v1/simulations', () => {
  it('gives the worked example: OPCO 6 250 €, employer 2 250 €, State 2 000 €, each line sourced', async () => {
    const response = await post(WORKED_EXAMPLE)
    expect(response.status).toBe(200)
    expect(response.headers.get('access-control-allow-origin')).toBe('*')
    const body = await json<SimulationResult>(response)
    expect(body).toMatchObject({
      scheme: 'apprentissage',
      date: '2026-10-01',
      opcoId: null,
      totalCostCents: 850_000,
      opcoFundingCents: 625_000,
      employerCostCents: 225_000,
      stateAidCents: 200_000,
      warnings: [expect.stringMatching(/proratisé au jour près/)],
    })
    for (const line of body.lines.filter((line) => line.ruleId)) {
      expect(line.source?.url).toMatch(/^https:\/\//)
    }
  })

  it('words the lines and warnings in English with lang=en', async () => {
    const body = await json<SimulationResult>(
      await post({ ...WORKED_EXAMPLE, lang: 'en', level: 5, date: '2026-01-15' }),
    )
    expect(body.lines.map((line) => line.label)).toEqual([
      "OPCO funding: the contract's NPEC",
      'Remaining cost: price above the NPEC',
    ])
    expect(body.warnings).toEqual([
      "No State hiring aid for this contract: the company's size or the level does not qualify.",
    ])
  })

  it('accepts an OPCO that some companies of the IDCC declare (a SIRO alternative)', async () => {
    // 1486: Atlas, and OPCO 2i for 2 SIRETs (idcc-opco.csv).
    const response = await post({ ...WORKED_EXAMPLE, idcc: '1486', opcoId: 'opco-2i' })
    expect(response.status).toBe(200)
    expect((await json<SimulationResult>(response)).opcoId).toBe('opco-2i')
  })

  it('takes the OPCO from the IDCC', async () => {
    const body = await json<SimulationResult>(await post({ ...WORKED_EXAMPLE, idcc: '1486' }))
    expect(body.opcoId).toBe('atlas')
  })

  it.each([
    // scheme-specific bodies → OPCO funding (sources in test/domain/funding/*)
    [
      {
        scheme: 'contrat-pro',
        date: '2026-10-01',
        hours: 400,
        priceCents: 600_000,
        opcoId: 'opco-ep',
      },
      366_000,
    ],
    [
      {
        scheme: 'contrat-pro',
        date: '2026-10-01',
        hours: 400,
        priceCents: 600_000,
        priorityPublic: true,
      },
      600_000,
    ],
    [{ scheme: 'tutor-training', date: '2026-10-01', hours: 50, priceCents: 100_000 }, 60_000],
    [
      { scheme: 'pro-a', date: '2026-10-01', hours: 200, priceCents: 400_000, opcoId: 'akto' },
      183_000,
    ],
    [
      { scheme: 'pro-a', date: '2018-06-01', hours: 200, priceCents: 400_000, opcoId: 'akto' },
      null,
    ],
    [
      {
        scheme: 'plan',
        date: '2026-06-01',
        headcount: 8,
        hours: 35,
        priceCents: 300_000,
        opcoId: 'opco-ep',
        branch: 'branche=177',
      },
      200_000,
    ],
    [
      {
        scheme: 'plan',
        date: '2020-09-01',
        headcount: 12,
        hours: 35,
        priceCents: 500_000,
        idcc: '1486',
      },
      400_000,
    ],
    [
      {
        scheme: 'plan',
        date: '2026-10-01',
        headcount: 12,
        hours: 35,
        priceCents: 500_000,
        idcc: '1979',
      },
      null,
    ],
  ])('simulates %j → OPCO %s', async (body, opco) => {
    const response = await post(body)
    expect(response.status).toBe(200)
    const result = await json<SimulationResult>(response)
    expect(result.opcoFundingCents).toBe(opco)
    if (opco === null) expect(result.warnings[0]).toMatch(/n'est pas estimé/)
  })

  it.each([
    [{ ...WORKED_EXAMPLE, npecCents: undefined }, '/body/npecCents'],
    [{ ...WORKED_EXAMPLE, level: 9 }, '/body/level'],
    [{ ...WORKED_EXAMPLE, priceCents: -5 }, '/body/priceCents'],
    [{ ...WORKED_EXAMPLE, priceCents: 12.5 }, '/body/priceCents'],
    [{ ...WORKED_EXAMPLE, date: '01/10/2026' }, '/body/date'],
    [{ ...WORKED_EXAMPLE, idcc: 'abc' }, '/body/idcc'],
    [{ ...WORKED_EXAMPLE, idcc: '0001' }, '/body/idcc'],
    [{ ...WORKED_EXAMPLE, idcc: '1486', opcoId: 'akto' }, '/body/opcoId'],
    [{ ...WORKED_EXAMPLE, scheme: 'cpf' }, '/body/scheme'],
    [{ scheme: 'contrat-pro', date: '2026-10-01', priceCents: 100 }, '/body/hours'],
    [
      { scheme: 'contrat-pro', date: '2026-10-01', hours: 10, priceCents: 100, npecCents: 5 },
      '/body/npecCents',
    ],
  ])('answers 400 naming the field for %j', async (body, pointer) => {
    const response = await post(body)
    expect(response.status).toBe(400)
    expect(response.headers.get('content-type')).toBe('application/problem+json')
    const problem = await json<{ errors: { pointer: string; detail: string }[] }>(response)
    expect(problem.errors.map((error) => error.pointer)).toContain(pointer)
  })

  it('answers problem+json for a body that is not JSON (400) or too large (413)', async () => {
    const garbage = await post('{"scheme": ')
    expect(garbage.status).toBe(400)
    expect(garbage.headers.get('content-type')).toBe('application/problem+json')
    const large = await post({ ...WORKED_EXAMPLE, padding: 'x'.repeat(10_000) })
    expect(large.status).toBe(413)
    expect(large.headers.get('content-type')).toBe('application/problem+json')
  })

  it('lets a partner page call it cross-origin (preflight allows POST)', async () => {
    const response = await t.app.request('/v1/simulations', {
      method: 'OPTIONS',
      headers: { origin: 'https://partner.example', 'access-control-request-method': 'POST' },
    })
    expect(response.status).toBe(204)
    expect(response.headers.get('access-control-allow-methods')).toContain('POST')
  })
})
