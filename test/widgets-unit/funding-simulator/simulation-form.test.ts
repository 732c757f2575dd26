import { describe, expect, it } from 'vitest'
import { onlyFor, type Control } from '../../../widgets/funding-simulator/simulation-form'
import type { Scheme } from '../../../api/contracts/funding-rules'

describe('onlyFor', () => {
  // What each scheme asks: FIELDS_OF in widgets/funding-simulator/simulation-input.ts, after the
  // request contract of POST /v1/simulations.
  it.each([
    ['apprentissage', 'contrat-pro', 'price', null],
    ['apprentissage', 'contrat-pro', 'date', null],
    ['apprentissage', 'contrat-pro', 'npec', 'apprentissage'],
    ['apprentissage', 'contrat-pro', 'meals', 'apprentissage'],
    ['apprentissage', 'contrat-pro', 'hours', 'contrat-pro'],
    ['apprentissage', 'contrat-pro', 'priority', 'contrat-pro'],
    ['contrat-pro', 'pro-a', 'rate', null],
    ['plan', 'apprentissage', 'headcount', null],
    ['plan', 'apprentissage', 'branch', 'plan'],
    ['tutor-training', 'plan', 'hours', null],
    ['apprentissage', 'contrat-pro', 'compare', null],
    // No comparison: every field shown is the scheme's own.
    ['apprentissage', '', 'npec', null],
  ] as const)('%s compared with %j: %s is for %j', (selected, compared, field, only) => {
    expect(onlyFor({ selected, compared: compared as Scheme | '' }, field as Control)).toBe(only)
  })
})
