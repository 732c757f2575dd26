import { describe, expect, it } from 'vitest'
import type { SimulationResult } from '../../../api/contracts/simulations'
import { difference, type Column } from '../../../widgets/funding-simulator/simulation-result'
import * as en from '../../../widgets/i18n/en'
import * as fr from '../../../widgets/i18n/fr'

describe('difference', () => {
  const column = (scheme: Column['scheme'], employerCostCents: number | null): Column => ({
    scheme,
    result: { employerCostCents } as SimulationResult,
    message: null,
  })
  const words = { ...fr.common, ...fr.form, ...fr.simulator }
  // The worked example (test/widgets/funding-simulator.test.ts): 2 250 € left to pay with the
  // apprenticeship, 4 840 € with a contrat pro of 400 h at the legal 9,15 €/h.
  const apprentissage = column('apprentissage', 225000)
  const contratPro = column('contrat-pro', 484000)

  it.each([
    ['apprentissage first', [apprentissage, contratPro]],
    ['contrat pro first', [contratPro, apprentissage]],
  ])('names the scheme that leaves less to pay, whichever column it is in: %s', (_, columns) => {
    expect(difference(words, 'fr', columns)).toBe(
      'Reste à charge de l’entreprise\u00a0: 2\u202f590\u00a0€ de moins avec «\u00a0Contrat d’apprentissage\u00a0» qu’avec «\u00a0Contrat de professionnalisation\u00a0».',
    )
  })

  it('says so in English, and when both leave the same to pay', () => {
    expect(
      difference({ ...en.common, ...en.form, ...en.simulator }, 'en', [contratPro, apprentissage]),
    ).toBe(
      'Left for the company to pay: €2,590 less with “Apprenticeship contract” than with “Professionalisation contract”.',
    )
    expect(difference(words, 'fr', [apprentissage, column('plan', 225000)])).toBe(words.same)
  })

  it.each([
    ['without a comparison', [apprentissage]],
    ['while a column has no result', [apprentissage, { ...contratPro, result: null }]],
    ['when a « reste à charge » is not estimated', [apprentissage, column('plan', null)]],
  ])('says nothing %s', (_, columns) => {
    expect(difference(words, 'fr', columns)).toBeNull()
  })
})
