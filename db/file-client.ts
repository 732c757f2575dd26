/**
 * A libSQL client for a `file:` database that loses nothing to another process's lock: a write
 * waits for the lock without blocking the event loop, and a connection that saw an error is never
 * used again.
 *
 * Why a wrapper: with @libsql/client 0.18 and libsql 0.5.29, a statement that fails (SQLITE_BUSY
 * while a backup, `sqlite3` in a shell or a second server holds the write lock) is never reset. Its
 * connection stays inside an implicit transaction: the next batch on it fails at COMMIT, and that
 * batch's ROLLBACK discards writes the connection had already reported as done
 * (libsql-client-ts issue 352; the fix, libsql-js PR 237, is not released). So each failure retires
 * the client that saw it — its connections are closed once its other operations end — and the
 * next operation opens a fresh one. The wrapper can go when a released libsql resets failed
 * statements and test/db/file-client.test.ts passes on the bare client.
 */
import {
  createClient,
  type Client,
  type InArgs,
  type InStatement,
  type ResultSet,
  type Transaction,
  type TransactionMode,
} from '@libsql/client'
import { isDatabaseBusy } from './database-busy'

export interface FileClientOptions {
  /** A `file:` URL (not `:memory:`, which a fresh client could not reopen). */
  url: string
  /**
   * How long SQLite waits for a lock on each connection before answering SQLITE_BUSY. It blocks
   * the thread, so it is kept short; longer locks are waited for by `lockWaitMs`.
   */
  busyTimeoutMs: number
  /** How long an operation retries a locked database, asleep between tries, before failing. */
  lockWaitMs: number
}

/** One client and the operations still running on it. */
interface Generation {
  client: Client
  inFlight: number
  retired: boolean
}

/** First pause between tries on a locked database; it doubles up to MAX_PAUSE_MS. */
const FIRST_PAUSE_MS = 10
const MAX_PAUSE_MS = 250

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

export class FileClient implements Client {
  readonly #options: FileClientOptions
  #current: Generation | null = null
  closed = false
  readonly protocol = 'file'

  constructor(options: FileClientOptions) {
    this.#options = options
    // Opened now so that a bad path fails at boot, not at the first request.
    this.#generation()
  }

  execute(stmt: InStatement): Promise<ResultSet>
  execute(sql: string, args?: InArgs): Promise<ResultSet>
  execute(stmtOrSql: InStatement | string, args?: InArgs): Promise<ResultSet> {
    return this.#run(
      (client) =>
        typeof stmtOrSql === 'string' ? client.execute(stmtOrSql, args) : client.execute(stmtOrSql),
      // One statement that failed on the lock wrote nothing: trying it again is safe.
      true,
    )
  }

  batch(
    stmts: Array<InStatement | [string, InArgs?]>,
    mode?: TransactionMode,
  ): Promise<ResultSet[]> {
    // A batch is one transaction: a failed one was rolled back whole, so it can run again.
    return this.#run((client) => client.batch(stmts, mode), true)
  }

  migrate(stmts: InStatement[]): Promise<ResultSet[]> {
    return this.#run((client) => client.migrate(stmts), true)
  }

  executeMultiple(sql: string): Promise<void> {
    // Statements run one by one outside a transaction: some may have been applied, never retried.
    return this.#run((client) => client.executeMultiple(sql), false)
  }

  async transaction(mode?: TransactionMode): Promise<Transaction> {
    const generation = this.#generation()
    generation.inFlight++
    let inner: Transaction
    try {
      inner = await generation.client.transaction(mode)
    } catch (error) {
      this.#release(generation, true)
      throw error
    }
    return new GuardedTransaction(inner, (failed) => this.#release(generation, failed))
  }

  async sync(): Promise<never> {
    throw new Error('A local file database has no remote to sync with.')
  }

  reconnect(): void {
    if (this.#current) this.#retire(this.#current)
  }

  close(): void {
    this.closed = true
    if (this.#current) this.#retire(this.#current)
  }

  async #run<T>(operation: (client: Client) => Promise<T>, retryWhenBusy: boolean): Promise<T> {
    const deadline = Date.now() + this.#options.lockWaitMs
    for (let pause = FIRST_PAUSE_MS; ; pause = Math.min(pause * 2, MAX_PAUSE_MS)) {
      const generation = this.#generation()
      generation.inFlight++
      let failed = true
      try {
        const result = await operation(generation.client)
        failed = false
        return result
      } catch (error) {
        if (!retryWhenBusy || !isDatabaseBusy(error) || Date.now() + pause > deadline) throw error
      } finally {
        this.#release(generation, failed)
      }
      // Jittered, so two servers waiting on one file do not retry in step.
      await sleep(pause / 2 + Math.random() * pause)
    }
  }

  #generation(): Generation {
    if (this.closed) throw new Error('The database client is closed.')
    this.#current ??= {
      client: createClient({ url: this.#options.url, timeout: this.#options.busyTimeoutMs }),
      inFlight: 0,
      retired: false,
    }
    return this.#current
  }

  /** Ends one operation on `generation`; one that failed retires the generation. */
  #release(generation: Generation, failed: boolean): void {
    generation.inFlight--
    if (failed) this.#retire(generation)
    else if (generation.retired && generation.inFlight === 0) generation.client.close()
  }

  /** No new operation goes to `generation`; it is closed once its last one ends. */
  #retire(generation: Generation): void {
    if (!generation.retired) {
      generation.retired = true
      if (this.#current === generation) this.#current = null
    }
    if (generation.inFlight === 0) generation.client.close()
  }
}

/** A transaction that reports, once, whether it ended cleanly, so a failed one retires its client. */
class GuardedTransaction implements Transaction {
  readonly #inner: Transaction
  #settle: ((failed: boolean) => void) | null
  #failed = false

  constructor(inner: Transaction, settle: (failed: boolean) => void) {
    this.#inner = inner
    this.#settle = settle
  }

  get closed(): boolean {
    return this.#inner.closed
  }

  execute(stmt: InStatement): Promise<ResultSet> {
    return this.#watch(() => this.#inner.execute(stmt))
  }

  batch(stmts: InStatement[]): Promise<ResultSet[]> {
    return this.#watch(() => this.#inner.batch(stmts))
  }

  executeMultiple(sql: string): Promise<void> {
    return this.#watch(() => this.#inner.executeMultiple(sql))
  }

  async commit(): Promise<void> {
    try {
      await this.#watch(() => this.#inner.commit())
    } finally {
      this.#end()
    }
  }

  async rollback(): Promise<void> {
    try {
      await this.#watch(() => this.#inner.rollback())
    } finally {
      this.#end()
    }
  }

  close(): void {
    try {
      this.#inner.close()
    } catch (error) {
      this.#failed = true
      throw error
    } finally {
      this.#end()
    }
  }

  async #watch<T>(step: () => Promise<T>): Promise<T> {
    try {
      return await step()
    } catch (error) {
      this.#failed = true
      throw error
    }
  }

  #end(): void {
    const settle = this.#settle
    this.#settle = null
    settle?.(this.#failed)
  }
}
