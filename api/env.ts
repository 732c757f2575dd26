/** The app's environment: Hono's Bindings / Variables types and the zod parsing of configuration at boot. */
import { z } from 'zod'
import type { Db } from '../db/client'
import { parseCidrList } from './domain/client-address'
import type { Member } from './contracts/members'
import type { ConventionCatalog } from './domain/convention-catalog'
import { DEFAULT_SERVICE_LEVELS, type ServiceLevels } from './domain/dossier-deadlines'
import { parseMailbox } from './domain/mailbox'
import { DEFAULT_RETENTION_DAYS, type PrivacySettings } from './domain/privacy-notice'
import { DEFAULT_BREVO_API_URL } from './services/brevo-transport'

export const DEFAULT_RECHERCHE_ENTREPRISES_URL = 'https://recherche-entreprises.api.gouv.fr'

/** A comma-separated list of http(s) origins (ALLOWED_RETURN_ORIGINS), read as origins. */
const OriginList = z
  .string()
  .default('')
  .transform((text, context) => {
    const entries = text
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean)
    const origins: string[] = []
    for (const entry of entries) {
      let url: URL | null = null
      try {
        url = new URL(entry)
      } catch {
        url = null
      }
      if (!url || !/^https?:$/.test(url.protocol) || url.pathname !== '/' || url.search) {
        context.addIssue({
          code: 'custom',
          message: `ALLOWED_RETURN_ORIGINS holds ${JSON.stringify(entry)}, not an http(s) origin: write origins separated by commas, e.g. https://www.partenaire.fr, https://partenaire.fr.`,
        })
        return z.NEVER
      }
      origins.push(url.origin)
    }
    return origins
  })

/** `Ganapati <rendez-vous@ganapati.fr>` or a bare address. */
const Mailbox = z
  .string()
  .refine(
    (text) => parseMailbox(text) !== null,
    'MAIL_FROM must be an address, e.g. Ganapati <rendez-vous@ganapati.fr>.',
  )

/**
 * DOSSIER_SERVICE_LEVELS: JSON overriding some of Ganapati's service levels (db/data/dossier-deadlines.json),
 * e.g. {"invoicingDaysAfterCompletion":3}; each a whole number of calendar days.
 */
const ServiceLevelOverrides = z
  .string()
  .default('{}')
  .transform((text, context): Partial<ServiceLevels> => {
    const days = z.number().int().min(0).max(365).optional()
    const schema = z.strictObject(
      Object.fromEntries(Object.keys(DEFAULT_SERVICE_LEVELS).map((key) => [key, days])),
    )
    let parsed: unknown
    try {
      parsed = JSON.parse(text)
    } catch {
      parsed = null
    }
    const result = schema.safeParse(parsed)
    if (result.success) return result.data as Partial<ServiceLevels>
    context.addIssue({
      code: 'custom',
      message: `DOSSIER_SERVICE_LEVELS must be a JSON object of whole numbers of days (0 to 365) among ${Object.keys(DEFAULT_SERVICE_LEVELS).join(', ')}.`,
    })
    return z.NEVER
  })

/** Configuration shared by both runtimes (Node: process.env; Workers: vars and secrets). */
export const ConfigSchema = z.object({
  DATABASE_URL: z.string().min(1),
  DATABASE_AUTH_TOKEN: z.string().min(1).optional(),
  RECHERCHE_ENTREPRISES_URL: z
    .url({ protocol: /^https?$/ })
    .default(DEFAULT_RECHERCHE_ENTREPRISES_URL),
  ADMIN_TOKEN: z
    .string()
    .min(32, 'ADMIN_TOKEN must hold at least 32 characters (use a random token).')
    .optional(),
  /** Where advisors' notifications are POSTed; without it they wait in the outbox. */
  WEBHOOK_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** Key of the webhooks' HMAC signature, shared with the receiver. */
  WEBHOOK_SECRET: z
    .string()
    .min(32, 'WEBHOOK_SECRET must hold at least 32 characters (use a random secret).')
    .optional(),
  /** Sender of the e-mails; required with a real e-mail channel. */
  MAIL_FROM: Mailbox.optional(),
  /** Seals the manage tokens e-mails carry while they wait in the outbox. */
  OUTBOX_SECRET: z
    .string()
    .min(32, 'OUTBOX_SECRET must hold at least 32 characters (use a random secret).')
    .optional(),
  /** Origins of partner pages a booking's manage link may lead back to, besides PUBLIC_URL's. */
  ALLOWED_RETURN_ORIGINS: OriginList,
  /** Days after a call before the visitor's details are erased. */
  BOOKING_RETENTION_DAYS: z.coerce
    .number()
    .int('BOOKING_RETENTION_DAYS must be a whole number of days.')
    .min(1, 'BOOKING_RETENTION_DAYS must be at least 1.')
    .max(3650, 'BOOKING_RETENTION_DAYS must be at most 3650 (10 years).')
    .default(DEFAULT_RETENTION_DAYS),
  /** The full privacy policy, linked under the notice and in the e-mails. */
  PRIVACY_NOTICE_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** Whom to ask about one's data: an e-mail address or an http(s) page. */
  PRIVACY_CONTACT: z
    .string()
    .max(200)
    .refine(
      (text) => z.email().safeParse(text).success || /^https?:\/\/\S+$/.test(text),
      'PRIVACY_CONTACT must be an e-mail address or an http(s) URL.',
    )
    .optional(),
  /** The notice's own wording, replacing the default; `{days}` and `{contact}` are filled in. */
  PRIVACY_NOTICE_FR: z.string().min(1).max(2000).optional(),
  PRIVACY_NOTICE_EN: z.string().min(1).max(2000).optional(),
  DOSSIER_SERVICE_LEVELS: ServiceLevelOverrides,
})
/** A webhook URL needs its secret: an unsigned notification could be forged by anyone. */
const webhookNeedsSecret = (config: { WEBHOOK_URL?: string; WEBHOOK_SECRET?: string }) =>
  !config.WEBHOOK_URL || Boolean(config.WEBHOOK_SECRET)
