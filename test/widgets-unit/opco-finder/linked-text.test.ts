import { describe, expect, it } from 'vitest'
import { linkedPieces } from '../../../widgets/opco-finder/linked-text'

describe('linkedPieces', () => {
  it('picks out an address inside parentheses, without them', () => {
    expect(
      linkedPieces('« Quel est mon OPCO ? » (https://quel-est-mon-opco.francecompetences.fr), ou'),
    ).toEqual([
      '« Quel est mon OPCO ? » (',
      { href: 'https://quel-est-mon-opco.francecompetences.fr' },
      '), ou',
    ])
  })

  it('leaves the sentence’s final punctuation out of the address', () => {
    expect(linkedPieces('Voir https://www.opcoep.fr/criteres-de-financement.')).toEqual([
      'Voir ',
      { href: 'https://www.opcoep.fr/criteres-de-financement' },
      '.',
    ])
  })

  it('keeps a text without address whole, and an empty one empty', () => {
    expect(linkedPieces('Aucune adresse : rien à lier.')).toEqual(['Aucune adresse : rien à lier.'])
    expect(linkedPieces('')).toEqual([])
  })
})
