/**
 * Queries built once per database: drizzle's query building costs about twice what SQLite takes to
 * run these small indexed reads, and the slot list makes three of them per request.
 */
import type { Db } from './client'

export function preparedOnce<Query>(build: (db: Db) => Query): (db: Db) => Query {
  const built = new WeakMap<Db, Query>()
  return (db) => {
    let query = built.get(db)
    if (!query) {
      query = build(db)
      built.set(db, query)
    }
    return query
  }
}