const WEBHOOK_SECRET_MISSING = {
  message: 'WEBHOOK_SECRET is required with WEBHOOK_URL.',
  path: ['WEBHOOK_SECRET'],
}

/**
 * Origin of every absolute link the API returns (PUBLIC_URL), never the request's Host header,
 * which a client chooses. An origin only: the app serves its routes at the root.
 */
const PublicUrl = z
  // abort: the origin check below only ever reads a URL.
  .url({ protocol: /^https?$/, message: 'PUBLIC_URL must be an http(s) URL.', abort: true })
  .refine((text) => {
    const url = new URL(text)
    return url.pathname === '/' && !url.search && !url.hash && !url.username && !url.password
  }, 'PUBLIC_URL must be an origin such as https://widgets.ganapati.fr, without a path, query or credentials.')
  .transform((text) => new URL(text).origin)

export const WorkerConfigSchema = ConfigSchema.extend({
  PUBLIC_URL: PublicUrl,
  /** Brevo's transactional API key: e-mails are sent through it; unset, no e-mail is queued. */
  BREVO_API_KEY: z.string().min(1).optional(),
  BREVO_API_URL: z.url({ protocol: /^https?$/ }).default(DEFAULT_BREVO_API_URL),
})
  .refine(webhookNeedsSecret, WEBHOOK_SECRET_MISSING)
  .refine((config) => !config.BREVO_API_KEY || Boolean(config.MAIL_FROM), {
    message: 'MAIL_FROM is required with BREVO_API_KEY.',
    path: ['MAIL_FROM'],
  })
  // A Worker has no disk to keep a key of its own: e-mails waiting across isolates need this one.
  .refine((config) => !config.BREVO_API_KEY || Boolean(config.OUTBOX_SECRET), {
    message: 'OUTBOX_SECRET is required with BREVO_API_KEY.',
    path: ['OUTBOX_SECRET'],
  })
export type Config = z.infer<typeof ConfigSchema>
export type WorkerConfig = z.infer<typeof WorkerConfigSchema>

/** The proxies whose X-Forwarded-For is believed (TRUSTED_PROXIES): comma-separated CIDR ranges. */
const TrustedProxies = z
  .string()
  .default('')
  .transform((text, context) => {
    const parsed = parseCidrList(text)
    if ('cidrs' in parsed) return parsed.cidrs
    context.addIssue({
      code: 'custom',
      message: `TRUSTED_PROXIES holds ${parsed.invalid.map((entry) => JSON.stringify(entry)).join(', ')}, not IPv4 or IPv6 ranges: write addresses or CIDR ranges separated by commas, e.g. 10.0.0.0/8, 2001:db8::/32, 127.0.0.1.`,
    })
    return z.NEVER
  })

export const NodeConfigSchema = ConfigSchema.extend({
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  /** All interfaces by default, as a server in a container needs; 127.0.0.1 keeps it local. */
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z.string().min(1).default('file:.data/ganapati.db'),
  /** Unset: the listening origin, which only suits a server reached on localhost. */
  PUBLIC_URL: PublicUrl.optional(),
  TRUSTED_PROXIES: TrustedProxies,
  /** smtp:// or smtps:// with user and password; unset, e-mails are written as .eml files. */
  SMTP_URL: z
    .url({ protocol: /^smtps?$/, message: 'SMTP_URL must be an smtp:// or smtps:// URL.' })
    .optional(),
})
  .refine(webhookNeedsSecret, WEBHOOK_SECRET_MISSING)
  .refine((config) => !config.SMTP_URL || Boolean(config.MAIL_FROM), {
    message: 'MAIL_FROM is required with SMTP_URL.',
    path: ['MAIL_FROM'],
  })
export type NodeConfig = z.infer<typeof NodeConfigSchema>

/** The privacy notice and retention period the configuration sets. */
export function privacySettingsOf(config: Config): PrivacySettings {
  return {
    retentionDays: config.BOOKING_RETENTION_DAYS,
    contact: config.PRIVACY_CONTACT ?? null,
    policyUrl: config.PRIVACY_NOTICE_URL ?? null,
    text: {
      ...(config.PRIVACY_NOTICE_FR ? { fr: config.PRIVACY_NOTICE_FR } : {}),
      ...(config.PRIVACY_NOTICE_EN ? { en: config.PRIVACY_NOTICE_EN } : {}),
    },
  }
}

/** Reads configuration, failing at boot with every bad variable named rather than at the first request. */
export function parseConfig<Schema extends z.ZodType>(
  schema: Schema,
  source: Record<string, unknown>,
): z.output<Schema> {
  const result = schema.safeParse(source)
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`)
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`)
  }
  return result.data
}

/** A bearer session as a request holds it: the member, and the hash that names the session. */
export interface MemberSession {
  member: Member
  tokenHash: string
}

export type AppEnv = {
  Bindings: Record<string, unknown>
  Variables: {
    db: Db
    catalog: () => Promise<ConventionCatalog>
    /** The signed-in member, on the routes behind memberAuth (api/middleware/member-auth.ts). */
    session: MemberSession
  }
}
