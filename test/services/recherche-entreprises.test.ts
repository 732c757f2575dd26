import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ProblemError } from '../../api/middleware/problem'
import { systemClock } from '../../api/services/clock'
import {
  ANSWER_WITHIN_MS,
  MAX_QUEUE_MS,
  RechercheEntreprises,
  retryAfterSeconds,
  UPSTREAM_TIMEOUT_MS,
} from '../../api/services/recherche-entreprises'
import {
  HUGE_BODY_BYTES,
  startFakeRechercheEntreprises,
  type FakeRechercheEntreprises,
} from '../fakes/recherche-entreprises'

const recorded = readFileSync(
  new URL('../fakes/fixtures/recherche-entreprises_search_by-siret.json', import.meta.url),
  'utf8',
)
const OCTO_SIRET = { kind: 'siret', siren: '418166096', siret: '41816609600069' } as const

let fake: FakeRechercheEntreprises
beforeAll(async () => {
  fake = await startFakeRechercheEntreprises()
})
afterAll(() => fake.close())

describe('RechercheEntreprises', () => {
  it('keeps its own deadlines inside the 5 s answer bound', () => {
    expect(MAX_QUEUE_MS + UPSTREAM_TIMEOUT_MS).toBeLessThan(ANSWER_WITHIN_MS)
  })

  it('gives up on a hanging upstream with its default timeout, as a 504 problem', async () => {
    fake.mode = 'hang'
    const directory = new RechercheEntreprises({ baseUrl: fake.url, clock: systemClock })
    const failure = await directory.findCompany(OCTO_SIRET).catch((error: unknown) => error)
    fake.mode = 'ok'
    expect(failure).toBeInstanceOf(ProblemError)
    expect((failure as ProblemError).status).toBe(504)
  })

  it.each([
    ['huge', 'streamed without a length'],
    ['huge-declared', 'announced by its Content-Length'],
  ] as const)(
    'refuses a 16 MB answer (%s: %s) as upstream-malformed and hangs up early',
    async (mode, _how) => {
      fake.mode = mode
      const directory = new RechercheEntreprises({ baseUrl: fake.url, clock: systemClock })
      const failure = await directory.findCompany(OCTO_SIRET).catch((error: unknown) => error)
      fake.mode = 'ok'
      expect(failure).toBeInstanceOf(ProblemError)
      expect(failure).toMatchObject({ slug: 'upstream-malformed', status: 502 })
      const sent = await fake.lastHugeBody
      expect(sent?.complete).toBe(false)
      // The cap is 1 MB; socket buffers may hold a few more, never the whole body.
      expect(sent?.sentBytes).toBeLessThan(HUGE_BODY_BYTES / 2)
    },
  )

  it('asks the upstream once for identical concurrent lookups', async () => {
    const directory = new RechercheEntreprises({ baseUrl: fake.url, clock: systemClock })
    const before = fake.requests.length
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => directory.findCompany(OCTO_SIRET)),
    )
    expect(fake.requests.length - before).toBe(1)
    expect(new Set(answers).size).toBe(1)
    expect(answers[0]?.name).toBe('OCTO-TECHNOLOGY')
  })

  it('spaces distinct lookups 1/6 s apart and refuses those that would wait more than 1 s', async () => {
    const waits: number[] = []
    // Time stands still: only the limiter's own spacing decides who waits and who is refused.
    const directory = new RechercheEntreprises({
      baseUrl: fake.url,
      clock: { now: () => 0 },
      sleep: async (ms) => {
        waits.push(ms)
      },
    })
    const sirens = [
      '732829320',
      '552032534',
      '542065479',
      '775670417',
      '380129866',
      '443061841',
      '552100554',
      '542107651',
    ]
    const results = await Promise.allSettled(
      sirens.map((siren) => directory.findCompany({ kind: 'siren', siren })),
    )
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(7)
    const refused = results.find((result) => result.status === 'rejected')
    expect((refused as PromiseRejectedResult).reason).toMatchObject({ status: 503 })
    expect(waits.map((ms) => Math.round(ms))).toEqual([167, 333, 500, 667, 833, 1000])
  })

  it('reads the company-wide IDCC list and the matching establishment of a real answer', async () => {
    // The recorded OCTO answer, with a second convention declared at the queried establishment.
    const answer = JSON.parse(recorded)
    answer.results[0].complements.liste_idcc = ['1486', '1979']
    answer.results[0].matching_etablissements[0].liste_idcc = ['1979']
    const directory = new RechercheEntreprises({
      baseUrl: 'http://directory.test',
      clock: systemClock,
      fetch: async () =>
        new Response(JSON.stringify(answer), { headers: { 'content-type': 'application/json' } }),
    })
    const company = await directory.findCompany(OCTO_SIRET)
    expect(company?.idcc).toEqual(['1486', '1979'])
    expect(company?.establishments[0]).toMatchObject({
      siret: '41816609600069',
      idcc: ['1979'],
      active: true,
    })
    expect(company?.headOffice).toMatchObject({
      siret: '41816609600069',
      idcc: ['1486'],
      postcode: '75002',
    })
  })
})

describe('retryAfterSeconds', () => {
  const now = Date.parse('2026-11-22T12:00:00Z')
  it.each([
    ['2', 2],
    ['0', 1],
    [null, 1],
    ['soon', 1],
    ['3600', 60],
    ['Sun, 22 Nov 2026 12:00:30 GMT', 30],
  ])('%s → %i s', (header, seconds) => {
    expect(retryAfterSeconds(header, now)).toBe(seconds)
  })
})
