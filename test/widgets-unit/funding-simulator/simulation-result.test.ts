import { describe, expect, it } from 'vitest'
import { splitUrls } from '../../../widgets/funding-simulator/simulation-result'

describe('splitUrls', () => {
  it.each([
    [
      'Voir https://www.akto.fr/financer-une-formation/regles-de-prise-en-charge/.',
      ['Voir ', 'https://www.akto.fr/financer-une-formation/regles-de-prise-en-charge/', '.'],
    ],
    ['Plafond (https://x.example/a), puis', ['Plafond (', 'https://x.example/a', '), puis']],
    ['Aucun lien ici', ['Aucun lien ici']],
    // Only http(s): anything else stays text.
    ['javascript:alert(1)', ['javascript:alert(1)']],
  ])('cuts %j around its links', (text, pieces) => {
    expect(splitUrls(text)).toEqual(pieces)
  })
})
