/** Issues single-use sign-in links and bearer sessions: random tokens, kept as SHA-256 only. */
import { insertAuthLink, insertSession } from '../../db/members'
import type { Db } from '../../db/client'
import type { Member, Session } from '../contracts/members'
import type { QueuedMail } from '../domain/queued-mail'
import { queuedMailRow } from './mail-rows'
import { randomToken, tokenHash } from './secrets'

/** The rule: a link opens a session within 15 minutes, once. */
export const SIGN_IN_LINK_MINUTES = 15

/**
 * A session lasts a week: a trainer opens the tracker on their own site every few days, and a
 * stolen one is revoked with DELETE /v1/auth/sessions/current or dies within the week.
 */
export const SESSION_LIFETIME_MS = 7 * 86_400_000

const iso = (instant: number) => new Date(instant).toISOString()

/** Stores a new link for the member and queues the e-mail carrying it, its token sealed. */
export async function queueSignInLink(
  db: Db,
  member: Member,
  mail: QueuedMail,
  options: { now: number; sealKey: string; topic: string },
): Promise<void> {
  const token = randomToken()
  const at = iso(options.now)
  const row = await queuedMailRow(
    { topic: options.topic, subject: `member:${member.id}`, at },
    mail,
    {
      value: token,
      sealKey: options.sealKey,
    },
  )
  await insertAuthLink(
    db,
    {
      tokenHash: await tokenHash(token),
      memberId: member.id,
      expiresAt: iso(options.now + SIGN_IN_LINK_MINUTES * 60_000),
      at,
    },
    row,
  )
}

/** A new session for the member (POST /v1/admin/members/:id/sessions). */
export async function openSession(db: Db, member: Member, now: number): Promise<Session> {
  const sessionToken = randomToken()
  const expiresAt = iso(now + SESSION_LIFETIME_MS)
  await insertSession(db, {
    tokenHash: await tokenHash(sessionToken),
    memberId: member.id,
    expiresAt,
    at: iso(now),
  })
  return { sessionToken, expiresAt, member }
}

/** A fresh token and its hash, for a session opened by exchanging a link. */
export async function newSessionToken(now: number) {
  const sessionToken = randomToken()
  return {
    sessionToken,
    tokenHash: await tokenHash(sessionToken),
    expiresAt: iso(now + SESSION_LIFETIME_MS),
    at: iso(now),
  }
}
