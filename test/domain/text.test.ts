import { describe, expect, it } from 'vitest'
import { normalizeText, queryWords } from '../../api/domain/text'

describe('normalizeText', () => {
  it.each([
    ['Bâtiment', 'batiment'],
    ['BOULANGERIE-Pâtisserie', 'boulangerie patisserie'],
    ['Œuvres sociales', 'oeuvres sociales'],
    ["  l'Opcommerce  ", 'l opcommerce'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeText(input)).toBe(expected)
  })
})

describe('queryWords', () => {
  it('splits, normalises and deduplicates', () => {
    expect(queryWords('Hôtels  cafés hotels')).toEqual(['hotels', 'cafes'])
  })
  it('gives nothing for punctuation only', () => {
    expect(queryWords(' - ; ')).toEqual([])
  })
})
