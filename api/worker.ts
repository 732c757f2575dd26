/** Cloudflare Workers entry: the same app over libSQL/Turso reached by HTTP (`@libsql/client/web`), config from bindings. */
import { createClient } from '@libsql/client/web'
import type { ExecutionContext } from 'hono'
import { createDb } from '../db/client'
import { createApp, type App } from './app'
import { ConfigSchema, parseConfig, type Config } from './env'
import { PROBLEM_CONTENT_TYPE, problemType } from './middleware/problem'
import { PROBLEM_TYPES } from './middleware/problem-types'
import { API_HEADERS } from './middleware/response-headers'
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
    adminToken: config.ADMIN_TOKEN,
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

/** A deployment with bad bindings answers a problem, never an exception page; the details go to the log. */
function misconfigured(error: unknown): Response {
  console.error(error instanceof Error ? error.message : error)
  const { status, title } = PROBLEM_TYPES.misconfigured
  const body = {
    type: problemType('misconfigured'),
    title,
    status,
    detail: 'Le service est mal configuré. Réessayez plus tard.',
  }
  return new Response(JSON.stringify(body), {
    status,
    headers: { ...API_HEADERS, 'Content-Type': PROBLEM_CONTENT_TYPE },
  })
}

export default {
  fetch(
    request: Request,
    env: WorkerBindings,
    ctx: ExecutionContext,
  ): Response | Promise<Response> {
    let workerApp: App
    try {
      workerApp = appFor(env)
    } catch (error) {
      return misconfigured(error)
    }
    return workerApp.fetch(request, env as unknown as Record<string, unknown>, ctx)
  },
}
