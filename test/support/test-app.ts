/** The real Hono app over a real seeded libSQL database, talking to a fake recherche-entreprises on 127.0.0.1. */
import { createApp, type App } from '../../api/app'
import { systemClock, type Clock } from '../../api/services/clock'
import { RechercheEntreprises } from '../../api/services/recherche-entreprises'
import type { OutboxDispatcher } from '../../api/services/outbox-dispatcher'
import { createTestDatabase, type TestDatabase } from './test-database'

export interface TestApp extends TestDatabase {
  app: App
}

export async function createTestApp(
  options: {
    rechercheEntreprisesUrl?: string
    clock?: Clock
    timeoutMs?: number
    adminToken?: string
    dispatcher?: OutboxDispatcher
    publicUrl?: string
  } = {},
): Promise<TestApp> {
  const database = await createTestDatabase()
  const clock = options.clock ?? systemClock
  const app = createApp({
    database: () => database.db,
    // Nothing listens on port 9 (discard): a test that forgets the fake gets a clean 502, not the real API.
    companies: new RechercheEntreprises({
      baseUrl: options.rechercheEntreprisesUrl ?? 'http://127.0.0.1:9',
      clock,
      ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    }),
    clock,
    adminToken: options.adminToken,
    publicUrl: () => options.publicUrl ?? 'http://localhost',
    ...(options.dispatcher ? { dispatcher: options.dispatcher } : {}),
  })
  return { ...database, app }
}

export async function json<T = Record<string, unknown>>(response: Response): Promise<T> {
  return (await response.json()) as T
}
