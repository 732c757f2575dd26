import { describe, expect, it } from 'vitest'
import { simulateHourly, type HourlyInput } from '../../../api/domain/funding/hourly-schemes'
import { fundingRules } from '../../support/funding-rules'

const opcoEp = {
  name: 'OPCO EP',
  fundingCriteriaUrl: 'https://www.opcoep.fr/criteres-de-financement',
  website: 'https://www.opcoep.fr',
}
const base: HourlyInput = {
  scheme: 'contrat-pro',
  date: '2026-10-01',
  hours: 400,
  priceCents: 600_000,
  priorityPublic: false,
  centsPerHour: null,
  opcoId: 'opco-ep',
  idcc: '0843',
  lang: 'fr',
}
const simulate = (overrides: Partial<HourlyInput>) =>
  simulateHourly({ ...base, ...overrides }, fundingRules, opcoEp)

describe('simulateHourly', () => {
  // Contrat pro: hours × rate, capped by the price (funding-rules-sources.md §3).
  it.each([
    // scheme, date, OPCO, priority, user rate, hours, price → OPCO, employer, rule
    [
      'contrat-pro',
      '2026-10-01',
      'opco-ep',
      false,
      null,
      400,
      600_000,
      366_000,
      234_000,
      'contrat-pro-forfait-defaut',
    ], // 9,15 €/h default
    [
      'contrat-pro',
      '2026-10-01',
      'opco-ep',
      true,
      null,
      400,
      600_000,
      600_000,
      0,
      'contrat-pro-forfait-defaut',
    ], // 15 €/h priority publics, capped by the price
    [
      'contrat-pro',
      '2021-06-01',
      'uniformation',
      false,
      null,
      400,
      900_000,
      720_000,
      180_000,
      'contrat-pro-uniformation-2021',
    ], // Uniformation 2021: 18 €/h
    [
      'contrat-pro',
      '2026-06-01',
      'uniformation',
      false,
      null,
      400,
      900_000,
      366_000,
      534_000,
      'contrat-pro-forfait-defaut',
    ], // its 2021 rule has ended
    ['contrat-pro', '2026-10-01', 'opco-ep', false, 2_000, 400, 600_000, 600_000, 0, null], // rate entered by the user
    [
      'pro-a',
      '2021-03-01',
      'uniformation',
      false,
      null,
      200,
      400_000,
      300_000,
      100_000,
      'pro-a-uniformation-2021',
    ], // 15 €/h
    [
      'tutor-training',
      '2026-10-01',
      'opco-ep',
      false,
      null,
      30,
      100_000,
      45_000,
      55_000,
      'tuteur-formation-plafond',
    ], // 15 €/h legal ceiling
    [
      'tutor-training',
      '2026-10-01',
      'opco-ep',
      false,
      null,
      50,
      100_000,
      60_000,
      40_000,
      'tuteur-formation-plafond',
    ], // at most 40 h
  ] as const)(
    '%s on %s at %s (priority %s, rate %s), %i h, price %i → OPCO %i, employer %i',
    (
      scheme,
      date,
      opcoId,
      priorityPublic,
      centsPerHour,
      hours,
      priceCents,
      opco,
      employer,
      ruleId,
    ) => {
      const result = simulate({
        scheme,
        date,
        opcoId,
        idcc: null,
        priorityPublic,
        centsPerHour,
        hours,
        priceCents,
      })
      expect(result.opcoFundingCents).toBe(opco)
      expect(result.employerCostCents).toBe(employer)
      expect(result.opcoFundingCents! + result.employerCostCents!).toBe(priceCents)
      expect(result.lines[0]?.ruleId).toBe(ruleId)
    },
  )

  it('funds whole cents for fractional hours', () => {
    const result = simulate({ hours: 10.5, priceCents: 500_000 })
    expect(result.opcoFundingCents).toBe(9_608) // 10,5 h × 9,15 €/h = 96,075 €
    expect(result.employerCostCents).toBe(490_392)
  })

  it('gives Pro-A priority publics the 15 €/h default too', () => {
    const result = simulate({
      scheme: 'pro-a',
      hours: 100,
      priceCents: 300_000,
      priorityPublic: true,
    })
    expect(result.opcoFundingCents).toBe(150_000)
  })

  it('says the legal default applies where no branch rate is known, with the OPCO’s criteria page', () => {
    const result = simulate({})
    expect(result.warnings).toEqual([
      "Aucun barème de branche connu : le forfait légal par défaut s'applique. Consultez les critères d'OPCO EP : https://www.opcoep.fr/criteres-de-financement",
    ])
    // Intl writes a no-break space before « € ».
    expect(result.lines[0]?.label.replace(/[\u00a0\u202f]/g, ' ')).toBe(
      'Prise en charge OPCO : 400 h × 9,15 €/h',
    )
  })

  it('applies the legal default to Pro-A where no branch rate is known, and says so', () => {
    // Issue 3 and funding-rules-sources.md §3 (conflict D: the default is not confirmed for Pro-A).
    const result = simulate({ scheme: 'pro-a', hours: 200, priceCents: 400_000 })
    expect(result.opcoFundingCents).toBe(183_000)
    expect(result.lines[0]?.ruleId).toBe('pro-a-forfait-defaut')
    expect(result.warnings[0]).toMatch(
      /^Aucun barème de branche connu : le forfait légal par défaut/,
    )
  })

  it('never invents a figure where no rule is in force: no amount, and where to look', () => {
    const result = simulate({ scheme: 'pro-a', date: '2018-06-01' })
    expect(result.opcoFundingCents).toBeNull()
    expect(result.employerCostCents).toBeNull()
    expect(result.lines).toEqual([])
    expect(result.warnings[0]).toMatch(/^Aucun forfait connu pour la Pro-A chez OPCO EP/)
    expect(result.warnings[0]).toContain('https://www.opcoep.fr/criteres-de-financement')
  })

  it('limits tutor training to 40 hours and says so', () => {
    const result = simulate({ scheme: 'tutor-training', hours: 50, priceCents: 100_000 })
    expect(result.warnings[0]).toBe(
      'Prise en charge limitée à 40 h : les 10 h suivantes restent à votre charge.',
    )
    expect(result.warnings[1]).toMatch(/^Plafond légal/)
  })
})
