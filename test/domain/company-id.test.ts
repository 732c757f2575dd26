import { describe, expect, it } from 'vitest'
import { parseCompanyId, passesLuhn } from '../../api/domain/company-id'

describe('parseCompanyId', () => {
  it.each([
    // OCTO Technology, from the recorded recherche-entreprises answer.
    ['41816609600069', { kind: 'siret', siren: '418166096', siret: '41816609600069' }],
    ['418 166 096 00069', { kind: 'siret', siren: '418166096', siret: '41816609600069' }],
    ['418166096', { kind: 'siren', siren: '418166096' }],
    ['418.166.096', { kind: 'siren', siren: '418166096' }],
  ])('reads %s', (raw, expected) => {
    expect(parseCompanyId(raw)).toEqual(expected)
  })

  it.each([
    ['41816609600068', 'checksum'],
    ['418166097', 'checksum'],
    ['4181660960006', 'format'],
    ['abc', 'format'],
    ['', 'format'],
    ['1486', 'format'],
  ])('refuses %s (%s)', (raw, error) => {
    expect(parseCompanyId(raw)).toBe(error)
  })

  it('accepts La Poste SIRETs by their own rule (digit sum multiple of 5), not Luhn', () => {
    // 356000000 + 00048: digit sum 3+5+6+4+8 = 26 → refused; 00049 → 27; 00044 → 22; 00046 → 24; 00047 → 25 ✓.
    expect(parseCompanyId('35600000000047')).toEqual({
      kind: 'siret',
      siren: '356000000',
      siret: '35600000000047',
    })
    expect(passesLuhn('35600000000047')).toBe(false)
    expect(parseCompanyId('35600000000048')).toBe('checksum')
  })
})

describe('passesLuhn', () => {
  it.each([
    ['418166096', true],
    ['732829320', true], // INSEE's own example SIREN
    ['732829321', false],
  ])('%s → %s', (digits, expected) => {
    expect(passesLuhn(digits)).toBe(expected)
  })
})
