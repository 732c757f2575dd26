// Test-only libSQL server: Hrana 2 over HTTP (JSON) on the `libsql` engine, as spoken by @libsql/client/web.
import { randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import Database from 'libsql'

// Wire shapes from @libsql/hrana-client (http/json_encode.js, shared/json_decode.js). The client
// opens with protocol version 2, so it only ever POSTs JSON to /v2/pipeline: no version probe, no
// cursor endpoint, no protobuf.
type ProtoValue =
  | { type: 'null' }
  | { type: 'integer'; value: string }
  | { type: 'float'; value: number }
  | { type: 'text'; value: string }
  | { type: 'blob'; base64: string }
interface ProtoStmt {
  sql?: string
  sql_id?: number
  args?: ProtoValue[]
  named_args?: { name: string; value: ProtoValue }[]
  want_rows?: boolean
}
type ProtoCond =
  | { type: 'ok' | 'error'; step: number }
  | { type: 'not'; cond: ProtoCond }
  | { type: 'and' | 'or'; conds: ProtoCond[] }
  | { type: 'is_autocommit' }
type StreamRequest =
  | { type: 'close' }
  | { type: 'get_autocommit' }
  | { type: 'execute'; stmt: ProtoStmt }
  | { type: 'batch'; batch: { steps: { condition?: ProtoCond; stmt: ProtoStmt }[] } }
  | { type: 'sequence' | 'describe'; sql?: string; sql_id?: number }
  | { type: 'store_sql'; sql_id: number; sql: string }
  | { type: 'close_sql'; sql_id: number }
interface StmtResult {
  cols: { name: string; decltype: string | null }[]
  rows: ProtoValue[][]
  affected_row_count: number
  last_insert_rowid: string | null
}
type SqlValue = null | bigint | number | string | Buffer

/** One stream is one connection, so a transaction begun in one HTTP request lives on to the next. */
interface Stream {
  db: Database.Database
  sqls: Map<number, string>
  readOnly: boolean
}

/** A failed stream request, sent back as `{ message, code }` while the stream stays usable. */
class HranaError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message)
  }
}

/** A client that broke the protocol: like sqld, answer 400 text/plain and drop the stream. */
class ProtocolError extends Error {}

export interface LibsqlServer {
  url: string
  close(): Promise<void>
}

/** Serves the SQLite file at `path` on a random loopback port until `close()`. */
export async function startLibsqlServer({ path }: { path: string }): Promise<LibsqlServer> {
  const streams = new Map<string, Stream>()

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      const status = error instanceof ProtocolError ? 400 : 500
      res.writeHead(status, { 'content-type': 'text/plain' }).end(String(error))
    })
  })

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method === 'GET' && (req.url === '/' || req.url === '/v2')) {
      res.writeHead(200, { 'content-type': 'text/plain' }).end('Hrana over HTTP, version 2')
      return
    }
    if (req.method !== 'POST' || req.url !== '/v2/pipeline') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found')
      return
    }
    const body = await readJson(req)
    const stream = acquire(body.baton)
    let open = true
    try {
      const results = body.requests.map((request) => {
        if (!open) throw new ProtocolError('The stream was closed earlier in this pipeline')
        if (request.type === 'close') {
          stream.db.close()
          open = false
          return { type: 'ok', response: { type: 'close' } }
        }
        try {
          return { type: 'ok', response: runRequest(stream, request) }
        } catch (error) {
          return { type: 'error', error: toProtoError(error) }
        } finally {
          endReadOnly(stream)
        }
      })
      // A fresh baton per response: the client must send requests of a stream one after another.
      const baton = open ? randomBytes(16).toString('base64url') : null
      if (baton) streams.set(baton, stream)
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ baton, base_url: null, results }))
    } catch (error) {
      if (open) stream.db.close()
      throw error
    }
  }

  function acquire(baton: string | null | undefined): Stream {
    if (baton == null) return { db: new Database(path), sqls: new Map(), readOnly: false }
    const stream = streams.get(baton)
    if (!stream) throw new ProtocolError('Baton is invalid or was already used')
    streams.delete(baton)
    return stream
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo

  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      for (const stream of streams.values()) stream.db.close()
      streams.clear()
      server.closeAllConnections()
      await new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      )
    },
  }
}

