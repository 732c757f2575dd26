// The fake libSQL server answers @libsql/client/web the way sqld does, over a real SQLite file.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createClient, LibsqlBatchError, LibsqlError, type Client } from '@libsql/client/web'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startLibsqlServer, type LibsqlServer } from './libsql-server'

let dir: string
let server: LibsqlServer
let client: Client

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'libsql-server-'))
  server = await startLibsqlServer({ path: join(dir, 'test.db') })
  client = createClient({ url: server.url })
})

afterAll(async () => {
  client.close()
  await server.close()
  await rm(dir, { recursive: true, force: true })
})

beforeEach(async () => {
  await client.executeMultiple(`
    CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, price REAL, photo BLOB);
    CREATE TABLE loose (v);
  `)
})

afterEach(async () => {
  await client.executeMultiple('DROP TABLE items; DROP TABLE loose;')
})

describe('execute', () => {
  it('reports affected rows and the last rowid of a write', async () => {
    await client.execute({ sql: 'INSERT INTO items (name) VALUES (?)', args: ['first'] })
    const result = await client.execute({
      sql: 'INSERT INTO items (name, price) VALUES (?, ?)',
      args: ['second', 2.5],
    })

    expect(result.rowsAffected).toBe(1)
    expect(result.lastInsertRowid).toBe(2n)
    expect(result.columns).toEqual([])
  })

  it('returns column names, declared types and rows of a read', async () => {
    await client.execute({
      sql: 'INSERT INTO items (name, price) VALUES (?, ?)',
      args: ['a', 1.25],
    })

    const result = await client.execute('SELECT id, name, price, 7 AS lucky FROM items')

    expect(result.columns).toEqual(['id', 'name', 'price', 'lucky'])
    expect(result.columnTypes).toEqual(['INTEGER', 'TEXT', 'REAL', ''])
    expect(result.rowsAffected).toBe(0)
    expect(result.rows).toHaveLength(1)
    expect({ ...result.rows[0] }).toEqual({ id: 1, name: 'a', price: 1.25, lucky: 7 })
    expect(result.rows[0]?.[1]).toBe('a')
  })

  it('binds named arguments whatever prefix the SQL uses', async () => {
    await client.execute({
      sql: 'INSERT INTO items (name, price) VALUES (:name, $price)',
      args: { name: 'named', price: 3 },
    })

    const result = await client.execute({
      sql: 'SELECT name, price FROM items WHERE name = @name',
      args: { name: 'named' },
    })

    expect(result.rows.map((row) => ({ ...row }))).toEqual([{ name: 'named', price: 3 }])
  })

  it('counts the rows written by an INSERT … RETURNING', async () => {
    const result = await client.execute({
      sql: "INSERT INTO items (name) VALUES ('x'), ('y') RETURNING id, name",
      args: [],
    })

    expect(result.rowsAffected).toBe(2)
    expect(result.lastInsertRowid).toBe(2n)
    expect(result.rows.map((row) => row.name)).toEqual(['x', 'y'])
  })
})

describe('values', () => {
  it('round-trips null, integer, float, text and blob with their SQLite types', async () => {
    const bytes = new Uint8Array([0, 1, 254, 255])
    await client.batch(
      [
        { sql: 'INSERT INTO loose (v) VALUES (?)', args: [null] },
        { sql: 'INSERT INTO loose (v) VALUES (?)', args: [9007199254740993n] },
        { sql: 'INSERT INTO loose (v) VALUES (?)', args: [0.5] },
        { sql: 'INSERT INTO loose (v) VALUES (?)', args: ['é ✓'] },
        { sql: 'INSERT INTO loose (v) VALUES (?)', args: [bytes] },
      ],
      'write',
    )
    const bigints = createClient({ url: server.url, intMode: 'bigint' })

    const result = await bigints.execute('SELECT typeof(v) AS type, v FROM loose ORDER BY rowid')
    bigints.close()

    expect(result.rows.map((row) => row.type)).toEqual(['null', 'integer', 'real', 'text', 'blob'])
    expect(result.rows.slice(0, 4).map((row) => row.v)).toEqual([
      null,
      9007199254740993n,
      0.5,
      'é ✓',
    ])
    expect(new Uint8Array(result.rows[4]?.v as ArrayBuffer)).toEqual(bytes)
  })

  it('keeps a whole-valued REAL a float and an INTEGER an integer', async () => {
    const result = await client.execute('SELECT typeof(2.0) AS a, typeof(2) AS b, 2.0 AS c')

    expect({ ...result.rows[0] }).toEqual({ a: 'real', b: 'integer', c: 2 })
  })
})

