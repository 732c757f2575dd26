import { createClient } from '@libsql/client'
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { migrateDatabase } from '../../db/migrate'
import { DATA_FOLDER, seedReferenceData } from '../../db/seed'

async function migratedClient() {
  const client = createClient({ url: ':memory:' })
  await migrateDatabase(client)
  return client
}

const count = async (client: ReturnType<typeof createClient>, table: string) =>
  Number((await client.execute(`select count(*) as n from ${table}`)).rows[0]?.n)

describe('seedReferenceData', () => {
  it('loads the 11 OPCOs, every real IDCC→OPCO pair and every convention of the shipped files', async () => {
    const client = await migratedClient()
    const result = await seedReferenceData(client)
    // shared/data/SOURCES.md: 1 009 real couples over 951 IDCC; 879 labelled IDCC, 789 of them in SIRO.
    expect(result).toEqual({
      status: 'loaded',
      edition: '2026-06',
      opcos: 11,
      conventions: 1041,
      pairs: 1009,
    })
    expect(await count(client, 'opcos')).toBe(11)
    expect(await count(client, 'convention_opcos')).toBe(1009)
    expect(await count(client, 'conventions')).toBe(1041)
    expect(
      Number(
        (await client.execute('select count(distinct idcc) as n from convention_opcos')).rows[0]?.n,
      ),
    ).toBe(951)
    expect(
      Number(
        (await client.execute('select sum(siret_count) as n from convention_opcos')).rows[0]?.n,
      ),
    ).toBe(3347088)
  })

  it('does nothing the second time: same digest, no duplicates', async () => {
    const client = await migratedClient()
    await seedReferenceData(client)
    const again = await seedReferenceData(client)
    expect(again.status).toBe('unchanged')
    expect(await count(client, 'convention_opcos')).toBe(1009)
    expect(await count(client, 'reference_imports')).toBe(1)
  })

  it('replaces the data when a newer file is imported', async () => {
    const client = await migratedClient()
    await seedReferenceData(client)
    const folder = await mkdtemp(join(tmpdir(), 'ganapati-data-'))
    await cp(DATA_FOLDER, folder, { recursive: true })
    const csv = await readFile(join(folder, 'idcc-opco.csv'), 'utf8')
    // A newer edition in which OPCO 2i's two Syntec SIRETs are gone.
    await writeFile(
      join(folder, 'idcc-opco.csv'),
      csv.replace('1486,opco-2i,OPCO2I,2,0.00,2,2,false\n', ''),
    )
    await writeFile(
      join(folder, 'idcc-opco.meta.json'),
      JSON.stringify({ dataset: 'siro-idcc-opco', edition: '2026-09' }),
    )
    const result = await seedReferenceData(client, folder)
    expect(result).toMatchObject({ status: 'loaded', edition: '2026-09', pairs: 1008 })
    expect(
      (await client.execute("select opco_id from convention_opcos where idcc = '1486'")).rows.map(
        (row) => row.opco_id,
      ),
    ).toEqual(['atlas'])
    expect((await client.execute('select edition from reference_imports')).rows[0]?.edition).toBe(
      '2026-09',
    )
  })
})