async function readJson(
  req: IncomingMessage,
): Promise<{ baton?: string | null; requests: StreamRequest[] }> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  try {
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8'))
    if (!Array.isArray(body?.requests)) throw new Error('`requests` must be an array')
    return body
  } catch (error) {
    throw new ProtocolError(`Could not parse the pipeline request: ${(error as Error).message}`)
  }
}

function runRequest(stream: Stream, request: Exclude<StreamRequest, { type: 'close' }>): object {
  switch (request.type) {
    case 'execute':
      return { type: 'execute', result: executeStmt(stream, request.stmt) }
    case 'batch':
      return { type: 'batch', result: executeBatch(stream, request.batch.steps) }
    case 'sequence':
      sqlite(() => stream.db.exec(sqlText(stream, request)))
      return { type: 'sequence' }
    case 'store_sql':
      stream.sqls.set(request.sql_id, request.sql)
      return { type: 'store_sql' }
    case 'close_sql':
      stream.sqls.delete(request.sql_id)
      return { type: 'close_sql' }
    case 'get_autocommit':
      return { type: 'get_autocommit', is_autocommit: !stream.db.inTransaction }
    case 'describe':
      throw new HranaError('describe is not implemented by this test server', 'NOT_SUPPORTED')
  }
}

/** Steps run in order; a step whose condition is false is skipped and counts as neither ok nor error. */
function executeBatch(stream: Stream, steps: { condition?: ProtoCond; stmt: ProtoStmt }[]) {
  const outcomes: ('ok' | 'error' | 'skipped')[] = []
  const step_results: (StmtResult | null)[] = []
  const step_errors: ({ message: string; code: string } | null)[] = []
  for (const step of steps) {
    if (step.condition && !holds(step.condition, outcomes, stream.db)) {
      outcomes.push('skipped')
      step_results.push(null)
      step_errors.push(null)
      continue
    }
    try {
      step_results.push(executeStmt(stream, step.stmt))
      step_errors.push(null)
      outcomes.push('ok')
    } catch (error) {
      step_results.push(null)
      step_errors.push(toProtoError(error))
      outcomes.push('error')
    }
  }
  return { step_results, step_errors }
}

function holds(cond: ProtoCond, outcomes: string[], db: Database.Database): boolean {
  switch (cond.type) {
    case 'ok':
    case 'error':
      if (cond.step >= outcomes.length) {
        throw new ProtocolError(`Condition refers to step ${cond.step}, which has not run`)
      }
      return outcomes[cond.step] === cond.type
    case 'not':
      return !holds(cond.cond, outcomes, db)
    case 'and':
      return cond.conds.every((c) => holds(c, outcomes, db))
    case 'or':
      return cond.conds.some((c) => holds(c, outcomes, db))
    case 'is_autocommit':
      return !db.inTransaction
  }
}

// `transaction('read')` sends libSQL's own syntax; plain SQLite would read it as a transaction named
// READONLY and allow writes, so emulate sqld with query_only for the life of the transaction.
const BEGIN_READONLY = /^\s*BEGIN\s+TRANSACTION\s+READONLY\s*;?\s*$/i

function endReadOnly(stream: Stream): void {
  if (stream.readOnly && stream.db.open && !stream.db.inTransaction) {
    stream.db.exec('PRAGMA query_only = OFF')
    stream.readOnly = false
  }
}

