import { describe, expect, it } from 'vitest'
import type { FundingRule } from '../../../api/contracts/funding-rules'
import { rewritesPast } from '../../../api/domain/funding/rule-change'
import { fundingRules } from '../../support/funding-rules'

const participation = fundingRules.find(
  (rule) => rule.id === 'participation-employeur-750',
) as FundingRule
const today = '2026-11-22'

describe('rewritesPast', () => {
  it.each([
    ['a new note', { note: 'Précision.' }, false],
    [
      'a new source',
      {
        source: {
          url: 'https://www.legifrance.gouv.fr/',
          date: '2025-06-27',
          publisher: 'Légifrance',
        },
      },
      false,
    ],
    ['an end from today on', { validTo: '2026-12-31' }, false],
    ['an end in the past', { validTo: '2026-01-01' }, true],
    ['another amount', { params: { minLevel: 6, amountCents: 80_000 } }, true],
    ['another start', { validFrom: '2025-09-01' }, true],
    ['another scope', { opcoId: 'akto' }, true],
  ] as const)('for a rule in force since 2025: %s → %s', (_change, patch, expected) => {
    expect(rewritesPast(participation, { ...participation, ...patch } as FundingRule, today)).toBe(
      expected,
    )
  })

  it('lets a rule that starts after today change freely', () => {
    const future = { ...participation, validFrom: '2027-01-01' } as FundingRule
    expect(
      rewritesPast(
        future,
        { ...future, params: { minLevel: 6, amountCents: 1 } } as FundingRule,
        today,
      ),
    ).toBe(false)
  })

  it('treats reopening a closed rule as a change of the past', () => {
    const closed = { ...participation, validTo: '2026-06-30' } as FundingRule
    expect(rewritesPast(closed, { ...closed, validTo: null }, today)).toBe(true)
  })
})
