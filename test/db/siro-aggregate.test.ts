import { readFileSync } from 'node:fs'
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { aggregateSiroFile } from '../../db/import'
import { parseCsv } from '../../db/csv'
import {
  editionFromFileName,
  pairsToCsv,
  SIRO_HEADER,
  SiroAggregator,
} from '../../db/siro-aggregate'

const shipped = parseCsv(
  readFileSync(new URL('../../db/data/idcc-opco.csv', import.meta.url), 'utf8'),
)
const opcoJson = JSON.parse(
  readFileSync(new URL('../../db/data/opco.json', import.meta.url), 'utf8'),
) as {
  opcos: { id: string; label_siro: string }[]
}
const opcoIdByLabel = new Map(opcoJson.opcos.map((opco) => [opco.label_siro, opco.id]))
const ESCAPE = ['9999', '9998', '5501', '5100']

/** SIRO lines (one per SIRET) that reproduce the shipped couples of the given IDCC. */
function siroLines(idccs: Set<string>): string[] {
  const lines: string[] = []
  let serial = 0
  for (const row of shipped) {
    if (!idccs.has(row.idcc ?? '')) continue
    for (let index = 0; index < Number(row.siret_count); index++) {
      const siret = String(10_000_000_000_000 + serial++)
      lines.push(`${siret}|${row.idcc}|${row.opco_label_siro}|`)
    }
  }
  return lines
}

describe('SiroAggregator', () => {
  it('rebuilds the shipped couples, shares, ranks and escape flags from SIRO lines', () => {
    // Small IDCC (few SIRETs) including two-OPCO ones, a tie and an escape code.
    const sample = new Set(['0002', '0003', '8822', '9062', '3203', '1618', '5501'])
    const aggregator = new SiroAggregator({ opcoIdByLabel, escapeCodes: ESCAPE })
    for (const line of siroLines(sample)) aggregator.add(line)
    const expected = shipped.filter((row) => sample.has(row.idcc ?? ''))
    expect(parseCsv(pairsToCsv(aggregator.pairs()))).toEqual(expected)
  })

  it('skips lines without IDCC or OPCO (SIRETs in anomaly), as the dictionary allows', () => {
    const aggregator = new SiroAggregator({ opcoIdByLabel, escapeCodes: ESCAPE })
    aggregator.add('41816609600069|1486|ATLAS|')
    aggregator.add('41816609600077||ATLAS|')
    aggregator.add('41816609600085|1486||')
    // Overseas: OPCO_GESTION says AKTO manages, the pair is still read on the owner.
    aggregator.add('41816609600093|1486|ATLAS|AKTO')
    expect(aggregator.lines).toBe(4)
    expect(aggregator.skipped).toBe(2)
    expect(aggregator.pairs()).toEqual([
      {
        idcc: '1486',
        opcoId: 'atlas',
        opcoLabel: 'ATLAS',
        siretCount: 2,
        sharePercent: '100.00',
        rank: 1,
        opcoCount: 1,
        escapeCode: false,
      },
    ])
  })
})

describe('aggregateSiroFile', () => {
  it('reads a SIRO file and refuses unknown OPCO labels', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'ganapati-siro-'))
    const good = join(folder, 'siro-202609.csv')
    await writeFile(good, `${SIRO_HEADER}\n41816609600069|1486|ATLAS|\n`)
    expect((await aggregateSiroFile(good)).pairs()).toHaveLength(1)

    const unknown = join(folder, 'unknown.csv')
    await writeFile(unknown, `${SIRO_HEADER}\n41816609600069|1486|OPCA INCONNU|\n`)
    await expect(aggregateSiroFile(unknown)).rejects.toThrow(/OPCA INCONNU/)

    const wrongHeader = join(folder, 'wrong.csv')
    await writeFile(wrongHeader, 'siret;idcc\n1;2\n')
    await expect(aggregateSiroFile(wrongHeader)).rejects.toThrow(/header/)
  })

  it.each([
    ['siro-202609.csv', '2026-09'],
    ['SIRO-202612.CSV', '2026-12'],
    ['table.csv', null],
  ])('reads the edition of %s as %s', (name, edition) => {
    expect(editionFromFileName(name)).toBe(edition)
  })
})
