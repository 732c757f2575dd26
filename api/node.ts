/** Node entry (the embedded default): libSQL file database migrated and seeded on start, the API, the widget bundle and the demo page. */
import { getConnInfo } from '@hono/node-server/conninfo'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { createDb } from '../db/client'
import { migrateDatabase } from '../db/migrate'
import { openNodeDatabase } from '../db/node-client'
import { seedReferenceData } from '../db/seed'
import { seedFundingRules } from '../db/seed-funding-rules'
import { seedAdvisors } from '../db/seed-advisors'
import { createApp } from './app'
import { createNodeServer } from './services/node-server'
import { addressKey, clientAddress, type Cidr } from './domain/client-address'
import {
  DEFAULT_RECHERCHE_ENTREPRISES_URL,
  NodeConfigSchema,
  parseConfig,
  privacySettingsOf,
} from './env'
import { parseMailbox } from './domain/mailbox'
import { DEFAULT_SERVICE_LEVELS, type ServiceLevels } from './domain/dossier-deadlines'
import { DEFAULT_RETENTION_DAYS, type PrivacySettings } from './domain/privacy-notice'
import { systemClock } from './services/clock'
import { RechercheEntreprises } from './services/recherche-entreprises'
import { staticFiles } from './services/static-files'
import { backgroundRound } from './services/background-round'
import { DEFAULT_MAIL_DIR, EmlTransport } from './services/eml-transport'
import { MailChannel } from './services/mail-channel'
import type { MailTransport } from './services/mail-transport'
import { OutboxDispatcher } from './services/outbox-dispatcher'
import { randomToken } from './services/secrets'
import { SmtpTransport } from './services/smtp-transport'
import { WebhookChannel, type WebhookTarget } from './services/webhook-channel'

/** Built by `npm run build` (widgets/build.ts): the bundle under /widgets and the demo page at /. */
export const PUBLIC_DIR = fileURLToPath(new URL('../.build/public', import.meta.url))

const BACKGROUND_EVERY_MS = 15_000

/** The sender of the .eml files when MAIL_FROM is not set: they are never sent. */
const DEMO_MAIL_FROM = 'Ganapati <rendez-vous@ganapati.example>'

/** How e-mails leave: an SMTP server, or .eml files in a folder. */
export interface MailOptions {
  /** SMTP_URL; unset, each e-mail is written to `dir` instead. */
  smtpUrl?: string
  /** Where the .eml files go: `outbox-mail` beside a file database, .data/outbox-mail otherwise. */
  dir?: string
  /** MAIL_FROM. */
  from?: string
  /** OUTBOX_SECRET; unset, a random key for this process. */
  secret?: string
}

/** Hosts only this machine reaches: links on them are fine for a developer, wrong for anyone else. */
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '::1'])

export interface ServerOptions {
  port?: number
  hostname?: string
  databaseUrl?: string
  databaseAuthToken?: string
  /** How long a write waits for another process's lock before a 503: 5 s by default. */
  databaseLockWaitMs?: number
  rechercheEntreprisesUrl?: string
  adminToken?: string
  /** Origin of the links answered (PUBLIC_URL); the listening origin by default. */
  publicUrl?: string
  /** Proxies whose X-Forwarded-For names the client (TRUSTED_PROXIES); none by default. */
  trustedProxies?: readonly Cidr[]
  /** Where advisors' notifications are POSTed, signed with the secret. */
  webhook?: WebhookTarget
  /** E-mails to visitors (and advisors without a webhook); none when unset. */
  mail?: MailOptions
  /** Partner origins a booking's manage link may lead back to (ALLOWED_RETURN_ORIGINS). */
  allowedReturnOrigins?: readonly string[]
  /** The privacy notice and retention period; a year's retention by default. */
  privacy?: PrivacySettings
  /** Ganapati's dossier service levels over the defaults (DOSSIER_SERVICE_LEVELS). */
  dossierServiceLevels?: Partial<ServiceLevels>
  /** How often the outbox is checked besides right after each booking: 15 s by default. */
  backgroundEveryMs?: number
  publicDir?: string
  log?: (message: string) => void
}

