import { describe, expect, it } from 'vitest'
import { ConventionCatalog } from '../../api/domain/convention-catalog'
import { opcoFixture } from '../support/opco-fixture'

const atlas = opcoFixture('atlas', 'Atlas')
const akto = opcoFixture('akto', 'AKTO')

const catalog = new ConventionCatalog({
  opcos: [atlas, akto],
  conventions: [
    {
      idcc: '1486',
      title: 'Bureaux d’études techniques',
      pairs: [{ opcoId: 'atlas', siretCount: 100 }],
    },
    {
      idcc: '1979',
      title: 'Hôtels, cafés, restaurants',
      pairs: [{ opcoId: 'akto', siretCount: 300 }],
    },
    { idcc: '0016', title: 'Transports routiers', pairs: [{ opcoId: 'akto', siretCount: 200 }] },
    { idcc: '0014', title: 'Production cinématographique', pairs: [] },
  ],
  escapeCodes: [
    {
      code: '9999',
      label: { fr: 'Sans convention collective', en: 'No collective agreement' },
      reason: { fr: '9999 : pas une convention.', en: '9999: not an agreement.' },
    },
  ],
  escapeNextStep: { fr: 'Cherchez par SIRET.', en: 'Search by SIRET.' },
  source: { dataset: 'siro-idcc-opco', edition: '2026-06' },
})

describe('ConventionCatalog', () => {
  it('finds by exact IDCC, escape codes included', () => {
    expect(catalog.find('1486')?.opco?.id).toBe('atlas')
    expect(catalog.find('9999')?.escapeCode).toBe(true)
    expect(catalog.find('0001')).toBeNull()
    expect(catalog.isEscapeCode('9999')).toBe(true)
    expect(catalog.isEscapeCode('1486')).toBe(false)
  })

  it('answers in English on request, the same answer object each time', () => {
    expect(catalog.find('9999', 'en')).toMatchObject({
      title: 'No collective agreement',
      reason: '9999: not an agreement. Search by SIRET.',
    })
    expect(catalog.find('1486', 'en')?.reason).toMatch(/belong to Atlas/)
    expect(catalog.find('1486', 'en')).toBe(catalog.find('1486', 'en'))
  })

  it('searches words in titles, accents ignored, biggest first', () => {
    expect(catalog.search('HOTELS cafés', 20).map((item) => item.idcc)).toEqual(['1979'])
    expect(catalog.search('t', 20).map((item) => item.idcc)).toEqual(['0016', '1486'])
  })

  it('matches the beginning of words, not their middle', () => {
    expect(catalog.search('hot caf', 20).map((item) => item.idcc)).toEqual(['1979'])
    expect(catalog.search('otels', 20)).toEqual([])
  })

  it('searches number prefixes with or without leading zeros', () => {
    expect(catalog.search('1', 20).map((item) => item.idcc)).toEqual([
      '1979',
      '0016',
      '1486',
      '0014',
    ])
    expect(catalog.search('16', 20).map((item) => item.idcc)).toEqual(['0016'])
    expect(catalog.search('99', 20)).toEqual([
      { idcc: '9999', title: 'Sans convention collective', opcoId: null },
    ])
  })

  it('answers the same frozen array for the same normalised query', () => {
    const first = catalog.search('Hôtels', 20)
    expect(catalog.search('  hotels ', 20)).toBe(first)
    expect(Object.isFrozen(first)).toBe(true)
    expect(catalog.search('hotels', 1)).not.toBe(first)
  })

  it('finds nothing for punctuation only', () => {
    expect(catalog.search('--', 20)).toEqual([])
  })
})
