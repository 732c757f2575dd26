import { describe, expect, it } from 'vitest'
import {
  simulateApprentissage,
  type ApprentissageInput,
} from '../../../api/domain/funding/apprentissage'
import { fundingRules } from '../../support/funding-rules'

const base: ApprentissageInput = {
  date: '2026-10-01',
  headcount: 12,
  level: 6,
  priceCents: 850_000,
  npecCents: 700_000,
  rqth: false,
  distanceLearning: false,
  opcoId: null,
  idcc: null,
  lang: 'fr',
}
const simulate = (overrides: Partial<ApprentissageInput>) =>
  simulateApprentissage({ ...base, ...overrides }, fundingRules)

describe('simulateApprentissage', () => {
  it('gives the worked example of issue 3: OPCO 6 250 €, employer 2 250 €, State 2 000 €', () => {
    // funding-rules-sources.md §1 (décret 2026-168: < 250, levels 6–7 → 2 000 €) and §2 (750 € from 2025-07-01).
    const result = simulate({})
    expect(result).toMatchObject({
      scheme: 'apprentissage',
      totalCostCents: 850_000,
      opcoFundingCents: 625_000,
      employerCostCents: 225_000,
      stateAidCents: 200_000,
      warnings: [expect.stringMatching(/proratisé au jour près/)],
    })
    expect(result.lines.map((line) => [line.payer, line.amountCents, line.ruleId])).toEqual([
      ['opco', 700_000, null],
      ['employer', 150_000, null],
      ['opco', -75_000, 'participation-employeur-750'],
      ['employer', 75_000, 'participation-employeur-750'],
      ['state', 200_000, 'aide-embauche-2026-03'],
    ])
    expect(result.lines[4]?.source?.url).toMatch(/^https:\/\/www\.formapro\.com\//)
  })

  // State hiring aid, both sides of each date boundary (funding-rules-sources.md §1).
  it.each([
    ['2025-02-23', 12, 4, false, 600_000, 'aide-embauche-2025-01'], // < 250, level ≤ 4: 6 000 €
    ['2025-02-24', 12, 4, false, 500_000, 'aide-embauche-2025-02'], // décret 2025-174: < 250, levels 3–7: 5 000 €
    ['2025-02-24', 300, 6, false, 200_000, 'aide-embauche-2025-02'], // ≥ 250: 2 000 €
    ['2025-02-24', 300, 6, true, 600_000, 'aide-embauche-2025-02'], // RQTH, any size: 6 000 €
    ['2025-12-31', 12, 6, false, 500_000, 'aide-embauche-2025-02'],
    ['2026-01-01', 12, 4, false, 500_000, 'aide-embauche-2026-01'], // aide unique only: < 250, levels 3–4
    ['2026-01-01', 12, 4, true, 600_000, 'aide-embauche-2026-01'], // RQTH in the same cases (conflict A)
    ['2026-03-07', 12, 6, false, 0, null], // level 6 had no aid until décret 2026-168
    ['2026-03-08', 12, 6, false, 200_000, 'aide-embauche-2026-03'], // < 250, levels 6–7: 2 000 €
    ['2026-03-08', 12, 5, false, 450_000, 'aide-embauche-2026-03'], // < 250, level 5: 4 500 €
    ['2026-03-08', 12, 3, false, 500_000, 'aide-embauche-2026-03'], // < 250, levels 3–4: 5 000 €
    ['2026-03-08', 300, 4, false, 200_000, 'aide-embauche-2026-03'], // ≥ 250, levels 3–4: 2 000 € (conflict B)
    ['2026-03-08', 300, 5, false, 150_000, 'aide-embauche-2026-03'], // ≥ 250, level 5: 1 500 €
    ['2026-03-08', 300, 7, false, 75_000, 'aide-embauche-2026-03'], // ≥ 250, levels 6–7: 750 €
    ['2026-03-08', 300, 7, true, 600_000, 'aide-embauche-2026-03'], // RQTH, any size and level: 6 000 €
    ['2027-01-01', 12, 4, false, 0, null], // execution must start before 2027-01-01
  ])(
    'on %s, %i employees, level %i, RQTH %s → State aid %i (%s)',
    (date, headcount, level, rqth, aid, ruleId) => {
      const result = simulate({ date, headcount, level, rqth })
      expect(result.stateAidCents).toBe(aid)
      expect(result.lines.find((line) => line.payer === 'state')?.ruleId ?? null).toBe(ruleId)
      if (aid === 0)
        expect(result.warnings).toEqual([expect.stringMatching(/Aucune aide de l'État/)])
    },
  )

  // 750 € employer participation, levels ≥ 6, contracts from 2025-07-01 (décret 2025-585).
  it.each([
    ['2025-06-30', 6, 700_000, 150_000],
    ['2025-07-01', 6, 625_000, 225_000],
    ['2025-07-01', 5, 700_000, 150_000],
    ['2025-07-01', 7, 625_000, 225_000],
  ])('on %s at level %i → OPCO %i, employer %i', (date, level, opco, employer) => {
    const result = simulate({ date, level })
    expect(result.opcoFundingCents).toBe(opco)
    expect(result.employerCostCents).toBe(employer)
  })

  // NPEC −20 % with a 4 000 € floor for ≥ 80 % distance learning, contracts from 2025-07-01 (décret 2025-586).
  it.each([
    ['2025-07-01', true, 700_000, 560_000],
    ['2025-07-01', false, 700_000, 700_000],
    ['2025-06-30', true, 700_000, 700_000],
    ['2025-07-01', true, 450_000, 400_000], // 360 000 would fall below the floor
    ['2025-07-01', true, 380_000, 380_000], // already below the floor: never raised
  ])('on %s, at a distance %s, NPEC %i → funded %i', (date, distanceLearning, npec, funded) => {
    const result = simulate({
      date,
      level: 5,
      distanceLearning,
      npecCents: npec,
      priceCents: 900_000,
    })
    expect(result.lines[0]?.amountCents).toBe(funded)
    expect(result.opcoFundingCents).toBe(funded)
    expect(result.employerCostCents).toBe(900_000 - funded)
  })

  it('adds the frais annexes the OPCO pays: 3 € a meal, 6 € a night, first equipment up to 500 €', () => {
    // funding-rules-sources.md §2 (akto.fr, 03/01/2025).
    const result = simulate({ annex: { meals: 100, nights: 20, firstEquipmentCents: 80_000 } })
    const annex = result.lines.filter((line) => line.ruleId === 'frais-annexes-apprenti')
    expect(annex.map((line) => line.amountCents)).toEqual([30_000, 12_000, 50_000])
    expect(result.totalCostCents).toBe(850_000 + 92_000)
    expect(result.opcoFundingCents).toBe(625_000 + 92_000)
    expect(result.employerCostCents).toBe(225_000)
  })

  it('never funds more than the price', () => {
    const result = simulate({ level: 5, priceCents: 600_000, npecCents: 700_000 })
    expect(result.opcoFundingCents).toBe(600_000)
    expect(result.employerCostCents).toBe(0)
  })
})
