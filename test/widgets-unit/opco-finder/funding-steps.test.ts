import { describe, expect, it } from 'vitest'
import type { Opco } from '../../../api/contracts/opcos'
import * as en from '../../../widgets/i18n/en'
import * as fr from '../../../widgets/i18n/fr'
import { fundingSteps } from '../../../widgets/opco-finder/funding-steps'

const afdas = {
  id: 'afdas',
  name: 'Afdas',
  shortName: 'Afdas',
  nameInFrenchSentence: 'l’Afdas',
  fundingRequest: null,
} as unknown as Opco

const withFlyer = {
  ...afdas,
  id: 'opcommerce',
  shortName: 'L’Opcommerce',
  nameInFrenchSentence: 'L’Opcommerce',
  fundingRequest: { channel: { fr: 'Sur le portail.', en: 'On the portal.' } },
} as unknown as Opco

describe('fundingSteps', () => {
  it('gives six steps, from the legal documents to the invoice, each with its actor', () => {
    const steps = fundingSteps(afdas, 'fr', fr.finder)
    expect(steps.map((step) => step.actor)).toEqual([
      'ganapati',
      'company',
      'company',
      'ganapati',
      'trainer',
      'ganapati',
    ])
    expect(steps[0]?.text).toBe(fr.finder.step.documents)
  })

  it.each([
    ['fr', fr.finder, 'à l’Afdas, depuis son espace entreprise en ligne'],
    ['en', en.finder, 'to Afdas, through its online company space'],
  ] as const)(
    'names the OPCO as a %s sentence reads it when no flyer says where',
    (lang, words, text) => {
      expect(fundingSteps(afdas, lang, words)[1]?.text).toContain(text)
    },
  )

  it('takes where to send the request from the OPCO’s flyer', () => {
    expect(fundingSteps(withFlyer, 'en', en.finder)[1]?.text).toBe('On the portal.')
    expect(fundingSteps(withFlyer, 'fr', fr.finder)[5]?.text).toContain('et/ou L’Opcommerce')
  })
})