export interface RunningServer {
  url: string
  close(): Promise<void>
}

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const log = options.log ?? (() => {})
  const databaseUrl = options.databaseUrl ?? ':memory:'
  const client = await openNodeDatabase(databaseUrl, {
    authToken: options.databaseAuthToken,
    lockWaitMs: options.databaseLockWaitMs,
  })
  await migrateDatabase(client)
  const seeded = await seedReferenceData(client)
  log(
    `reference data ${seeded.status} (SIRO ${seeded.edition}: ${seeded.opcos} OPCO, ${seeded.conventions} conventions, ${seeded.pairs} IDCC→OPCO pairs)`,
  )

  const db = createDb(client)
  const funding = await seedFundingRules(db)
  log(
    `funding rules: ${funding.added} added, ${funding.revised} revised, ${funding.unchanged} unchanged, ${funding.keptAdmin} kept as an admin revised them`,
  )
  const advisors = await seedAdvisors(db)
  log(`advisors: ${advisors.added} added, ${advisors.kept} kept`)
  const mail = options.mail
  // Without a key of its own, one for this process: e-mails still waiting at a restart (the
  // reminders) then go without their links.
  const sealKey = mail?.secret ?? randomToken()
  const from = mail ? parseMailbox(mail.from ?? DEMO_MAIL_FROM) : null
  if (mail && !from) throw new Error(`MAIL_FROM is not an e-mail address: ${mail.from}`)
  const dispatcher = new OutboxDispatcher({
    channels: {
      webhook: options.webhook
        ? new WebhookChannel({ target: options.webhook, clock: systemClock })
        : null,
      email:
        mail && from
          ? new MailChannel({
              transport: mailTransport(mail, databaseUrl, log),
              from,
              sealKey,
              clock: systemClock,
              log,
            })
          : null,
    },
    clock: systemClock,
    log,
  })
  if (mail?.smtpUrl) {
    log(`e-mails go to the SMTP server ${new URL(mail.smtpUrl).host}`)
    if (!mail.secret) {
      log(
        'warning: OUTBOX_SECRET is not set, so reminders still waiting at a restart go without their manage links',
      )
    }
  } else if (mail) {
    log(
      `e-mails are written to ${mail.dir ?? mailDirFor(databaseUrl)} as .eml files: SMTP_URL is not set`,
    )
  }
  if (!options.webhook) {
    log(
      mail
        ? 'advisor notifications go by e-mail: WEBHOOK_URL is not set'
        : 'advisor notifications wait in the outbox: WEBHOOK_URL is not set',
    )
  }
  const privacy = options.privacy
  const retentionDays = privacy?.retentionDays ?? DEFAULT_RETENTION_DAYS
  const trusted = options.trustedProxies ?? []
  const levels = { ...DEFAULT_SERVICE_LEVELS, ...options.dossierServiceLevels }
  // Without PUBLIC_URL, the listening origin, known once the port is.
  let publicUrl = options.publicUrl ?? ''
  const app = createApp({
    adminToken: options.adminToken,
    dispatcher,
    database: () => db,
    publicUrl: () => publicUrl,
    ...(mail ? { mail: { sealKey } } : {}),
    ...(options.allowedReturnOrigins ? { allowedReturnOrigins: options.allowedReturnOrigins } : {}),
    ...(privacy ? { privacy } : {}),
    ...(options.dossierServiceLevels ? { dossierServiceLevels: options.dossierServiceLevels } : {}),
    // The socket's peer, or, when that peer is a trusted proxy, the client it forwards for.
    clientKey: (c) => {
      const peer = getConnInfo(c).remote.address ?? 'unknown'
      const client = clientAddress(peer, c.req.header('x-forwarded-for'), trusted)
      return client ? addressKey(client) : peer
    },
    companies: new RechercheEntreprises({
      baseUrl: options.rechercheEntreprisesUrl ?? DEFAULT_RECHERCHE_ENTREPRISES_URL,
      clock: systemClock,
    }),
  })
  const root = options.publicDir ?? PUBLIC_DIR
  // _headers is the Workers assets' header file, not a page.
  app.get('/_headers', (c) => c.notFound())
  app.use('/*', staticFiles({ root }))

  const hostname = options.hostname ?? '127.0.0.1'
  // What Node's parser or the adapter refuse is answered as problem+json too.
  const server = createNodeServer(app.fetch, hostname)
  await new Promise<void>((ready) => server.listen(options.port ?? 0, hostname, ready))
  // Retries and notifications queued while the receiver was down; unref'd, it never keeps the process alive.
  const background = setInterval(() => {
    backgroundRound(db, dispatcher, systemClock, {
      retentionDays,
      // Reminders are e-mails: without e-mail, none is recorded as sent.
      ...(mail ? { dossierReminders: { levels, publicUrl: () => publicUrl } } : {}),
    }).catch((error: unknown) => {
      log(`background round failed: ${error instanceof Error ? error.message : String(error)}`)
    })
  }, options.backgroundEveryMs ?? BACKGROUND_EVERY_MS)
  background.unref()
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : options.port
  const shownHost = hostname === '0.0.0.0' || hostname === '::' ? '127.0.0.1' : hostname
  const url = `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${port}`
  if (!options.publicUrl) {
    publicUrl = url
    if (!LOCAL_HOSTS.has(hostname)) {
      log(
        `warning: PUBLIC_URL is not set, so the links the API answers point to ${url}; set PUBLIC_URL to the address visitors reach`,
      )
    }
  }
  return {
    url,
    close: () =>
      new Promise<void>((done, fail) => {
        clearInterval(background)
        server.close((error) => {
          client.close()
          if (error) fail(error)
          else done()
        })
      }),
  }
}