function executeStmt(stream: Stream, stmt: ProtoStmt): StmtResult {
  const { db } = stream
  const args = bindArgs(stmt)
  const sql = sqlText(stream, stmt)
  if (BEGIN_READONLY.test(sql)) {
    sqlite(() => db.exec('BEGIN DEFERRED'))
    db.exec('PRAGMA query_only = ON')
    stream.readOnly = true
    return { cols: [], rows: [], affected_row_count: 0, last_insert_rowid: null }
  }
  const prepared = sqlite(() => db.prepare(sql))
  prepared.safeIntegers(true)
  if (!prepared.reader) {
    const info = sqlite(() => prepared.run(args))
    return {
      cols: [],
      rows: [],
      affected_row_count: info.changes,
      last_insert_rowid: String(info.lastInsertRowid),
    }
  }
  // RETURNING statements are readers that also write; total_changes() tells them apart from SELECTs.
  const before = counters(db)
  prepared.raw(true)
  const rows = sqlite(() => prepared.all(args) as SqlValue[][])
  const after = counters(db)
  const wrote = after.total > before.total
  return {
    cols: prepared.columns().map((col) => ({ name: col.name, decltype: col.type })),
    rows: stmt.want_rows === false ? [] : rows.map((row) => row.map(toProtoValue)),
    affected_row_count: wrote ? after.changes : 0,
    last_insert_rowid: wrote ? after.rowid : null,
  }
}

function counters(db: Database.Database): { total: number; changes: number; rowid: string } {
  const row = db
    .prepare('SELECT total_changes(), changes(), last_insert_rowid()')
    .raw(true)
    .get([]) as [number, number, number | bigint]
  return { total: row[0], changes: row[1], rowid: String(row[2]) }
}

function sqlText(stream: Stream, source: { sql?: string; sql_id?: number }): string {
  if (source.sql !== undefined) return source.sql
  const sql = source.sql_id === undefined ? undefined : stream.sqls.get(source.sql_id)
  if (sql === undefined) throw new ProtocolError(`No SQL text stored under id ${source.sql_id}`)
  return sql
}

/** Names arrive as the client wrote them (`id`, `:id`, `$id`); libsql binds them without prefix. */
function bindArgs(stmt: ProtoStmt): SqlValue[] | Record<string, SqlValue> {
  const positional = stmt.args ?? []
  const named = stmt.named_args ?? []
  if (named.length === 0) return positional.map(fromProtoValue)
  if (positional.length > 0) {
    throw new HranaError(
      'Specifying both positional and named arguments is not supported',
      'ARGS_BOTH_POSITIONAL_AND_NAMED',
    )
  }
  return Object.fromEntries(
    named.map(({ name, value }) => [name.replace(/^[:@$]/, ''), fromProtoValue(value)]),
  )
}

function fromProtoValue(value: ProtoValue): SqlValue {
  switch (value.type) {
    case 'null':
      return null
    case 'integer':
      return BigInt(value.value)
    case 'float':
      return value.value
    case 'text':
      return value.value
    case 'blob':
      return Buffer.from(value.base64, 'base64')
  }
}

function toProtoValue(value: SqlValue): ProtoValue {
  if (value === null) return { type: 'null' }
  if (typeof value === 'bigint') return { type: 'integer', value: String(value) }
  if (typeof value === 'number') return { type: 'float', value }
  if (typeof value === 'string') return { type: 'text', value }
  return { type: 'blob', base64: Buffer.from(value).toString('base64') }
}

/** Runs a libsql call, turning its SqliteError into the error sqld would send for it. */
function sqlite<T>(run: () => T): T {
  try {
    return run()
  } catch (error) {
    if (!(error instanceof Database.SqliteError)) throw error
    // sqld reports the primary result code only (hrana/stmt.rs): SQLITE_CONSTRAINT, not _UNIQUE.
    const code = /^SQLITE_[A-Z]+/.exec(error.code)?.[0] ?? 'SQLITE_UNKNOWN'
    throw new HranaError(`SQLite error: ${error.message}`, code)
  }
}

function toProtoError(error: unknown): { message: string; code: string } {
  if (error instanceof HranaError) return { message: error.message, code: error.code }
  throw error
}
