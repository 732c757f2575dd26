import { describe, expect, it } from 'vitest'
import type { FundingRule } from '../../../api/contracts/funding-rules'
import { ruleInForce } from '../../../api/domain/funding/rule-selection'
import { fundingRules } from '../../support/funding-rules'

const hourly = (id: string, overrides: Partial<FundingRule>): FundingRule =>
  ({
    id,
    kind: 'hourly-rate',
    scheme: 'contrat-pro',
    opcoId: null,
    idcc: null,
    branch: null,
    validFrom: '2020-01-01',
    validTo: null,
    params: { centsPerHour: 915, priorityCentsPerHour: null, maxHours: null },
    source: { url: 'https://example.org/source', date: null, publisher: 'test' },
    note: null,
    ...overrides,
  }) as FundingRule

const rules = [
  hourly('national', {}),
  hourly('national-2026', { validFrom: '2026-01-01' }),
  hourly('akto', { opcoId: 'akto' }),
  hourly('akto-hcr', { opcoId: 'akto', idcc: ['1979'] }),
  hourly('akto-hcr-2025', {
    opcoId: 'akto',
    idcc: ['1979'],
    validFrom: '2025-01-01',
    validTo: '2025-12-31',
  }),
]

describe('ruleInForce', () => {
  it.each([
    ['2025-06-01', null, null, 'national'],
    ['2026-06-01', null, null, 'national-2026'], // a newer dated rule replaces it from its date on
    ['2026-06-01', 'atlas', '1486', 'national-2026'], // no rule of Atlas: the national one
    ['2026-06-01', 'akto', '0016', 'akto'], // AKTO's rule for all its branches
    ['2026-06-01', 'akto', '1979', 'akto-hcr'], // the branch's own rule first
    ['2025-06-01', 'akto', '1979', 'akto-hcr-2025'], // latest validFrom among the branch's rules in force
    ['2019-06-01', null, null, null], // nothing in force yet
  ] as const)('on %s for %s / %s → %s', (date, opcoId, idcc, expected) => {
    expect(
      ruleInForce(rules, 'hourly-rate', 'contrat-pro', date, { opcoId, idcc })?.id ?? null,
    ).toBe(expected)
  })

  it('applies a rule scoped by the OPCO’s branch label only when the request names that branch', () => {
    const withBranch = [...rules, hourly('akto-proprete', { opcoId: 'akto', branch: 'Propreté' })]
    expect(
      ruleInForce(withBranch, 'hourly-rate', 'contrat-pro', '2026-06-01', {
        opcoId: 'akto',
        idcc: null,
        branch: 'Propreté',
      })?.id,
    ).toBe('akto-proprete')
    expect(
      ruleInForce(withBranch, 'hourly-rate', 'contrat-pro', '2026-06-01', {
        opcoId: 'akto',
        idcc: null,
      })?.id,
    ).toBe('akto')
  })

  it('ignores rules of another kind or scheme', () => {
    expect(
      ruleInForce(rules, 'hourly-rate', 'pro-a', '2026-06-01', { opcoId: null, idcc: null }),
    ).toBeNull()
    expect(
      ruleInForce(rules, 'hiring-aid', 'contrat-pro', '2026-06-01', { opcoId: null, idcc: null }),
    ).toBeNull()
  })
})

describe('db/data/funding-rules.json', () => {
  it('holds valid, uniquely named rules, each with an https source', () => {
    expect(fundingRules.length).toBeGreaterThanOrEqual(11)
    expect(new Set(fundingRules.map((rule) => rule.id)).size).toBe(fundingRules.length)
    for (const rule of fundingRules) {
      expect(rule.source.url).toMatch(/^https:\/\//)
      if (rule.validTo) expect(rule.validFrom <= rule.validTo).toBe(true)
    }
  })
})
