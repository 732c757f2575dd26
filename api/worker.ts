/** Cloudflare Workers entry: the same app over libSQL/Turso reached by HTTP (`@libsql/client/web`), config from bindings. */
import { createClient } from '@libsql/client/web'
import type { ExecutionContext } from 'hono'
import { createDb } from '../db/client'
import { createApp, type App } from './app'
import { ConfigSchema, parseConfig, type Config } from './env'
import { systemClock } from './services/clock'
import { RechercheEntreprises } from './services/recherche-entreprises'

export interface WorkerBindings {
  DATABASE_URL: string
  DATABASE_AUTH_TOKEN?: string
  RECHERCHE_ENTREPRISES_URL?: string
  ADMIN_TOKEN?: string
  ASSETS?: { fetch(request: Request): Promise<Response> }
}

// Built on the first request (bindings are not available at import) and kept for the isolate's life,
// so the reference catalog, the company cache and the upstream rate limiter outlive one request.
let app: App | undefined

function appFor(bindings: WorkerBindings): App {
  if (app) return app
  const config: Config = parseConfig(ConfigSchema, { ...bindings })
  app = createApp({
    // A web client is a URL and a token: cheap to make for each request.
    database: () =>
      createDb(createClient({ url: config.DATABASE_URL, authToken: config.DATABASE_AUTH_TOKEN })),
    companies: new RechercheEntreprises({
      baseUrl: config.RECHERCHE_ENTREPRISES_URL,
      clock: systemClock,
    }),
  })
  return app
}

export default {
  fetch(
    request: Request,
    env: WorkerBindings,
    ctx: ExecutionContext,
  ): Response | Promise<Response> {
    return appFor(env).fetch(request, env as unknown as Record<string, unknown>, ctx)
  },
}
