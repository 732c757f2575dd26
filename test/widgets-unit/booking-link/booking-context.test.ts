import { describe, expect, it } from 'vitest'
import type { SimulationRequest, SimulationResult } from '../../../api/contracts/simulations'
import {
  bookingContext,
  contextLines,
  digits,
  simulationContext,
} from '../../../widgets/booking-link/booking-context'
import * as en from '../../../widgets/i18n/en'
import * as fr from '../../../widgets/i18n/fr'

const FR = { ...fr.common, ...fr.form, ...fr.booking }
const EN = { ...en.common, ...en.form, ...en.booking }

const none = { siret: null, idcc: null, opco: null }

describe('digits', () => {
  it.each([
    ['418 166 096 00069', 14, '41816609600069'],
    ['418.166.096.00069', 14, '41816609600069'],
    ['418166096', 14, null],
    ['16', 4, '0016'],
    ['12345', 4, null],
    ['14a6', 4, null],
    [null, 4, null],
  ] as const)('%j as %i digits → %j', (value, length, expected) => {
    expect(digits(value, length)).toBe(expected)
  })
})

describe('bookingContext', () => {
  const found = { siret: '41816609600069', idcc: '1486', opcoId: 'atlas' as const }

  it('takes what the page found, without empty members', () => {
    expect(bookingContext(none, found, null)).toEqual(found)
    expect(bookingContext(none, {}, null)).toEqual({})
  })

  it('puts the presets first', () => {
    expect(bookingContext({ siret: null, idcc: '16', opco: 'akto' }, found, null)).toEqual({
      siret: '41816609600069',
      idcc: '0016',
      opcoId: 'akto',
    })
  })

  it('drops an OPCO id GET /v1/opcos does not know: the API would refuse the whole booking', () => {
    expect(bookingContext(none, found, new Map([['akto', 'AKTO']]))).toEqual({
      siret: '41816609600069',
      idcc: '1486',
    })
  })
})

describe('simulationContext', () => {
  it('keeps the four amounts and the scalar inputs of the request', () => {
    const request = {
      scheme: 'apprentissage',
      lang: 'fr',
      date: '2026-10-01',
      priceCents: 850000,
      rqth: false,
      annex: { meals: 100 },
    } as unknown as SimulationRequest
    const figures = {
      scheme: 'apprentissage',
      date: '2026-10-01',
      totalCostCents: 850000,
      opcoFundingCents: 625000,
      employerCostCents: 225000,
      stateAidCents: null,
    }
    const result = { ...figures, lines: [], warnings: [] } as unknown as SimulationResult
    expect(simulationContext({ request, result })).toEqual({
      ...figures,
      inputs: {
        scheme: 'apprentissage',
        lang: 'fr',
        date: '2026-10-01',
        priceCents: 850000,
        rqth: false,
      },
    })
  })
})

describe('contextLines', () => {
  const context = {
    siret: '41816609600069',
    idcc: '1486',
    opcoId: 'atlas' as const,
    simulation: {
      scheme: 'apprentissage' as const,
      date: '2026-10-01',
      totalCostCents: 850000,
      opcoFundingCents: 625000,
      employerCostCents: null,
      stateAidCents: 200000,
      inputs: {},
    },
  }

  it('words the context in French for the advisor, as the booking summary shows it', () => {
    expect(
      contextLines(context, FR, 'fr', 'Atlas', 'Boulangerie Martin').map((line) =>
        line.replace(/\s/g, ' '),
      ),
    ).toEqual([
      'Entreprise : Boulangerie Martin',
      'SIRET : 418 166 096 00069',
      'IDCC : 1486',
      'OPCO : Atlas',
      'Simulation contrat d’apprentissage au 1 octobre 2026 : coût 8 500 €, OPCO 6 250 €, reste à charge non estimé, aide de l’État 2 000 €',
    ])
  })

  it('names the OPCO by its id until its name is known, in English too', () => {
    expect(contextLines({ opcoId: 'atlas' }, EN, 'en', null)).toEqual(['OPCO: atlas'])
  })
})
