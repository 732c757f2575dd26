/** The drizzle database over a libSQL client — one factory for Node (`@libsql/client`) and Workers (`@libsql/client/web`). */
import type { Client } from '@libsql/client'
import type { LibSQLDatabase } from 'drizzle-orm/libsql'
// The web entry only wraps the client it is given; it works on Node too and keeps native modules out of the Workers bundle.
import { drizzle } from 'drizzle-orm/libsql/web'
import * as schema from './schema'

export type Db = LibSQLDatabase<typeof schema>

/** Wraps an already-created libSQL client; the caller decides which client flavour fits its runtime. */
export function createDb(client: Client): Db {
  return drizzle(client, { schema })
}
