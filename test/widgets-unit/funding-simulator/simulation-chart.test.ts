import { describe, expect, it } from 'vitest'
import type { SimulationResult } from '../../../api/contracts/simulations'
import { amountOf, chartBars, summary } from '../../../widgets/funding-simulator/simulation-chart'
import * as en from '../../../widgets/i18n/en'
import * as fr from '../../../widgets/i18n/fr'

// The worked example (db/data/funding-rules-sources.md): OPCO 6 250 €, employer 2 250 €, State 2 000 €.
const worked = {
  opcoFundingCents: 625000,
  employerCostCents: 225000,
  stateAidCents: 200000,
} as SimulationResult

describe('chartBars', () => {
  it('draws every amount on the scale of the largest, one row apart', () => {
    const bars = chartBars([625000, 225000, 200000])
    expect(bars.map((bar) => bar.y)).toEqual([0, 28, 56])
    expect(bars[0]!.width).toBe(160)
    expect(bars[1]!.width).toBeCloseTo(57.6)
    expect(bars[2]!.width).toBeCloseTo(51.2)
  })

  it('draws an unknown amount, and all-zero amounts, as empty bars', () => {
    expect(chartBars([null, 0, 0]).map((bar) => bar.width)).toEqual([0, 0, 0])
  })
})

describe('summary', () => {
  it.each([
    [
      'fr',
      { ...fr.form, ...fr.simulator },
      'OPCO\u00a0: 6\u202f250\u00a0€, Entreprise\u00a0: 2\u202f250\u00a0€, État\u00a0: 2\u202f000\u00a0€',
    ],
    ['en', { ...en.form, ...en.simulator }, 'OPCO: €6,250, Company: €2,250, State: €2,000'],
  ] as const)('names the chart with the amounts in %s', (lang, words, text) => {
    expect(summary(words, worked, lang)).toBe(text)
  })

  it('says an amount is not estimated rather than 0', () => {
    const unknown = { ...worked, opcoFundingCents: null }
    expect(summary({ ...fr.form, ...fr.simulator }, unknown, 'fr')).toContain(
      'OPCO\u00a0: Montant non estimé',
    )
    expect(amountOf(unknown, 'opco')).toBeNull()
  })
})
