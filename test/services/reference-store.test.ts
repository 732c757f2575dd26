import { describe, expect, it } from 'vitest'
import { ReferenceStore } from '../../api/services/reference-store'
import { createTestDatabase } from '../support/test-database'

describe('ReferenceStore', () => {
  it('loads the catalog once and serves it from memory', async () => {
    const { db } = await createTestDatabase()
    let now = 0
    const store = new ReferenceStore({ now: () => now })
    const [first, concurrent] = await Promise.all([store.catalog(db), store.catalog(db)])
    expect(first).toBe(concurrent)
    // 1 041 IDCC (951 in SIRO + 90 known by their label only); the 4 escape codes are among the labelled ones.
    expect(first.size).toBe(1041)
    now += 60_000
    expect(await store.catalog(db)).toBe(first)
  })

  it('reloads after five minutes, so an import reaches a running server', async () => {
    const { client, db } = await createTestDatabase()
    let now = 0
    const store = new ReferenceStore({ now: () => now })
    const before = await store.catalog(db)
    await client.execute("update conventions set title = 'Syntec (renommée)' where idcc = '1486'")
    now += 5 * 60 * 1000 + 1
    const after = await store.catalog(db)
    expect(after).not.toBe(before)
    expect(after.find('1486')?.title).toBe('Syntec (renommée)')
  })

  it('keeps serving the previous catalog when a reload fails', async () => {
    const { client, db } = await createTestDatabase()
    let now = 0
    const store = new ReferenceStore({ now: () => now })
    const before = await store.catalog(db)
    await client.execute('delete from reference_imports')
    now += 5 * 60 * 1000 + 1
    expect(await store.catalog(db)).toBe(before)
  })
})
