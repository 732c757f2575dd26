import { describe, expect, it } from 'vitest'
import { formatMoney, formatShare, toLang } from '../../../widgets/shared/localize'

describe('toLang', () => {
  it.each([
    ['en', 'en'],
    ['en-GB', 'en'],
    [' EN ', 'en'],
    ['fr', 'fr'],
    ['de', 'fr'],
    ['', 'fr'],
    [null, 'fr'],
  ])('%j → %s', (value, lang) => {
    expect(toLang(value)).toBe(lang)
  })
})

describe('formatShare', () => {
  it.each([
    [0.222, 'fr', '22,2\u00a0%'],
    [0.222, 'en', '22.2%'],
    // A handful of anomalies reads « < 0,1 % », not « 0 % ».
    [0.0004, 'fr', '<\u00a00,1\u00a0%'],
    [0, 'en', '0%'],
  ] as const)('%f in %s → %j', (share, lang, text) => {
    expect(formatShare(share, lang)).toBe(text)
  })
})

describe('formatMoney', () => {
  it.each([
    [850000, 'fr', '8\u202f500\u00a0€'],
    [225050, 'fr', '2\u202f250,50\u00a0€'],
    [850000, 'en', '€8,500'],
  ] as const)('%i cents in %s → %j', (cents, lang, text) => {
    expect(formatMoney(cents, lang)).toBe(text)
  })
})
