import { describe, expect, it } from 'vitest'
import { frenchTypography } from '../../api/domain/french-typography'

describe('frenchTypography', () => {
  it.each([
    ["déclarant l'IDCC 1486", 'déclarant l’IDCC 1486'],
    ["relèvent d'Atlas ; les autres", 'relèvent d’Atlas\u00a0; les autres'],
    ['Attention : fermé', 'Attention\u00a0: fermé'],
    [
      'sur « Quel est mon OPCO ? » de France',
      'sur «\u00a0Quel est mon OPCO\u00a0?\u00a0» de France',
    ],
    [
      '(https://quel-est-mon-opco.francecompetences.fr)',
      '(https://quel-est-mon-opco.francecompetences.fr)',
    ],
    ["l'IDCC 9999 : c'est tout !", 'l’IDCC 9999\u00a0: c’est tout\u00a0!'],
  ])('%j → %j', (text, typeset) => {
    expect(frenchTypography(text)).toBe(typeset)
    expect(frenchTypography(typeset)).toBe(typeset)
  })
})
