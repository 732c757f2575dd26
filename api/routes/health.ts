/**
 * GET /health: liveness, answered without touching anything. GET /health/ready: readiness, proved
 * by a committed write and a read of the database within READY_WITHIN_MS, 503 otherwise.
 */
import { Hono } from 'hono'
import type { Db } from '../../db/client'
import { writeAndReadBack } from '../../db/health-checks'
import type { AppEnv } from '../env'
import { ProblemError } from '../middleware/problem'
import type { Clock } from '../services/clock'
import { jsonResponse, NO_STORE_HEADERS } from './json-response'

/** A load balancer's probe gives up after a few seconds; answer before it does. */
const READY_WITHIN_MS = 2_000
const NOT_READY_RETRY_SECONDS = 5

const LIVE = JSON.stringify({ status: 'ok' })

export function healthRoutes(options: {
  database: (bindings: AppEnv['Bindings']) => Db
  clock: Clock
}) {
  return new Hono<AppEnv>()
    .get('/', () => jsonResponse(LIVE, NO_STORE_HEADERS))
    .get('/ready', async (c) => {
      const at = new Date(options.clock.now()).toISOString()
      let timer: ReturnType<typeof setTimeout> | undefined
      const late = new Promise<'late'>((resolve) => {
        timer = setTimeout(() => resolve('late'), READY_WITHIN_MS)
      })
      const outcome = await Promise.race([
        writeAndReadBack(options.database(c.env), at).catch((error: unknown) => error),
        late,
      ]).finally(() => clearTimeout(timer))
      if (outcome === true) {
        return jsonResponse(
          JSON.stringify({ status: 'ready', database: 'writable', checkedAt: at }),
          NO_STORE_HEADERS,
        )
      }
      const why =
        outcome === 'late'
          ? `la base de données n’a pas répondu en ${READY_WITHIN_MS / 1000} s (verrou tenu par un autre processus ?)`
          : outcome === false
            ? 'la base de données n’a pas relu ce qu’elle venait d’écrire'
            : 'la base de données a refusé l’écriture de contrôle'
      if (outcome !== 'late' && outcome !== false) console.error(outcome)
      throw new ProblemError('not-ready', `Le service n’est pas prêt : ${why}.`, {
        headers: { 'Retry-After': String(NOT_READY_RETRY_SECONDS) },
      })
    })
}
