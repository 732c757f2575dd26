/** createApp(deps): the one Hono app behind both entries (Node and Workers) — middleware, routes, errors. No I/O at import. */
import { Hono, type Context } from 'hono'
import { createMiddleware } from 'hono/factory'
import type { Db } from '../db/client'
import { clientKeyOf } from './domain/client-address'
import type { AppEnv } from './env'
import { notFound, onError } from './middleware/problem'
import { rateLimit } from './middleware/rate-limit'
import {
  BUNDLE_HEADERS,
  COMMON_HEADERS,
  constantHeaders,
  corsPreflight,
  PAGE_CACHE_CONTROL,
  PAGE_HEADERS,
} from './middleware/response-headers'
import { companyRoutes } from './routes/companies'
import { conventionRoutes } from './routes/conventions'
import { healthRoutes } from './routes/health'
import { opcoRoutes } from './routes/opcos'
import { problemRoutes } from './routes/problems'
import { adminRoutes } from './routes/admin'
import { fundingRuleRoutes } from './routes/funding-rules'
import { simulationRoutes } from './routes/simulations'
import { advisorRoutes } from './routes/advisors'
import { bookingRoutes } from './routes/bookings'
import { adminAdvisorRoutes } from './routes/admin-advisors'
import { adminOutboxRoutes } from './routes/admin-outbox'
import { adminAuth } from './middleware/admin-auth'
import { adminMemberRoutes } from './routes/admin-members'
import { authRoutes } from './routes/auth'
import { dossierRoutes } from './routes/dossiers'
import { DEFAULT_SERVICE_LEVELS, type ServiceLevels } from './domain/dossier-deadlines'
import { cancelPageRoutes } from './routes/cancel-page'
import { privacyRoutes } from './routes/privacy'
import { DEFAULT_RETENTION_DAYS, type PrivacySettings } from './domain/privacy-notice'
import type { MailQueueSettings } from './services/booking-notifications'
import { OutboxDispatcher } from './services/outbox-dispatcher'
import { FundingRuleStore } from './services/funding-rule-store'
import { systemClock, type Clock } from './services/clock'
import type { CompanyDirectory } from './services/recherche-entreprises'
import { ReferenceStore } from './services/reference-store'

export interface AppDeps {
  /** The database for this request: Workers bindings arrive per request, so the client is made from them. */
  database: (bindings: AppEnv['Bindings']) => Db
  companies: CompanyDirectory
  clock?: Clock
  /** Who is asking, for per-client limits and Idempotency-Key scopes; defaults to Cloudflare's client IP header. */
  clientKey?: (c: Context) => string
  /** Origin of every absolute link answered (PUBLIC_URL); a function as Node learns its port once listening. */
  publicUrl: () => string
  /** Bearer token of /v1/admin; without one the admin routes answer 401. */
  adminToken?: string
  /** Delivers the outbox (webhooks, e-mails); without one, notifications wait in the outbox. */
  dispatcher?: OutboxDispatcher
  /**
   * E-mails are queued with each booking change when set: the key sealing the manage tokens they
   * carry (OUTBOX_SECRET). The advisor's go by e-mail too when the dispatcher has no webhook.
   */
  mail?: { sealKey: string }
  /** Partner origins a booking's manage link may lead back to (ALLOWED_RETURN_ORIGINS). */
  allowedReturnOrigins?: readonly string[]
  /** The privacy notice and the retention period (GET /v1/privacy). */
  privacy?: PrivacySettings
  /** Ganapati's service levels for dossiers (DOSSIER_SERVICE_LEVELS), over the defaults of db/data. */
  dossierServiceLevels?: Partial<ServiceLevels>
}

/** Without settings: a year's retention, no contact or policy page, the default wording. */
const DEFAULT_PRIVACY: PrivacySettings = {
  retentionDays: DEFAULT_RETENTION_DAYS,
  contact: null,
  policyUrl: null,
  text: {},
}

/**
 * Company lookups per client: a burst of 20, then one every 2 s on average. A visitor typing a
 * name (debounced) stays far below; a script looping over SIRETs does not.
 */
const COMPANY_LOOKUPS_PER_CLIENT = { capacity: 20, refillPerSecond: 0.5 }

/**
 * Bookings per client: a burst of 20, then one every 30 s. A visitor books one call, maybe cancels
 * and books another; a script filling an advisor's week is stopped.
 */
const BOOKINGS_PER_CLIENT = { capacity: 20, refillPerSecond: 1 / 30 }

/**
 * Slot lists per client: a burst of 60, then one a second. The picker asks once per two weeks
 * shown and again after a slot is taken, so a visitor paging through months stays far below; a
 * script is held to one list a second, a few milliseconds of work even for a dense month.
 */
const SLOT_LISTS_PER_CLIENT = { capacity: 60, refillPerSecond: 1 }

/**
 * Sign-in links per client: 5, then one a minute. A member who lost an e-mail asks again once or
 * twice; a script cannot flood inboxes through us.
 */
const SIGN_IN_LINKS_PER_CLIENT = { capacity: 5, refillPerSecond: 1 / 60 }

// Cloudflare sets the header itself (a client's own is replaced); an IPv6 client counts by its /64.
const cloudflareClientIp = (c: Context) =>
  clientKeyOf(c.req.header('cf-connecting-ip') ?? 'unknown')

const API_PREFLIGHT = {
  methods: ['GET', 'HEAD', 'POST', 'DELETE', 'OPTIONS'],
  // Authorization: the dossier tracker's bearer session (no cookie crosses origins).
  allowHeaders: ['Content-Type', 'Idempotency-Key', 'Authorization'],
  maxAgeSeconds: 86400,
}

