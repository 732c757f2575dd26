/**
 * Constant response headers (security, CORS) set *before* the handler runs. Hono's secureHeaders and cors set them
 * after, on the finished Response, which pushes @hono/node-server off its fast path (measured with `npm run bench`).
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

/** Documents only (the demo page, the bundle): JSON answers are not rendered, so these would only cost bytes. */
export const PAGE_HEADERS = {
  'Content-Security-Policy': PAGE_CSP,
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Strict-Transport-Security': 'max-age=15552000; includeSubDomains',
  'X-Frame-Options': 'SAMEORIGIN',
}

export function constantHeaders(headers: Record<string, string>): MiddlewareHandler {
  const entries = Object.entries(headers)
  return async (c, next) => {
    for (const [name, value] of entries) c.header(name, value)
    await next()
  }
}

/** Public, credential-free CORS: any origin may read; preflights are answered here. */
export function publicCors(options: {
  methods: string[]
  allowHeaders: string[]
  exposeHeaders: string[]
  maxAgeSeconds: number
}): MiddlewareHandler {
  const preflight = {
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Allow-Methods': options.methods.join(', '),
    'Access-Control-Allow-Headers': options.allowHeaders.join(', '),
    'Access-Control-Max-Age': String(options.maxAgeSeconds),
  }
  const simple = constantHeaders({
    'Access-Control-Allow-Origin': '*',
    ...(options.exposeHeaders.length
      ? { 'Access-Control-Expose-Headers': options.exposeHeaders.join(', ') }
      : {}),
  })
  return async (c, next) => {
    if (c.req.method === 'OPTIONS' && c.req.header('access-control-request-method')) {
      return c.body(null, 204, preflight)
    }
    return simple(c, next)
  }
}
