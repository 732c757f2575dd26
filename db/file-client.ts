/**
 * A libSQL client for a `file:` database that loses nothing to another process's lock: a write
 * waits for the lock without holding up the event loop, and a connection that saw an error is
 * never used again.
 *
 * Why a wrapper: with @libsql/client 0.18 and libsql 0.5.29, a statement that fails (SQLITE_BUSY
 * while a backup, `sqlite3` in a shell or a second server holds the write lock) is never reset. Its
 * connection stays inside an implicit transaction: the next batch on it fails at COMMIT, and that
 * batch's ROLLBACK discards writes the connection had already reported as done
 * (libsql-client-ts issue 352; the fix, libsql-js PR 237, is not released). So:
 * - one operation runs at a time (libsql runs each one synchronously anyway), so none can borrow a
 *   connection between another's failure and the retirement of its client;
 * - each failure retires the client that saw it, and the next operation opens a fresh one;
 * - a write refused by the lock waits asleep, all refused ones behind one shared pause, so a long
 *   lock costs the event loop one short try per pause, not one per waiting request; reads, which
 *   WAL never makes wait, go on meanwhile.
 * The wrapper can go when a released libsql resets failed statements and
 * test/db/file-client.test.ts passes on the bare client.
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
   * the thread, so it only covers a lock held for an instant (another server's commit); longer
   * ones are waited for asleep, up to `lockWaitMs`.
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

/** First pause after the lock refused a try; it doubles up to MAX_PAUSE_MS while the lock holds. */
const FIRST_PAUSE_MS = 10
const MAX_PAUSE_MS = 250

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/** A statement that only reads: WAL lets it run while another process holds the write lock. */
const READ_ONLY = /^\s*(select|pragma\s+\w+\s*;?\s*$)/i

export class FileClient implements Client {
  readonly #options: FileClientOptions
  #current: Generation | null = null
  /** The end of the last operation: the next one starts after it (see the module comment). */
  #queue: Promise<unknown> = Promise.resolve()
  /** While the lock refuses writes: when the next try may run, and how long the pause after it. */
  #pausedUntil = 0
  #pause = FIRST_PAUSE_MS
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
    const sql = typeof stmtOrSql === 'string' ? stmtOrSql : stmtOrSql.sql
    return this.#run(
      (client) =>
        typeof stmtOrSql === 'string' ? client.execute(stmtOrSql, args) : client.execute(stmtOrSql),
      // One statement that failed on the lock wrote nothing: trying it again is safe.
      { writes: !READ_ONLY.test(sql), retryWhenBusy: true },
    )
  }

  batch(
    stmts: Array<InStatement | [string, InArgs?]>,
    mode?: TransactionMode,
  ): Promise<ResultSet[]> {
    // A batch is one transaction: a failed one was rolled back whole, so it can run again.
    return this.#run((client) => client.batch(stmts, mode), {
      writes: mode !== 'read',
      retryWhenBusy: true,
    })
  }

  migrate(stmts: InStatement[]): Promise<ResultSet[]> {
    return this.#run((client) => client.migrate(stmts), { writes: true, retryWhenBusy: true })
  }

  executeMultiple(sql: string): Promise<void> {
    // Statements run one by one outside a transaction: some may have been applied, never retried.
    return this.#run((client) => client.executeMultiple(sql), {
      writes: true,
      retryWhenBusy: false,
    })
  }

  /**
   * An interactive transaction holds the turn until it ends: nothing else runs meanwhile, as
   * SQLite would not let another write in anyway. (The app itself writes with batches.)
   */
  async transaction(mode?: TransactionMode): Promise<Transaction> {
    let endTurn!: () => void
    const turnEnded = new Promise<void>((resolve) => (endTurn = resolve))
    const previous = this.#queue
    this.#queue = previous.then(() => turnEnded)
    await previous
    const generation = this.#generation()
    generation.inFlight++
    let inner: Transaction
    try {
      inner = await generation.client.transaction(mode)
    } catch (error) {
      this.#release(generation, true)
      endTurn()
      throw error
    }
    return new GuardedTransaction(inner, (failed) => {
      this.#release(generation, failed)
      endTurn()
    })
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

  async #run<T>(
    operation: (client: Client) => Promise<T>,
    kind: { writes: boolean; retryWhenBusy: boolean },
  ): Promise<T> {
    const deadline = Date.now() + this.#options.lockWaitMs
    /** The lock's last refusal of this operation. */
    let refusal: unknown = null
    /** The wait is over: one try whatever the pause says, and its refusal is the answer. */
    let lastTry = false
    // A write, or anything the lock refused once, waits for the shared pause instead of trying.
    const waitsForPause = () => !lastTry && (kind.writes || refusal !== null)
    for (;;) {
      if (waitsForPause()) {
        const waitMs = Math.max(0, this.#pausedUntil - Date.now())
        // A pause that outlasts the wait still leaves this operation one try at its deadline:
        // the lock may be gone by then, and an operation never fails without having tried.
        if (Date.now() + waitMs >= deadline) lastTry = true
        await sleep(lastTry ? Math.max(0, deadline - Date.now()) : waitMs)
      }
      const outcome = await this.#inTurn(async (): Promise<{ value: T } | null> => {
        // Another operation was refused meanwhile: the lock still holds, no try now.
        if (waitsForPause() && this.#pausedUntil > Date.now()) return null
        const generation = this.#generation()
        generation.inFlight++
        let failed = true
        try {
          const value = await operation(generation.client)
          failed = false
          this.#pausedUntil = 0
          this.#pause = FIRST_PAUSE_MS
          return { value }
        } catch (error) {
          if (!kind.retryWhenBusy || !isDatabaseBusy(error)) throw error
          refusal = error
          if (this.#pausedUntil <= Date.now()) {
            // Jittered, so two servers waiting on one file do not retry in step.
            this.#pausedUntil = Date.now() + this.#pause / 2 + Math.random() * this.#pause
            this.#pause = Math.min(this.#pause * 2, MAX_PAUSE_MS)
          }
          return null
        } finally {
          this.#release(generation, failed)
        }
      })
      if (outcome) return outcome.value
      if (lastTry) throw refusal
    }
  }

  /** Runs `work` once every operation queued before it has ended. */
  #inTurn<T>(work: () => Promise<T>): Promise<T> {
    const turn = this.#queue.then(work)
    this.#queue = turn.catch(() => undefined)
    return turn
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
