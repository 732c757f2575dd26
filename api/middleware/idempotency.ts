/**
 * Idempotency-Key (draft-ietf-httpapi-idempotency-key-header): a retried POST with the same key
 * and body gets the first answer again instead of doing the work twice. The key is claimed in the
 * database before the work, so two concurrent retries cannot both run it. Keys are scoped (to the
 * client): the same key from elsewhere is another key, so it never replays someone else's answer.
 */
import type { Context, MiddlewareHandler } from 'hono'
import type { Db } from '../../db/client'
import {
  claimKey,
  completeKey,
  findKey,
  releaseKey,
  takeOverStaleKey,
} from '../../db/idempotency-keys'
import type { Clock } from '../services/clock'
import { seal, tokenHash, unseal } from '../services/secrets'
import { ProblemError } from './problem'
import { API_HEADERS } from './response-headers'

/** A claim older than this belongs to a request that died mid-way: a retry may take it over. */
const STALE_CLAIM_MS = 60_000

const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/

interface StoredAnswer {
  contentType: string
  body: string
}

function replay(status: number, answer: StoredAnswer): Response {
  return new Response(answer.body, {
    status,
    headers: {
      ...API_HEADERS,
      'Content-Type': answer.contentType,
      'Cache-Control': 'no-store',
      'Idempotent-Replayed': 'true',
    },
  })
}

/** Answers worth replaying: success and the client's own errors; a server error is retried for real. */
const replayable = (status: number) => status < 500 && status !== 429

export function idempotency(options: {
  clock: Clock
  db: (c: Context) => Db
  /** Whose keys these are (built in app.ts); a key is only ever looked up within its scope. */
  scope: (c: Context) => string
}): MiddlewareHandler {
  return async (c, next) => {
    const key = c.req.header('idempotency-key')
    if (key === undefined) return next()
    if (!KEY_PATTERN.test(key)) {
      throw new ProblemError('validation-error', 'La clé Idempotency-Key est invalide.', {
        errors: [
          {
            pointer: '/headers/idempotency-key',
            detail: 'De 1 à 255 caractères ASCII visibles, par exemple un UUID.',
          },
        ],
      })
    }
    const db = options.db(c)
    const [keyHash, requestHash] = await Promise.all([
      // JSON keeps scope and key apart whatever characters either holds.
      tokenHash(JSON.stringify(['idempotency-key', options.scope(c), key])),
      tokenHash(await c.req.text()),
    ])
    const now = () => new Date(options.clock.now()).toISOString()

    if (!(await claimKey(db, keyHash, requestHash, now()))) {
      const record = await findKey(db, keyHash)
      if (record && record.requestHash !== requestHash) {
        throw new ProblemError(
          'idempotency-key-reused',
          'Cette clé Idempotency-Key a déjà servi pour une autre demande : utilisez une clé nouvelle.',
        )
      }
      if (record?.status != null && record.sealedBody) {
        const text = await unseal(record.sealedBody, key)
        if (text !== null) return replay(record.status, JSON.parse(text) as StoredAnswer)
      }
      const staleBefore = new Date(options.clock.now() - STALE_CLAIM_MS).toISOString()
      if (!record || !(await takeOverStaleKey(db, keyHash, staleBefore, now()))) {
        throw new ProblemError(
          'idempotency-key-in-flight',
          'Cette demande est déjà en cours de traitement : réessayez dans un instant.',
          { headers: { 'Retry-After': '1' } },
        )
      }
    }

    try {
      await next()
    } catch (error) {
      await releaseKey(db, keyHash)
      throw error
    }
    const response = c.res
    if (!replayable(response.status)) {
      await releaseKey(db, keyHash)
      return
    }
    const answer: StoredAnswer = {
      contentType: response.headers.get('content-type') ?? 'application/json',
      body: await response.clone().text(),
    }
    try {
      await completeKey(db, keyHash, response.status, await seal(JSON.stringify(answer), key))
    } catch (error) {
      // The work is committed: its answer goes out even if it cannot be kept for a replay. A retry
      // meets the unfinished claim (409, then after STALE_CLAIM_MS the work's own conflict).
      console.error(error)
    }
  }
}