/** Beside the database file, in the git-ignored data folder: `file:.data/ganapati.db` → .data/outbox-mail. */
export function mailDirFor(databaseUrl: string): string {
  if (!databaseUrl.startsWith('file:')) return DEFAULT_MAIL_DIR
  const path = databaseUrl.slice('file:'.length).split('?')[0] ?? ''
  return join(dirname(path), 'outbox-mail')
}

function mailTransport(
  mail: MailOptions,
  databaseUrl: string,
  log: (message: string) => void,
): MailTransport {
  return mail.smtpUrl
    ? new SmtpTransport({ url: mail.smtpUrl })
    : new EmlTransport({ dir: mail.dir ?? mailDirFor(databaseUrl), log })
}

async function main(): Promise<void> {
  const config = parseConfig(NodeConfigSchema, process.env)
  const server = await startServer({
    port: config.PORT,
    hostname: config.HOST,
    databaseUrl: config.DATABASE_URL,
    databaseAuthToken: config.DATABASE_AUTH_TOKEN,
    rechercheEntreprisesUrl: config.RECHERCHE_ENTREPRISES_URL,
    adminToken: config.ADMIN_TOKEN,
    publicUrl: config.PUBLIC_URL,
    trustedProxies: config.TRUSTED_PROXIES,
    ...(config.WEBHOOK_URL && config.WEBHOOK_SECRET
      ? { webhook: { url: config.WEBHOOK_URL, secret: config.WEBHOOK_SECRET } }
      : {}),
    mail: {
      ...(config.SMTP_URL ? { smtpUrl: config.SMTP_URL } : {}),
      ...(config.MAIL_FROM ? { from: config.MAIL_FROM } : {}),
      ...(config.OUTBOX_SECRET ? { secret: config.OUTBOX_SECRET } : {}),
    },
    allowedReturnOrigins: config.ALLOWED_RETURN_ORIGINS,
    privacy: privacySettingsOf(config),
    dossierServiceLevels: config.DOSSIER_SERVICE_LEVELS,
    log: (message) => console.log(message),
  })
  console.log(
    `Ganapati widgets: demo ${server.url}/ · API ${server.url}/v1 · bundle ${server.url}/widgets/ganapati.js`,
  )
  const stop = () => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    )
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error)
    process.exit(1)
  })
}
