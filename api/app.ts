/** createApp(deps): the one Hono app behind both entries (Node and Workers) — middleware, routes, errors. No I/O at import. */
import { Hono } from 'hono'
import { cors } from 'hono/cors'
import { secureHeaders } from 'hono/secure-headers'
import type { Db } from '../db/client'
import type { AppEnv } from './env'
import { notFound, onError } from './middleware/problem'
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

/** What a partner page may load: the widget bundle is fetched cross-origin as a module script. */
const PAGE_CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
}

export function createApp(deps: AppDeps) {
  const reference = new ReferenceStore(deps.clock ?? systemClock)
  const app = new Hono<AppEnv>()

  app.use(
    secureHeaders({
      contentSecurityPolicy: PAGE_CSP,
      // Partners load /widgets/ganapati.js and call /v1 from their own origins.
      crossOriginResourcePolicy: 'cross-origin',
      crossOriginEmbedderPolicy: false,
      crossOriginOpenerPolicy: false,
    }),
  )
  app.use('/v1/*', cors({ origin: '*', allowMethods: ['GET', 'HEAD', 'OPTIONS'], exposeHeaders: ['Retry-After'], maxAge: 86400 }))
  app.use('/widgets/*', cors({ origin: '*', allowMethods: ['GET', 'HEAD', 'OPTIONS'] }))
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
