import { describe, expect, it } from 'vitest'
import type { Opco, OpcoId } from '../../api/contracts/opcos'
import { opcoFixture } from '../support/opco-fixture'
import {
  answerConvention,
  answerEscapeCode,
  confidenceOf,
  type ConventionRecord,
} from '../../api/domain/convention-opco'
import { editionLabel } from '../../api/domain/reason-text'

const opco = opcoFixture
const opcos = new Map<OpcoId, Opco>([
  ['atlas', opco('atlas', 'Atlas')],
  ['opco-2i', opco('opco-2i', 'OPCO 2i')],
  ['akto', opco('akto', 'AKTO')],
  ['ocapiat', opco('ocapiat', 'OCAPIAT')],
  ['opco-mobilites', opco('opco-mobilites', 'OPCO Mobilités')],
])
/** Intl writes narrow no-break spaces in numbers; compare with plain spaces. */
const plain = (text: string) => text.replace(/[\u202f\u00a0]/g, ' ')
const source = { dataset: 'siro-idcc-opco', edition: '2026-06' }

describe('confidenceOf (thresholds of shared/data/SOURCES.md)', () => {
  it.each([
    // main SIRETs, total SIRETs, expected — rows of idcc-opco.csv (SIRO 2026-06)
    [253637, 253639, 'high'], // 1486 Atlas 253 637 / OPCO 2i 2
    [90, 90, 'high'], // 0003 OPCO Mobilités 90 / 90
    [19, 19, 'medium'], // 100 % but fewer than 20 SIRETs
    [11, 11, 'medium'], // 0002 OPCO 2i 11 / 11
    [20, 20, 'high'], // exactly 20 SIRETs
    [95, 100, 'high'], // exactly 95 %
    [94, 100, 'medium'],
    [80, 100, 'medium'], // exactly 80 %
    [235, 302, 'low'], // 8822 AKTO 235 / OCAPIAT 67 = 77.81 %
    [1, 2, 'low'], // 9062 AKTO 1 / OCAPIAT 1
  ])('%i of %i SIRETs → %s', (main, total, expected) => {
    expect(confidenceOf(main, total)).toBe(expected)
  })
})

describe('answerConvention', () => {
  it('answers the OPCO with the most SIRETs, the others as alternatives with their share', () => {
    const record: ConventionRecord = {
      idcc: '1486',
      title: 'Bureaux d’études techniques (Syntec)',
      pairs: [
        { opcoId: 'atlas', siretCount: 253637 },
        { opcoId: 'opco-2i', siretCount: 2 },
      ],
    }
    const answer = answerConvention(record, opcos, source)
    expect(answer.opco?.id).toBe('atlas')
    expect(answer.confidence).toBe('high')
    expect(answer.share).toBeCloseTo(253637 / 253639, 10)
    expect(answer.alternatives).toEqual([{ opcoId: 'opco-2i', share: 2 / 253639 }])
    expect(plain(answer.reason)).toContain(
      '99,99 % des 253 639 établissements déclarant l’IDCC 1486',
    )
    expect(plain(answer.reason)).toContain(
      'relèvent d’Atlas ; les autres sont déclarés auprès d’OPCO 2i (2 établissements)',
    )
    expect(answer.reason).toContain('juin 2026')
    expect(answer.reason).toContain('anomalies')
    expect(answer.escapeCode).toBe(false)
  })

  it('says a shared IDCC needs the SIRET to decide (low confidence)', () => {
    const answer = answerConvention(
      {
        idcc: '8822',
        title: null,
        pairs: [
          { opcoId: 'akto', siretCount: 235 },
          { opcoId: 'ocapiat', siretCount: 67 },
        ],
      },
      opcos,
      source,
    )
    expect(answer.opco?.id).toBe('akto')
    expect(answer.confidence).toBe('low')
    expect(answer.reason).toMatch(/partagé/)
    expect(answer.reason).toMatch(/SIRET/)
  })

  it('warns when few companies declare the IDCC (medium confidence)', () => {
    const answer = answerConvention(
      { idcc: '0002', title: null, pairs: [{ opcoId: 'opco-2i', siretCount: 11 }] },
      opcos,
      source,
    )
    expect(answer.confidence).toBe('medium')
    expect(answer.reason).toMatch(/^Les 11 établissements/)
    expect(answer.reason).toMatch(/peu de déclarations/)
  })

  it('answers no OPCO for a convention nobody declares', () => {
    const answer = answerConvention(
      { idcc: '0014', title: 'Production cinématographique', pairs: [] },
      opcos,
      source,
    )
    expect(answer.opco).toBeNull()
    expect(answer.confidence).toBeNull()
    expect(answer.reason).toMatch(/Aucun établissement/)
  })
})

describe('answerEscapeCode', () => {
  it('gives no OPCO, the meaning of the code and the next step', () => {
    const answer = answerEscapeCode(
      {
        code: '9999',
        label: { fr: 'Sans convention collective', en: 'No collective agreement' },
        reason: {
          fr: '9999 signifie « sans convention collective ».',
          en: '9999 means no agreement.',
        },
      },
      { fr: 'Recherchez votre entreprise par son SIRET.', en: 'Search by SIRET.' },
      source,
    )
    expect(answer).toMatchObject({
      idcc: '9999',
      opco: null,
      confidence: null,
      escapeCode: true,
      alternatives: [],
    })
    // In French typography: no-break spaces inside the guillemets.
    expect(answer.reason).toBe(
      '9999 signifie «\u00a0sans convention collective\u00a0». Recherchez votre entreprise par son SIRET.',
    )
  })
})

describe('answerConvention in English', () => {
  it('says the same facts in English', () => {
    const record: ConventionRecord = {
      idcc: '1486',
      title: null,
      pairs: [
        { opcoId: 'atlas', siretCount: 253637 },
        { opcoId: 'opco-2i', siretCount: 2 },
      ],
    }
    expect(plain(answerConvention(record, opcos, source, 'en').reason)).toBe(
      "99.99% of the 253,639 establishments declaring IDCC 1486 in France compétences' SIRET-OPCO table (June 2026) belong to Atlas; the others are declared with OPCO 2i (2 establishments). These isolated cases are most likely declaration errors.",
    )
  })
})

describe('editionLabel', () => {
  it.each([
    ['2026-06', 'fr', 'juin 2026'],
    ['2026-12', 'fr', 'décembre 2026'],
    ['2026-06', 'en', 'June 2026'],
    ['bogus', 'fr', 'bogus'],
  ] as const)('%s (%s) → %s', (edition, lang, label) => {
    expect(editionLabel(edition, lang)).toBe(label)
  })
})
