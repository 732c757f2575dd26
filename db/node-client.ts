/** Opens a libSQL database from Node: a `file:` database in WAL mode behind FileClient, anything else as given. */
import { createClient, type Client } from '@libsql/client'
import { mkdir } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import { FileClient } from './file-client'

export interface NodeDatabaseOptions {
  authToken?: string
  /**
   * How long a write waits for another process's lock (a backup, `sqlite3` in a shell, a second
   * server, `npm run db:import`) before the request is answered 503: 5 s by default.
   */
  lockWaitMs?: number
}

/**
 * A lock held for an instant (another server's commit) is waited for inside SQLite, which blocks
 * the thread; anything longer is waited for asleep (db/file-client.ts).
 */
const BUSY_TIMEOUT_MS = 5
const LOCK_WAIT_MS = 5_000

function filePath(url: string): string | null {
  if (!url.startsWith('file:')) return null
  const path = url.slice('file:'.length).split('?')[0] ?? ''
  return path === '' || path === ':memory:' ? null : path
}

export async function openNodeDatabase(
  url: string,
  options: NodeDatabaseOptions = {},
): Promise<Client> {
  const path = filePath(url)
  // An in-memory database lives in one connection of this process: no other process can lock it.
  if (!path) return createClient({ url, authToken: options.authToken })
  await mkdir(dirname(resolve(path)), { recursive: true })
  const client = new FileClient({
    url,
    busyTimeoutMs: BUSY_TIMEOUT_MS,
    lockWaitMs: options.lockWaitMs ?? LOCK_WAIT_MS,
  })
  // WAL: readers never wait for the writer, and a commit is one append to the log. The mode is
  // stored in the file, so every connection and every later process uses it.
  await client.execute('PRAGMA journal_mode = WAL')
  return client
}
