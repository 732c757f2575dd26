/** Cloudflare Workers entry: the same app over libSQL/Turso reached by HTTP (`@libsql/client/web`), config from bindings. */
import { createClient } from '@libsql/client/web'
import type { ExecutionContext } from 'hono'
import { createDb, type Db } from '../db/client'
import { createApp, type App } from './app'
import { parseConfig, privacySettingsOf, WorkerConfigSchema, type WorkerConfig } from './env'
import { parseMailbox } from './domain/mailbox'
import { DEFAULT_SERVICE_LEVELS } from './domain/dossier-deadlines'
import type { ReminderSettings } from './services/dossier-reminders'
import { PROBLEM_HEADERS, problemType } from './middleware/problem'
import { PROBLEM_TYPES } from './middleware/problem-types'
import { systemClock } from './services/clock'
import { RechercheEntreprises } from './services/recherche-entreprises'
import { backgroundRound } from './services/background-round'
import { BrevoTransport } from './services/brevo-transport'
import { MailChannel } from './services/mail-channel'
import { OutboxDispatcher } from './services/outbox-dispatcher'
import { WebhookChannel } from './services/webhook-channel'

export interface WorkerBindings {
  DATABASE_URL: string
  DATABASE_AUTH_TOKEN?: string
  PUBLIC_URL: string
  RECHERCHE_ENTREPRISES_URL?: string
  ADMIN_TOKEN?: string
  WEBHOOK_URL?: string
  WEBHOOK_SECRET?: string
  MAIL_FROM?: string
  OUTBOX_SECRET?: string
  BREVO_API_KEY?: string
  BREVO_API_URL?: string
  ALLOWED_RETURN_ORIGINS?: string
  BOOKING_RETENTION_DAYS?: string
  PRIVACY_NOTICE_URL?: string
  PRIVACY_CONTACT?: string
  PRIVACY_NOTICE_FR?: string
  PRIVACY_NOTICE_EN?: string
  DOSSIER_SERVICE_LEVELS?: string
  ASSETS?: { fetch(request: Request): Promise<Response> }
}

interface Deployment {
  app: App
  database: () => Db
  dispatcher: OutboxDispatcher
  retentionDays: number
  /** Dossier reminders, queued by the cron when e-mail is configured. */
  reminders: ReminderSettings | null
}

// Built on the first request (bindings are not available at import) and kept for the isolate's life,
// so the reference catalog, the company cache and the upstream rate limiter outlive one request.
let deployment: Deployment | undefined

function deploymentFor(bindings: WorkerBindings): Deployment {
  if (deployment) return deployment
  const config: WorkerConfig = parseConfig(WorkerConfigSchema, { ...bindings })
  // A web client is a URL and a token: cheap to make for each request.
  const database = () =>
    createDb(createClient({ url: config.DATABASE_URL, authToken: config.DATABASE_AUTH_TOKEN }))
  const log = (message: string) => console.warn(message)
  // E-mail needs Brevo's key; the schema then requires MAIL_FROM and OUTBOX_SECRET.
  const from = config.MAIL_FROM ? parseMailbox(config.MAIL_FROM) : null
  const brevo =
    config.BREVO_API_KEY && from && config.OUTBOX_SECRET
      ? { apiKey: config.BREVO_API_KEY, from, sealKey: config.OUTBOX_SECRET }
      : null
  const dispatcher = new OutboxDispatcher({
    channels: {
      webhook:
        config.WEBHOOK_URL && config.WEBHOOK_SECRET
          ? new WebhookChannel({
              target: { url: config.WEBHOOK_URL, secret: config.WEBHOOK_SECRET },
              clock: systemClock,
            })
          : null,
      email: brevo
        ? new MailChannel({
            transport: new BrevoTransport({ apiKey: brevo.apiKey, baseUrl: config.BREVO_API_URL }),
            from: brevo.from,
            sealKey: brevo.sealKey,
            clock: systemClock,
            log,
          })
        : null,
    },
    clock: systemClock,
    log,
  })
  const privacy = privacySettingsOf(config)
  const app = createApp({
    adminToken: config.ADMIN_TOKEN,
    publicUrl: () => config.PUBLIC_URL,
    database,
    dispatcher,
    ...(brevo ? { mail: { sealKey: brevo.sealKey } } : {}),
    allowedReturnOrigins: config.ALLOWED_RETURN_ORIGINS,
    privacy,
    dossierServiceLevels: config.DOSSIER_SERVICE_LEVELS,
    companies: new RechercheEntreprises({
      baseUrl: config.RECHERCHE_ENTREPRISES_URL,
      clock: systemClock,
    }),
  })
  const levels = { ...DEFAULT_SERVICE_LEVELS, ...config.DOSSIER_SERVICE_LEVELS }
  deployment = {
    app,
    database,
    dispatcher,
    retentionDays: privacy.retentionDays,
    reminders: brevo ? { levels, publicUrl: () => config.PUBLIC_URL } : null,
  }
  return deployment
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
    headers: PROBLEM_HEADERS,
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
      workerApp = deploymentFor(env).app
    } catch (error) {
      return misconfigured(error)
    }
    return workerApp.fetch(request, env as unknown as Record<string, unknown>, ctx)
  },
  /** The cron trigger (wrangler.toml): notifications to retry, old idempotency keys to forget, bookings past retention to erase. */
  scheduled(_controller: unknown, env: WorkerBindings, ctx: ExecutionContext): void {
    let running: Deployment
    try {
      running = deploymentFor(env)
    } catch (error) {
      console.error(error instanceof Error ? error.message : error)
      return
    }
    ctx.waitUntil(
      backgroundRound(running.database(), running.dispatcher, systemClock, {
        retentionDays: running.retentionDays,
        ...(running.reminders ? { dossierReminders: running.reminders } : {}),
      }).then((report) => {
        if (report.failed > 0) console.warn(`outbox: ${report.failed} notification(s) given up`)
      }),
    )
  },
}
