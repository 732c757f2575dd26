/**
 * Constant response headers (security, CORS). Pages get them through middleware that sets them
 * before the handler runs; JSON answers carry them in their own plain header object (API_HEADERS).
 * Hono's secureHeaders and cors set headers on the finished Response instead, which pushes
 * @hono/node-server off its fast path (measured with `npm run bench`).
 */
import type { MiddlewareHandler } from 'hono'

/** The demo page (and any page this server serves) runs under a strict CSP: no inline script or style, no eval. */
export const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ')

/** Every response: no MIME sniffing; partners load /widgets/ganapati.js and call /v1 from their own origins. */
export const COMMON_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Resource-Policy': 'cross-origin',
}

/** Every JSON answer of /v1: readable by any origin, Retry-After included. */
export const API_HEADERS = {
  ...COMMON_HEADERS,
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': 'Retry-After',
}

/**
 * Powerful features the demo and the widgets never use, denied to the page and to anything it
 * frames; a script injected despite the CSP cannot reach a camera, a payment sheet or USB either.
 * Only names Chromium recognises: an unknown one (such as the retired interest-cohort) logs an
 * error in every visitor's console.
 */
export const PERMISSIONS_POLICY = [
  'accelerometer',
  'browsing-topics',
  'camera',
  'display-capture',
  'geolocation',
  'gyroscope',
  'hid',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'serial',
  'usb',
]
  .map((feature) => `${feature}=()`)
  .join(', ')

/** Documents only (the demo page, the bundle): JSON answers are not rendered, so these would only cost bytes. */
export const PAGE_HEADERS = {
  'Content-Security-Policy': PAGE_CSP,
  'Permissions-Policy': PERMISSIONS_POLICY,
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Strict-Transport-Security': 'max-age=15552000; includeSubDomains',
  'X-Frame-Options': 'SAMEORIGIN',
}

/**
 * Pages and other files outside /v1: kept, but revalidated on every use (an ETag on Node, from
 * api/services/static-files.ts, and on Workers, whose static assets get this very value by
 * default), so a release shows at once and an unchanged file costs a 304.
 */
export const PAGE_CACHE_CONTROL = 'public, max-age=0, must-revalidate'

/**
 * /widgets/*: partners load the bundle cross-origin as a module script, which requires CORS. Its
 * URL carries no version, so a release must reach partner pages within minutes, not days.
 */
export const BUNDLE_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Cache-Control': 'public, max-age=300',
}

export function constantHeaders(headers: Record<string, string>): MiddlewareHandler {
  const entries = Object.entries(headers)
  return async (c, next) => {
    for (const [name, value] of entries) c.header(name, value)
    await next()
  }
}

/** Answers CORS preflights of the public API (credential-free, any origin); other requests go on. */
export function corsPreflight(options: {
  methods: string[]
  allowHeaders: string[]
  maxAgeSeconds: number
}): MiddlewareHandler {
  const preflight = {
    ...COMMON_HEADERS,
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Allow-Methods': options.methods.join(', '),
    'Access-Control-Allow-Headers': options.allowHeaders.join(', '),
    'Access-Control-Max-Age': String(options.maxAgeSeconds),
    // Browsers keep a preflight for Access-Control-Max-Age; say the same to any cache on the way.
    'Cache-Control': `public, max-age=${options.maxAgeSeconds}`,
  }
  return async (c, next) => {
    if (c.req.method === 'OPTIONS' && c.req.header('access-control-request-method')) {
      return new Response(null, { status: 204, headers: preflight })
    }
    await next()
  }
}
