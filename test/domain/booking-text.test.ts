import { describe, expect, it } from 'vitest'
import { callDescription, callSummary, type BookedCall } from '../../api/domain/booking-text'

const call: BookedCall = {
  id: '6a9f67cf-4ec2-48ee-8c7f-3980c67a25e4',
  advisorName: 'Conseiller Ganapati',
  name: 'Élodie Durand',
  company: 'Boulangerie Durand',
  phone: '01 23 45 67 89',
  message: 'Une alternante en septembre.',
  context: {
    siret: '35600000000048',
    idcc: '0843',
    opcoId: 'opcommerce',
    simulation: {
      scheme: 'apprentissage',
      date: '2026-09-01',
      totalCostCents: 850_000,
      opcoFundingCents: 700_000,
      employerCostCents: 150_000,
      stateAidCents: 500_000,
    },
  },
  opcoName: 'L’Opcommerce',
  lang: 'fr',
}

describe('callSummary', () => {
  it.each([
    ['fr', 'Appel avec Conseiller Ganapati (Ganapati)'],
    ['en', 'Call with Conseiller Ganapati (Ganapati)'],
  ] as const)('in %s: %s', (lang, summary) => {
    expect(callSummary({ advisorName: 'Conseiller Ganapati', lang })).toBe(summary)
  })
})

describe('callDescription', () => {
  it('gives the advisor every fact the visitor and the widgets gave, one a line', () => {
    expect(callDescription(call).split('\n')).toEqual([
      'Entreprise\u00a0: Boulangerie Durand',
      'Téléphone\u00a0: 01 23 45 67 89',
      'SIRET\u00a0: 35600000000048',
      'IDCC\u00a0: 0843',
      'OPCO\u00a0: L’Opcommerce',
      'Simulation\u00a0: apprentissage (2026-09-01), reste à charge 1\u202f500\u00a0€',
      'Message\u00a0: Une alternante en septembre.',
      'Référence du rendez-vous\u00a0: 6a9f67cf-4ec2-48ee-8c7f-3980c67a25e4',
      'Pour annuler, utilisez le lien reçu à la réservation.',
    ])
  })

  it('leaves out what is unknown, and an unknown reste à charge', () => {
    const bare = callDescription({
      ...call,
      company: null,
      phone: null,
      message: null,
      opcoName: null,
      context: {
        simulation: {
          ...call.context!.simulation!,
          employerCostCents: null,
          opcoFundingCents: null,
        },
      },
      lang: 'en',
    })
    expect(bare.split('\n')).toEqual([
      'Simulation: apprentissage (2026-09-01)',
      'Booking reference: 6a9f67cf-4ec2-48ee-8c7f-3980c67a25e4',
      'To cancel, use the link you received when booking.',
    ])
  })
})
