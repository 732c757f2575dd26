import { createClient, type Client } from '@libsql/client'
import { setTimeout as wait } from 'node:timers/promises'
import { afterEach, describe, expect, it } from 'vitest'
import { isDatabaseBusy } from '../../db/database-busy'
import { openNodeDatabase } from '../../db/node-client'
import { holdWriteLock } from '../support/lock-holder'
import { tempDatabaseUrl } from '../support/test-database'

const opened: Client[] = []
afterEach(() => {
  for (const client of opened.splice(0)) client.close()
})

async function database(url: string, lockWaitMs?: number): Promise<Client> {
  const client = await openNodeDatabase(url, { lockWaitMs })
  opened.push(client)
  return client
}

async function freshTable(url: string): Promise<void> {
  const client = createClient({ url })
  await client.execute('create table notes (id integer primary key, text text not null unique)')
  client.close()
}

/** What a new process reads from the file: only committed rows. */
async function storedTexts(url: string): Promise<string[]> {
  const client = createClient({ url })
  const rows = (await client.execute('select text from notes order by id')).rows
  client.close()
  return rows.map((row) => String(row.text))
}

const insert = (text: string) => ({ sql: 'insert into notes (text) values (?)', args: [text] })

/** One write as a plain statement and one as a batch, each answered by its text or its error code. */
async function writeBoth(client: Client, label: string): Promise<string[]> {
  const acknowledged: string[] = []
  await Promise.all([
    client.execute(insert(`${label}-execute`)).then(() => acknowledged.push(`${label}-execute`)),
    client
      .batch([insert(`${label}-batch`)], 'write')
      .then(() => acknowledged.push(`${label}-batch`)),
  ])
  return acknowledged
}

describe('openNodeDatabase on a file', () => {
  it('puts the file in WAL mode', async () => {
    const url = await tempDatabaseUrl()
    const client = await database(url)
    expect((await client.execute('pragma journal_mode')).rows[0]?.journal_mode).toBe('wal')
  })

  it('waits out another process holding the write lock for 2 s: every acknowledged write is in the file', async () => {
    const url = await tempDatabaseUrl()
    await freshTable(url)
    const client = await database(url)
    const lock = await holdWriteLock(url)
    const during = Promise.all([1, 2, 3, 4, 5].map((n) => writeBoth(client, `during-${n}`)))
    await wait(2_000)
    await lock.release()
    const acknowledged = (await during).flat()
    acknowledged.push(...(await writeBoth(client, 'after')))

    expect(acknowledged).toHaveLength(12)
    expect((await storedTexts(url)).sort()).toEqual(acknowledged.sort())
  })

  it('answers SQLITE_BUSY when the lock outlasts the wait, then writes durably once it is released', async () => {
    const url = await tempDatabaseUrl()
    await freshTable(url)
    const client = await database(url, 200)
    const lock = await holdWriteLock(url)
    const refusals = await Promise.allSettled([
      client.execute(insert('refused-execute')),
      client.batch([insert('refused-batch')], 'write'),
    ])
    expect(refusals.map((result) => result.status)).toEqual(['rejected', 'rejected'])
    for (const refusal of refusals) {
      expect(isDatabaseBusy((refusal as PromiseRejectedResult).reason)).toBe(true)
    }
    await lock.release()

    // The bare client's connections that saw SQLITE_BUSY would now lose these (see below).
    const acknowledged: string[] = []
    for (const n of [1, 2, 3]) acknowledged.push(...(await writeBoth(client, `after-${n}`)))
    expect(await storedTexts(url)).toEqual(expect.arrayContaining(acknowledged))
    expect(await storedTexts(url)).toHaveLength(6)
  })

  it('loses none of many writes started in one tick while a lock is released under them', async () => {
    // The lock ends at various points of the writes' first tries: a write started right after one
    // the lock refused must never run on the refused one's connection.
    for (const heldMs of [0, 20, 60, 120, 250]) {
      const url = await tempDatabaseUrl()
      await freshTable(url)
      const client = await database(url)
      const lock = await holdWriteLock(url)
      const writes = Array.from({ length: 10 }, (_, n) =>
        n % 2
          ? client.execute(insert(`${heldMs}-${n}`))
          : client.batch([insert(`${heldMs}-${n}`)], 'write'),
      )
      await wait(heldMs)
      await lock.release()
      await Promise.all(writes)
      await client.execute(insert(`${heldMs}-after`))
      expect(await storedTexts(url)).toHaveLength(11)
    }
  })

  it('tries a write at least once even when the shared pause outlasts its wait', async () => {
    const url = await tempDatabaseUrl()
    await freshTable(url)
    const client = await database(url, 100)
    const lock = await holdWriteLock(url)
    // A second of refusals: the shared pause grows to its longest, past the 100 ms a write waits.
    const refused: Promise<unknown>[] = []
    for (let n = 0; n < 20; n++) {
      refused.push(client.execute(insert(`refused-${n}`)).catch((error: unknown) => error))
      await wait(50)
    }
    await lock.release()
    await client.execute(insert('right-after'))
    // The first ones ran out of wait during the lock; the last ones may have gone through after it.
    const outcomes = await Promise.all(refused)
    expect(outcomes.filter((outcome) => outcome instanceof Error).length).toBeGreaterThan(0)
    expect(
      outcomes.every((outcome) => !(outcome instanceof Error) || isDatabaseBusy(outcome)),
    ).toBe(true)
    expect(await storedTexts(url)).toContain('right-after')
  })

  it('keeps working after a constraint failure, and the failed statement wrote nothing', async () => {
    const url = await tempDatabaseUrl()
    await freshTable(url)
    const client = await database(url)
    await client.execute(insert('once'))
    await expect(client.execute(insert('once'))).rejects.toMatchObject({
      code: 'SQLITE_CONSTRAINT',
    })
    await expect(client.batch([insert('twice'), insert('once')], 'write')).rejects.toMatchObject({
      code: 'SQLITE_CONSTRAINT',
    })
    await client.batch([insert('third')], 'write')
    expect(await storedTexts(url)).toEqual(['once', 'third'])
  })

  it('still loses acknowledged writes with the bare @libsql/client (upstream issue 352): when this fails, FileClient can go', async () => {
    const url = await tempDatabaseUrl()
    await freshTable(url)
    const bare = createClient({ url })
    opened.push(bare)
    const lock = await holdWriteLock(url)
    const refused = await Promise.allSettled([bare.execute(insert('refused'))])
    expect(refused[0]?.status).toBe('rejected')
    await lock.release()

    const acknowledged: string[] = []
    for (const n of [1, 2, 3]) {
      await bare.execute(insert(`plain-${n}`)).then(() => acknowledged.push(`plain-${n}`))
      await bare.batch([insert(`batch-${n}`)], 'write').catch(() => undefined)
    }
    expect(acknowledged).toEqual(['plain-1', 'plain-2', 'plain-3'])
    expect(await storedTexts(url)).not.toEqual(expect.arrayContaining(acknowledged))
  })
})
