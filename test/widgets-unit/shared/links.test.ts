import { describe, expect, it } from 'vitest'
import { splitUrls } from '../../../widgets/shared/links'

describe('splitUrls', () => {
  it.each([
    [
      '« Quel est mon OPCO ? » (https://quel-est-mon-opco.francecompetences.fr), ou',
      ['« Quel est mon OPCO ? » (', 'https://quel-est-mon-opco.francecompetences.fr', '), ou'],
    ],
    [
      'Voir https://www.opcoep.fr/criteres-de-financement.',
      ['Voir ', 'https://www.opcoep.fr/criteres-de-financement', '.'],
    ],
    [
      'Consultez\u00a0: https://www.opco-atlas.fr/a?b=1\u00a0; puis',
      ['Consultez\u00a0: ', 'https://www.opco-atlas.fr/a?b=1', '\u00a0; puis'],
    ],
    ['Aucune adresse : rien à lier.', ['Aucune adresse : rien à lier.']],
    [
      'Voir https://www.akto.fr/financer-une-formation/regles-de-prise-en-charge/.',
      ['Voir ', 'https://www.akto.fr/financer-une-formation/regles-de-prise-en-charge/', '.'],
    ],
    // Only http(s): anything else stays text.
    ['javascript:alert(1)', ['javascript:alert(1)']],
  ])('cuts %j around its addresses', (text, pieces) => {
    expect(splitUrls(text)).toEqual(pieces)
  })
})