describe('batch', () => {
  it('runs every statement in one transaction and returns one result each', async () => {
    const results = await client.batch(
      [
        { sql: 'INSERT INTO items (name) VALUES (?)', args: ['a'] },
        { sql: 'INSERT INTO items (name) VALUES (?)', args: ['b'] },
        'SELECT count(*) AS n FROM items',
      ],
      'write',
    )

    expect(results.map((result) => result.rowsAffected)).toEqual([1, 1, 0])
    expect(results[2]?.rows[0]?.n).toBe(2)
  })

  it('rolls the whole batch back when one statement fails', async () => {
    const failing = client.batch(
      [
        { sql: 'INSERT INTO items (name) VALUES (?)', args: ['dup'] },
        { sql: 'INSERT INTO items (name) VALUES (?)', args: ['dup'] },
      ],
      'write',
    )

    await expect(failing).rejects.toBeInstanceOf(LibsqlBatchError)
    await expect(failing).rejects.toMatchObject({ code: 'SQLITE_CONSTRAINT', statementIndex: 1 })
    const count = await client.execute('SELECT count(*) AS n FROM items')
    expect(count.rows[0]?.n).toBe(0)
  })

  it('applies migrate() statements with foreign keys switched off', async () => {
    await client.migrate([
      'CREATE TABLE parents (id INTEGER PRIMARY KEY)',
      'CREATE TABLE children (parent_id INTEGER REFERENCES parents (id))',
    ])

    const tables = await client.execute(
      "SELECT name FROM sqlite_master WHERE name IN ('parents', 'children') ORDER BY name",
    )
    await client.executeMultiple('DROP TABLE children; DROP TABLE parents;')
    expect(tables.rows.map((row) => row.name)).toEqual(['children', 'parents'])
  })
})

describe('interactive transactions', () => {
  it('keeps one connection across requests, hidden from other streams until commit', async () => {
    const tx = await client.transaction('write')
    await tx.execute({ sql: 'INSERT INTO items (name) VALUES (?)', args: ['pending'] })

    const inside = await tx.execute('SELECT count(*) AS n FROM items')
    const outside = await client.execute('SELECT count(*) AS n FROM items')
    await tx.commit()
    const after = await client.execute('SELECT count(*) AS n FROM items')

    expect(inside.rows[0]?.n).toBe(1)
    expect(outside.rows[0]?.n).toBe(0)
    expect(after.rows[0]?.n).toBe(1)
  })

  it('discards the writes of a rolled back transaction', async () => {
    const tx = await client.transaction('write')
    await tx.batch([
      { sql: 'INSERT INTO items (name) VALUES (?)', args: ['a'] },
      { sql: 'INSERT INTO items (name) VALUES (?)', args: ['b'] },
    ])
    await tx.rollback()

    const count = await client.execute('SELECT count(*) AS n FROM items')
    expect(count.rows[0]?.n).toBe(0)
    expect(tx.closed).toBe(true)
  })

  it('refuses writes in a read transaction', async () => {
    const tx = await client.transaction('read')

    const write = tx.execute({ sql: 'INSERT INTO items (name) VALUES (?)', args: ['no'] })

    await expect(write).rejects.toMatchObject({ code: 'SQLITE_READONLY' })
    await tx.rollback()
    const count = await client.execute('SELECT count(*) AS n FROM items')
    expect(count.rows[0]?.n).toBe(0)
  })
})

describe('errors', () => {
  it('reaches the client as a LibsqlError carrying the SQLite result code', async () => {
    await client.execute({ sql: 'INSERT INTO items (name) VALUES (?)', args: ['same'] })

    const duplicate = client.execute({ sql: 'INSERT INTO items (name) VALUES (?)', args: ['same'] })

    await expect(duplicate).rejects.toBeInstanceOf(LibsqlError)
    await expect(duplicate).rejects.toMatchObject({
      code: 'SQLITE_CONSTRAINT',
      message: expect.stringContaining('UNIQUE constraint failed: items.name'),
    })
  })

  it('reports a syntax error and an unknown table as SQLITE_ERROR', async () => {
    await expect(client.execute('SELEC 1')).rejects.toMatchObject({ code: 'SQLITE_ERROR' })
    await expect(client.execute('SELECT * FROM nowhere')).rejects.toMatchObject({
      code: 'SQLITE_ERROR',
      message: expect.stringContaining('no such table: nowhere'),
    })
  })
})

describe('protocol', () => {
  const pipeline = (body: object) =>
    fetch(`${server.url}/v2/pipeline`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })

  it('hands out a new baton per response and rejects a reused one with 400', async () => {
    const execute = { type: 'execute', stmt: { sql: 'SELECT 1', want_rows: true } }
    const first = await (await pipeline({ baton: null, requests: [execute] })).json()
    const second = await pipeline({ baton: first.baton, requests: [execute] })
    const secondBody = await second.json()
    const reused = await pipeline({ baton: first.baton, requests: [execute] })
    const closed = await (
      await pipeline({ baton: secondBody.baton, requests: [{ type: 'close' }] })
    ).json()

    expect(first.results[0].response.result.rows).toEqual([[{ type: 'integer', value: '1' }]])
    expect(second.status).toBe(200)
    expect(secondBody.baton).not.toBe(first.baton)
    expect(reused.status).toBe(400)
    expect(reused.headers.get('content-type')).toBe('text/plain')
    expect(closed).toEqual({
      baton: null,
      base_url: null,
      results: [{ type: 'ok', response: { type: 'close' } }],
    })
  })

  it('skips a batch step whose condition is false and reports each step error', async () => {
    const response = await pipeline({
      requests: [
        {
          type: 'batch',
          batch: {
            steps: [
              { stmt: { sql: 'SELECT nope' } },
              { stmt: { sql: 'SELECT 1' }, condition: { type: 'ok', step: 0 } },
              { stmt: { sql: 'SELECT 2' }, condition: { type: 'error', step: 0 } },
            ],
          },
        },
        { type: 'close' },
      ],
    })
    const { results } = await response.json()

    const { step_results, step_errors } = results[0].response.result
    expect(step_results.map((r: object | null) => r !== null)).toEqual([false, false, true])
    expect(step_errors[0]).toMatchObject({ code: 'SQLITE_ERROR' })
    expect(step_errors.slice(1)).toEqual([null, null])
  })
})
