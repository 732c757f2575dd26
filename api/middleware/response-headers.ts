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
  }
  return async (c, next) => {
    if (c.req.method === 'OPTIONS' && c.req.header('access-control-request-method')) {
      return new Response(null, { status: 204, headers: preflight })
    }
    await next()
  }
}
