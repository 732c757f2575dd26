/** The app's environment: Hono's Bindings / Variables types and the zod parsing of configuration at boot. */
import { z } from 'zod'
import type { Db } from '../db/client'
import { parseCidrList } from './domain/client-address'
import type { ConventionCatalog } from './domain/convention-catalog'

export const DEFAULT_RECHERCHE_ENTREPRISES_URL = 'https://recherche-entreprises.api.gouv.fr'

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

export const WorkerConfigSchema = ConfigSchema.extend({ PUBLIC_URL: PublicUrl }).refine(
  webhookNeedsSecret,
  WEBHOOK_SECRET_MISSING,
)
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
}).refine(webhookNeedsSecret, WEBHOOK_SECRET_MISSING)
export type NodeConfig = z.infer<typeof NodeConfigSchema>

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

export type AppEnv = {
  Bindings: Record<string, unknown>
  Variables: {
    db: Db
    catalog: () => Promise<ConventionCatalog>
  }
}
