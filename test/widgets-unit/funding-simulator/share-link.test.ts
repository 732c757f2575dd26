import { describe, expect, it } from 'vitest'
import { pageFragment } from '../../../widgets/shared/fragment'
import {
  readShared,
  restoreShared,
  shareKey,
  shareLink,
} from '../../../widgets/funding-simulator/share-link'

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

describe('one link per simulator, beside the page’s own fragment', () => {
  it.each([
    [null, 'ganapati-sim'],
    ['', 'ganapati-sim'],
    ['tarifs', 'ganapati-sim-tarifs'],
  ])('names the link of a simulator with id %j %s', (id, key) => {
    expect(shareKey(id)).toBe(key)
  })

  it.each([
    ['', ''],
    ['tarifs', 'tarifs'],
    ['/tarifs', '/tarifs'],
    ['ganapati-sim=a', ''],
    ['ganapati-sim-x=a&tarifs', 'tarifs'],
    ['/tarifs?ganapati-sim=a', '/tarifs'],
    ['/tarifs?ganapati-sim-x=a&tab=2', '/tarifs?tab=2'],
    ['/tarifs?tab=2&ganapati-sim-x=a&ganapati-sim-y=b', '/tarifs?tab=2'],
    ['!/tarifs?tab=2&ganapati-sim=a&page=3', '!/tarifs?tab=2&page=3'],
  ])('keeps %j of the fragment as %j', (fragment, own) => {
    expect(pageFragment(fragment)).toBe(own)
  })

  const link = (page: string, id?: string) =>
    shareLink('plan', '', { price: '1500' }, 'fr', page, shareKey(id))
  const sim = 'scheme%3Dplan%26price%3D1500'

  it.each([
    ['https://p.example/', undefined, `https://p.example/#ganapati-sim=${sim}`],
    ['https://p.example/#/tarifs', 'a', `https://p.example/#/tarifs?ganapati-sim-a=${sim}`],
    // A hash router's path first, its query kept: Vue Router, React Router's HashRouter read it so.
    [
      'https://p.example/#/tarifs?tab=2',
      'a',
      `https://p.example/#/tarifs?tab=2&ganapati-sim-a=${sim}`,
    ],
    ['https://p.example/#!/tarifs', 'a', `https://p.example/#!/tarifs?ganapati-sim-a=${sim}`],
    ['https://p.example/#tarifs', 'a', `https://p.example/#ganapati-sim-a=${sim}&tarifs`],
    // A page opened from another simulator's link: that link is not this one's to carry.
    [
      'https://p.example/#/tarifs?ganapati-sim-b=scheme%3Dpro-a',
      'a',
      `https://p.example/#/tarifs?ganapati-sim-a=${sim}`,
    ],
    [
      `https://p.example/#ganapati-sim-a=scheme%3Dpro-a&tarifs`,
      'a',
      `https://p.example/#ganapati-sim-a=${sim}&tarifs`,
    ],
  ])('puts the link of %s (id %j) in %s', (page, id, expected) => {
    expect(link(page, id)).toBe(expected)
  })

  it('reads each simulator’s link, and only its own, wherever it sits in the fragment', () => {
    const hash = `#/tarifs?tab=2&ganapati-sim-a=${sim}&ganapati-sim=scheme%3Dpro-a`
    expect(restoreShared(hash, 'fr', [], shareKey('a'))).toEqual({
      values: { price: '1\u202f500' },
      scheme: 'plan',
      compare: null,
    })
    expect(restoreShared(hash, 'fr', []).scheme).toBe('pro-a')
    expect(restoreShared(hash, 'fr', [], shareKey('b'))).toEqual({
      values: {},
      scheme: null,
      compare: null,
    })
  })

  it('restores what it wrote, with an id made of any characters', () => {
    const written = new URL(link('https://p.example/#/tarifs', 'simulateur 2&3'))
    expect(written.hash.startsWith('#/tarifs?')).toBe(true)
    expect(restoreShared(written.hash, 'en', [], shareKey('simulateur 2&3')).scheme).toBe('plan')
  })
})
