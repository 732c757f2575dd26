/** createApp(deps): the one Hono app behind both entries (Node and Workers) — middleware, routes, errors. No I/O at import. */
import { Hono } from 'hono'
import type { Db } from '../db/client'
import type { AppEnv } from './env'
import { notFound, onError } from './middleware/problem'
import {
  COMMON_HEADERS,
  constantHeaders,
  corsPreflight,
  PAGE_HEADERS,
} from './middleware/response-headers'
import { companyRoutes } from './routes/companies'
import { conventionRoutes } from './routes/conventions'
import { health } from './routes/health'
import { opcoRoutes } from './routes/opcos'
import { systemClock, type Clock } from './services/clock'
import type { CompanyDirectory } from './services/recherche-entreprises'
import { ReferenceStore } from './services/reference-store'

export interface AppDeps {
  /** The database for this request: Workers bindings arrive per request, so the client is made from them. */
  database: (bindings: AppEnv['Bindings']) => Db
  companies: CompanyDirectory
  clock?: Clock
}

const API_PREFLIGHT = {
  methods: ['GET', 'HEAD', 'OPTIONS'],
  allowHeaders: ['Content-Type'],
  maxAgeSeconds: 86400,
}

export function createApp(deps: AppDeps) {
  const reference = new ReferenceStore(deps.clock ?? systemClock)
  const app = new Hono<AppEnv>()

  // JSON answers of /v1 carry their headers themselves (routes/json-response.ts, problem.ts).
  const pageHeaders = constantHeaders({ ...COMMON_HEADERS, ...PAGE_HEADERS })
  app.use(async (c, next) => (c.req.path.startsWith('/v1/') ? next() : pageHeaders(c, next)))
  app.use('/v1/*', corsPreflight(API_PREFLIGHT))
  // Partner pages load the bundle cross-origin as a module script, which requires CORS.
  app.use('/widgets/*', constantHeaders({ 'Access-Control-Allow-Origin': '*' }))
  app.use('/v1/*', async (c, next) => {
    const db = deps.database(c.env)
    c.set('db', db)
    c.set('catalog', () => reference.catalog(db))
    await next()
  })

  app.route('/health', health)
  app.route('/v1/opcos', opcoRoutes)
  app.route('/v1/conventions', conventionRoutes)
  app.route('/v1/companies', companyRoutes(deps.companies))

  app.onError(onError)
  app.notFound(notFound)
  return app
}

export type App = ReturnType<typeof createApp>
