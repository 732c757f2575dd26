/** /v1/admin/outbox — the notifications (webhooks, e-mails) waiting, delivered, given up or withdrawn, and a retry for those given up. */
import { Hono } from 'hono'
import { z } from 'zod'
import {
  listNotifications,
  OUTBOX_STATES,
  retryNotification,
  type OutboxRow,
} from '../../db/outbox'
import type { AppEnv } from '../env'
import { ProblemError } from '../middleware/problem'
import { validate } from '../middleware/validate'
import type { Clock } from '../services/clock'
import { jsonResponse, NO_STORE_HEADERS } from './json-response'

const OutboxQuery = z.strictObject({
  state: z
    .enum(OUTBOX_STATES, { message: 'pending, delivered, failed ou withdrawn.' })
    .default('failed'),
})
const NotificationParam = z.object({ id: z.uuid({ message: 'Un identifiant de notification.' }) })

/** Newest first; older ones stay in the table. */
const LIST_LIMIT = 100

/** A row as an admin sees it: the payload readable, the sealed manage token not even as ciphertext. */
function entryOf(row: OutboxRow) {
  const { sealedToken: _sealed, ...rest } = row
  return { ...rest, payload: JSON.parse(row.payload) as unknown }
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