export function createApp(deps: AppDeps) {
  const clock = deps.clock ?? systemClock
  const reference = new ReferenceStore(clock)
  const fundingRules = new FundingRuleStore(clock)
  const dispatcher = deps.dispatcher ?? new OutboxDispatcher({ channels: {}, clock })
  const privacy = deps.privacy ?? DEFAULT_PRIVACY
  const mail: MailQueueSettings | null = deps.mail
    ? {
        sealKey: deps.mail.sealKey,
        advisorByEmail: !dispatcher.delivers('webhook'),
        privacyUrl: privacy.policyUrl,
      }
    : null
  const app = new Hono<AppEnv>()

  // JSON answers of /v1 carry their headers themselves (routes/json-response.ts, problem.ts).
  const pageHeaders = constantHeaders({
    ...COMMON_HEADERS,
    ...PAGE_HEADERS,
    'Cache-Control': PAGE_CACHE_CONTROL,
  })
  app.use(async (c, next) => (c.req.path.startsWith('/v1/') ? next() : pageHeaders(c, next)))
  app.use('/v1/*', corsPreflight(API_PREFLIGHT))
  const clientKey = deps.clientKey ?? cloudflareClientIp
  app.use(
    '/v1/companies/*',
    rateLimit({
      rule: COMPANY_LOOKUPS_PER_CLIENT,
      clock,
      clientKey,
      refusal: (seconds) =>
        `Trop de recherches d’entreprises depuis votre connexion\u00a0: réessayez dans ${seconds}\u00a0s, ou cherchez par numéro IDCC.`,
    }),
  )
  const bookingLimit = rateLimit({
    rule: BOOKINGS_PER_CLIENT,
    clock,
    clientKey,
    refusal: (seconds) =>
      `Trop de réservations depuis votre connexion\u00a0: réessayez dans ${seconds}\u00a0s, ou écrivez-nous.`,
  })
  // '/v1/bookings/*' matches '/v1/bookings' itself too: one pattern, one token per request.
  app.on('POST', ['/v1/bookings/*', '/bookings/*'], bookingLimit)
  app.on(
    'GET',
    '/v1/advisors/:id/slots',
    rateLimit({
      rule: SLOT_LISTS_PER_CLIENT,
      clock,
      clientKey,
      refusal: (seconds) =>
        `Trop de demandes de créneaux depuis votre connexion\u00a0: réessayez dans ${seconds}\u00a0s.`,
    }),
  )
  app.on(
    'POST',
    '/v1/auth/links',
    rateLimit({
      rule: SIGN_IN_LINKS_PER_CLIENT,
      clock,
      clientKey,
      refusal: (seconds) =>
        `Trop de demandes de lien de connexion depuis votre connexion\u00a0: réessayez dans ${seconds}\u00a0s.`,
    }),
  )
  // The one place a key's scope is written: a key replays only for the client that sent it, as the
  // first answer holds a manage token. A partner id joins the scope once partners authenticate.
  const idempotencyScope = (c: Context) => `client ${clientKey(c)}`
  app.use('/widgets/*', constantHeaders(BUNDLE_HEADERS))
  const withDatabase = createMiddleware<AppEnv>(async (c, next) => {
    const db = deps.database(c.env)
    c.set('db', db)
    c.set('catalog', () => reference.catalog(db))
    await next()
  })
  app.use('/v1/*', withDatabase)
  app.use('/bookings/*', withDatabase)

  app.route('/health', healthRoutes({ database: deps.database, clock }))
  app.route('/problems', problemRoutes)
  app.route('/v1/opcos', opcoRoutes)
  app.route('/v1/conventions', conventionRoutes)
  app.route('/v1/companies', companyRoutes(deps.companies))
  app.route('/v1/funding-rules', fundingRuleRoutes(fundingRules, clock))
  app.route('/v1/simulations', simulationRoutes(fundingRules))
  app.route('/v1/advisors', advisorRoutes(clock))
  app.route('/v1/privacy', privacyRoutes(privacy))
  const allowedReturnOrigins = deps.allowedReturnOrigins ?? []
  app.route(
    '/v1/bookings',
    bookingRoutes({
      clock,
      dispatcher,
      publicUrl: deps.publicUrl,
      allowedReturnOrigins,
      mail,
      idempotencyScope,
    }),
  )
  app.route(
    '/v1/auth',
    authRoutes({
      clock,
      dispatcher,
      publicUrl: deps.publicUrl,
      allowedReturnOrigins,
      sealKey: deps.mail?.sealKey ?? null,
    }),
  )
  app.route(
    '/v1/dossiers',
    dossierRoutes({
      clock,
      dispatcher,
      companies: deps.companies,
      publicUrl: deps.publicUrl,
      allowedReturnOrigins,
      sealKey: deps.mail?.sealKey ?? null,
      levels: { ...DEFAULT_SERVICE_LEVELS, ...deps.dossierServiceLevels },
    }),
  )
  app.route('/bookings', cancelPageRoutes({ clock, dispatcher, publicUrl: deps.publicUrl, mail }))
  app.use('/v1/admin/*', adminAuth(deps.adminToken))
  app.route('/v1/admin', adminRoutes({ store: fundingRules, clock }))
  app.route('/v1/admin', adminAdvisorRoutes(clock))
  app.route('/v1/admin', adminOutboxRoutes(clock))
  app.route('/v1/admin', adminMemberRoutes(clock))

  app.onError(onError)
  app.notFound(notFound)
  return app
}

export type App = ReturnType<typeof createApp>
