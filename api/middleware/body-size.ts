/**
 * Refuses request bodies above a size. The declared Content-Length is checked without touching the
 * body; only a body without one (chunked) is counted by Hono's bodyLimit. Touching `c.req.raw.body`
 * on every request, as bodyLimit does, turns the Node request into a web stream and halved the
 * simulations' throughput (`npm run bench`).
 */
import type { MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { ProblemError } from './problem'

export function maxBodySize(maxBytes: number): MiddlewareHandler {
  const tooLarge = () => {
    throw new ProblemError(
      'payload-too-large',
      `Le corps de la requête dépasse ${maxBytes} octets.`,
    )
  }
  const counted = bodyLimit({ maxSize: maxBytes, onError: tooLarge })
  return async (c, next) => {
    const declared = c.req.header('content-length')
    if (declared === undefined || c.req.header('transfer-encoding')) return counted(c, next)
    if (!/^\d+$/.test(declared) || Number(declared) > maxBytes) return tooLarge()
    await next()
  }
}
