import { describe, expect, it } from 'vitest'
import { readShared, restoreShared, shareLink } from '../../../widgets/funding-simulator/share-link'

const PAGE = 'https://partenaire.example/financer#tarifs'

describe('shareLink', () => {
  it('puts the simulation in the page’s hash, numbers written language-neutral', () => {
    const link = shareLink(
      'apprentissage',
      'contrat-pro',
      { price: '8 500,50', idcc: '1486' },
      'fr',
      PAGE,
    )
    expect(link.startsWith('https://partenaire.example/financer#ganapati-sim=')).toBe(true)
    expect(Object.fromEntries(readShared(new URL(link).hash))).toEqual({
      scheme: 'apprentissage',
      compare: 'contrat-pro',
      idcc: '1486',
      price: '8500.5',
    })
  })

  it('reads an English amount the same way', () => {
    const link = shareLink('plan', '', { price: '8,500.50' }, 'en', PAGE)
    expect(readShared(new URL(link).hash).get('price')).toBe('8500.5')
    expect(readShared(new URL(link).hash).has('compare')).toBe(false)
  })
})

describe('restoreShared', () => {
  const hash = new URL(
    shareLink('contrat-pro', 'plan', { price: '8500.5', hours: '400', opco: 'atlas' }, 'en', PAGE),
  ).hash

  it('restores the fields in the widget’s language, with the schemes', () => {
    expect(restoreShared(hash, 'fr', [])).toEqual({
      values: { opco: 'atlas', price: '8\u202f500,5', hours: '400' },
      scheme: 'contrat-pro',
      compare: 'plan',
    })
  })

  it('never writes over a preset', () => {
    expect(restoreShared(hash, 'en', ['price']).values).toEqual({ opco: 'atlas', hours: '400' })
  })

  it('ignores an unknown scheme, and restores nothing without a link', () => {
    expect(restoreShared('#ganapati-sim=scheme%3Dlottery', 'fr', []).scheme).toBeNull()
    expect(restoreShared('', 'fr', [])).toEqual({ values: {}, scheme: null, compare: null })
  })
})
