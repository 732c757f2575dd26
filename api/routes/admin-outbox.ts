/** /v1/admin/outbox — the advisor notifications waiting, delivered or given up, and a retry for the last. */
import { Hono } from 'hono'
import { z } from 'zod'
import { listNotifications, retryNotification, type OutboxRow } from '../../db/outbox'
import type { AppEnv } from '../env'
import { ProblemError } from '../middleware/problem'
import { validate } from '../middleware/validate'
import type { Clock } from '../services/clock'
import { jsonResponse, NO_STORE_HEADERS } from './json-response'

const OutboxQuery = z.strictObject({
  state: z
    .enum(['pending', 'delivered', 'failed'], { message: 'pending, delivered ou failed.' })
    .default('failed'),
})
const NotificationParam = z.object({ id: z.uuid({ message: 'Un identifiant de notification.' }) })

/** Newest first; older ones stay in the table. */
const LIST_LIMIT = 100

function entryOf(row: OutboxRow) {
  return { ...row, payload: JSON.parse(row.payload) as unknown }
}

export function adminOutboxRoutes(clock: Clock) {
  return new Hono<AppEnv>()
    .get('/outbox', validate('query', OutboxQuery), async (c) => {
      const { state } = c.req.valid('query')
      const rows = await listNotifications(c.var.db, state, LIST_LIMIT)
      return jsonResponse(JSON.stringify({ state, items: rows.map(entryOf) }), NO_STORE_HEADERS)
    })
    .post('/outbox/:id/retry', validate('param', NotificationParam), async (c) => {
      const { id } = c.req.valid('param')
      const at = new Date(clock.now()).toISOString()
      if (!(await retryNotification(c.var.db, id, at))) {
        throw new ProblemError('not-found', 'Aucune notification abandonnée avec cet identifiant.')
      }
      return jsonResponse(
        JSON.stringify({ id, state: 'pending', nextAttemptAt: at }),
        NO_STORE_HEADERS,
      )
    })
}
