/** The real Hono app over a real seeded libSQL database, talking to a fake recherche-entreprises on 127.0.0.1. */
import { createApp, type App } from '../../api/app'
import { systemClock, type Clock } from '../../api/services/clock'
import { RechercheEntreprises } from '../../api/services/recherche-entreprises'
import type { PrivacySettings } from '../../api/domain/privacy-notice'
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
    /** E-mails queued with each booking change, their tokens sealed with this key. */
    mail?: { sealKey: string }
    allowedReturnOrigins?: readonly string[]
    privacy?: PrivacySettings
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
    ...(options.mail ? { mail: options.mail } : {}),
    ...(options.allowedReturnOrigins ? { allowedReturnOrigins: options.allowedReturnOrigins } : {}),
    ...(options.privacy ? { privacy: options.privacy } : {}),
  })
  return { ...database, app }
}

export async function json<T = Record<string, unknown>>(response: Response): Promise<T> {
  return (await response.json()) as T
}
