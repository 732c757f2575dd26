import { describe, expect, it, vi } from 'vitest'
import { ReferenceStore } from '../../api/services/reference-store'
import { createTestDatabase } from '../support/test-database'

const FIVE_MINUTES = 5 * 60 * 1000

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

  it('keeps answering from the loaded catalog and swaps in a new import once its digest changed', async () => {
    const { client, db } = await createTestDatabase()
    let now = 0
    const store = new ReferenceStore({ now: () => now })
    const before = await store.catalog(db)
    await client.batch([
      "update conventions set title = 'Syntec (renommée)' where idcc = '1486'",
      "update reference_imports set sha256 = 'a newer import'",
    ])
    now += FIVE_MINUTES + 1
    expect(await store.catalog(db)).toBe(before)
    await vi.waitFor(async () => expect(await store.catalog(db)).not.toBe(before))
    expect((await store.catalog(db)).find('1486')?.title).toBe('Syntec (renommée)')
  })

  it('does not rebuild while the digest is unchanged', async () => {
    const { client, db } = await createTestDatabase()
    const store = new ReferenceStore({ now: () => 0 })
    const before = await store.catalog(db)
    await client.execute("update conventions set title = 'not imported' where idcc = '1486'")
    await store.refresh(db)
    expect(await store.catalog(db)).toBe(before)
  })

  it('keeps serving the loaded catalog when a reload fails', async () => {
    const { client, db } = await createTestDatabase()
    const store = new ReferenceStore({ now: () => 0 })
    const before = await store.catalog(db)
    await client.batch([
      "update reference_imports set sha256 = 'changed'",
      'drop table convention_opcos',
    ])
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
    await store.refresh(db)
    expect(logged).toHaveBeenCalledOnce()
    logged.mockRestore()
    expect(await store.catalog(db)).toBe(before)
  })
})
