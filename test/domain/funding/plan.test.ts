import { describe, expect, it } from 'vitest'
import { simulatePlan, type PlanInput } from '../../../api/domain/funding/plan'
import { fundingRules } from '../../support/funding-rules'

const atlas = {
  name: 'Atlas',
  fundingCriteriaUrl: 'https://www.opco-atlas.fr/criteres-financement.html',
  website: null,
}
const akto = {
  name: 'AKTO',
  fundingCriteriaUrl: 'https://www.akto.fr/financer-une-formation/regles-de-prise-en-charge/',
  website: null,
}
const base: PlanInput = {
  date: '2020-09-01',
  headcount: 12,
  hours: 35,
  priceCents: 500_000,
  opcoId: 'atlas',
  idcc: '1486',
  branch: null,
  lang: 'fr',
}

describe('simulatePlan', () => {
  // opco-pdc-caps-examples.csv: Atlas branch 214 (Syntec) 2020, Uniformation 2021.
  it.each([
    ['2020-09-01', 'atlas', '1486', 12, 35, 500_000, 400_000, 'pdc-atlas-syntec-2020'], // < 25: 4 000 € HT a year
    ['2020-09-01', 'atlas', '1486', 30, 35, 500_000, 500_000, 'pdc-atlas-syntec-2020'], // 25–49: 6 000 €, price below
    ['2020-09-01', 'atlas', '1486', 30, 35, 700_000, 600_000, 'pdc-atlas-syntec-2020'],
    ['2021-05-01', 'uniformation', null, 10, 35, 300_000, 175_000, 'pdc-uniformation-2021'], // 35 h × 50 €/h
    ['2021-05-01', 'uniformation', null, 10, 70, 600_000, 300_000, 'pdc-uniformation-2021'], // 70 h × 50 € = 3 500 € > 3 000 € cap
    ['2021-05-01', 'uniformation', null, 10, 10.5, 100_000, 52_500, 'pdc-uniformation-2021'], // fractional hours, whole cents
  ] as const)(
    'on %s at %s/%s, %i employees, %i h, price %i → OPCO %i',
    (date, opcoId, idcc, headcount, hours, priceCents, funded, ruleId) => {
      const result = simulatePlan(
        { date, opcoId, idcc, headcount, hours, priceCents, branch: null, lang: 'fr' },
        fundingRules,
        atlas,
      )
      expect(result.opcoFundingCents).toBe(funded)
      expect(result.employerCostCents).toBe(priceCents - funded)
      expect(result.lines[0]?.ruleId).toBe(ruleId)
    },
  )

  // opco-pdc-caps-examples.csv, scales published per OPCO branch (no IDCC): applied when the branch is named.
  it.each([
    ['2026-06-01', 'opco-ep', 'branche=177', 8, 35, 300_000, 200_000], // < 11: 2 000 € HT a year
    ['2026-06-01', 'opco-ep', 'branche=177', 20, 35, 400_000, 300_000], // 11–49: 3 000 €
    ['2026-06-01', 'opco-ep', 'branche=213', 20, 35, 700_000, 600_000], // 11–49: 6 000 €
    ['2024-06-01', 'atlas', 'branche=217', 8, 100, 1_000_000, 550_000], // 55 €/h × 100 h under the 6 000 € cap
    ['2026-06-01', 'constructys', 'Bâtiment', 12, 100, 500_000, 240_000], // 24 €/h
    ['2025-06-01', 'constructys', 'Travaux publics', 8, 200, 900_000, 350_000], // 32 €/h, 3 500 € a year under 11
    ['2026-06-01', 'constructys', 'Bâtiment', 12, 400, 1_500_000, null], // past the 300 h known for every training
    ['2026-06-01', 'opco-ep', null, 8, 35, 300_000, null], // branch not named: no scale applies
  ] as const)(
    'on %s at %s, branch %s, %i employees, %i h, price %i → OPCO %s',
    (date, opcoId, branch, headcount, hours, priceCents, funded) => {
      const result = simulatePlan(
        { date, opcoId, idcc: null, branch, headcount, hours, priceCents, lang: 'fr' },
        fundingRules,
        null,
      )
      expect(result.opcoFundingCents).toBe(funded)
    },
  )

  it('says where to look when no cap is known (AKTO), never a number', () => {
    const result = simulatePlan(
      { ...base, date: '2026-10-01', opcoId: 'akto', idcc: '1979' },
      fundingRules,
      akto,
    )
    expect(result.opcoFundingCents).toBeNull()
    expect(result.employerCostCents).toBeNull()
    expect(result.warnings[0]).toMatch(
      /^Aucun barème connu du plan de développement des compétences chez AKTO/,
    )
    expect(result.warnings[0]).toContain(
      'https://www.akto.fr/financer-une-formation/regles-de-prise-en-charge/',
    )
  })

  it('says when the company is above every known bracket', () => {
    const result = simulatePlan({ ...base, headcount: 60 }, fundingRules, atlas)
    expect(result.opcoFundingCents).toBeNull()
    expect(result.warnings[0]).toMatch(/^Aucun plafond connu pour une entreprise de 60 salariés/)
  })

  it('estimates nothing beyond the known hourly scale (Uniformation 2021: 70 h)', () => {
    const result = simulatePlan(
      { ...base, date: '2021-05-01', opcoId: 'uniformation', idcc: null, hours: 80 },
      fundingRules,
      null,
    )
    expect(result.opcoFundingCents).toBeNull()
    expect(result.warnings[0]).toMatch(/^Le barème horaire connu s'arrête à 70 h de formation\./)
  })
})
