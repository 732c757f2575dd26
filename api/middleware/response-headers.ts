/**
 * Constant response headers (security, CORS) set *before* the handler runs. Hono's secureHeaders and cors set them
 * after, on the finished Response, which pushes @hono/node-server off its fast path (measured with `npm run bench`).
 */
import type { MiddlewareHandler } from 'hono'

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
