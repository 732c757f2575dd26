import { beforeAll, describe, expect, it } from 'vitest'
import type { ConventionCatalog } from '../../api/domain/convention-catalog'
import {
  activeFirst,
  answerCompany,
  orderedIdcc,
  summarizeCompany,
  type CompanyRecord,
  type Establishment,
} from '../../api/domain/company-opco'
import { ReferenceStore } from '../../api/services/reference-store'
import { systemClock } from '../../api/services/clock'
import { createTestDatabase } from '../support/test-database'

let catalog: ConventionCatalog
beforeAll(async () => {
  const { db } = await createTestDatabase()
  catalog = await new ReferenceStore(systemClock).catalog(db)
})

const establishment = (
  siret: string,
  idcc: string[],
  extra: Partial<Establishment> = {},
): Establishment => ({
  siret,
  address: '1 RUE DE LA PAIX 75002 PARIS',
  postcode: '75002',
  city: 'PARIS',
  naf: '62.02A',
  active: true,
  idcc,
  ...extra,
})

const company = (overrides: Partial<CompanyRecord>): CompanyRecord => ({
  siren: '418166096',
  name: 'EXEMPLE',
  naf: '62.02A',
  active: true,
  headOffice: establishment('41816609600069', ['1486']),
  establishments: [],
  idcc: ['1486'],
  ...overrides,
})

describe('answerCompany', () => {
  it('puts the queried establishment’s IDCC first and lowers the confidence when there are several', () => {
    // A company declaring Syntec (1486, Atlas) at its head office and HCR (1979, AKTO) at the queried establishment.
    const record = company({
      establishments: [establishment('41816609600077', ['1979'])],
      idcc: ['1486', '1979'],
    })
    const answer = answerCompany(record, '41816609600077', catalog)
    expect(answer?.conventions.map((item) => [item.idcc, item.opco?.id])).toEqual([
      ['1979', 'akto'],
      ['1486', 'atlas'],
    ])
    expect(answer?.idcc).toBe('1979')
    expect(answer?.opco?.id).toBe('akto')
    expect(answer?.confidence).toBe('medium')
    expect(answer?.reason).toMatch(/déclare 2 conventions collectives \(1979, 1486\)/)
  })

  it('answers no OPCO and the next step for 9999 (no convention)', () => {
    const answer = answerCompany(
      company({ headOffice: establishment('41816609600069', ['9999']), idcc: ['9999'] }),
      null,
      catalog,
    )
    expect(answer?.opco).toBeNull()
    expect(answer?.confidence).toBeNull()
    expect(answer?.conventions).toEqual([
      { idcc: '9999', title: 'Sans convention collective', opco: null },
    ])
    expect(answer?.reason).toMatch(/pas une convention collective/)
    expect(answer?.reason).toMatch(/quel-est-mon-opco\.francecompetences\.fr/)
  })

  it('skips an escape code to reach the company’s real convention', () => {
    const answer = answerCompany(
      company({ headOffice: establishment('41816609600069', ['9999']), idcc: ['9999', '1486'] }),
      null,
      catalog,
    )
    expect(answer?.idcc).toBe('1486')
    expect(answer?.opco?.id).toBe('atlas')
    expect(answer?.confidence).toBe('high')
  })

  it('takes the first declared convention that has an OPCO when the first one is unknown', () => {
    const record = company({
      headOffice: establishment('41816609600069', ['0001']),
      idcc: ['0001', '1486'],
    })
    const answer = answerCompany(record, null, catalog)
    expect(answer?.idcc).toBe('1486')
    expect(answer?.opco?.id).toBe('atlas')
    expect(answer?.confidence).toBe('medium')
    expect(answer?.reason).toMatch(/la première à avoir un OPCO connu/)
  })

  it('answers no OPCO when no convention is declared at all', () => {
    const answer = answerCompany(
      company({ headOffice: establishment('41816609600069', []), idcc: [] }),
      null,
      catalog,
    )
    expect(answer?.opco).toBeNull()
    expect(answer?.conventions).toEqual([])
    expect(answer?.reason).toMatch(/Aucune convention collective n’est déclarée/)
  })

  it('says when the establishment is closed', () => {
    const record = company({
      establishments: [establishment('41816609600077', ['1486'], { active: false })],
    })
    const answer = answerCompany(record, '41816609600077', catalog)
    expect(answer?.active).toBe(false)
    expect(answer?.reason).toMatch(/fermé/)
  })

  it('finds nothing for a SIRET that is not among the company’s establishments', () => {
    expect(answerCompany(company({}), '41816609600051', catalog)).toBeNull()
  })
})

describe('orderedIdcc', () => {
  it('pads codes and removes duplicates, the establishment’s first', () => {
    const record = company({ idcc: ['16', '1486', '0016'] })
    expect(orderedIdcc(record, establishment('41816609600069', ['1486']))).toEqual(['1486', '0016'])
  })
})

describe('activeFirst / summarizeCompany', () => {
  it('lists active companies before closed ones, keeping the directory order', () => {
    const items = [
      summarizeCompany(company({ siren: '1', active: false })),
      summarizeCompany(company({ siren: '2' })),
      summarizeCompany(company({ siren: '3', active: false })),
      summarizeCompany(company({ siren: '4' })),
    ]
    expect(activeFirst(items).map((item) => item.siren)).toEqual(['2', '4', '1', '3'])
  })
})
