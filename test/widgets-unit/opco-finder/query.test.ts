import { describe, expect, it } from 'vitest'
import {
  classifyQuery,
  companyId,
  groupDigits,
  searchesCompanies,
} from '../../../widgets/opco-finder/query'

describe('classifyQuery', () => {
  it.each([
    ['', { kind: 'empty' }],
    ['   ', { kind: 'empty' }],
    ['1486', { kind: 'idcc', value: '1486', prefix: '1486' }],
    // A prefix as typed for suggestions, zero-padded for a lookup (IdccParam in api/contracts).
    ['148', { kind: 'idcc', value: '0148', prefix: '148' }],
    ['IDCC : 16', { kind: 'idcc', value: '0016', prefix: '16' }],
    ['418 166 096', { kind: 'siren', value: '418166096' }],
    ['418.166.096-00069', { kind: 'siret', value: '41816609600069' }],
    ['12345', { kind: 'number' }],
    ['boulangerie', { kind: 'words', value: 'boulangerie' }],
    ['  octo technology ', { kind: 'words', value: 'octo technology' }],
  ])('reads %j', (raw, query) => {
    expect(classifyQuery(raw)).toEqual(query)
  })
})

describe('searchesCompanies', () => {
  // CompanySearchQuery in api/routes/companies.ts refuses fewer than 3 characters.
  it.each([
    ['bo', false],
    ['bou', true],
    ['1486', false],
  ])('%j → %s', (raw, expected) => {
    expect(searchesCompanies(classifyQuery(raw))).toBe(expected)
  })
})

describe('SIRET and SIREN as printed on a Kbis', () => {
  it('groups digits by three, the NIC apart', () => {
    expect(groupDigits('41816609600069')).toBe('418\u00a0166\u00a0096\u00a000069')
    expect(groupDigits('418166096')).toBe('418\u00a0166\u00a0096')
  })

  it('names a company by its SIRET, or by its SIREN without establishment', () => {
    expect(companyId({ siren: '418166096', siret: '41816609600069' })).toBe(
      'SIRET 418\u00a0166\u00a0096\u00a000069',
    )
    expect(companyId({ siren: '418166096', siret: null })).toBe('SIREN 418\u00a0166\u00a0096')
  })
})
